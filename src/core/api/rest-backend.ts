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
export interface RestBackend extends AllCapabilities {}
// eslint-disable-next-line @typescript-eslint/no-extraneous-class -- a class for `new`, filled by assign
export class RestBackend {
  constructor(options: RestOptions) {
    Object.assign(this, createRestBackend(options));
  }
}
