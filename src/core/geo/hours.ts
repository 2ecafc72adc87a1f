/**
 * Store opening state, computed on the store's own wall clock (its IANA timezone), never the
 * browser's: a shopper in Nairobi looking at a store in Manila sees Manila's "open until 21:00".
 */
import type { OpeningHours, Store } from '../api/types.js';
import {
  addDays,
  formatClockTime24,
  parseClockTime,
  zonedParts,
  type ZonedParts,
} from '../time/zoned.js';

/** Whether a store is open at a given instant, and what changes next. */
export interface OpenState {
  open: boolean;
  /** Closed all of today: a closure date, or no hours for today's weekday. */
  closedToday: boolean;
  /**
   * True when the state cannot be known: the store publishes no hours at all, or its timezone is
   * not a valid IANA name. `open` and `closedToday` are then false and nothing else is set.
   */
  unknown?: boolean;
  /** When open: the store-local closing time "HH:MM" (omitted when open around the clock). */
  closesAt?: string;
  /** When closed: the next opening, store-local, and how many days from today (0 = later today, 1 = tomorrow ...). */
  opensAt?: { time: string; dayOffset: number };
}

/** A calendar date and wall-clock time in some timezone. */
export interface ZonedDateTime {
  year: number;
  /** 1-12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 (Sunday) to 6 (Saturday). */
  weekday: number;
}

const MINUTES_PER_DAY = 24 * 60;
/** How far ahead (in days) the next opening is looked for; covers long closures. */
const LOOKAHEAD_DAYS = 14;

/**
 * The calendar date and wall-clock time of `date` in `timeZone`, or undefined when the timezone is
 * not a valid IANA name (or the date is invalid). Never throws. (`zonedParts` in core/time gives
 * more: seconds, the ISO date and minutes since midnight.)
 */
export function zonedDateTime(date: Date, timeZone: string): ZonedDateTime | undefined {
  const parts = zonedParts(date, timeZone);
  if (!parts) return undefined;
  const { year, month, day, hour, minute, weekday } = parts;
  return { year, month, day, hour, minute, weekday };
}

interface Interval {
  start: number;
  end: number;
}

/**
 * Opening intervals as minutes relative to store-local midnight today, for the days from
 * yesterday (whose overnight hours may reach into today) to the look-ahead limit. Closure dates
 * drop every range that starts on them. Overlapping or touching ranges are merged.
 */
function openingIntervals(
  hours: readonly OpeningHours[],
  closures: ReadonlySet<string>,
  today: ZonedParts,
): Interval[] {
  const intervals: Interval[] = [];
  for (let offset = -1; offset <= LOOKAHEAD_DAYS; offset++) {
    if (closures.has(addDays(today.date, offset))) continue;
    const weekday = (((today.weekday + offset) % 7) + 7) % 7;
    for (const range of hours) {
      if (range?.day !== weekday) continue;
      const open = parseClockTime(range.open);
      const close = parseClockTime(range.close);
      if (open === undefined || close === undefined || open >= MINUTES_PER_DAY) continue;
      const dayStart = offset * MINUTES_PER_DAY;
      // close <= open: the range runs past midnight into the next day (00:00-00:00 is 24 h).
      const end = close <= open ? close + MINUTES_PER_DAY : close;
      intervals.push({ start: dayStart + open, end: dayStart + end });
    }
  }
  intervals.sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of intervals) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

/**
 * Whether `store` is open at `now` (default: the current time), in the store's timezone.
 * Handles several ranges per day, overnight ranges (close <= open, e.g. 18:00-02:00 is open at
 * 01:00 the next day), store-local closure dates and DST (all comparisons are on the store's wall
 * clock). An overnight range that began the day before a closure date still runs to its close.
 * A store without hours or with an invalid timezone gives `{ open: false, closedToday: false,
 * unknown: true }`. Never throws.
 */
export function storeOpenState(
  store: Pick<Store, 'timezone' | 'hours' | 'closures'>,
  now: Date = new Date(),
): OpenState {
  const unknown: OpenState = { open: false, closedToday: false, unknown: true };
  const hours = Array.isArray(store.hours) ? store.hours : [];
  if (hours.length === 0) return unknown;
  const today = zonedParts(now, store.timezone);
  if (!today) return unknown;

  const closures = new Set(Array.isArray(store.closures) ? store.closures : []);
  const intervals = openingIntervals(hours, closures, today);
  const nowMinutes = today.minutes;
  const lookaheadEnd = LOOKAHEAD_DAYS * MINUTES_PER_DAY;

  const current = intervals.find((i) => i.start <= nowMinutes && nowMinutes < i.end);
  if (current) {
    // Runs to the end of the look-ahead window: open around the clock, no closing time.
    return current.end > lookaheadEnd
      ? { open: true, closedToday: false }
      : { open: true, closedToday: false, closesAt: formatClockTime24(current.end) };
  }

  const startsToday = intervals.some((i) => i.start >= 0 && i.start < MINUTES_PER_DAY);
  const state: OpenState = { open: false, closedToday: !startsToday };
  const next = intervals.find((i) => i.start > nowMinutes);
  if (next) {
    state.opensAt = {
      time: formatClockTime24(next.start),
      dayOffset: Math.floor(next.start / MINUTES_PER_DAY),
    };
  }
  return state;
}
