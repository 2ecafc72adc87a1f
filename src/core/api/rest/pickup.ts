/**
 * The pickup capability over contract v1: `GET /pickup/slots`, `POST /pickup/reservations` and
 * `DELETE /pickup/reservations/{id}`.
 */
import type { PickupCapability, RequestOptions } from '../backend-client.js';
import { PickupReservationSchema, PickupSlotsAnswerSchema, validSlots } from '../schemas/pickup.js';
import type { PickupReservationRequest, PickupSlotQuery } from '../types.js';
import { hasCode, type Http } from './http.js';

export function restPickup(http: Http): PickupCapability {
  return {
    async getPickupSlots(query: PickupSlotQuery, options: RequestOptions = {}) {
      const url = http.url('/pickup/slots', {
        storeId: query.storeId,
        skus: query.skus.join(','),
        from: query.from,
        days: query.days,
      });
      // One malformed slot is dropped, not the whole answer (`validSlots`).
      return validSlots((await http.json(url, PickupSlotsAnswerSchema, options)).data.slots);
    },

    async reservePickupSlot(request: PickupReservationRequest, options: RequestOptions = {}) {
      // Not retried: a hold that timed out may exist; the widget releases what it does not use.
      const answer = await http.postJson(
        http.url('/pickup/reservations'),
        request,
        PickupReservationSchema,
        { ...options, retries: 0 },
      );
      return answer.data;
    },

    async cancelPickupReservation(id: string, options: RequestOptions = {}) {
      try {
        await http.send(http.url(`/pickup/reservations/${encodeURIComponent(id)}`), options, {
          method: 'DELETE',
        });
      } catch (error) {
        // Already released (404) or lapsed (410): what the caller wanted.
        if (!hasCode(error, 'reservation_not_found') && !hasCode(error, 'reservation_expired')) {
          throw error;
        }
      }
    },
  };
}
