/**
 * Formatting of days in a timezone (a store's, an origin's): apart from format.ts, so that pages
 * without such dates (a stock badge) do not load the zoned-time helpers.
 */
import { zonedParts } from '../time/zoned.js';
import { dateFormat, relativeFormat, weekdayFitsSentence } from './format.js';

/** Where `formatDayOffset` counts days from. */
export interface DayOffsetOptions {
  /** The instant whose calendar day is offset 0; default now. */
  from?: Date;
  /** IANA timezone whose calendar is used (the store's); default the browser's. */
  timeZone?: string;
}

/**
 * A day relative to today, as shoppers read it next to an opening time: 0 -> "today",
 * 1 -> "tomorrow" (Intl.RelativeTimeFormat numeric 'auto'); 2 to 6 -> the weekday name
 * ("Friday", Intl.DateTimeFormat; the date, "lapkričio 27 d.", where a weekday name would need a
 * case Intl does not give: `weekdayFitsSentence`) of that day in `options.timeZone`, counted from the calendar
 * day of `options.from`; anything else (past days, a week or more, an invalid timezone) ->
 * relative text such as "in 8 days". Pair with `storeOpenState(store, now).opensAt` by passing
 * the same `now` and the store's timezone.
 */
export function formatDayOffset(
  dayOffset: number,
  locale: string,
  options: DayOffsetOptions = {},
): string {
  const rtf = relativeFormat(locale);
  const offset = Math.trunc(dayOffset);
  if (!Number.isFinite(offset)) return '';
  if (offset >= 2 && offset <= 6) {
    const from = options.from ?? new Date();
    const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    const today = zonedParts(from, timeZone);
    if (today) {
      // Noon UTC of the target calendar day, formatted in UTC: no DST edge can shift the day.
      const target = new Date(Date.UTC(today.year, today.month - 1, today.day + offset, 12));
      const day: Intl.DateTimeFormatOptions = weekdayFitsSentence(locale)
        ? { weekday: 'long' }
        : { day: 'numeric', month: 'long' };
      return dateFormat(locale, { ...day, timeZone: 'UTC' }).format(target);
    }
  }
  return rtf.format(offset, 'day');
}
