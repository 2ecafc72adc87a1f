/**
 * Fault injection for the demo backend: latency, server errors, malformed bodies and a dead
 * network, switchable at run time (from tests, the demo's controls or `POST /__omni/faults`).
 */
import { delay, HttpResponse } from 'msw';
import { CORS_HEADERS } from './cors.js';

export interface Faults {
  /** Added to every response, in milliseconds. */
  latencyMs: number;
  /** 0..1: share of requests answered 503 with an error body. */
  errorRate: number;
  /** Answer 200 with a body that is not valid JSON. */
  malformed: boolean;
  /** Fail as a network error (fetch rejects). */
  offline: boolean;
}

export const DEFAULT_FAULTS: Readonly<Faults> = Object.freeze({
  latencyMs: 0,
  errorRate: 0,
  malformed: false,
  offline: false,
});

export interface FaultState {
  getFaults(): Faults;
  /** Sets the given fields; out-of-range values are clamped, unknown fields ignored. */
  setFaults(partial: Partial<Faults>): Faults;
  resetFaults(): Faults;
}

function sanitize(current: Faults, partial: Partial<Faults>): Faults {
  const next = { ...current };
  if (typeof partial.latencyMs === 'number' && Number.isFinite(partial.latencyMs)) {
    next.latencyMs = Math.min(60_000, Math.max(0, Math.round(partial.latencyMs)));
  }
  if (typeof partial.errorRate === 'number' && Number.isFinite(partial.errorRate)) {
    next.errorRate = Math.min(1, Math.max(0, partial.errorRate));
  }
  if (typeof partial.malformed === 'boolean') next.malformed = partial.malformed;
  if (typeof partial.offline === 'boolean') next.offline = partial.offline;
  return next;
}

export function createFaultState(initial: Partial<Faults> = {}): FaultState {
  let faults = sanitize({ ...DEFAULT_FAULTS }, initial);
  return {
    getFaults: () => ({ ...faults }),
    setFaults(partial) {
      faults = sanitize(faults, partial);
      return { ...faults };
    },
    resetFaults() {
      faults = { ...DEFAULT_FAULTS };
      return { ...faults };
    },
  };
}

/** The shared fault state the handlers use unless given their own. */
export const faultState: FaultState = createFaultState();
export const getFaults = (): Faults => faultState.getFaults();
export const setFaults = (partial: Partial<Faults>): Faults => faultState.setFaults(partial);
export const resetFaults = (): Faults => faultState.resetFaults();

/**
 * Applies the current faults before a handler runs: waits `latencyMs`, then returns the faulty
 * response to send instead (network error, 503, malformed JSON), or undefined to proceed. The
 * faulty responses carry the CORS headers, like every other answer of the demo backend.
 * `random` is injectable so tests can make `errorRate` deterministic.
 */
export async function applyFaults(
  faults: Faults,
  random: () => number = Math.random,
): Promise<Response | undefined> {
  if (faults.latencyMs > 0) await delay(faults.latencyMs);
  if (faults.offline) return HttpResponse.error();
  if (faults.errorRate > 0 && random() < faults.errorRate) {
    return HttpResponse.json(
      {
        error: {
          code: 'service_unavailable',
          message: 'Injected fault: the backend is unavailable.',
        },
      },
      { status: 503, headers: { ...CORS_HEADERS, 'Retry-After': '1' } },
    );
  }
  if (faults.malformed) {
    return new HttpResponse('{"partial": [{"id": "truncated', {
      status: 200,
      headers: { ...CORS_HEADERS, 'Content-Type': 'application/json' },
    });
  }
  return undefined;
}
