import type { PickupSlot, Store } from '../core/api/types.js';
import type { PickupHold } from '../core/pickup/pickup-service.js';

/**
 * A pickup hold lapsed before the order was placed: the slot is no longer held and the shopper
 * is asked to choose again. Bubbles and crosses shadow roots.
 */
export class OmniReservationExpireEvent extends Event {
  static readonly type = 'omni-reservation-expire' as const;
  constructor(
    /** The hold that lapsed. */
    readonly reservation: PickupHold,
    /** Its slot, when still known. */
    readonly slot: PickupSlot | undefined,
    /** Its store, when still known. */
    readonly store: Store | undefined,
  ) {
    super(OmniReservationExpireEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'omni-reservation-expire': OmniReservationExpireEvent;
  }
}
