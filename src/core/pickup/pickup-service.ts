/**
 * The pickup service behind `<omni-pickup-selector>`: a store's pickup slots, cached briefly and
 * validated on every read, and holds on them (reservations) that are placed and released so that
 * none is left behind that the shopper did not ask for.
 *
 * - Slots: read through stale-while-revalidate (cache kind 'slots', one minute); a cached list
 *   that fails validation is a miss. Capacity changes quickly, so a stale list is only returned
 *   when the network cannot answer (marked `stale`); `fresh` skips the cache (after a 409: the capacity it holds is known to be wrong).
 * - Holds: `hold` is never retried or aborted (a hold the shopper no longer wants is released by
 *   the caller once it arrives). `release` never rejects: a release that fails for a reason that
 *   may pass (offline, timeout, 5xx, 429) is remembered and tried again with the next call of
 *   this service, until the hold would have lapsed anyway.
 */
import * as v from 'valibot';
import type { PickupCapability } from '../api/backend-client.js';
import { isAbort, OmniError } from '../api/errors.js';
import { isoDateTime } from '../api/schemas/common.js';
import { PickupSlotSchema, validSlots } from '../api/schemas/pickup.js';
import type { PickupReservationRequest, PickupSlot, PickupSlotQuery } from '../api/types.js';
import { createSwr } from '../cache/swr.js';
import type { Fresh, KeyValueCache } from '../cache/types.js';

/**
 * One line of what is to be picked up. The pickup selector reads them from its `lines` property
 * (the cart's lines, once the cart is wired in), else from `sku` / `skus`.
 */
export interface PickupLine {
  sku: string;
  /** How the line is named when it is missing at a store; default the sku. */
  title?: string;
  /** Units wanted (default 1): a store with fewer in stock cannot fulfil the line. */
  qty?: number;
}

/** A hold on a pickup slot, as the widget keeps it. */
export interface PickupHold {
  /** The reservation id (what the checkout submits). */
  id: string;
  slotId: string;
  storeId: string;
  /** When the hold lapses (epoch ms); undefined when the backend did not say. */
  expiresAt: number | undefined;
}

export interface SlotReadOptions {
  signal?: AbortSignal;
  /** Skip the cache (the slots are known to have changed, e.g. after `409 slot_full`). */
  fresh?: boolean;
}

/** What the pickup widgets consume. */
export interface PickupService {
  /**
   * The store's slots for these skus, in start order, each valid (an answer with some malformed
   * slots loses those; one with only malformed slots rejects with `invalid_response`).
   */
  slots(query: PickupSlotQuery, options?: SlotReadOptions): Promise<Fresh<PickupSlot[]>>;
  /**
   * Places a hold. Rejects with the backend's error: `OmniError` with code `slot_full` (409),
   * `slot_expired` (410), `store_not_found` (404) ..., or `invalid_response` without an id.
   */
  hold(request: PickupReservationRequest): Promise<PickupHold>;
  /**
   * Releases `hold` (if given) and every earlier release that failed; `keepalive` lets the
   * requests outlive the page (`pagehide`). Never rejects.
   */
  release(hold?: PickupHold, options?: { keepalive?: boolean }): Promise<void>;
}

export interface PickupServiceDeps {
  backend: PickupCapability;
  /** The cache the slots are kept in (namespaced per backend by the caller). */
  cache: KeyValueCache;
  now?: () => number;
}

const isSlots = (value: unknown): value is PickupSlot[] =>
  Array.isArray(value) && value.every((slot) => v.is(PickupSlotSchema, slot));

/** A failure that may pass: worth releasing again later. */
function mayPass(error: unknown): boolean {
  if (!(error instanceof OmniError)) return true;
  if (error.kind !== 'http') return error.kind === 'network' || error.kind === 'timeout';
  const status = error.status ?? 0;
  return status >= 500 || status === 429 || status === 408;
}

export function createPickupService({
  backend,
  cache,
  now = Date.now,
}: PickupServiceDeps): PickupService {
  const swr = createSwr(cache, { now });
  /** Holds whose release failed for a reason that may pass, by id. */
  const unreleased = new Map<string, PickupHold>();

  const cancel = async (hold: PickupHold, keepalive: boolean): Promise<void> => {
    unreleased.delete(hold.id);
    try {
      await backend.cancelPickupReservation(hold.id, keepalive ? { keepalive } : {});
    } catch (error) {
      // Gone by itself before long: not worth another request.
      const lapsed = hold.expiresAt !== undefined && hold.expiresAt <= now();
      if (mayPass(error) && !lapsed) unreleased.set(hold.id, hold);
    }
  };

  const release: PickupService['release'] = async (hold, { keepalive = false } = {}) => {
    const all = [...unreleased.values()];
    if (hold && !unreleased.has(hold.id)) all.push(hold);
    await Promise.all(all.map((h) => cancel(h, keepalive)));
  };

  return {
    async slots(query, { signal, fresh = false } = {}) {
      if (unreleased.size) void release();
      const key = [
        query.storeId,
        [...query.skus].sort().join(','),
        query.from ?? '',
        query.days ?? '',
      ]
        .map((part) => encodeURIComponent(String(part)))
        .join('|');
      const result = await swr.read(
        'slots',
        key,
        async (s) => validSlots(await backend.getPickupSlots(query, { signal: s })),
        { signal, check: isSlots, skipCache: fresh },
      );
      const { revalidation, ...shown } = result;
      if (!revalidation) return shown;
      // Old capacity misleads: wait for the network, and show the old list only without it.
      try {
        return await revalidation;
      } catch (error) {
        if (isAbort(error) || signal?.aborted) throw error;
        return shown;
      }
    },

    async hold(request) {
      if (unreleased.size) void release();
      const answer: unknown = await backend.reservePickupSlot(request);
      const { id, expiresAt } = (answer ?? {}) as { id?: unknown; expiresAt?: unknown };
      if (typeof id !== 'string' || id === '') {
        throw new OmniError('invalid_response', 'The reservation has no id');
      }
      const lapses = v.is(isoDateTime, expiresAt) ? Date.parse(expiresAt) : NaN;
      return {
        id,
        slotId: request.slotId,
        storeId: request.storeId,
        // A time already past (a skewed clock, or nonsense) cannot drive a countdown either.
        expiresAt: Number.isFinite(lapses) && lapses > now() ? lapses : undefined,
      };
    },

    release,
  };
}
