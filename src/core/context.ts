/**
 * Every @lit/context key and the service it carries. Keys use `Symbol.for` so separately built
 * bundles on one merchant page share them. Each service's factory is its definition in
 * `services/` (`defineService`); providers answer a key with the definition registered for it.
 */
import { createContext } from '@lit/context';
import type { CartStore } from './cart/store.js';
import type { OmniConfig } from './config.js';
import type { LocationService } from './geo/location.js';
import type { PickupService } from './pickup/pickup-service.js';
import type { ShippingService } from './shipping/shipping-service.js';
import type { StockService } from './stock/types.js';
import type { MyStoreService } from './stores/my-store.js';
import type { Clock } from './time/clock.js';

export type { CartStore } from './cart/store.js';
export type { OmniConfig } from './config.js';
export type { LocationService } from './geo/location.js';
export type { PickupHold, PickupLine, PickupService } from './pickup/pickup-service.js';
export type { ShippingService } from './shipping/shipping-service.js';
export type { StockService } from './stock/types.js';
export type { MyStoreService } from './stores/my-store.js';
export type { Clock } from './time/clock.js';

export const configContext = createContext<OmniConfig>(Symbol.for('omnishelf:config'));
export const stockServiceContext = createContext<StockService>(Symbol.for('omnishelf:stock'));
export const locationServiceContext = createContext<LocationService>(
  Symbol.for('omnishelf:location'),
);
export const myStoreContext = createContext<MyStoreService>(Symbol.for('omnishelf:my-store'));
export const clockContext = createContext<Clock>(Symbol.for('omnishelf:clock'));
export const pickupServiceContext = createContext<PickupService>(Symbol.for('omnishelf:pickup'));
export const cartContext = createContext<CartStore>(Symbol.for('omnishelf:cart'));
export const shippingServiceContext = createContext<ShippingService>(
  Symbol.for('omnishelf:shipping'),
);
