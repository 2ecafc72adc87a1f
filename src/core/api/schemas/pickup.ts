/** Contract v1 schemas of the pickup capability: slots and reservations. */
import * as v from 'valibot';
import { OmniError } from '../errors.js';
import type { PickupReservation, PickupSlot } from '../types.js';
import { count, id, isoDateTime, type Output } from './common.js';

/** One pickup slot, ending after it starts. */
export const PickupSlotSchema = v.pipe(
  v.object({
    id,
    start: isoDateTime,
    end: isoDateTime,
    capacity: count,
    remaining: count,
  }),
  v.check((slot) => Date.parse(slot.end) > Date.parse(slot.start), 'expected end after start'),
) satisfies Output<PickupSlot>;

/** Body of the pickup slots list: `{ slots: PickupSlot[] }`. */
export const PickupSlotsResponseSchema = v.object({
  slots: v.array(PickupSlotSchema),
}) satisfies Output<{ slots: PickupSlot[] }>;

/**
 * The same body read leniently: the list must be a list, its items are checked one by one with
 * `validSlots`, so that one malformed slot is dropped instead of every slot of the store.
 */
export const PickupSlotsAnswerSchema = v.object({ slots: v.array(v.unknown()) });

/**
 * The valid slots of `list` (see `PickupSlotSchema`) in start order, the first of each id kept.
 * Rejects with `OmniError('invalid_response')` when `list` is not an array, or when it has slots
 * and none of them is valid (the answer is broken, not empty).
 */
export function validSlots(list: unknown): PickupSlot[] {
  if (!Array.isArray(list)) {
    throw new OmniError('invalid_response', 'The pickup slots are not a list');
  }
  const seen = new Set<string>();
  const slots = list
    .filter((slot): slot is PickupSlot => v.is(PickupSlotSchema, slot))
    .filter((slot) => !seen.has(slot.id) && seen.add(slot.id))
    .map((slot) => ({ ...slot }))
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  if (list.length > 0 && slots.length === 0) {
    throw new OmniError('invalid_response', `None of the ${list.length} pickup slots is valid`);
  }
  return slots;
}

/**
 * Body of a pickup reservation (the reservation itself). A missing or malformed `expiresAt` reads
 * as unknown rather than failing: the hold exists either way and must stay releasable.
 */
export const PickupReservationSchema = v.object({
  id,
  slotId: id,
  expiresAt: v.fallback(v.optional(isoDateTime), undefined),
}) satisfies Output<PickupReservation>;
