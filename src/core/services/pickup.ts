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

/** Slots (cached briefly) and holds, shared by every selector on the page. */
export const pickupService = defineService({
  name: 'pickup',
  context: pickupServiceContext,
  key: (c) => `${keys.rest(c)}|${c.cacheName}`,
  perBackend: true,
  create(env) {
    const { cache } = env.get(storageService);
    return createPickupService({
      backend: env.get(pickupClient),
      cache: namespaced(cache, cacheNamespace(env)),
    });
  },
});
