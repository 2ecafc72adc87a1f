/**
 * The services of the stock widgets: the shopper's location, "my store" and stock lookups.
 */
import { createAvailabilityBatcher } from '../api/batcher.js';
import { restStock } from '../api/rest/stock.js';
import { createSwr } from '../cache/swr.js';
import { namespaced } from '../cache/namespaced.js';
import { locationServiceContext, myStoreContext, stockServiceContext } from '../context.js';
import { locationKey } from '../geo/location.js';
import { createLocationService, withDefaults } from '../geo/location-service.js';
import { createStockService } from '../stock/stock-service.js';
import { createMyStoreChoice, createMyStoreService } from '../stores/my-store.js';
import { cacheNamespace, capability, storageService } from './backend.js';
import { defineService, keys } from './registry.js';

/** The stock capability's client: the merchant's own, or REST. */
export const stockClient = defineService({
  name: 'stock client',
  key: keys.rest,
  perBackend: true,
  create: (env) => capability(env, 'stock', restStock),
});

/** Stores near a place and their stock, batched page-wide and cached. */
export const stockService = defineService({
  name: 'stock',
  context: stockServiceContext,
  key: (c) => `${keys.rest(c)}|${c.cacheName}`,
  perBackend: true,
  create(env) {
    const backend = env.get(stockClient);
    const { cache } = env.get(storageService);
    return createStockService({
      backend,
      swr: createSwr(namespaced(cache, cacheNamespace(env))),
      availability: createAvailabilityBatcher(backend),
    });
  },
});

/** The shopper's location as chosen, per database. */
const locationChoice = defineService({
  name: 'location choice',
  key: keys.storage,
  create: (env) => createLocationService(env.get(storageService).prefs),
});

/** The shopper's location, with this configuration's default. */
export const locationService = defineService({
  name: 'location',
  context: locationServiceContext,
  key: (c) => `${c.cacheName}|${c.defaultLocation ? locationKey(c.defaultLocation) : ''}`,
  create: (env) =>
    withDefaults(env.get(locationChoice), { defaultLocation: env.config.defaultLocation }),
});

/** The shopper's store as chosen, per database, followed across tabs. */
const myStoreChoice = defineService({
  name: 'my-store choice',
  key: keys.storage,
  create: (env) =>
    createMyStoreChoice({
      prefs: env.get(storageService).prefs,
      channel: env.platform.channel?.(`omnishelf:${env.config.cacheName}`),
    }),
});

/** "My store", with this configuration's default store and backend to look details up. */
export const myStoreService = defineService({
  name: 'my store',
  context: myStoreContext,
  key: (c) => `${c.cacheName}|${c.defaultStoreId ?? ''}|${keys.rest(c)}`,
  perBackend: true,
  create(env) {
    const client = env.get(stockClient);
    const getStores = client.getStores?.bind(client);
    return createMyStoreService(env.get(myStoreChoice), {
      defaultStoreId: env.config.defaultStoreId,
      lookup: getStores && ((ids) => getStores({ ids })),
    });
  },
});
