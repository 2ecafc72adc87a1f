import type { CartSyncStatus } from '../core/cart/store.js';

/**
 * The cart's sync state changed: changes waiting for the server (`pending`) and whether they are
 * being sent, waiting for the network or for the server. Dispatched once per page, by the first
 * cart element connected. Bubbles and crosses shadow roots.
 */
export class OmniCartSyncEvent extends Event {
  static readonly type = 'omni-cart-sync' as const;
  constructor(
    /** Changes not yet acknowledged by the server. */
    readonly pending: number,
    /** `synced`, `syncing`, `offline` or `error`. */
    readonly status: CartSyncStatus,
  ) {
    super(OmniCartSyncEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'omni-cart-sync': OmniCartSyncEvent;
  }
}
