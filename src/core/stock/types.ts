import type { RequestOptions } from '../api/backend-client.js';
import type { Availability, BackInStockRequest, Store } from '../api/types.js';
import type { SwrResult } from '../cache/types.js';
import type { ShopperLocation } from '../geo/location.js';

export interface StockLookup {
  sku: string;
  /** Omitted: online stock only (no stores are looked up). */
  location?: ShopperLocation;
  radiusKm: number;
  limit: number;
  /** Also report online (warehouse) stock; costs a second, batched request when stores are asked. */
  includeOnline?: boolean;
}

export interface StoreStock {
  store: Store;
  /** The store's record for the sku; a store without one counts as out of stock. */
  availability: Availability | undefined;
}

export interface StockResult {
  sku: string;
  /** Ranked: the closest store that has the item first, out-of-stock stores last. */
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
}

/** The shopper's location and "my store": remembered across visits, shared by every widget. */
export interface LocationService {
  /** Resolves once remembered values are loaded. */
  readonly ready: Promise<void>;
  /** The shopper's location, else the merchant's default, else undefined. */
  readonly location: ShopperLocation | undefined;
  /** True when `location` was chosen by the shopper (not the merchant default). */
  readonly isShopperChoice: boolean;
  readonly myStoreId: string | undefined;
  /** Calls `listener` after any change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  setLocation(location: ShopperLocation): Promise<void>;
  /** Asks the browser for the position (prompts the shopper); rejects with `GeolocationError`. */
  locate(): Promise<ShopperLocation>;
  setMyStore(storeId: string | undefined): Promise<void>;
}
