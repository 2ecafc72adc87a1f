/**
 * When an order for pickup is ready, on the store's own wall clock (its IANA timezone, never the
 * browser's or UTC): the earliest instant t >= now + `pickup.leadTimeMinutes` at which the store
 * is open. Plain TypeScript on the zoned helpers of core/time; never throws.
 *
 * Opening periods are half-open [open, close): a store closing at 21:00 is closed at 21:00.
 * `close` <= `open` runs past midnight into the next day (00:00-00:00 is 24 hours); "24:00" is the
 * following midnight. A closure date cancels the periods that start on it (an overnight period
 * that began the evening before still runs to its close). Wall times that a DST change skips or
 * repeats follow `wallTimeToInstant` ('compatible': a skipped 02:30 opening is 03:30 at the new
 * offset, a repeated one is the first of the two).
 */
import type { PickupSlot, Store } from '../api/types.js';
import {
  addDays,
  dateInZone,
  daysBetween,
  formatClockTime24,
  parseClockTime,
  wallTimeToInstant,
  weekdayOf,
  zonedParts,
  type IsoDate,
} from '../time/zoned.js';

/** What the ready-time rule reads of a store. */
export type PickupHours = Pick<Store, 'timezone' | 'hours' | 'closures' | 'pickup'>;

export interface ReadyTime {
  /** The instant (epoch ms). */
  at: number;
  /** Its store-local date. */
  date: IsoDate;
  /** Its store-local wall time "HH:MM", rounded up to the minute (never earlier than `at`). */
  time: string;
  /** Calendar days after the store's today (0 today, 1 tomorrow ...). */
  dayOffset: number;
  /** True when the store opens at `at` ("from 09:00"); false when it is open then ("after 15:30"). */
  atOpening: boolean;
}

const MINUTE_MS = 60_000;
/** How far ahead an opening is looked for: two weeks cover long closures. */
export const READY_LOOKAHEAD_DAYS = 14;

/** The lead time in ms: whole non-negative minutes; anything else counts as none. */
function leadMs(store: PickupHours): number {
  const lead = store.pickup?.leadTimeMinutes;
  return typeof lead === 'number' && Number.isFinite(lead) && lead > 0 ? lead * MINUTE_MS : 0;
}

/**
 * The ready time of an order placed at `now` (epoch ms), or undefined when it cannot be known:
 * an invalid timezone or `now`, no valid hours, or no opening within `READY_LOOKAHEAD_DAYS`.
 */
export function readyTime(store: PickupHours, now: number): ReadyTime | undefined {
  if (!Number.isFinite(now)) return undefined;
  const zone = store.timezone;
  const earliest = now + leadMs(store);
  const today = dateInZone(now, zone);
  const first = dateInZone(earliest, zone);
  if (!today || !first) return undefined;
  const hours = Array.isArray(store.hours) ? store.hours : [];
  const closures = new Set(Array.isArray(store.closures) ? store.closures : []);

  let best: { at: number; atOpening: boolean } | undefined;
  // From the day before `earliest` (its overnight period may still run), date by date. A period
  // starting on a later date always starts later than every earlier date's, so the first date
  // that gives an answer gives the answer.
  for (let offset = -1; offset <= READY_LOOKAHEAD_DAYS && !best; offset++) {
    const date = addDays(first, offset);
    if (!date || closures.has(date)) continue;
    const weekday = weekdayOf(date);
    for (const period of hours) {
      if (period?.day !== weekday) continue;
      const open = parseClockTime(period.open);
      const close = parseClockTime(period.close);
      if (open === undefined || close === undefined || open >= 24 * 60) continue;
      const start = wallTimeToInstant(date, period.open, zone);
      const end = wallTimeToInstant(close <= open ? addDays(date, 1) : date, period.close, zone);
      // A period a DST gap swallowed whole is empty; one that ended before `earliest` is of no use.
      if (start === undefined || end === undefined || end <= start || end <= earliest) continue;
      const at = Math.max(start, earliest);
      if (!best || at < best.at) best = { at, atOpening: start >= earliest };
    }
  }
  if (!best) return undefined;
  const shown = zonedParts(Math.ceil(best.at / MINUTE_MS) * MINUTE_MS, zone);
  const date = dateInZone(best.at, zone);
  if (!shown || !date) return undefined;
  return {
    at: best.at,
    date,
    time: formatClockTime24(shown.minutes),
    dayOffset: daysBetween(today, date),
    atOpening: best.atOpening,
  };
}

/**
 * The periods that start on the store-local date of `now`, as store-local "HH:MM" pairs in
 * opening order (empty on a closure date or a day without hours, or for an invalid timezone).
 * A period running past midnight ends at its `close` of the next day.
 */
export function hoursOn(
  store: Pick<Store, 'timezone' | 'hours' | 'closures'>,
  now: number,
): { open: string; close: string }[] {
  const date = dateInZone(now, store.timezone);
  if (!date || (Array.isArray(store.closures) && store.closures.includes(date))) return [];
  const weekday = weekdayOf(date);
  return (Array.isArray(store.hours) ? store.hours : [])
    .filter(
      (p) =>
        p?.day === weekday &&
        parseClockTime(p.open) !== undefined &&
        parseClockTime(p.close) !== undefined,
    )
    .map((p) => ({ open: p.open, close: p.close }))
    .sort((a, b) => (parseClockTime(a.open) ?? 0) - (parseClockTime(b.open) ?? 0));
}

/**
 * When an order is ready as the store's pickup times say it: the start of the first time after
 * `now` that can still be booked (a place left, or `own`, the shopper's own hold), read "from"
 * (`atOpening`). Undefined when none can, or for an invalid timezone. `slots` in start order.
 * Where the times are known this is what to say: the opening-hours rule (`readyTime`) does not
 * know that the first times are full.
 */
export function firstBookable(
  slots: readonly PickupSlot[],
  zone: string,
  now: number,
  own?: string,
): ReadyTime | undefined {
  const today = dateInZone(now, zone);
  if (!today) return undefined;
  for (const slot of slots) {
    const at = Date.parse(slot.start);
    if (!(at > now) || (slot.remaining <= 0 && slot.id !== own)) continue;
    const parts = zonedParts(at, zone);
    if (!parts) continue;
    return {
      at,
      date: parts.date,
      time: formatClockTime24(parts.minutes),
      dayOffset: daysBetween(today, parts.date),
      atOpening: true,
    };
  }
  return undefined;
}
