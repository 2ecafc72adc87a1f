/**
 * The pickup side of "or pick it up today after 15:30 at Westlands": when an order placed now is
 * ready at the shopper's store, on the store's own wall clock. Built on the opening-hours rule of
 * core/geo/hours.ts and the zoned helpers of core/time, so that the estimator and the stock
 * checker never disagree about whether a store is open.
 *
 * The rule is the pickup issue's: the earliest instant t >= now + `pickup.leadTimeMinutes` at
 * which the store is open. The result has the shape of the pickup selector's `ReadyTime`
 * (core/pickup, being built in parallel), so that the estimator can switch to it once it lands.
 */
import type { Store } from '../api/types.js';
import { storeOpenState } from '../geo/hours.js';
import { addDays, dateInZone, daysBetween, wallTimeToInstant, zonedParts } from '../time/zoned.js';
import type { IsoDate } from '../time/zoned.js';

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

/** The lead time in ms: a positive finite number of minutes, else none. */
function leadMs(store: PickupHours): number {
  const lead = store.pickup?.leadTimeMinutes;
  return typeof lead === 'number' && Number.isFinite(lead) && lead > 0 ? lead * MINUTE_MS : 0;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * When an order placed at `now` (epoch ms) is ready for pickup at `store`, or undefined when it
 * cannot be said: pickup is not enabled, the timezone or `now` is invalid, the store publishes no
 * hours, or it does not open within the look-ahead of `storeOpenState` (two weeks). Never throws.
 */
export function pickupReadyTime(store: PickupHours, now: number): ReadyTime | undefined {
  if (store?.pickup?.enabled !== true || !Number.isFinite(now)) return undefined;
  const zone = store.timezone;
  const earliest = now + leadMs(store);
  const today = dateInZone(now, zone);
  const first = dateInZone(earliest, zone);
  if (!today || !first) return undefined;
  const state = storeOpenState(store, new Date(earliest));
  if (state.unknown) return undefined;
  if (state.open) {
    // Rounded up to the minute: "after 15:30" never promises a moment before it is ready.
    const shown = zonedParts(Math.ceil(earliest / MINUTE_MS) * MINUTE_MS, zone);
    if (!shown) return undefined;
    return {
      at: earliest,
      date: first,
      time: `${pad(shown.hour)}:${pad(shown.minute)}`,
      dayOffset: daysBetween(today, first),
      atOpening: false,
    };
  }
  if (!state.opensAt) return undefined;
  const date = addDays(first, state.opensAt.dayOffset);
  const at = date ? wallTimeToInstant(date, state.opensAt.time, zone) : undefined;
  if (at === undefined) return undefined;
  return {
    at,
    date,
    time: state.opensAt.time,
    dayOffset: daysBetween(today, date),
    atOpening: true,
  };
}
