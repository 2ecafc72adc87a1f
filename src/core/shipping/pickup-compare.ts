/**
 * The pickup side of "or pick it up today after 15:30 at Westlands": when an order placed now is
 * ready at the shopper's store. The rule is the pickup selector's (core/pickup/ready-time.ts: the
 * earliest instant t >= now + `pickup.leadTimeMinutes` at which the store is open, on the store's
 * own wall clock), so the estimator and the pickup selector never promise different times.
 */
import { readyTime, type PickupHours, type ReadyTime } from '../pickup/ready-time.js';

export type { PickupHours, ReadyTime } from '../pickup/ready-time.js';

/**
 * When an order placed at `now` (epoch ms) is ready for pickup at `store`, or undefined when the
 * store does not offer pickup or the time cannot be said (see `readyTime`). Never throws.
 */
export function pickupReadyTime(store: PickupHours, now: number): ReadyTime | undefined {
  if (store?.pickup?.enabled !== true) return undefined;
  return readyTime(store, now);
}
