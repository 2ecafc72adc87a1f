/**
 * IndexedDB storage (through `idb`): one lazily opened database holding the bounded cache, the
 * shopper's preferences and durable records. Every IndexedDB failure (no IndexedDB, private mode,
 * an upgrade blocked by another tab, a terminated connection, a full disk) is a normal event: the
 * storage switches to memory for the rest of the session and callers never see an exception;
 * the record store then reports that it is no longer durable.
 */
import {
  openDB,
  type DBSchema,
  type IDBPDatabase,
  type IDBPObjectStore,
  type IDBPTransaction,
  type StoreNames,
} from 'idb';
import type { Storage, StorageLimits } from './memory-storage.js';
import { alreadyVolatile } from './volatile.js';
import {
  DEFAULT_MAX_ENTRIES,
  type CacheEntry,
  type CacheKind,
  type Check,
  type KeyValueCache,
  type PreferenceStore,
  type RecordChange,
  type RecordStore,
  type RecordUpdate,
} from './types.js';

/** Wraps what a caller's function threw, so that it is rethrown instead of read as a failure. */
class CallerError {
  constructor(readonly error: unknown) {}
}

/** Current schema version; `upgrade` migrates any older database to it. */
export const DB_VERSION = 3;

/** Default time an open (including an upgrade blocked by another tab) may take. */
export const DEFAULT_OPEN_TIMEOUT_MS = 2000;

/** A row of the 'cache' store, keyed out of line by `${kind}:${key}`. */
export interface CacheRecord {
  kind: CacheKind;
  key: string;
  value: unknown;
  /** Epoch ms; indexed (since v2) to evict the oldest rows first. */
  storedAt: number;
}

/** The database schema (current version). */
export interface OmnishelfDB extends DBSchema {
  cache: { key: string; value: CacheRecord; indexes: { storedAt: number } };
  prefs: { key: string; value: unknown };
  /** Durable records (since v3), e.g. the cart and its outbox; never evicted. */
  records: { key: string; value: unknown };
}

type Db = IDBPDatabase<OmnishelfDB>;
type CacheStore = IDBPObjectStore<OmnishelfDB, ['cache'], 'cache', 'readwrite'>;

export interface OpenStorageOptions extends StorageLimits {
  /** Database name (`OmniConfig.cacheName`). */
  name: string;
  /** Past this, a pending open counts as failed (e.g. blocked by an old tab). Default 2000. */
  openTimeoutMs?: number;
  /** Test seam: replaces `openDB`. */
  open?: typeof openDB;
  /**
   * Test seam: called before every IndexedDB write (for records, before each change of a
   * `write`, inside its transaction); what it throws is handled exactly like the browser
   * rejecting the write (e.g. a `QuotaExceededError` DOMException).
   */
  beforeWrite?: (store: 'cache' | 'prefs' | 'records') => void;
  /** Called once, with the error, when the storage switches to memory. */
  onFallback?: (reason: unknown) => void;
  /**
   * Where the storage notes, synchronously readable, that it has stored something (see
   * `mayHave`). Default `localStorage`; `null` for none (then every read goes to the database).
   */
  marker?: StoredMarker | null;
}

/**
 * A note beside the database that something was stored in it, read synchronously when the page
 * opens the storage: without it, a first visit would wait for IndexedDB to open (and, the first
 * time, create the database) only to learn that nothing is cached, before sending any request.
 */
export interface StoredMarker {
  /**
   * True when something was stored under `name`, false when nothing was (and the note can be
   * written), undefined when it cannot be told.
   */
  read(name: string): boolean | undefined;
  /** Notes that something is being stored under `name`. */
  write(name: string): void;
}

/** Ids of entries stored by this page that `mayHave` keeps track of, at most. */
const MAX_WRITTEN_IDS = 2000;

const markerKey = (name: string) => `omnishelf:stored:${name}`;

/**
 * The marker in `localStorage` (`omnishelf:stored:<name>`): '1' once something was stored. A
 * first read also writes '0', so that a `localStorage` that cannot be written (full, or refused)
 * reads as "cannot be told" rather than as "empty" on every visit.
 */
export const localStorageMarker: StoredMarker = {
  read(name) {
    try {
      const store = globalThis.localStorage;
      const value = store.getItem(markerKey(name));
      if (value === '1') return true;
      if (value === null) store.setItem(markerKey(name), '0');
      return false;
    } catch {
      return undefined;
    }
  },
  write(name) {
    try {
      globalThis.localStorage.setItem(markerKey(name), '1');
    } catch {
      /* the next visit reads the database first, as without a marker */
    }
  },
};

/** The storage returned by `openStorage`. */
export interface PersistentStorage extends Storage {
  /** Closes the connection; a later call reopens it lazily. */
  close(): void;
}

/** Migrations, one step per version; each runs only for databases older than its version. */
function upgrade(
  db: Db,
  oldVersion: number,
  tx: IDBPTransaction<OmnishelfDB, StoreNames<OmnishelfDB>[], 'versionchange'>,
): void {
  if (oldVersion < 1) {
    db.createObjectStore('cache');
    db.createObjectStore('prefs');
  }
  if (oldVersion < 2) {
    tx.objectStore('cache').createIndex('storedAt', 'storedAt');
  }
  if (oldVersion < 3) {
    db.createObjectStore('records');
  }
}

/** A cache row as read back: anything, until checked. */
function isCacheRecord(value: unknown): value is CacheRecord {
  const row = value as CacheRecord | undefined;
  return (
    typeof row === 'object' &&
    row !== null &&
    typeof row.storedAt === 'number' &&
    Number.isFinite(row.storedAt) &&
    'value' in row
  );
}

/**
 * Deletes the oldest rows (by `storedAt`) until at most `limit` remain: their keys in one request,
 * then every delete at once (a cursor would cost a round trip to the browser's storage per row).
 */
async function trim(store: CacheStore, limit: number): Promise<void> {
  const excess = (await store.count()) - limit;
  if (excess <= 0) return;
  const oldest = await store.index('storedAt').getAllKeys(undefined, excess);
  await Promise.all(oldest.map((key) => store.delete(key)));
}

const errorName = (error: unknown) => (error instanceof DOMException ? error.name : undefined);
const cacheId = (kind: CacheKind, key: string) => `${kind}:${key}`;

/**
 * Creates the IndexedDB-backed cache and preference store. Nothing is opened until first use.
 * Values that cannot be structured-cloned (a programming error) reject `set`; nothing else does.
 */
export function openStorage(options: OpenStorageOptions): PersistentStorage {
  const {
    name,
    maxEntries = DEFAULT_MAX_ENTRIES,
    now = () => Date.now(),
    openTimeoutMs = DEFAULT_OPEN_TIMEOUT_MS,
    open = openDB,
    beforeWrite,
    onFallback,
    marker = localStorageMarker,
  } = options;
  /**
   * Nothing was stored in this database when the page opened it (a first visit): then only what
   * this page stores since can be read back (`mayHave`), the ids of which are kept here, up to
   * `MAX_WRITTEN_IDS` (past that, every read goes to the database again).
   */
  const noted = marker?.read(name);
  let emptyAtOpen = noted === false;
  const written = new Set<string>();
  const wrote = (id: string) => {
    if (!emptyAtOpen || written.has(id)) return;
    if (written.size >= MAX_WRITTEN_IDS) emptyAtOpen = false;
    else written.add(id);
  };
  const mayHave = (id: string) => !emptyAtOpen || written.has(id);
  let marked = noted === true;
  /** Notes (once) that the database holds something, before the write that makes it so. */
  const mark = () => {
    if (marked) return;
    marked = true;
    marker?.write(name);
  };
  let connection: Promise<Db> | undefined;
  /** Set once IndexedDB failed: memory serves from then on (its module loads on first need). */
  let failed = false;
  let memory: Promise<Storage> | undefined;
  const volatileListeners = new Set<() => void>();

  function openWithTimeout(): Promise<Db> {
    let current: Db | undefined;
    let timedOut = false;
    let created = false;
    const opening = Promise.resolve().then(() =>
      open<OmnishelfDB>(name, DB_VERSION, {
        upgrade: (db, oldVersion, _newVersion, tx) => {
          created = oldVersion === 0;
          upgrade(db, oldVersion, tx);
        },
        // Another tab wants a newer version, or to delete the database: let it, reopen later.
        blocking: () => {
          current?.close();
          if (connection === opened) connection = undefined;
        },
        terminated: () => {
          if (connection === opened) connection = undefined;
        },
      }),
    );
    const opened = new Promise<Db>((resolve, reject) => {
      const timer = setTimeout(() => {
        timedOut = true;
        reject(new DOMException(`IndexedDB "${name}" did not open in time`, 'TimeoutError'));
      }, openTimeoutMs);
      opening.then(
        (db) => {
          clearTimeout(timer);
          current = db;
          // A database this page did not create may hold data (written before the marker was).
          if (!created) mark();
          // Too late: we are on memory now; do not keep blocking other tabs.
          if (timedOut) db.close();
          else resolve(db);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
    return opened;
  }

  function connect(): Promise<Db> {
    connection ??= openWithTimeout();
    return connection;
  }

  function drop(): void {
    const closing = connection;
    connection = undefined;
    closing?.then(
      (db) => db.close(),
      () => {},
    );
  }

  /** Switches to memory for good (once: the callback and listeners hear it once). */
  function fallBack(reason: unknown): Promise<Storage> {
    if (!failed) {
      failed = true;
      drop();
      onFallback?.(reason);
      for (const listener of [...volatileListeners]) {
        try {
          listener();
        } catch (error) {
          console.error('[omnishelf] storage listener failed', error);
        }
      }
      volatileListeners.clear();
    }
    if (!memory) {
      const loading = import('./memory-storage.js').then((m) =>
        m.createMemoryStorage({ maxEntries, now }),
      );
      memory = loading;
      // Its code could not be loaded (offline): this call fails, the next one tries again.
      loading.catch(() => {
        if (memory === loading) memory = undefined;
      });
    }
    return memory;
  }

  /** Runs `op` on IndexedDB, reconnecting or evicting once when that can help, else on memory. */
  async function run<T>(
    op: (db: Db) => Promise<T>,
    onMemory: (storage: Storage) => Promise<T>,
    write = false,
  ): Promise<T> {
    if (failed) return onMemory(await fallBack(undefined));
    try {
      const pending = connect();
      const db = await pending;
      try {
        return await op(db);
      } catch (error) {
        if (errorName(error) === 'InvalidStateError') {
          // The connection was closed under us (versionchange, terminated): reopen once.
          if (connection === pending) connection = undefined;
          db.close();
          return await op(await connect());
        }
        if (write && errorName(error) === 'QuotaExceededError') {
          const tx = db.transaction('cache', 'readwrite');
          const evictHalf = async () => trim(tx.store, Math.floor((await tx.store.count()) / 2));
          await Promise.all([evictHalf(), tx.done]);
          return await op(db);
        }
        throw error;
      }
    } catch (error) {
      if (error instanceof CallerError) throw error.error;
      if (errorName(error) === 'DataCloneError') throw error;
      return onMemory(await fallBack(error));
    }
  }

  // Reads and writes of the cache issued in the same tick share one transaction: a page of 200
  // badges costs one read and one write transaction, not 200 of each, and every badge gets its
  // answer in the same task (they render together).
  interface Read {
    id: string;
    kind: CacheKind;
    key: string;
    check: Check<unknown>;
    resolve(entry: CacheEntry<never> | undefined): void;
    reject(error: unknown): void;
  }
  interface Write {
    kind: CacheKind;
    key: string;
    value: unknown;
    storedAt: number;
    resolve(): void;
    reject(error: unknown): void;
  }
  let reads: Read[] = [];
  let writes: Write[] = [];
  let readsScheduled = false;
  let writesScheduled = false;

  function scheduleReads(): void {
    if (readsScheduled) return;
    readsScheduled = true;
    queueMicrotask(() => {
      readsScheduled = false;
      const batch = reads;
      reads = [];
      run(
        async (db) => {
          const ids = [...new Set(batch.map((r) => r.id))];
          const tx = db.transaction('cache', 'readonly');
          const [rows] = await Promise.all([
            Promise.all(ids.map((id) => tx.store.get(id))),
            tx.done,
          ]);
          const byId = new Map(ids.map((id, i) => [id, rows[i] as unknown]));
          const bad = new Set<string>();
          const answers = batch.map((read) => {
            const row = byId.get(read.id);
            if (row === undefined) return undefined;
            if (isCacheRecord(row) && read.check(row.value)) {
              return { value: row.value, storedAt: row.storedAt } as CacheEntry<never>;
            }
            // Wrong shape (an older version, corruption): a miss, and gone for the next reader.
            bad.add(read.id);
            return undefined;
          });
          if (bad.size > 0) {
            const cleanup = db.transaction('cache', 'readwrite');
            await Promise.all([
              ...[...bad].map((id) => cleanup.store.delete(id)),
              cleanup.done,
            ]).catch(() => undefined);
          }
          return answers;
        },
        (m) =>
          Promise.all(
            batch.map(
              (read) =>
                m.cache.get(read.kind, read.key, read.check) as Promise<
                  CacheEntry<never> | undefined
                >,
            ),
          ),
      ).then(
        (answers) => batch.forEach((read, i) => read.resolve(answers[i])),
        (error: unknown) => batch.forEach((read) => read.reject(error)),
      );
    });
  }

  function scheduleWrites(): void {
    if (writesScheduled) return;
    writesScheduled = true;
    queueMicrotask(() => {
      writesScheduled = false;
      const batch = writes;
      writes = [];
      run(
        async (db) => {
          mark();
          beforeWrite?.('cache');
          const tx = db.transaction('cache', 'readwrite');
          // Every put is sent at once: the transaction runs them in order, and waiting for each
          // before sending the next cost a round trip per row (on a page of 200 badges, most of
          // the time between the answer and the badges showing it).
          const puts = batch.map(({ kind, key, value, storedAt }) =>
            tx.store.put({ kind, key, value, storedAt }, cacheId(kind, key)),
          );
          await Promise.all([...puts, trim(tx.store, maxEntries), tx.done]);
        },
        async (m) => {
          for (const { kind, key, value, storedAt } of batch) {
            await m.cache.set(kind, key, value, storedAt);
          }
        },
        true,
      ).then(
        () => batch.forEach((w) => w.resolve()),
        (error: unknown) => batch.forEach((w) => w.reject(error)),
      );
    });
  }

  const cache: KeyValueCache = {
    get backend() {
      return failed ? 'memory' : 'indexeddb';
    },
    mayHave: (kind, key) => mayHave(cacheId(kind, key)),
    get<T>(kind: CacheKind, key: string, check: Check<T>) {
      return new Promise<CacheEntry<T> | undefined>((resolve, reject) => {
        const id = cacheId(kind, key);
        reads.push({ id, kind, key, check: check as Check<unknown>, resolve, reject });
        scheduleReads();
      });
    },
    set<T>(kind: CacheKind, key: string, value: T, storedAt = now()) {
      // A value that cannot be stored (a programming error) fails alone, not its whole batch.
      try {
        structuredClone(value);
      } catch (error) {
        return Promise.reject(error);
      }
      wrote(cacheId(kind, key));
      return new Promise<void>((resolve, reject) => {
        writes.push({ kind, key, value, storedAt, resolve, reject });
        scheduleWrites();
      });
    },
    delete(kind: CacheKind, key: string) {
      return run(
        (db) => db.delete('cache', cacheId(kind, key)),
        (m) => m.cache.delete(kind, key),
      );
    },
    clear() {
      return run(
        (db) => db.clear('cache'),
        (m) => m.cache.clear(),
      );
    },
  };

  /** Reads `key` from `store`, deleting a value that fails `check`. */
  async function readChecked<T>(
    db: Db,
    store: 'prefs' | 'records',
    key: string,
    check: Check<T>,
  ): Promise<T | undefined> {
    const value: unknown = await db.get(store, key);
    if (value === undefined) return undefined;
    if (check(value)) return value;
    await db.delete(store, key).catch(() => undefined);
    return undefined;
  }

  const prefs: PreferenceStore = {
    mayHave: (key) => mayHave(`prefs:${key}`),
    get<T>(key: string, check: Check<T>) {
      return run(
        (db) => readChecked(db, 'prefs', key, check),
        (m) => m.prefs.get<T>(key, check),
      );
    },
    set<T>(key: string, value: T) {
      wrote(`prefs:${key}`);
      return run(
        async (db) => {
          mark();
          beforeWrite?.('prefs');
          await db.put('prefs', value, key);
        },
        (m) => m.prefs.set(key, value),
        true,
      );
    },
    delete(key: string) {
      return run(
        (db) => db.delete('prefs', key),
        (m) => m.prefs.delete(key),
      );
    },
  };

  const records: RecordStore = {
    get durable() {
      return !failed;
    },
    onVolatile(listener) {
      if (failed) return alreadyVolatile(listener);
      volatileListeners.add(listener);
      return () => volatileListeners.delete(listener);
    },
    get<T>(key: string, check: Check<T>) {
      return run(
        (db) => readChecked(db, 'records', key, check),
        (m) => m.records.get<T>(key, check),
      );
    },
    list<T>(prefix: string, check: Check<T>, onInvalid?: (key: string, value: unknown) => void) {
      return records.update(prefix, check, (found) => ({ changes: [], result: found }), onInvalid);
    },
    write(changes: readonly RecordChange[]) {
      return run(
        async (db) => {
          const tx = db.transaction('records', 'readwrite');
          const apply = async () => {
            try {
              for (const change of changes) {
                beforeWrite?.('records');
                if ('put' in change) await tx.store.put(change.value, change.put);
                else await tx.store.delete(change.delete);
              }
            } catch (error) {
              // A change that failed here (a value that cannot be cloned, a refused write) does
              // not abort the transaction by itself: the changes before it would be committed.
              try {
                tx.abort();
              } catch {
                /* already aborted by the browser */
              }
              throw error;
            }
          };
          await Promise.all([apply(), tx.done]);
        },
        (m) => m.records.write(changes),
        true,
      );
    },
    update<T, R>(
      prefix: string,
      check: Check<T>,
      decide: (found: { key: string; value: T }[]) => RecordUpdate<R>,
      onInvalid?: (key: string, value: unknown) => void,
    ) {
      return run(
        async (db) => {
          const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
          const tx = db.transaction('records', 'readwrite');
          const invalid: { key: string; value: unknown }[] = [];
          // Read, decide and write without awaiting anything but this transaction's requests,
          // so that it stays open (and other tabs' writes wait) until the changes are in.
          const work = async (): Promise<R> => {
            const found: { key: string; value: T }[] = [];
            let cursor = await tx.store.openCursor(range);
            while (cursor) {
              const value: unknown = cursor.value;
              if (check(value)) found.push({ key: String(cursor.key), value });
              else {
                invalid.push({ key: String(cursor.key), value });
                await cursor.delete();
              }
              cursor = await cursor.continue();
            }
            let outcome: RecordUpdate<R>;
            try {
              outcome = decide(found);
            } catch (error) {
              tx.abort();
              throw new CallerError(error);
            }
            if (outcome.changes.length > 0) {
              try {
                beforeWrite?.('records');
              } catch (error) {
                tx.abort();
                throw error;
              }
            }
            for (const change of outcome.changes) {
              if ('put' in change) await tx.store.put(change.value, change.put);
              else await tx.store.delete(change.delete);
            }
            return outcome.result;
          };
          const [result] = await Promise.all([work(), tx.done.catch(() => undefined)]);
          await tx.done;
          for (const { key, value } of invalid) onInvalid?.(key, value);
          return result;
        },
        (m) => m.records.update<T, R>(prefix, check, decide, onInvalid),
        true,
      );
    },
  };

  return { cache, prefs, records, close: drop };
}
