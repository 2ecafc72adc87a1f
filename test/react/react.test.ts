/**
 * `omnishelf/react`: the wrappers rendered by React (react-dom) in the test browser. Props reach
 * the elements as properties (objects too), `onOmni...` props receive the elements' events, and
 * a ref gives the element. The wrappers render inside a plain element that provides every
 * service context (fakes, or nothing), so that no widget falls back to the page's real services.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { ContextProvider } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import { createElement, createRef, type ComponentType, type ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import * as wrappers from '../../src/react/index.js';
import { OmniCartCount, OmniProvider, OmniStockChecker } from '../../src/react/index.js';
import type { OmniStockChecker as OmniStockCheckerElement } from '../../src/components/stock-checker/stock-checker.js';
import type { OmniProvider as OmniProviderElement } from '../../src/components/provider/provider.js';
import type { OmniCartCount as OmniCartCountElement } from '../../src/components/cart-count/cart-count.js';
import {
  cartContext,
  clockContext,
  configContext,
  locationServiceContext,
  myStoreContext,
  pickupServiceContext,
  stockServiceContext,
} from '../../src/core/context.js';
import { resolveConfig } from '../../src/core/config.js';
import type { OmniStockChangeEvent } from '../../src/events/stock-change.js';
import type { OmniErrorEvent } from '../../src/events/error.js';
import type { OmniCartChangeEvent } from '../../src/events/cart-change.js';
import {
  POSTAL_00100,
  entry,
  fakeLocationService,
  fakeMyStoreService,
  fakeStockService,
  fresh,
  makeStore,
  stockResult,
  type FakeStockService,
} from '../helpers/fixture-with-services.js';
import { CartWorld } from '../helpers/cart-fixture.js';

let host: HTMLElement | undefined;
let root: Root | undefined;

/** A container whose contexts answer every widget inside: fakes of location and "my store". */
function servicesHost(): HTMLElement {
  const el = document.createElement('div');
  document.body.append(el);
  const asHost = el as unknown as HTMLElement & ReactiveControllerHost;
  new ContextProvider(asHost, { context: configContext, initialValue: resolveConfig({}) });
  new ContextProvider(asHost, {
    context: locationServiceContext,
    initialValue: fakeLocationService({ location: POSTAL_00100 }),
  });
  new ContextProvider(asHost, { context: myStoreContext, initialValue: fakeMyStoreService() });
  // Given as props in these tests, or not needed: answered with nothing, never the page's own.
  for (const context of [stockServiceContext, cartContext, clockContext, pickupServiceContext]) {
    new ContextProvider(asHost, { context, initialValue: undefined });
  }
  return el;
}

/** Renders `element` with React, synchronously (the DOM is there when this returns). */
function render(element: ReactElement): HTMLElement {
  host ??= servicesHost();
  root ??= createRoot(host);
  flushSync(() => root!.render(element));
  return host;
}

afterEach(() => {
  root?.unmount();
  host?.remove();
  root = undefined;
  host = undefined;
});

const SKU = 'SKU-1';

function stockService(): FakeStockService {
  return fakeStockService({
    [SKU]: fresh(
      stockResult(SKU, [
        entry(SKU, makeStore({ id: 'westlands', name: 'Westlands' }), 'in_stock', 4),
      ]),
    ),
  });
}

describe('omnishelf/react', () => {
  describe('accessibility', () => {
    it('renders an accessible stock checker', async () => {
      const stock = stockService();
      const ref = createRef<OmniStockCheckerElement>();
      render(createElement(OmniStockChecker, { ref, sku: SKU, stock }));
      const el = ref.current!;
      await waitUntil(() => stock.lookups.length > 0 && !el.matches(':state(loading)'));
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });

  describe('properties', () => {
    it('sets props as properties, objects and numbers included, and the element acts on them', async () => {
      const stock = stockService();
      const ref = createRef<OmniStockCheckerElement>();
      render(createElement(OmniStockChecker, { ref, sku: SKU, variant: 'badge', limit: 3, stock }));
      const el = ref.current!;
      expect(el.localName).to.equal('omni-stock-checker');
      expect(el.sku).to.equal(SKU);
      expect(el.variant).to.equal('badge');
      expect(el.limit).to.equal(3);
      expect(el.stock).to.equal(stock);
      await waitUntil(() => stock.lookups.length > 0, 'the element never asked for stock');
      expect(stock.lookups[0]!.query.sku).to.equal(SKU);
      expect(stock.lookups[0]!.query.limit).to.equal(3);
    });

    it('passes a changed prop on, and the element asks again', async () => {
      const stock = stockService();
      const ref = createRef<OmniStockCheckerElement>();
      render(createElement(OmniStockChecker, { ref, sku: SKU, stock }));
      await waitUntil(() => stock.lookups.length > 0);
      render(createElement(OmniStockChecker, { ref, sku: 'SKU-2', stock }));
      expect(ref.current!.sku).to.equal('SKU-2');
      await waitUntil(() => stock.lookups.some((l) => l.query.sku === 'SKU-2'));
    });

    it('renders its children inside <omni-provider>, configured by props', async () => {
      const ref = createRef<OmniProviderElement>();
      const container = render(
        createElement(
          OmniProvider,
          { ref, currency: 'EUR' },
          createElement(OmniStockChecker, { sku: SKU, stock: stockService() }),
        ),
      );
      const provider = container.querySelector('omni-provider')!;
      expect(ref.current).to.equal(provider);
      expect(ref.current!.currency).to.equal('EUR');
      expect(provider.querySelector('omni-stock-checker')).to.not.equal(null);
    });
  });

  describe('events', () => {
    it('calls onOmniStockChange with the typed event when stock arrives', async () => {
      const changes: OmniStockChangeEvent[] = [];
      render(
        createElement(OmniStockChecker, {
          sku: SKU,
          stock: stockService(),
          onOmniStockChange: (e) => changes.push(e),
        }),
      );
      await waitUntil(() => changes.length > 0, 'no omni-stock-change reached the prop');
      expect(changes[0]!.sku).to.equal(SKU);
      expect(changes[0]!.available).to.equal(true);
      expect(changes[0]!.nearest?.store.name).to.equal('Westlands');
    });

    it('calls onOmniError when a lookup fails', async () => {
      const errors: OmniErrorEvent[] = [];
      render(
        createElement(OmniStockChecker, {
          sku: 'UNKNOWN',
          stock: stockService(),
          onOmniError: (e) => errors.push(e),
        }),
      );
      await waitUntil(() => errors.length > 0, 'no omni-error reached the prop');
      expect(errors[0]!.error.message).to.equal('not found');
    });

    it('calls onOmniCartChange when the cart changes', async () => {
      const cw = new CartWorld();
      try {
        await cw.settle();
        const changes: OmniCartChangeEvent[] = [];
        const ref = createRef<OmniCartCountElement>();
        render(
          createElement(OmniCartCount, {
            ref,
            cart: cw.store,
            onOmniCartChange: (e) => changes.push(e),
          }),
        );
        await ref.current!.updateComplete;
        cw.store.add('TSHIRT-ORG-M', { qty: 3 });
        await waitUntil(() => changes.length > 0, 'no omni-cart-change reached the prop');
        expect(changes.at(-1)!.count).to.equal(3);
      } finally {
        cw.dispose();
      }
    });

    it('stops calling a handler once React removes it', async () => {
      const ref = createRef<OmniStockCheckerElement>();
      let calls = 0;
      const onOmniStockChange = () => calls++;
      render(createElement(OmniStockChecker, { ref, onOmniStockChange }));
      ref.current!.dispatchEvent(new Event('omni-stock-change'));
      render(createElement(OmniStockChecker, { ref }));
      ref.current!.dispatchEvent(new Event('omni-stock-change'));
      expect(calls).to.equal(1);
    });

    // Every wrapper and every one of its event props: the prop listens to that event.
    const eventProps: Record<keyof typeof wrappers, Record<string, string>> = {
      OmniProvider: {},
      OmniStockChecker: {
        onOmniStockChange: 'omni-stock-change',
        onOmniStoreSelect: 'omni-store-select',
        onOmniError: 'omni-error',
      },
      OmniPickupSelector: {
        onOmniPickupChange: 'omni-pickup-change',
        onOmniStoreSelect: 'omni-store-select',
        onOmniReservationExpire: 'omni-reservation-expire',
      },
      OmniShippingEstimator: {
        onOmniShippingChange: 'omni-shipping-change',
        onOmniError: 'omni-error',
      },
      OmniCart: cartEventProps(),
      OmniCartButton: cartEventProps(),
      OmniCartCount: cartEventProps(),
      OmniAddToCart: cartEventProps(),
    };
    function cartEventProps() {
      return {
        onOmniCartChange: 'omni-cart-change',
        onOmniCartSync: 'omni-cart-sync',
        onOmniCartConflict: 'omni-cart-conflict',
      };
    }

    for (const [name, props] of Object.entries(eventProps)) {
      it(`${name}: ${Object.keys(props).join(', ') || 'no event props'}`, () => {
        const Wrapper = wrappers[name as keyof typeof wrappers] as ComponentType<
          Record<string, unknown>
        >;
        const received: string[] = [];
        const handlers = Object.fromEntries(
          Object.keys(props).map((prop) => [
            prop,
            (e: Event) => received.push(`${prop}:${e.type}`),
          ]),
        );
        const ref = createRef<HTMLElement>();
        render(createElement(Wrapper, { ref, ...handlers }));
        const el = ref.current!;
        expect(el.constructor).to.equal(customElements.get(el.localName));
        for (const type of Object.values(props)) el.dispatchEvent(new Event(type));
        expect(received).to.deep.equal(
          Object.entries(props).map(([prop, type]) => `${prop}:${type}`),
        );
      });
    }
  });
});
