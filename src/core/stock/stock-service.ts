/**
 * The stock service behind `<omni-stock-checker>`: stores near a location, their stock for a sku,
 * batched across every widget on the page and cached with stale-while-revalidate.
 */
import * as v from 'valibot';
import type { RequestOptions, StockCapability } from '../api/backend-client.js';
import { AvailabilitySchema, StoreSchema } from '../api/schemas/stock.js';
import { OmniError } from '../api/errors.js';
import {
  isValidSku,
  type Availability,
  type Store,
  type StoreIdsQuery,
  type StoreQuery,
} from '../api/types.js';
import type { Fresh, SwrResult } from '../cache/types.js';
import type { ReadOptions } from '../cache/swr.js';
import { haversineKm } from '../geo/distance.js';
import { locationKey, type ShopperLocation } from '../geo/location.js';
import { rankStores } from './rank.js';
import type { StockLookup, StockResult, StockService } from './types.js';

/** The part of the SWR reader this service needs (see cache/swr.ts). */
export interface SwrReader {
  read<T>(
    kind: 'stores' | 'availability',
    key: string,
    fetcher: (signal?: AbortSignal) => Promise<T>,
    options: ReadOptions<T>,
  ): Promise<SwrResult<T>>;
}

// What a cached answer must look like to be used (anything else is a miss, fetched again).
const isStores = (value: unknown): value is Store[] => v.is(v.array(StoreSchema), value);
const isRecords = (value: unknown): value is Availability[] =>
  v.is(v.array(AvailabilitySchema), value);
const isOnline = (value: unknown): value is Availability | null =>
  value === null || v.is(AvailabilitySchema, value);

export interface AvailabilityLoader {
  load(sku: string, storeIds: string[] | undefined, signal?: AbortSignal): Promise<Availability[]>;
}

export interface StockServiceDeps {
  backend: StockCapability;
  swr: SwrReader;
  availability: AvailabilityLoader;
}

function storeQuery(location: ShopperLocation, radiusKm: number, limit: number): StoreQuery {
  return location.kind === 'coords'
    ? { near: { lat: location.lat, lng: location.lng }, radiusKm, limit }
    : { postalCode: location.postalCode, country: location.country, radiusKm, limit };
}

const storesKeyOf = (location: ShopperLocation, radiusKm: number, limit: number) =>
  `${locationKey(location)}|r${radiusKm}|n${limit}`;

function idsQuery(ids: string[], location: ShopperLocation): StoreIdsQuery {
  return location.kind === 'coords'
    ? { ids, near: { lat: location.lat, lng: location.lng } }
    : { ids, postalCode: location.postalCode, country: location.country };
}

/** The shopper's store with a distance from `location` when it can be worked out here. */
function withDistance(store: Store, location: ShopperLocation): Store {
  if (location.kind !== 'coords' || !store.location) return store;
  const km = haversineKm(location, store.location);
  return Number.isFinite(km) ? { ...store, distanceKm: Math.round(km * 10) / 10 } : store;
}

/** The `limit` nearest stores (stable; stores without a distance keep their order, last). */
function nearest(stores: readonly Store[], limit: number): Store[] {
  const distance = (store: Store) => store.distanceKm ?? Number.POSITIVE_INFINITY;
  return [...stores].sort((a, b) => distance(a) - distance(b) || 0).slice(0, Math.max(1, limit));
}

/** Joins a list of stores with their records for one sku, ranked for display (`mine` first). */
function combine(
  sku: string,
  stores: readonly Store[],
  records: readonly Availability[],
  online: Availability | null | undefined,
  mine?: string,
): StockResult {
  const byStore = new Map(
    records.filter((a) => a.sku === sku && a.storeId !== null).map((a) => [a.storeId, a]),
  );
  const ranked = rankStores(
    stores.map((store) => ({ store, availability: byStore.get(store.id) })),
  );
  const first = ranked.findIndex((entry) => entry.store.id === mine);
  if (first > 0) ranked.unshift(...ranked.splice(first, 1));
  return { sku, stores: ranked, online: online ?? undefined };
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
  const readOnline = (sku: string, signal?: AbortSignal, force = false) =>
    swr.read<Availability | null>(
      'availability',
      `online|${sku}`,
      async (s) =>
        (await availability.load(sku, undefined, s)).find((a) => a.storeId === null) ?? null,
      { signal, check: isOnline, force },
    );

  /**
   * The shopper's store as the backend knows it now, with its distance from `location`; the
   * remembered details when it cannot say (no `getStores`, or the lookup failed).
   */
  const readMine = async (
    mine: Store,
    location: ShopperLocation,
    signal?: AbortSignal,
  ): Promise<Store> => {
    const getStores = backend.getStores?.bind(backend);
    if (!getStores) return withDistance(mine, location);
    try {
      const { value } = await swr.read<Store[]>(
        'stores',
        `ids|${mine.id}|${locationKey(location)}`,
        (s) => getStores(idsQuery([mine.id], location), { signal: s }),
        { signal, check: isStores, storeInBackground: true },
      );
      return value.find((store) => store.id === mine.id) ?? withDistance(mine, location);
    } catch (error) {
      if (signal?.aborted) throw error;
      return withDistance(mine, location);
    }
  };

  // Store lists are never shown alone: the stock asked for with them is stored after them (and
  // before it is shown), so the stock request need not wait for their write.
  const readStores = (
    location: ShopperLocation,
    radiusKm: number,
    limit: number,
    signal?: AbortSignal,
    key = storesKeyOf(location, radiusKm, limit),
  ) =>
    swr.read<Store[]>(
      'stores',
      key,
      (s) => backend.findStores(storeQuery(location, radiusKm, limit), { signal: s }),
      { signal, check: isStores, storeInBackground: true },
    );

  /** Store lists already asked for ahead of the lookups (once each per page). */
  const prefetched = new Set<string>();

  const none: SwrResult<Availability | null> = {
    value: null,
    updatedAt: Number.POSITIVE_INFINITY,
    stale: false,
    source: 'network',
  };

  return {
    async lookup(
      {
        sku,
        location,
        radiusKm,
        limit,
        includeOnline = false,
        myStore,
        fresh = false,
      }: StockLookup,
      { signal }: RequestOptions = {},
    ): Promise<SwrResult<StockResult>> {
      // Fails alone: batched with the others, it would fail every widget on the page.
      if (!isValidSku(sku)) {
        throw new OmniError(
          'invalid_request',
          `Not a sku contract v1 can carry: ${JSON.stringify(sku.slice(0, 80))}`,
        );
      }
      if (!location) {
        const online = await readOnline(sku, signal, fresh);
        return join(online, none, (o) => combine(sku, [], [], o));
      }
      const storesKey = storesKeyOf(location, radiusKm, limit);
      // Online stock is extra information: when it cannot be had, the store list still shows.
      const onlineRead = includeOnline
        ? readOnline(sku, signal, fresh).catch(() => none)
        : Promise.resolve(none);
      // A stale store list is good enough to ask for stock: stores move rarely. Its background
      // refresh updates the cache for the next view.
      const found = (await readStores(location, radiusKm, limit, signal, storesKey)).value;
      // The nearest `limit` stores, whatever the backend sent: a backend that ignores the limit
      // must not cost a request per 50 stores or a page of stores nobody asked for.
      const stores = nearest(found, limit);
      // The shopper's store is always listed, also out of range or past the limit.
      if (myStore && !stores.some((store) => store.id === myStore.id)) {
        const listed = found.find((store) => store.id === myStore.id);
        stores.unshift(listed ?? (await readMine(myStore, location, signal)));
      }
      const ids = stores.map((store) => store.id);
      const records: Promise<SwrResult<Availability[]>> =
        ids.length === 0
          ? Promise.resolve({ value: [], updatedAt: Date.now(), stale: false, source: 'network' })
          : swr.read<Availability[]>(
              'availability',
              `${sku}|${[...ids].sort().join(',')}`,
              (s) => availability.load(sku, ids, s),
              { signal, check: isRecords, force: fresh },
            );
      const [storeStock, online] = await Promise.all([records, onlineRead]);
      return join(storeStock, online, (r, o) => combine(sku, stores, r, o, myStore?.id));
    },

    notifyBackInStock(request, options) {
      return backend.notifyBackInStock(request, options);
    },

    prefetchStores(location, radiusKm, limit) {
      const key = storesKeyOf(location, radiusKm, limit);
      if (prefetched.has(key)) return;
      prefetched.add(key);
      // Without a signal: no widget going away drops it; its answer is cached for them all.
      readStores(location, radiusKm, limit, undefined, key).catch(() => undefined);
    },
  };
}
