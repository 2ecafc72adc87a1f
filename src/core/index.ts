/**
 * `omnishelf/core`: the headless core, for code that wants the logic without the elements (a
 * server-rendered page, a native app's web view, your own components). Plain TypeScript: no Lit,
 * no DOM rendering, no element registered and no service installed by importing it.
 *
 * - Stock: `createStockService` with its building blocks (a REST or custom backend, a
 *   stale-while-revalidate cache over memory or IndexedDB, the availability batcher).
 * - Shipping: the delivery-date engine (`estimateDelivery`) and the check of merchant rules
 *   (`validateShippingRules`).
 * - Cart: the local-first cart store (`createCartStore`).
 * - Money and time: decimal-string money and zoned calendar helpers.
 *
 * pack-check (scripts/pack-check.mjs) builds a consumer of this entry and fails if Lit reaches it.
 */
export { VERSION as version } from '../version.js';

// Backend: contract v1 over fetch, or your own client with the same capabilities.
export { createRestBackend, RestBackend, type RestBackendOptions } from './api/rest-backend.js';
export { OmniError, isOmniError, type OmniErrorKind } from './api/errors.js';
export type {
  BackendClient,
  Capability,
  CartCapability,
  CartOpsOptions,
  CartResponse,
  PickupCapability,
  RequestOptions,
  ShippingCapability,
  StockCapability,
} from './api/backend-client.js';
export type * from './api/types.js';

// Stock.
export {
  createStockService,
  type AvailabilityLoader,
  type StockServiceDeps,
  type SwrReader,
} from './stock/stock-service.js';
export type { StockLookup, StockResult, StockService, StoreStock } from './stock/types.js';
export { effectiveStatus, isAvailable, isOrderable, rankStores } from './stock/rank.js';
export { createAvailabilityBatcher, type AvailabilityBatcher } from './api/batcher.js';
export { createSwr, type Swr, type SwrOptions } from './cache/swr.js';
export { createMemoryStorage, type Storage, type StorageLimits } from './cache/memory-storage.js';
export {
  openStorage,
  type OpenStorageOptions,
  type PersistentStorage,
} from './cache/idb-storage.js';
export type {
  CacheKind,
  CacheTtls,
  KeyValueCache,
  PreferenceStore,
  RecordStore,
} from './cache/types.js';
export type { ShopperLocation } from './geo/location.js';

// Shipping.
export * from './shipping/index.js';

// Cart.
export {
  createCartStore,
  type AttachCustomerOptions,
  type CartChoice,
  type CartLineView,
  type CartNotice,
  type CartStore,
  type CartStoreOptions,
  type CartSyncStatus,
  type CartUndo,
  type CartView,
  type LineHint,
  type LineRef,
} from './cart/store.js';

// Money and time.
export * from './money/index.js';
export * from './time/index.js';
