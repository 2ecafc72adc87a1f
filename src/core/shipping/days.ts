/**
 * Calendar dates as day numbers (days since 1970-01-01), so that the day-by-day searches of the
 * delivery-date engine are integer loops. Conversions go through core/time; nothing here knows a
 * calendar rule of its own.
 */
import type { DayOfWeek, IsoDate } from '../api/types.js';
import { addDays, daysBetween, weekdayOf } from '../time/index.js';

const EPOCH: IsoDate = '1970-01-01';
/** Weekday of day 0 (a Thursday), read from core/time rather than assumed. */
const EPOCH_WEEKDAY: number = weekdayOf(EPOCH) ?? 4;

/** How far past its starting date any search for a working or delivery day looks (rule 11). */
export const SEARCH_DAYS = 366;

/** The day number of a valid ISO date, or NaN. */
export function toDay(date: IsoDate): number {
  return daysBetween(EPOCH, date);
}

/** The ISO date of a day number, or '' outside the years 0000-9999. */
export function fromDay(day: number): IsoDate {
  return addDays(EPOCH, day);
}

/** The weekday of a day number, 0 (Sunday) to 6 (Saturday). */
export function weekdayOfDay(day: number): DayOfWeek {
  return ((((day + EPOCH_WEEKDAY) % 7) + 7) % 7) as DayOfWeek;
}

/**
 * The `n`-th day after `start` that passes `test`, looking at most `SEARCH_DAYS` days past
 * `start`; with `n` = 0, the first such day on or after `start`. Undefined when there is none
 * within reach.
 */
export function nthDay(
  start: number,
  n: number,
  test: (day: number) => boolean,
): number | undefined {
  if (n === 0) {
    for (let day = start; day <= start + SEARCH_DAYS; day++) if (test(day)) return day;
    return undefined;
  }
  if (n > SEARCH_DAYS) return undefined;
  let found = 0;
  for (let day = start + 1; day <= start + SEARCH_DAYS; day++) {
    if (test(day) && ++found === n) return day;
  }
  return undefined;
}
