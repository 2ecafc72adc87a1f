/**
 * The `onOmni...` props of the React wrappers: each maps to one of our events and types its
 * handler's argument with the event's class. A wrapper lists the props of the events its element
 * dispatches.
 */
import type { EventName } from '@lit/react';
import type { OmniCartChangeEvent } from '../events/cart-change.js';
import type { OmniCartConflictEvent } from '../events/cart-conflict.js';
import type { OmniCartSyncEvent } from '../events/cart-sync.js';
import type { OmniErrorEvent } from '../events/error.js';
import type { OmniPickupChangeEvent } from '../events/pickup-change.js';
import type { OmniReservationExpireEvent } from '../events/reservation-expire.js';
import type { OmniShippingChangeEvent } from '../events/shipping-change.js';
import type { OmniStockChangeEvent } from '../events/stock-change.js';
import type { OmniStoreSelectEvent } from '../events/store-select.js';

export const stockEvents = {
  onOmniStockChange: 'omni-stock-change' as EventName<OmniStockChangeEvent>,
  onOmniStoreSelect: 'omni-store-select' as EventName<OmniStoreSelectEvent>,
  onOmniError: 'omni-error' as EventName<OmniErrorEvent>,
};

export const pickupEvents = {
  onOmniPickupChange: 'omni-pickup-change' as EventName<OmniPickupChangeEvent>,
  onOmniStoreSelect: 'omni-store-select' as EventName<OmniStoreSelectEvent>,
  onOmniReservationExpire: 'omni-reservation-expire' as EventName<OmniReservationExpireEvent>,
};

export const shippingEvents = {
  onOmniShippingChange: 'omni-shipping-change' as EventName<OmniShippingChangeEvent>,
  onOmniError: 'omni-error' as EventName<OmniErrorEvent>,
};

/**
 * The cart's events are dispatched once per page, by the first cart element connected (see
 * `controllers/cart-controller.ts`): on the others these props never fire. Listen on the first
 * cart element rendered, or on `document`.
 */
export const cartEvents = {
  onOmniCartChange: 'omni-cart-change' as EventName<OmniCartChangeEvent>,
  onOmniCartSync: 'omni-cart-sync' as EventName<OmniCartSyncEvent>,
  onOmniCartConflict: 'omni-cart-conflict' as EventName<OmniCartConflictEvent>,
};
