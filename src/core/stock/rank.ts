/** How stock records rank stores and what quantity, if any, shoppers see. */
import type { Availability, StockStatus } from '../api/types.js';
import type { StockDisplay } from '../config.js';
import type { StoreStock } from './types.js';

/** A missing record counts as 'out_of_stock'. */
export function effectiveStatus(a: Availability | undefined): StockStatus {
  return a?.status ?? 'out_of_stock';
}

/** True for in_stock and low_stock (what "has the item" means for ranking and badges). */
export function isAvailable(a: Availability | undefined): boolean {
  const status = effectiveStatus(a);
  return status === 'in_stock' || status === 'low_stock';
}

/** True for backorder and preorder: not on the shelf, but it can be ordered. */
export function isOrderable(a: Availability | undefined): boolean {
  const status = effectiveStatus(a);
  return status === 'backorder' || status === 'preorder';
}

/** 0: has the item, 1: can be ordered (backorder/preorder), 2: out of stock. */
function tier(a: Availability | undefined): number {
  if (isAvailable(a)) return 0;
  const status = effectiveStatus(a);
  return status === 'backorder' || status === 'preorder' ? 1 : 2;
}

function distance(entry: StoreStock): number {
  const km = entry.store.distanceKm;
  return typeof km === 'number' && Number.isFinite(km) ? km : Number.POSITIVE_INFINITY;
}

/**
 * Stores that have the item first (nearest first among them, by distanceKm; unknown distance after
 * known), then backorder/preorder, then out of stock (nearest first within each group too).
 * Stable. Does not mutate.
 */
export function rankStores(stores: readonly StoreStock[]): StoreStock[] {
  return stores
    .map((entry, index) => ({ entry, index, tier: tier(entry.availability), km: distance(entry) }))
    .sort((a, b) => {
      if (a.tier !== b.tier) return a.tier - b.tier;
      if (a.km !== b.km) return a.km < b.km ? -1 : 1;
      return a.index - b.index;
    })
    .map(({ entry }) => entry);
}

/** What quantity text a stock badge shows. */
export type QuantityView =
  { kind: 'count'; count: number } | { kind: 'only_left'; count: number } | { kind: 'none' };

const NONE: QuantityView = { kind: 'none' };

/**
 * exact: show the count when known; threshold: 'only_left' when count <= threshold (and > 0),
 * else none; status: always none. Only for in/low stock (a count of 0 or less shows none).
 */
export function quantityView(
  a: Availability | undefined,
  display: StockDisplay,
  threshold: number,
): QuantityView {
  if (!a || !isAvailable(a) || display === 'status') return NONE;
  const count = a.quantity;
  if (typeof count !== 'number' || !Number.isFinite(count) || count <= 0) return NONE;
  const whole = Math.floor(count);
  if (display === 'exact') return { kind: 'count', count: whole };
  return whole <= threshold ? { kind: 'only_left', count: whole } : NONE;
}
