/**
 * Calendar dates and wall-clock times in IANA timezones, from `Intl.DateTimeFormat` alone (no
 * Temporal, no libraries). Dates are proleptic Gregorian "YYYY-MM-DD" strings (years 0000-9999);
 * their arithmetic is plain integer arithmetic, so no `Date` quirk (two-digit years, the host
 * zone) can leak in. Nothing here throws on bad input: results that have a type of their own
 * (parts, instants, weekdays) are `undefined`, strings are `''` and numbers are `NaN`.
 */
import type { DayOfWeek, IsoDate } from '../api/types.js';

export type { DayOfWeek, IsoDate } from '../api/types.js';

/** A calendar date and wall-clock time in some timezone. */
export interface ZonedParts {
  year: number;
  /** 1-12. */
  month: number;
  /** 1-31. */
  day: number;
  /** 0-23. */
  hour: number;
  minute: number;
  second: number;
  /** 0 (Sunday) to 6 (Saturday). */
  weekday: DayOfWeek;
  /** "YYYY-MM-DD". */
  date: IsoDate;
  /** Wall-clock minutes since local midnight (`hour * 60 + minute`), 0-1439. */
  minutes: number;
}

/**
 * How a wall-clock time that does not exist once is resolved, as in Temporal.
 * - In a gap (the clock jumps forward, e.g. DST starts), `'compatible'` and `'later'` move the
 *   time forward by the gap's length, `'earlier'` moves it back by the gap's length.
 * - In an overlap (the clock falls back, the time happens twice), `'compatible'` and `'earlier'`
 *   take the earlier instant, `'later'` the later one.
 */
export type Disambiguation = 'compatible' | 'earlier' | 'later';

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const DAY_MS = 24 * 60 * MINUTE_MS;
const MINUTES_PER_DAY = 24 * 60;
/** The range of `Date`: +-100,000,000 days around the epoch. */
const MAX_INSTANT = 8.64e15;

// ---------------------------------------------------------------------------------------------
// Plain calendar arithmetic (proleptic Gregorian, days since 1970-01-01)
// ---------------------------------------------------------------------------------------------

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The proleptic Gregorian date `days` days after 1970-01-01 (Hinnant's civil_from_days). */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

/** "YYYY-MM-DD", or '' for a year outside 0000-9999. */
function formatDate(year: number, month: number, day: number): IsoDate {
  if (year < 0 || year > 9999) return '';
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function weekdayOfDays(days: number): DayOfWeek {
  // 1970-01-01 was a Thursday.
  return ((((days + 4) % 7) + 7) % 7) as DayOfWeek;
}

/** Days since 1970-01-01 of a valid ISO date, or undefined. */
function epochDays(date: unknown): number | undefined {
  const parsed = parseIsoDate(date);
  return parsed && daysFromCivil(parsed.year, parsed.month, parsed.day);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_TIME = /^(\d{2}):(\d{2})$/;

/**
 * The year, month (1-12) and day of a strict "YYYY-MM-DD" date that exists in the proleptic
 * Gregorian calendar ("2026-02-29" does not; "2028-02-29" does), or undefined. No whitespace,
 * no time part, no expanded years.
 */
export function parseIsoDate(
  value: unknown,
): { year: number; month: number; day: number } | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** Whether `value` is a strict "YYYY-MM-DD" date that exists (see `parseIsoDate`). */
export function isIsoDate(value: unknown): value is IsoDate {
  return parseIsoDate(value) !== undefined;
}

/**
 * The date `days` calendar days after `date` (negative goes back), across month, year and leap
 * day ends. '' when `date` is not a valid ISO date, `days` is not an integer, or the result
 * falls outside the years 0000-9999.
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  const start = epochDays(date);
  if (start === undefined || !Number.isSafeInteger(days)) return '';
  const { year, month, day } = civilFromDays(start + days);
  return formatDate(year, month, day);
}

/** The weekday of a date, 0 (Sunday) to 6 (Saturday); undefined when `date` is not valid. */
export function weekdayOf(date: IsoDate): DayOfWeek | undefined {
  const days = epochDays(date);
  return days === undefined ? undefined : weekdayOfDays(days);
}

/** Negative when `a` is before `b`, 0 when equal, positive after; NaN when either is invalid. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return daysBetween(b, a);
}

/**
 * Calendar days from `from` to `to` (positive when `to` is later): 2026-12-31 to 2027-01-01 is
 * 1. NaN when either date is invalid.
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const start = epochDays(from);
  const end = epochDays(to);
  return start === undefined || end === undefined ? NaN : end - start;
}

/**
 * Minutes since midnight of a strict "HH:MM" clock time, 00:00-23:59 plus "24:00" (1440, the end
 * of the day), or undefined for anything else ("9:00", "9:5", "25:00", "12:60", " 09:00").
 */
export function parseClockTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = CLOCK_TIME.exec(value);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return undefined;
  return hours * 60 + minutes;
}

/**
 * "HH:MM" (24-hour) for minutes since midnight, wrapped to one day: 1440 is "00:00" of the next
 * day, -1 is "23:59". Fractions of a minute are dropped; '' for a non-finite number.
 */
export function formatClockTime24(minutes: number): string {
  if (!Number.isFinite(minutes)) return '';
  const m = ((Math.floor(minutes) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

// ---------------------------------------------------------------------------------------------
// Timezones
// ---------------------------------------------------------------------------------------------

/** One formatter per zone name as given; invalid names are not cached (they are rare). */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: unknown): Intl.DateTimeFormat | undefined {
  // An empty name would silently mean the host's zone in some engines; it is never valid here.
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return undefined;
  let format = formatters.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        calendar: 'gregory',
        numberingSystem: 'latn',
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      return undefined;
    }
    formatters.set(timeZone, format);
  }
  return format;
}

/**
 * Whether `tz` is a timezone `Intl.DateTimeFormat` accepts: an IANA name ("Europe/Oslo", any
 * case, links like "Asia/Calcutta"), "UTC", or (in engines that support them) offsets like
 * "+05:30". Never throws.
 */
export function isValidTimeZone(tz: unknown): tz is string {
  return formatter(tz) !== undefined;
}

/** Epoch milliseconds of a finite number or valid Date within the `Date` range, or undefined. */
function toInstant(instant: unknown): number | undefined {
  const ms = instant instanceof Date ? instant.getTime() : instant;
  return typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= MAX_INSTANT
    ? ms
    : undefined;
}

/** The wall clock at `instant` (whole seconds) in a zone, as epoch days and ms into the day. */
interface Wall {
  /** The wall clock read as if it were UTC, in epoch milliseconds (whole seconds). */
  local: number;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: number, format: Intl.DateTimeFormat): Wall | undefined {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = format.formatToParts(instant);
  } catch {
    return undefined;
  }
  let year = NaN;
  let month = NaN;
  let day = NaN;
  let hour = NaN;
  let minute = NaN;
  let second = NaN;
  let bc = false;
  for (const part of parts) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        // Some engines render midnight as "24" even with h23.
        hour = Number(part.value) % 24;
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      case 'era':
        bc = part.value === 'BC' || part.value === 'B';
        break;
    }
  }
  if (![year, month, day, hour, minute, second].every(Number.isInteger)) return undefined;
  // Era years count 1 BC, 2 BC ...: 1 BC is year 0 of the proleptic calendar.
  if (bc) year = 1 - year;
  const local =
    daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * SECOND_MS;
  return { local, year, month, day, hour, minute, second };
}

/** Offset (east positive) in milliseconds, whole seconds; undefined for a bad zone or instant. */
function offsetMs(instant: number, format: Intl.DateTimeFormat): number | undefined {
  const wall = wallClock(instant, format);
  if (!wall) return undefined;
  const offset = wall.local - Math.floor(instant / SECOND_MS) * SECOND_MS;
  // No zone has ever been a day or more from UTC; anything else is an engine or calendar quirk.
  return Math.abs(offset) < DAY_MS ? offset : undefined;
}

/**
 * The calendar date, wall-clock time and weekday of `instant` (epoch ms or a Date) in `timeZone`,
 * or undefined for an invalid zone or instant, or a local year outside 0000-9999. Seconds are
 * floored (milliseconds dropped).
 */
export function zonedParts(instant: number | Date, timeZone: string): ZonedParts | undefined {
  const ms = toInstant(instant);
  const format = formatter(timeZone);
  if (ms === undefined || !format) return undefined;
  const wall = wallClock(ms, format);
  if (!wall) return undefined;
  const { year, month, day, hour, minute, second } = wall;
  const date = formatDate(year, month, day);
  if (!date) return undefined;
  const weekday = weekdayOfDays(daysFromCivil(year, month, day));
  return { year, month, day, hour, minute, second, weekday, date, minutes: hour * 60 + minute };
}

/** "YYYY-MM-DD" of `instant` in `timeZone`, or undefined (see `zonedParts`). */
export function dateInZone(instant: number | Date, timeZone: string): IsoDate | undefined {
  return zonedParts(instant, timeZone)?.date;
}

/**
 * Offset of `timeZone` from UTC at `instant`, in minutes, east positive (Oslo in summer: 120,
 * New York in winter: -300, Kathmandu: 345). Historic local mean times are not whole minutes
 * (Kolkata in 1900: 321.1666...); the result is then fractional. Undefined for an invalid zone
 * or instant.
 */
export function offsetMinutes(instant: number, timeZone: string): number | undefined {
  const ms = toInstant(instant);
  const format = formatter(timeZone);
  if (ms === undefined || !format) return undefined;
  const offset = offsetMs(ms, format);
  return offset === undefined ? undefined : offset / MINUTE_MS;
}

/**
 * The instant (epoch ms) at which the wall clock in `timeZone` reads `time` ("HH:MM"; "24:00" is
 * 00:00 of the next date) on `date`. A time skipped by a gap or repeated by an overlap is
 * resolved by `disambiguation` (default `'compatible'`, as `Date` and Temporal do): 02:30 on a
 * day the clock jumps 02:00 -> 03:00 is 03:30 at the new offset ('earlier': 01:30 at the old
 * one); 02:30 on a day it falls back 03:00 -> 02:00 is the first 02:30 ('later': the second).
 * Undefined for an invalid date, time, zone or disambiguation.
 */
export function wallTimeToInstant(
  date: IsoDate,
  time: string,
  timeZone: string,
  disambiguation: Disambiguation = 'compatible',
): number | undefined {
  const days = epochDays(date);
  const minutes = parseClockTime(time);
  const format = formatter(timeZone);
  if (days === undefined || minutes === undefined || !format) return undefined;
  if (disambiguation !== 'compatible' && disambiguation !== 'earlier' && disambiguation !== 'later')
    return undefined;
  const local = days * DAY_MS + minutes * MINUTE_MS;

  // Every offset the zone has within a day either side (no offset reaches a day), so every
  // instant whose wall clock could read `local` is `local - offset` for one of them.
  const before = offsetMs(local - DAY_MS, format);
  const after = offsetMs(local + DAY_MS, format);
  const near = offsetMs(local, format);
  if (before === undefined || after === undefined || near === undefined) return undefined;
  const nearer = offsetMs(local - near, format) ?? near;
  const candidates = [...new Set([before, near, nearer, after])]
    .map((offset) => local - offset)
    .filter((instant) => offsetMs(instant, format) === local - instant)
    .sort((a, b) => a - b);

  if (candidates.length > 0) {
    // Exactly one, or an overlap: the first or the last occurrence.
    return disambiguation === 'later' ? candidates[candidates.length - 1] : candidates[0];
  }
  // A gap: the clock jumped from offset `before` to `after` (after > before) over `local`.
  // Read with the old offset, `local` lands past the jump, `gap` later on the new wall clock;
  // read with the new one, it lands before the jump, `gap` earlier on the old wall clock.
  return disambiguation === 'earlier' ? local - after : local - before;
}

/**
 * ISO 8601 with the zone's offset at that instant, to the second:
 * "2026-11-25T10:00:00+03:00", "2026-03-29T03:30:00+02:00", "2026-06-10T12:00:00+00:00" in UTC.
 * A historic offset that is not whole minutes is rounded to the minute and the wall clock shown
 * with it, so the string always denotes the exact instant (to the second). '' for an invalid
 * zone or instant, or a local year outside 0000-9999.
 */
export function formatInZone(instant: number, timeZone: string): string {
  const ms = toInstant(instant);
  const format = formatter(timeZone);
  if (ms === undefined || !format) return '';
  const exact = offsetMs(ms, format);
  if (exact === undefined) return '';
  const offset = Math.round(exact / MINUTE_MS);
  const local = Math.floor(ms / SECOND_MS) * SECOND_MS + offset * MINUTE_MS;
  const days = Math.floor(local / DAY_MS);
  const { year, month, day } = civilFromDays(days);
  const date = formatDate(year, month, day);
  if (!date) return '';
  const seconds = (local - days * DAY_MS) / SECOND_MS;
  const time = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  const abs = Math.abs(offset);
  const sign = offset < 0 ? '-' : '+';
  return `${date}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
