import type { CartChoice, CartNotice } from '../core/cart/store.js';

/** Why the cart differs from what the shopper did or saw. */
export type CartConflictKind =
  /** A unit price changed (`notice.from`, `notice.to`). */
  | 'price'
  /** A change was dropped: its line was removed elsewhere, or the server refused it. */
  | 'dropped'
  /** The server had lost the cart; a new one was made with the same lines. */
  | 'restored'
  /** Another cart (a handoff, the signed-in customer's) waits for the shopper's choice. */
  | 'choice';

/**
 * The server's cart and the shopper's disagreed, and the cart reconciled (or asks the shopper).
 * Dispatched once per page, by the first cart element connected. Bubbles and crosses shadow roots.
 */
export class OmniCartConflictEvent extends Event {
  static readonly type = 'omni-cart-conflict' as const;
  constructor(
    readonly kind: CartConflictKind,
    /** The notice shown to the shopper (all kinds but `choice`). */
    readonly notice: CartNotice | undefined,
    /** The pending choice (`choice` only). */
    readonly choice: CartChoice | undefined,
  ) {
    super(OmniCartConflictEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'omni-cart-conflict': OmniCartConflictEvent;
  }
}
