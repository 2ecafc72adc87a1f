/** The services of the shipping estimator: delivery-date rules per destination country. */
import { restShipping } from '../api/rest/shipping.js';
import { createSwr } from '../cache/swr.js';
import { namespaced } from '../cache/namespaced.js';
import { shippingServiceContext } from '../context.js';
import { createShippingService } from '../shipping/shipping-service.js';
import { cacheNamespace, capability, storageService } from './backend.js';
import { defineService, keys } from './registry.js';

/** The shipping capability's client: the merchant's own, or REST. */
export const shippingClient = defineService({
  name: 'shipping client',
  key: keys.rest,
  perBackend: true,
  create: (env) => capability(env, 'shipping', restShipping),
});

/** Shipping rules per destination country, cached long and checked on every read. */
export const shippingService = defineService({
  name: 'shipping',
  context: shippingServiceContext,
  key: (c) => `${keys.rest(c)}|${c.cacheName}`,
  perBackend: true,
  create(env) {
    const { cache } = env.get(storageService);
    return createShippingService({
      backend: env.get(shippingClient),
      swr: createSwr(namespaced(cache, cacheNamespace(env))),
    });
  },
});
