/**
 * CORS headers of the demo backend, shared by the handlers and the injected faults so that a
 * cross-origin page can read every answer, including a fault's `503` and its `Retry-After`.
 */

/** Response headers a cross-origin page must be able to read (beyond the CORS-safelisted ones). */
export const EXPOSED_HEADERS = ['ETag', 'Retry-After', 'Location', 'Idempotent-Replayed'] as const;

/** Request headers the widgets send beyond the CORS-safelisted ones. */
export const ALLOWED_REQUEST_HEADERS = [
  'Content-Type',
  'Idempotency-Key',
  'If-Match',
  'If-None-Match',
] as const;

export const ALLOWED_METHODS = ['GET', 'POST', 'DELETE', 'OPTIONS'] as const;

/** On every response of the demo backend. */
export const CORS_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': EXPOSED_HEADERS.join(', '),
});

/** On the answer to a preflight (`OPTIONS`). */
export const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  ...CORS_HEADERS,
  'Access-Control-Allow-Methods': ALLOWED_METHODS.join(', '),
  'Access-Control-Allow-Headers': ALLOWED_REQUEST_HEADERS.join(', '),
  'Access-Control-Max-Age': '600',
});
