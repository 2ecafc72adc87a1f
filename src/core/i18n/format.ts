/**
 * Locale-aware formatting, all through Intl. Formatters are cached per locale and options; an
 * invalid locale falls back to 'en' without throwing.
 */

const FALLBACK_LOCALE = 'en';
const KM_PER_MILE = 1.609344;

const canonical = new Map<string, string>();

/** The canonical form of `locale`, or 'en' when it is not a valid BCP 47 tag (memoized). */
export function safeLocale(locale: string): string {
  let safe = canonical.get(locale);
  if (safe === undefined) {
    try {
      safe = Intl.getCanonicalLocales(locale)[0] ?? FALLBACK_LOCALE;
    } catch {
      safe = FALLBACK_LOCALE;
    }
    canonical.set(locale, safe);
  }
  return safe;
}

const cache = new Map<string, unknown>();

function cached<T>(kind: string, locale: string, options: object, create: (l: string) => T): T {
  const safe = safeLocale(locale);
  const key = `${kind}|${safe}|${JSON.stringify(options)}`;
  let formatter = cache.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = create(safe);
    cache.set(key, formatter);
  }
  return formatter;
}

const numberFormat = (locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat =>
  cached('number', locale, options, (l) => new Intl.NumberFormat(l, options));

/** A cached `Intl.DateTimeFormat`. */
export const dateFormat = (
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat =>
  cached('date', locale, options, (l) => new Intl.DateTimeFormat(l, options));

/** A cached `Intl.RelativeTimeFormat` (numeric 'auto'). */
export const relativeFormat = (locale: string): Intl.RelativeTimeFormat =>
  cached('relative', locale, {}, (l) => new Intl.RelativeTimeFormat(l, { numeric: 'auto' }));

/**
 * A distance with its unit, e.g. "2.1 km" / "1.3 mi" (Intl.NumberFormat style 'unit'): one decimal
 * below 10, whole numbers from 10. `km` is always kilometres; it is converted for 'mi'. Returns ''
 * for a negative or non-finite distance.
 */
export function formatDistance(km: number, unit: 'km' | 'mi', locale: string): string {
  if (!Number.isFinite(km) || km < 0) return '';
  const value = unit === 'mi' ? km / KM_PER_MILE : km;
  // One decimal below 10 ("2.1 km"), none above ("12 km") and none for a store next door ("0 km").
  const rounded = Math.round(value * 10) / 10;
  const digits = rounded > 0 && rounded < 10 ? 1 : 0;
  return numberFormat(locale, {
    style: 'unit',
    unit: unit === 'mi' ? 'mile' : 'kilometer',
    unitDisplay: 'short',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

const prepared = new Set<string>();

/**
 * Builds the distance formatters of `unit` and `locale` ahead of use, once per page, when the
 * page is idle (while widgets wait for the network): the page's first unit formatter costs tens
 * of milliseconds (the browser loads its unit data), which would otherwise be paid when the
 * answers arrive, in the task that renders every widget.
 */
export function prepareDistanceFormat(unit: 'km' | 'mi', locale: string): void {
  const key = `${unit}|${locale}`;
  if (prepared.has(key)) return;
  prepared.add(key);
  const build = () => {
    formatDistance(1, unit, locale);
    formatDistance(100, unit, locale);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(build, { timeout: 1000 });
  else setTimeout(build, 0);
}

/**
 * A wall-clock time "HH:MM" in the locale's style ("21:00" -> "9:00 PM" in en-US, "9:00 م" in ar).
 * Digits follow the locale's numbering system (Latin for `ar`, Arabic-Indic for `ar-EG`). The time
 * is not converted between timezones. Malformed input is returned unchanged.
 */
export function formatClockTime(hhmm: string, locale: string): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 24 || minutes > 59) return hhmm;
  const date = new Date(Date.UTC(2000, 0, 1, hours % 24, minutes));
  return dateFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(date);
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago (or until) `fromMs` is, seen at `nowMs`, with Intl.RelativeTimeFormat numeric
 * 'auto' and the largest fitting unit: "now", "12 minutes ago", "2 hours ago", "yesterday",
 * "3 days ago", "last month" ... Both are epoch milliseconds.
 */
export function formatRelativeTime(fromMs: number, nowMs: number, locale: string): string {
  const rtf = relativeFormat(locale);
  const diff = fromMs - nowMs;
  if (!Number.isFinite(diff)) return '';
  const abs = Math.abs(diff);
  const sign = diff < 0 ? -1 : 1;
  const round = (unitMs: number): number => sign * Math.round(abs / unitMs);
  if (abs < MINUTE) return rtf.format(0, 'second');
  if (Math.round(abs / MINUTE) < 60) return rtf.format(round(MINUTE), 'minute');
  if (Math.round(abs / HOUR) < 24) return rtf.format(round(HOUR), 'hour');
  if (Math.round(abs / DAY) < 30) return rtf.format(round(DAY), 'day');
  if (Math.round(abs / (30 * DAY)) < 12) return rtf.format(round(30 * DAY), 'month');
  return rtf.format(round(365 * DAY), 'year');
}

/** A plain number in the locale's digits and grouping. */
export function formatNumber(n: number, locale: string): string {
  return numberFormat(locale, {}).format(n);
}

/** A day of an ISO timestamp in the locale's short style ("30 Jan", "٣٠ يناير"); '' if invalid. */
export function formatShortDate(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return dateFormat(locale, { day: 'numeric', month: 'short' }).format(date);
}

const WEEKDAY_DECLINES = new Set(['lt']);

/**
 * True when a weekday name from Intl ("Friday", "fredag", "Ijumaa") reads right inside a sentence
 * in `locale`; false where the sentence would need a case Intl does not give (Lithuanian). Name
 * the day by its date there (`{ day: 'numeric', month: 'long' }`: "lapkričio 27 d.", whose month
 * Intl already puts in the form a date takes).
 */
export function weekdayFitsSentence(locale: string): boolean {
  return !WEEKDAY_DECLINES.has(safeLocale(locale).split('-')[0]!.toLowerCase());
}
