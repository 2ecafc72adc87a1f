import { anyValue } from '../../../src/core/cache/types.js';
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { deleteDB, openDB, type IDBPDatabase, type OpenDBCallbacks } from 'idb';
import {
  DB_VERSION,
  openStorage,
  type OmnishelfDB,
  type OpenStorageOptions,
  type PersistentStorage,
} from '../../../src/core/cache/idb-storage.js';
import { createMemoryStorage } from '../../../src/core/cache/memory-storage.js';
import { runRecordStoreSuite } from '../../helpers/record-store-suite.js';

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

const isText = (value: unknown): value is string => typeof value === 'string';

/** Creates a database as version 1 of the schema wrote it: both stores, no storedAt index. */
async function createV1(name: string): Promise<IDBPDatabase> {
  return openDB(name, 1, {
    upgrade(db) {
      db.createObjectStore('cache');
      db.createObjectStore('prefs');
    },
  });
}

/** Creates a database as version 2 of the schema wrote it: the storedAt index, no records. */
async function createV2(name: string): Promise<IDBPDatabase> {
  return openDB(name, 2, {
    upgrade(db) {
      db.createObjectStore('cache').createIndex('storedAt', 'storedAt');
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

  /** A second connection to the test database, to see what is really stored. */
  async function raw(): Promise<IDBPDatabase<OmnishelfDB>> {
    const db = await openDB<OmnishelfDB>(name);
    others.push(db as IDBPDatabase<unknown>);
    return db;
  }

  beforeEach(() => {
    name = uniqueName();
    storages = [];
    others = [];
  });

  afterEach(async () => {
    for (const s of storages) s.close();
    for (const db of others) db.close();
    localStorage.removeItem(`omnishelf:stored:${name}`);
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

  describe('batched writes', () => {
    it('sends every row written in one tick before the first is stored', async () => {
      const s = storage();
      await s.prefs.set('warm', 1); // the database is open: only the batch below is logged
      const log: string[] = [];
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
        const request = put.apply(this, args);
        log.push('put');
        request.addEventListener('success', () => log.push('stored'));
        return request;
      } as typeof put;
      try {
        await Promise.all([1, 2, 3, 4].map((i) => s.cache.set('availability', `k${i}`, i)));
      } finally {
        IDBObjectStore.prototype.put = put;
      }
      expect(log).to.deep.equal([
        'put',
        'put',
        'put',
        'put',
        'stored',
        'stored',
        'stored',
        'stored',
      ]);
      for (const i of [1, 2, 3, 4]) {
        expect((await s.cache.get('availability', `k${i}`, anyValue))?.value).to.equal(i);
      }
    });
  });

  describe('reads that can only miss (a first visit)', () => {
    it('are told by a marker beside the database: set by the first write, read on the next visit', async () => {
      const first = storage();
      expect(first.cache.mayHave!('stores', 'k')).to.equal(false);
      expect(first.prefs.mayHave!('location')).to.equal(false);
      await first.cache.set('stores', 'k', 'v');
      await first.prefs.set('location', 'here');
      // This page knows what it stored since.
      expect(first.cache.mayHave!('stores', 'k')).to.equal(true);
      expect(first.cache.mayHave!('stores', 'other')).to.equal(false);
      expect(first.prefs.mayHave!('location')).to.equal(true);
      first.close();

      const second = storage();
      expect(second.cache.mayHave!('stores', 'other')).to.equal(true);
      expect(second.prefs.mayHave!('myStore')).to.equal(true);
      expect((await second.cache.get('stores', 'k', anyValue))?.value).to.equal('v');
    });

    it('are not made possible by a read alone', async () => {
      const first = storage();
      expect(await first.prefs.get('location', anyValue)).to.equal(undefined);
      first.close();
      expect(storage().prefs.mayHave!('location')).to.equal(false);
    });

    it('still find what a version without the marker stored, and mark it for next time', async () => {
      const v2 = await createV2(name);
      await v2.put('prefs', 'kept', 'location');
      v2.close();
      const first = storage();
      expect(first.prefs.mayHave!('location')).to.equal(false);
      expect(await first.prefs.get('location', anyValue)).to.equal('kept');
      first.close();
      expect(storage().prefs.mayHave!('location')).to.equal(true);
    });

    it('cannot be told when the marker cannot be written (a full or refused localStorage)', () => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
      const opened = (() => {
        try {
          return storage();
        } finally {
          Storage.prototype.setItem = setItem;
        }
      })();
      expect(opened.cache.mayHave!('stores', 'k')).to.equal(true);
      expect(opened.prefs.mayHave!('location')).to.equal(true);
    });

    it('cannot be told without a marker', () => {
      const s = storage({ marker: null });
      expect(s.cache.mayHave!('stores', 'k')).to.equal(true);
    });
  });

  describe('validated reads', () => {
    it('treats a cached value of the wrong shape as a miss, and deletes the row', async () => {
      const s = storage({ now: () => 9 });
      await s.cache.set('stores', 'k', 42);
      expect(await s.cache.get('stores', 'k', isText)).to.equal(undefined);
      expect(await (await raw()).get('cache', 'stores:k')).to.equal(undefined);
      await s.cache.set('stores', 'k', 'text');
      expect(await s.cache.get('stores', 'k', isText)).to.deep.equal({
        value: 'text',
        storedAt: 9,
      });
    });

    it('treats a row whose envelope is corrupt as a miss, and deletes it', async () => {
      const s = storage();
      await s.cache.set('stores', 'ok', 'v', 1);
      const db = await raw();
      const corrupt = [
        { kind: 'stores', key: 'when', value: 'v', storedAt: 'yesterday' },
        { kind: 'stores', key: 'nan', value: 'v', storedAt: NaN },
        { kind: 'stores', key: 'novalue', storedAt: 1 },
        'not a row at all',
      ];
      for (const [i, row] of corrupt.entries()) {
        await db.put('cache', row as never, `stores:bad${i}`);
      }
      for (const i of corrupt.keys()) {
        expect(await s.cache.get('stores', `bad${i}`, anyValue), `row ${i}`).to.equal(undefined);
        expect(await db.get('cache', `stores:bad${i}`), `row ${i} kept`).to.equal(undefined);
      }
      expect((await s.cache.get('stores', 'ok', anyValue))?.value).to.equal('v');
      expect(s.cache.backend).to.equal('indexeddb');
    });

    it('treats a preference of the wrong shape as missing, and deletes it', async () => {
      const s = storage();
      await s.prefs.set('myStore', { id: 7 });
      expect(await s.prefs.get('myStore', isText)).to.equal(undefined);
      expect(await (await raw()).get('prefs', 'myStore')).to.equal(undefined);
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

    it('keeps the newest maxEntries when one batch of writes overflows by many', async () => {
      const s = storage({ maxEntries: 3 });
      await Promise.all(
        [60, 10, 50, 20, 40, 30].map((at) => s.cache.set('availability', `k${at}`, at, at)),
      );
      const kept = [];
      for (const at of [10, 20, 30, 40, 50, 60]) {
        if (await s.cache.get('availability', `k${at}`, anyValue)) kept.push(at);
      }
      expect(kept).to.deep.equal([40, 50, 60]);
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

  describe('migration from v2', () => {
    it('keeps the data of a v2 database and adds the records store', async () => {
      const v2 = await createV2(name);
      await v2.put('cache', { kind: 'slots', key: 'k', value: 'v2 value', storedAt: 5 }, 'slots:k');
      await v2.put('prefs', { kind: 'postal', postalCode: '00100', country: 'KE' }, 'location');
      v2.close();

      const s = storage();
      expect(await s.cache.get('slots', 'k', anyValue)).to.deep.equal({
        value: 'v2 value',
        storedAt: 5,
      });
      expect(await s.prefs.get('location', anyValue)).to.deep.equal({
        kind: 'postal',
        postalCode: '00100',
        country: 'KE',
      });
      await s.records.write([{ put: 'outbox:1', value: { op: 'add' } }]);
      expect(s.records.durable).to.equal(true);
      s.close();

      const db = await raw();
      expect(db.version).to.equal(DB_VERSION);
      expect([...db.objectStoreNames].sort()).to.deep.equal(['cache', 'prefs', 'records']);
      expect([...db.transaction('cache').store.indexNames]).to.deep.equal(['storedAt']);
      expect(await db.get('records', 'outbox:1')).to.deep.equal({ op: 'add' });
    });
  });

  runRecordStoreSuite('IndexedDB', () => storage().records);

  describe('durable records', () => {
    it('are durable on IndexedDB and are there on the next visit', async () => {
      const first = storage();
      expect(first.records.durable).to.equal(true);
      await first.records.write([{ put: 'cart', value: { id: 'c1' } }]);
      expect(first.records.durable).to.equal(true);
      first.close();
      const second = storage();
      expect(await second.records.get('cart', anyValue)).to.deep.equal({ id: 'c1' });
    });

    it('leave nothing half-written in IndexedDB when a change fails part-way', async () => {
      let writes = 0;
      let failAt = 0;
      const reasons: unknown[] = [];
      const s = storage({
        beforeWrite: (store) => {
          if (store === 'records' && ++writes === failAt) {
            throw new DOMException('The disk failed.', 'UnknownError');
          }
        },
        onFallback: (reason) => reasons.push(reason),
      });
      await s.records.write([{ put: 'kept', value: 1 }]);
      failAt = writes + 2; // the second change of the next write
      await s.records.write([{ put: 'a', value: 2 }, { delete: 'kept' }, { put: 'b', value: 3 }]);

      const db = await raw();
      expect(await db.get('records', 'a')).to.equal(undefined);
      expect(await db.get('records', 'b')).to.equal(undefined);
      expect(await db.get('records', 'kept')).to.equal(1);
      // The write went to memory, and the storage says that it will not survive a reload.
      expect(s.records.durable).to.equal(false);
      expect(await s.records.get('a', anyValue)).to.equal(2);
      expect((reasons[0] as DOMException).name).to.equal('UnknownError');
    });

    it('say once that they stopped being durable, and tell later listeners soon', async () => {
      let fail = false;
      const s = storage({
        beforeWrite: () => {
          if (fail) throw quotaError();
        },
      });
      let told = 0;
      let unsubscribedTold = 0;
      s.records.onVolatile(() => told++);
      s.records.onVolatile(() => unsubscribedTold++)();
      await s.records.write([{ put: 'a', value: 1 }]);
      expect(told).to.equal(0);

      fail = true;
      await s.records.write([{ put: 'b', value: 2 }]);
      expect(s.records.durable).to.equal(false);
      expect(told).to.equal(1);
      await s.records.write([{ put: 'c', value: 3 }]);
      await s.cache.set('stores', 'k', 'v');
      expect([told, unsubscribedTold]).to.deep.equal([1, 0]);

      let late = 0;
      s.records.onVolatile(() => late++);
      await waitUntil(() => late === 1, 'a listener after the fallback was not told');
    });

    it('stop being durable when IndexedDB cannot be opened at all', async () => {
      const s = storage({
        open: (() => Promise.reject(new DOMException('denied', 'SecurityError'))) as typeof openDB,
      });
      let told = 0;
      s.records.onVolatile(() => told++);
      expect(await s.records.list('', anyValue)).to.deep.equal([]);
      expect(s.records.durable).to.equal(false);
      expect(told).to.equal(1);
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
