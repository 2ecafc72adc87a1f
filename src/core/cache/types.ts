/**
 * Storage ports. The IndexedDB implementation lives beside this file; when IndexedDB cannot be
 * used, the same interfaces are served from memory and every widget keeps working.
 */

/** Kinds of cached data; each has its own time to live (see `DEFAULT_TTLS`). */
export type CacheKind = 'stores' | 'availability' | 'shipping' | 'slots';

export interface CacheEntry<T> {
  value: T;
  /** Epoch milliseconds when the value was fetched from the network. */
  storedAt: number;
}

/** A bounded key-value cache; the oldest entries are evicted past its size limit. */
export interface KeyValueCache {
  /** Where entries live now; becomes 'memory' after IndexedDB fails. */
  readonly backend: 'indexeddb' | 'memory';
  get<T>(kind: CacheKind, key: string): Promise<CacheEntry<T> | undefined>;
  set<T>(kind: CacheKind, key: string, value: T, storedAt?: number): Promise<void>;
  delete(kind: CacheKind, key: string): Promise<void>;
  clear(): Promise<void>;
}

/** Small, never-evicted shopper preferences (location, "my store"), remembered across visits. */
export interface PreferenceStore {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Milliseconds a cached value counts as fresh. */
export type CacheTtls = Record<CacheKind, number>;

export const DEFAULT_TTLS: CacheTtls = {
  stores: 24 * 60 * 60 * 1000,
  availability: 60 * 1000,
  shipping: 24 * 60 * 60 * 1000,
  slots: 60 * 1000,
};

/** Past this age a cached value is not even shown as stale; it is dropped. */
export const MAX_STALE_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** A value read through stale-while-revalidate. */
export interface Fresh<T> {
  value: T;
  /** Epoch ms when the value came from the network. */
  updatedAt: number;
  /** True when older than its TTL (shown with "updated N min ago"). */
  stale: boolean;
  /** 'cache' when served from the cache, 'network' when fetched for this read. */
  source: 'cache' | 'network';
}

export interface SwrResult<T> extends Fresh<T> {
  /**
   * Present when a stale value was served: resolves with the fresh value once the network
   * answers, rejects (with `OmniError`) when it cannot; the stale value then stays on screen.
   */
  revalidation?: Promise<Fresh<T>>;
}
