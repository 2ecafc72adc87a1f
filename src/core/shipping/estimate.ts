/**
 * The delivery-date engine (issue 8): when a parcel ordered now arrives, per shipping method.
 * Plain TypeScript on core/time and core/money; no DOM, so a merchant's server can render the
 * same promise as the widget.
 */
import type { IsoDate, Money, ShippingRules } from '../api/types.js';
import { compareMoney, isMoney } from '../money/index.js';
import { dateInZone, wallTimeToInstant } from '../time/index.js';
import { fromDay, nthDay, toDay, weekdayOfDay } from './days.js';
import {
  compileShippingRules,
  normalizePostalCode,
  type CompiledMethod,
  type CompiledOrigin,
  type DayRange,
} from './rules.js';

/** A delivery promise for one method. */
export interface DeliveryPromise {
  methodId: string;
  /** The first date it may arrive, "YYYY-MM-DD" (the destination's calendar date). */
  earliest: IsoDate;
  /** The last date it may arrive. */
  latest: IsoDate;
  /** The promise holds for any order before this instant. */
  orderBy: Date;
  /** What the shopper pays for this method; zero (in the price's currency) when free. */
  price: Money;
}

/** No promise for one method, and why. */
export interface NoDeliveryPromise {
  methodId: string;
  /** `no-working-day`: no origin can ship; `no-delivery-day`: the carrier finds no day. */
  none: 'no-working-day' | 'no-delivery-day';
}

export type DeliveryEstimate = DeliveryPromise | NoDeliveryPromise;

export interface DeliveryInput {
  /** The destination's postal code; absent (or blank), the range over every zone. */
  postalCode?: string;
  /** The cart subtotal, for `freeOver`; absent, every method costs its price. */
  subtotal?: Money;
  /** The moment of ordering. */
  now: Date;
}

/** What one origin contributes to every method's promise at a given moment. */
interface OriginDates {
  /** The cutoff instant of the order day (epoch ms). */
  orderBy: number;
  /** Day numbers of the first and last possible ship dates. */
  shipMin: number;
  shipMax: number;
}

function isWorkingDay(origin: CompiledOrigin, day: number): boolean {
  return origin.workdays[weekdayOfDay(day)] === true && !origin.closures.has(day);
}

/** The instant orders stop counting for `day` (rule 2), or undefined if it cannot be told. */
function cutoffInstant(origin: CompiledOrigin, day: number): number | undefined {
  const date = fromDay(day);
  const time = origin.cutoffs[weekdayOfDay(day)];
  return date ? wallTimeToInstant(date, time, origin.timezone, 'compatible') : undefined;
}

/** Rules 1-4 and 11 for one origin; undefined when it finds no working day. */
function originDates(origin: CompiledOrigin, now: number): OriginDates | undefined {
  const today = dateInZone(now, origin.timezone);
  if (today === undefined) return undefined;
  const working = (day: number): boolean => isWorkingDay(origin, day);
  const d = toDay(today);
  let orderDay: number | undefined;
  let orderBy: number | undefined;
  if (working(d)) {
    orderBy = cutoffInstant(origin, d);
    if (orderBy === undefined) return undefined;
    if (now < orderBy) orderDay = d;
  }
  if (orderDay === undefined) {
    orderDay = nthDay(d, 1, working);
    if (orderDay === undefined) return undefined;
    orderBy = cutoffInstant(origin, orderDay);
    if (orderBy === undefined) return undefined;
  }
  const shipMin = nthDay(orderDay, origin.handling.min, working);
  const shipMax = nthDay(orderDay, origin.handling.max, working);
  if (shipMin === undefined || shipMax === undefined || orderBy === undefined) return undefined;
  return { orderBy, shipMin, shipMax };
}

/** Rule 6: the transit range for a normalised postal code ('' = none). */
function transitFor(method: CompiledMethod, code: string): DayRange {
  if (code === '') return method.anyTransit;
  for (const length of method.zoneLengths) {
    if (length > code.length) continue;
    const zone = method.zones.get(code.slice(0, length));
    if (zone) return zone;
  }
  return method.transit;
}

/** Rule 10. */
function priceFor(method: CompiledMethod, subtotal: Money | undefined): Money {
  const { price, freeOver } = method;
  if (
    freeOver &&
    subtotal &&
    subtotal.currency === freeOver.currency &&
    compareMoney(subtotal, freeOver) >= 0
  ) {
    return { amount: '0', currency: price.currency };
  }
  return { amount: price.amount, currency: price.currency };
}

function estimateMethod(
  method: CompiledMethod,
  origins: readonly OriginDates[],
  orderBy: number,
  holidays: ReadonlySet<number>,
  code: string,
  subtotal: Money | undefined,
): DeliveryEstimate {
  const methodId = method.id;
  if (origins.length === 0) return { methodId, none: 'no-working-day' };
  const delivers = (day: number): boolean =>
    method.deliveryDays[weekdayOfDay(day)] === true && !holidays.has(day);
  const transit = transitFor(method, code);
  let earliest = Infinity;
  let latest = -Infinity;
  for (const origin of origins) {
    const first = nthDay(origin.shipMin, transit.min, delivers);
    const last = nthDay(origin.shipMax, transit.max, delivers);
    if (first === undefined || last === undefined) return { methodId, none: 'no-delivery-day' };
    earliest = Math.min(earliest, first);
    latest = Math.max(latest, last);
  }
  const from = fromDay(earliest);
  const to = fromDay(latest);
  // Past the year 9999: no date to name.
  if (!from || !to) return { methodId, none: 'no-delivery-day' };
  return {
    methodId,
    earliest: from,
    latest: to,
    orderBy: new Date(orderBy),
    price: priceFor(method, subtotal),
  };
}

/**
 * When a parcel ordered at `input.now` arrives, for each method of `rules` in order, by the
 * eleven rules of issue 8 (weekday 0 = Sunday):
 *
 * 1. A working day of an origin: its weekday is in `workdays` and the date not in `closures`.
 * 2. The cutoff of a working day: its weekday's `cutoffs` time in the origin's timezone on that
 *    date, or the end of the day without one. A time in a DST gap moves forward by the gap, an
 *    ambiguous one takes the earlier instant.
 * 3. The order day: the origin's date at `now` if that is a working day and `now` is strictly
 *    before its cutoff, else the first working day after it.
 * 4. Ship dates: the order day advanced by `handlingDays.min` / `.max` working days.
 * 5. A delivery day of a method: its weekday is in `deliveryDays`, the date not in `holidays`.
 * 6. Transit: the longest matching zone prefix (the first listed among equals; compared
 *    upper-cased without spaces or hyphens), else `transitDays`; with no postal code, the
 *    smallest min and largest max over the base and all zones.
 * 7. `earliest`: the `transit.min`-th delivery day after the first ship date (0: the first
 *    delivery day on or after it); `latest` likewise from the last ship date with `transit.max`.
 * 8. Several origins: the earliest `earliest` and the latest `latest`.
 * 9. `orderBy`: the earliest cutoff instant of the origins' order days.
 * 10. Price: zero when `subtotal` is in `freeOver`'s currency and at least `freeOver` (exact
 *     decimals), else `price`.
 * 11. Every search for a working or delivery day looks at most 366 days past the date it starts
 *     from (for the n-th day, all n within those 366 days). An origin with no working day in
 *     reach is left out of 8 and 9; when all are, `none: 'no-working-day'`. When a remaining
 *     origin finds no delivery day, `none: 'no-delivery-day'`.
 *
 * Never throws. Rules are checked as by `validateShippingRules`: a method that fails the check is
 * left out of the answer, an origin that fails it is left out as in rule 11. An invalid `now`
 * gives `no-working-day`; a `subtotal` that is not money counts as absent. Rules are compiled once
 * per rules object (see `compileShippingRules`): do not mutate them between calls.
 */
export function estimateDelivery(rules: ShippingRules, input: DeliveryInput): DeliveryEstimate[] {
  const compiled = compileShippingRules(rules);
  const now = input?.now instanceof Date ? input.now.getTime() : NaN;
  const code = typeof input?.postalCode === 'string' ? normalizePostalCode(input.postalCode) : '';
  const subtotal = isMoney(input?.subtotal) ? input.subtotal : undefined;

  const origins: OriginDates[] = [];
  let orderBy = Infinity;
  if (Number.isFinite(now)) {
    for (const origin of compiled.origins) {
      const dates = originDates(origin, now);
      if (!dates) continue;
      origins.push(dates);
      orderBy = Math.min(orderBy, dates.orderBy);
    }
  }
  return compiled.methods.map((method) =>
    estimateMethod(method, origins, orderBy, compiled.holidays, code, subtotal),
  );
}
