/**
 * The cart service as a provider resolves it: one store per backend and database, shared by
 * every configuration; the checkout's `postMessage` accepted from the configured origin only; the
 * cart settings sanitized like any other.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { deleteDB } from 'idb';
import { resolveConfig, sanitizeConfig } from '../../../src/core/config.js';
import { cartService, checkoutOrigins } from '../../../src/core/services/cart.js';
import { resolveService, type Platform } from '../../../src/core/services/registry.js';
import { clientFor, Network, World } from '../cart/harness.js';

let n = 0;

describe('cart service', () => {
  let cacheName: string;

  beforeEach(() => {
    cacheName = `omnishelf-cart-service-${Date.now()}-${n++}`;
  });

  afterEach(async () => {
    await deleteDB(cacheName);
  });

  it('sanitizes checkoutUrl and checkoutOrigin', () => {
    expect(sanitizeConfig({ checkoutUrl: '/checkout?cart={cartId}' })).to.deep.equal({
      checkoutUrl: '/checkout?cart={cartId}',
    });
    expect(sanitizeConfig({ checkoutUrl: 'https://pay.example/c' }).checkoutUrl).to.equal(
      'https://pay.example/c',
    );
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '//evil.example/x', 'a b']) {
      expect(sanitizeConfig({ checkoutUrl: bad }), bad).to.deep.equal({});
    }
    expect(sanitizeConfig({ checkoutOrigin: 'https://pay.example/any/path?q' })).to.deep.equal({
      checkoutOrigin: 'https://pay.example',
    });
    expect(sanitizeConfig({ checkoutOrigin: '/relative' })).to.deep.equal({});
  });

  it('accepts checkout messages from the configured origin, else the checkout URL’s', () => {
    const base = resolveConfig({});
    expect(checkoutOrigins(base, 'https://shop.example')).to.deep.equal([]);
    expect(
      checkoutOrigins({ ...base, checkoutUrl: '/checkout' }, 'https://shop.example'),
    ).to.deep.equal(['https://shop.example']);
    expect(
      checkoutOrigins({ ...base, checkoutUrl: 'https://pay.example/c' }, 'https://shop.example'),
    ).to.deep.equal(['https://pay.example']);
    expect(
      checkoutOrigins(
        { ...base, checkoutUrl: 'https://pay.example/c', checkoutOrigin: 'https://other.example' },
        'https://shop.example',
      ),
    ).to.deep.equal(['https://other.example']);
  });

  it('clears the cart on a checkout message from the checkout origin only', async () => {
    const world = new World(5);
    const network = new Network();
    // Real timers: the store runs on real IndexedDB and timers here.
    const timers = {
      setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
      clearTimeout: (id: unknown) => clearTimeout(id as number),
    };
    const backend = clientFor(world.server, network, timers, () => true);
    let post: ((data: unknown, origin: string) => void) | undefined;
    const platform: Platform = {
      messages: {
        origin: 'https://shop.example',
        subscribe(listener) {
          post = listener;
          return () => undefined;
        },
      },
    };
    const config = resolveConfig({ cacheName, checkoutUrl: 'https://pay.example/c' });
    const cart = resolveService(cartService, config, backend, platform);
    expect(resolveService(cartService, config, backend, platform)).to.equal(cart);
    await cart.ready;
    cart.add('TSHIRT-ORG-M');
    await waitUntil(() => cart.view.pending === 1, 'not stored');
    const settle = () => new Promise((resolve) => setTimeout(resolve, 200));
    await waitUntil(() => cart.view.cartId !== undefined && cart.view.pending === 0, 'not synced');
    const cartId = cart.view.cartId!;

    post!({ type: 'omnishelf:checkout-complete', cartId }, 'https://evil.example');
    post!({ type: 'something-else', cartId }, 'https://pay.example');
    post!({ type: 'omnishelf:checkout-complete', cartId: 'cart_other' }, 'https://pay.example');
    await settle();
    expect(cart.view.lines).to.have.length(1);

    post!({ type: 'omnishelf:checkout-complete', cartId }, 'https://pay.example');
    await waitUntil(() => cart.view.lines.length === 0, 'not cleared');
    expect(cart.view.cartId).to.equal(undefined);
    cart.dispose();
  });
});
