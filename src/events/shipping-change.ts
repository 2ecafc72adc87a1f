import type { DeliveryPromise } from '../core/shipping/estimate.js';

/** Where parcels go: a country, and the postal code when the shopper gave one. */
export interface ShippingDestination {
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  /** Absent: no postal code is known; the dates span the merchant's zones. */
  postalCode?: string;
}

/**
 * The shopper changed the destination (here or in another widget sharing the location) or chose
 * another shipping method. For a new destination it is dispatched once the estimate for it is
 * known (or known to be impossible). Bubbles and crosses shadow roots. Never dispatched because
 * a property was set.
 */
export class OmniShippingChangeEvent extends Event {
  static readonly type = 'omni-shipping-change' as const;
  constructor(
    /** What the shopper changed. */
    readonly reason: 'destination' | 'method',
    readonly destination: ShippingDestination,
    /** The selected method's id; undefined when no method can be promised there. */
    readonly methodId: string | undefined,
    /** The selected method's promise (dates, order-by instant, price), if any. */
    readonly promise: DeliveryPromise | undefined,
  ) {
    super(OmniShippingChangeEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'omni-shipping-change': OmniShippingChangeEvent;
  }
}
