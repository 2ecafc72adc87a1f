import { expect, html, aTimeout, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { backOnTab, backOnline } from '../helpers/page-events.js';
import sinon from 'sinon';
import '../../src/components/stock-checker/stock-checker.js';
import type { OmniStockChecker } from '../../src/components/stock-checker/stock-checker.js';
import { localeLoaders, setOmniLocale } from '../../src/core/i18n/localization.js';
import { OmniError } from '../../src/core/api/errors.js';
import { GeolocationError } from '../../src/core/geo/geolocation.js';
import { DEFAULT_CONFIG } from '../../src/core/config.js';
import type { OmniStoreSelectEvent } from '../../src/events/store-select.js';
import type { OmniStockChangeEvent } from '../../src/events/stock-change.js';
import type { Fresh, SwrResult } from '../../src/core/cache/types.js';
import type { StockLookup, StockResult } from '../../src/core/stock/types.js';
import type { ShopperLocation } from '../../src/core/geo/location.js';
import type { StockCapability } from '../../src/core/api/backend-client.js';
import type { AvailabilityQuery } from '../../src/core/api/types.js';
import { createAvailabilityBatcher } from '../../src/core/api/batcher.js';
import { createMemoryStorage } from '../../src/core/cache/memory-storage.js';
import { createSwr } from '../../src/core/cache/swr.js';
import { createStockService } from '../../src/core/stock/stock-service.js';
import {
  POSTAL_00100,
  availability,
  deferred,
  entry,
  fakeLocationService,
  fakeMyStoreService,
  fakeStockService,
  fixtureWithServices,
  fresh,
  makeStore,
  providersOf,
  stockResult,
  type FakeLocationService,
  type FakeMyStoreService,
  type FakeStockService,
  type Services,
} from '../helpers/fixture-with-services.js';

// ---- helpers ----

const root = (el: OmniStockChecker): ShadowRoot => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: OmniStockChecker, selector: string): T | null =>
  root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: OmniStockChecker, selector: string): T[] => [
  ...root(el).querySelectorAll<T>(selector),
];
const textOf = (node: Element | ShadowRoot | null | undefined): string =>
  (node?.textContent ?? '')
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const allText = (el: OmniStockChecker): string => textOf(root(el));
const isLoading = (el: OmniStockChecker): boolean => el.matches(':state(loading)');
// Booleans, not elements, in assertions: a failing comparison of elements hangs the runner.
const absent = (el: OmniStockChecker, selector: string): boolean => $(el, selector) === null;
const focusIsOn = (el: OmniStockChecker, selector: string): boolean =>
  $(el, selector) !== null && root(el).activeElement === $(el, selector);

async function settled(el: OmniStockChecker): Promise<void> {
  await el.updateComplete;
  await waitUntil(() => !isLoading(el), 'element stayed loading', { timeout: 3000 });
  await el.updateComplete;
}

const SKU = 'SKU-1';

function threeStores(sku = SKU): StockResult {
  return stockResult(
    sku,
    [
      entry(
        sku,
        makeStore({ id: 'westlands', name: 'Westlands', distanceKm: 2.1 }),
        'in_stock',
        12,
      ),
      entry(sku, makeStore({ id: 'karen', name: 'Karen', distanceKm: 8.4 }), 'low_stock', 2),
      entry(sku, makeStore({ id: 'cbd', name: 'CBD', distanceKm: 3 }), 'out_of_stock', 0),
    ],
    'in_stock',
  );
}

function nothingNearby(sku = SKU): StockResult {
  return stockResult(
    sku,
    [
      entry(sku, makeStore({ name: 'Westlands' }), 'out_of_stock'),
      entry(sku, makeStore({ name: 'CBD' })),
    ],
    'out_of_stock',
  );
}

const ZZ9: ShopperLocation = { kind: 'postal', postalCode: 'ZZ9', country: 'KE' };
const unknownPostal = (): OmniError =>
  new OmniError('http', 'x', { status: 404, code: 'unknown_postal_code' });
const postalOf = (query: StockLookup): string | undefined =>
  query.location?.kind === 'postal' ? query.location.postalCode : undefined;

/** Types `code` into the postal form (opening it first) and submits it. */
async function submitPostal(el: OmniStockChecker, code: string): Promise<void> {
  if (!$(el, '#postal-code')) {
    $<HTMLButtonElement>(el, '[part~="change-button"]')!.click();
    await el.updateComplete;
  }
  $<HTMLInputElement>(el, '#postal-code')!.value = code;
  $<HTMLFormElement>(el, '[part~="postal-form"]')!.requestSubmit();
  await el.updateComplete;
}

/** Focuses a control as a keyboard user reaches it, then activates it (Enter/Space click it). */
function press(el: OmniStockChecker, selector: string): void {
  const control = $(el, selector)!;
  control.focus();
  expect(root(el).activeElement === control, `focus on ${selector}`).to.equal(true);
  control.click();
}

async function focusLandsOn(el: OmniStockChecker, selector: string): Promise<void> {
  // Focus moves after the next render and frame: given time on a loaded machine.
  await waitUntil(() => focusIsOn(el, selector), `focus is not on ${selector}`, {
    timeout: 5000,
  });
}

interface Setup {
  el: OmniStockChecker;
  stock: FakeStockService;
  location: FakeLocationService;
  myStore: FakeMyStoreService;
}

const KAREN = makeStore({ id: 'karen', name: 'Karen', distanceKm: 8.4 });

async function setup(
  template: unknown = html`<omni-stock-checker sku=${SKU}></omni-stock-checker>`,
  options: {
    answers?: FakeStockService['answers'];
    location?: FakeLocationService;
    myStore?: FakeMyStoreService;
    config?: Services['config'];
    wait?: boolean;
  } = {},
): Promise<Setup> {
  const stock = fakeStockService(options.answers ?? { [SKU]: fresh(threeStores()) });
  const location = options.location ?? fakeLocationService({ location: POSTAL_00100 });
  const myStore = options.myStore ?? fakeMyStoreService();
  const el = await fixtureWithServices<OmniStockChecker>(template, {
    stock,
    location,
    myStore,
    // Kilometres unless a test says otherwise (the test browser's en-US would pick miles).
    config: { units: 'km', ...options.config },
  });
  if (options.wait !== false) await settled(el);
  return { el, stock, location, myStore };
}

/**
 * The real stock service (stale-while-revalidate over a memory cache, the batcher) in front of a
 * backend that can go down: what a page has, minus HTTP.
 */
async function setupWithBackend(
  template: unknown = html`<omni-stock-checker sku=${SKU}></omni-stock-checker>`,
): Promise<{ el: OmniStockChecker; backend: { down: boolean; calls: number } }> {
  const state = { down: false, calls: 0 };
  const stores = [
    makeStore({ id: 'westlands', name: 'Westlands', distanceKm: 2.1 }),
    makeStore({ id: 'karen', name: 'Karen', distanceKm: 8.4 }),
  ];
  const down = () => Promise.reject(new OmniError('network', 'down'));
  const backend: StockCapability = {
    findStores: () => (state.down ? down() : Promise.resolve(stores)),
    getAvailability(query: AvailabilityQuery) {
      state.calls++;
      if (state.down) return down();
      return Promise.resolve(
        query.skus.flatMap((sku) =>
          query.storeIds?.length
            ? query.storeIds.map((id) => availability(sku, 'in_stock', 4, id))
            : [availability(sku, 'in_stock')],
        ),
      );
    },
    notifyBackInStock: () => Promise.resolve(),
  };
  const stock = createStockService({
    backend,
    swr: createSwr(createMemoryStorage().cache),
    availability: createAvailabilityBatcher(backend),
  });
  const el = await fixtureWithServices<OmniStockChecker>(template, {
    stock,
    location: fakeLocationService({ location: POSTAL_00100 }),
    myStore: fakeMyStoreService(),
    config: { units: 'km' },
  });
  await settled(el);
  return { el, backend: state };
}

/** Runs `body` once per locale, restoring English afterwards. */
function inBothLocales(title: string, body: () => Promise<void>): void {
  for (const locale of ['en', 'ar'] as const) {
    it(`${title} (${locale})`, async () => {
      await setOmniLocale(locale);
      try {
        await body();
      } finally {
        await setOmniLocale('en');
      }
    });
  }
}

afterEach(async () => {
  await setOmniLocale('en');
});

describe('<omni-stock-checker>', () => {
  describe('accessibility', () => {
    inBothLocales('is accessible while loading', async () => {
      const d = deferred<never>();
      const { el } = await setup(undefined, { answers: { [SKU]: () => d.promise }, wait: false });
      expect(isLoading(el)).to.equal(true);
      // Three stores' placeholders (the others come behind "Show more"), never more than the limit.
      expect($$(el, '.item--skeleton')).to.have.length(Math.min(3, DEFAULT_CONFIG.storeLimit));
      await expect(el).to.be.accessible();
    });

    inBothLocales('is accessible with full results', async () => {
      const { el } = await setup(undefined, {
        myStore: fakeMyStoreService(KAREN),
      });
      expect($$(el, '[part~="item"]')).to.have.length(3);
      await expect(el).to.be.accessible();
    });

    inBothLocales('is accessible as a badge', async () => {
      const { el } = await setup(
        html`<omni-stock-checker sku=${SKU} variant="badge"></omni-stock-checker>`,
      );
      expect(textOf($(el, '[part~="badge"]'))).to.not.equal('');
      await expect(el).to.be.accessible();
    });

    inBothLocales('is accessible when no store is within the radius', async () => {
      const { el } = await setup(undefined, {
        answers: { [SKU]: fresh(stockResult(SKU, [], 'in_stock')) },
      });
      expect(el.matches(':state(empty)')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    inBothLocales('is accessible with an error', async () => {
      const { el } = await setup(undefined, {
        answers: { [SKU]: () => Promise.reject(new OmniError('network', 'offline')) },
      });
      expect($(el, '[role="alert"]')).to.exist;
      await expect(el).to.be.accessible();
    });

    inBothLocales('is accessible with stale data', async () => {
      const { el } = await setup(undefined, {
        answers: {
          [SKU]: fresh(threeStores(), { stale: true, updatedAt: Date.now() - 12 * 60_000 }),
        },
      });
      expect($(el, '[part~="stale"]')).to.exist;
      await expect(el).to.be.accessible();
    });

    inBothLocales('is accessible without a location', async () => {
      const { el } = await setup(undefined, {
        location: fakeLocationService(),
        answers: { [SKU]: fresh(stockResult(SKU, [], 'in_stock')) },
      });
      expect($(el, '#postal-code')).to.exist;
      await expect(el).to.be.accessible();
    });

    inBothLocales('is accessible with the back-in-stock form and its error', async () => {
      const { el } = await setup(undefined, { answers: { [SKU]: fresh(nothingNearby()) } });
      const form = $<HTMLFormElement>(el, '[part~="notify-form"]')!;
      expect(form).to.exist;
      await expect(el).to.be.accessible();
      form.requestSubmit();
      await el.updateComplete;
      expect($(el, '#notify-error')).to.exist;
      await expect(el).to.be.accessible();
    });

    inBothLocales('is accessible with the back-in-stock confirmation', async () => {
      const { el } = await setup(undefined, { answers: { [SKU]: fresh(nothingNearby()) } });
      $<HTMLInputElement>(el, '#notify-email')!.value = 'ada@example.com';
      $<HTMLFormElement>(el, '[part~="notify-form"]')!.requestSubmit();
      await waitUntil(() => textOf($(el, '[part~="confirmation"]')) !== '');
      await expect(el).to.be.accessible();
    });

    inBothLocales('is accessible with an unknown postal code in the form', async () => {
      const { el } = await setup(undefined, {
        answers: {
          [SKU]: (query) =>
            postalOf(query) === 'ZZ9'
              ? Promise.reject(unknownPostal())
              : Promise.resolve(fresh(threeStores())),
        },
      });
      await submitPostal(el, 'ZZ9');
      await waitUntil(() => $(el, '#location-error'));
      expect($(el, '[part~="cancel-button"]')).to.exist;
      await expect(el).to.be.accessible();
    });

    inBothLocales('is accessible after choosing my store', async () => {
      const { el } = await setup();
      press(el, '[part~="my-store-button"]');
      await focusLandsOn(el, '[part~="my-store"]');
      await expect(el).to.be.accessible();
    });

    describe('focus', () => {
      it('moves into the form on Change location, and back to the button on Cancel', async () => {
        const { el } = await setup();
        press(el, '[part~="change-button"]');
        await focusLandsOn(el, '#postal-code');
        press(el, '[part~="cancel-button"]');
        await focusLandsOn(el, '[part~="change-button"]');
      });

      it('moves to Change location once Find stores has set the location', async () => {
        const { el } = await setup();
        press(el, '[part~="change-button"]');
        await focusLandsOn(el, '#postal-code');
        $<HTMLInputElement>(el, '#postal-code')!.value = '00200';
        // Enter in the focused input submits the form.
        $<HTMLFormElement>(el, '[part~="postal-form"]')!.requestSubmit();
        await focusLandsOn(el, '[part~="change-button"]');
        expect(textOf($(el, '[part~="location"]'))).to.include('Near 00200');
      });

      it('moves to the summary on Try again', async () => {
        let fail = true;
        const { el } = await setup(undefined, {
          answers: {
            [SKU]: () =>
              fail
                ? Promise.reject(new OmniError('network', 'offline'))
                : Promise.resolve(fresh(threeStores())),
          },
        });
        fail = false;
        press(el, '[part~="retry-button"]');
        await focusLandsOn(el, '[part~="summary"]');
        await settled(el);
        expect(focusIsOn(el, '[part~="summary"]'), 'focus on the summary').to.equal(true);
        expect(textOf($(el, '[part~="summary"]'))).to.equal('2 stores near 00100 have this item.');
      });

      it('moves to the "My store" tag and announces the choice politely', async () => {
        const { el } = await setup();
        const karen = $$(el, '[part~="item"]')[1]!;
        const button = karen.querySelector<HTMLButtonElement>('[part~="my-store-button"]')!;
        button.focus();
        button.click();
        await focusLandsOn(el, '[part~="my-store-item"] [part~="my-store"]');
        // The shopper's store is listed first.
        expect(textOf($$(el, '[part~="item"]')[0]!.querySelector('[part~="store-name"]'))).to.equal(
          'Karen',
        );
        const live = $$(el, '[role="status"]').map(textOf);
        expect(live).to.include('Karen is now your store.');
        await setOmniLocale('ar');
        await el.updateComplete;
        expect($$(el, '[role="status"]').map(textOf)).to.include('أصبح Karen متجرك.');
      });

      it('moves to the confirmation once the email is sent', async () => {
        const { el } = await setup(undefined, { answers: { [SKU]: fresh(nothingNearby()) } });
        const input = $<HTMLInputElement>(el, '#notify-email')!;
        input.focus();
        input.value = 'ada@example.com';
        $<HTMLFormElement>(el, '[part~="notify-form"]')!.requestSubmit();
        await focusLandsOn(el, '[part~="confirmation"]');
        expect(textOf($(el, '[part~="confirmation"]'))).to.include('Thanks!');
      });

      it('never takes focus from the rest of the page', async () => {
        const { el, stock } = await setup(undefined, {
          answers: { [SKU]: fresh(nothingNearby()) },
        });
        const outside = document.createElement('input');
        outside.setAttribute('aria-label', 'Search');
        document.body.append(outside);
        try {
          // Activated without focus inside (a script, a pointer on Safari): focus stays put.
          outside.focus();
          $<HTMLButtonElement>(el, '[part~="change-button"]')!.click();
          await el.updateComplete;
          await aTimeout(10);
          expect($(el, '#postal-code')).to.exist;
          expect(document.activeElement === outside, 'focus outside').to.equal(true);
          // The shopper leaves while the email is being sent: focus stays where they went.
          const sending = deferred<void>();
          stock.notifyImpl = () => sending.promise;
          const email = $<HTMLInputElement>(el, '#notify-email')!;
          email.focus();
          email.value = 'ada@example.com';
          $<HTMLFormElement>(el, '[part~="notify-form"]')!.requestSubmit();
          outside.focus();
          sending.resolve();
          await waitUntil(() => textOf($(el, '[part~="confirmation"]')) !== '');
          await el.updateComplete;
          await aTimeout(10);
          expect(document.activeElement === outside, 'focus outside').to.equal(true);
        } finally {
          outside.remove();
        }
      });
    });
  });

  describe('properties', () => {
    it('defaults to the full variant with radius and limit from the config', async () => {
      const { el, stock } = await setup(undefined, { config: { radiusKm: 25, storeLimit: 3 } });
      expect(el.variant).to.equal('full');
      expect(stock.lookups[0]!.query).to.include({ sku: SKU, radiusKm: 25, limit: 3 });
      expect(stock.lookups[0]!.query.location).to.deep.equal(POSTAL_00100);
    });

    it('takes radius-km and limit from attributes', async () => {
      const { stock } = await setup(
        html`<omni-stock-checker sku=${SKU} radius-km="12.5" limit="2"></omni-stock-checker>`,
      );
      expect(stock.lookups.at(-1)!.query).to.include({ radiusKm: 12.5, limit: 2 });
    });

    it('passes the task signal to lookup', async () => {
      const { stock } = await setup();
      expect(stock.lookups[0]!.signal).to.be.instanceOf(AbortSignal);
    });

    it('refetches when the sku attribute or property changes', async () => {
      const { el, stock } = await setup(undefined, {
        answers: {
          [SKU]: fresh(threeStores()),
          B: fresh(stockResult('B', [entry('B', makeStore({ name: 'Bravo' }), 'in_stock')])),
          C: fresh(stockResult('C', [entry('C', makeStore({ name: 'Charlie' }), 'in_stock')])),
        },
      });
      el.setAttribute('sku', 'B');
      await waitUntil(() => allText(el).includes('Bravo'));
      el.sku = 'C';
      await waitUntil(() => allText(el).includes('Charlie'));
      expect(stock.lookups.map((l) => l.query.sku)).to.deep.equal([SKU, 'B', 'C']);
      expect(allText(el)).to.not.include('Bravo');
    });

    it('never shows a slow answer for an earlier sku', async () => {
      const slow = deferred<Fresh<StockResult>>();
      const { el, stock } = await setup(undefined, {
        answers: {
          [SKU]: () => slow.promise,
          B: fresh(stockResult('B', [entry('B', makeStore({ name: 'Bravo' }), 'in_stock')])),
        },
        wait: false,
      });
      el.sku = 'B';
      await waitUntil(() => allText(el).includes('Bravo'));
      expect(stock.lookups[0]!.signal!.aborted).to.equal(true);
      slow.resolve(fresh(stockResult(SKU, [entry(SKU, makeStore({ name: 'Alpha' }), 'in_stock')])));
      await aTimeout(20);
      await el.updateComplete;
      expect(allText(el)).to.include('Bravo');
      expect(allText(el)).to.not.include('Alpha');
    });

    it('refetches when the shopper location changes', async () => {
      const { el, stock, location } = await setup();
      location.change({ location: { kind: 'postal', postalCode: '00200', country: 'KE' } });
      await waitUntil(() => stock.lookups.length === 2);
      await settled(el);
      expect(stock.lookups[1]!.query.location).to.deep.include({ postalCode: '00200' });
      expect(textOf($(el, '[part~="location"]'))).to.include('00200');
    });

    it('unsubscribes from the location service when disconnected', async () => {
      const { el, location } = await setup();
      expect(location.listenerCount()).to.equal(1);
      el.remove();
      expect(location.listenerCount()).to.equal(0);
    });

    it('re-subscribes when the location service is replaced', async () => {
      const { el, location, stock } = await setup();
      const next = fakeLocationService({
        location: { kind: 'postal', postalCode: '00300', country: 'KE' },
      });
      providersOf(el).location.setValue(next);
      await waitUntil(() => stock.lookups.length === 2);
      await settled(el);
      expect(location.listenerCount()).to.equal(0);
      expect(next.listenerCount()).to.equal(1);
      expect(textOf($(el, '[part~="location"]'))).to.include('00300');
      next.change({ location: { kind: 'postal', postalCode: '00400', country: 'KE' } });
      await waitUntil(() => stock.lookups.length === 3);
    });

    it('renders nothing and fetches nothing without a sku', async () => {
      const { el, stock } = await setup(html`<omni-stock-checker></omni-stock-checker>`, {
        wait: false,
      });
      await aTimeout(10);
      expect(stock.lookups).to.have.length(0);
      expect($(el, '[part~="base"]')).to.equal(null);
    });

    it('shows a harmless loading placeholder until services arrive', async () => {
      const el = await fixtureWithServices<OmniStockChecker>(
        html`<omni-stock-checker sku=${SKU}></omni-stock-checker>`,
        {},
      );
      expect(isLoading(el)).to.equal(true);
      expect($(el, '[part~="skeleton"]')).to.exist;
      const stock = fakeStockService({ [SKU]: fresh(threeStores()) });
      providersOf(el).stock.setValue(stock);
      providersOf(el).location.setValue(fakeLocationService({ location: POSTAL_00100 }));
      await settled(el);
      expect($$(el, '[part~="item"]')).to.have.length(3);
    });

    it('asks for the stores while it connects when the location is known already', async () => {
      const el = document.createElement('omni-stock-checker');
      el.sku = SKU;
      el.variant = 'badge';
      const stock = fakeStockService({ [SKU]: fresh(threeStores()) });
      const prefetched: unknown[][] = [];
      stock.prefetchStores = (...args) => void prefetched.push(args);
      el.stock = stock;
      // Nothing remembered to wait for (a first visit): the service says so without waiting.
      el.location = Object.assign(fakeLocationService({ location: POSTAL_00100 }), {
        loaded: true,
      });
      document.body.append(el);
      try {
        // In the same task, before the other widgets of the page have even upgraded.
        expect(prefetched).to.deep.equal([[POSTAL_00100, 50, 5]]);
        await settled(el);
      } finally {
        el.remove();
      }
    });

    it('asks for the stores once the remembered location is loaded', async () => {
      const remembered = deferred<void>();
      const el = document.createElement('omni-stock-checker');
      el.sku = SKU;
      el.variant = 'badge';
      const stock = fakeStockService({ [SKU]: fresh(threeStores()) });
      const prefetched: unknown[][] = [];
      stock.prefetchStores = (...args) => void prefetched.push(args);
      el.stock = stock;
      el.location = fakeLocationService({ location: POSTAL_00100, ready: remembered.promise });
      document.body.append(el);
      try {
        await aTimeout(10);
        expect(prefetched).to.have.length(0);
        expect(stock.lookups).to.have.length(0);
        remembered.resolve();
        await settled(el);
        expect(prefetched).to.deep.equal([[POSTAL_00100, 50, 5]]);
      } finally {
        el.remove();
      }
    });

    it('works with services set as properties, without a provider', async () => {
      const el = document.createElement('omni-stock-checker');
      el.sku = SKU;
      el.stock = fakeStockService({ [SKU]: fresh(threeStores()) });
      el.location = fakeLocationService({ location: POSTAL_00100 });
      document.body.append(el);
      try {
        await settled(el);
        expect($$(el, '[part~="item"]')).to.have.length(3);
      } finally {
        el.remove();
      }
    });
  });

  describe('rendering states', () => {
    it('reserves the final space while loading', async () => {
      const d = deferred<Fresh<StockResult>>();
      const { el } = await setup(
        html`<omni-stock-checker sku=${SKU} limit="3"></omni-stock-checker>`,
        {
          answers: { [SKU]: () => d.promise },
          wait: false,
        },
      );
      providersOf(el).host.style.inlineSize = '640px';
      await el.updateComplete;
      expect(isLoading(el)).to.equal(true);
      const loadingHeight = el.getBoundingClientRect().height;
      d.resolve(fresh(threeStores()));
      await settled(el);
      const loadedHeight = el.getBoundingClientRect().height;
      expect(loadingHeight).to.be.greaterThan(200);
      expect(Math.abs(loadingHeight - loadedHeight)).to.be.at.most(3);
    });

    it("pauses a placeholder's pulse while the widget is off screen", async () => {
      const d = deferred<Fresh<StockResult>>();
      const { el } = await setup(
        html`<omni-stock-checker sku=${SKU} variant="badge"></omni-stock-checker>`,
        { answers: { [SKU]: () => d.promise }, wait: false },
      );
      const pulse = () =>
        getComputedStyle($(el, '[part~="skeleton"]')!, '::before').animationPlayState;
      await el.updateComplete;
      await waitUntil(() => pulse() === 'running', 'pulses on screen');
      // Pushed out of view, as the badges further down a listing are.
      el.style.marginBlockStart = '300vh';
      await waitUntil(() => pulse() === 'paused', 'still pulses off screen');
      el.scrollIntoView();
      await waitUntil(() => pulse() === 'running', 'does not pulse again on screen');
      el.style.marginBlockStart = '';
      d.resolve(fresh(threeStores()));
      await settled(el);
      expect($(el, '[part~="base"]')!.style.getPropertyValue('--_omni-pulse')).to.equal('');
    });

    it('reserves the same two lines for a badge, loading or loaded, in a narrow tile', async () => {
      const long = 'Omnishelf Bergen Torgallmenningen Storsenter';
      const answers: FakeStockService['answers'] = {
        [SKU]: fresh(stockResult(SKU, [entry(SKU, makeStore({ name: long }), 'in_stock')])),
        SHORT: fresh(stockResult('SHORT', [entry('SHORT', makeStore({ name: 'X' }), 'in_stock')])),
      };
      for (const sku of [SKU, 'SHORT']) {
        const d = deferred<Fresh<StockResult>>();
        const { el } = await setup(
          html`<omni-stock-checker sku=${sku} variant="badge"></omni-stock-checker>`,
          { answers: { [sku]: () => d.promise }, wait: false },
        );
        el.style.inlineSize = '160px';
        await el.updateComplete;
        const loadingHeight = el.getBoundingClientRect().height;
        d.resolve(answers[sku] as Fresh<StockResult>);
        await settled(el);
        const line = parseFloat(getComputedStyle(el).lineHeight);
        expect(loadingHeight, sku).to.be.closeTo(2 * line, 1);
        expect(el.getBoundingClientRect().height, sku).to.be.closeTo(loadingHeight, 1);
      }
    });

    inBothLocales('fits every online status into a badge in a narrow tile', async () => {
      const statuses = ['in_stock', 'low_stock', 'backorder', 'preorder', 'out_of_stock'] as const;
      const { el } = await setup(
        html`<omni-stock-checker sku=${statuses[0]} variant="badge"></omni-stock-checker>`,
        {
          location: fakeLocationService(),
          answers: Object.fromEntries(
            statuses.map((status) => [status, fresh(stockResult(status, [], status))]),
          ),
          wait: false,
        },
      );
      el.style.inlineSize = '160px';
      for (const status of statuses) {
        el.sku = status;
        await settled(el);
        const badge = $(el, '[part~="badge"]')!;
        expect(badge.className, status).to.include(`status--${status}`);
        expect(badge.scrollWidth, status).to.be.at.most(badge.clientWidth);
        expect(badge.scrollHeight, status).to.be.at.most(badge.clientHeight + 1);
      }
    });

    it('is a block by default, and the page can override its display', async () => {
      const { el } = await setup(
        html`<omni-stock-checker sku=${SKU} variant="badge"></omni-stock-checker>`,
      );
      expect(getComputedStyle(el).display).to.equal('block');
      const style = document.createElement('style');
      style.textContent =
        'p > omni-stock-checker { display: inline-block; --omni-stock-checker-badge-lines: 1 }';
      document.head.append(style);
      try {
        const p = document.createElement('p');
        p.append('Availability: ');
        el.before(p);
        p.append(el);
        await el.updateComplete;
        expect(getComputedStyle(el).display).to.equal('inline-block');
        const line = parseFloat(getComputedStyle(el).lineHeight);
        expect(p.getBoundingClientRect().height).to.be.closeTo(line, 2);
        expect(el.getBoundingClientRect().top).to.be.closeTo(p.getBoundingClientRect().top, 2);
      } finally {
        style.remove();
      }
    });

    it('lists stores in the service order with status, distance, hours, address and links', async () => {
      const { el } = await setup();
      const items = $$(el, '[part~="item"]');
      expect(items.map((i) => textOf(i.querySelector('[part~="store-name"]')))).to.deep.equal([
        'Westlands',
        'Karen',
        'CBD',
      ]);
      expect(textOf(items[0]!.querySelector('[part~="status"]'))).to.include('In stock');
      expect(textOf(items[1]!.querySelector('[part~="status"]'))).to.include('Low stock');
      expect(textOf(items[0]!.querySelector('[part~="distance"]'))).to.equal('2.1 km');
      expect(textOf(items[0]!.querySelector('[part~="hours"]'))).to.equal('Open 24 hours');
      expect(textOf(items[0]!.querySelector('[part~="address"]'))).to.include(
        'Main Street, Nairobi',
      );
      const tel = items[0]!.querySelector<HTMLAnchorElement>('[part~="phone-link"]')!;
      expect(tel.getAttribute('href')).to.equal('tel:+254700000000');
      const directions = items[0]!.querySelector<HTMLAnchorElement>('[part~="directions-link"]')!;
      expect(directions.target).to.equal('_blank');
      expect(directions.rel).to.include('noopener');
      expect(directions.href).to.include('google.com/maps');
      expect(textOf($(el, '[part~="online"]'))).to.include('Online: In stock');
      expect(textOf($(el, '[part~="summary"]'))).to.equal('2 stores near 00100 have this item.');
      expect($(el, '[part~="summary"]')!.getAttribute('role')).to.equal('status');
    });

    it('shows store hours as the store-local opening state', async () => {
      // Wednesday 2026-01-07 10:00 UTC = 13:00 in Nairobi.
      const clock = sinon.useFakeTimers({
        now: Date.parse('2026-01-07T10:00:00Z'),
        toFake: ['Date'],
      });
      try {
        const sku = 'HOURS';
        const week = (open: string, close: string) =>
          ([0, 1, 2, 3, 4, 5, 6] as const).map((day) => ({ day, open, close }));
        const stores = [
          makeStore({ name: 'Nairobi', timezone: 'Africa/Nairobi', hours: week('09:00', '21:00') }),
          makeStore({ name: 'London', timezone: 'UTC', hours: week('12:00', '18:00') }),
          makeStore({
            name: 'Shut',
            timezone: 'UTC',
            hours: week('09:00', '17:00'),
            closures: ['2026-01-07'],
          }),
          makeStore({ name: 'Unknown', hours: [] }),
        ];
        const { el } = await setup(html`<omni-stock-checker sku=${sku}></omni-stock-checker>`, {
          answers: {
            [sku]: fresh(
              stockResult(
                sku,
                stores.map((s) => entry(sku, s, 'in_stock')),
              ),
            ),
          },
        });
        // Three at first; the fourth behind "Show 1 more store".
        press(el, '[part~="more-button"]');
        await el.updateComplete;
        expect($$(el, '[part~="hours"]').map(textOf)).to.deep.equal([
          'Open now · closes at 9:00 PM',
          'Closed · opens at 12:00 PM',
          'Closed · opens tomorrow at 9:00 AM',
          'Opening hours not listed',
        ]);
      } finally {
        clock.restore();
      }
    });

    it('labels out-of-stock stores, including stores with no record', async () => {
      const { el } = await setup(undefined, { answers: { [SKU]: fresh(nothingNearby()) } });
      const statuses = $$(el, '[part~="item"] [part~="status"]').map(textOf);
      expect(statuses).to.deep.equal(['Out of stock', 'Out of stock']);
    });

    it('renders HTML in a store name as literal text', async () => {
      const sku = 'XSS';
      const evil = '<img src=x onerror="window.__pwned=1"><b>Bold</b>';
      const { el } = await setup(html`<omni-stock-checker sku=${sku}></omni-stock-checker>`, {
        answers: {
          [sku]: fresh(stockResult(sku, [entry(sku, makeStore({ name: evil }), 'in_stock')])),
        },
      });
      expect(textOf($(el, '[part~="store-name"]'))).to.equal(evil);
      expect($(el, '[part~="store-name"] img, [part~="store-name"] b')).to.equal(null);
    });

    for (const [display, expected] of [
      ['exact', ['12 in stock', '2 in stock']],
      ['threshold', [null, 'Only 2 left']],
      ['status', [null, null]],
    ] as const) {
      it(`shows quantities per the ${display} policy`, async () => {
        const { el } = await setup(undefined, {
          config: { stockDisplay: display, lowStockThreshold: 5 },
        });
        const items = $$(el, '[part~="item"]');
        for (const [index, text] of expected.entries()) {
          const status = textOf(items[index]!.querySelector('[part~="status"]'));
          if (text) expect(status).to.include(text);
          else expect(status).to.not.match(/in stock ·|left|\d/);
        }
      });
    }

    it('lists my store first and marks it, the others keeping their order', async () => {
      const { el } = await setup(undefined, {
        myStore: fakeMyStoreService(KAREN),
      });
      const items = $$(el, '[part~="item"]');
      expect(items.map((item) => textOf(item.querySelector('[part~="store-name"]')))).to.deep.equal(
        ['Karen', 'Westlands', 'CBD'],
      );
      expect(textOf(items[0]!.querySelector('[part~="my-store"]'))).to.equal('My store');
      expect(items[0]!.querySelector('[part~="my-store-button"]')).to.equal(null);
      expect(items[0]!.matches('[part~="my-store-item"]')).to.equal(true);
      expect(items[1]!.querySelector('[part~="my-store"]')).to.equal(null);
    });

    it('lets the shopper forget their store', async () => {
      const { el, myStore } = await setup(undefined, { myStore: fakeMyStoreService(KAREN) });
      press(el, '[part~="forget-store-button"]');
      await el.updateComplete;
      expect(myStore.clearCalls).to.equal(1);
      expect(absent(el, '[part~="my-store"]'), 'my-store tag').to.equal(true);
      // Focus stays on the store's row: its "Set as my store" button.
      await focusLandsOn(el, '[data-store-id="karen"] [part~="my-store-button"]');
    });

    it("follows a store chosen elsewhere (another widget or tab) and asks for it when it isn't listed", async () => {
      const { el, myStore, stock } = await setup();
      // Karen, listed already, needs no new lookup: only the mark and the order change.
      const before = stock.lookups.length;
      myStore.change(KAREN);
      await el.updateComplete;
      expect(stock.lookups.length).to.equal(before);
      expect(textOf($(el, '[part~="my-store-item"] [part~="store-name"]'))).to.equal('Karen');
      const far = makeStore({ id: 'far', name: 'Far Away', distanceKm: 80 });
      myStore.change(far);
      await waitUntil(() => stock.lookups.some((l) => l.query.myStore?.id === 'far'));
    });

    describe('badge', () => {
      const badge = (sku = SKU) =>
        html`<omni-stock-checker sku=${sku} variant="badge"></omni-stock-checker>`;

      it('names the closest store that has the item', async () => {
        const { el } = await setup(badge());
        expect(textOf($(el, '[part~="badge"]'))).to.equal('In stock at Westlands (2.1 km)');
      });

      it('says low stock', async () => {
        const sku = 'LOW';
        const { el } = await setup(badge(sku), {
          answers: {
            [sku]: fresh(
              stockResult(sku, [
                entry(sku, makeStore({ name: 'Westlands', distanceKm: 2.1 }), 'low_stock', 1),
              ]),
            ),
          },
        });
        expect(textOf($(el, '[part~="badge"]'))).to.equal('Low stock at Westlands (2.1 km)');
      });

      it('says not in stock nearby', async () => {
        const { el } = await setup(badge(), { answers: { [SKU]: fresh(nothingNearby()) } });
        expect(textOf($(el, '[part~="badge"]'))).to.equal('Not in stock nearby');
      });

      it('shows the online status without a location', async () => {
        const { el, stock } = await setup(badge(), {
          location: fakeLocationService(),
          answers: {
            [SKU]: fresh(stockResult(SKU, [], 'in_stock')),
            B: fresh(stockResult('B', [], 'out_of_stock')),
          },
        });
        expect(stock.lookups[0]!.query.location).to.equal(undefined);
        expect(textOf($(el, '[part~="badge"]'))).to.equal('In stock online');
        el.sku = 'B';
        await waitUntil(() => textOf($(el, '[part~="badge"]')) === 'Out of stock online');
      });

      it('says low stock online', async () => {
        const { el } = await setup(badge(), {
          location: fakeLocationService(),
          answers: { [SKU]: fresh(stockResult(SKU, [], 'low_stock')) },
        });
        expect(textOf($(el, '[part~="badge"]'))).to.equal('Low stock online');
      });

      it('is never blank for an sku without any record', async () => {
        const { el } = await setup(badge(), {
          location: fakeLocationService(),
          answers: { [SKU]: fresh(stockResult(SKU, [])) },
        });
        expect(textOf($(el, '[part~="badge"]'))).to.equal('Out of stock online');
        const near = await setup(badge(), { answers: { [SKU]: fresh(stockResult(SKU, [])) } });
        expect(textOf($(near.el, '[part~="badge"]'))).to.equal('Not in stock nearby');
      });

      it('falls back to the online answer when the saved postal code is unknown', async () => {
        const { el, stock } = await setup(badge(), {
          location: fakeLocationService({ location: ZZ9 }),
          answers: {
            [SKU]: (query) =>
              query.location
                ? Promise.reject(unknownPostal())
                : Promise.resolve(fresh(stockResult(SKU, [], 'in_stock'))),
          },
        });
        expect(textOf($(el, '[part~="badge"]'))).to.equal('In stock online');
        expect(stock.lookups.map((l) => l.query.location)).to.deep.equal([ZZ9, undefined]);
        expect(stock.lookups[1]!.query.includeOnline).to.equal(true);
        expect(el.matches(':state(error)')).to.equal(false);
        expect(el.matches(':state(empty)')).to.equal(false);
      });

      it('has no forms or location controls', async () => {
        const { el } = await setup(badge(), { answers: { [SKU]: fresh(nothingNearby()) } });
        expect($$(el, 'form, input, button')).to.have.length(0);
      });
    });

    describe('stale while revalidate', () => {
      it('labels stale data with its age', async () => {
        const { el } = await setup(undefined, {
          answers: {
            [SKU]: fresh(threeStores(), { stale: true, updatedAt: Date.now() - 12 * 60_000 }),
          },
        });
        expect(textOf($(el, '[part~="stale"]'))).to.equal('Updated 12 minutes ago');
        expect(el.matches(':state(stale)')).to.equal(true);
      });

      it('swaps in the revalidated value', async () => {
        const revalidation = deferred<Fresh<StockResult>>();
        const { el } = await setup(undefined, {
          answers: {
            [SKU]: {
              ...fresh(threeStores(), { stale: true, updatedAt: Date.now() - 60 * 60_000 }),
              revalidation: revalidation.promise,
            },
          },
        });
        expect(allText(el)).to.include('Westlands');
        revalidation.resolve(
          fresh(stockResult(SKU, [entry(SKU, makeStore({ name: 'Gigiri' }), 'in_stock')])),
        );
        await waitUntil(() => allText(el).includes('Gigiri'));
        expect(allText(el)).to.not.include('Westlands');
        expect($(el, '[part~="stale"]')).to.equal(null);
        expect(el.matches(':state(stale)')).to.equal(false);
      });

      it('keeps the stale data, labelled, when revalidation fails', async () => {
        const revalidation = deferred<Fresh<StockResult>>();
        const { el } = await setup(undefined, {
          answers: {
            [SKU]: {
              ...fresh(threeStores(), { stale: true, updatedAt: Date.now() - 5 * 60_000 }),
              revalidation: revalidation.promise,
            },
          },
        });
        // While it is being refreshed, its age.
        expect(textOf($(el, '[part~="stale"]'))).to.equal('Updated 5 minutes ago');
        revalidation.reject(new OmniError('network', 'offline'));
        // Once the refresh failed, that it could not be updated.
        await waitUntil(
          () => textOf($(el, '[part~="stale"]')) === "Couldn't update. Last checked 5 minutes ago",
          `the label says "${textOf($(el, '[part~="stale"]'))}"`,
        );
        expect($$(el, '[part~="item"]')).to.have.length(3);
        expect(el.matches(':state(stale)')).to.equal(true);
        expect($(el, '[role="alert"]')).to.equal(null);
      });

      it('never says "Updated now" after a refresh that failed, and updates once it works again', async () => {
        const { el, backend } = await setupWithBackend();
        expect($$(el, '[part~="item"]')).to.have.length(2);
        expect(absent(el, '[part~="stale"]'), 'a fresh answer is not labelled').to.equal(true);
        // The backend goes down (500s, a dead network), then the page asks for a refresh.
        backend.down = true;
        await el.refresh();
        await waitUntil(
          () => textOf($(el, '[part~="stale"]')) === "Couldn't update just now",
          `the label says "${textOf($(el, '[part~="stale"]'))}"`,
        );
        expect(allText(el)).to.not.include('Updated');
        expect($$(el, '[part~="item"]')).to.have.length(2);
        expect(el.matches(':state(stale)')).to.equal(true);
        // Back online: asked again past the cache, and the label goes with the fresh answer.
        backend.down = false;
        const calls = backend.calls;
        backOnline();
        await waitUntil(
          () => backend.calls > calls && !isLoading(el) && absent(el, '[part~="stale"]'),
          'still labelled after recovery',
        );
        expect($$(el, '[part~="item"]')).to.have.length(2);
        expect(el.matches(':state(stale)')).to.equal(false);
      });

      it('keeps "(may have changed)" on a badge whose refresh failed, until one works', async () => {
        const { el, backend } = await setupWithBackend(
          html`<omni-stock-checker sku=${SKU} variant="badge"></omni-stock-checker>`,
        );
        expect(absent(el, '[part~="stale"]'), 'a fresh badge is not labelled').to.equal(true);
        backend.down = true;
        await el.refresh();
        await waitUntil(() => backend.calls >= 2, 'the refresh was not sent');
        await aTimeout(20);
        await el.updateComplete;
        expect(textOf($(el, '[part~="stale"]'))).to.equal('(may have changed)');
        backend.down = false;
        // Back on the tab: asked again.
        const calls = backend.calls;
        backOnTab();
        await waitUntil(
          () => backend.calls > calls && !isLoading(el) && absent(el, '[part~="stale"]'),
          'still "may have changed"',
        );
        expect(textOf($(el, '[part~="badge"]'))).to.match(/^In stock at Westlands/);
      });

      it('ignores a revalidation for an earlier sku', async () => {
        const revalidation = deferred<Fresh<StockResult>>();
        const { el } = await setup(undefined, {
          answers: {
            [SKU]: { ...fresh(threeStores(), { stale: true }), revalidation: revalidation.promise },
            B: fresh(stockResult('B', [entry('B', makeStore({ name: 'Bravo' }), 'in_stock')])),
          },
        });
        el.sku = 'B';
        await waitUntil(() => allText(el).includes('Bravo'));
        revalidation.resolve(
          fresh(stockResult(SKU, [entry(SKU, makeStore({ name: 'Alpha' }), 'in_stock')])),
        );
        await aTimeout(20);
        await el.updateComplete;
        expect(allText(el)).to.include('Bravo');
        expect(allText(el)).to.not.include('Alpha');
      });
    });

    describe('errors', () => {
      for (const [error, message] of [
        [
          new OmniError('network', 'x'),
          "Can't reach the shop right now. Check your connection and try again.",
        ],
        [
          new OmniError('timeout', 'x'),
          "Can't reach the shop right now. Check your connection and try again.",
        ],
        [
          new OmniError('invalid_response', 'x'),
          "Stock information isn't available right now. Please try again in a moment.",
        ],
        [
          new OmniError('http', 'x', { status: 500 }),
          "Stock information isn't available right now. Please try again in a moment.",
        ],
      ] as const) {
        it(`shows a localized message for ${error.kind}`, async () => {
          const { el } = await setup(undefined, {
            answers: { [SKU]: () => Promise.reject(error) },
          });
          expect(textOf($(el, '[part~="error"] [role="alert"]'))).to.equal(message);
          expect(allText(el)).to.not.include('x ');
        });
      }

      it('leaves no blank summary row above the error', async () => {
        const { el } = await setup(undefined, {
          answers: { [SKU]: () => Promise.reject(new OmniError('network', 'offline')) },
        });
        const summary = $(el, '[part~="summary"]')!;
        expect(summary.getAttribute('role')).to.equal('status');
        const line = parseFloat(getComputedStyle(el).lineHeight);
        const gap =
          $(el, '[role="alert"]')!.getBoundingClientRect().top -
          $(el, '[part~="location"]')!.getBoundingClientRect().bottom;
        expect(gap).to.be.below(line);
      });

      it('retries with the Retry button', async () => {
        let fail = true;
        const { el, stock } = await setup(undefined, {
          answers: {
            [SKU]: () =>
              fail
                ? Promise.reject(new OmniError('network', 'offline'))
                : Promise.resolve(fresh(threeStores())),
          },
        });
        expect(el.matches(':state(error)')).to.equal(true);
        fail = false;
        $<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
        await waitUntil(() => $$(el, '[part~="item"]').length === 3);
        expect(stock.lookups).to.have.length(2);
        expect(el.matches(':state(error)')).to.equal(false);
      });

      it('asks again by itself when the shopper comes back to the tab', async () => {
        let fail = true;
        const { el, stock } = await setup(undefined, {
          answers: {
            [SKU]: () =>
              fail
                ? Promise.reject(new OmniError('http', 'x', { status: 503 }))
                : Promise.resolve(fresh(threeStores())),
          },
        });
        expect(el.matches(':state(error)')).to.equal(true);
        // A healthy widget sends nothing when the tab is shown; a failed one asks again.
        fail = false;
        backOnTab();
        await waitUntil(() => $$(el, '[part~="item"]').length === 3, 'not asked again');
        expect(stock.lookups).to.have.length(2);
        backOnTab();
        backOnline();
        await aTimeout(20);
        expect(stock.lookups).to.have.length(2);
      });

      it('offers no "Try again" when the shop has not set up store stock', async () => {
        const { el } = await setup(undefined, {
          answers: { [SKU]: () => Promise.reject(new OmniError('unsupported', 'no stock')) },
        });
        expect(textOf($(el, '[part~="error"] [role="alert"]'))).to.equal(
          "This shop hasn't set up store stock yet.",
        );
        expect(absent(el, '[part~="retry-button"]'), '[part~="retry-button"]').to.equal(true);
      });

      it('never shows an aborted lookup as an error', async () => {
        const { el } = await setup(undefined, {
          answers: { [SKU]: () => Promise.reject(new OmniError('aborted', 'replaced')) },
          wait: false,
        });
        await aTimeout(20);
        await el.updateComplete;
        expect($(el, '[role="alert"]')).to.equal(null);
        expect(el.matches(':state(error)')).to.equal(false);
        expect(allText(el)).to.not.include('Try again');
      });

      it('says when the saved postal code is unknown, and Cancel closes the form', async () => {
        const message = "We couldn't find that postal code. Check it and try again.";
        const { el } = await setup(undefined, {
          location: fakeLocationService({ location: ZZ9 }),
          answers: { [SKU]: () => Promise.reject(unknownPostal()) },
        });
        expect(textOf($(el, '[role="alert"]'))).to.equal(message);
        expect($(el, '#postal-code')!.getAttribute('aria-invalid')).to.equal('true');
        $<HTMLButtonElement>(el, '[part~="cancel-button"]')!.click();
        await el.updateComplete;
        expect(absent(el, '#postal-code'), '#postal-code').to.equal(true);
        expect(textOf($(el, '[part~="location"]'))).to.include('Near ZZ9');
        expect(textOf($(el, '[role="alert"]'))).to.equal(message);
        // Asking again cannot help; "Change location" can.
        expect(absent(el, '[part~="retry-button"]'), '[part~="retry-button"]').to.equal(true);
        $<HTMLButtonElement>(el, '[part~="change-button"]')!.click();
        await el.updateComplete;
        expect(textOf($(el, '#location-error'))).to.equal(message);
      });
    });

    describe('location', () => {
      it('prompts for a location and asks for geolocation only when pressed', async () => {
        const { el, location } = await setup(undefined, {
          location: fakeLocationService(),
          answers: { [SKU]: fresh(stockResult(SKU, [], 'in_stock')) },
        });
        // One prompt, not two near-duplicates: the form's, with an empty summary line.
        expect(textOf($(el, '[part~="location-form"]'))).to.include(
          'Find this item in a store near you.',
        );
        expect(textOf($(el, '[part~="summary"]'))).to.equal('');
        expect(location.locateCalls).to.equal(0);
        $<HTMLButtonElement>(el, '[part~="locate-button"]')!.click();
        await waitUntil(() => textOf($(el, '[part~="location"]')).includes('Near your location'));
        expect(location.locateCalls).to.equal(1);
      });

      it('explains a denied geolocation', async () => {
        const location = fakeLocationService();
        location.locateImpl = () => Promise.reject(new GeolocationError('denied'));
        const { el } = await setup(undefined, {
          location,
          answers: { [SKU]: fresh(stockResult(SKU, [], 'in_stock')) },
        });
        $<HTMLButtonElement>(el, '[part~="locate-button"]')!.click();
        await waitUntil(() => $(el, '#location-error'));
        expect($(el, '#location-error')!.getAttribute('role')).to.equal('alert');
        expect(textOf($(el, '#location-error'))).to.include('Location access is turned off');
      });

      it('requires a postal code, trims it and sends the configured country', async () => {
        const { el, location } = await setup(undefined, {
          location: fakeLocationService(),
          config: { country: 'GB' },
          answers: { [SKU]: fresh(stockResult(SKU, [], 'in_stock')) },
        });
        const input = $<HTMLInputElement>(el, '#postal-code')!;
        expect(input.getAttribute('autocomplete')).to.equal('postal-code');
        expect(input.hasAttribute('pattern')).to.equal(false);
        expect(textOf(root(el).querySelector('label[for="postal-code"]'))).to.equal('Postal code');
        input.value = '   ';
        $<HTMLFormElement>(el, '[part~="postal-form"]')!.requestSubmit();
        await el.updateComplete;
        expect(textOf($(el, '#location-error'))).to.equal('Enter a postal code.');
        expect(input.getAttribute('aria-invalid')).to.equal('true');
        expect(location.setLocationCalls).to.have.length(0);
        input.value = '  SW1A 1AA ';
        $<HTMLFormElement>(el, '[part~="postal-form"]')!.requestSubmit();
        await waitUntil(() => location.setLocationCalls.length === 1);
        expect(location.setLocationCalls[0]).to.deep.equal({
          kind: 'postal',
          postalCode: 'SW1A 1AA',
          country: 'GB',
        });
        await waitUntil(() => textOf($(el, '[part~="location"]')).includes('Near SW1A 1AA'));
      });

      it('checks a postal code before saving it, and keeps the location when unknown', async () => {
        const check = deferred<never>();
        const { el, stock, location } = await setup(undefined, {
          answers: {
            [SKU]: (query) =>
              postalOf(query) === 'ZZ9' ? check.promise : Promise.resolve(fresh(threeStores())),
          },
        });
        await submitPostal(el, 'ZZ9');
        expect(stock.lookups).to.have.length(2);
        expect(stock.lookups[1]!.query.location).to.deep.equal({
          kind: 'postal',
          postalCode: 'ZZ9',
          country: DEFAULT_CONFIG.country,
        });
        expect(stock.lookups[1]!.signal).to.be.instanceOf(AbortSignal);
        const button = $(el, '[part~="postal-button"]')!;
        expect(button.getAttribute('aria-disabled')).to.equal('true');
        $<HTMLFormElement>(el, '[part~="postal-form"]')!.requestSubmit();
        await el.updateComplete;
        expect(stock.lookups).to.have.length(2);
        check.reject(unknownPostal());
        await waitUntil(() => $(el, '#location-error'));
        expect(textOf($(el, '#location-error'))).to.equal(
          "We couldn't find that postal code. Check it and try again.",
        );
        const input = $<HTMLInputElement>(el, '#postal-code')!;
        expect(input.getAttribute('aria-invalid')).to.equal('true');
        expect(input.getAttribute('aria-describedby')).to.equal('location-error');
        expect(button.getAttribute('aria-disabled')).to.equal('false');
        expect(location.setLocationCalls).to.have.length(0);
        expect(location.location).to.deep.equal(POSTAL_00100);
        expect($$(el, '[part~="item"]')).to.have.length(3);
        $<HTMLButtonElement>(el, '[part~="cancel-button"]')!.click();
        await el.updateComplete;
        expect(absent(el, '#postal-code'), '#postal-code').to.equal(true);
        expect(textOf($(el, '[part~="location"]'))).to.include('Near 00100');
        expect(textOf($(el, '[part~="summary"]'))).to.equal('2 stores near 00100 have this item.');
      });

      it('lets a newer location choice win over a postal code still being checked', async () => {
        const check = deferred<SwrResult<StockResult>>();
        const { el, location } = await setup(undefined, {
          answers: {
            [SKU]: (query) =>
              postalOf(query) === '00200' ? check.promise : Promise.resolve(fresh(threeStores())),
          },
        });
        await submitPostal(el, '00200');
        // "Use my location" here, or another widget, decides meanwhile.
        location.change({ location: { kind: 'coords', lat: -1.27, lng: 36.81 } });
        await el.updateComplete;
        check.resolve(fresh(threeStores()));
        await aTimeout(20);
        expect(location.setLocationCalls).to.have.length(0);
        expect(location.location?.kind).to.equal('coords');
        const button = $(el, '[part~="postal-button"]');
        expect(button === null || button.getAttribute('aria-disabled') === 'false').to.equal(true);
      });

      it('offers Cancel while a first postal code is checked, and does not save it', async () => {
        const check = deferred<SwrResult<StockResult>>();
        const { el, location } = await setup(undefined, {
          location: fakeLocationService(),
          answers: {
            [SKU]: (query) =>
              postalOf(query) ? check.promise : Promise.resolve(fresh(threeStores())),
          },
        });
        await submitPostal(el, '00200');
        await el.updateComplete;
        $<HTMLButtonElement>(el, '[part~="cancel-button"]')!.click();
        await el.updateComplete;
        expect($(el, '[part~="postal-button"]')!.getAttribute('aria-disabled')).to.equal('false');
        check.resolve(fresh(threeStores()));
        await aTimeout(20);
        expect(location.setLocationCalls).to.have.length(0);
      });

      it("limits the postal code to the contract's 16 characters", async () => {
        const { el } = await setup();
        $<HTMLButtonElement>(el, '[part~="change-button"]')!.click();
        await el.updateComplete;
        expect($<HTMLInputElement>(el, '#postal-code')!.maxLength).to.equal(16);
      });

      it('saves a known postal code once checked, asking what the list then asks', async () => {
        const gate = deferred<void>();
        const { el, stock, location } = await setup(undefined, {
          answers: {
            [SKU]: async (query) => {
              if (postalOf(query) === '00200') await gate.promise;
              return fresh(threeStores());
            },
          },
        });
        await submitPostal(el, '00200');
        await aTimeout(10);
        expect(location.setLocationCalls).to.have.length(0);
        gate.resolve();
        await waitUntil(() => stock.lookups.length === 3);
        await settled(el);
        expect(location.setLocationCalls).to.have.length(1);
        // The same question as the check: the real StockService answers it from its cache.
        expect(stock.lookups[2]!.query).to.deep.equal(stock.lookups[1]!.query);
        expect(textOf($(el, '[part~="location"]'))).to.include('Near 00200');
        expect(absent(el, '#postal-code'), '#postal-code').to.equal(true);
      });

      it('saves the postal code when the check fails otherwise, and offers a retry', async () => {
        const { el, stock, location } = await setup(undefined, {
          answers: {
            [SKU]: (query) =>
              postalOf(query) === '00200'
                ? Promise.reject(new OmniError('network', 'offline'))
                : Promise.resolve(fresh(threeStores())),
          },
        });
        await submitPostal(el, '00200');
        await waitUntil(() => $(el, '[part~="retry-button"]'));
        // The check, then the list's own lookup, which asks again.
        expect(stock.lookups.map((l) => postalOf(l.query))).to.deep.equal([
          '00100',
          '00200',
          '00200',
        ]);
        expect(location.setLocationCalls).to.deep.equal([
          { kind: 'postal', postalCode: '00200', country: DEFAULT_CONFIG.country },
        ]);
        expect(textOf($(el, '[part~="error"] [role="alert"]'))).to.equal(
          "Can't reach the shop right now. Check your connection and try again.",
        );
      });

      it('saves nothing when Cancel is pressed during the check', async () => {
        const check = deferred<Fresh<StockResult>>();
        const { el, stock, location } = await setup(undefined, {
          answers: {
            [SKU]: (query) =>
              postalOf(query) === '00200' ? check.promise : Promise.resolve(fresh(threeStores())),
          },
        });
        await submitPostal(el, '00200');
        $<HTMLButtonElement>(el, '[part~="cancel-button"]')!.click();
        await el.updateComplete;
        expect(stock.lookups[1]!.signal!.aborted).to.equal(true);
        check.resolve(fresh(threeStores()));
        await aTimeout(10);
        expect(location.setLocationCalls).to.have.length(0);
        expect(textOf($(el, '[part~="location"]'))).to.include('Near 00100');
        $<HTMLButtonElement>(el, '[part~="change-button"]')!.click();
        await el.updateComplete;
        expect($(el, '[part~="postal-button"]')!.getAttribute('aria-disabled')).to.equal('false');
      });

      it('lets the shopper change the location', async () => {
        const { el } = await setup();
        expect(textOf($(el, '[part~="location"]'))).to.include('Near 00100');
        $<HTMLButtonElement>(el, '[part~="change-button"]')!.click();
        await el.updateComplete;
        expect($(el, '#postal-code')).to.exist;
        $<HTMLButtonElement>(el, '[part~="cancel-button"]')!.click();
        await el.updateComplete;
        expect($(el, '#postal-code')).to.equal(null);
      });
    });

    describe('back in stock', () => {
      const submit = async (el: OmniStockChecker, email: string): Promise<void> => {
        $<HTMLInputElement>(el, '#notify-email')!.value = email;
        $<HTMLFormElement>(el, '[part~="notify-form"]')!.requestSubmit();
        await el.updateComplete;
      };

      it('is offered only when nothing nearby or online has the item', async () => {
        const { el } = await setup();
        expect($(el, '[part~="notify-form"]')).to.equal(null);
        const other = await setup(undefined, { answers: { [SKU]: fresh(nothingNearby()) } });
        const input = $<HTMLInputElement>(other.el, '#notify-email')!;
        expect(input.type).to.equal('email');
        expect(input.required).to.equal(true);
        expect(input.getAttribute('autocomplete')).to.equal('email');
      });

      it('validates the email before sending', async () => {
        const { el, stock } = await setup(undefined, {
          answers: { [SKU]: fresh(nothingNearby()) },
        });
        await submit(el, '');
        expect(textOf($(el, '#notify-error'))).to.equal('Enter your email address.');
        await submit(el, 'not-an-email');
        const input = $<HTMLInputElement>(el, '#notify-email')!;
        expect(textOf($(el, '#notify-error'))).to.include('Enter a valid email address');
        expect(input.getAttribute('aria-invalid')).to.equal('true');
        expect(input.getAttribute('aria-describedby')).to.equal('notify-error');
        expect(stock.notifications).to.have.length(0);
      });

      it('sends, disables while sending, and confirms', async () => {
        const { el, stock } = await setup(undefined, {
          answers: { [SKU]: fresh(nothingNearby()) },
        });
        const sending = deferred<void>();
        stock.notifyImpl = () => sending.promise;
        await submit(el, ' ada@example.com ');
        expect(stock.notifications).to.deep.equal([{ sku: SKU, email: 'ada@example.com' }]);
        expect($(el, '[part~="notify-button"]')!.getAttribute('aria-disabled')).to.equal('true');
        $<HTMLFormElement>(el, '[part~="notify-form"]')!.requestSubmit();
        expect(stock.notifications).to.have.length(1);
        sending.resolve();
        await waitUntil(() => textOf($(el, '[part~="confirmation"]')) !== '');
        expect($(el, '[part~="confirmation"]')!.getAttribute('role')).to.equal('status');
        expect(textOf($(el, '[part~="confirmation"]'))).to.equal(
          "Thanks! We'll email you when it's back.",
        );
      });

      it('explains invalid_email, and lets the shopper retry after other errors', async () => {
        const { el, stock } = await setup(undefined, {
          answers: { [SKU]: fresh(nothingNearby()) },
        });
        stock.notifyImpl = () =>
          Promise.reject(new OmniError('http', 'x', { status: 422, code: 'invalid_email' }));
        await submit(el, 'ada@example.com');
        await waitUntil(() => $(el, '#notify-error'));
        expect(textOf($(el, '#notify-error'))).to.equal(
          "That email address wasn't accepted. Check it and try again.",
        );
        expect($(el, '#notify-error')!.getAttribute('role')).to.equal('alert');
        stock.notifyImpl = () => Promise.reject(new OmniError('network', 'offline'));
        await submit(el, 'ada@example.com');
        await waitUntil(() => textOf($(el, '#notify-error')).startsWith("We couldn't sign you up"));
        stock.notifyImpl = () => Promise.resolve();
        await submit(el, 'ada@example.com');
        await waitUntil(() => textOf($(el, '[part~="confirmation"]')) !== '');
        expect(stock.notifications).to.have.length(3);
      });
    });

    it('shows an empty state when no store is within the radius', async () => {
      const { el } = await setup(undefined, {
        answers: { [SKU]: fresh(stockResult(SKU, [], 'out_of_stock')) },
      });
      expect(textOf($(el, '[part~="summary"]'))).to.equal('No stores within 50 km of 00100.');
      expect($(el, '[part~="list"]')).to.equal(null);
    });

    it('sets custom states', async () => {
      const d = deferred<Fresh<StockResult>>();
      const { el } = await setup(undefined, { answers: { [SKU]: () => d.promise }, wait: false });
      expect(el.matches(':state(loading)')).to.equal(true);
      d.resolve(fresh(stockResult(SKU, [])));
      await settled(el);
      expect(el.matches(':state(loading)')).to.equal(false);
      expect(el.matches(':state(empty)')).to.equal(true);
      expect(el.matches(':state(error)')).to.equal(false);
      expect(el.matches(':state(stale)')).to.equal(false);
    });

    it('renders right-to-left Arabic', async () => {
      await setOmniLocale('ar');
      const { el } = await setup();
      const base = $(el, '[part~="base"]')!;
      expect(base.getAttribute('dir')).to.equal('rtl');
      expect(base.getAttribute('lang')).to.equal('ar');
      expect(textOf($(el, '[part~="item"] [part~="status"]'))).to.include('متوفر');
      expect(textOf($(el, '[part~="my-store-button"]'))).to.include('اجعله متجري');
      expect(getComputedStyle(base).direction).to.equal('rtl');
    });

    it('keeps phone numbers and addresses left to right in Arabic', async () => {
      await setOmniLocale('ar');
      const sku = 'RTL';
      const store = makeStore({
        name: 'Omnishelf Nairobi CBD',
        phone: '+254 20 374 1200',
        address: {
          line1: '14 Kenyatta Avenue',
          city: 'Nairobi',
          postalCode: '00100',
          country: 'KE',
        },
      });
      const { el } = await setup(html`<omni-stock-checker sku=${sku}></omni-stock-checker>`, {
        answers: { [sku]: fresh(stockResult(sku, [entry(sku, store, 'in_stock')])) },
      });
      /** Left edge of `word` inside `host`'s text, as laid out. */
      const leftOf = (host: Element, word: string): number => {
        const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent!.indexOf(word);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + word.length);
          return range.getBoundingClientRect().left;
        }
        throw new Error(`${word} not found`);
      };
      const tel = $(el, '[part~="phone-link"]')!;
      expect(tel.textContent).to.equal('+254 20 374 1200');
      expect(leftOf(tel, '+254')).to.be.below(leftOf(tel, '1200'));
      const address = $(el, '[part~="address"]')!;
      expect(textOf(address)).to.equal('14 Kenyatta Avenue, Nairobi');
      expect(leftOf(address, '14')).to.be.below(leftOf(address, 'Kenyatta'));
      expect(leftOf(address, 'Kenyatta')).to.be.below(leftOf(address, 'Nairobi'));
    });

    it('switches language when the locale changes', async () => {
      const { el } = await setup();
      expect($(el, '[part~="base"]')!.getAttribute('dir')).to.equal('ltr');
      expect(textOf($(el, '[part~="location"]'))).to.include('Near 00100');
      await setOmniLocale('ar');
      await el.updateComplete;
      expect($(el, '[part~="base"]')!.getAttribute('dir')).to.equal('rtl');
      expect(textOf($(el, '[part~="location"]'))).to.include('بالقرب من 00100');
    });
  });

  describe('events', () => {
    it('dispatches omni-store-select when the shopper picks a store', async () => {
      const { el, myStore } = await setup();
      const button = $$<HTMLButtonElement>(el, '[part~="my-store-button"]')[0]!;
      setTimeout(() => button.click());
      const event = (await oneEvent(el, 'omni-store-select')) as OmniStoreSelectEvent;
      expect(event.store.id).to.equal('westlands');
      expect(event.bubbles && event.composed).to.equal(true);
      expect(myStore.setCalls.map((store) => store.id)).to.deep.equal(['westlands']);
      await el.updateComplete;
      expect(textOf($$(el, '[part~="item"]')[0]!.querySelector('[part~="my-store"]'))).to.equal(
        'My store',
      );
    });

    it('does not dispatch omni-store-select when my store is set from outside', async () => {
      const { el, myStore } = await setup();
      let count = 0;
      el.addEventListener('omni-store-select', () => count++);
      myStore.change(KAREN);
      el.variant = 'full';
      await el.updateComplete;
      await aTimeout(10);
      expect(count).to.equal(0);
    });

    it('dispatches omni-stock-change for each new result', async () => {
      const events: OmniStockChangeEvent[] = [];
      const listener = (e: OmniStockChangeEvent): void => void events.push(e);
      document.addEventListener('omni-stock-change', listener);
      try {
        const revalidation = deferred<Fresh<StockResult>>();
        const { el } = await setup(undefined, {
          answers: {
            [SKU]: { ...fresh(threeStores(), { stale: true }), revalidation: revalidation.promise },
          },
        });
        await el.updateComplete;
        expect(events).to.have.length(1);
        const [event] = events;
        expect(event!.sku).to.equal(SKU);
        expect(event!.available).to.equal(true);
        expect(event!.nearest!.store.name).to.equal('Westlands');
        expect(event!.result.stores).to.have.length(3);
        expect(event!.bubbles && event!.composed).to.equal(true);
        // A property set that does not produce a new answer dispatches nothing.
        el.radiusKm = DEFAULT_CONFIG.radiusKm;
        el.requestUpdate();
        await el.updateComplete;
        await aTimeout(10);
        expect(events).to.have.length(1);
        // The fresh value after a stale one is a new answer.
        revalidation.resolve(fresh(nothingNearby()));
        await waitUntil(() => events.length === 2);
        expect(events[1]!.available).to.equal(false);
      } finally {
        document.removeEventListener('omni-stock-change', listener);
      }
    });

    it('reports unavailable with no nearest store', async () => {
      const events: OmniStockChangeEvent[] = [];
      const listener = (e: OmniStockChangeEvent): void => void events.push(e);
      document.addEventListener('omni-stock-change', listener);
      try {
        await setup(undefined, { answers: { [SKU]: fresh(nothingNearby()) } });
        await waitUntil(() => events.length === 1);
        expect(events[0]!.available).to.equal(false);
        expect(events[0]!.nearest).to.equal(undefined);
      } finally {
        document.removeEventListener('omni-stock-change', listener);
      }
    });
  });

  describe('parts', () => {
    it('exposes the documented parts in full mode', async () => {
      const { el } = await setup();
      for (const part of [
        'base',
        'location',
        'summary',
        'online',
        'list',
        'item',
        'store-name',
        'distance',
        'status',
        'hours',
        'address',
        'actions',
        'link',
        'button',
      ]) {
        expect($(el, `[part~="${part}"]`), part).to.exist;
      }
      expect($(el, '[part~="list"]')!.tagName).to.equal('UL');
      expect($(el, '[part~="item"]')!.tagName).to.equal('LI');
    });

    it('exposes form parts', async () => {
      const { el } = await setup(undefined, {
        location: fakeLocationService(),
        answers: { [SKU]: fresh(stockResult(SKU, [], 'out_of_stock')) },
      });
      for (const part of ['location-form', 'form', 'label', 'input', 'button', 'confirmation']) {
        expect($(el, `[part~="${part}"]`), part).to.exist;
      }
    });

    it('exposes badge and skeleton parts', async () => {
      const d = deferred<Fresh<StockResult>>();
      const { el } = await setup(
        html`<omni-stock-checker sku=${SKU} variant="badge"></omni-stock-checker>`,
        { answers: { [SKU]: () => d.promise }, wait: false },
      );
      expect($(el, '[part~="skeleton"]')).to.exist;
      d.resolve(fresh(threeStores()));
      await settled(el);
      expect($(el, '[part~="badge"]')).to.exist;
      expect($(el, '[part~="status"]')).to.exist;
    });
  });
  describe('on a real merchant page (issue 6)', () => {
    it('lists three stores, the others behind a button that moves focus to the first of them', async () => {
      const sku = SKU;
      const stores = Array.from({ length: 5 }, (_, i) =>
        entry(
          sku,
          makeStore({ id: `s${i}`, name: `Store ${i}`, distanceKm: i + 1 }),
          'in_stock',
          5,
        ),
      );
      const { el } = await setup(undefined, {
        answers: { [SKU]: fresh(stockResult(sku, stores, 'in_stock')) },
      });
      expect($$(el, '[part~="item"]')).to.have.length(3);
      expect(textOf($(el, '[part~="more-button"]'))).to.equal('Show 2 more stores');
      press(el, '[part~="more-button"]');
      await focusLandsOn(el, '#store-list > li:nth-child(4) [part~="store-name"]');
      expect($$(el, '[part~="item"]')).to.have.length(5);
      expect(absent(el, '[part~="more-button"]'), 'more button').to.equal(true);
    });

    it('keeps the space it had while loading until the shopper acts, so nothing below moves up', async () => {
      const d = deferred<SwrResult<StockResult>>();
      const { el } = await setup(undefined, { answers: { [SKU]: () => d.promise }, wait: false });
      await el.updateComplete;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const loading = el.getBoundingClientRect().height;
      d.resolve(
        fresh(
          stockResult(SKU, [entry(SKU, makeStore({ name: 'Only' }), 'in_stock', 2)], 'in_stock'),
        ),
      );
      await settled(el);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(el.getBoundingClientRect().height).to.be.at.least(loading - 0.5);
      el.dispatchEvent(new Event('pointerdown'));
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(el.getBoundingClientRect().height).to.be.below(loading);
    });

    for (const variant of ['full', 'badge'] as const) {
      it(`is readable on a dark page that declares color-scheme: dark (${variant})`, async () => {
        const result = threeStores();
        const { el } = await setup(
          html`<omni-stock-checker sku=${SKU} variant=${variant}></omni-stock-checker>`,
          { answers: { [SKU]: fresh(result, { stale: true }) } },
        );
        const host = providersOf(el).host;
        Object.assign(host.style, { colorScheme: 'dark', background: '#121212', color: '#e8eaed' });
        await el.updateComplete;
        // The accent really switched (not only the inherited text).
        const link = $(el, '[part~="directions-link"], [part~="badge"]')!;
        expect(getComputedStyle(link).color).to.not.equal('rgb(11, 87, 208)');
        await expect(el).to.be.accessible();
      });
    }

    it('stays light on a page that declares nothing, whatever the system prefers', async () => {
      const { el } = await setup();
      expect(getComputedStyle($(el, '[part~="directions-link"]')!).color).to.equal(
        'rgb(11, 87, 208)',
      );
    });

    it('says preorders and backorders ship later, never "out of stock", and offers no email', async () => {
      const sku = SKU;
      const result = stockResult(
        sku,
        [
          entry(sku, makeStore({ id: 'w', name: 'Westlands' }), 'preorder'),
          entry(sku, makeStore({ id: 'k', name: 'Karen' }), 'backorder'),
        ],
        'preorder',
      );
      result.stores[0]!.availability!.restockAt = '2027-01-30T09:00:00Z';
      const { el } = await setup(undefined, { answers: { [SKU]: fresh(result) } });
      const statuses = $$(el, '[part~="item"] [part~="status"]').map(textOf);
      expect(statuses[0]).to.equal('Available to preorder, ships from Jan 30');
      expect(statuses[1]).to.equal('Available on backorder');
      expect(allText(el)).to.not.include('Out of stock');
      expect(absent(el, '[part~="notify-form"]'), 'notify form').to.equal(true);
      const badge = await setup(
        html`<omni-stock-checker sku=${SKU} variant="badge"></omni-stock-checker>`,
        {
          answers: { [SKU]: fresh(result) },
        },
      );
      const line = $(badge.el, '[part~="badge"]')!;
      expect(textOf(line)).to.equal('Available to preorder');
      expect(line.classList.contains('status--out_of_stock')).to.equal(false);
    });

    it('tells "you are offline" apart from "the service cannot be reached", and retries when back online', async () => {
      let fail = true;
      const { el, stock } = await setup(undefined, {
        answers: {
          [SKU]: () =>
            fail
              ? Promise.reject(new OmniError('network', 'x'))
              : Promise.resolve(fresh(threeStores())),
        },
      });
      const online = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      try {
        el.requestUpdate();
        await el.updateComplete;
        expect(textOf($(el, '[part~="error"] [role="alert"]'))).to.include("You're offline");
      } finally {
        Object.defineProperty(navigator, 'onLine', online);
        delete (navigator as unknown as Record<string, unknown>).onLine;
      }
      fail = false;
      const before = stock.lookups.length;
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => stock.lookups.length > before && !absent(el, '[part~="list"]'));
    });

    it('reports a failure once through omni-error, with the reason for the merchant', async () => {
      const errors: Event[] = [];
      const listener = (event: Event) => errors.push(event);
      document.addEventListener('omni-error', listener);
      try {
        const { el } = await setup(undefined, {
          answers: {
            [SKU]: () =>
              Promise.reject(
                new OmniError(
                  'invalid_response',
                  'HTTP 200 body does not match contract v1 at stores: expected Array',
                ),
              ),
          },
        });
        el.requestUpdate();
        await el.updateComplete;
        expect(errors).to.have.length(1);
        expect((errors[0] as unknown as { error: OmniError }).error.message).to.include(
          'stores: expected Array',
        );
      } finally {
        document.removeEventListener('omni-error', listener);
      }
    });

    it('aborts its lookup when taken off the page, and asks again when put back', async () => {
      const d = deferred<never>();
      const { el, stock } = await setup(undefined, {
        answers: { [SKU]: () => d.promise },
        wait: false,
      });
      await waitUntil(() => stock.lookups.length === 1);
      const parent = el.parentNode!;
      el.remove();
      expect(stock.lookups[0]!.signal?.aborted).to.equal(true);
      stock.answers[SKU] = fresh(threeStores());
      parent.appendChild(el);
      await settled(el);
      expect(stock.lookups).to.have.length(2);
      expect($$(el, '[part~="item"]')).to.have.length(3);
    });

    it('refresh() asks the backend past the cache', async () => {
      const { el, stock } = await setup();
      await el.refresh();
      expect(stock.lookups.at(-1)!.query.fresh).to.equal(true);
    });

    it('shows a visible "may have changed" on a stale badge', async () => {
      const { el } = await setup(
        html`<omni-stock-checker sku=${SKU} variant="badge"></omni-stock-checker>`,
        {
          answers: { [SKU]: fresh(threeStores(), { stale: true }) },
        },
      );
      expect(textOf($(el, '[part~="stale"]'))).to.equal('(may have changed)');
    });

    it('keeps hostile backend text from reordering or flooding the page', async () => {
      const sku = SKU;
      const hostile = makeStore({
        id: 'h',
        name: `${'W'.repeat(5000)}`,
        phone: '\u202E+254 700 123 456',
        address: {
          line1: 'Road\u200B \u202Eevil',
          city: 'Nairobi',
          postalCode: '00100',
          country: 'KE',
        },
      });
      const { el } = await setup(undefined, {
        answers: {
          [SKU]: fresh(stockResult(sku, [entry(sku, hostile, 'in_stock', 3)], 'in_stock')),
        },
      });
      const phone = textOf($(el, '[part~="phone-link"]'));
      expect(phone).to.equal('+254 700 123 456');
      expect(textOf($(el, '[part~="address"]'))).to.not.match(/[\u202E\u200B]/);
      expect(textOf($(el, '[part~="store-name"]')).length).to.be.at.most(200);
      // Nothing wider than its box.
      const host = providersOf(el).host;
      host.style.inlineSize = '320px';
      await el.updateComplete;
      expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
      host.style.inlineSize = '';
    });

    it("renders no English while the page's language is still loading", async () => {
      const { el } = await setup();
      const original = localeLoaders.ar;
      const gate = deferred<void>();
      localeLoaders.ar = async () => {
        await gate.promise;
        return original();
      };
      try {
        const switching = setOmniLocale('ar');
        el.requestUpdate();
        await el.updateComplete;
        // While Arabic loads: placeholders only, no English for eyes or screen readers.
        expect(allText(el)).to.not.match(/[A-Za-z]{3,}/);
        expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
        gate.resolve();
        await switching;
        await el.updateComplete;
        expect(allText(el)).to.match(/[\u0600-\u06FF]/);
      } finally {
        localeLoaders.ar = original;
      }
    });
  });
});
