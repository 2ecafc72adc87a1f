/**
 * `fetch` with a timeout per attempt and retries with capped exponential backoff (full jitter).
 */
import { OmniError } from './errors.js';

export interface RetryOptions {
  /** Defaults to the global `fetch`, looked up at call time. */
  fetch?: typeof fetch;
  /** Retries after the first attempt (0 = one attempt). */
  retries: number;
  /** Timeout of each attempt, from sending the request to the end of the body. */
  timeoutMs: number;
  /** Backoff before retry n (0-based) is `random() * min(maxDelayMs, baseDelayMs * 2^n)`. */
  baseDelayMs?: number;
  /** Cap of every wait, including one asked for by `Retry-After`. */
  maxDelayMs?: number;
  /** The caller's signal: aborts at once, also while waiting between attempts. */
  signal?: AbortSignal;
  /**
   * Time for the whole call, every attempt and wait included (default 10 s): past it, no new
   * attempt starts and the current one is cut short, so that a hung backend is reported within
   * seconds rather than after `retries` full timeouts.
   */
  deadlineMs?: number;
  /** Largest body read (default 2 MB); a longer answer fails as `invalid_response`. */
  maxBytes?: number;
  /** Source of jitter in [0, 1); injectable for tests. */
  random?: () => number;
  /** Waits `ms`, rejecting when `signal` aborts; injectable for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const RETRYABLE_STATUS = new Set([408, 429]);

/** True for the statuses worth another attempt: 408, 429 and 5xx. */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUS.has(status) || (status >= 500 && status <= 599);
}

/**
 * Milliseconds asked for by a `Retry-After` header (delta seconds or HTTP date), or undefined
 * when the header is missing or malformed. A date in the past gives 0.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Waits `ms` with `setTimeout` (so fake timers control it); rejects when `signal` aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);

/**
 * Fetches with retries. Network errors, timeouts, 408, 429 and 5xx are retried; other statuses
 * (including every other 4xx) are returned at once. `Retry-After` replaces the computed backoff
 * when it asks for at most `maxDelayMs`; when it asks for longer, waiting would keep the shopper
 * staring at a spinner, so the response is returned at once instead of retrying early against
 * the server's wish.
 *
 * The body of the returned response is already read (under the attempt's timeout), so reading it
 * never hangs. Pass a URL and a replayable `init` (string body), not a `Request` with a stream.
 *
 * Resolves with the final `Response`, which may be non-ok once retries are exhausted. Rejects with
 * `OmniError` `network` or `timeout` (last attempt failed that way) or `aborted` (caller's signal).
 */
export async function fetchWithRetry(
  input: RequestInfo | URL,
  init: RequestInit = {},
  options: RetryOptions,
): Promise<Response> {
  const { signal, timeoutMs } = options;
  const retries = Math.max(0, Math.floor(options.retries));
  const baseDelayMs = options.baseDelayMs ?? 250;
  const maxDelayMs = options.maxDelayMs ?? 8000;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? abortableSleep;
  const doFetch = options.fetch ?? ((i: RequestInfo | URL, r?: RequestInit) => fetch(i, r));
  const maxBytes = options.maxBytes ?? MAX_RESPONSE_BYTES;
  const deadline = Date.now() + (options.deadlineMs ?? DEFAULT_DEADLINE_MS);

  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw aborted(signal);
    const remaining = deadline - Date.now();
    const last = attempt >= retries || remaining <= timeoutMs;
    let response: Response | undefined;
    try {
      const budget = Math.max(1, Math.min(timeoutMs, remaining));
      response = await attemptOnce(doFetch, input, init, budget, signal, maxBytes);
    } catch (error) {
      if (signal?.aborted) throw aborted(signal);
      if (last || (error instanceof OmniError && error.kind === 'invalid_response')) throw error;
    }
    if (response && (last || !isRetryableStatus(response.status))) return response;

    let delay = random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
    const retryAfter = response && parseRetryAfter(response.headers.get('Retry-After'));
    if (retryAfter !== undefined) {
      if (retryAfter > maxDelayMs) return response!;
      delay = retryAfter;
    }
    // No time left for another attempt after the wait: report what we have.
    if (Date.now() + delay >= deadline) {
      if (response) return response;
      throw new OmniError(
        'timeout',
        `No answer within ${options.deadlineMs ?? DEFAULT_DEADLINE_MS} ms`,
      );
    }
    try {
      await sleep(delay, signal);
    } catch (error) {
      if (signal?.aborted) throw aborted(signal);
      throw error;
    }
  }
}

function aborted(signal: AbortSignal): OmniError {
  return new OmniError('aborted', 'Request aborted by the caller', { cause: signal.reason });
}

/** Default of `RetryOptions.maxBytes`: no answer of contract v1 comes near it. */
export const MAX_RESPONSE_BYTES = 2_000_000;
/** Default of `RetryOptions.deadlineMs`. */
export const DEFAULT_DEADLINE_MS = 10_000;

/** Reads a body up to `maxBytes`; longer ones are cut off and refused. */
async function readBody(response: Response, maxBytes: number): Promise<ArrayBuffer> {
  const declared = Number(response.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(response.status, maxBytes);
  }
  if (!response.body) return response.arrayBuffer();
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(response.status, maxBytes);
    }
    parts.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    body.set(part, at);
    at += part.byteLength;
  }
  return body.buffer;
}

const tooLarge = (status: number, maxBytes: number) =>
  new OmniError('invalid_response', `The answer is larger than ${maxBytes} bytes`, { status });

/** One attempt under its own timeout; the body is read before the timer stops. */
async function attemptOnce(
  doFetch: typeof fetch,
  input: RequestInfo | URL,
  init: RequestInit,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  maxBytes: number,
): Promise<Response> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('Request timed out', 'TimeoutError'));
  }, timeoutMs);
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await doFetch(input, { ...init, signal: controller.signal });
    if (response.type === 'opaque' || response.type === 'opaqueredirect') return response;
    const body = NULL_BODY_STATUS.has(response.status) ? null : await readBody(response, maxBytes);
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  } catch (error) {
    if (error instanceof OmniError) throw error;
    if (timedOut) {
      throw new OmniError('timeout', `No complete response within ${timeoutMs} ms`, {
        cause: error,
      });
    }
    throw new OmniError('network', 'The request could not be sent or was cut off', {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
