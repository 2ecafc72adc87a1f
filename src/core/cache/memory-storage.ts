/**
 * In-memory storage: the fallback when IndexedDB cannot be used, and a fake for tests of other
 * modules. Same contract as the IndexedDB storage: values are copied in and out (structured
 * clone), read values are checked, and the cache keeps at most `maxEntries`, evicting the oldest
 * by `storedAt`. Its records are not durable.
 */
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

export { DEFAULT_MAX_ENTRIES } from './types.js';

/** Options shared by the memory and IndexedDB storages. */
export interface StorageLimits {
  /** Cache entries kept before the oldest (by `storedAt`) are evicted. Default 500. */
  maxEntries?: number;
  /** Clock for `storedAt` when `set` is not given one. Default `Date.now`. */
  now?: () => number;
}

/** A cache, a preference store and durable records. */
export interface Storage {
  cache: KeyValueCache;
  prefs: PreferenceStore;
  records: RecordStore;
}

const cacheId = (kind: CacheKind, key: string) => `${kind}:${key}`;

/** Creates an empty in-memory cache, preference store and (volatile) record store. */
export function createMemoryStorage(options: StorageLimits = {}): Storage {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const now = options.now ?? (() => Date.now());
  const entries = new Map<string, CacheEntry<unknown>>();
  const prefs = new Map<string, unknown>();
  const records = new Map<string, unknown>();

  function evictOverflow(): void {
    const excess = entries.size - maxEntries;
    if (excess <= 0) return;
    const oldest = [...entries].sort(([, a], [, b]) => a.storedAt - b.storedAt).slice(0, excess);
    for (const [id] of oldest) entries.delete(id);
  }

  /** A checked copy of a stored value; a value failing `check` is deleted. */
  function read<T>(map: Map<string, unknown>, id: string, check: Check<T>): T | undefined {
    if (!map.has(id)) return undefined;
    const value = structuredClone(map.get(id));
    if (check(value)) return value;
    map.delete(id);
    return undefined;
  }

  const cache: KeyValueCache = {
    backend: 'memory',
    async get<T>(kind: CacheKind, key: string, check: Check<T>) {
      const entry = entries.get(cacheId(kind, key));
      if (!entry) return undefined;
      const value = structuredClone(entry.value);
      if (!check(value)) {
        entries.delete(cacheId(kind, key));
        return undefined;
      }
      return { value, storedAt: entry.storedAt };
    },
    async set<T>(kind: CacheKind, key: string, value: T, storedAt = now()) {
      const id = cacheId(kind, key);
      entries.delete(id);
      entries.set(id, { value: structuredClone(value), storedAt });
      evictOverflow();
    },
    async delete(kind: CacheKind, key: string) {
      entries.delete(cacheId(kind, key));
    },
    async clear() {
      entries.clear();
    },
  };

  const preferences: PreferenceStore = {
    async get<T>(key: string, check: Check<T>) {
      return read(prefs, key, check);
    },
    async set<T>(key: string, value: T) {
      prefs.set(key, structuredClone(value));
    },
    async delete(key: string) {
      prefs.delete(key);
    },
  };

  const recordStore: RecordStore = {
    durable: false,
    onVolatile: alreadyVolatile,
    async get<T>(key: string, check: Check<T>) {
      return read(records, key, check);
    },
    list<T>(prefix: string, check: Check<T>, onInvalid?: (k: string, v: unknown) => void) {
      return Promise.resolve().then(() => listNow(prefix, check, onInvalid));
    },
    async write(changes: readonly RecordChange[]) {
      writeNow(changes);
    },
    async update<T, R>(
      prefix: string,
      check: Check<T>,
      decide: (records: { key: string; value: T }[]) => RecordUpdate<R>,
      onInvalid?: (key: string, value: unknown) => void,
    ) {
      // Synchronous from the read to the write: nothing else runs in between.
      const { changes, result } = decide(listNow(prefix, check, onInvalid));
      writeNow(changes);
      return result;
    },
  };

  function listNow<T>(
    prefix: string,
    check: Check<T>,
    onInvalid?: (k: string, v: unknown) => void,
  ): { key: string; value: T }[] {
    const out: { key: string; value: T }[] = [];
    for (const key of [...records.keys()].filter((k) => k.startsWith(prefix)).sort()) {
      const value = structuredClone(records.get(key));
      if (check(value)) out.push({ key, value });
      else {
        records.delete(key);
        onInvalid?.(key, value);
      }
    }
    return out;
  }

  function writeNow(changes: readonly RecordChange[]): void {
    // Clone everything first, so that a value that cannot be cloned changes nothing.
    const staged = changes.map((change) =>
      'put' in change ? { ...change, value: structuredClone(change.value) } : change,
    );
    for (const change of staged) {
      if ('put' in change) records.set(change.put, change.value);
      else records.delete(change.delete);
    }
  }

  return { cache, prefs: preferences, records: recordStore };
}
