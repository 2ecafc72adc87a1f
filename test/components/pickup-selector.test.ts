import { expect, html, aTimeout, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { backOnTab, backOnline, whileOffline } from '../helpers/page-events.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/pickup-selector/pickup-selector.js';
import type { OmniPickupSelector } from '../../src/components/pickup-selector/pickup-selector.js';
import { setOmniLocale } from '../../src/core/i18n/localization.js';
import { OmniError } from '../../src/core/api/errors.js';
import type { PickupSlot, Store } from '../../src/core/api/types.js';
import type { Fresh } from '../../src/core/cache/types.js';
import type { StockResult } from '../../src/core/stock/types.js';
import { createTestClock, type TestClock } from '../../src/core/time/clock.js';
import type { OmniErrorEvent } from '../../src/events/error.js';
import type { OmniPickupChangeEvent } from '../../src/events/pickup-change.js';
import type { OmniReservationExpireEvent } from '../../src/events/reservation-expire.js';
import type { OmniStoreSelectEvent } from '../../src/events/store-select.js';
import {
  POSTAL_00100,
  deferred,
  entry,
  fakeLocationService,
  fakeMyStoreService,
  fakeStockService,
  fixtureWithServices,
  fresh,
  makeStore,
  stockResult,
  type FakeMyStoreService,
  type FakeStockService,
} from '../helpers/fixture-with-services.js';
import {
  MINUTE,
  fakePickupService,
  httpError,
  slot,
  type FakePickupService,
} from '../helpers/pickup.js';

// ---- fixtures ----

const NOW = '2026-02-02T10:00:00Z'; // a Monday; the stores below are in UTC, open 24/7
const SKU = 'TEE-M';

const WEST = makeStore({ id: 'westlands', name: 'Westlands', distanceKm: 2.1 });
const KAREN = makeStore({ id: 'karen', name: 'Karen', distanceKm: 8.4 });
const CBD = makeStore({ id: 'cbd', name: 'CBD', distanceKm: 1.2 });
const FAR = makeStore({ id: 'far', name: 'Far', distanceKm: 30 });
const NO_PICKUP = makeStore({
  id: 'kiosk',
  name: 'Kiosk',
  distanceKm: 0.4,
  pickup: { enabled: false, leadTimeMinutes: 0 },
});

/** Westlands and Karen have the item; CBD (closer) does not; the kiosk offers no pickup. */
function stores(sku = SKU) {
  return stockResult(sku, [
    entry(sku, NO_PICKUP, 'in_stock', 9),
    entry(sku, CBD, 'out_of_stock', 0),
    entry(sku, WEST, 'in_stock', 5),
    entry(sku, KAREN, 'low_stock', 2),
  ]);
}

/** Today 12:00, 13:00 (full) and 14:00; tomorrow 10:00 (UTC, the stores' zone). */
const SLOTS: PickupSlot[] = [
  slot('w-1200', NOW, 120),
  slot('w-1300', NOW, 180, { remaining: 0 }),
  slot('w-1400', NOW, 240, { remaining: 1 }),
  slot('w-tomorrow', NOW, 24 * 60),
];

// ---- helpers ----

const root = (el: OmniPickupSelector): ShadowRoot => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: OmniPickupSelector, selector: string): T | null =>
  root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: OmniPickupSelector, selector: string): T[] => [
  ...root(el).querySelectorAll<T>(selector),
];
const textOf = (node: Element | ShadowRoot | null | undefined): string =>
  (node?.textContent ?? '')
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const allText = (el: OmniPickupSelector): string => textOf(root(el));
const has = (el: OmniPickupSelector, state: string): boolean => el.matches(`:state(${state})`);

/** The store items' names, in order. */
const storeNames = (el: OmniPickupSelector): string[] =>
  $$(el, '[part~="store-name"]').map((n) => textOf(n));
const storeRadio = (el: OmniPickupSelector, name: string): HTMLInputElement => {
  const item = $$(el, '[part~="item"]').find((i) => textOf(i.querySelector('.name')) === name);
  if (!item) throw new Error(`no store ${name}`);
  return item.querySelector('input')!;
};
/** The time radios of the day shown, in order. */
const slotRadios = (el: OmniPickupSelector): HTMLInputElement[] =>
  $$<HTMLInputElement>(el, 'input[name="slot"]');
const errorText = (el: OmniPickupSelector): string => textOf($(el, '[part~="error"]'));
/** The message of the error on screen, without its button. */
const alertText = (el: OmniPickupSelector): string =>
  textOf($(el, '[part~="error"] [role="alert"]'));

/** Three stores that can have the item: Westlands, Karen, then Far. */
const threeStores = () =>
  stockResult(SKU, [
    entry(SKU, WEST, 'in_stock', 5),
    entry(SKU, KAREN, 'in_stock', 2),
    entry(SKU, FAR, 'in_stock', 4),
  ]);

/** Waits for the browser to lay the page out again. */
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const heightOf = (node: Element): number => node.getBoundingClientRect().height;

/** Lists the stores behind "Show N more stores", as a shopper would. */
async function showAllStores(el: OmniPickupSelector): Promise<void> {
  $<HTMLButtonElement>(el, '[part~="more-button"]')!.click();
  await el.updateComplete;
}

async function settled(el: OmniPickupSelector): Promise<void> {
  await el.updateComplete;
  await waitUntil(() => !has(el, 'loading'), 'element stayed loading', { timeout: 3000 });
  await el.updateComplete;
}

interface Setup {
  el: OmniPickupSelector;
  stock: FakeStockService;
  pickup: FakePickupService;
  myStore: FakeMyStoreService;
  clock: TestClock;
}

async function setup(
  template: unknown = html`<omni-pickup-selector sku=${SKU}></omni-pickup-selector>`,
  options: {
    answers?: FakeStockService['answers'];
    myStore?: Store;
    slots?: FakePickupService['slotAnswers'];
    ttlMs?: number;
    wait?: boolean;
    /** Another page of the same shopper: the same pickup service and clock. */
    after?: Setup;
  } = {},
): Promise<Setup> {
  const clock = options.after?.clock ?? createTestClock(Date.parse(NOW));
  const stock = fakeStockService(options.answers ?? { [SKU]: fresh(stores()) });
  const pickup = options.after?.pickup ?? fakePickupService(clock.now, options.ttlMs);
  if (!options.after) pickup.slotAnswers = options.slots ?? { westlands: SLOTS, karen: [] };
  const myStore = fakeMyStoreService(options.myStore);
  const el = await fixtureWithServices<OmniPickupSelector>(template, {
    stock,
    pickup,
    myStore,
    clock,
    location: fakeLocationService({ location: POSTAL_00100 }),
    config: { units: 'km', locale: 'en' },
  });
  if (options.wait !== false) await settled(el);
  return { el, stock, pickup, myStore, clock };
}

/** Clicks a store's radio (as a pointer or keyboard user would) and waits for its times. */
async function chooseStore(el: OmniPickupSelector, name: string): Promise<void> {
  storeRadio(el, name).click();
  await settled(el);
}

/** Chooses the nth time of the day shown and waits until it is held. */
async function holdSlot(s: Setup, index: number): Promise<void> {
  const before = s.pickup.holds.length;
  slotRadios(s.el)[index]!.click();
  await waitUntil(
    () =>
      s.pickup.holds.length > before &&
      s.el.value.includes(`slot=${s.pickup.holds.at(-1)!.slotId}&`),
    'the time was not held',
  );
  await s.el.updateComplete;
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

describe('<omni-pickup-selector>', () => {
  describe('accessibility', () => {
    inBothLocales('is accessible while loading', async () => {
      const d = deferred<never>();
      const { el } = await setup(undefined, { answers: { [SKU]: () => d.promise }, wait: false });
      await el.updateComplete;
      expect(has(el, 'loading')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    inBothLocales('is accessible with stores, times and a hold', async () => {
      const s = await setup(undefined, { myStore: WEST });
      expect(slotRadios(s.el).length).to.equal(3);
      await expect(s.el).to.be.accessible();
      await holdSlot(s, 0);
      expect($(s.el, '[part~="timer"]')).to.not.equal(null);
      await expect(s.el).to.be.accessible();
    });

    inBothLocales('is accessible when the hold expired and when stores failed', async () => {
      const s = await setup(undefined, { myStore: WEST });
      await holdSlot(s, 0);
      s.clock.advance(16 * MINUTE);
      await s.el.updateComplete;
      expect(has(s.el, 'expired')).to.equal(true);
      await expect(s.el).to.be.accessible();

      const failing = await setup(undefined, {
        answers: { [SKU]: () => Promise.reject(new OmniError('network', 'offline')) },
      });
      expect(has(failing.el, 'error')).to.equal(true);
      await expect(failing.el).to.be.accessible();
    });

    inBothLocales('is accessible in cart mode with missing items', async () => {
      const { el } = await setup(
        html`<omni-pickup-selector cart skus="${SKU},MUG"></omni-pickup-selector>`,
        {
          answers: {
            [SKU]: fresh(stores()),
            MUG: fresh(stockResult('MUG', [entry('MUG', WEST, 'in_stock', 3)])),
          },
        },
      );
      expect(allText(el)).to.not.equal('');
      await expect(el).to.be.accessible();
    });

    inBothLocales('is accessible as a compact line and with its dialog open', async () => {
      const s = await setup(
        html`<omni-pickup-selector sku=${SKU} variant="compact"></omni-pickup-selector>`,
        { myStore: WEST },
      );
      await expect(s.el).to.be.accessible();
      $<HTMLButtonElement>(s.el, '[part~="change-button"]')!.click();
      await waitUntil(() => $<HTMLDialogElement>(s.el, 'dialog')!.open, 'dialog did not open');
      await settled(s.el);
      await expect(s.el).to.be.accessible();
      $<HTMLButtonElement>(s.el, '[part~="close-button"]')!.click();
    });
  });

  describe('properties', () => {
    it('renders nothing without a sku, skus or lines', async () => {
      const { el, stock } = await setup(html`<omni-pickup-selector></omni-pickup-selector>`);
      expect(allText(el)).to.equal('');
      expect(stock.lookups).to.have.length(0);
    });

    it('looks every line up; `lines` wins over `skus`, which wins over `sku`', async () => {
      const s = await setup(
        html`<omni-pickup-selector
          sku="IGNORED"
          skus="${SKU}, MUG ,${SKU}"
        ></omni-pickup-selector>`,
        {
          answers: {
            [SKU]: fresh(stores()),
            MUG: fresh(stockResult('MUG', [entry('MUG', WEST, 'in_stock', 3)])),
            CAP: fresh(stockResult('CAP', [])),
          },
        },
      );
      expect(s.stock.lookups.map((l) => l.query.sku).sort()).to.deep.equal(['MUG', SKU]);
      s.stock.lookups.length = 0;
      s.el.lines = [{ sku: 'CAP', title: 'Cap' }];
      await settled(s.el);
      expect(s.stock.lookups.map((l) => l.query.sku)).to.deep.equal(['CAP']);
    });

    it('asks for `days` of times and sends `cart-id` with the hold', async () => {
      const s = await setup(
        html`<omni-pickup-selector sku=${SKU} days="3" cart-id="cart-9"></omni-pickup-selector>`,
        { myStore: WEST },
      );
      expect(s.pickup.slotReads[0]!.query).to.deep.equal({
        storeId: 'westlands',
        skus: [SKU],
        days: 3,
      });
      await holdSlot(s, 0);
      expect(s.pickup.holds[0]).to.deep.equal({
        slotId: 'w-1200',
        storeId: 'westlands',
        skus: [SKU],
        cartId: 'cart-9',
      });
    });

    it('disables every choice when disabled', async () => {
      const { el } = await setup(
        html`<omni-pickup-selector sku=${SKU} disabled></omni-pickup-selector>`,
        { myStore: WEST },
      );
      const radios = $$<HTMLInputElement>(el, 'input[type="radio"]');
      expect(radios.length).to.be.above(3);
      expect(radios.every((r) => r.matches(':disabled'))).to.equal(true);
    });
  });

  describe('rendering states', () => {
    it('lists stores that offer pickup, those that can fulfil first, nearest first', async () => {
      const { el } = await setup();
      // The two first, the others behind "Show 1 more store".
      expect(storeNames(el)).to.deep.equal(['Westlands', 'Karen']);
      expect(textOf($(el, '[part~="more-button"]'))).to.equal('Show 1 more store');
      await showAllStores(el);
      expect(storeNames(el)).to.deep.equal(['Westlands', 'Karen', 'CBD']);
      expect($(el, '[part~="more-button"]')).to.equal(null);
      expect(storeRadio(el, 'CBD').disabled).to.equal(true);
      expect(storeRadio(el, 'Westlands').disabled).to.equal(false);
      expect(textOf($(el, '[part~="item"]'))).to.contain('Available for pickup');
      expect(allText(el)).to.contain('Not available for pickup here');
      expect(allText(el)).to.contain('2 stores near 00100 can have this ready for pickup.');
      // Nothing chosen yet (no store of the shopper's): no times.
      expect($(el, '[part~="slots"]')).to.equal(null);
    });

    it('shows distance, whether the store is open and until when, the ready time and the address', async () => {
      const daytime = makeStore({
        id: 'daytime',
        name: 'Daytime',
        distanceKm: 3,
        hours: [0, 1, 2, 3, 4, 5, 6].map((day) => ({
          day: day as 0 | 1 | 2 | 3 | 4 | 5 | 6,
          open: '08:00',
          close: '21:00',
        })),
      });
      const { el } = await setup(undefined, {
        answers: {
          [SKU]: fresh(
            stockResult(SKU, [entry(SKU, WEST, 'in_stock', 5), entry(SKU, daytime, 'in_stock', 1)]),
          ),
        },
      });
      const [west, day] = $$(el, '[part~="item"]').map((item) => textOf(item));
      expect(west).to.contain('2.1 km');
      // Open around the clock; the stock checker's words.
      expect(west).to.contain('Open 24 hours');
      // 10:00 UTC now + 60 min lead, the store open: ready after 11:00.
      expect(west).to.contain('Ready today after 11:00');
      expect(west).to.contain(WEST.address.line1);
      expect(day).to.contain('Open now · closes at 9:00');
    });

    it('shows the shopper’s store chosen, with its days and times; full times disabled', async () => {
      const { el } = await setup(undefined, { myStore: WEST });
      expect(storeRadio(el, 'Westlands').checked).to.equal(true);
      expect($(el, '[part~="my-store"]')).to.not.equal(null);
      const days = $$(el, '[part~="day"]').map((d) => textOf(d));
      expect(days).to.deep.equal(['Today', 'Tomorrow']);
      const times = slotRadios(el);
      expect(times.map((t) => t.disabled)).to.deep.equal([false, true, false]);
      expect(textOf($(el, '[part~="slot"]'))).to.contain('2 left');
      expect(textOf($(el, '[part~="slot-full"]'))).to.contain('Full');
    });

    it('says the chosen store is ready from its first time that can be booked, not a full one', async () => {
      // 11:00 is full: ready "after 11:00" (hours and lead time) would contradict the times.
      const slots = { westlands: [slot('w-1100', NOW, 60, { remaining: 0 }), ...SLOTS], karen: [] };
      const { el } = await setup(undefined, { slots });
      const ready = () => textOf($$(el, '[part~="item"]')[0]!.querySelector('[part~="ready"]'));
      expect(ready()).to.equal('Ready today after 11:00 AM');
      await chooseStore(el, 'Westlands');
      expect(ready()).to.equal('Ready today from 12:00 PM');
      expect(textOf($$(el, '[part~="slot"]')[0]!)).to.contain('Full');
      // The store not chosen: its times are not known, its hours say it.
      expect(textOf($$(el, '[part~="item"]')[1]!.querySelector('[part~="ready"]'))).to.equal(
        'Ready today after 11:00 AM',
      );
      // On the compact line (the checkout) too.
      const compact = await setup(
        html`<omni-pickup-selector variant="compact" sku=${SKU}></omni-pickup-selector>`,
        { slots, myStore: WEST },
      );
      expect(textOf($(compact.el, '[part~="summary"]'))).to.contain(
        'Pickup at Westlands · Ready today from 12:00 PM',
      );
    });

    it('switches days', async () => {
      const { el } = await setup(undefined, { myStore: WEST });
      $$<HTMLInputElement>(el, 'input[name="day"]')[1]!.click();
      await el.updateComplete;
      expect(slotRadios(el)).to.have.length(1);
    });

    it('does not choose the shopper’s store when it cannot fulfil', async () => {
      const { el } = await setup(undefined, { myStore: CBD });
      await showAllStores(el);
      expect(storeRadio(el, 'CBD').checked).to.equal(false);
      expect($(el, '[part~="slots"]')).to.equal(null);
      expect(el.value).to.equal('');
    });

    it('names the missing lines in cart mode', async () => {
      const { el } = await setup(html`<omni-pickup-selector cart></omni-pickup-selector>`, {
        answers: {
          [SKU]: fresh(stores()),
          MUG: fresh(stockResult('MUG', [entry('MUG', WEST, 'in_stock', 3)])),
        },
        wait: false,
      });
      el.lines = [
        { sku: SKU, title: 'T-shirt', qty: 1 },
        { sku: 'MUG', title: 'Mug', qty: 2 },
      ];
      await settled(el);
      await showAllStores(el);
      expect(storeNames(el)).to.deep.equal(['Westlands', 'CBD', 'Karen']);
      const [west, cbd, karen] = $$(el, '[part~="availability"]').map((a) => textOf(a));
      expect(west).to.equal('2 of 2 items available');
      expect(cbd).to.equal('0 of 2 items available · Missing: T-shirt and Mug');
      expect(karen).to.equal('1 of 2 items available · Missing: Mug');
    });

    it('counts the quantity: a store with fewer than the line wants cannot fulfil', async () => {
      const { el } = await setup(html`<omni-pickup-selector cart></omni-pickup-selector>`, {
        wait: false,
      });
      el.lines = [{ sku: SKU, title: 'T-shirt', qty: 3 }];
      await settled(el);
      await showAllStores(el);
      // Westlands has 5, Karen 2.
      expect(storeRadio(el, 'Westlands').disabled).to.equal(false);
      expect(storeRadio(el, 'Karen').disabled).to.equal(true);
    });

    it('lists the chosen store even when it is not among the first two', async () => {
      const { el } = await setup(undefined, {
        answers: { [SKU]: fresh(threeStores()) },
        myStore: FAR,
        slots: { far: SLOTS },
      });
      expect(storeNames(el)).to.deep.equal(['Westlands', 'Karen', 'Far']);
      expect(storeRadio(el, 'Far').checked).to.equal(true);
      expect($(el, '[part~="more-button"]')).to.equal(null);
    });

    it('is as tall with its answer as its placeholder (and as omnishelf.css reserves), at any width', async () => {
      for (const width of ['390px', '1200px']) {
        const d = deferred<Fresh<StockResult>>();
        const { el } = await setup(undefined, { answers: { [SKU]: () => d.promise }, wait: false });
        el.style.inlineSize = width;
        el.style.fontSize = '16px';
        await el.updateComplete;
        await nextFrame();
        expect(has(el, 'loading')).to.equal(true);
        const loading = heightOf(el);
        // Location line, legend, two stores (two lines, three at 0.875em) and "Show 1 more
        // store": 12.25 lines, 9.5 spaces and 8px of borders and buttons (omnishelf.css says the
        // same).
        expect(loading, width).to.be.closeTo(12.25 * 24 + 9.5 * 8 + 8, 0.5);
        d.resolve(fresh(stores()));
        await settled(el);
        await nextFrame();
        expect(storeNames(el)).to.deep.equal(['Westlands', 'Karen']);
        // The answer fills that height itself (the height hold is not what makes it so).
        expect(heightOf($(el, '[part~="base"]')!), width).to.be.closeTo(loading, 0.5);
        expect(heightOf(el), width).to.be.closeTo(loading, 0.5);
      }
    });

    it('keeps the height of its placeholder until the shopper interacts, so nothing below moves up', async () => {
      // Heard on the way in, also when a control inside stops the event (Escape in a form).
      for (const interaction of ['pointerdown', 'keydown', 'click']) {
        const d = deferred<Fresh<StockResult>>();
        const { el } = await setup(undefined, { answers: { [SKU]: () => d.promise }, wait: false });
        await el.updateComplete;
        await nextFrame();
        const loading = heightOf(el);
        // A shorter answer: one store.
        d.resolve(fresh(stockResult(SKU, [entry(SKU, WEST, 'in_stock', 5)])));
        await settled(el);
        await nextFrame();
        const answer = heightOf($(el, '[part~="base"]')!);
        expect(answer, interaction).to.be.below(loading - 100);
        expect(heightOf(el), interaction).to.be.closeTo(loading, 0.5);
        $(el, '[part~="base"]')!.dispatchEvent(
          new Event(interaction, { bubbles: false, composed: true }),
        );
        await nextFrame();
        expect(heightOf(el), interaction).to.be.closeTo(answer, 0.5);
      }
    });

    it("keeps each store's details to one line on a 390 px phone, in its longest language, and never cuts them", async () => {
      await setOmniLocale('fil');
      const { el } = await setup();
      // A 390 px screen less the page's margins, in the test machines' sans-serif.
      el.style.inlineSize = '374px';
      el.style.font = '16px/1.5 system-ui, sans-serif';
      const ready = $(el, '[part~="ready"]')!;
      // Filipino's "ready today after 11:00 AM" is the longest of these lines in any language.
      expect(textOf(ready)).to.equal('Handa ngayong araw pagkalipas ng 11:00 AM');
      for (const part of ['ready', 'hours', 'address']) {
        expect(heightOf($(el, `[part~="${part}"]`)!), part).to.be.closeTo(0.875 * 24, 0.5);
      }
      // Narrower, it wraps: nothing is cut.
      el.style.inlineSize = '200px';
      expect(heightOf(ready)).to.be.greaterThan(0.875 * 24 + 1);
      expect(ready.scrollWidth).to.be.at.most(ready.clientWidth + 1);
    });

    it('gives the compact line room for two lines beside its button, loading or not, at any width', async () => {
      for (const width of ['374px', '1200px']) {
        const d = deferred<Fresh<StockResult>>();
        const { el } = await setup(
          html`<omni-pickup-selector sku=${SKU} variant="compact"></omni-pickup-selector>`,
          { answers: { [SKU]: () => d.promise }, myStore: WEST, wait: false },
        );
        el.style.inlineSize = width;
        el.style.font = '16px/1.5 system-ui, sans-serif';
        await el.updateComplete;
        const loading = heightOf(el);
        // Two lines of 24px, and the text button on the first: 0.25 x 8px of padding and 1px of
        // border above them (omnishelf.css says the same).
        expect(loading, width).to.be.closeTo(2 * 24 + 2 + 1, 0.5);
        d.resolve(fresh(stores()));
        await settled(el);
        const text = $(el, '.summary-text')!;
        expect(textOf(text)).to.equal('Pickup at Westlands · Ready today from 12:00 PM');
        expect(text.scrollWidth, width).to.be.at.most(text.clientWidth + 1);
        expect(heightOf(el), width).to.be.closeTo(loading, 0.5);
      }
    });

    it('says so when no store nearby can fulfil', async () => {
      const { el } = await setup(undefined, {
        answers: { [SKU]: fresh(stockResult(SKU, [entry(SKU, CBD, 'out_of_stock', 0)])) },
      });
      expect(has(el, 'empty')).to.equal(true);
      expect(allText(el)).to.contain('No store near 00100 can have this ready for pickup.');
    });

    it('asks for a location when there is none', async () => {
      const clock = createTestClock(Date.parse(NOW));
      const el = await fixtureWithServices<OmniPickupSelector>(
        html`<omni-pickup-selector sku=${SKU}></omni-pickup-selector>`,
        {
          stock: fakeStockService({ [SKU]: fresh(stores()) }),
          pickup: fakePickupService(clock.now),
          myStore: fakeMyStoreService(),
          location: fakeLocationService(),
          clock,
        },
      );
      await waitUntil(() => $(el, '#postal-code') !== null, 'no postal form');
      expect(allText(el)).to.contain('Find stores near you for pickup.');
    });

    it('shows times of a store whose timezone is unknown as written, without a ready time', async () => {
      const odd = makeStore({ id: 'odd', name: 'Odd', distanceKm: 1, timezone: 'Mars/Base' });
      const { el } = await setup(undefined, {
        answers: { [SKU]: fresh(stockResult(SKU, [entry(SKU, odd, 'in_stock', 4)])) },
        myStore: odd,
        slots: {
          odd: [
            {
              id: 'o1',
              start: '2026-02-02T15:00:00+03:00',
              end: '2026-02-02T16:00:00+03:00',
              capacity: 2,
              remaining: 2,
            },
          ],
        },
      });
      expect(slotRadios(el)).to.have.length(1);
      // 15:00 as written at the store, not 12:00 UTC nor the browser's time.
      expect(textOf($(el, '[part~="slot"]'))).to.match(/3:00\s*–\s*4:00\s*PM/);
      expect($(el, '[part~="ready"]')).to.equal(null);
      expect(textOf($(el, '[part~="hours"]'))).to.contain('Opening hours not listed');
    });

    it('says a vanished store (404) no longer offers pickup', async () => {
      const { el } = await setup(undefined, { myStore: WEST, slots: {} });
      expect(has(el, 'error')).to.equal(true);
      expect(errorText(el)).to.contain('This store no longer offers pickup.');
    });

    it('says times cannot be loaded (5xx, malformed) and tries again', async () => {
      let fail = true;
      const { el, pickup } = await setup(undefined, {
        myStore: WEST,
        slots: {
          westlands: async () => {
            if (fail) throw new OmniError('invalid_response', 'broken');
            return SLOTS;
          },
        },
      });
      expect(errorText(el)).to.contain("Pickup isn't available right now.");
      fail = false;
      $<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
      await settled(el);
      expect(slotRadios(el)).to.have.length(3);
      expect(pickup.slotReads.at(-1)!.fresh).to.equal(true);
    });

    it('says the stores cannot be had (5xx), with a "Try again" a keyboard reaches, and recovers', async () => {
      let fail = true;
      const { el, stock } = await setup(undefined, {
        answers: {
          [SKU]: () =>
            fail
              ? Promise.reject(new OmniError('http', 'x', { status: 503 }))
              : Promise.resolve(fresh(stores())),
        },
      });
      expect(has(el, 'error')).to.equal(true);
      expect(alertText(el)).to.equal(
        "Pickup isn't available right now. Please try again in a moment.",
      );
      const retry = $<HTMLButtonElement>(el, '[part~="retry-button"]')!;
      expect(textOf(retry)).to.equal('Try again');
      // Reached with the keyboard: Tab from the control before it.
      $<HTMLButtonElement>(el, '[part~="change-button"]')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement === retry, 'Tab reaches "Try again"').to.equal(true);
      // Still failing: focus comes back to "Try again".
      await sendKeys({ press: 'Enter' });
      await waitUntil(
        () => root(el).activeElement === $(el, '[part~="retry-button"]'),
        'focus is not on "Try again" again',
      );
      fail = false;
      await sendKeys({ press: 'Enter' });
      await settled(el);
      expect(has(el, 'error')).to.equal(false);
      expect(storeNames(el)).to.deep.equal(['Westlands', 'Karen']);
      // The button went with the error: focus lands on the first store that can be chosen.
      await waitUntil(
        () => root(el).activeElement === storeRadio(el, 'Westlands'),
        'focus is not on the stores',
      );
      expect(stock.lookups).to.have.length(3);
    });

    it('sends omni-error once per failure to load, saying why', async () => {
      const events: OmniErrorEvent[] = [];
      const listen = (event: Event) => events.push(event as OmniErrorEvent);
      document.addEventListener('omni-error', listen);
      try {
        let fail = true;
        const { el } = await setup(undefined, {
          answers: {
            [SKU]: () =>
              fail
                ? Promise.reject(new OmniError('http', 'x', { status: 503 }))
                : Promise.resolve(fresh(stores())),
          },
        });
        await waitUntil(() => events.length === 1, 'no omni-error');
        expect((events[0]!.error as OmniError).kind).to.equal('http');
        expect(events[0]!.target).to.equal(el);
        el.requestUpdate();
        await el.updateComplete;
        expect(events, 'a render does not send it again').to.have.length(1);
        $<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
        await waitUntil(() => events.length === 2, 'the second failure was not sent');
        fail = false;
        $<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
        await settled(el);
        expect(has(el, 'error')).to.equal(false);
        expect(events).to.have.length(2);
      } finally {
        document.removeEventListener('omni-error', listen);
      }
    });

    it('asks again for stores that failed once the browser is back online', async () => {
      let fail = true;
      const { el, stock } = await setup(undefined, {
        answers: {
          [SKU]: () =>
            fail ? Promise.reject(new OmniError('network', 'x')) : Promise.resolve(fresh(stores())),
        },
      });
      const offline = await whileOffline(async () => {
        el.requestUpdate();
        await el.updateComplete;
        return alertText(el);
      });
      expect(offline).to.equal("You're offline. We'll try again when you're back online.");
      fail = false;
      backOnline();
      await waitUntil(() => storeNames(el).length === 2, 'not asked again when back online');
      expect(has(el, 'error')).to.equal(false);
      expect(stock.lookups).to.have.length(2);
      // Nothing failed any more: nothing is asked again.
      backOnline();
      backOnTab();
      await aTimeout(20);
      expect(stock.lookups).to.have.length(2);
    });

    it('asks again for stores that failed when the shopper comes back to the tab', async () => {
      let fail = true;
      const { el, stock } = await setup(undefined, {
        myStore: WEST,
        answers: {
          [SKU]: () =>
            fail
              ? Promise.reject(new OmniError('http', 'x', { status: 500 }))
              : Promise.resolve(fresh(stores())),
        },
      });
      expect(has(el, 'error')).to.equal(true);
      fail = false;
      backOnTab();
      await waitUntil(() => storeNames(el).length === 2, 'stores not asked again');
      await settled(el);
      expect(slotRadios(el)).to.have.length(3);
      expect(has(el, 'error')).to.equal(false);
      // Asked again (and once more for "my store", now that the list has it, as on any load).
      expect(stock.lookups.length).to.be.greaterThan(1);
    });

    it('asks again for times that failed, past their cache, when back online or on the tab', async () => {
      let fail = true;
      const { el, pickup } = await setup(undefined, {
        myStore: WEST,
        slots: {
          westlands: async () => {
            if (fail) throw new OmniError('http', 'x', { status: 502 });
            return SLOTS;
          },
        },
      });
      expect(has(el, 'error')).to.equal(true);
      expect(alertText(el)).to.equal(
        "Pickup isn't available right now. Please try again in a moment.",
      );
      // Still failing when the shopper comes back: asked again, and said again.
      const reads = pickup.slotReads.length;
      backOnTab();
      await waitUntil(() => pickup.slotReads.length === reads + 1, 'times not asked again');
      await settled(el);
      expect(has(el, 'error')).to.equal(true);
      fail = false;
      backOnline();
      await waitUntil(() => slotRadios(el).length === 3, 'times not asked again when online');
      expect(pickup.slotReads.length).to.equal(reads + 2);
      expect(pickup.slotReads.at(-1)!.fresh).to.equal(true);
      expect(has(el, 'error')).to.equal(false);
    });

    it('shows a backend without the pickup capability as not set up', async () => {
      const { el } = await setup(undefined, {
        myStore: WEST,
        slots: {
          westlands: () => Promise.reject(new OmniError('unsupported', 'no pickup')),
        },
      });
      expect(errorText(el)).to.contain("This shop hasn't set up pickup yet.");
      // Asking again cannot help: no button says it might.
      expect($(el, '[part~="retry-button"]')).to.equal(null);
    });

    it('renders right to left in Arabic', async () => {
      await setOmniLocale('ar');
      const { el } = await setup(undefined, { myStore: WEST });
      expect($(el, '[part~="base"]')!.getAttribute('dir')).to.equal('rtl');
      expect(allText(el)).to.contain('متوفر للاستلام');
      expect(allText(el)).to.contain('موعد الاستلام');
    });
  });

  describe('holds', () => {
    it('holds a chosen time with a countdown, and puts it in the value', async () => {
      const s = await setup(undefined, { myStore: WEST });
      await holdSlot(s, 0);
      expect(s.pickup.holds).to.have.length(1);
      expect(textOf($(s.el, '.hold-status'))).to.match(
        /^Today, 12:00\s*–\s*1:00\s*PM is held for you\.$/,
      );
      expect(textOf($(s.el, '[part~="timer"]'))).to.equal('15:00 left');
      expect(s.el.value).to.equal('store=westlands&slot=w-1200&reservation=r1');
      s.clock.advance(61_000);
      await s.el.updateComplete;
      expect(textOf($(s.el, '[part~="timer"]'))).to.equal('13:59 left');
    });

    it('holds the new time before letting the old one go', async () => {
      const s = await setup(undefined, { myStore: WEST });
      await holdSlot(s, 0);
      await holdSlot(s, 2);
      expect(s.pickup.holds.map((h) => h.slotId)).to.deep.equal(['w-1200', 'w-1400']);
      expect(s.pickup.released.map((r) => r.id)).to.deep.equal(['r1']);
      expect(s.pickup.open()).to.deep.equal(['r2']);
      expect(s.el.value).to.contain('reservation=r2');
    });

    it('holds only the time the shopper stops on (arrow keys walk through times)', async () => {
      const s = await setup(undefined, { myStore: WEST });
      const [first, , third] = slotRadios(s.el);
      first!.focus();
      first!.click();
      await s.el.updateComplete;
      third!.click();
      await waitUntil(() => s.pickup.holds.length === 1, 'no hold');
      await aTimeout(400);
      expect(s.pickup.holds.map((h) => h.slotId)).to.deep.equal(['w-1400']);
    });

    it('releases a hold that arrives after the shopper moved on', async () => {
      const s = await setup(undefined, { myStore: WEST });
      const d = deferred<void>();
      const place = s.pickup.holdImpl;
      s.pickup.holdImpl = async (request) => {
        await d.promise;
        return place(request);
      };
      slotRadios(s.el)[0]!.click();
      await waitUntil(() => s.pickup.holds.length === 1, 'no hold asked');
      slotRadios(s.el)[2]!.click();
      d.resolve();
      await waitUntil(() => s.pickup.holds.length === 2, 'second hold not asked');
      await waitUntil(() => has(s.el, 'held'), 'not held');
      expect(s.pickup.open()).to.deep.equal(['r2']);
      expect(s.el.value).to.contain('slot=w-1400');
    });

    it('explains a full time (409), refreshes the times and keeps the earlier hold', async () => {
      const s = await setup(undefined, { myStore: WEST });
      await holdSlot(s, 0);
      s.pickup.holdImpl = () => Promise.reject(httpError(409, 'slot_full'));
      const reads = s.pickup.slotReads.length;
      slotRadios(s.el)[2]!.click();
      await waitUntil(() => errorText(s.el) !== '', 'no message');
      expect(errorText(s.el)).to.equal('That time just filled up. Choose another time.');
      await waitUntil(() => s.pickup.slotReads.length > reads, 'times not refreshed');
      expect(s.pickup.slotReads.at(-1)!.fresh).to.equal(true);
      await settled(s.el);
      expect(slotRadios(s.el)[0]!.checked).to.equal(true);
      expect(slotRadios(s.el)[2]!.checked).to.equal(false);
      expect(s.el.value).to.contain('reservation=r1');
      expect(s.pickup.open()).to.deep.equal(['r1']);
    });

    it('explains a time that can no longer be booked (410)', async () => {
      const s = await setup(undefined, { myStore: WEST });
      s.pickup.holdImpl = () => Promise.reject(httpError(410, 'slot_expired'));
      slotRadios(s.el)[0]!.click();
      await waitUntil(() => errorText(s.el) !== '', 'no message');
      expect(errorText(s.el)).to.contain('can no longer be booked');
      expect(s.el.value).to.equal('store=westlands');
    });

    it('says the network is gone when a hold cannot be placed, keeping the current one', async () => {
      const s = await setup(undefined, { myStore: WEST });
      await holdSlot(s, 0);
      s.pickup.holdImpl = () => Promise.reject(new OmniError('network', 'offline'));
      slotRadios(s.el)[2]!.click();
      await waitUntil(() => errorText(s.el) !== '', 'no message');
      expect(errorText(s.el)).to.equal(
        "Can't reach the shop right now. Check your connection and try again.",
      );
      expect(s.el.value).to.contain('reservation=r1');
      // The countdown goes on offline: the page clock, not the network.
      s.clock.advance(MINUTE);
      await s.el.updateComplete;
      expect(textOf($(s.el, '[part~="timer"]'))).to.equal('14:00 left');
    });

    it('keeps a hold without expiresAt, without a countdown', async () => {
      const s = await setup(undefined, { myStore: WEST });
      s.pickup.holdImpl = async (request) => ({
        id: 'r-x',
        slotId: request.slotId,
        storeId: request.storeId,
        expiresAt: undefined,
      });
      await holdSlot(s, 0);
      expect($(s.el, '[part~="timer"]')).to.equal(null);
      expect(s.el.value).to.contain('reservation=r-x');
    });

    it('says plainly when a hold expired, lets the shopper choose again, and tells the page', async () => {
      const s = await setup(undefined, { myStore: WEST });
      await holdSlot(s, 0);
      const expired = oneEvent(
        s.el,
        'omni-reservation-expire',
      ) as Promise<OmniReservationExpireEvent>;
      const reads = s.pickup.slotReads.length;
      s.clock.advance(15 * MINUTE);
      const event = await expired;
      expect(event.reservation.id).to.equal('r1');
      expect(event.slot?.id).to.equal('w-1200');
      expect(event.store?.id).to.equal('westlands');
      await s.el.updateComplete;
      expect(errorText(s.el)).to.equal(
        'Your hold on the pickup time has ended. Choose a time again.',
      );
      expect(s.el.value).to.equal('store=westlands');
      expect(slotRadios(s.el).some((r) => r.checked)).to.equal(false);
      await waitUntil(() => s.pickup.slotReads.length > reads, 'times not refreshed');
      await settled(s.el);
      await holdSlot(s, 0);
      expect(s.el.value).to.contain('reservation=r2');
    });

    it('announces the countdown only at 5 minutes and 1 minute left', async () => {
      const s = await setup(undefined, { myStore: WEST });
      await holdSlot(s, 0);
      const live = () => textOf($(s.el, '[part~="base"] > .visually-hidden[role="status"]'));
      const heard = new Set<string>();
      for (let second = 5; second < 15 * 60; second += 5) {
        s.clock.advance(5000);
        await s.el.updateComplete;
        if (live()) heard.add(live());
      }
      expect([...heard]).to.deep.equal([
        '5 minutes left to complete your order, then this pickup time is released.',
        '1 minute left to complete your order, then this pickup time is released.',
      ]);
      // The visible countdown is a timer, which screen readers do not read out on each change.
      expect($(s.el, '[part~="timer"]')!.getAttribute('role')).to.equal('timer');
    });

    it('keeps the hold when the page is left or the element removed; the next selector of these items takes it over', async () => {
      const s = await setup(undefined, { myStore: WEST });
      s.pickup.keepsHolds = true;
      await holdSlot(s, 0);
      expect(s.pickup.kept).to.deep.equal([{ hold: s.pickup.kept[0]!.hold, skus: [SKU] }]);
      s.clock.advance(2 * MINUTE);
      await s.el.updateComplete;
      const countdown = textOf($(s.el, '[part~="timer"]'));
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      s.el.remove();
      await aTimeout(0);
      expect(s.pickup.released).to.deep.equal([]);
      expect(s.pickup.open()).to.deep.equal(['r1']);

      // The checkout: a compact selector in a form, whose store is not "my store".
      const form = document.createElement('form');
      document.body.append(form);
      const t = await setup(
        html`<omni-pickup-selector
          name="pickup"
          required
          variant="compact"
          skus=${SKU}
        ></omni-pickup-selector>`,
        { after: s },
      );
      form.append(t.el);
      await waitUntil(() => has(t.el, 'held'), 'the kept hold was not taken over');
      expect(t.el.value).to.equal('store=westlands&slot=w-1200&reservation=r1');
      expect(form.checkValidity()).to.equal(true);
      expect(s.pickup.holds, 'no other hold').to.have.length(1);
      // The same countdown, and the held time on the compact line.
      expect(textOf($(t.el, '[part~="timer"]'))).to.equal(countdown);
      await waitUntil(() => textOf($(t.el, '[part~="summary"]')).includes('12:00'), 'no time');
      expect(textOf($(t.el, '[part~="summary"]'))).to.contain('Pickup at Westlands · Today,');
      await expect(t.el).to.be.accessible();
      form.remove();
    });

    it('takes the hold of an item over for a cart that has it, not for other items', async () => {
      const answers = { [SKU]: fresh(stores()), HAT: fresh(stores('HAT')) };
      const s = await setup(undefined, { myStore: WEST, answers });
      s.pickup.keepsHolds = true;
      await holdSlot(s, 0);
      s.el.remove();
      const other = await setup(html`<omni-pickup-selector sku="HAT"></omni-pickup-selector>`, {
        after: s,
        answers,
      });
      await aTimeout(50);
      expect(has(other.el, 'held')).to.equal(false);
      other.el.remove();
      const cart = await setup(
        html`<omni-pickup-selector
          cart
          .lines=${[
            { sku: 'HAT', title: 'Hat' },
            { sku: SKU, title: 'Tee' },
          ]}
        ></omni-pickup-selector>`,
        { after: s, answers },
      );
      await waitUntil(() => has(cart.el, 'held'), 'the cart did not take the hold over');
      expect(cart.el.value).to.equal('store=westlands&slot=w-1200&reservation=r1');
      expect(s.pickup.holds).to.have.length(1);
    });

    it('says so when the kept hold lapsed before the next page, and lets the shopper choose again', async () => {
      const s = await setup(undefined, { myStore: WEST });
      s.pickup.keepsHolds = true;
      await holdSlot(s, 0);
      s.el.remove();
      s.clock.advance(16 * MINUTE);
      const t = await setup(
        html`<omni-pickup-selector variant="compact" skus=${SKU}></omni-pickup-selector>`,
        { after: s },
      );
      await waitUntil(() => errorText(t.el) !== '', 'the lapse was not said');
      expect(errorText(t.el)).to.equal(
        'Your hold on the pickup time has ended. Choose a time again.',
      );
      expect($(t.el, '[part~="error"]')!.getAttribute('role')).to.equal('alert');
      expect(t.el.value).to.equal('store=westlands');
      expect(s.pickup.forgotten).to.deep.equal(['r1']);
      expect(s.pickup.holds).to.have.length(1);
      await expect(t.el).to.be.accessible();
    });

    it('follows the kept hold when shown again: a time changed on another page, or an order placed there', async () => {
      const s = await setup(undefined, { myStore: WEST });
      s.pickup.keepsHolds = true;
      await holdSlot(s, 0);
      // The checkout, in the same browser, takes it over and holds another time.
      const t = await setup(undefined, { after: s });
      await waitUntil(() => has(t.el, 'held'), 'not taken over');
      await holdSlot(t, 2);
      expect(t.el.value).to.equal('store=westlands&slot=w-1400&reservation=r2');
      expect(s.pickup.open()).to.deep.equal(['r2']);
      // Back on the first page (from the back/forward cache): the time chosen there.
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      await waitUntil(() => s.el.value.includes('reservation=r2'), 'not followed');
      expect(slotRadios(s.el)[2]!.checked).to.equal(true);
      expect(s.pickup.released.map((r) => r.id)).to.deep.equal(['r1', 'r1']);
      // The order is placed there: the hold is no longer offered here, and not released.
      await t.pickup.forget(t.pickup.kept[0]!.hold);
      backOnTab();
      await waitUntil(() => !has(s.el, 'held'), 'still shown held');
      expect(s.el.value).to.equal('store=westlands');
      expect(s.pickup.open()).to.deep.equal(['r2']);
    });

    it('lets the hold go when the page is left, with keepalive, and holds again on return, where holds cannot be kept', async () => {
      const s = await setup(undefined, { myStore: WEST });
      await holdSlot(s, 0);
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
      await s.el.updateComplete;
      expect(s.pickup.released).to.deep.equal([{ id: 'r1', keepalive: true }]);
      expect(s.pickup.open()).to.deep.equal([]);
      await aTimeout(450);
      expect(s.pickup.holds, 'no hold while the page is away').to.have.length(1);
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      await waitUntil(() => s.pickup.holds.length === 2, 'not held again');
      expect(s.pickup.holds[1]!.slotId).to.equal('w-1200');
      await waitUntil(() => has(s.el, 'held'), 'not held');
    });

    it('keeps the hold when the page is left by submitting the form, and offers it to no other selector', async () => {
      // The form submits into a frame, so that the test page stays where it is.
      const sink = document.createElement('iframe');
      sink.name = 'sink';
      sink.title = 'sink';
      const form = document.createElement('form');
      form.action = 'about:blank';
      form.target = 'sink';
      document.body.append(sink, form);
      const s = await setup(
        html`<omni-pickup-selector name="pickup" sku=${SKU}></omni-pickup-selector>`,
        { myStore: WEST },
      );
      form.append(s.el);
      await settled(s.el);
      await holdSlot(s, 0);
      // A page that handles the submit itself (preventDefault) stays: leaving it later releases.
      form.addEventListener('submit', (e) => e.preventDefault(), { once: true });
      form.requestSubmit();
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      expect(s.pickup.released.map((r) => r.id)).to.deep.equal(['r1']);
      window.dispatchEvent(new PageTransitionEvent('pageshow'));
      await waitUntil(() => s.pickup.open().length === 1, 'not held again');
      await waitUntil(() => s.pickup.kept.length === 1, 'not kept again');
      // A real submission: the hold now belongs to the order, and stays, forgotten at once.
      form.requestSubmit();
      expect(s.pickup.forgotten.at(-1)).to.equal('r2');
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      expect(s.pickup.released).to.have.length(1);
      expect(s.pickup.open()).to.deep.equal(['r2']);
      await aTimeout(10);
      expect(s.pickup.kept).to.deep.equal([]);
      form.remove();
      sink.remove();
    });

    it('lets the hold go when the store changes, or the element is removed where holds cannot be kept', async () => {
      const s = await setup(undefined, { myStore: WEST });
      await holdSlot(s, 0);
      await chooseStore(s.el, 'Karen');
      expect(s.pickup.released.map((r) => r.id)).to.deep.equal(['r1']);
      expect(allText(s.el)).to.contain('No pickup times are free at this store');

      const t = await setup(undefined, { myStore: WEST });
      await holdSlot(t, 0);
      const parent = t.el.parentElement!;
      // Moved within the page: kept.
      parent.append(t.el);
      await aTimeout(0);
      expect(t.pickup.open()).to.deep.equal(['r1']);
      t.el.remove();
      await aTimeout(0);
      expect(t.pickup.open()).to.deep.equal([]);
    });

    it('lets the hold go when the items change', async () => {
      const s = await setup(undefined, {
        myStore: WEST,
        answers: { [SKU]: fresh(stores()), HAT: fresh(stores('HAT')) },
      });
      await holdSlot(s, 0);
      s.el.sku = 'HAT';
      await settled(s.el);
      expect(s.pickup.open()).to.deep.equal([]);
      expect(s.el.value).to.equal('store=westlands');
    });

    it('lists the times again when the page is shown after a while', async () => {
      const s = await setup(undefined, { myStore: WEST });
      const reads = s.pickup.slotReads.length;
      let state: DocumentVisibilityState = 'hidden';
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
      const realNow = Date.now;
      try {
        document.dispatchEvent(new Event('visibilitychange'));
        Date.now = () => realNow() + 2 * MINUTE;
        state = 'visible';
        document.dispatchEvent(new Event('visibilitychange'));
        await waitUntil(() => s.pickup.slotReads.length > reads, 'times not listed again');
        expect(s.pickup.slotReads.at(-1)!.fresh).to.equal(true);
      } finally {
        Date.now = realNow;
        delete (document as { visibilityState?: unknown }).visibilityState;
      }
    });
  });

  describe('events', () => {
    it('makes a chosen store the shopper’s store and says so', async () => {
      const s = await setup();
      const selected = oneEvent(s.el, 'omni-store-select') as Promise<OmniStoreSelectEvent>;
      const changed = oneEvent(s.el, 'omni-pickup-change') as Promise<OmniPickupChangeEvent>;
      await chooseStore(s.el, 'Karen');
      expect((await selected).store.id).to.equal('karen');
      const change = await changed;
      expect([change.store?.id, change.slot, change.reservation]).to.deep.equal([
        'karen',
        undefined,
        undefined,
      ]);
      expect(s.myStore.setCalls.map((store) => store.id)).to.deep.equal(['karen']);
      expect(s.el.value).to.equal('store=karen');
    });

    it('makes pickup the shopper’s way when they choose a store or a time here', async () => {
      const s = await setup();
      await chooseStore(s.el, 'Karen');
      await waitUntil(() => s.myStore.fulfillmentCalls.length > 0, 'no way remembered');
      expect(s.myStore.fulfillmentCalls).to.deep.equal(['pickup']);
      // Their store, already chosen: holding a time says it too.
      const t = await setup(undefined, { myStore: WEST });
      expect(t.myStore.fulfillmentCalls).to.deep.equal([]);
      await holdSlot(t, 0);
      expect(t.myStore.fulfillmentCalls).to.deep.equal(['pickup']);
    });

    it('tells the page about a hold with its store, slot and reservation', async () => {
      const s = await setup(undefined, { myStore: WEST });
      const changed = oneEvent(s.el, 'omni-pickup-change') as Promise<OmniPickupChangeEvent>;
      slotRadios(s.el)[0]!.click();
      const change = await changed;
      expect(change.store?.id).to.equal('westlands');
      expect(change.slot?.id).to.equal('w-1200');
      expect(change.reservation?.id).to.equal('r1');
      expect(change.bubbles && change.composed).to.equal(true);
    });

    it('follows "my store" chosen elsewhere while no time is chosen, and dispatches nothing', async () => {
      const s = await setup(undefined, {
        myStore: WEST,
        slots: { westlands: SLOTS, karen: SLOTS },
      });
      let events = 0;
      s.el.addEventListener('omni-pickup-change', () => events++);
      s.el.addEventListener('omni-store-select', () => events++);
      s.myStore.change(KAREN);
      await settled(s.el);
      expect(storeRadio(s.el, 'Karen').checked).to.equal(true);
      expect(events).to.equal(0);
      // With a time held, another tab's choice does not take it away.
      await holdSlot(s, 0);
      s.myStore.change(WEST);
      await settled(s.el);
      expect(storeRadio(s.el, 'Karen').checked).to.equal(true);
      expect(s.el.value).to.contain('store=karen&slot=w-1200');
      expect(events).to.equal(1); // the hold, not the store from elsewhere
    });
  });

  describe('keyboard and dialog', () => {
    it('moves through stores with the arrow keys; only the store it stops on becomes mine', async () => {
      const s = await setup();
      storeRadio(s.el, 'Westlands').focus();
      await sendKeys({ press: ' ' });
      await s.el.updateComplete;
      await sendKeys({ press: 'ArrowDown' });
      await s.el.updateComplete;
      expect(storeRadio(s.el, 'Karen').checked).to.equal(true);
      // CBD cannot be chosen: the arrow keys skip it and wrap around.
      await sendKeys({ press: 'ArrowDown' });
      await settled(s.el);
      expect(storeRadio(s.el, 'Westlands').checked).to.equal(true);
      await waitUntil(() => s.myStore.setCalls.length > 0, 'no store chosen');
      await aTimeout(400);
      expect(s.myStore.setCalls.map((store) => store.id)).to.deep.equal(['westlands']);
    });

    it('shows the stores behind "Show N more stores" and moves focus to the first of them', async () => {
      const { el } = await setup(undefined, { answers: { [SKU]: fresh(threeStores()) } });
      expect(storeNames(el)).to.deep.equal(['Westlands', 'Karen']);
      const more = $<HTMLButtonElement>(el, '[part~="more-button"]')!;
      expect(more.getAttribute('aria-controls')).to.equal('store-list');
      more.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => storeNames(el).length === 3, 'the stores stayed hidden');
      await waitUntil(
        () => root(el).activeElement === storeRadio(el, 'Far'),
        'focus did not move to the first store shown',
      );
      expect(storeRadio(el, 'Far').checked).to.equal(false);
    });

    it('chooses a time with the keyboard', async () => {
      const s = await setup(undefined, { myStore: WEST });
      slotRadios(s.el)[0]!.focus();
      await sendKeys({ press: ' ' });
      await waitUntil(() => has(s.el, 'held'), 'not held');
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => s.el.value.includes('w-1400'), 'full time not skipped');
    });

    it('opens the chooser in a modal dialog, closes it on Escape and gives focus back', async () => {
      const outside = document.createElement('button');
      outside.textContent = 'Outside';
      document.body.prepend(outside);
      const s = await setup(
        html`<omni-pickup-selector sku=${SKU} variant="compact"></omni-pickup-selector>`,
        { myStore: WEST },
      );
      const line = textOf($(s.el, '[part~="summary"]'));
      // Ready from its first time that can be booked (12:00; hours and lead time say 11:00).
      expect(line).to.contain('Pickup at Westlands · Ready today from 12:00 PM');
      const change = $<HTMLButtonElement>(s.el, '[part~="change-button"]')!;
      change.focus();
      await sendKeys({ press: 'Enter' });
      const dialog = $<HTMLDialogElement>(s.el, 'dialog')!;
      await waitUntil(() => dialog.open, 'dialog did not open');
      expect(dialog.matches(':modal')).to.equal(true);
      expect(has(s.el, 'open')).to.equal(true);
      await settled(s.el);
      // Focus starts on the chosen store, inside the dialog.
      expect(root(s.el).activeElement === storeRadio(s.el, 'Westlands')).to.equal(true);
      // The page behind is inert: tabbing never reaches it (at most the browser's own UI).
      let inside = 0;
      for (let i = 0; i < 12; i++) {
        await sendKeys({ press: 'Tab' });
        expect(document.activeElement === outside, `tab ${i} reached the page`).to.equal(false);
        const active = root(s.el).activeElement;
        if (active && dialog.contains(active)) inside++;
      }
      expect(inside).to.be.above(6);
      // Back inside before closing: a Tab may have left for the browser's own UI, and Firefox
      // then starts the next test file's page without focus.
      for (let i = 0; i < 12 && !dialog.contains(root(s.el).activeElement); i++) {
        await sendKeys({ press: 'Tab' });
      }
      expect(dialog.contains(root(s.el).activeElement)).to.equal(true);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open, 'Escape did not close');
      await waitUntil(() => root(s.el).activeElement === change, 'focus not restored');
      // The browser may give focus back before the element has rendered the closed dialog.
      await s.el.updateComplete;
      expect(has(s.el, 'open')).to.equal(false);
      outside.remove();
    });

    it('summarises a held time on the compact line', async () => {
      const s = await setup(
        html`<omni-pickup-selector sku=${SKU} variant="compact"></omni-pickup-selector>`,
        { myStore: WEST },
      );
      $<HTMLButtonElement>(s.el, '[part~="change-button"]')!.click();
      await waitUntil(() => slotRadios(s.el).length > 0, 'no times');
      await holdSlot(s, 0);
      $<HTMLButtonElement>(s.el, '[part~="close-button"]')!.click();
      await waitUntil(() => !has(s.el, 'open'), 'not closed');
      const line = textOf($(s.el, '[part~="summary"]'));
      expect(line).to.match(
        /^Pickup at Westlands · Today, 12:00\s*–\s*1:00\s*PM 15:00 left Change$/,
      );
    });
  });

  describe('form association', () => {
    async function inForm(attrs = '') {
      const form = document.createElement('form');
      document.body.append(form);
      const s = await setup(undefined, { myStore: WEST, wait: false });
      if (attrs.includes('required')) s.el.required = true;
      s.el.name = 'pickup';
      form.append(s.el);
      await settled(s.el);
      return { ...s, form };
    }

    it('submits the choice as URL-encoded form data under its name', async () => {
      const s = await inForm();
      await holdSlot(s, 0);
      const value = new FormData(s.form).get('pickup') as string;
      expect(Object.fromEntries(new URLSearchParams(value))).to.deep.equal({
        store: 'westlands',
        slot: 'w-1200',
        reservation: 'r1',
      });
      expect(s.el.form === s.form).to.equal(true);
      s.form.remove();
    });

    it('is invalid while required and no time is held, with a localized message', async () => {
      const s = await inForm('required');
      expect(s.el.checkValidity()).to.equal(false);
      expect(s.el.validity?.valueMissing).to.equal(true);
      expect(s.el.validationMessage).to.equal('Choose a pickup time.');
      expect(s.form.checkValidity()).to.equal(false);
      await setOmniLocale('ar');
      await s.el.updateComplete;
      expect(s.el.validationMessage).to.equal('اختر موعدًا للاستلام.');
      await setOmniLocale('en');
      await holdSlot(s, 0);
      expect(s.el.checkValidity()).to.equal(true);
      s.form.remove();
    });

    it('asks for a store first when none is chosen', async () => {
      const form = document.createElement('form');
      document.body.append(form);
      const s = await setup(undefined, { wait: false });
      s.el.required = true;
      form.append(s.el);
      await settled(s.el);
      expect(s.el.validationMessage).to.equal('Choose a pickup store.');
      form.remove();
    });

    it('resets: the hold is released and the value is empty again', async () => {
      const s = await inForm();
      await chooseStore(s.el, 'Karen');
      await chooseStore(s.el, 'Westlands');
      await holdSlot(s, 0);
      s.form.reset();
      await s.el.updateComplete;
      expect(s.pickup.open()).to.deep.equal([]);
      // Back to the shopper's store, nothing held.
      expect(new FormData(s.form).get('pickup')).to.equal('store=westlands');
      expect(slotRadios(s.el).some((r) => r.checked)).to.equal(false);
      s.form.remove();
    });

    it('restores a choice the browser kept by holding the same time again', async () => {
      const s = await inForm();
      s.el.formStateRestoreCallback('store=karen&slot=w-1400&reservation=old');
      s.pickup.slotAnswers.karen = SLOTS;
      await waitUntil(() => s.pickup.holds.length === 1, 'not held again');
      expect(s.pickup.holds[0]).to.include({ storeId: 'karen', slotId: 'w-1400' });
      await waitUntil(() => has(s.el, 'held'), 'not held');
      expect(s.el.value).to.match(/^store=karen&slot=w-1400&reservation=r\d$/);
      s.form.remove();
    });

    it('says so when the restored time is no longer free', async () => {
      const s = await inForm();
      s.el.formStateRestoreCallback('store=westlands&slot=w-1300&reservation=old');
      await s.el.updateComplete;
      await waitUntil(() => errorText(s.el) !== '', 'no message');
      expect(errorText(s.el)).to.contain('no longer free');
      expect(s.pickup.holds).to.have.length(0);
      s.form.remove();
    });

    it('is disabled (and not submitted) inside a disabled fieldset', async () => {
      const s = await inForm();
      await holdSlot(s, 0);
      const fieldset = document.createElement('fieldset');
      s.form.append(fieldset);
      fieldset.append(s.el);
      fieldset.disabled = true;
      await s.el.updateComplete;
      await aTimeout(0);
      expect(new FormData(s.form).get('pickup')).to.equal(null);
      s.form.remove();
    });
  });
});
