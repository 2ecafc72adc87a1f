/**
 * Storage ports. Two kinds of storage, with different promises:
 * - the **cache** (`KeyValueCache`, `PreferenceStore`): answers and shopper choices worth keeping;
 *   when IndexedDB cannot be used, they live in memory for the session and nobody needs to know;
 * - **durable records** (`RecordStore`): data whose loss matters (the cart's outbox). When they can
 *   only be kept in memory, callers learn it (`durable`, `onVolatile`) so that the UI can say that
 *   changes will not survive a reload.
 *
 * Everything read back is checked with the caller's `Check`: a value of the wrong shape (written
 * by an older version, corrupted, or tampered with) is a miss and is deleted, never a crash.
 */

/** Default size limit of the cache (entries, all kinds together). Preferences do not count. */
export const DEFAULT_MAX_ENTRIES = 500;

/** Kinds of cached data; each has its own time to live (see `DEFAULT_TTLS`). */
export type CacheKind = 'stores' | 'availability' | 'shipping' | 'slots';

/** Tells whether a value read from storage has the expected shape. */
export type Check<T> = (value: unknown) => value is T;

/** Accepts anything: for callers that validate the value themselves. */
export const anyValue = <T>(value: unknown): value is T => value !== undefined;

export interface CacheEntry<T> {
  value: T;
  /** Epoch milliseconds when the value was fetched from the network. */
  storedAt: number;
}

/** A bounded key-value cache; the oldest entries are evicted past its size limit. */
export interface KeyValueCache {
  /** Where entries live now; becomes 'memory' after IndexedDB fails. */
  readonly backend: 'indexeddb' | 'memory';
  /**
   * False when a read of this entry can only miss, as far as can be told without waiting:
   * nothing was stored in the database when the page opened it (a marker kept beside it says so:
   * a first visit) and this page has not stored the entry since. Readers with network work to
   * do then need not wait for IndexedDB to open only to learn that. A hint, not a promise (an
   * older version stored without the marker); reads still answer with what is stored. Absent,
   * or true: read.
   */
  mayHave?(kind: CacheKind, key: string): boolean;
  /** The entry, or undefined when missing or when its value fails `check` (then it is deleted). */
  get<T>(kind: CacheKind, key: string, check: Check<T>): Promise<CacheEntry<T> | undefined>;
  set<T>(kind: CacheKind, key: string, value: T, storedAt?: number): Promise<void>;
  delete(kind: CacheKind, key: string): Promise<void>;
  clear(): Promise<void>;
}

/** Small, never-evicted shopper preferences (location, "my store"), remembered across visits. */
export interface PreferenceStore {
  /**
   * False when a read of `key` can only miss, as far as can be told without waiting (see
   * `KeyValueCache.mayHave`): a service may start from its defaults at once, and still take a
   * value that a read finds after all.
   */
  mayHave?(key: string): boolean;
  /** The value, or undefined when missing or failing `check` (then it is deleted). */
  get<T>(key: string, check: Check<T>): Promise<T | undefined>;
  set<T>(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
}

/** One change of `RecordStore.write`. */
export type RecordChange = { put: string; value: unknown } | { delete: string };

/** What the `decide` function of `RecordStore.update` returns. */
export interface RecordUpdate<R> {
  /** Applied in the same transaction as the read. */
  changes: readonly RecordChange[];
  /** Returned by `update`. */
  result: R;
}

/** Records whose loss is never silent (the cart and its outbox). */
export interface RecordStore {
  /** False once records live in memory only: they will not survive a reload. */
  readonly durable: boolean;
  /**
   * Calls `listener` once when records stop being durable, or soon after subscribing when they
   * already are not; returns the unsubscribe function.
   */
  onVolatile(listener: () => void): () => void;
  /** The record, or undefined when missing or failing `check` (then it is deleted). */
  get<T>(key: string, check: Check<T>): Promise<T | undefined>;
  /**
   * Every record whose key starts with `prefix`, in key order. Records failing `check` are
   * deleted and reported through `onInvalid`, so one corrupt entry never blocks the others.
   */
  list<T>(
    prefix: string,
    check: Check<T>,
    onInvalid?: (key: string, value: unknown) => void,
  ): Promise<{ key: string; value: T }[]>;
  /** Applies puts and deletes together: all of them or none (one transaction). */
  write(changes: readonly RecordChange[]): Promise<void>;
  /**
   * Reads every record under `prefix` (as `list` does, invalid ones deleted and reported) and
   * applies the changes `decide` returns, in the same transaction: no write of another tab comes
   * between the read and the write, so this is a compare-and-set across tabs (the cart's outbox
   * is sealed into a batch exactly once, whichever tabs try). `decide` runs synchronously and
   * must not wait for anything; what it throws rejects `update` and changes nothing.
   */
  update<T, R>(
    prefix: string,
    check: Check<T>,
    decide: (records: { key: string; value: T }[]) => RecordUpdate<R>,
    onInvalid?: (key: string, value: unknown) => void,
  ): Promise<R>;
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
