/**
 * The HTTP transport shared by the REST clients of every capability: URLs under `apiBase`,
 * timeouts and retries (`retry.ts`), error mapping and response validation.
 */
import * as v from 'valibot';
import { OmniError } from '../errors.js';
import { fetchWithRetry } from '../retry.js';
import { ErrorBodySchema, parseResponse } from '../schemas/common.js';

export interface RestOptions {
  /** Base URL of contract v1, absolute or relative to the page (e.g. "/api/omni/v1"). */
  apiBase: string;
  /** Timeout of each attempt. */
  timeoutMs: number;
  /** Retries after the first attempt for network errors, timeouts, 408, 429 and 5xx. */
  retries: number;
  /** Defaults to the global `fetch`, looked up at call time. */
  fetch?: typeof fetch;
}

export type Params = Record<string, string | number | undefined>;

export interface SendOptions {
  signal?: AbortSignal;
  /** Retries for this request; default the configured number. Non-idempotent requests pass 0. */
  retries?: number;
  keepalive?: boolean;
  headers?: Record<string, string | undefined>;
}

/** A validated JSON answer with the response it came in (for headers such as `ETag`). */
export interface JsonAnswer<T> {
  data: T;
  response: Response;
}

export class Http {
  readonly apiBase: string;

  constructor(private readonly options: RestOptions) {
    this.apiBase = options.apiBase.replace(/\/+$/, '');
  }

  /** Joins the base, the path and the defined parameters. */
  url(path: string, params: Params = {}): string {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined) search.set(key, String(value));
    }
    const query = search.toString();
    return `${this.apiBase}${path}${query ? `?${query}` : ''}`;
  }

  /** GET (or `init.method`) a JSON body and validate it against `schema`. */
  async json<TSchema extends v.GenericSchema>(
    url: string,
    schema: TSchema,
    options: SendOptions = {},
    init: RequestInit = {},
  ): Promise<JsonAnswer<v.InferOutput<TSchema>>> {
    return this.parse(await this.send(url, options, init), schema);
  }

  /** Reads and validates the JSON body of a response that `send` resolved with. */
  async parse<TSchema extends v.GenericSchema>(
    response: Response,
    schema: TSchema,
  ): Promise<JsonAnswer<v.InferOutput<TSchema>>> {
    let data: unknown;
    try {
      data = JSON.parse(await response.text());
    } catch (error) {
      throw new OmniError('invalid_response', `HTTP ${response.status} body is not JSON`, {
        status: response.status,
        cause: error,
      });
    }
    return { data: parseResponse(schema, data, response.status), response };
  }

  /** POST a JSON body; the answer is validated when `schema` is given. */
  postJson<TSchema extends v.GenericSchema>(
    url: string,
    body: unknown,
    schema: TSchema,
    options: SendOptions = {},
  ): Promise<JsonAnswer<v.InferOutput<TSchema>>> {
    return this.json(url, schema, options, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  /** Sends with retries; resolves with a 2xx (or 304) response, rejects with `OmniError`. */
  async send(url: string, options: SendOptions = {}, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('Accept', 'application/json');
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      if (value !== undefined) headers.set(name, value);
    }
    const response = await fetchWithRetry(
      url,
      { ...init, headers, ...(options.keepalive ? { keepalive: true } : {}) },
      {
        fetch: this.options.fetch,
        retries: options.retries ?? this.options.retries,
        timeoutMs: this.options.timeoutMs,
        signal: options.signal,
      },
    );
    if (response.ok || response.status === 304) return response;
    throw await httpError(response);
  }
}

/** Maps a non-2xx response to `OmniError('http')`, with the backend's code when it sent one. */
export async function httpError(response: Response): Promise<OmniError> {
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

/** True for an `OmniError` with this backend error code. */
export const hasCode = (error: unknown, code: string): boolean =>
  error instanceof OmniError && error.code === code;

export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

export function chunk<T>(values: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < values.length; i += size) chunks.push(values.slice(i, i + size));
  return chunks;
}
