import type {
  Availability,
  AvailabilityQuery,
  BackInStockRequest,
  Store,
  StoreQuery,
} from './types.js';

export interface RequestOptions {
  /** Aborts the request; the promise then rejects with `OmniError('aborted')`. */
  signal?: AbortSignal;
}

/**
 * The port every widget's data goes through. `RestBackend` implements it over contract v1;
 * merchants on other platforms implement it themselves and pass it to `configure({ backend })`.
 *
 * Implementations resolve with validated data or reject with an `OmniError`; they never resolve
 * with something that does not match the types.
 */
export interface BackendClient {
  /**
   * Names this backend's answers in the shared IndexedDB cache. Custom clients without one share
   * a single name, so a page that uses two different custom clients should give each its own.
   */
  readonly cacheKey?: string;
  /** `GET /stores`: nearest first; `distanceKm` set when the query has a position. */
  findStores(query: StoreQuery, options?: RequestOptions): Promise<Store[]>;
  /**
   * `GET /availability`. Callers may pass any number of skus and stores: the implementation
   * splits at the contract's limits (100 skus, 50 stores) and joins the answers.
   */
  getAvailability(query: AvailabilityQuery, options?: RequestOptions): Promise<Availability[]>;
  /** `POST /notify/back-in-stock`; rejects with code `invalid_email` on 422. */
  notifyBackInStock(request: BackInStockRequest, options?: RequestOptions): Promise<void>;
}
