/**
 * Stale-while-revalidate over a `KeyValueCache`: fresh values come from the cache without a
 * request; stale ones are shown at once while the network refreshes them; concurrent reads of
 * the same key share one request. Only successful answers are cached.
 */
import { OmniError } from '../api/errors.js';
import {
  DEFAULT_TTLS,
  MAX_STALE_AGE_MS,
  type CacheEntry,
  type CacheKind,
  type CacheTtls,
  type Check,
  type Fresh,
  type KeyValueCache,
  type SwrResult,
} from './types.js';

export interface SwrOptions {
  /** Per-kind time to live, over `DEFAULT_TTLS`. */
  ttls?: Partial<CacheTtls>;
  /** Clock. Default `Date.now`. */
  now?: () => number;
}

export interface ReadOptions<T> {
  /** Detaches this caller (see `Swr.read`). */
  signal?: AbortSignal;
  /** The shape a cached value must have; anything else is a miss (and deleted). */
  check: Check<T>;
  /**
   * Ask the network now, whatever the cache holds (a refresh someone asked for): a cached value
   * is served as stale while the answer comes, and stays, labelled, if it does not.
   */
  force?: boolean;
  /** Ask the network and wait for it, ignoring what the cache holds (it is known to be wrong). */
  skipCache?: boolean;
  /**
   * A network answer is handed over as soon as it arrives, stored in the background (by default,
   * once it is stored, so that a shopper who moves on at once finds it on the next page). For
   * values that lead to another request rather than to the screen: that request's answer is
   * stored after this one (IndexedDB commits a page's writes in the order they were made) and
   * before it is shown. The request's first reader decides.
   */
  storeInBackground?: boolean;
}

/** Reads through the cache with stale-while-revalidate. */
export interface Swr {
  /**
   * Fresh cache hit: served, no request. Stale hit (older than its TTL, younger than
   * `MAX_STALE_AGE_MS`, or stored "in the future" by a skewed clock): served with `stale: true`
   * and `revalidation`. Miss (also a cached value failing `check`, or older): waits for
   * `fetcher`, whose error then rejects the read (the cache is not read at all when it says the
   * read can only miss: `KeyValueCache.mayHave`). `signal` detaches this caller; the shared
   * request is aborted only when every caller waiting on it has aborted.
   */
  read<T>(
    kind: CacheKind,
    key: string,
    fetcher: (signal?: AbortSignal) => Promise<T>,
    options: ReadOptions<T>,
  ): Promise<SwrResult<T>>;
}

/** One network request shared by every reader of a kind+key. */
interface Flight {
  promise: Promise<Fresh<unknown>>;
  controller: AbortController;
  waiters: number;
}

/** Answers kept in memory per reader (the IndexedDB cache holds more). */
const RECENT_LIMIT = 500;

const aborted = (signal: AbortSignal) =>
  new OmniError('aborted', 'The read was aborted', { cause: signal.reason });

/** Creates a stale-while-revalidate reader over `cache`. */
export function createSwr(cache: KeyValueCache, options: SwrOptions = {}): Swr {
  const ttls: CacheTtls = { ...DEFAULT_TTLS, ...options.ttls };
  const now = options.now ?? (() => Date.now());
  const flights = new Map<string, Flight>();
  /**
   * Answers of this session, kept in memory too: widgets asking after a request answered read
   * them at once (not through IndexedDB, not again over the network), in the same task.
   */
  const recent = new Map<string, CacheEntry<unknown>>();
  const remember = (id: string, entry: CacheEntry<unknown>) => {
    recent.delete(id);
    recent.set(id, entry);
    if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  };

  function start<T>(
    kind: CacheKind,
    key: string,
    fetcher: (s?: AbortSignal) => Promise<T>,
    storeInBackground = false,
  ) {
    const id = `${kind}:${key}`;
    let flight = flights.get(id);
    if (!flight) {
      const controller = new AbortController();
      const promise = (async (): Promise<Fresh<unknown>> => {
        const value = await fetcher(controller.signal);
        const updatedAt = now();
        remember(id, { value, storedAt: updatedAt });
        // Stored before it is shown, so that a shopper who moves on at once still has it on the
        // next page (a page that unloads drops writes still under way). The cache is best effort:
        // a failed write must not lose the answer.
        const stored = cache.set(kind, key, value, updatedAt).catch(() => {});
        if (!storeInBackground) await stored;
        return { value, updatedAt, stale: false, source: 'network' };
      })();
      // Rejections reach the callers through `join`; none is left unhandled here.
      promise
        .finally(() => {
          if (flights.get(id)?.promise === promise) flights.delete(id);
        })
        .catch(() => {});
      flight = { promise, controller, waiters: 0 };
      flights.set(id, flight);
    }
    return { id, flight };
  }

  function join<T>(id: string, flight: Flight, signal?: AbortSignal): Promise<Fresh<T>> {
    const promise = flight.promise as Promise<Fresh<T>>;
    if (!signal) {
      flight.waiters = Infinity; // a caller that cannot abort keeps the request alive
      return promise;
    }
    const leave = () => {
      if (--flight.waiters > 0) return;
      if (flights.get(id) === flight) flights.delete(id);
      flight.controller.abort(signal.reason);
    };
    flight.waiters++;
    if (signal.aborted) {
      leave();
      return Promise.reject(aborted(signal));
    }
    return new Promise<Fresh<T>>((resolve, reject) => {
      const onAbort = () => {
        reject(aborted(signal));
        leave();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      promise.then(
        (fresh) => {
          signal.removeEventListener('abort', onAbort);
          resolve(fresh);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  return {
    async read<T>(
      kind: CacheKind,
      key: string,
      fetcher: (signal?: AbortSignal) => Promise<T>,
      { signal, check, force = false, skipCache = false, storeInBackground }: ReadOptions<T>,
    ): Promise<SwrResult<T>> {
      if (signal?.aborted) throw aborted(signal);
      const id = `${kind}:${key}`;
      // Values in memory were checked on their way in (the network's by the API layer, the
      // cache's by `check`): no need to check them again for every widget.
      const inMemory = () => recent.get(id) as CacheEntry<T> | undefined;
      if (skipCache) recent.delete(id);
      let entry = skipCache ? undefined : inMemory();
      // A read that can only miss (a first visit) is not waited for: the request leaves now,
      // rather than after IndexedDB has opened (and created the database) to say so.
      if (!entry && !skipCache && cache.mayHave?.(kind, key) !== false) {
        const stored = await cache.get<T>(kind, key, check).catch(() => undefined);
        // A request may have answered while IndexedDB was being read: its answer is newer.
        entry = inMemory() ?? stored;
        if (stored && entry === stored) remember(id, stored);
      }
      const age = entry ? now() - entry.storedAt : Infinity;
      // Stored "in the future" (the clock was skewed then, or is now): not known to be fresh.
      if (entry && !force && age >= 0 && age < ttls[kind]) {
        return { value: entry.value, updatedAt: entry.storedAt, stale: false, source: 'cache' };
      }
      const { flight } = start(kind, key, fetcher, storeInBackground);
      const fresh = join<T>(id, flight, signal);
      if (entry && age < MAX_STALE_AGE_MS) {
        // Nobody may await it: keep a rejection from being reported as unhandled.
        fresh.catch(() => {});
        return {
          value: entry.value,
          updatedAt: entry.storedAt,
          stale: true,
          source: 'cache',
          revalidation: fresh,
        };
      }
      return fresh;
    },
  };
}
