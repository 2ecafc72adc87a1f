/**
 * The composition root: the one place that turns configuration into working services. Components
 * never import from here; `<omni-provider>` and the page-level provider do.
 *
 * Everything with state is shared across the page, so that every widget, wrapped in a provider or
 * not, batches into the same requests and sees the same shopper choices:
 * - per IndexedDB database (`cacheName`): the storage and the shopper's location and "my store";
 * - per backend (REST settings, or a custom client instance): the client, its batcher and its
 *   stale-while-revalidate reader.
 * `createServices` is therefore cheap and returns the same service objects for the same settings,
 * so reconfiguring (a new currency, a new language) never makes widgets fetch again.
 */
import type { BackendClient } from './api/backend-client.js';
import { createAvailabilityBatcher } from './api/batcher.js';
import { RestBackend } from './api/rest-backend.js';
import { openStorage } from './cache/idb-storage.js';
import { createSwr } from './cache/swr.js';
import type { CacheKind, KeyValueCache } from './cache/types.js';
import type { OmniConfig } from './config.js';
import { locationKey } from './geo/location.js';
import { createLocationService, withDefaults } from './geo/location-service.js';
import { createStockService } from './stock/stock-service.js';
import type { LocationService, StockService } from './stock/types.js';

export interface OmniServices {
  config: OmniConfig;
  backend: BackendClient;
  stock: StockService;
  location: LocationService;
}

interface StockEntry {
  backend: BackendClient;
  stock: StockService;
}

interface Shared {
  cache: KeyValueCache;
  /** The shopper's choices, without merchant defaults. */
  choices: LocationService;
  /** Views of `choices` with a configuration's defaults, by defaults. */
  locations: Map<string, LocationService>;
  /** REST backends and their stock services, by settings. */
  rest: Map<string, StockEntry>;
  /** Custom clients' stock services; weak, so a client the page drops can be collected. */
  custom: WeakMap<BackendClient, StockEntry>;
}

const shared = new Map<string, Shared>();

function sharedFor(cacheName: string): Shared {
  let entry = shared.get(cacheName);
  if (!entry) {
    const storage = openStorage({ name: cacheName });
    entry = {
      cache: storage.cache,
      choices: createLocationService(storage.prefs),
      locations: new Map(),
      rest: new Map(),
      custom: new WeakMap(),
    };
    shared.set(cacheName, entry);
  }
  return entry;
}

/** Builds (or finds) the services for a configuration; pass `backend` to replace `RestBackend`. */
export function createServices(config: OmniConfig, backend?: BackendClient): OmniServices {
  const entry = sharedFor(config.cacheName);
  const restKey = `${config.apiBase}|${config.timeoutMs}|${config.retries}`;
  let stock = backend ? entry.custom.get(backend) : entry.rest.get(restKey);
  if (!stock) {
    const client =
      backend ??
      new RestBackend({
        apiBase: config.apiBase,
        timeoutMs: config.timeoutMs,
        retries: config.retries,
      });
    // Cached answers are per backend: two backends must never serve each other's stock.
    const namespace = backend ? `custom:${backend.cacheKey ?? 'default'}` : config.apiBase;
    stock = {
      backend: client,
      stock: createStockService({
        backend: client,
        swr: createSwr(namespaced(entry.cache, namespace)),
        availability: createAvailabilityBatcher(client),
      }),
    };
    if (backend) entry.custom.set(backend, stock);
    else entry.rest.set(restKey, stock);
  }
  const { defaultLocation, defaultStoreId } = config;
  const defaultsKey = `${defaultLocation ? locationKey(defaultLocation) : ''}|${defaultStoreId ?? ''}`;
  let location = entry.locations.get(defaultsKey);
  if (!location) {
    location = withDefaults(entry.choices, { defaultLocation, defaultStoreId });
    entry.locations.set(defaultsKey, location);
  }
  return { config, ...stock, location };
}

function namespaced(cache: KeyValueCache, namespace: string): KeyValueCache {
  const k = (key: string) => `${namespace}|${key}`;
  return {
    get backend() {
      return cache.backend;
    },
    get: <T>(kind: CacheKind, key: string) => cache.get<T>(kind, k(key)),
    set: <T>(kind: CacheKind, key: string, value: T, storedAt?: number) =>
      cache.set<T>(kind, k(key), value, storedAt),
    delete: (kind, key) => cache.delete(kind, k(key)),
    clear: () => cache.clear(),
  };
}
