/**
 * Omnishelf for bundler users: `configure()`, `discover()` is the loader's (script tags), and the
 * public types. Elements are imported one by one (`import 'omnishelf/stock-checker'`), each with
 * the services it needs; importing this module defines no element.
 */
export { configure } from './components/provider/page.js';
export { pageCart as cart } from './components/provider/cart-api.js';
export { VERSION as version } from './version.js';
export { OmniStoreSelectEvent } from './events/store-select.js';
export { OmniStockChangeEvent } from './events/stock-change.js';
export { OmniPickupChangeEvent } from './events/pickup-change.js';
export { OmniReservationExpireEvent } from './events/reservation-expire.js';
export { OmniCartChangeEvent } from './events/cart-change.js';
export { OmniCartSyncEvent } from './events/cart-sync.js';
export { OmniCartConflictEvent, type CartConflictKind } from './events/cart-conflict.js';
export { OmniErrorEvent } from './events/error.js';
export { OmniShippingChangeEvent, type ShippingDestination } from './events/shipping-change.js';
export { OmniError, type OmniErrorKind } from './core/api/errors.js';
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
} from './core/api/backend-client.js';
export { createRestBackend, RestBackend } from './core/api/rest-backend.js';
export type * from './core/api/types.js';
export type { ConfigureOptions, OmniConfig, StockDisplay, DistanceUnit } from './core/config.js';
export type { LocationService, ShopperLocation } from './core/geo/location.js';
export type { StockResult, StoreStock } from './core/stock/types.js';
export type { MyStoreService } from './core/stores/my-store.js';
export type { PickupHold, PickupLine, PickupService } from './core/pickup/pickup-service.js';
export type {
  AttachCustomerOptions,
  CartChoice,
  CartLineView,
  CartNotice,
  CartStore,
  CartSyncStatus,
  CartUndo,
  CartView,
  LineHint,
  LineRef,
} from './core/cart/store.js';

/**
 * The delivery-date engine, for headless use: a merchant's server renders the same promise as
 * `<omni-shipping-estimator>` (plain functions, no DOM).
 */
export {
  estimateDelivery,
  validateShippingRules,
  type DeliveryEstimate,
  type DeliveryInput,
  type DeliveryPromise,
  type NoDeliveryPromise,
  type ShippingRulesCheck,
} from './core/shipping/index.js';
export type { ShippingService, CheckedShippingRules } from './core/shipping/shipping-service.js';
