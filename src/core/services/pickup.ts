/**
 * The services of `<omni-pickup-selector>`: pickup slots and holds. The stores, their stock and
 * "my store" come from the stock widgets' services (`stock.ts`), which the selector shares.
 */
import { restPickup } from '../api/rest/pickup.js';
import { namespaced } from '../cache/namespaced.js';
import { pickupServiceContext } from '../context.js';
import { createPickupService } from '../pickup/pickup-service.js';
import { cacheNamespace, capability, storageService } from './backend.js';
import { defineService, keys } from './registry.js';

/** The pickup capability's client: the merchant's own, or REST. */
export const pickupClient = defineService({
  name: 'pickup client',
  key: keys.rest,
  perBackend: true,
  create: (env) => capability(env, 'pickup', restPickup),
});

/**
 * Slots (cached briefly) and holds, shared by every selector on the page; the shopper's holds are
 * kept in the preference store, for the next page (or tab) that shows the same items.
 */
export const pickupService = defineService({
  name: 'pickup',
  context: pickupServiceContext,
  key: (c) => `${keys.rest(c)}|${c.cacheName}`,
  perBackend: true,
  create(env) {
    const { cache, prefs, records } = env.get(storageService);
    const namespace = cacheNamespace(env);
    return createPickupService({
      backend: env.get(pickupClient),
      cache: namespaced(cache, namespace),
      holds: { prefs, key: `pickupHolds|${namespace}`, durable: () => records.durable },
    });
  },
});
