/**
 * The services of the cart widgets: the cart capability's client and the local-first cart store
 * (`cart/store.ts`), one per backend and database, shared by every cart widget and configuration
 * on the page. The store's outbox lives in the durable records of the IndexedDB storage; its tabs
 * talk over a `BroadcastChannel`, and one of them sends at a time (Web Locks, else a lease).
 */
import { restCart } from '../api/rest/cart.js';
import { cartContext } from '../context.js';
import { createCartStore, type CartStore } from '../cart/store.js';
import { cacheNamespace, capability, storageService } from './backend.js';
import { defineService, keys } from './registry.js';
import type { OmniConfig } from '../config.js';

/** The cart capability's client: the merchant's own, or REST. */
export const cartClient = defineService({
  name: 'cart client',
  key: keys.rest,
  perBackend: true,
  create: (env) => capability(env, 'cart', restCart),
});

/** The cart, per backend and database, whatever else the configuration says. */
const cartStore = defineService<CartStore>({
  name: 'cart store',
  key: (c) => `${keys.rest(c)}|${c.cacheName}`,
  perBackend: true,
  create(env) {
    const scope = cacheNamespace(env);
    const { platform } = env;
    return createCartStore({
      backend: env.get(cartClient),
      records: env.get(storageService).records,
      scope,
      channel: platform.channel?.(`omnishelf-cart:${env.config.cacheName}:${scope}`),
      locks: platform.locks,
      lifecycle: platform.lifecycle,
    });
  },
});

/** The origins whose `postMessage` may say that checkout completed (see `checkoutOrigin`). */
export function checkoutOrigins(config: OmniConfig, pageOrigin: string): string[] {
  if (config.checkoutOrigin) return [config.checkoutOrigin];
  if (!config.checkoutUrl) return [];
  try {
    return [new URL(config.checkoutUrl, `${pageOrigin}/`).origin];
  } catch {
    return [];
  }
}

/**
 * What cart widgets consume: the page's cart store, listening for the checkout's
 * `postMessage({ type: 'omnishelf:checkout-complete', cartId })` from the configured origin only.
 */
export const cartService = defineService<CartStore>({
  name: 'cart',
  context: cartContext,
  key: (c) => `${keys.rest(c)}|${c.cacheName}|${c.checkoutUrl ?? ''}|${c.checkoutOrigin ?? ''}`,
  perBackend: true,
  create(env) {
    const store = env.get(cartStore);
    const messages = env.platform.messages;
    const origins = messages ? checkoutOrigins(env.config, messages.origin) : [];
    if (messages && origins.length > 0) {
      messages.subscribe((data, origin) => {
        const message = data as { type?: unknown; cartId?: unknown } | null;
        if (!origins.includes(origin) || message?.type !== 'omnishelf:checkout-complete') return;
        void store.completeCheckout(
          typeof message.cartId === 'string' ? message.cartId : undefined,
        );
      });
    }
    return store;
  },
});
