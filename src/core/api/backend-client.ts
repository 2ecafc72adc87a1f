/**
 * The ports every widget's data goes through, one per capability. `RestBackend` (and the
 * per-capability REST clients in `rest/`) implement them over contract v1; merchants on other
 * platforms implement the capabilities their widgets need and pass the object to
 * `configure({ backend })`. A widget whose capability is missing shows a configuration error.
 *
 * Implementations resolve with validated data or reject with an `OmniError`; they never resolve
 * with something that does not match the types.
 */
import type {
  Availability,
  AvailabilityQuery,
  BackInStockRequest,
  Cart,
  CartHandoff,
  CartOp,
  MergeStrategy,
  PickupReservation,
  PickupReservationRequest,
  PickupSlot,
  PickupSlotQuery,
  Store,
  StoreIdsQuery,
  StoreQuery,
  UncheckedShippingRules,
} from './types.js';

export interface RequestOptions {
  /** Aborts the request; the promise then rejects with `OmniError('aborted')`. */
  signal?: AbortSignal;
  /** Lets the request outlive the page (`fetch` keepalive), for `pagehide`. */
  keepalive?: boolean;
}

/** Stores near the shopper and their stock (`<omni-stock-checker>`). */
export interface StockCapability {
  /** `GET /stores`: nearest first; `distanceKm` set when the query has a position. */
  findStores(query: StoreQuery, options?: RequestOptions): Promise<Store[]>;
  /**
   * `GET /stores?ids=`: the stores with these ids (at most 50 per call; implementations split),
   * with `distanceKm` when a position is given. Optional: without it, a remembered store is not
   * refreshed and keeps the details it was stored with.
   */
  getStores?(query: StoreIdsQuery, options?: RequestOptions): Promise<Store[]>;
  /**
   * `GET /availability`. Callers may pass any number of skus and stores: the implementation
   * splits at the contract's limits and joins the answers.
   */
  getAvailability(query: AvailabilityQuery, options?: RequestOptions): Promise<Availability[]>;
  /** `POST /notify/back-in-stock`; rejects with code `invalid_email` on 422. */
  notifyBackInStock(request: BackInStockRequest, options?: RequestOptions): Promise<void>;
}

/** Pickup slots and holds (`<omni-pickup-selector>`). */
export interface PickupCapability {
  /** `GET /pickup/slots`, in start order. */
  getPickupSlots(query: PickupSlotQuery, options?: RequestOptions): Promise<PickupSlot[]>;
  /** `POST /pickup/reservations`; rejects with code `slot_full` on 409. */
  reservePickupSlot(
    request: PickupReservationRequest,
    options?: RequestOptions,
  ): Promise<PickupReservation>;
  /** `DELETE /pickup/reservations/{id}`; a reservation that is already gone resolves too. */
  cancelPickupReservation(id: string, options?: RequestOptions): Promise<void>;
}

/** Delivery-date rules (`<omni-shipping-estimator>`). */
export interface ShippingCapability {
  /**
   * `GET /shipping/rules?country=`; rejects with code `unsupported_country` on 404. Resolves with
   * the three lists; their entries are checked one by one by the shipping service
   * (`validateShippingRules`), so a custom client may return `ShippingRules` as they are.
   */
  getShippingRules(country: string, options?: RequestOptions): Promise<UncheckedShippingRules>;
}

/** A cart answer with the version tag the server sent (`ETag`), for `If-Match`. */
export interface CartResponse {
  cart: Cart;
  etag?: string;
  /** True when the server replayed the stored answer of a repeated `Idempotency-Key`. */
  replayed?: boolean;
}

export interface CartOpsOptions extends RequestOptions {
  /** Required: one key per logical change, reused for every retry of it. */
  idempotencyKey: string;
  /** Fail with 412 `version_conflict` unless the cart still has this ETag. */
  ifMatch?: string;
}

/** The cross-device cart (`<omni-cart>` and friends). */
export interface CartCapability {
  /** `POST /carts`. */
  createCart(options?: RequestOptions): Promise<CartResponse>;
  /** `GET /carts/{id}`; resolves `undefined` for `304 Not Modified` when `ifNoneMatch` is given. */
  getCart(
    id: string,
    options?: RequestOptions & { ifNoneMatch?: string },
  ): Promise<CartResponse | undefined>;
  /** `POST /carts/{id}/ops` with `Idempotency-Key` (and `If-Match`). */
  applyCartOps(id: string, ops: CartOp[], options: CartOpsOptions): Promise<CartResponse>;
  /** `POST /carts/{id}/handoff`. */
  createCartHandoff(id: string, options?: RequestOptions): Promise<CartHandoff>;
  /** `POST /carts/claim`; rejects with `code_not_found` (404) or `code_expired` (410). */
  claimCart(code: string, options?: RequestOptions): Promise<CartResponse>;
  /** `POST /carts/{id}/merge`. */
  mergeCarts(
    id: string,
    sourceCartId: string,
    strategy: MergeStrategy,
    options?: RequestOptions,
  ): Promise<CartResponse>;
}

export type Capability = 'stock' | 'pickup' | 'shipping' | 'cart';

/** The methods that make up each capability (optional methods left out). */
export const CAPABILITY_METHODS = {
  stock: ['findStores', 'getAvailability', 'notifyBackInStock'],
  pickup: ['getPickupSlots', 'reservePickupSlot', 'cancelPickupReservation'],
  shipping: ['getShippingRules'],
  cart: ['createCart', 'getCart', 'applyCartOps', 'createCartHandoff', 'claimCart', 'mergeCarts'],
} as const satisfies Record<Capability, readonly string[]>;

export interface CapabilityMap {
  stock: StockCapability;
  pickup: PickupCapability;
  shipping: ShippingCapability;
  cart: CartCapability;
}

/**
 * A backend: any subset of the capabilities. `RestBackend` has them all; a merchant's own client
 * needs only those of the widgets on its pages.
 */
export interface BackendClient
  extends
    Partial<StockCapability>,
    Partial<PickupCapability>,
    Partial<ShippingCapability>,
    Partial<CartCapability> {
  /**
   * Names this backend's answers in the shared IndexedDB cache. Custom clients without one share
   * a single name, so a page that uses two different custom clients should give each its own.
   */
  readonly cacheKey?: string;
}

/** True when `client` has every method of `capability`. */
export function hasCapability<C extends Capability>(
  client: BackendClient | undefined,
  capability: C,
): client is BackendClient & CapabilityMap[C] {
  if (typeof client !== 'object' || client === null) return false;
  const methods: readonly string[] = CAPABILITY_METHODS[capability];
  return methods.every(
    (name) => typeof (client as unknown as Record<string, unknown>)[name] === 'function',
  );
}
