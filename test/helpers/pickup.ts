/**
 * Fakes for the pickup selector's tests: a pickup service with call recording and controllable
 * answers, and slot builders.
 */
import { OmniError } from '../../src/core/api/errors.js';
import type {
  PickupReservationRequest,
  PickupSlot,
  PickupSlotQuery,
} from '../../src/core/api/types.js';
import type { Fresh } from '../../src/core/cache/types.js';
import type { PickupHold, PickupService } from '../../src/core/pickup/pickup-service.js';

export const MINUTE = 60_000;

/** An hour-long slot starting `startMin` minutes after `base` (an ISO instant). */
export function slot(
  id: string,
  base: string,
  startMin: number,
  overrides: Partial<PickupSlot> = {},
): PickupSlot {
  const start = Date.parse(base) + startMin * MINUTE;
  return {
    id,
    start: new Date(start).toISOString(),
    end: new Date(start + 60 * MINUTE).toISOString(),
    capacity: 4,
    remaining: 2,
    ...overrides,
  };
}

export type SlotAnswer =
  PickupSlot[] | ((query: PickupSlotQuery, fresh: boolean) => Promise<PickupSlot[]>);

export interface FakePickupService extends PickupService {
  /** Slots by store id; a store without an answer rejects with 404 store_not_found. */
  slotAnswers: Record<string, SlotAnswer>;
  slotReads: { query: PickupSlotQuery; fresh: boolean }[];
  holds: PickupReservationRequest[];
  /** What `hold` does; default: a hold lapsing `ttlMs` after `now()`. */
  holdImpl: (request: PickupReservationRequest) => Promise<PickupHold>;
  released: { id: string | undefined; keepalive: boolean }[];
  /** Ids of the holds placed and not released. */
  open(): string[];
  /** Kept holds, newest first, with their items (as another page would find them). */
  kept: { hold: PickupHold; skus: string[] }[];
  forgotten: string[];
  keepsHolds: boolean;
}

export function fakePickupService(now: () => number, ttlMs = 15 * MINUTE): FakePickupService {
  let counter = 0;
  const placed = new Set<string>();
  const service: FakePickupService = {
    slotAnswers: {},
    slotReads: [],
    holds: [],
    released: [],
    kept: [],
    forgotten: [],
    keepsHolds: false,
    open: () => [...placed],
    holdImpl: async (request) => ({
      id: `r${++counter}`,
      slotId: request.slotId,
      storeId: request.storeId,
      expiresAt: now() + ttlMs,
    }),
    async slots(query, options = {}): Promise<Fresh<PickupSlot[]>> {
      const fresh = options.fresh === true;
      service.slotReads.push({ query, fresh });
      const answer = service.slotAnswers[query.storeId];
      if (answer === undefined) {
        throw new OmniError('http', 'gone', { status: 404, code: 'store_not_found' });
      }
      const value = typeof answer === 'function' ? await answer(query, fresh) : answer;
      return { value, updatedAt: now(), stale: false, source: 'network' };
    },
    async hold(request) {
      service.holds.push(request);
      const hold = await service.holdImpl(request);
      placed.add(hold.id);
      return hold;
    },
    async release(hold, options = {}) {
      service.released.push({ id: hold?.id, keepalive: options.keepalive === true });
      if (hold) {
        placed.delete(hold.id);
        service.kept = service.kept.filter((k) => k.hold.id !== hold.id);
      }
    },
    async keep(hold, skus) {
      const items = [...new Set(skus)].sort();
      service.kept = [
        { hold: { ...hold }, skus: items },
        ...service.kept.filter((k) => k.hold.id !== hold.id && k.skus.join() !== items.join()),
      ];
    },
    async forget(hold) {
      service.forgotten.push(hold.id);
      service.kept = service.kept.filter((k) => k.hold.id !== hold.id);
    },
    async recall(skus) {
      await Promise.resolve();
      return service.kept.find((k) => k.skus.every((sku) => skus.includes(sku)))?.hold;
    },
  };
  return service;
}

export function httpError(status: number, code: string): OmniError {
  return new OmniError('http', code, { status, code });
}
