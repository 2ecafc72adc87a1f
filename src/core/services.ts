/**
 * The composition root: the one place that turns configuration into working services. Components
 * never import from here; `<omni-provider>` and the page-level provider do.
 */
import type { BackendClient } from './api/backend-client.js';
import { createAvailabilityBatcher } from './api/batcher.js';
import { RestBackend } from './api/rest-backend.js';
import { openStorage } from './cache/idb-storage.js';
import { createSwr } from './cache/swr.js';
import type { CacheKind } from './cache/types.js';
import type { OmniConfig } from './config.js';
import { createLocationService } from './geo/location-service.js';
import { createStockService } from './stock/stock-service.js';
import type { LocationService, StockService } from './stock/types.js';

export interface OmniServices {
  config: OmniConfig;
  backend: BackendClient;
  stock: StockService;
  location: LocationService;
}

type Storage = ReturnType<typeof openStorage>;

/**
 * One storage and one location service per database name, shared by every provider on the page:
 * the shopper's location set in one widget is the location of all of them.
 */
const shared = new Map<string, { storage: Storage; location: LocationService }>();

function sharedFor(config: OmniConfig) {
  let entry = shared.get(config.cacheName);
  if (!entry) {
    const storage = openStorage({ name: config.cacheName });
    const location = createLocationService(storage.prefs, {
      defaultLocation: config.defaultLocation,
      defaultStoreId: config.defaultStoreId,
    });
    entry = { storage, location };
    shared.set(config.cacheName, entry);
  }
  return entry;
}

/** Builds the services for a configuration; pass `backend` to replace `RestBackend`. */
export function createServices(config: OmniConfig, backend?: BackendClient): OmniServices {
  const client =
    backend ??
    new RestBackend({
      apiBase: config.apiBase,
      timeoutMs: config.timeoutMs,
      retries: config.retries,
    });
  const { storage, location } = sharedFor(config);
  // Cache keys are per backend: two providers on different bases must not share answers.
  const swr = createSwr(namespaced(storage.cache, backend ? 'custom' : config.apiBase));
  const stock = createStockService({
    backend: client,
    swr,
    availability: createAvailabilityBatcher(client),
  });
  return { config, backend: client, stock, location };
}

function namespaced(cache: Storage['cache'], namespace: string): Storage['cache'] {
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
