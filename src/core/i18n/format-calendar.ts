/**
 * Calendar dates without a time or zone ("YYYY-MM-DD": a delivery date) and short durations
 * ("3 hr, 12 min"), in the shopper's locale and calendar. Apart from format.ts so that pages
 * without them (a stock badge) do not load them.
 */
import { parseIsoDate, type IsoDate } from '../time/zoned.js';
import { dateFormat, safeLocale } from './format.js';

export { weekdayFitsSentence } from './format.js';

/** Noon UTC of a calendar date: formatted in UTC, no zone or DST edge can move it a day. */
function noonUtc(date: IsoDate): Date | undefined {
  const parts = parseIsoDate(date);
  return parts ? new Date(Date.UTC(parts.year, parts.month - 1, parts.day, 12)) : undefined;
}

/**
 * A calendar date in the locale's words and calendar (Intl picks the calendar: Gregorian for
 * `en`, the Umm al-Qura calendar for `ar-SA` ...): `{ weekday: 'short', day: 'numeric', month:
 * 'short' }` gives "Thu 27 Nov" in en-GB, "Thu, Nov 27" in en-US. '' for an invalid date.
 */
export function formatCalendarDate(
  date: IsoDate,
  locale: string,
  options: Intl.DateTimeFormatOptions,
): string {
  const day = noonUtc(date);
  return day ? dateFormat(locale, { ...options, timeZone: 'UTC' }).format(day) : '';
}

/**
 * A range of calendar dates with the locale's range punctuation ("27 Nov – 1 Dec", "27–29 Nov");
 * one date when both are the same. '' when either is invalid.
 */
export function formatCalendarRange(
  from: IsoDate,
  to: IsoDate,
  locale: string,
  options: Intl.DateTimeFormatOptions,
): string {
  const start = noonUtc(from);
  const end = noonUtc(to);
  if (!start || !end) return '';
  const format = dateFormat(locale, { ...options, timeZone: 'UTC' });
  if (from === to) return format.format(start);
  return start < end ? format.formatRange(start, end) : format.formatRange(end, start);
}

/**
 * Languages whose weekday names change form inside a sentence, which Intl cannot do: Lithuanian
 * wants "iki penktadienio" (by Friday) and "penktadienį" (on Friday), and Intl only says
 * "penktadienis".
 */
interface DurationFormatLike {
  format(duration: { hours?: number; minutes?: number }): string;
}
type DurationFormatConstructor = new (
  locale: string,
  options: { style: 'short' | 'long' },
) => DurationFormatLike;

const durations = new Map<string, DurationFormatLike>();

/**
 * Languages whose short units are single letters ("14 س و22 د" in Arabic): spelled out there.
 */
const SPELLED_OUT = new Set(['ar']);

/**
 * Whole hours and minutes in the locale's short style ("3 hr, 12 min", "12 min"; spelled out
 * where short units are single letters: "3 ساعات و12 دقيقة"), with `Intl.DurationFormat` where
 * the browser has it, else unit-formatted numbers. Zero units are left out; '' for no time at
 * all or a negative or non-integer count.
 */
export function formatHoursMinutes(hours: number, minutes: number, locale: string): string {
  if (!Number.isSafeInteger(hours) || !Number.isSafeInteger(minutes)) return '';
  if (hours < 0 || minutes < 0 || hours + minutes === 0) return '';
  const safe = safeLocale(locale);
  const style = SPELLED_OUT.has(safe.split('-')[0]!.toLowerCase()) ? 'long' : 'short';
  const Ctor = (Intl as unknown as { DurationFormat?: DurationFormatConstructor }).DurationFormat;
  if (Ctor) {
    let format = durations.get(safe);
    if (!format) {
      format = new Ctor(safe, { style });
      durations.set(safe, format);
    }
    return format.format(hours > 0 ? { hours, minutes } : { minutes });
  }
  const unit = (value: number, name: 'hour' | 'minute') =>
    new Intl.NumberFormat(safe, { style: 'unit', unit: name, unitDisplay: style }).format(value);
  return [hours > 0 ? unit(hours, 'hour') : '', minutes > 0 ? unit(minutes, 'minute') : '']
    .filter(Boolean)
    .join(' ');
}
