import type { Store } from '../core/api/types.js';

/** The shopper chose a store ("Set as my store"). Bubbles and crosses shadow roots. */
export class OmniStoreSelectEvent extends Event {
  static readonly type = 'omni-store-select' as const;
  constructor(readonly store: Store) {
    super(OmniStoreSelectEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'omni-store-select': OmniStoreSelectEvent;
  }
}
