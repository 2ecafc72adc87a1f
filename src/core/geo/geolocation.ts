/** A promise around the browser's Geolocation API, with typed errors. */
import type { LatLng } from '../api/types.js';

/** Why no position came back. */
export type GeolocationErrorKind = 'unsupported' | 'denied' | 'unavailable' | 'timeout';

/** Rejection reason of `getCurrentPosition`; components map `kind` to a localized message. */
export class GeolocationError extends Error {
  override readonly name = 'GeolocationError';
  constructor(
    readonly kind: GeolocationErrorKind,
    message: string = `Geolocation failed: ${kind}`,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Default time the browser may take to find a position once the shopper has allowed it. */
export const DEFAULT_GEOLOCATION_TIMEOUT_MS = 10_000;
/** Default time the shopper has to answer the permission prompt (the browser's own timeout does not run until then). */
export const DEFAULT_PROMPT_TIMEOUT_MS = 60_000;

const KIND_BY_CODE: Record<number, GeolocationErrorKind> = {
  1: 'denied',
  2: 'unavailable',
  3: 'timeout',
};

/**
 * Wraps navigator.geolocation.getCurrentPosition; never throws synchronously; coarse accuracy is
 * fine (enableHighAccuracy false, maximumAge 10 min). Rejects with `GeolocationError`.
 * `promptTimeoutMs` is a watchdog: browsers never call back while their permission prompt stays
 * unanswered, so after that long the promise rejects with 'timeout'.
 */
export function getCurrentPosition(
  options: { timeoutMs?: number; geolocation?: Geolocation; promptTimeoutMs?: number } = {},
): Promise<LatLng> {
  return new Promise<LatLng>((resolve, reject) => {
    const geolocation =
      options.geolocation ?? (typeof navigator !== 'undefined' ? navigator.geolocation : undefined);
    if (!geolocation || typeof geolocation.getCurrentPosition !== 'function') {
      reject(new GeolocationError('unsupported', 'Geolocation is not available in this browser'));
      return;
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_GEOLOCATION_TIMEOUT_MS;
    let settled = false;
    const settle = (action: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(watchdog);
      action();
    };
    const watchdog = setTimeout(
      () =>
        settle(() => reject(new GeolocationError('timeout', 'No answer to the location request'))),
      timeoutMs + (options.promptTimeoutMs ?? DEFAULT_PROMPT_TIMEOUT_MS),
    );
    try {
      geolocation.getCurrentPosition(
        (position) =>
          settle(() => {
            const lat = position?.coords?.latitude;
            const lng = position?.coords?.longitude;
            if (Number.isFinite(lat) && Number.isFinite(lng)) resolve({ lat, lng });
            else reject(new GeolocationError('unavailable', 'The browser gave no coordinates'));
          }),
        (error) =>
          settle(() =>
            reject(
              new GeolocationError(
                KIND_BY_CODE[error?.code ?? 0] ?? 'unavailable',
                error?.message || undefined,
                {
                  cause: error,
                },
              ),
            ),
          ),
        { enableHighAccuracy: false, maximumAge: 10 * 60 * 1000, timeout: timeoutMs },
      );
    } catch (error) {
      // Some embedding contexts (permissions policy, sandboxed iframes) throw instead of calling back.
      settle(() =>
        reject(new GeolocationError('unsupported', 'Geolocation threw', { cause: error })),
      );
    }
  });
}
