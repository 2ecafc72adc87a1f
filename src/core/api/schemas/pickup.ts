/** Contract v1 schemas of the pickup capability: slots and reservations. */
import * as v from 'valibot';
import type { PickupReservation, PickupSlot } from '../types.js';
import { count, id, isoDateTime, type Output } from './common.js';

/** One pickup slot. */
export const PickupSlotSchema = v.object({
  id,
  start: isoDateTime,
  end: isoDateTime,
  capacity: count,
  remaining: count,
}) satisfies Output<PickupSlot>;

/** Body of the pickup slots list: `{ slots: PickupSlot[] }`. */
export const PickupSlotsResponseSchema = v.object({
  slots: v.array(PickupSlotSchema),
}) satisfies Output<{ slots: PickupSlot[] }>;

/** Body of a pickup reservation (the reservation itself). */
export const PickupReservationSchema = v.object({
  id,
  slotId: id,
  expiresAt: isoDateTime,
}) satisfies Output<PickupReservation>;
