import { expect } from '@open-wc/testing';
import type { PickupCapability } from '../../../src/core/api/backend-client.js';
import { OmniError } from '../../../src/core/api/errors.js';
import type {
  PickupReservation,
  PickupReservationRequest,
  PickupSlot,
  PickupSlotQuery,
} from '../../../src/core/api/types.js';
import { createMemoryStorage } from '../../../src/core/cache/memory-storage.js';
import {
  anyValue,
  type KeyValueCache,
  type PreferenceStore,
} from '../../../src/core/cache/types.js';
import { createPickupService, type PickupHold } from '../../../src/core/pickup/pickup-service.js';
import { rejection } from '../../helpers/rejection.js';

const MINUTE = 60_000;
const T0 = Date.parse('2026-02-02T09:00:00Z');

function slot(id: string, startMin: number, overrides: Partial<PickupSlot> = {}): PickupSlot {
  return {
    id,
    start: new Date(T0 + startMin * MINUTE).toISOString(),
    end: new Date(T0 + (startMin + 60) * MINUTE).toISOString(),
    capacity: 4,
    remaining: 2,
    ...overrides,
  };
}

interface FakeBackend extends PickupCapability {
  slotAnswers: (() => Promise<unknown>)[];
  slotQueries: PickupSlotQuery[];
  reserveAnswer: (request: PickupReservationRequest) => Promise<unknown>;
  cancelled: { id: string; keepalive: boolean }[];
  cancelAnswer: (id: string) => Promise<void>;
}

function fakeBackend(): FakeBackend {
  const backend: FakeBackend = {
    slotAnswers: [],
    slotQueries: [],
    cancelled: [],
    reserveAnswer: async (request) => ({
      id: `r-${request.slotId}`,
      slotId: request.slotId,
      expiresAt: new Date(now + 15 * MINUTE).toISOString(),
    }),
    cancelAnswer: async () => undefined,
    async getPickupSlots(query) {
      backend.slotQueries.push(query);
      const next = backend.slotAnswers.shift();
      if (!next) throw new Error('no slot answer queued');
      return (await next()) as PickupSlot[];
    },
    async reservePickupSlot(request) {
      return (await backend.reserveAnswer(request)) as PickupReservation;
    },
    async cancelPickupReservation(id, options) {
      backend.cancelled.push({ id, keepalive: options?.keepalive === true });
      return backend.cancelAnswer(id);
    },
  };
  return backend;
}

let now = T0;
const QUERY: PickupSlotQuery = { storeId: 'westlands', skus: ['B', 'A'] };
const REQUEST: PickupReservationRequest = { slotId: 's1', storeId: 'westlands', skus: ['A'] };

describe('core/pickup pickup service', () => {
  let backend: FakeBackend;
  let cache: KeyValueCache;
  let service: ReturnType<typeof createPickupService>;

  beforeEach(() => {
    now = T0;
    backend = fakeBackend();
    cache = createMemoryStorage({ now: () => now }).cache;
    service = createPickupService({ backend, cache, now: () => now });
  });

  describe('slots', () => {
    it('serves slots from the cache for a minute, then asks again', async () => {
      backend.slotAnswers.push(async () => [slot('s2', 120), slot('s1', 60)]);
      const first = await service.slots(QUERY);
      expect(first.value.map((s) => s.id)).to.deep.equal(['s1', 's2']);
      // The same skus in another order are the same question.
      const again = await service.slots({ ...QUERY, skus: ['A', 'B'] });
      expect(again.source).to.equal('cache');
      expect(backend.slotQueries).to.have.length(1);

      now += 61_000;
      backend.slotAnswers.push(async () => [slot('s3', 180)]);
      const later = await service.slots(QUERY);
      // Capacity changes: past its minute the cached list is not shown while the network answers.
      expect(later.value.map((s) => s.id)).to.deep.equal(['s3']);
      expect(later.stale).to.equal(false);
      expect(backend.slotQueries).to.have.length(2);
    });

    it('shows the old list, marked stale, when the network cannot answer', async () => {
      backend.slotAnswers.push(async () => [slot('s1', 60)]);
      await service.slots(QUERY);
      now += 5 * MINUTE;
      backend.slotAnswers.push(async () => {
        throw new OmniError('network', 'offline');
      });
      const shown = await service.slots(QUERY);
      expect(shown.stale).to.equal(true);
      expect(shown.value.map((s) => s.id)).to.deep.equal(['s1']);
    });

    it('skips the cache when asked for fresh slots (after a 409)', async () => {
      backend.slotAnswers.push(async () => [slot('s1', 60)]);
      backend.slotAnswers.push(async () => [slot('s1', 60, { remaining: 0 })]);
      await service.slots(QUERY);
      const fresh = await service.slots(QUERY, { fresh: true });
      expect(fresh.value[0]!.remaining).to.equal(0);
      expect(backend.slotQueries).to.have.length(2);
    });

    it('drops malformed slots and slots that end before they start, keeps the rest', async () => {
      backend.slotAnswers.push(async () => [
        slot('ok', 60),
        slot('backwards', 120, { end: new Date(T0 + 100 * MINUTE).toISOString() }),
        slot('empty', 120, { end: new Date(T0 + 120 * MINUTE).toISOString() }),
        { id: 'no-times', capacity: 1, remaining: 1 },
        slot('negative', 180, { remaining: -1 }),
        'not a slot',
        null,
        slot('ok', 240),
      ]);
      const { value } = await service.slots(QUERY);
      expect(value.map((s) => s.id)).to.deep.equal(['ok']);
    });

    it('rejects an answer that is not a list, or whose slots are all broken', async () => {
      backend.slotAnswers.push(async () => ({ slots: 'soon' }));
      expect((await rejection(service.slots(QUERY))).kind).to.equal('invalid_response');
      backend.slotAnswers.push(async () => [{ id: 1 }, slot('x', 60, { start: 'tomorrow' })]);
      expect((await rejection(service.slots(QUERY, { fresh: true }))).kind).to.equal(
        'invalid_response',
      );
      // An empty list is an answer: no slots.
      backend.slotAnswers.push(async () => []);
      expect((await service.slots(QUERY, { fresh: true })).value).to.deep.equal([]);
    });

    it('treats a cached list of the wrong shape as a miss', async () => {
      backend.slotAnswers.push(async () => [slot('s1', 60)]);
      await service.slots(QUERY);
      // Tamper with what is stored (an older version, or corruption).
      const key = 'westlands|A%2CB||';
      expect(await cache.get('slots', key, (x): x is unknown => x !== undefined)).to.not.equal(
        undefined,
      );
      await cache.set('slots', key, [{ id: 's1', start: 'x' }], now);
      backend.slotAnswers.push(async () => [slot('s2', 60)]);
      // A later page (this one keeps the answers it had in memory) reads the stored list.
      service = createPickupService({ backend, cache, now: () => now });
      expect((await service.slots(QUERY)).value.map((s) => s.id)).to.deep.equal(['s2']);
    });

    it('passes errors on (404 vanished store, 5xx)', async () => {
      backend.slotAnswers.push(async () => {
        throw new OmniError('http', 'gone', { status: 404, code: 'store_not_found' });
      });
      expect((await rejection(service.slots(QUERY))).code).to.equal('store_not_found');
    });
  });

  describe('holds', () => {
    it('places a hold with its expiry', async () => {
      const hold = await service.hold(REQUEST);
      expect(hold).to.deep.equal({
        id: 'r-s1',
        slotId: 's1',
        storeId: 'westlands',
        expiresAt: T0 + 15 * MINUTE,
      });
    });

    it('keeps a hold whose answer has no (or a useless) expiresAt, without an expiry', async () => {
      for (const expiresAt of [undefined, 'in 15 minutes', new Date(T0 - MINUTE).toISOString()]) {
        backend.reserveAnswer = async () => ({ id: 'r1', slotId: 's1', expiresAt });
        expect((await service.hold(REQUEST)).expiresAt, String(expiresAt)).to.equal(undefined);
      }
    });

    it('rejects an answer without an id, and passes 409 and 410 on', async () => {
      backend.reserveAnswer = async () => ({ slotId: 's1' });
      expect((await rejection(service.hold(REQUEST))).kind).to.equal('invalid_response');
      backend.reserveAnswer = async () => {
        throw new OmniError('http', 'full', { status: 409, code: 'slot_full' });
      };
      expect((await rejection(service.hold(REQUEST))).code).to.equal('slot_full');
      backend.reserveAnswer = async () => {
        throw new OmniError('http', 'gone', { status: 410, code: 'slot_expired' });
      };
      expect((await rejection(service.hold(REQUEST))).code).to.equal('slot_expired');
    });

    it('releases a hold, with keepalive when asked', async () => {
      const hold = await service.hold(REQUEST);
      await service.release(hold);
      await service.release(hold, { keepalive: true });
      expect(backend.cancelled).to.deep.equal([
        { id: 'r-s1', keepalive: false },
        { id: 'r-s1', keepalive: true },
      ]);
    });

    it('tries a release that failed offline again with the next call, until it succeeds', async () => {
      const hold = await service.hold(REQUEST);
      backend.cancelAnswer = async () => {
        throw new OmniError('network', 'offline');
      };
      await service.release(hold); // never rejects
      backend.cancelAnswer = async () => undefined;
      backend.slotAnswers.push(async () => []);
      await service.slots(QUERY);
      await service.release();
      expect(backend.cancelled.map((c) => c.id)).to.deep.equal(['r-s1', 'r-s1']);
      // Released now: nothing left to try.
      await service.release();
      expect(backend.cancelled).to.have.length(2);
    });

    it('does not try again after a refusal, or once the hold has lapsed anyway', async () => {
      const refused: PickupHold = { id: 'r1', slotId: 's', storeId: 'w', expiresAt: undefined };
      backend.cancelAnswer = async () => {
        throw new OmniError('http', 'bad', { status: 400, code: 'invalid_request' });
      };
      await service.release(refused);
      const lapsed: PickupHold = { id: 'r2', slotId: 's', storeId: 'w', expiresAt: T0 + MINUTE };
      now = T0 + 2 * MINUTE;
      backend.cancelAnswer = async () => {
        throw new OmniError('http', 'down', { status: 503 });
      };
      await service.release(lapsed);
      backend.cancelAnswer = async () => undefined;
      await service.release();
      expect(backend.cancelled.map((c) => c.id)).to.deep.equal(['r1', 'r2']);
    });
  });

  describe('kept holds', () => {
    const hold = (id: string, expiresAt: number | undefined = T0 + 15 * MINUTE): PickupHold => ({
      id,
      slotId: `slot-${id}`,
      storeId: 'westlands',
      expiresAt,
    });
    let prefs: PreferenceStore;
    /** A page of the shopper's: its own service on the same (durable) preferences. */
    const page = () =>
      createPickupService({
        backend,
        cache,
        now: () => now,
        holds: { prefs, key: 'pickupHolds|/api', durable: () => true },
      });

    beforeEach(() => {
      prefs = createMemoryStorage().prefs;
    });

    it('offers a kept hold to the next page, for the same items or a cart that has them all', async () => {
      const first = page();
      expect(first.keepsHolds).to.equal(true);
      await first.keep(hold('r1'), ['A']);
      const next = page();
      expect(await next.recall(['A'])).to.deep.equal(hold('r1'));
      expect(await next.recall(['B', 'A'])).to.deep.equal(hold('r1'));
      expect(await next.recall(['B'])).to.equal(undefined);
      // One hold per set of items: the newest, which a cart prefers too.
      await next.keep(hold('r2'), ['A']);
      await next.keep(hold('r3'), ['B']);
      expect(await first.recall(['A'])).to.deep.equal(hold('r2'));
      expect(await first.recall(['A', 'B'])).to.deep.equal(hold('r3'));
      expect(((await prefs.get('pickupHolds|/api', anyValue)) as unknown[]).length).to.equal(2);
    });

    it('forgets a hold that is released, or that became an order’s', async () => {
      const first = page();
      await first.keep(hold('r1'), ['A']);
      await first.release(hold('r1'));
      expect(await page().recall(['A'])).to.equal(undefined);
      expect(backend.cancelled.map((c) => c.id)).to.deep.equal(['r1']);
      await first.keep(hold('r2'), ['A']);
      await first.forget(hold('r2'));
      expect(await page().recall(['A'])).to.equal(undefined);
      expect(backend.cancelled).to.have.length(1);
    });

    it('reads what this page kept or forgot just before, in order', async () => {
      const here = page();
      void here.keep(hold('r1'), ['A']);
      void here.forget(hold('r1'));
      void here.keep(hold('r2'), ['A']);
      expect(await here.recall(['A'])).to.deep.equal(hold('r2'));
    });

    it('still offers a lapsed hold (to say so), and forgets it a day after', async () => {
      const here = page();
      await here.keep(hold('r1', T0 + MINUTE), ['A']);
      await here.keep(hold('r2', undefined), ['B']);
      now = T0 + 2 * MINUTE;
      expect(await page().recall(['A'])).to.deep.equal(hold('r1', T0 + MINUTE));
      now = T0 + 25 * 60 * MINUTE;
      await here.keep(hold('r3', now + 15 * MINUTE), ['C']);
      expect(await page().recall(['A', 'B', 'C'])).to.deep.equal(hold('r3', now + 15 * MINUTE));
      expect(await page().recall(['A', 'B'])).to.equal(undefined);
    });

    it('ignores kept holds of the wrong shape', async () => {
      for (const value of [
        'r1',
        [{ skus: ['A'], hold: { id: '', slotId: 's', storeId: 'w' }, keptAt: T0 }],
        [{ skus: [], hold: hold('r1'), keptAt: T0 }],
        [{ skus: ['A'], hold: hold('r1'), keptAt: 'now' }],
      ]) {
        await prefs.set('pickupHolds|/api', value);
        expect(await page().recall(['A']), JSON.stringify(value)).to.equal(undefined);
      }
    });

    it('keeps holds for this page only without durable preferences', async () => {
      expect(service.keepsHolds).to.equal(false);
      await service.keep(hold('r1'), ['A']);
      expect(await service.recall(['A'])).to.deep.equal(hold('r1'));
      expect(await page().recall(['A'])).to.equal(undefined);
    });
  });
});
