import { anyValue } from '../../../src/core/cache/types.js';
import { expect } from '@open-wc/testing';
import { deleteDB, openDB, type IDBPDatabase, type OpenDBCallbacks } from 'idb';
import {
  DB_VERSION,
  openStorage,
  type OmnishelfDB,
  type OpenStorageOptions,
  type PersistentStorage,
} from '../../../src/core/cache/idb-storage.js';
import { createMemoryStorage } from '../../../src/core/cache/memory-storage.js';

let counter = 0;
const uniqueName = () => `omnishelf-test-${Date.now()}-${counter++}`;

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** Resolves with `promise`, or rejects when it takes longer than `ms`. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: timed out`)), ms)),
  ]);
}

/** Creates a database as version 1 of the schema wrote it: both stores, no storedAt index. */
async function createV1(name: string): Promise<IDBPDatabase> {
  return openDB(name, 1, {
    upgrade(db) {
      db.createObjectStore('cache');
      db.createObjectStore('prefs');
    },
  });
}

describe('openStorage (IndexedDB)', () => {
  let name: string;
  let storages: PersistentStorage[];
  let others: IDBPDatabase<unknown>[];

  function storage(options: Partial<OpenStorageOptions> = {}): PersistentStorage {
    const s = openStorage({ name, ...options });
    storages.push(s);
    return s;
  }

  beforeEach(() => {
    name = uniqueName();
    storages = [];
    others = [];
  });

  afterEach(async () => {
    for (const s of storages) s.close();
    for (const db of others) db.close();
    await within(deleteDB(name), 5000, `deleteDB(${name})`);
  });

  describe('persistence', () => {
    it('opens nothing until first used', async () => {
      let opens = 0;
      storage({
        open: ((...args: Parameters<typeof openDB>) => {
          opens++;
          return openDB(...args);
        }) as typeof openDB,
      });
      await new Promise((r) => setTimeout(r, 20));
      expect(opens).to.equal(0);
      expect((await indexedDB.databases()).map((d) => d.name)).not.to.include(name);
    });

    it('keeps entries and preferences for a second visit', async () => {
      const first = storage({ now: () => 1000 });
      await first.cache.set('stores', '94103', [{ id: 's1' }]);
      await first.prefs.set('location', { kind: 'postal', postalCode: '94103' });
      first.close();

      const second = storage();
      expect(await second.cache.get('stores', '94103', anyValue)).to.deep.equal({
        value: [{ id: 's1' }],
        storedAt: 1000,
      });
      expect(await second.prefs.get('location', anyValue)).to.deep.equal({
        kind: 'postal',
        postalCode: '94103',
      });
      expect(second.cache.backend).to.equal('indexeddb');
    });

    it('keeps kinds apart and deletes and clears entries, but not preferences', async () => {
      const s = storage();
      await s.cache.set('stores', 'k', 'stores');
      await s.cache.set('slots', 'k', 'slots');
      await s.prefs.set('k', 'pref');
      expect((await s.cache.get('slots', 'k', anyValue))?.value).to.equal('slots');
      await s.cache.delete('slots', 'k');
      expect(await s.cache.get('slots', 'k', anyValue)).to.equal(undefined);
      expect((await s.cache.get('stores', 'k', anyValue))?.value).to.equal('stores');
      await s.cache.clear();
      expect(await s.cache.get('stores', 'k', anyValue)).to.equal(undefined);
      expect(await s.prefs.get('k', anyValue)).to.equal('pref');
      await s.prefs.delete('k');
      expect(await s.prefs.get('k', anyValue)).to.equal(undefined);
    });
  });

  describe('eviction', () => {
    it('keeps the newest maxEntries by storedAt, whatever the write order', async () => {
      const s = storage({ maxEntries: 3 });
      for (const storedAt of [30, 10, 50, 20, 40]) {
        await s.cache.set('availability', `k${storedAt}`, storedAt, storedAt);
      }
      const kept = [];
      for (const storedAt of [10, 20, 30, 40, 50]) {
        if (await s.cache.get('availability', `k${storedAt}`, anyValue)) kept.push(storedAt);
      }
      expect(kept).to.deep.equal([30, 40, 50]);
    });

    it('never evicts preferences', async () => {
      const s = storage({ maxEntries: 2 });
      for (let i = 0; i < 3; i++) await s.prefs.set(`pref${i}`, i);
      for (let i = 0; i < 5; i++) await s.cache.set('stores', `k${i}`, i, i);
      for (let i = 0; i < 3; i++) expect(await s.prefs.get(`pref${i}`, anyValue)).to.equal(i);
      expect(await s.cache.get('stores', 'k2', anyValue)).to.equal(undefined);
      expect((await s.cache.get('stores', 'k4', anyValue))?.value).to.equal(4);
    });
  });

  describe('migration', () => {
    it('upgrades a real v1 database to the current version, keeping its data', async () => {
      const v1 = await createV1(name);
      await v1.put(
        'cache',
        { kind: 'stores', key: 'old', value: 'v1 value', storedAt: 5 },
        'stores:old',
      );
      await v1.put('prefs', 's1', 'myStore');
      v1.close();

      const s = storage({ maxEntries: 2 });
      expect(await s.cache.get('stores', 'old', anyValue)).to.deep.equal({
        value: 'v1 value',
        storedAt: 5,
      });
      expect(await s.prefs.get('myStore', anyValue)).to.equal('s1');
      // The v2 index drives eviction: the v1 row is the oldest and goes first.
      await s.cache.set('stores', 'a', 'a', 10);
      await s.cache.set('stores', 'b', 'b', 20);
      expect(s.cache.backend).to.equal('indexeddb');
      expect(await s.cache.get('stores', 'old', anyValue)).to.equal(undefined);
      s.close();

      const raw = await openDB<OmnishelfDB>(name);
      others.push(raw as IDBPDatabase<unknown>);
      expect(raw.version).to.equal(DB_VERSION);
      expect([...raw.transaction('cache').store.indexNames]).to.include('storedAt');
    });
  });

  describe('fallback to memory', () => {
    it('works from memory when opening throws (no IndexedDB, private mode)', async () => {
      const reasons: unknown[] = [];
      const s = storage({
        open: (() => {
          throw new DOMException('The user denied permission.', 'SecurityError');
        }) as typeof openDB,
        onFallback: (reason) => reasons.push(reason),
      });
      await s.cache.set('stores', 'k', 'v', 1);
      await s.prefs.set('p', 'q');
      expect(await s.cache.get('stores', 'k', anyValue)).to.deep.equal({ value: 'v', storedAt: 1 });
      expect(await s.prefs.get('p', anyValue)).to.equal('q');
      expect(s.cache.backend).to.equal('memory');
      expect(reasons).to.have.length(1);
      expect((reasons[0] as DOMException).name).to.equal('SecurityError');
    });

    it('falls back within the timeout when an old tab blocks the upgrade', async () => {
      const old = await createV1(name);
      others.push(old); // never closes on versionchange, like an outdated tab
      const reasons: unknown[] = [];
      const s = storage({ openTimeoutMs: 200, onFallback: (r) => reasons.push(r) });
      const started = performance.now();
      await s.cache.set('slots', 'k', 'v', 1);
      expect(performance.now() - started).to.be.below(1500);
      expect(s.cache.backend).to.equal('memory');
      expect((await s.cache.get('slots', 'k', anyValue))?.value).to.equal('v');
      expect((reasons[0] as DOMException).name).to.equal('TimeoutError');
    });

    it('reopens lazily after the browser terminates the connection', async () => {
      let callbacks: OpenDBCallbacks<OmnishelfDB> = {};
      let db: IDBPDatabase<OmnishelfDB> | undefined;
      let opens = 0;
      const s = storage({
        open: (async (n: string, v: number, cb: OpenDBCallbacks<OmnishelfDB>) => {
          opens++;
          callbacks = cb;
          db = await openDB<OmnishelfDB>(n, v, cb);
          return db;
        }) as typeof openDB,
      });
      await s.cache.set('stores', 'a', 'a', 1);
      db!.close();
      callbacks.terminated!();

      await s.cache.set('stores', 'b', 'b', 2);
      expect(opens).to.equal(2);
      expect(s.cache.backend).to.equal('indexeddb');
      expect((await s.cache.get('stores', 'a', anyValue))?.value).to.equal('a');
      expect((await s.cache.get('stores', 'b', anyValue))?.value).to.equal('b');
    });

    it('reopens when its connection was closed under it', async () => {
      let db: IDBPDatabase<OmnishelfDB> | undefined;
      const s = storage({
        open: (async (...args: Parameters<typeof openDB<OmnishelfDB>>) => {
          db = await openDB<OmnishelfDB>(...args);
          return db;
        }) as typeof openDB,
      });
      await s.prefs.set('p', 1);
      db!.close();
      expect(await s.prefs.get('p', anyValue)).to.equal(1);
      expect(s.cache.backend).to.equal('indexeddb');
    });

    it('lets another tab delete the database, then recreates it', async () => {
      const s = storage();
      await s.cache.set('stores', 'a', 'a', 1);
      await within(deleteDB(name), 2000, 'deleteDB while open');
      expect(await s.cache.get('stores', 'a', anyValue)).to.equal(undefined);
      await s.cache.set('stores', 'b', 'b', 2);
      expect((await s.cache.get('stores', 'b', anyValue))?.value).to.equal('b');
      expect(s.cache.backend).to.equal('indexeddb');
    });

    it('lets another tab upgrade to a newer version, then works from memory', async () => {
      const reasons: unknown[] = [];
      const s = storage({ onFallback: (r) => reasons.push(r) });
      await s.cache.set('stores', 'a', 'a', 1);
      const newer = await within(openDB(name, DB_VERSION + 1), 2000, 'newer tab opens');
      others.push(newer);
      await s.cache.set('stores', 'b', 'b', 2);
      expect(s.cache.backend).to.equal('memory');
      expect((await s.cache.get('stores', 'b', anyValue))?.value).to.equal('b');
      expect((reasons[0] as DOMException).name).to.equal('VersionError');
    });

    it('evicts the oldest half and retries once after a QuotaExceededError', async () => {
      let failures = 0;
      const s = storage({
        beforeWrite: () => {
          if (failures-- > 0) throw quotaError();
        },
      });
      for (let i = 1; i <= 4; i++) await s.cache.set('stores', `k${i}`, i, i);
      failures = 1;
      await s.cache.set('stores', 'k5', 5, 5);
      expect(s.cache.backend).to.equal('indexeddb');
      expect((await s.cache.get('stores', 'k5', anyValue))?.value).to.equal(5);
      expect(await s.cache.get('stores', 'k1', anyValue)).to.equal(undefined);
      expect(await s.cache.get('stores', 'k2', anyValue)).to.equal(undefined);
      expect((await s.cache.get('stores', 'k3', anyValue))?.value).to.equal(3);
    });

    it('falls back to memory when the quota is still exceeded after eviction', async () => {
      const reasons: unknown[] = [];
      let fail = false;
      const s = storage({
        beforeWrite: () => {
          if (fail) throw quotaError();
        },
        onFallback: (r) => reasons.push(r),
      });
      await s.prefs.set('p', 1);
      fail = true;
      await s.prefs.set('p', 2);
      await s.cache.set('stores', 'k', 'v', 1);
      expect(s.cache.backend).to.equal('memory');
      expect(await s.prefs.get('p', anyValue)).to.equal(2);
      expect((await s.cache.get('stores', 'k', anyValue))?.value).to.equal('v');
      expect(reasons).to.have.length(1);
      expect((reasons[0] as DOMException).name).to.equal('QuotaExceededError');
    });
  });
});

describe('createMemoryStorage', () => {
  it('evicts the oldest by storedAt and never evicts preferences', async () => {
    const { cache, prefs } = createMemoryStorage({ maxEntries: 2 });
    for (const storedAt of [30, 10, 20])
      await cache.set('stores', `k${storedAt}`, storedAt, storedAt);
    await prefs.set('p', 'kept');
    expect(await cache.get('stores', 'k10', anyValue)).to.equal(undefined);
    expect((await cache.get('stores', 'k20', anyValue))?.value).to.equal(20);
    expect((await cache.get('stores', 'k30', anyValue))?.value).to.equal(30);
    expect(await prefs.get('p', anyValue)).to.equal('kept');
    expect(cache.backend).to.equal('memory');
  });

  it('stores copies, like IndexedDB', async () => {
    const { cache } = createMemoryStorage({ now: () => 7 });
    const value = { n: 1 };
    await cache.set('stores', 'k', value);
    value.n = 2;
    const entry = await cache.get<{ n: number }>('stores', 'k', anyValue);
    expect(entry).to.deep.equal({ value: { n: 1 }, storedAt: 7 });
  });
});
