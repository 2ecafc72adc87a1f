/**
 * How pickup slots, days and the hold countdown read, all through Intl and on the store's wall
 * clock. A store whose timezone the browser does not know still shows its slots: their times are
 * read as written (contract v1 gives them with the store's UTC offset).
 */
import type { PickupSlot } from '../api/types.js';
import { formatNumber, safeLocale } from '../i18n/format.js';
import { isValidTimeZone, offsetMinutes, type IsoDate } from '../time/zoned.js';

const MINUTE_MS = 60_000;
const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function memo<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, create: () => T): T {
  let format = formats.get(key) as T | undefined;
  if (!format) formats.set(key, (format = create()));
  return format;
}

const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  memo(`d|${locale}|${JSON.stringify(options)}`, () => {
    const safe = safeLocale(locale);
    return new Intl.DateTimeFormat(safe, { ...options, timeZone: 'UTC' });
  });

const ISO_WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/**
 * The store-local wall clock of an ISO timestamp, as epoch ms read as UTC (so that formatting it
 * in UTC shows the store's wall clock): from the store's timezone when the browser knows it, else
 * as written in the timestamp. NaN for a timestamp that cannot be read.
 */
export function storeWall(iso: string, timeZone: string): number {
  const instant = Date.parse(iso);
  if (isValidTimeZone(timeZone)) {
    const offset = offsetMinutes(instant, timeZone);
    return offset === undefined ? NaN : instant + Math.round(offset) * MINUTE_MS;
  }
  const m = ISO_WALL.exec(iso);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!) : NaN;
}

/** The store-local date "YYYY-MM-DD" of a slot's start ('' when unreadable). */
export function slotDate(slot: PickupSlot, timeZone: string): IsoDate {
  const wall = storeWall(slot.start, timeZone);
  return Number.isFinite(wall) ? new Date(wall).toISOString().slice(0, 10) : '';
}

/** "10:00 – 11:00 AM" (the locale's style), on the store's wall clock. */
export function formatSlotTime(slot: PickupSlot, timeZone: string, locale: string): string {
  const start = storeWall(slot.start, timeZone);
  const end = storeWall(slot.end, timeZone);
  if (!Number.isFinite(start) || !Number.isFinite(end)) return '';
  const format = dateFormat(locale, { hour: 'numeric', minute: '2-digit' });
  return keepTimesWhole(end > start ? format.formatRange(start, end) : format.format(start));
}

/**
 * A line may break after the range's dash, never inside a time ("12:00 / PM", "11:00 / ص" on a
 * narrow card): every space becomes a no-break space except those beside the dash.
 */
function keepTimesWhole(text: string): string {
  return text.replace(/(?<![–-])[ \u2009\u202f](?![–-])/g, '\u00a0');
}

/** A store-local date as "Mon 2 Feb" (the locale's order and names). */
export function formatPickupDate(date: IsoDate, locale: string): string {
  const at = Date.parse(`${date}T12:00:00Z`);
  return Number.isFinite(at)
    ? dateFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' }).format(at)
    : '';
}

/** A countdown "14:05" (minutes and seconds, rounded up to the second), in the locale's digits. */
export function formatCountdown(ms: number, locale: string): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const seconds = formatNumber(total % 60, locale);
  return `${formatNumber(Math.floor(total / 60), locale)}:${seconds.padStart(2, formatNumber(0, locale))}`;
}

/** "5 minutes", "1 minute" ("٥ دقائق" ...): the locale's own plural forms. */
export function formatMinutes(minutes: number, locale: string): string {
  return memo(
    `m|${locale}`,
    () =>
      new Intl.NumberFormat(safeLocale(locale), {
        style: 'unit',
        unit: 'minute',
        unitDisplay: 'long',
      }),
  ).format(minutes);
}
