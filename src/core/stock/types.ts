import type { RequestOptions } from '../api/backend-client.js';
import type { Availability, BackInStockRequest, Store } from '../api/types.js';
import type { SwrResult } from '../cache/types.js';
import type { ShopperLocation } from '../geo/location.js';

export type { LocationService } from '../geo/location.js';

export interface StockLookup {
  sku: string;
  /** Omitted: online stock only (no stores are looked up). */
  location?: ShopperLocation;
  radiusKm: number;
  limit: number;
  /** Also report online (warehouse) stock; costs a second, batched request when stores are asked. */
  includeOnline?: boolean;
  /**
   * The shopper's store: listed first, also when it is outside the radius or beyond the limit
   * (looked up by id, with its distance from `location`).
   */
  myStore?: Store;
  /** Skip fresh cached answers and ask the backend (a refresh the shopper or page asked for). */
  fresh?: boolean;
}

export interface StoreStock {
  store: Store;
  /** The store's record for the sku; a store without one counts as out of stock. */
  availability: Availability | undefined;
}

export interface StockResult {
  sku: string;
  /**
   * Ranked: the shopper's store first (when given), then the closest store that has the item,
   * out-of-stock stores last.
   */
  stores: StoreStock[];
  /** Online (warehouse) availability, when the backend reports it. */
  online: Availability | undefined;
}

/**
 * What the stock widgets consume. Lookups issued in the same tick share one
 * `GET /availability` (split only at contract limits); identical lookups in flight are shared;
 * answers are cached with stale-while-revalidate.
 */
export interface StockService {
  lookup(query: StockLookup, options?: RequestOptions): Promise<SwrResult<StockResult>>;
  notifyBackInStock(request: BackInStockRequest, options?: RequestOptions): Promise<void>;
  /**
   * Starts reading the stores near `location` (cache, then network) ahead of the lookups, which
   * join it: widgets call it when they connect, so that the first request leaves as soon as the
   * location is known rather than after every widget has rendered.
   */
  prefetchStores?(location: ShopperLocation, radiusKm: number, limit: number): void;
}
