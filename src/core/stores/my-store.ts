/**
 * "My store": the store the shopper chose (or the merchant's default until they do), kept whole
 * (name, address, hours, pickup) so that every widget can show it at once. Remembered in the
 * preference store, followed across tabs through a message channel, refreshed from the backend
 * when its details are old (opening hours change), and shared by every widget on the page.
 * With it, how the shopper last chose to get their items (delivery, or pickup at their store),
 * so that "Add to cart" offers that way first, here, in other tabs and on later visits.
 *
 * Memory is the source of truth for the session; storage and the channel are best effort.
 */
import * as v from 'valibot';
import type { Store } from '../api/types.js';
import { StoreSchema } from '../api/schemas/stock.js';
import type { PreferenceStore } from '../cache/types.js';
import type { MessageChannelLike } from '../services/registry.js';
import { createListeners, serialWrites } from '../listeners.js';

/** How the shopper gets items: delivered, or picked up at a store. */
export type FulfillmentWay = 'ship' | 'pickup';

export interface MyStoreService {
  /** Resolves once the remembered store is loaded. */
  readonly ready: Promise<void>;
  /** True once `ready` has resolved, known without waiting (nothing could be remembered). */
  readonly loaded?: boolean;
  /** The shopper's store, else the merchant's default once its details are known. */
  readonly store: Store | undefined;
  /** The id of `store`; known before the details for a default or a store being refreshed. */
  readonly storeId: string | undefined;
  /** True when the shopper chose the store (not the merchant default). */
  readonly isShopperChoice: boolean;
  /** Calls `listener` after any change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Makes `store` the shopper's store, here, in other tabs and on the next visit. */
  set(store: Store): Promise<void>;
  /** Forgets the shopper's store: the merchant default (if any) applies again. */
  clear(): Promise<void>;
  /**
   * How the shopper last chose to get their items (`pickup`: at a store, such as by choosing one
   * in the pickup selector; `ship`: delivery), or undefined until they choose.
   */
  readonly fulfillment: FulfillmentWay | undefined;
  /** Remembers how the shopper chose to get their items, here, in other tabs and on later visits. */
  setFulfillment(way: FulfillmentWay): Promise<void>;
}

/** Preference keys: the whole store (since 0.2), and the id alone (0.1, read once to migrate). */
export const MY_STORE_PREF_KEY = 'myStore';
export const LEGACY_MY_STORE_ID_KEY = 'myStoreId';
/** Preference key of the way the shopper last chose to get their items (since 0.3). */
export const FULFILLMENT_PREF_KEY = 'fulfillment';

/** Stored details older than this are refreshed from the backend (hours and closures change). */
export const MY_STORE_REFRESH_MS = 12 * 60 * 60 * 1000;

interface Saved {
  store: Store;
  savedAt: number;
}

const MAX_ID_LENGTH = 200;
const isStoreId = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '' && value.length <= MAX_ID_LENGTH;
const isStore = (value: unknown): value is Store => v.is(StoreSchema, value);
const isSaved = (value: unknown): value is Saved =>
  typeof value === 'object' &&
  value !== null &&
  Number.isFinite((value as Saved).savedAt) &&
  isStore((value as Saved).store);

/** A store as remembered: without the distance, which belongs to one query. */
function clean(store: Store): Store {
  const { distanceKm: _distance, ...rest } = store;
  return structuredClone(rest);
}

const isWay = (value: unknown): value is FulfillmentWay => value === 'ship' || value === 'pickup';

type Message =
  | { type: 'omnishelf:my-store'; store: Store | null }
  | { type: 'omnishelf:fulfillment'; way: FulfillmentWay };

export interface MyStoreChoiceOptions {
  prefs: PreferenceStore;
  /** Another tab's changes arrive here, ours leave through it. */
  channel?: MessageChannelLike;
  now?: () => number;
}

/** The shopper's choice alone, per database: shared by every configuration on the page. */
export interface MyStoreChoice {
  readonly ready: Promise<void>;
  /** True once `ready` has resolved. */
  readonly loaded: boolean;
  readonly store: Store | undefined;
  /** An id remembered without details (migrated from 0.1), still to be looked up. */
  readonly pendingId: string | undefined;
  /** When the details were last fetched (epoch ms), for refreshing. */
  readonly savedAt: number;
  subscribe(listener: () => void): () => void;
  set(store: Store | undefined): Promise<void>;
  /** Replaces the details of the current store (same id) without announcing a new choice. */
  refresh(store: Store): Promise<void>;
  /** How the shopper last chose to get their items; undefined until they choose. */
  readonly fulfillment: FulfillmentWay | undefined;
  setFulfillment(way: FulfillmentWay): Promise<void>;
}

export function createMyStoreChoice(options: MyStoreChoiceOptions): MyStoreChoice {
  const { prefs, channel } = options;
  const now = options.now ?? (() => Date.now());
  const listeners = createListeners('my-store');
  const notify = () => listeners.notify();
  const writes = serialWrites('the store choice');
  const persist = writes.persist;
  let store: Store | undefined;
  let pendingId: string | undefined;
  let savedAt = 0;
  let touched = false;
  let way: FulfillmentWay | undefined;
  let wayTouched = false;

  const save = (next: Store | undefined, at: number) =>
    persist(async () => {
      if (next) await prefs.set<Saved>(MY_STORE_PREF_KEY, { store: next, savedAt: at });
      else await prefs.delete(MY_STORE_PREF_KEY);
      await prefs.delete(LEGACY_MY_STORE_ID_KEY);
    });

  let loaded = false;
  const load = (async () => {
    const saved = await prefs.get(MY_STORE_PREF_KEY, isSaved).catch(() => undefined);
    const legacy = saved
      ? undefined
      : await prefs.get(LEGACY_MY_STORE_ID_KEY, isStoreId).catch(() => undefined);
    const savedWay = await prefs.get(FULFILLMENT_PREF_KEY, isWay).catch(() => undefined);
    loaded = true;
    let changed = false;
    if (savedWay && !wayTouched) {
      way = savedWay;
      changed = true;
    }
    if (!touched && saved) {
      store = saved.store;
      savedAt = saved.savedAt;
      changed = true;
    } else if (!touched && legacy) {
      pendingId = legacy;
      changed = true;
    }
    if (changed) notify();
  })();
  // Nothing can be remembered (a first visit): loaded at once, as the location is; a store
  // found after all (stored by a version before the marker) still arrives and is announced.
  const nothingStored =
    prefs.mayHave?.(MY_STORE_PREF_KEY) === false &&
    prefs.mayHave?.(LEGACY_MY_STORE_ID_KEY) === false &&
    prefs.mayHave?.(FULFILLMENT_PREF_KEY) === false;
  if (nothingStored) loaded = true;
  const ready = nothingStored ? Promise.resolve() : load;

  channel?.addEventListener('message', (event) => {
    const data = event.data as Message | undefined;
    if (data?.type === 'omnishelf:fulfillment') {
      if (!isWay(data.way) || data.way === way) return;
      wayTouched = true;
      way = data.way;
      notify();
      return;
    }
    if (data?.type !== 'omnishelf:my-store') return;
    if (data.store !== null && !isStore(data.store)) return;
    touched = true;
    const next = data.store ?? undefined;
    const same = next?.id === store?.id && JSON.stringify(next) === JSON.stringify(store);
    // Nothing new, unless it clears an id still waiting for its details (migrated from 0.1).
    if (same && pendingId === undefined) return;
    store = next;
    pendingId = undefined;
    savedAt = now();
    notify();
  });

  const post = (message: Message) => {
    try {
      channel?.postMessage(message);
    } catch {
      /* another tab missing a change is not worth failing this one */
    }
  };
  const announce = (next: Store | undefined) =>
    post({ type: 'omnishelf:my-store', store: next ?? null });

  return {
    ready,
    get loaded() {
      return loaded;
    },
    get store() {
      return store;
    },
    get pendingId() {
      return pendingId;
    },
    get savedAt() {
      return savedAt;
    },
    get fulfillment() {
      return way;
    },
    subscribe: (listener) => listeners.add(listener),
    set(next) {
      if (next !== undefined && !isStore(next)) {
        return Promise.reject(new TypeError('Invalid store'));
      }
      touched = true;
      const value = next && clean(next);
      const same = value?.id === store?.id && pendingId === undefined;
      store = value;
      pendingId = undefined;
      savedAt = now();
      if (!same || value) notify();
      announce(value);
      return save(value, savedAt);
    },
    refresh(next) {
      if (!isStore(next) || (next.id !== store?.id && next.id !== pendingId)) return writes.settled;
      store = clean(next);
      pendingId = undefined;
      savedAt = now();
      notify();
      announce(store);
      return save(store, savedAt);
    },
    setFulfillment(next) {
      if (!isWay(next)) return Promise.reject(new TypeError('Invalid fulfillment'));
      wayTouched = true;
      if (next === way) return writes.settled;
      way = next;
      notify();
      post({ type: 'omnishelf:fulfillment', way: next });
      return persist(() => prefs.set(FULFILLMENT_PREF_KEY, next));
    },
  };
}

export interface MyStoreOptions {
  /** The merchant's default store, until the shopper picks one. */
  defaultStoreId?: string;
  /** Looks stores up by id (`GET /stores?ids=`); without it, details are never refreshed. */
  lookup?: (ids: string[]) => Promise<Store[]>;
  now?: () => number;
}

/**
 * The service widgets consume: the shared choice, with this configuration's default store and a
 * backend to look details up. Looks up the default store's details, a migrated id's details, and
 * refreshes details older than `MY_STORE_REFRESH_MS`; a store the backend no longer knows is
 * forgotten. Lookup failures leave things as they are.
 */
export function createMyStoreService(
  choice: MyStoreChoice,
  options: MyStoreOptions = {},
): MyStoreService {
  const defaultStoreId = isStoreId(options.defaultStoreId) ? options.defaultStoreId : undefined;
  const now = options.now ?? (() => Date.now());
  const { lookup } = options;
  let defaultStore: Store | undefined;
  let defaultLooked = false;
  const listeners = createListeners('my-store');
  const notify = () => listeners.notify();
  let refreshing: string | undefined;

  /** Looks up details when they are missing or old; at most one lookup per id at a time. */
  const check = (): void => {
    if (!lookup) return;
    const chosen = choice.store;
    const id =
      choice.pendingId ??
      (chosen && now() - choice.savedAt > MY_STORE_REFRESH_MS ? chosen.id : undefined);
    if (id && refreshing !== id) {
      refreshing = id;
      lookup([id])
        .then((found) => {
          const fresh = found.find((s) => s.id === id);
          if (fresh) return choice.refresh(fresh);
          // The backend answered and no longer has it: the store closed.
          if (choice.store?.id === id || choice.pendingId === id) return choice.set(undefined);
          return undefined;
        })
        .catch(() => undefined)
        .finally(() => {
          if (refreshing === id) refreshing = undefined;
        });
    }
    if (defaultStoreId && !defaultLooked && !choice.store && !choice.pendingId) {
      defaultLooked = true;
      lookup([defaultStoreId])
        .then((found) => {
          defaultStore = found.find((s) => s.id === defaultStoreId);
          if (defaultStore) notify();
        })
        .catch(() => {
          defaultLooked = false; // try again when a widget next asks
        });
    }
  };

  // Loaded already: checked now, so that widgets need not wait a task for `ready`.
  const ready = choice.loaded ? Promise.resolve(check()) : choice.ready.then(check);
  let unsubscribe: (() => void) | undefined;

  return {
    ready,
    get loaded() {
      return choice.loaded;
    },
    get store() {
      return choice.store ?? (choice.pendingId ? undefined : defaultStore);
    },
    get storeId() {
      return choice.store?.id ?? choice.pendingId ?? defaultStoreId;
    },
    get isShopperChoice() {
      return choice.store !== undefined || choice.pendingId !== undefined;
    },
    get fulfillment() {
      return choice.fulfillment;
    },
    subscribe(listener) {
      const remove = listeners.add(listener);
      unsubscribe ??= choice.subscribe(() => {
        check();
        notify();
      });
      return () => {
        remove();
        if (listeners.size === 0) {
          unsubscribe?.();
          unsubscribe = undefined;
        }
      };
    },
    set: (store) => choice.set(store),
    clear: () => choice.set(undefined),
    setFulfillment: (way) => choice.setFulfillment(way),
  };
}
