/** How long a shopper has left to order, in the shape an "order within / order by" line needs. */

/**
 * - `countdown`: under 24 hours left; `hours` and `minutes` are the whole time left, floored to
 *   the minute so the line never promises time that is not there ("Order within 3 h 12 min";
 *   0 h 0 min is the last minute: "Order within a minute").
 * - `by`: 24 hours or more left; name the moment ("Order by Monday 15:00").
 * - `passed`: `orderBy` is not after `now` (or either is not a valid date); estimate again.
 */
export type OrderWithin =
  | { kind: 'countdown'; hours: number; minutes: number }
  | { kind: 'by'; date: Date }
  | { kind: 'passed' };

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** What to tell a shopper about `orderBy` (from `estimateDelivery`) at `now`. */
export function orderWithin(orderBy: Date, now: Date): OrderWithin {
  const left = orderBy.getTime() - now.getTime();
  if (!(left > 0)) return { kind: 'passed' };
  if (left >= DAY_MS) return { kind: 'by', date: new Date(orderBy.getTime()) };
  const minutes = Math.floor(left / MINUTE_MS);
  return { kind: 'countdown', hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}
