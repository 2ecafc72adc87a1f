/**
 * The stock capability over contract v1: `GET /stores` (near a place, or by id),
 * `GET /availability` and `POST /notify/back-in-stock`. Query strings: `?near=LAT,LNG` or
 * `?postalCode=&country=`, plus `radiusKm`, `limit`; `?ids=s1,s2`;
 * `?skus=a,b&storeIds=s1,s2` (comma-separated, at most 100 skus and 50 stores per request).
 */
import type { RequestOptions, StockCapability } from '../backend-client.js';
import { OmniError } from '../errors.js';
import { listOf, validItems } from '../schemas/common.js';
import { AvailabilitySchema, StoreSchema } from '../schemas/stock.js';
import {
  AVAILABILITY_MAX_SKUS,
  AVAILABILITY_MAX_STORES,
  MAX_URL_LENGTH,
  STORE_IDS_MAX,
  type Availability,
  type AvailabilityQuery,
  type BackInStockRequest,
  type Store,
  type StoreIdsQuery,
  type StoreQuery,
  isValidSku,
} from '../types.js';
import { chunk, type Http, unique, type Params } from './http.js';

/** Where a query is: `near=` or `postalCode=&country=`, or nothing. */
function place(query: object): Params {
  if ('near' in query) {
    const near = query.near as { lat: number; lng: number };
    return { near: `${near.lat},${near.lng}` };
  }
  if ('postalCode' in query && 'country' in query) {
    return { postalCode: String(query.postalCode), country: String(query.country) };
  }
  return {};
}

/**
 * Runs one request per chunk in parallel and joins the answers. One failed chunk fails the whole
 * answer: the others are aborted instead of left running.
 */
async function allChunks<T>(
  signal: AbortSignal | undefined,
  requests: ((signal: AbortSignal) => Promise<T[]>)[],
): Promise<T[]> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) onAbort();
  try {
    const parts = await Promise.all(
      requests.map((request) =>
        request(controller.signal).catch((error: unknown) => {
          controller.abort(error);
          throw error;
        }),
      ),
    );
    return parts.flat();
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

const StoresList = listOf('stores');
const AvailabilityList = listOf('availability');

/**
 * Splits `values` into groups of at most `max`, each short enough that the URL made of the
 * group stays within the contract's URL length: `base` is the URL's length without the values,
 * each value adds its encoded length and a separator (a value too long on its own still gets a
 * group of its own, and a request of its own).
 */
function chunkByUrl(values: readonly string[], max: number, base: number): string[][] {
  const groups: string[][] = [];
  let group: string[] = [];
  let length = base;
  for (const value of values) {
    const cost = encodeURIComponent(value).length + 3; // "%2C" between values
    if (group.length > 0 && (group.length >= max || length + cost > MAX_URL_LENGTH)) {
      groups.push(group);
      group = [];
      length = base;
    }
    group.push(value);
    length += cost;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/** Online records come back with every store chunk: keep one record per sku and store. */
function dedupe(records: Availability[]): Availability[] {
  const seen = new Map<string, Availability>();
  for (const record of records) seen.set(JSON.stringify([record.sku, record.storeId]), record);
  return [...seen.values()];
}

export function restStock(
  http: Http,
): StockCapability & Required<Pick<StockCapability, 'getStores'>> {
  return {
    async findStores(query: StoreQuery, options: RequestOptions = {}): Promise<Store[]> {
      const url = http.url('/stores', {
        ...place(query),
        radiusKm: query.radiusKm,
        limit: query.limit,
      });
      try {
        return validItems(
          StoreSchema,
          (await http.json(url, StoresList, options)).data.stores,
          'stores',
        );
      } catch (error) {
        // The contract answers an unknown code with 404 `unknown_postal_code`; one it cannot
        // accept at all (too long, wrong country) with 400/422. Both mean "ask for another".
        const refused =
          error instanceof OmniError && (error.status === 400 || error.status === 422);
        if ('postalCode' in query && refused && error.code !== 'unknown_postal_code') {
          throw new OmniError('http', error.message, {
            status: error.status,
            code: 'unknown_postal_code',
            cause: error,
          });
        }
        throw error;
      }
    },

    async getStores(query: StoreIdsQuery, options: RequestOptions = {}): Promise<Store[]> {
      const ids = unique(query.ids);
      if (ids.length === 0) return [];
      return allChunks(
        options.signal,
        chunk(ids, STORE_IDS_MAX).map(
          (part) => async (signal) =>
            validItems(
              StoreSchema,
              (
                await http.json(
                  http.url('/stores', { ids: part.join(','), ...place(query) }),
                  StoresList,
                  { signal, keepalive: options.keepalive },
                )
              ).data.stores,
              'stores',
            ),
        ),
      );
    },

    async getAvailability(
      query: AvailabilityQuery,
      options: RequestOptions = {},
    ): Promise<Availability[]> {
      // A sku the contract cannot carry is never sent: it would fail the request for all.
      const valid = unique(query.skus).filter(isValidSku);
      if (valid.length === 0) return [];
      const storeIds = query.storeIds?.length ? unique(query.storeIds) : [];
      const url = (skuChunk: string[], storeChunk: string[] | undefined) =>
        http.url('/availability', { skus: skuChunk.join(','), storeIds: storeChunk?.join(',') });
      const stores = storeIds.length
        ? chunkByUrl(storeIds, AVAILABILITY_MAX_STORES, url(['x'], []).length)
        : [undefined];
      const records = await allChunks(
        options.signal,
        stores.flatMap((storeChunk) =>
          chunkByUrl(valid, AVAILABILITY_MAX_SKUS, url([], storeChunk).length).map(
            (skuChunk) => async (signal: AbortSignal) =>
              validItems(
                AvailabilitySchema,
                (
                  await http.json(url(skuChunk, storeChunk), AvailabilityList, {
                    signal,
                    keepalive: options.keepalive,
                  })
                ).data.availability,
                'availability records',
              ),
          ),
        ),
      );
      return dedupe(records);
    },

    async notifyBackInStock(
      request: BackInStockRequest,
      options: RequestOptions = {},
    ): Promise<void> {
      // Not retried: a sign-up that timed out may have been stored, and the shopper can press
      // again (the contract asks backends to keep one subscription per sku, email and store).
      // 202 is expected and any 2xx means the sign-up was taken, except an HTML page: that is a
      // website answering for a misconfigured `apiBase`, and claiming success would mislead.
      const response = await http.send(
        http.url('/notify/back-in-stock'),
        { signal: options.signal, keepalive: options.keepalive, retries: 0 },
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(request),
        },
      );
      if (/\bhtml\b/i.test(response.headers.get('Content-Type') ?? '')) {
        throw new OmniError('invalid_response', `Expected HTTP 202, got an HTML page`, {
          status: response.status,
        });
      }
    },
  };
}
