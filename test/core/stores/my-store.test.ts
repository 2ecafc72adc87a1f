import { expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import type { Store } from '../../../src/core/api/types.js';
import { createMemoryStorage } from '../../../src/core/cache/memory-storage.js';
import { anyValue, type PreferenceStore } from '../../../src/core/cache/types.js';
import {
  createMyStoreChoice,
  createMyStoreService,
  FULFILLMENT_PREF_KEY,
  LEGACY_MY_STORE_ID_KEY,
  MY_STORE_PREF_KEY,
  MY_STORE_REFRESH_MS,
  type MyStoreChoice,
  type MyStoreService,
} from '../../../src/core/stores/my-store.js';
import { deferred, makeStore } from '../../helpers/fixture-with-services.js';

const HOUR = 60 * 60 * 1000;

/** The store as remembered: without the distance of the query it was found by. */
const remembered = (store: Store): Store => {
  const { distanceKm: _distance, ...rest } = store;
  return rest;
};

/** Counts the notifications of a service or choice. */
function notifications(service: { subscribe(listener: () => void): () => void }) {
  const counter = { count: 0, unsubscribe: () => {} };
  counter.unsubscribe = service.subscribe(() => counter.count++);
  return counter;
}

/** A lookup (`GET /stores?ids=`) answering from a table, recording the ids it was asked. */
function lookupFrom(stores: Store[]) {
  const asked: string[][] = [];
  const lookup = async (ids: string[]) => {
    asked.push(ids);
    return stores.filter((store) => ids.includes(store.id));
  };
  return { lookup, asked };
}

describe('my store', () => {
  let clock: number;
  const now = () => clock;
  let prefs: PreferenceStore;
  const channels: BroadcastChannel[] = [];
  let channelName: string;
  let counter = 0;

  beforeEach(() => {
    clock = Date.parse('2026-11-24T09:00:00Z');
    prefs = createMemoryStorage().prefs;
    channelName = `omnishelf-my-store-test-${Date.now()}-${counter++}`;
  });
  afterEach(() => {
    for (const channel of channels.splice(0)) channel.close();
  });

  /** A real BroadcastChannel on this test's name (each tab has its own). */
  function channel(): BroadcastChannel {
    const made = new BroadcastChannel(channelName);
    channels.push(made);
    return made;
  }

  function choice(options: { prefs?: PreferenceStore; channel?: boolean } = {}): MyStoreChoice {
    return createMyStoreChoice({
      prefs: options.prefs ?? prefs,
      channel: options.channel ? channel() : undefined,
      now,
    });
  }

  describe('choice', () => {
    it('remembers the whole store (without its distance) for the next visit', async () => {
      const store = makeStore({ id: 'ke-1', distanceKm: 3.2 });
      const first = choice();
      await first.ready;
      await first.set(store);
      expect(first.store).to.deep.equal(remembered(store));
      expect(await prefs.get(MY_STORE_PREF_KEY, anyValue)).to.deep.equal({
        store: remembered(store),
        savedAt: clock,
      });

      const next = choice();
      await next.ready;
      expect(next.store).to.deep.equal(remembered(store));
      expect(next.savedAt).to.equal(clock);
    });

    it('ignores and deletes a remembered store of the wrong shape', async () => {
      const broken = [
        { store: { id: 'ke-1', name: 'No address' }, savedAt: clock },
        { store: remembered(makeStore()), savedAt: 'yesterday' },
        { store: remembered(makeStore()), savedAt: NaN },
        'ke-1',
      ];
      for (const value of broken) {
        await prefs.set(MY_STORE_PREF_KEY, value);
        const read = choice();
        await read.ready;
        expect(read.store, JSON.stringify(value)).to.equal(undefined);
        expect(await prefs.get(MY_STORE_PREF_KEY, anyValue)).to.equal(undefined);
      }
    });

    it('keeps a store that the shopper chose before the remembered one was read', async () => {
      const saved = makeStore({ id: 'saved' });
      await prefs.set(MY_STORE_PREF_KEY, { store: remembered(saved), savedAt: clock - HOUR });
      const reading = deferred<void>();
      const slow: PreferenceStore = {
        // Reads what is stored now (a read transaction that started before the write), and
        // answers late.
        get: async (key, check) => {
          const value = await prefs.get(key, check);
          await reading.promise;
          return value;
        },
        set: (key, value) => prefs.set(key, value),
        delete: (key) => prefs.delete(key),
      };
      const early = choice({ prefs: slow });
      const chosen = makeStore({ id: 'chosen' });
      const writing = early.set(chosen);
      reading.resolve();
      await Promise.all([early.ready, writing]);
      expect(early.store?.id).to.equal('chosen');
      expect(
        ((await prefs.get(MY_STORE_PREF_KEY, anyValue)) as { store: Store }).store.id,
      ).to.equal('chosen');
    });

    it('remembers how the shopper chose to get their items, for the next visit', async () => {
      const first = choice();
      await first.ready;
      expect(first.fulfillment).to.equal(undefined);
      const heard = notifications(first);
      await first.setFulfillment('pickup');
      expect(first.fulfillment).to.equal('pickup');
      expect(heard.count).to.equal(1);
      // The same way again is no change.
      await first.setFulfillment('pickup');
      expect(heard.count).to.equal(1);
      expect(await prefs.get(FULFILLMENT_PREF_KEY, anyValue)).to.equal('pickup');

      const next = choice();
      await next.ready;
      expect(next.fulfillment).to.equal('pickup');
      await next.setFulfillment('ship');
      const third = choice();
      await third.ready;
      expect(third.fulfillment).to.equal('ship');

      let error: unknown;
      await third.setFulfillment('drone' as 'ship').catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(TypeError);
      expect(third.fulfillment).to.equal('ship');
      await prefs.set(FULFILLMENT_PREF_KEY, 'drone');
      const broken = choice();
      await broken.ready;
      expect(broken.fulfillment).to.equal(undefined);
    });

    it('rejects something that is not a store, and changes nothing', async () => {
      const c = choice();
      await c.ready;
      let error: unknown;
      await c.set({ id: 'x' } as Store).catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(TypeError);
      expect(c.store).to.equal(undefined);
    });
  });

  describe('first visit', () => {
    /** The preferences, saying nothing can be stored yet, with reads held until released. */
    function emptyPrefs() {
      const held = deferred<void>();
      const empty: PreferenceStore = {
        ...prefs,
        mayHave: () => false,
        get: async (key, check) => {
          await held.promise;
          return prefs.get(key, check);
        },
      };
      return { empty, release: () => held.resolve() };
    }

    it('is loaded at once when nothing can be remembered', async () => {
      const { empty } = emptyPrefs();
      const c = createMyStoreChoice({ prefs: empty, now });
      const s = createMyStoreService(c, { defaultStoreId: 'ke-1', now });
      expect(c.loaded).to.equal(true);
      expect(s.loaded).to.equal(true);
      expect(s.storeId).to.equal('ke-1');
      let ready = false;
      void s.ready.then(() => (ready = true));
      await Promise.resolve();
      expect(ready).to.equal(true);
    });

    it('still takes a store remembered after all (by an older version), and says so', async () => {
      const store = makeStore({ id: 'ke-7' });
      await prefs.set(MY_STORE_PREF_KEY, { store: remembered(store), savedAt: clock });
      const { empty, release } = emptyPrefs();
      const c = createMyStoreChoice({ prefs: empty, now });
      const heard = notifications(c);
      await c.ready;
      expect(c.store).to.equal(undefined);
      release();
      await waitUntil(() => c.store !== undefined, 'the remembered store never arrived');
      expect(c.store).to.deep.equal(remembered(store));
      expect(heard.count).to.equal(1);
    });

    it('waits for the remembered store when one may be stored', async () => {
      const c = createMyStoreChoice({ prefs, now });
      expect(c.loaded).to.equal(false);
      await c.ready;
      expect(c.loaded).to.equal(true);
    });
  });

  describe('other tabs', () => {
    it('follows a store chosen or cleared in another tab', async () => {
      const here = choice({ channel: true });
      const there = choice({ channel: true });
      await Promise.all([here.ready, there.ready]);
      const heard = notifications(here);
      const own = notifications(there);

      const store = makeStore({ id: 'ke-2' });
      await there.set(store);
      await waitUntil(() => here.store?.id === 'ke-2', 'the other tab did not follow');
      expect(here.store).to.deep.equal(remembered(store));
      expect(heard.count).to.equal(1);

      await there.set(undefined);
      await waitUntil(() => here.store === undefined, 'the other tab did not clear');
      expect(heard.count).to.equal(2);
      // The message is not delivered back to the tab that sent it.
      expect(own.count).to.equal(2);
    });

    it('follows the way to get items chosen in another tab', async () => {
      const here = choice({ channel: true });
      const there = choice({ channel: true });
      await Promise.all([here.ready, there.ready]);
      const heard = notifications(here);
      await there.setFulfillment('pickup');
      await waitUntil(() => here.fulfillment === 'pickup', 'the other tab did not follow');
      expect(heard.count).to.equal(1);
      const stranger = channel();
      stranger.postMessage({ type: 'omnishelf:fulfillment', way: 'drone' });
      stranger.postMessage({ type: 'omnishelf:fulfillment', way: 'ship' });
      await waitUntil(() => here.fulfillment === 'ship', 'the valid message did not arrive');
      expect(heard.count).to.equal(2);
    });

    it('ignores malformed messages', async () => {
      const here = choice({ channel: true });
      await here.ready;
      const heard = notifications(here);
      const stranger = channel();
      for (const data of [
        'omnishelf:my-store',
        null,
        { type: 'something-else', store: remembered(makeStore()) },
        { type: 'omnishelf:my-store', store: { id: 'ke-3' } },
        { type: 'omnishelf:my-store' },
      ]) {
        stranger.postMessage(data);
      }
      // Messages from one sender arrive in order: once this one is in, the others were handled.
      stranger.postMessage({
        type: 'omnishelf:my-store',
        store: remembered(makeStore({ id: 'ok' })),
      });
      await waitUntil(() => here.store?.id === 'ok', 'the valid message did not arrive');
      expect(heard.count).to.equal(1);
    });

    it('forgets a store still to be looked up when another tab clears it', async () => {
      await prefs.set(LEGACY_MY_STORE_ID_KEY, 'old-id');
      const here = choice({ channel: true });
      await here.ready;
      expect(here.pendingId).to.equal('old-id');
      const heard = notifications(here);
      channel().postMessage({ type: 'omnishelf:my-store', store: null });
      await waitUntil(() => heard.count === 1, 'the clear was not followed');
      expect(here.pendingId).to.equal(undefined);
    });
  });

  describe('service', () => {
    function service(
      options: {
        defaultStoreId?: string;
        lookup?: (ids: string[]) => Promise<Store[]>;
        choice?: MyStoreChoice;
      } = {},
    ): MyStoreService {
      return createMyStoreService(options.choice ?? choice(), { ...options, now });
    }

    it('migrates the id remembered by 0.1 by looking its details up', async () => {
      await prefs.set(LEGACY_MY_STORE_ID_KEY, 'ke-7');
      const store = makeStore({ id: 'ke-7', distanceKm: 4 });
      const { lookup, asked } = lookupFrom([store]);
      const s = service({ lookup });
      const heard = notifications(s);
      await s.ready;
      expect(s.storeId).to.equal('ke-7');
      expect(s.isShopperChoice).to.equal(true);
      await waitUntil(() => s.store !== undefined, 'details never looked up');
      expect(s.store).to.deep.equal(remembered(store));
      expect(asked).to.deep.equal([['ke-7']]);
      expect(heard.count).to.be.greaterThan(0);
      await waitUntil(
        async () => (await prefs.get(LEGACY_MY_STORE_ID_KEY, anyValue)) === undefined,
        'the 0.1 preference was kept',
      );
      expect(await prefs.get(MY_STORE_PREF_KEY, anyValue)).to.deep.equal({
        store: remembered(store),
        savedAt: clock,
      });
    });

    it('keeps a migrated id without details when the backend cannot look stores up', async () => {
      await prefs.set(LEGACY_MY_STORE_ID_KEY, 'ke-7');
      const s = service();
      await s.ready;
      expect(s.storeId).to.equal('ke-7');
      expect(s.store).to.equal(undefined);
      expect(s.isShopperChoice).to.equal(true);
    });

    it('refreshes details older than MY_STORE_REFRESH_MS', async () => {
      const old = makeStore({ id: 'ke-1', name: 'Old name' });
      await prefs.set(MY_STORE_PREF_KEY, {
        store: remembered(old),
        savedAt: clock - MY_STORE_REFRESH_MS - 1,
      });
      const fresh = { ...old, name: 'New name', closures: ['2026-12-25'] };
      const { lookup, asked } = lookupFrom([fresh]);
      const s = service({ lookup });
      notifications(s);
      await s.ready;
      await waitUntil(() => s.store?.name === 'New name', 'details not refreshed');
      expect(asked).to.deep.equal([['ke-1']]);
      expect(s.store?.closures).to.deep.equal(['2026-12-25']);
      await waitUntil(
        async () =>
          ((await prefs.get(MY_STORE_PREF_KEY, anyValue)) as { savedAt: number }).savedAt === clock,
        'refreshed details not remembered',
      );
    });

    it('does not look up details younger than MY_STORE_REFRESH_MS', async () => {
      await prefs.set(MY_STORE_PREF_KEY, {
        store: remembered(makeStore({ id: 'ke-1' })),
        savedAt: clock - MY_STORE_REFRESH_MS + 1000,
      });
      const { lookup, asked } = lookupFrom([]);
      const s = service({ lookup });
      await s.ready;
      expect(asked).to.deep.equal([]);
      expect(s.store?.id).to.equal('ke-1');
    });

    it('forgets a store the backend no longer has, and the merchant default applies again', async () => {
      await prefs.set(MY_STORE_PREF_KEY, {
        store: remembered(makeStore({ id: 'closed' })),
        savedAt: clock - 2 * MY_STORE_REFRESH_MS,
      });
      const fallback = makeStore({ id: 'default-1' });
      const { lookup } = lookupFrom([fallback]);
      const s = service({ lookup, defaultStoreId: 'default-1' });
      notifications(s);
      await s.ready;
      await waitUntil(() => s.storeId === 'default-1', 'the closed store was kept');
      expect(s.isShopperChoice).to.equal(false);
      await waitUntil(() => s.store?.id === 'default-1', 'the default was not looked up');
      expect(await prefs.get(MY_STORE_PREF_KEY, anyValue)).to.equal(undefined);
    });

    it('keeps the remembered details when the lookup fails', async () => {
      const store = makeStore({ id: 'ke-1' });
      await prefs.set(MY_STORE_PREF_KEY, { store: remembered(store), savedAt: 0 });
      let calls = 0;
      const s = service({
        lookup: () => {
          calls++;
          return Promise.reject(new Error('offline'));
        },
      });
      await s.ready;
      await waitUntil(() => calls === 1);
      await new Promise((resolve) => setTimeout(resolve));
      expect(s.store).to.deep.equal(remembered(store));
    });

    it('does not let a refresh replace a store chosen while it was on its way', async () => {
      await prefs.set(MY_STORE_PREF_KEY, {
        store: remembered(makeStore({ id: 'old' })),
        savedAt: 0,
      });
      const answer = deferred<Store[]>();
      const s = service({ lookup: () => answer.promise });
      await s.ready;
      await s.set(makeStore({ id: 'new' }));
      answer.resolve([makeStore({ id: 'old', name: 'Refreshed' })]);
      await answer.promise;
      await new Promise((resolve) => setTimeout(resolve));
      expect(s.store?.id).to.equal('new');
    });

    it("looks up the merchant's default store until the shopper chooses one", async () => {
      const fallback = makeStore({ id: 'default-1' });
      const { lookup, asked } = lookupFrom([fallback]);
      const s = service({ lookup, defaultStoreId: 'default-1' });
      const heard = notifications(s);
      await s.ready;
      expect(s.storeId).to.equal('default-1');
      expect(s.isShopperChoice).to.equal(false);
      await waitUntil(() => s.store?.id === 'default-1', 'default store details not looked up');
      expect(heard.count).to.equal(1);
      expect(asked).to.deep.equal([['default-1']]);

      const chosen = makeStore({ id: 'mine' });
      await s.set(chosen);
      expect(s.store?.id).to.equal('mine');
      expect(s.isShopperChoice).to.equal(true);
      await s.clear();
      expect(s.store?.id).to.equal('default-1');
      expect(s.isShopperChoice).to.equal(false);
    });

    it('passes the way to get items through to the shared choice', async () => {
      const shared = choice();
      const one = service({ choice: shared });
      const two = service({ choice: shared, defaultStoreId: 'other' });
      await Promise.all([one.ready, two.ready]);
      const heard = notifications(two);
      await one.setFulfillment('pickup');
      expect(two.fulfillment).to.equal('pickup');
      expect(heard.count).to.equal(1);
    });

    it('applies a choice made in another tab', async () => {
      const here = service({ choice: choice({ channel: true }) });
      const there = service({ choice: choice({ channel: true }) });
      const heard = notifications(here);
      await Promise.all([here.ready, there.ready]);
      await there.set(makeStore({ id: 'ke-5' }));
      await waitUntil(() => here.storeId === 'ke-5', 'the other tab was not followed');
      expect(heard.count).to.equal(1);
    });
  });
});
