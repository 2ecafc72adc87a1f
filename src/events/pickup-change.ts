import type { PickupSlot, Store } from '../core/api/types.js';
import type { PickupHold } from '../core/pickup/pickup-service.js';

/**
 * The shopper's pickup choice changed: a store was chosen (no slot yet), a slot is now held, or
 * the hold ended (expired, or the choice was reset). Bubbles and crosses shadow roots. Never
 * dispatched because a property was set from outside.
 */
export class OmniPickupChangeEvent extends Event {
  static readonly type = 'omni-pickup-change' as const;
  constructor(
    /** The chosen store, if any. */
    readonly store: Store | undefined,
    /** The chosen slot, once it is held. */
    readonly slot: PickupSlot | undefined,
    /** The hold on it (`reservation.id` is what the checkout submits). */
    readonly reservation: PickupHold | undefined,
  ) {
    super(OmniPickupChangeEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'omni-pickup-change': OmniPickupChangeEvent;
  }
}
