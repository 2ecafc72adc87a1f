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
 * - Kept holds: the hold the shopper has for some items is kept (`keep`) in the preference store,
 *   so that the next selector for those items (the checkout after the product page, another tab,
 *   the same page after a reload) takes over the same reservation with the same countdown
 *   (`recall`) instead of holding another time. A kept hold is forgotten when it is released,
 *   when it becomes an order's (`forget`), and a day after it lapsed.
 */
import * as v from 'valibot';
import type { PickupCapability } from '../api/backend-client.js';
import { isAbort, OmniError } from '../api/errors.js';
import { isoDateTime } from '../api/schemas/common.js';
import { PickupSlotSchema, validSlots } from '../api/schemas/pickup.js';
import type { PickupReservationRequest, PickupSlot, PickupSlotQuery } from '../api/types.js';
import { createSwr } from '../cache/swr.js';
import type { Fresh, KeyValueCache, PreferenceStore } from '../cache/types.js';
import { serialWrites } from '../listeners.js';

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
   * Releases `hold` (if given; it is forgotten too) and every earlier release that failed;
   * `keepalive` lets the requests outlive the page (`pagehide`). Never rejects.
   */
  release(hold?: PickupHold, options?: { keepalive?: boolean }): Promise<void>;
  /**
   * Keeps `hold` as the shopper's hold for these items (replacing one kept for the same items),
   * for the next selector of them to take over. Never rejects.
   */
  keep(hold: PickupHold, skus: readonly string[]): Promise<void>;
  /** Forgets a kept hold without releasing it (it became part of an order, or lapsed). */
  forget(hold: PickupHold): Promise<void>;
  /**
   * The hold last kept for items that are all among `skus` (a cart's checkout takes over the
   * hold of one of its items), or undefined. It may have lapsed (`expiresAt` past): the caller
   * says so and forgets it. Never rejects.
   */
  recall(skus: readonly string[]): Promise<PickupHold | undefined>;
  /** True when kept holds outlive the page (IndexedDB); false when they live in memory only. */
  readonly keepsHolds: boolean;
}

/** Where kept holds live. */
export interface HoldMemory {
  prefs: PreferenceStore;
  /** The preference key (one per backend: reservation ids are a backend's). */
  key: string;
  /** Whether the preferences outlive the page (false once they are in memory only). */
  durable: () => boolean;
}

export interface PickupServiceDeps {
  backend: PickupCapability;
  /** The cache the slots are kept in (namespaced per backend by the caller). */
  cache: KeyValueCache;
  /** Where kept holds live; default: memory, for this page only. */
  holds?: HoldMemory;
  now?: () => number;
}

/** A kept hold, with the items it was placed for (sorted) and when it was kept. */
interface Kept {
  skus: string[];
  hold: PickupHold;
  keptAt: number;
}

/** Lapsed holds (or holds without an expiry) are forgotten this long after. */
const KEPT_MS = 24 * 60 * 60 * 1000;
/** At most this many kept holds (the newest). */
const MAX_KEPT = 20;

const isHold = (value: unknown): value is PickupHold => {
  const hold = value as PickupHold | null;
  return (
    typeof hold === 'object' &&
    hold !== null &&
    typeof hold.id === 'string' &&
    hold.id !== '' &&
    typeof hold.slotId === 'string' &&
    typeof hold.storeId === 'string' &&
    (hold.expiresAt === undefined || Number.isFinite(hold.expiresAt))
  );
};

const isKeptList = (value: unknown): value is Kept[] =>
  Array.isArray(value) &&
  value.every(
    (kept: Partial<Kept> | null) =>
      typeof kept === 'object' &&
      kept !== null &&
      isHold(kept.hold) &&
      Number.isFinite(kept.keptAt) &&
      Array.isArray(kept.skus) &&
      kept.skus.length > 0 &&
      kept.skus.every((sku) => typeof sku === 'string'),
  );

/** Preferences in memory, for this page only. */
function memoryHolds(): HoldMemory {
  const values = new Map<string, unknown>();
  return {
    key: 'pickupHolds',
    durable: () => false,
    prefs: {
      get: async (key, check) => {
        const value = structuredClone(values.get(key));
        return check(value) ? value : undefined;
      },
      set: async (key, value) => void values.set(key, structuredClone(value)),
      delete: async (key) => void values.delete(key),
    },
  };
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
  holds = memoryHolds(),
  now = Date.now,
}: PickupServiceDeps): PickupService {
  const swr = createSwr(cache, { now });
  /** Holds whose release failed for a reason that may pass, by id. */
  const unreleased = new Map<string, PickupHold>();
  const writes = serialWrites('the pickup hold');

  const readKept = async (): Promise<Kept[]> =>
    (await holds.prefs.get(holds.key, isKeptList).catch(() => undefined)) ?? [];

  /** Changes the kept holds (one change after another), dropping those long lapsed. */
  const editKept = (change: (list: Kept[]) => Kept[]) =>
    writes.persist(async () => {
      const t = now();
      const next = change(await readKept())
        .filter((kept) => (kept.hold.expiresAt ?? kept.keptAt) + KEPT_MS > t)
        .slice(0, MAX_KEPT);
      if (next.length) await holds.prefs.set(holds.key, next);
      else await holds.prefs.delete(holds.key);
    });

  const forget = (hold: PickupHold) =>
    editKept((list) => list.filter((kept) => kept.hold.id !== hold.id));

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
    if (hold) void forget(hold);
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

    keep(hold, skus) {
      const items = [...new Set(skus)].sort();
      if (!isHold(hold) || items.length === 0) return writes.settled;
      const key = items.join(',');
      return editKept((list) => [
        { skus: items, hold: { ...hold }, keptAt: now() },
        ...list.filter((kept) => kept.hold.id !== hold.id && kept.skus.join(',') !== key),
      ]);
    },

    forget,

    async recall(skus) {
      // After the writes of this page: what was kept or forgotten here is what is read.
      await writes.settled;
      const wanted = new Set(skus);
      return (await readKept())
        .filter((kept) => kept.skus.every((sku) => wanted.has(sku)))
        .sort((a, b) => b.keptAt - a.keptAt)[0]?.hold;
    },

    get keepsHolds() {
      return holds.durable();
    },
  };
}
