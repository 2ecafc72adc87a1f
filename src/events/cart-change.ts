import type { CartView } from '../core/cart/store.js';

/**
 * The cart changed: a line was added, changed or removed (here, in another tab or on another
 * device), or the server's answer changed prices or quantities. Dispatched once per page, by the
 * first cart element connected (listen on `document`). Bubbles and crosses shadow roots.
 */
export class OmniCartChangeEvent extends Event {
  static readonly type = 'omni-cart-change' as const;
  constructor(
    /** The cart as shoppers see it now (pending changes applied). */
    readonly cart: CartView,
    /** Items in the cart (the sum of quantities). */
    readonly count: number,
  ) {
    super(OmniCartChangeEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'omni-cart-change': OmniCartChangeEvent;
  }
}
