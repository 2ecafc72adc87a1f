/**
 * `BackendClient` over contract v1 with `fetch`: URLs, timeouts and retries, error mapping and
 * response validation.
 */
import * as v from 'valibot';
import type { BackendClient, RequestOptions } from './backend-client.js';
import { OmniError } from './errors.js';
import { fetchWithRetry } from './retry.js';
import {
  AvailabilityResponseSchema,
  ErrorBodySchema,
  parseResponse,
  StoresResponseSchema,
} from './schemas.js';
import {
  AVAILABILITY_MAX_SKUS,
  AVAILABILITY_MAX_STORES,
  type Availability,
  type AvailabilityQuery,
  type BackInStockRequest,
  type Store,
  type StoreQuery,
} from './types.js';

export interface RestBackendOptions {
  /** Base URL of contract v1, absolute or relative to the page (e.g. "/api/omni/v1"). */
  apiBase: string;
  /** Timeout of each attempt. */
  timeoutMs: number;
  /** Retries after the first attempt for network errors, timeouts, 408, 429 and 5xx. */
  retries: number;
  /** Defaults to the global `fetch`, looked up at call time. */
  fetch?: typeof fetch;
}

type Params = Record<string, string | number | undefined>;

/**
 * The default `BackendClient`. Query strings: `GET /stores?near=LAT,LNG` or
 * `?postalCode=&country=`, plus `radiusKm`, `limit`; `GET /availability?skus=a,b&storeIds=s1,s2`
 * (comma-separated, at most 100 skus and 50 stores per request).
 */
export class RestBackend implements BackendClient {
  private readonly apiBase: string;

  constructor(private readonly options: RestBackendOptions) {
    this.apiBase = options.apiBase.replace(/\/+$/, '');
  }

  async findStores(query: StoreQuery, options: RequestOptions = {}): Promise<Store[]> {
    const place =
      'near' in query
        ? { near: `${query.near.lat},${query.near.lng}` }
        : { postalCode: query.postalCode, country: query.country };
    const url = this.url('/stores', { ...place, radiusKm: query.radiusKm, limit: query.limit });
    try {
      return (await this.getJson(url, StoresResponseSchema, options.signal)).stores;
    } catch (error) {
      // The contract answers an unknown code with 404 `unknown_postal_code`; one it cannot accept
      // at all (too long, wrong country) with 400/422. Both mean "ask the shopper for another".
      const refused = error instanceof OmniError && (error.status === 400 || error.status === 422);
      if ('postalCode' in query && refused && error.code !== 'unknown_postal_code') {
        throw new OmniError('http', error.message, {
          status: error.status,
          code: 'unknown_postal_code',
          cause: error,
        });
      }
      throw error;
    }
  }

  async getAvailability(
    query: AvailabilityQuery,
    options: RequestOptions = {},
  ): Promise<Availability[]> {
    const skus = chunk(unique(query.skus), AVAILABILITY_MAX_SKUS);
    if (skus.length === 0) return [];
    const storeIds = query.storeIds?.length ? unique(query.storeIds) : [];
    const stores = storeIds.length ? chunk(storeIds, AVAILABILITY_MAX_STORES) : [undefined];

    // One failed chunk fails the whole answer: abort the others instead of letting them run.
    const controller = new AbortController();
    const onAbort = () => controller.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) onAbort();
    try {
      const parts = await Promise.all(
        skus.flatMap((skuChunk) =>
          stores.map((storeChunk) =>
            this.getJson(
              this.url('/availability', {
                skus: skuChunk.join(','),
                storeIds: storeChunk?.join(','),
              }),
              AvailabilityResponseSchema,
              controller.signal,
            ).catch((error: unknown) => {
              controller.abort(error);
              throw error;
            }),
          ),
        ),
      );
      return dedupe(parts.flatMap((part) => part.availability));
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
  }

  async notifyBackInStock(
    request: BackInStockRequest,
    options: RequestOptions = {},
  ): Promise<void> {
    // Not retried: a sign-up that timed out may have been stored, and the shopper can press
    // again (the contract asks backends to keep one subscription per sku, email and store).
    // 202 is expected and any 2xx means the sign-up was taken, except an HTML page: that is a
    // website answering for a misconfigured `apiBase`, and claiming success would mislead.
    const response = await this.send(
      this.url('/notify/back-in-stock'),
      options.signal,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      },
      0,
    );
    if (/\bhtml\b/i.test(response.headers.get('Content-Type') ?? '')) {
      throw new OmniError('invalid_response', `Expected HTTP 202, got an HTML page`, {
        status: response.status,
      });
    }
  }

  /** Joins the base, the path and the defined parameters. */
  private url(path: string, params: Params = {}): string {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined) search.set(key, String(value));
    }
    const query = search.toString();
    return `${this.apiBase}${path}${query ? `?${query}` : ''}`;
  }

  private async getJson<TSchema extends v.GenericSchema>(
    url: string,
    schema: TSchema,
    signal: AbortSignal | undefined,
  ): Promise<v.InferOutput<TSchema>> {
    const response = await this.send(url, signal);
    let data: unknown;
    try {
      data = JSON.parse(await response.text());
    } catch (error) {
      throw new OmniError('invalid_response', `HTTP ${response.status} body is not JSON`, {
        status: response.status,
        cause: error,
      });
    }
    return parseResponse(schema, data, response.status);
  }

  /** Sends with retries; resolves with a 2xx response, rejects with `OmniError` otherwise. */
  private async send(
    url: string,
    signal: AbortSignal | undefined,
    init: RequestInit = {},
    retries = this.options.retries,
  ): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('Accept', 'application/json');
    const response = await fetchWithRetry(
      url,
      { ...init, headers },
      {
        fetch: this.options.fetch,
        retries,
        timeoutMs: this.options.timeoutMs,
        signal,
      },
    );
    if (response.ok) return response;
    throw await httpError(response);
  }
}

/** Maps a non-2xx response to `OmniError('http')`, with the backend's code when it sent one. */
async function httpError(response: Response): Promise<OmniError> {
  const status = response.status;
  let data: unknown;
  try {
    data = JSON.parse(await response.text());
  } catch {
    data = undefined;
  }
  const body = v.safeParse(ErrorBodySchema, data);
  return body.success
    ? new OmniError('http', body.output.error.message, { status, code: body.output.error.code })
    : new OmniError('http', `HTTP ${status}`, { status });
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function chunk<T>(values: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < values.length; i += size) chunks.push(values.slice(i, i + size));
  return chunks;
}

/** Online records come back with every store chunk: keep one record per sku and store. */
function dedupe(records: Availability[]): Availability[] {
  const seen = new Map<string, Availability>();
  for (const record of records) seen.set(JSON.stringify([record.sku, record.storeId]), record);
  return [...seen.values()];
}
