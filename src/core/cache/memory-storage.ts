/**
 * In-memory storage: the fallback when IndexedDB cannot be used, and a fake for tests of other
 * modules. Same contract as the IndexedDB storage: values are copied in and out (structured
 * clone), and the cache keeps at most `maxEntries`, evicting the oldest by `storedAt`.
 */
import type { CacheEntry, CacheKind, KeyValueCache, PreferenceStore } from './types.js';

/** Default size limit of the cache (entries, all kinds together). Preferences do not count. */
export const DEFAULT_MAX_ENTRIES = 500;

/** Options shared by the memory and IndexedDB storages. */
export interface StorageLimits {
  /** Cache entries kept before the oldest (by `storedAt`) are evicted. Default 500. */
  maxEntries?: number;
  /** Clock for `storedAt` when `set` is not given one. Default `Date.now`. */
  now?: () => number;
}

/** A cache and a preference store that live as long as the page. */
export interface Storage {
  cache: KeyValueCache;
  prefs: PreferenceStore;
}

const cacheId = (kind: CacheKind, key: string) => `${kind}:${key}`;

/** Creates an empty in-memory cache and preference store. */
export function createMemoryStorage(options: StorageLimits = {}): Storage {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const now = options.now ?? (() => Date.now());
  const entries = new Map<string, CacheEntry<unknown>>();
  const prefs = new Map<string, unknown>();

  function evictOverflow(): void {
    const excess = entries.size - maxEntries;
    if (excess <= 0) return;
    const oldest = [...entries].sort(([, a], [, b]) => a.storedAt - b.storedAt).slice(0, excess);
    for (const [id] of oldest) entries.delete(id);
  }

  const cache: KeyValueCache = {
    backend: 'memory',
    async get<T>(kind: CacheKind, key: string) {
      const entry = entries.get(cacheId(kind, key));
      return entry && (structuredClone(entry) as CacheEntry<T>);
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
    async get<T>(key: string) {
      return structuredClone(prefs.get(key)) as T | undefined;
    },
    async set<T>(key: string, value: T) {
      prefs.set(key, structuredClone(value));
    },
    async delete(key: string) {
      prefs.delete(key);
    },
  };

  return { cache, prefs: preferences };
}
