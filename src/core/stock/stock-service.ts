/**
 * The stock service behind `<omni-stock-checker>`: stores near a location, their stock for a sku,
 * batched across every widget on the page and cached with stale-while-revalidate.
 */
import type { BackendClient, RequestOptions } from '../api/backend-client.js';
import type { Availability, Store, StoreQuery } from '../api/types.js';
import type { Fresh, SwrResult } from '../cache/types.js';
import { locationKey, type ShopperLocation } from '../geo/location.js';
import { rankStores } from './rank.js';
import type { StockLookup, StockResult, StockService } from './types.js';

/** The parts of the SWR reader and the batcher this service needs (see cache/swr.ts, api/batcher.ts). */
export interface SwrReader {
  read<T>(
    kind: 'stores' | 'availability',
    key: string,
    fetcher: (signal?: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<SwrResult<T>>;
}

export interface AvailabilityLoader {
  load(sku: string, storeIds: string[] | undefined, signal?: AbortSignal): Promise<Availability[]>;
}

export interface StockServiceDeps {
  backend: BackendClient;
  swr: SwrReader;
  availability: AvailabilityLoader;
}

function storeQuery(location: ShopperLocation, radiusKm: number, limit: number): StoreQuery {
  return location.kind === 'coords'
    ? { near: { lat: location.lat, lng: location.lng }, radiusKm, limit }
    : { postalCode: location.postalCode, country: location.country, radiusKm, limit };
}

/** The `limit` nearest stores (stable; stores without a distance keep their order, last). */
function nearest(stores: readonly Store[], limit: number): Store[] {
  const distance = (store: Store) => store.distanceKm ?? Number.POSITIVE_INFINITY;
  return [...stores].sort((a, b) => distance(a) - distance(b) || 0).slice(0, Math.max(1, limit));
}

/** Joins a list of stores with their records for one sku, ranked for display. */
function combine(
  sku: string,
  stores: readonly Store[],
  records: readonly Availability[],
  online: Availability | undefined,
): StockResult {
  const byStore = new Map(
    records.filter((a) => a.sku === sku && a.storeId !== null).map((a) => [a.storeId, a]),
  );
  return {
    sku,
    stores: rankStores(stores.map((store) => ({ store, availability: byStore.get(store.id) }))),
    online,
  };
}

/** Combines two SWR reads into one: stale if either is, revalidated when both settle. */
function join<A, B, R>(a: SwrResult<A>, b: SwrResult<B>, merge: (a: A, b: B) => R): SwrResult<R> {
  const fresh = (x: Fresh<A>, y: Fresh<B>): Fresh<R> => ({
    value: merge(x.value, y.value),
    updatedAt: Math.min(x.updatedAt, y.updatedAt),
    stale: x.stale || y.stale,
    source: x.source === 'network' && y.source === 'network' ? 'network' : 'cache',
  });
  const result: SwrResult<R> = fresh(a, b);
  if (a.revalidation || b.revalidation) {
    result.revalidation = Promise.all([a.revalidation ?? a, b.revalidation ?? b]).then(([x, y]) =>
      fresh(x, y),
    );
    // Callers that never await the revalidation must not see an unhandled rejection.
    result.revalidation.catch(() => undefined);
  }
  return result;
}

export function createStockService({ backend, swr, availability }: StockServiceDeps): StockService {
  const readOnline = (sku: string, signal?: AbortSignal) =>
    swr.read<Availability | undefined>(
      'availability',
      `online|${sku}`,
      async (s) => (await availability.load(sku, undefined, s)).find((a) => a.storeId === null),
      signal,
    );

  const none: SwrResult<Availability | undefined> = {
    value: undefined,
    updatedAt: Number.POSITIVE_INFINITY,
    stale: false,
    source: 'network',
  };

  return {
    async lookup(
      { sku, location, radiusKm, limit, includeOnline = false }: StockLookup,
      { signal }: RequestOptions = {},
    ): Promise<SwrResult<StockResult>> {
      if (!location) {
        const online = await readOnline(sku, signal);
        return join(online, none, (o) => combine(sku, [], [], o));
      }
      const storesKey = `${locationKey(location)}|r${radiusKm}|n${limit}`;
      // Online stock is extra information: when it cannot be had, the store list still shows.
      const onlineRead = includeOnline
        ? readOnline(sku, signal).catch(() => none)
        : Promise.resolve(none);
      // A stale store list is good enough to ask for stock: stores move rarely. Its background
      // refresh updates the cache for the next view.
      const found = (
        await swr.read<Store[]>(
          'stores',
          storesKey,
          (s) => backend.findStores(storeQuery(location, radiusKm, limit), { signal: s }),
          signal,
        )
      ).value;
      // The nearest `limit` stores, whatever the backend sent: a backend that ignores the limit
      // must not cost a request per 50 stores or a page of stores nobody asked for.
      const stores = nearest(found, limit);
      const ids = stores.map((store) => store.id);
      const records: Promise<SwrResult<Availability[]>> =
        ids.length === 0
          ? Promise.resolve({ value: [], updatedAt: Date.now(), stale: false, source: 'network' })
          : swr.read<Availability[]>(
              'availability',
              `${sku}|${[...ids].sort().join(',')}`,
              (s) => availability.load(sku, ids, s),
              signal,
            );
      const [storeStock, online] = await Promise.all([records, onlineRead]);
      return join(storeStock, online, (r, o) => combine(sku, stores, r, o));
    },

    notifyBackInStock(request, options) {
      return backend.notifyBackInStock(request, options);
    },
  };
}
