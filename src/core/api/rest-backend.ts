/**
 * `RestBackend`: every capability of contract v1 over `fetch` in one object, for bundler users and
 * headless code. Widgets on a script-tag page use the per-capability clients in `rest/` instead,
 * so that a page loads only the client code of the widgets on it.
 */
import type {
  BackendClient,
  CartCapability,
  PickupCapability,
  ShippingCapability,
  StockCapability,
} from './backend-client.js';
import { Http, type RestOptions } from './rest/http.js';
import { restCart } from './rest/cart.js';
import { restPickup } from './rest/pickup.js';
import { restShipping } from './rest/shipping.js';
import { restStock } from './rest/stock.js';

export type { RestOptions as RestBackendOptions } from './rest/http.js';

type AllCapabilities = StockCapability &
  Required<Pick<StockCapability, 'getStores'>> &
  PickupCapability &
  ShippingCapability &
  CartCapability;

/** Creates a client with every capability of contract v1. */
export function createRestBackend(options: RestOptions): AllCapabilities & BackendClient {
  const http = new Http(options);
  return {
    ...restStock(http),
    ...restPickup(http),
    ...restShipping(http),
    ...restCart(http),
  };
}

/** The same as `createRestBackend`, as a class (`new RestBackend(options)`). */
export class RestBackend implements AllCapabilities {
  readonly findStores: AllCapabilities['findStores'];
  readonly getStores: AllCapabilities['getStores'];
  readonly getAvailability: AllCapabilities['getAvailability'];
  readonly notifyBackInStock: AllCapabilities['notifyBackInStock'];
  readonly getPickupSlots: AllCapabilities['getPickupSlots'];
  readonly reservePickupSlot: AllCapabilities['reservePickupSlot'];
  readonly cancelPickupReservation: AllCapabilities['cancelPickupReservation'];
  readonly getShippingRules: AllCapabilities['getShippingRules'];
  readonly createCart: AllCapabilities['createCart'];
  readonly getCart: AllCapabilities['getCart'];
  readonly applyCartOps: AllCapabilities['applyCartOps'];
  readonly createCartHandoff: AllCapabilities['createCartHandoff'];
  readonly claimCart: AllCapabilities['claimCart'];
  readonly mergeCarts: AllCapabilities['mergeCarts'];

  constructor(options: RestOptions) {
    const all = createRestBackend(options);
    this.findStores = all.findStores;
    this.getStores = all.getStores;
    this.getAvailability = all.getAvailability;
    this.notifyBackInStock = all.notifyBackInStock;
    this.getPickupSlots = all.getPickupSlots;
    this.reservePickupSlot = all.reservePickupSlot;
    this.cancelPickupReservation = all.cancelPickupReservation;
    this.getShippingRules = all.getShippingRules;
    this.createCart = all.createCart;
    this.getCart = all.getCart;
    this.applyCartOps = all.applyCartOps;
    this.createCartHandoff = all.createCartHandoff;
    this.claimCart = all.claimCart;
    this.mergeCarts = all.mergeCarts;
  }
}
