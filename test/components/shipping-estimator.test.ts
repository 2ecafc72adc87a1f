import { aTimeout, expect, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { backOnTab, backOnline } from '../helpers/page-events.js';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/components/shipping-estimator/shipping-estimator.js';
import type { OmniShippingEstimator } from '../../src/components/shipping-estimator/shipping-estimator.js';
import { OmniError } from '../../src/core/api/errors.js';
import type { Money, ShippingMethod, ShippingRules, Store } from '../../src/core/api/types.js';
import type { CartStore } from '../../src/core/context.js';
import { createMemoryStorage } from '../../src/core/cache/memory-storage.js';
import { createSwr } from '../../src/core/cache/swr.js';
import type { SwrResult } from '../../src/core/cache/types.js';
import type { ShopperLocation } from '../../src/core/geo/location.js';
import { formatClockTime } from '../../src/core/i18n/format.js';
import { formatCalendarDate, formatHoursMinutes } from '../../src/core/i18n/format-calendar.js';
import { setOmniLocale } from '../../src/core/i18n/localization.js';
import {
  createShippingService,
  type CheckedShippingRules,
  type ShippingService,
} from '../../src/core/shipping/shipping-service.js';
import {
  createPageClock,
  createTestClock,
  type TestClock,
  type VisibilitySource,
} from '../../src/core/time/index.js';
import type { OmniErrorEvent } from '../../src/events/error.js';
import type { OmniShippingChangeEvent } from '../../src/events/shipping-change.js';
import {
  availability,
  deferred,
  fakeLocationService,
  fakeMyStoreService,
  fakeStockService,
  fixtureWithServices,
  fresh,
  makeStore,
  providersOf,
  stockResult,
  type FakeLocationService,
  type FakeStockService,
  type Services,
} from '../helpers/fixture-with-services.js';
import {
  answer,
  fakeShipping as fakeShippingService,
  type FakeShipping,
  type RulesAnswer,
} from '../helpers/shipping.js';

// ---- helpers ----

const root = (el: OmniShippingEstimator): ShadowRoot => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: OmniShippingEstimator, selector: string) =>
  root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: OmniShippingEstimator, selector: string) => [
  ...root(el).querySelectorAll<T>(selector),
];
const textOf = (node: Element | ShadowRoot | null | undefined): string =>
  (node?.textContent ?? '')
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const partText = (el: OmniShippingEstimator, part: string): string =>
  textOf($(el, `[part~="${part}"]`));
const partTexts = (el: OmniShippingEstimator, part: string): string[] =>
  $$(el, `[part~="${part}"]`).map(textOf);
const allText = (el: OmniShippingEstimator): string => textOf(root(el));
const has = (el: OmniShippingEstimator, selector: string): boolean => $(el, selector) !== null;
const isLoading = (el: OmniShippingEstimator): boolean => el.matches(':state(loading)');
/** Waits for the browser to lay the page out again. */
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const heightOf = (node: Element): number => node.getBoundingClientRect().height;

async function settled(el: OmniShippingEstimator): Promise<void> {
  await el.updateComplete;
  await waitUntil(() => !isLoading(el), 'element stayed loading', { timeout: 3000 });
  await el.updateComplete;
}

/** Runs `body` once per language, back in English afterwards. */
async function inEachLocale(body: (locale: 'en' | 'ar') => Promise<void>): Promise<void> {
  try {
    for (const locale of ['en', 'ar'] as const) {
      await setOmniLocale(locale);
      await body(locale);
    }
  } finally {
    await setOmniLocale('en');
  }
}

const eur = (amount: string): Money => ({ amount, currency: 'EUR' });

// What Intl says in British English, whose spacing and abbreviations differ between engines.
/** "25–27 Nov" as the browser's Intl ranges it. */
const range = (from: string, to: string): string =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })
    .formatRange(at(`${from}T12:00:00Z`), at(`${to}T12:00:00Z`))
    .replace(/\s+/g, ' ');
/** "3 hr, 12 min" (or "3 hrs, 12 mins"), as the browser's Intl says it. */
const duration = (hours: number, minutes: number): string =>
  formatHoursMinutes(hours, minutes, 'en-GB').replace(/\s+/g, ' ');
/** "08:00" (or "8:00"). */
const clockTime = (hhmm: string): string => formatClockTime(hhmm, 'en-GB');
const at = (iso: string): Date => new Date(iso);
const MINUTE = 60_000;

const EXPRESS: ShippingMethod = {
  id: 'express',
  label: 'Express',
  carrier: 'Sendy',
  price: eur('7.90'),
  transitDays: { min: 1, max: 1 },
  deliveryDays: [1, 2, 3, 4, 5, 6],
  zones: [{ postalPrefix: '80', transitDays: { min: 2, max: 3 } }],
};
const STANDARD: ShippingMethod = {
  id: 'standard',
  label: 'Standard delivery',
  carrier: 'G4S Courier',
  price: eur('4.50'),
  freeOver: eur('50.00'),
  transitDays: { min: 2, max: 4 },
  deliveryDays: [1, 2, 3, 4, 5],
};

/** A warehouse in Nairobi (UTC+3): Monday to Friday, orders until 15:00 (12:00Z), same-day handling. */
function kenya(methods: unknown[] = [EXPRESS, STANDARD], origin: object = {}): ShippingRules {
  return {
    origins: [
      {
        id: 'nbo',
        timezone: 'Africa/Nairobi',
        cutoffs: [1, 2, 3, 4, 5].map((day) => ({ day, time: '15:00' })),
        handlingDays: { min: 0, max: 0 },
        workdays: [1, 2, 3, 4, 5],
        closures: [],
        ...origin,
      },
    ],
    methods,
    holidays: ['2026-12-25'],
  } as ShippingRules;
}

// Monday 23 Nov 2026, 08:48Z = 11:48 in Nairobi: 3 h 12 min before the cutoff.
const MONDAY = at('2026-11-23T08:48:00Z');
const MONDAY_CUTOFF = at('2026-11-23T12:00:00Z');

function fakeShipping(answers: Record<string, RulesAnswer> = { KE: answer(kenya()) }) {
  return fakeShippingService(answers);
}

const NAIROBI: ShopperLocation = { kind: 'postal', postalCode: '00100', country: 'KE' };
const MOMBASA: ShopperLocation = { kind: 'postal', postalCode: '80100', country: 'KE' };
const WESTLANDS: Store = makeStore({
  id: 'westlands',
  name: 'Westlands',
  timezone: 'Africa/Nairobi',
  hours: [0, 1, 2, 3, 4, 5, 6].map((day) => ({
    day: day as 0 | 1 | 2 | 3 | 4 | 5 | 6,
    open: '08:00',
    close: '21:00',
  })),
  pickup: { enabled: true, leadTimeMinutes: 60 },
});

interface Setup {
  el: OmniShippingEstimator;
  shipping: FakeShipping | ShippingService;
  location: FakeLocationService;
  clock: TestClock;
  stock: FakeStockService;
}

async function setup(
  template: unknown = html`<omni-shipping-estimator sku="SKU-1"></omni-shipping-estimator>`,
  options: {
    shipping?: FakeShipping | ShippingService;
    location?: FakeLocationService;
    clock?: TestClock;
    myStore?: Store;
    stock?: FakeStockService;
    config?: Services['config'];
    wait?: boolean;
  } = {},
): Promise<Setup> {
  const shipping = options.shipping ?? fakeShipping();
  const location = options.location ?? fakeLocationService({ location: NAIROBI });
  const clock = options.clock ?? createTestClock(MONDAY);
  const stock = options.stock ?? fakeStockService();
  const el = await fixtureWithServices<OmniShippingEstimator>(template, {
    shipping,
    location,
    clock,
    stock,
    myStore: fakeMyStoreService(options.myStore),
    // British English: "Tue 24 Nov", "15:00" (the test browser's en-US would say "Tue, Nov 24").
    config: { locale: 'en-GB', currency: 'EUR', country: 'KE', ...options.config },
  });
  if (options.wait !== false) await settled(el);
  return { el, shipping, location, clock, stock };
}

/** The real shipping service over a fake backend and an in-memory cache. */
function realShipping(rules: unknown): ShippingService {
  return createShippingService({
    backend: { getShippingRules: async () => rules as ShippingRules },
    swr: createSwr(createMemoryStorage().cache),
  });
}

const inLiveRegion = (node: Element): boolean => {
  for (let at: Element | null = node; at; at = at.parentElement) {
    const role = at.getAttribute('role');
    if (role === 'status' || role === 'alert' || role === 'log' || at.hasAttribute('aria-live')) {
      return true;
    }
  }
  return false;
};

class FakeVisibility implements VisibilitySource {
  hidden = false;
  readonly listeners = new Set<() => void>();
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  set(hidden: boolean): void {
    this.hidden = hidden;
    for (const listener of [...this.listeners]) listener();
  }
}

// ---- tests ----

describe('<omni-shipping-estimator>', () => {
  describe('accessibility', () => {
    it('passes axe with methods, in both directions', async () => {
      const { el } = await setup(undefined, { myStore: WESTLANDS, stock: stockedAt(WESTLANDS) });
      await inEachLocale(async (locale) => {
        await el.updateComplete;
        expect($(el, '[part="base"]')!.getAttribute('dir')).to.equal(
          locale === 'ar' ? 'rtl' : 'ltr',
        );
        await expect(el).to.be.accessible();
      });
    });

    it('passes axe while loading, on errors and when the country is not served', async () => {
      const pending = deferred<SwrResult<CheckedShippingRules>>();
      const loading = await setup(undefined, {
        shipping: fakeShipping({ KE: () => pending.promise }),
        wait: false,
      });
      await loading.el.updateComplete;
      expect(isLoading(loading.el)).to.equal(true);
      await expect(loading.el).to.be.accessible();

      const down = await setup(undefined, {
        shipping: fakeShipping({
          KE: () => Promise.reject(new OmniError('network', 'offline')),
        }),
      });
      await expect(down.el).to.be.accessible();

      const abroad = await setup(undefined, {
        location: fakeLocationService({ location: { ...NAIROBI, country: 'NO' } }),
      });
      await expect(abroad.el).to.be.accessible();
    });

    it('groups the methods as radio buttons that arrow keys move between', async () => {
      const { el } = await setup();
      const group = $(el, 'fieldset[part~="methods"]')!;
      expect(textOf(group.querySelector('legend'))).to.equal('Delivery options');
      const radios = $$<HTMLInputElement>(el, 'input[type="radio"]');
      expect(radios.map((radio) => radio.checked)).to.deep.equal([true, false]);
      radios[0]!.focus();
      const changed = oneEvent(el, 'omni-shipping-change');
      await sendKeys({ press: 'ArrowDown' });
      const event = (await changed) as unknown as OmniShippingChangeEvent;
      expect(event.methodId).to.equal('standard');
      await el.updateComplete;
      expect(radios.map((radio) => radio.checked)).to.deep.equal([false, true]);
      expect(root(el).activeElement === radios[1]).to.equal(true);
      expect(partText(el, 'selected-item')).to.contain('Standard delivery');
    });

    it('changes the destination from the keyboard, and Escape closes the form', async () => {
      const { el } = await setup();
      const change = $<HTMLButtonElement>(el, '[part~="change-button"]')!;
      change.focus();
      change.click();
      await waitUntil(() => root(el).activeElement === $(el, '#postal-code'), 'focus on input');
      expect(has(el, '[part~="locate-button"]')).to.equal(false);
      expect(partText(el, 'postal-button')).to.equal('Show dates');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(has(el, '#postal-code')).to.equal(false);
      await waitUntil(
        () => root(el).activeElement === $(el, '[part~="change-button"]'),
        'focus back on the change button',
        { timeout: 5000 },
      );
    });

    it('keeps the live countdown out of every live region', async () => {
      const { el } = await setup(undefined, { myStore: WESTLANDS, stock: stockedAt(WESTLANDS) });
      expect(inLiveRegion($(el, '[part~="order-by"]')!)).to.equal(false);
      expect(inLiveRegion($(el, '[part~="pickup"]')!)).to.equal(false);
      // Loading is announced politely, once.
      const status = $$(el, '[role="status"]');
      expect(status).to.have.length(1);
      expect(textOf(status[0])).to.equal('');
    });
  });

  describe('properties', () => {
    it('uses postal-code until the shopper chooses a destination', async () => {
      const location = fakeLocationService({ location: NAIROBI });
      location.isShopperChoice = false; // the merchant's default
      const { el } = await setup(
        html`<omni-shipping-estimator postal-code="80100"></omni-shipping-estimator>`,
        { location },
      );
      expect(partText(el, 'location')).to.contain('Delivery to 80100');
      // Zone 80: Express takes 2 to 3 days.
      expect(partTexts(el, 'dates')[0]).to.equal(`Arrives ${range('2026-11-25', '2026-11-26')}`);
      location.change({ location: NAIROBI }); // the shopper's choice now
      await el.updateComplete;
      expect(partText(el, 'location')).to.contain('Delivery to 00100');
      expect(partTexts(el, 'dates')[0]).to.equal('Arrives Tue 24 Nov');
    });

    it('takes the subtotal as an amount, an amount with a code, or money', async () => {
      const { el } = await setup(
        html`<omni-shipping-estimator subtotal="37.60"></omni-shipping-estimator>`,
      );
      expect(partText(el, 'free-shipping')).to.equal('€12.40 away from free delivery');
      el.setAttribute('subtotal', '49.99 EUR');
      await el.updateComplete;
      expect(partText(el, 'free-shipping')).to.equal('€0.01 away from free delivery');
      el.subtotal = eur('50');
      await el.updateComplete;
      expect(has(el, '[part~="free-shipping"]')).to.equal(false);
      expect(partTexts(el, 'price')).to.deep.equal(['€7.90', 'Free']);
      expect(partText(el, 'free')).to.equal('Free');
      // Another currency, or nonsense: no line, full prices.
      el.subtotal = '30 USD';
      await el.updateComplete;
      expect(partTexts(el, 'price')).to.deep.equal(['€7.90', '€4.50']);
      expect(has(el, '[part~="free-shipping"]')).to.equal(false);
      el.subtotal = 'lots';
      await el.updateComplete;
      expect(has(el, '[part~="free-shipping"]')).to.equal(false);
    });

    it("uses the cart's subtotal while none is given, and follows it", async () => {
      const listeners = new Set<() => void>();
      const cart = {
        ready: Promise.resolve(),
        view: { count: 2, subtotal: eur('37.60') },
        subscribe(listener: () => void) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      };
      const change = (view: { count: number; subtotal?: Money }) => {
        cart.view = view as typeof cart.view;
        listeners.forEach((listener) => listener());
      };
      const { el } = await setup(
        html`<omni-shipping-estimator
          .cart=${cart as unknown as CartStore}
        ></omni-shipping-estimator>`,
      );
      await el.updateComplete;
      expect(partText(el, 'free-shipping')).to.equal('€12.40 away from free delivery');
      change({ count: 3, subtotal: eur('55') });
      await el.updateComplete;
      expect(has(el, '[part~="free-shipping"]')).to.equal(false);
      expect(partTexts(el, 'price')).to.deep.equal(['€7.90', 'Free']);
      // An empty cart, or one with a price not known yet: no line.
      change({ count: 0, subtotal: eur('0') });
      await el.updateComplete;
      expect(has(el, '[part~="free-shipping"]')).to.equal(false);
      change({ count: 1 });
      await el.updateComplete;
      expect(has(el, '[part~="free-shipping"]')).to.equal(false);
      // A subtotal given by the page wins.
      change({ count: 2, subtotal: eur('37.60') });
      el.setAttribute('subtotal', '45');
      await el.updateComplete;
      expect(partText(el, 'free-shipping')).to.equal('€5.00 away from free delivery');
    });

    it('shows the method chosen through `method`, without an event', async () => {
      const { el } = await setup();
      const spy = sinon.spy();
      el.addEventListener('omni-shipping-change', spy);
      el.method = 'standard';
      await el.updateComplete;
      expect(partText(el, 'selected-item')).to.contain('Standard delivery');
      expect(partText(el, 'order-by')).to.equal(
        `Order within ${duration(3, 12)} to get it by Friday`,
      );
      el.method = 'no-such-method';
      await el.updateComplete;
      expect(partText(el, 'selected-item')).to.contain('Express');
      expect(spy.called).to.equal(false);
    });
  });

  describe('rendering states', () => {
    it('shows a placeholder while the rules load', async () => {
      const pending = deferred<SwrResult<CheckedShippingRules>>();
      const { el } = await setup(undefined, {
        shipping: fakeShipping({ KE: () => pending.promise }),
        wait: false,
      });
      await el.updateComplete;
      expect(isLoading(el)).to.equal(true);
      expect($(el, '[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
      expect($$(el, '[part~="skeleton"]').length).to.be.greaterThan(0);
      expect(textOf($(el, '[role="status"]'))).to.equal('Estimating delivery dates…');
      pending.resolve(answer(kenya()));
      await settled(el);
      expect(has(el, '[part~="skeleton"]')).to.equal(false);
      expect(textOf($(el, '[role="status"]'))).to.equal('');
    });

    it('is as tall with its answer as its placeholder (and as omnishelf.css reserves), at any width', async () => {
      const subtotal = html`<omni-shipping-estimator
        sku="SKU-1"
        subtotal="20"
      ></omni-shipping-estimator>`;
      // The location line, two methods (name, carrier at 0.875em, dates) and the order-by line's
      // two lines: 8.75 lines, 7 spaces and 6px of borders (omnishelf.css says the same); with a
      // subtotal, the free-delivery line too.
      for (const [template, expected] of [
        [undefined, 8.75 * 24 + 7 * 8 + 6],
        [subtotal, 9.75 * 24 + 8 * 8 + 6],
      ] as const) {
        for (const width of ['390px', '1200px']) {
          const pending = deferred<SwrResult<CheckedShippingRules>>();
          const { el } = await setup(template, {
            shipping: fakeShipping({ KE: () => pending.promise }),
            wait: false,
          });
          el.style.inlineSize = width;
          el.style.fontSize = '16px';
          await el.updateComplete;
          await nextFrame();
          const loading = heightOf(el);
          expect(loading, width).to.be.closeTo(expected, 0.5);
          pending.resolve(answer(kenya()));
          await settled(el);
          await nextFrame();
          expect(partTexts(el, 'method-name')).to.have.length(2);
          // The answer fills that height itself (the height hold is not what makes it so).
          expect(heightOf($(el, '[part="base"]')!), width).to.be.closeTo(loading, 0.5);
          expect(heightOf(el), width).to.be.closeTo(loading, 0.5);
        }
      }
    });

    it('keeps the height of its placeholder until the shopper interacts, so nothing below moves up', async () => {
      // Heard on the way in, also when a control inside stops the event (Escape in a form).
      for (const interaction of ['pointerdown', 'keydown', 'click']) {
        const pending = deferred<SwrResult<CheckedShippingRules>>();
        const { el } = await setup(undefined, {
          shipping: fakeShipping({ KE: () => pending.promise }),
          wait: false,
        });
        await el.updateComplete;
        await nextFrame();
        const loading = heightOf(el);
        // A shorter answer: one method.
        pending.resolve(answer(kenya([STANDARD])));
        await settled(el);
        await nextFrame();
        const shown = heightOf($(el, '[part="base"]')!);
        expect(shown, interaction).to.be.below(loading - 50);
        expect(heightOf(el), interaction).to.be.closeTo(loading, 0.5);
        $(el, '[part="base"]')!.dispatchEvent(
          new Event(interaction, { bubbles: false, composed: true }),
        );
        await nextFrame();
        expect(heightOf(el), interaction).to.be.closeTo(shown, 0.5);
      }
    });

    it('lists each method with its name, carrier, price and dates', async () => {
      const { el, shipping } = await setup();
      expect((shipping as FakeShipping).calls).to.deep.equal(['KE']);
      expect(partTexts(el, 'method-name')).to.deep.equal(['Express', 'Standard delivery']);
      expect(partTexts(el, 'carrier')).to.deep.equal(['Sendy', 'G4S Courier']);
      expect(partTexts(el, 'price')).to.deep.equal(['€7.90', '€4.50']);
      // Shipped Monday: Express the next delivery day, Standard 2 to 4 weekdays later.
      expect(partTexts(el, 'dates')).to.deep.equal([
        'Arrives Tue 24 Nov',
        `Arrives ${range('2026-11-25', '2026-11-27')}`,
      ]);
      expect(partText(el, 'location')).to.contain('Delivery to 00100');
    });

    it('shows one method without a choice to make', async () => {
      const { el } = await setup(undefined, {
        shipping: fakeShipping({ KE: answer(kenya([STANDARD])) }),
      });
      expect(has(el, 'input[type="radio"]')).to.equal(false);
      expect(has(el, 'fieldset')).to.equal(false);
      expect(partText(el, 'item')).to.contain('Standard delivery');
      expect(partText(el, 'order-by')).to.equal(
        `Order within ${duration(3, 12)} to get it by Friday`,
      );
    });

    it('spans every zone before a postal code is known', async () => {
      const { el } = await setup(undefined, {
        location: fakeLocationService({ location: { kind: 'coords', lat: -1.3, lng: 36.8 } }),
      });
      expect(partText(el, 'location')).to.contain('Delivery in Kenya');
      // Express: base 1 day, zone 80 two to three: 1 to 3 days over the country.
      expect(partTexts(el, 'dates')[0]).to.equal(`Arrives ${range('2026-11-24', '2026-11-26')}`);
    });

    it('asks for a postal code without any location, and shows the range meanwhile', async () => {
      const { el } = await setup(undefined, { location: fakeLocationService() });
      expect(allText(el)).to.contain('Enter your postal code for exact delivery dates.');
      expect(partTexts(el, 'dates')[0]).to.equal(`Arrives ${range('2026-11-24', '2026-11-26')}`);
    });

    describe('order-by line', () => {
      it('always has room for two lines, so that its changing text moves nothing, and is never cut', async () => {
        const { el } = await setup();
        el.style.inlineSize = '1200px';
        const line = parseFloat(getComputedStyle(el).lineHeight);
        const orderBy = $(el, '[part~="order-by"]')!;
        expect(partText(el, 'order-by')).to.equal(
          `Order within ${duration(3, 12)} to get it tomorrow`,
        );
        expect(heightOf(orderBy)).to.be.closeTo(2 * line, 0.5);
        el.style.inlineSize = '120px';
        expect(heightOf(orderBy)).to.be.greaterThan(2 * line + 1);
      });

      it('counts down on the page clock, re-rendering only that line', async () => {
        const { el, clock } = await setup();
        expect(partText(el, 'order-by')).to.equal(
          `Order within ${duration(3, 12)} to get it tomorrow`,
        );
        const renders = sinon.spy(el as unknown as { render(): unknown }, 'render');
        clock.advance(MINUTE);
        expect(partText(el, 'order-by')).to.equal(
          `Order within ${duration(3, 11)} to get it tomorrow`,
        );
        clock.advance(3 * 60 * MINUTE);
        expect(partText(el, 'order-by')).to.equal(
          `Order within ${duration(0, 11)} to get it tomorrow`,
        );
        clock.set(MONDAY_CUTOFF.getTime() - 30_000);
        expect(partText(el, 'order-by')).to.equal(
          'Order within less than a minute to get it tomorrow',
        );
        await el.updateComplete;
        expect(renders.callCount).to.equal(0);
      });

      it('rolls over to the next promise when orderBy passes', async () => {
        const { el, clock } = await setup();
        clock.set(MONDAY_CUTOFF.getTime() - MINUTE);
        expect(partTexts(el, 'dates')[0]).to.equal('Arrives Tue 24 Nov');
        clock.set(MONDAY_CUTOFF.getTime() + MINUTE);
        await el.updateComplete;
        // Ordered after Monday's cutoff: ships Tuesday, arrives Wednesday.
        expect(partTexts(el, 'dates')).to.deep.equal([
          'Arrives Wed 25 Nov',
          `Arrives ${range('2026-11-26', '2026-11-30')}`,
        ]);
        expect(partText(el, 'order-by')).to.equal(
          `Order within ${duration(23, 59)} to get it by Wednesday`,
        );
      });

      it('computes the promise again when the clock is set back', async () => {
        const { el, clock } = await setup();
        clock.set(MONDAY_CUTOFF.getTime() + MINUTE);
        await el.updateComplete;
        expect(partTexts(el, 'dates')[0]).to.equal('Arrives Wed 25 Nov');
        clock.set(MONDAY.getTime());
        await el.updateComplete;
        expect(partTexts(el, 'dates')[0]).to.equal('Arrives Tue 24 Nov');
        expect(partText(el, 'order-by')).to.equal(
          `Order within ${duration(3, 12)} to get it tomorrow`,
        );
        expect(el.promise?.orderBy.toISOString()).to.equal(MONDAY_CUTOFF.toISOString());
      });

      it('names the moment when the cutoff is days away', async () => {
        // Friday 27 Nov after the cutoff: the next is Monday 30 Nov 15:00 in Nairobi.
        const { el } = await setup(undefined, {
          clock: createTestClock(at('2026-11-27T13:00:00Z')),
        });
        const moment = new Intl.DateTimeFormat('en-GB', {
          weekday: 'long',
          hour: 'numeric',
          minute: '2-digit',
        }).format(at('2026-11-30T12:00:00Z'));
        expect(partText(el, 'order-by')).to.equal(`Order by ${moment} to get it by Tuesday`);
      });

      it('pauses while the page is hidden and catches up when it is shown', async () => {
        const fake = sinon.useFakeTimers({
          now: MONDAY,
          toFake: ['setTimeout', 'clearTimeout', 'Date'],
        });
        try {
          const visibility = new FakeVisibility();
          const clock = createPageClock({ visibility });
          const el = await fixtureWithServices<OmniShippingEstimator>(
            html`<omni-shipping-estimator></omni-shipping-estimator>`,
            {
              shipping: fakeShipping(),
              location: fakeLocationService({ location: NAIROBI }),
              clock,
              config: { locale: 'en-GB', country: 'KE' },
            },
          );
          for (let i = 0; i < 10 && isLoading(el); i++) await el.updateComplete;
          await el.updateComplete;
          expect(partText(el, 'order-by')).to.equal(
            `Order within ${duration(3, 12)} to get it tomorrow`,
          );
          fake.tick(MINUTE);
          expect(partText(el, 'order-by')).to.equal(
            `Order within ${duration(3, 11)} to get it tomorrow`,
          );
          visibility.set(true);
          expect(fake.countTimers()).to.equal(0);
          fake.tick(30 * MINUTE);
          expect(partText(el, 'order-by')).to.equal(
            `Order within ${duration(3, 11)} to get it tomorrow`,
          );
          visibility.set(false);
          expect(partText(el, 'order-by')).to.equal(
            `Order within ${duration(2, 41)} to get it tomorrow`,
          );
        } finally {
          fake.restore();
        }
      });
    });

    describe('pickup', () => {
      it("compares with picking it up at the shopper's store, live", async () => {
        const { el, clock } = await setup(undefined, {
          myStore: WESTLANDS,
          stock: stockedAt(WESTLANDS),
        });
        // 11:48 in Nairobi plus an hour's lead time.
        expect(partText(el, 'pickup')).to.equal(
          `or pick it up today after ${clockTime('12:48')} at Westlands`,
        );
        clock.advance(MINUTE);
        expect(partText(el, 'pickup')).to.equal(
          `or pick it up today after ${clockTime('12:49')} at Westlands`,
        );
        // 20:30 in Nairobi: ready when the store opens tomorrow.
        clock.set(at('2026-11-23T17:30:00Z'));
        expect(partText(el, 'pickup')).to.equal(
          `or pick it up tomorrow from ${clockTime('08:00')} at Westlands`,
        );
      });

      it('offers no pickup when the store lacks the item or does not offer pickup', async () => {
        const out = await setup(undefined, {
          myStore: WESTLANDS,
          stock: stockedAt(WESTLANDS, 'out_of_stock'),
        });
        expect(has(out.el, '[part~="pickup"]')).to.equal(false);
        const noPickup = { ...WESTLANDS, pickup: { enabled: false, leadTimeMinutes: 0 } };
        const off = await setup(undefined, { myStore: noPickup, stock: stockedAt(noPickup) });
        expect(has(off.el, '[part~="pickup"]')).to.equal(false);
        // No pickup lookup (the one lookup is the item's online stock).
        expect(off.stock.lookups.filter((l) => l.query.location !== undefined)).to.have.length(0);
        const failing = await setup(undefined, { myStore: WESTLANDS, stock: fakeStockService() });
        expect(has(failing.el, '[part~="pickup"]')).to.equal(false);
        expect(partTexts(failing.el, 'method-name')).to.have.length(2);
      });
    });

    describe('online stock', () => {
      /** A stock service that knows SKU-1's online stock only. */
      const onlineStock = (status: 'in_stock' | 'out_of_stock' | 'backorder', restockAt?: string) =>
        fakeStockService({
          'SKU-1': fresh({
            ...stockResult('SKU-1', [], status),
            online: { ...availability('SKU-1', status), ...(restockAt ? { restockAt } : {}) },
          }),
        });

      it('promises no delivery for an item out of stock online, and still offers pickup', async () => {
        const { el } = await setup(undefined, {
          myStore: WESTLANDS,
          stock: fakeStockService({
            'SKU-1': fresh({
              ...stockResult('SKU-1', [
                {
                  store: WESTLANDS,
                  availability: availability('SKU-1', 'in_stock', 3, 'westlands'),
                },
              ]),
              online: availability('SKU-1', 'out_of_stock'),
            }),
          }),
        });
        await waitUntil(() => el.matches(':state(sold-out)'), 'never sold out');
        await el.updateComplete;
        expect(partText(el, 'sold-out')).to.equal('Out of stock for delivery right now.');
        expect(partTexts(el, 'method-name')).to.have.length(0);
        expect(has(el, '[part~="order-by"]')).to.equal(false);
        expect(el.promise).to.equal(undefined);
        expect(partText(el, 'pickup')).to.contain('at Westlands');
        await expect(el).to.be.accessible();
      });

      it('counts the dates of a backorder from its restock date, without an order-by countdown', async () => {
        const { el } = await setup(undefined, {
          stock: onlineStock('backorder', '2026-12-03T06:00:00Z'),
        });
        await waitUntil(() => has(el, '[part~="ships-from"]'), 'no ships-from line');
        expect(partText(el, 'ships-from')).to.equal(
          'Ships from 3 Dec; the dates above count from then.',
        );
        expect(has(el, '[part~="order-by"]')).to.equal(false);
        expect(el.promise!.earliest >= '2026-12-03', el.promise!.earliest).to.equal(true);
        expect(partTexts(el, 'dates')[0]).to.match(/Dec/);
        expect(el.matches(':state(sold-out)')).to.equal(false);
      });

      it('is unchanged for an item in stock online, or when online stock is unknown', async () => {
        for (const stock of [onlineStock('in_stock'), fakeStockService()]) {
          const { el } = await setup(undefined, { stock });
          await settled(el);
          expect(partTexts(el, 'method-name')).to.have.length(2);
          expect(has(el, '[part~="order-by"]')).to.equal(true);
          expect(has(el, '[part~="ships-from"]')).to.equal(false);
        }
      });
    });

    describe('errors and old rules', () => {
      it("says so when the merchant doesn't ship to the country", async () => {
        const { el } = await setup(undefined, {
          location: fakeLocationService({
            location: { kind: 'postal', postalCode: '0150', country: 'NO' },
          }),
        });
        expect(el.matches(':state(unsupported)')).to.equal(true);
        expect(el.matches(':state(error)')).to.equal(false);
        expect(textOf($(el, '[role="alert"]'))).to.equal("Sorry, we don't deliver to Norway.");
        expect(has(el, '[part~="retry-button"]')).to.equal(false);
        expect(has(el, '[part~="change-button"]')).to.equal(true);
      });

      it('estimates from cached rules when the backend is down, with a note', async () => {
        const failed = Promise.reject(new OmniError('network', 'offline'));
        failed.catch(() => undefined);
        const { el } = await setup(undefined, {
          shipping: fakeShipping({
            KE: answer(kenya(), {
              stale: true,
              source: 'cache',
              updatedAt: Date.now() - 2 * 24 * 60 * MINUTE,
              revalidation: failed as never,
            }),
          }),
        });
        expect(el.matches(':state(stale)')).to.equal(true);
        expect(partTexts(el, 'dates')).to.deep.equal([
          'Arrives Tue 24 Nov',
          `Arrives ${range('2026-11-25', '2026-11-27')}`,
        ]);
        expect(partText(el, 'stale')).to.equal(
          'Delivery times last updated 2 days ago; they may have changed.',
        );
      });

      it('replaces stale rules when the refresh lands', async () => {
        const refresh = deferred<SwrResult<CheckedShippingRules>>();
        const { el } = await setup(undefined, {
          shipping: fakeShipping({
            KE: answer(kenya([STANDARD]), {
              stale: true,
              source: 'cache',
              revalidation: refresh.promise,
            }),
          }),
        });
        expect(partTexts(el, 'method-name')).to.deep.equal(['Standard delivery']);
        refresh.resolve(answer(kenya()));
        await waitUntil(() => partTexts(el, 'method-name').length === 2, 'refreshed');
        expect(el.matches(':state(stale)')).to.equal(false);
        expect(has(el, '[part~="stale"]')).to.equal(false);
      });

      it('offers a retry when the backend cannot be reached', async () => {
        let fail = true;
        const { el, shipping } = await setup(undefined, {
          shipping: fakeShipping({
            KE: () =>
              fail
                ? Promise.reject(new OmniError('network', 'offline'))
                : Promise.resolve(answer(kenya())),
          }),
        });
        expect(el.matches(':state(error)')).to.equal(true);
        expect(textOf($(el, '[role="alert"]'))).to.equal(
          "Can't reach the shop right now. Check your connection and try again.",
        );
        fail = false;
        $<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
        await settled(el);
        expect((shipping as FakeShipping).calls).to.have.length(2);
        expect(partTexts(el, 'method-name')).to.have.length(2);
        expect(el.matches(':state(error)')).to.equal(false);
      });

      it('asks again for rules that failed once back online, and when the shopper comes back to the tab', async () => {
        let fail = true;
        const { el, shipping } = await setup(undefined, {
          shipping: fakeShipping({
            KE: () =>
              fail
                ? Promise.reject(new OmniError('http', 'x', { status: 503 }))
                : Promise.resolve(answer(kenya())),
          }),
        });
        const calls = (shipping as FakeShipping).calls;
        expect(el.matches(':state(error)')).to.equal(true);
        expect(textOf($(el, '[role="alert"]'))).to.equal(
          "Delivery estimates aren't available right now. Please try again in a moment.",
        );
        // Back on the tab, still failing: asked again, and said again.
        backOnTab();
        await waitUntil(() => calls.length === 2, 'not asked again on the tab');
        await settled(el);
        expect(el.matches(':state(error)')).to.equal(true);
        fail = false;
        backOnline();
        await settled(el);
        await waitUntil(() => partTexts(el, 'method-name').length === 2, 'not asked again online');
        expect(calls).to.have.length(3);
        expect(el.matches(':state(error)')).to.equal(false);
        // Nothing failed any more: nothing is asked again.
        backOnline();
        backOnTab();
        await aTimeout(20);
        expect(calls).to.have.length(3);
      });

      it('asks nothing again for a country it does not deliver to', async () => {
        const { el, shipping } = await setup(undefined, {
          location: fakeLocationService({
            location: { kind: 'postal', postalCode: '0150', country: 'NO' },
          }),
        });
        expect(el.matches(':state(unsupported)')).to.equal(true);
        backOnline();
        backOnTab();
        await aTimeout(20);
        expect((shipping as FakeShipping).calls).to.deep.equal(['NO']);
      });

      it('brings keyboard users to the delivery options after "Try again"', async () => {
        let fail = true;
        const { el } = await setup(undefined, {
          shipping: fakeShipping({
            KE: () =>
              fail
                ? Promise.reject(new OmniError('timeout', 'slow'))
                : Promise.resolve(answer(kenya())),
          }),
        });
        const retry = $<HTMLButtonElement>(el, '[part~="retry-button"]')!;
        retry.focus();
        fail = false;
        retry.click();
        await settled(el);
        await waitUntil(
          () => el.shadowRoot!.activeElement === $(el, 'input[name="method"]'),
          'focus is not on the delivery options',
        );
      });

      it('says when the shop has not set up delivery estimates', async () => {
        const { el } = await setup(undefined, {
          shipping: fakeShipping({
            KE: () => Promise.reject(new OmniError('unsupported', 'no shipping capability')),
          }),
        });
        expect(textOf($(el, '[role="alert"]'))).to.equal(
          "This shop hasn't set up delivery estimates yet.",
        );
        expect(has(el, '[part~="retry-button"]')).to.equal(false);
      });
    });

    describe('bad rules', () => {
      let warn: sinon.SinonStub;
      beforeEach(() => {
        warn = sinon.stub(console, 'warn');
      });
      afterEach(() => warn.restore());

      const warnings = (): string[] => warn.getCalls().map((call) => String(call.args[0]));

      const cases: [string, unknown[], object, RegExp][] = [
        [
          'handling min > max',
          [EXPRESS],
          { handlingDays: { min: 3, max: 1 } },
          /handlingDays\.min 3 is greater/,
        ],
        [
          'an unknown timezone',
          [EXPRESS],
          { timezone: 'Mars/Olympus_Mons' },
          /timezone "Mars\/Olympus_Mons" is not a known timezone/,
        ],
        [
          'a cutoff of 25:00',
          [EXPRESS],
          { cutoffs: [{ day: 1, time: '25:00' }] },
          /"25:00" is not a clock time/,
        ],
      ];
      for (const [what, methods, origin, reason] of cases) {
        it(`says it cannot estimate with ${what}, and why in the console`, async () => {
          const { el } = await setup(undefined, { shipping: realShipping(kenya(methods, origin)) });
          expect(el.matches(':state(empty)')).to.equal(true);
          expect(partText(el, 'error')).to.equal("We can't estimate delivery dates right now.");
          expect(warnings().some((message) => reason.test(message))).to.equal(true);
        });
      }

      it('leaves out a method with negative transit or no delivery days, and says why', async () => {
        const negative = { ...EXPRESS, id: 'negative', transitDays: { min: -1, max: 2 } };
        const never = { ...EXPRESS, id: 'never', deliveryDays: [] };
        const { el } = await setup(undefined, {
          shipping: realShipping(kenya([negative, never, STANDARD])),
        });
        expect(partTexts(el, 'method-name')).to.deep.equal(['Standard delivery']);
        const messages = warnings();
        expect(
          messages.some((m) => /"negative".*transitDays must be whole numbers/.test(m)),
        ).to.equal(true);
        expect(messages.some((m) => /"never".*no delivery days/.test(m))).to.equal(true);
        expect(messages.some((m) => /"never" has no delivery date/.test(m))).to.equal(true);
      });

      it('finds the right zone among thousands', async () => {
        const zones = Array.from({ length: 5000 }, (_, i) => ({
          postalPrefix: String(10000 + i),
          transitDays: { min: 5, max: 6 },
        }));
        zones.push({ postalPrefix: '00100', transitDays: { min: 2, max: 2 } });
        const { el } = await setup(undefined, {
          shipping: realShipping(kenya([{ ...EXPRESS, zones }])),
        });
        expect(partTexts(el, 'dates')).to.deep.equal(['Arrives Wed 25 Nov']);
      });

      it('renders markup in labels as text', async () => {
        const hostile = '<img src=x onerror="window.__pwned=1">Express & <b>Co</b>';
        const { el } = await setup(undefined, {
          shipping: realShipping(
            kenya([{ ...EXPRESS, label: hostile, carrier: '<script>alert(1)</script>' }]),
          ),
        });
        expect(partText(el, 'method-name')).to.equal(hostile);
        expect(partText(el, 'carrier')).to.equal('<script>alert(1)</script>');
        expect(has(el, 'img, b, script')).to.equal(false);
        expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
      });

      it('never throws on rules that are not rules', async () => {
        const { el } = await setup(undefined, {
          shipping: realShipping({ origins: [null], methods: [42, 'x'], holidays: ['someday'] }),
        });
        expect(partText(el, 'error')).to.equal("We can't estimate delivery dates right now.");
      });
    });

    it('follows the page colour scheme: light by default, dark on a dark page', async () => {
      const { el } = await setup();
      // The chosen method's border is the accent: #0b57d0 light, #a8c7fa dark.
      const accent = () => getComputedStyle($(el, '[part~="selected-item"]')!).borderTopColor;
      expect(accent()).to.equal('rgb(11, 87, 208)');
      providersOf(el).host.style.colorScheme = 'dark';
      expect(accent()).to.equal('rgb(168, 199, 250)');
      // The merchant's tokens win in both.
      el.style.setProperty('--omni-color-accent', 'rgb(1, 2, 3)');
      expect(accent()).to.equal('rgb(1, 2, 3)');
    });

    it('follows prefers-color-scheme on a page that offers both schemes', async function () {
      const { el } = await setup();
      const accent = () => getComputedStyle($(el, '[part~="selected-item"]')!).borderTopColor;
      providersOf(el).host.style.colorScheme = 'light dark';
      // Media emulation needs CDP (Chromium); Firefox over WebDriver BiDi cannot do it yet.
      if (navigator.userAgent.includes('Firefox')) this.skip();
      await emulateMedia({ colorScheme: 'dark' });
      try {
        expect(accent()).to.equal('rgb(168, 199, 250)');
        await emulateMedia({ colorScheme: 'light' });
        expect(accent()).to.equal('rgb(11, 87, 208)');
      } finally {
        await emulateMedia({ colorScheme: 'no-preference' });
      }
    });

    it('fits 320 px without scrolling sideways, in both directions', async () => {
      const { el } = await setup(
        html`<omni-shipping-estimator sku="SKU-1" subtotal="10"></omni-shipping-estimator>`,
        { myStore: WESTLANDS, stock: stockedAt(WESTLANDS) },
      );
      providersOf(el).host.style.inlineSize = '320px';
      await inEachLocale(async () => {
        await el.updateComplete;
        const base = $(el, '[part="base"]')!;
        expect(base.getBoundingClientRect().width).to.be.at.most(320);
        expect(base.scrollWidth).to.be.at.most(base.clientWidth);
        for (const part of ['item', 'order-by', 'pickup', 'free-shipping', 'location']) {
          for (const node of $$(el, `[part~="${part}"]`)) {
            expect(node.getBoundingClientRect().width, part).to.be.at.most(320);
          }
        }
      });
    });

    it('shows dates and sentences in Arabic, right to left', async () => {
      const { el } = await setup(
        html`<omni-shipping-estimator subtotal="37.60"></omni-shipping-estimator>`,
        { config: { locale: 'ar' } },
      );
      await setOmniLocale('ar');
      try {
        await el.updateComplete;
        const arabic = (options: Intl.DateTimeFormatOptions, iso: string) =>
          new Intl.DateTimeFormat('ar', { ...options, timeZone: 'UTC' }).format(at(iso));
        expect(partTexts(el, 'dates')[0]).to.equal(
          `يصلك ${arabic({ weekday: 'short', day: 'numeric', month: 'short' }, '2026-11-24T12:00:00Z')}`,
        );
        expect(partText(el, 'order-by')).to.match(/^أمامك .+ لتطلبه ويصلك غدًا$/);
        expect(partText(el, 'free-shipping')).to.match(/^أضف .+ إلى سلتك لتحصل على توصيل مجاني$/);
        expect(partText(el, 'location')).to.contain('التوصيل إلى 00100');
      } finally {
        await setOmniLocale('en');
      }
    });
    it('names days by their date in Lithuanian, whose weekday names Intl cannot decline', async () => {
      // Open on weekdays only: on Friday night, pickup is on Monday.
      const weekdaysOnly: Store = {
        ...WESTLANDS,
        hours: WESTLANDS.hours.filter(({ day }) => day >= 1 && day <= 5),
      };
      const { el, clock } = await setup(
        html`<omni-shipping-estimator sku="SKU-1" method="standard"></omni-shipping-estimator>`,
        { config: { locale: 'lt' }, myStore: weekdaysOnly, stock: stockedAt(weekdaysOnly) },
      );
      await setOmniLocale('lt');
      try {
        await el.updateComplete;
        const date = (iso: string) =>
          formatCalendarDate(iso, 'lt', { day: 'numeric', month: 'long' });
        // "penktadienis": a sentence would need "iki penktadienio" or "penktadienį".
        const weekdays = ['23', '24', '25', '26', '27', '28', '29'].map((day) =>
          formatCalendarDate(`2026-11-${day}`, 'lt', { weekday: 'long' }),
        );
        const noWeekday = (text: string) =>
          expect(
            weekdays.filter((name) => text.includes(name)),
            text,
          ).to.deep.equal([]);
        // Standard, ordered on Monday: by Friday 27 Nov.
        expect(partText(el, 'order-by')).to.contain(date('2026-11-27'));
        noWeekday(partText(el, 'order-by'));
        // Friday 22:30 in Nairobi: order by Monday 30 Nov, delivered by Friday 4 Dec, pickup Monday.
        clock.set(at('2026-11-27T19:30:00Z').getTime());
        await el.updateComplete;
        expect(partText(el, 'order-by')).to.contain(date('2026-11-30'));
        expect(partText(el, 'order-by')).to.contain(date('2026-12-04'));
        expect(partText(el, 'pickup')).to.contain(date('2026-11-30'));
        noWeekday(partText(el, 'order-by'));
        noWeekday(partText(el, 'pickup'));
      } finally {
        await setOmniLocale('en');
      }
    });
  });

  describe('events', () => {
    it('dispatches omni-shipping-change when the shopper picks a method', async () => {
      const { el } = await setup();
      const changed = oneEvent(el, 'omni-shipping-change');
      $$<HTMLInputElement>(el, 'input[type="radio"]')[1]!.click();
      const event = (await changed) as unknown as OmniShippingChangeEvent;
      expect(event.reason).to.equal('method');
      expect(event.methodId).to.equal('standard');
      expect(event.destination).to.deep.equal({ country: 'KE', postalCode: '00100' });
      expect(event.promise).to.include({ earliest: '2026-11-25', latest: '2026-11-27' });
      expect(event.promise?.orderBy.toISOString()).to.equal(MONDAY_CUTOFF.toISOString());
      expect(event.bubbles && event.composed).to.equal(true);
      expect(el.method).to.equal('standard');
    });

    it('dispatches it for a new destination once its estimate is known', async () => {
      const { el, location } = await setup();
      const changed = oneEvent(el, 'omni-shipping-change');
      $<HTMLButtonElement>(el, '[part~="change-button"]')!.click();
      await el.updateComplete;
      $<HTMLInputElement>(el, '#postal-code')!.value = '80100';
      $<HTMLFormElement>(el, '[part~="postal-form"]')!.requestSubmit();
      const event = (await changed) as unknown as OmniShippingChangeEvent;
      expect(location.setLocationCalls).to.deep.equal([MOMBASA]);
      expect(event.reason).to.equal('destination');
      expect(event.destination).to.deep.equal({ country: 'KE', postalCode: '80100' });
      expect(event.methodId).to.equal('express');
      expect(event.promise).to.include({ earliest: '2026-11-25', latest: '2026-11-26' });
    });

    it('dispatches it when another widget changes the shared location, not for attributes', async () => {
      const shipping = fakeShipping({
        KE: answer(kenya()),
        NO: () => Promise.reject(new OmniError('http', 'no', { code: 'unsupported_country' })),
      });
      const { el, location } = await setup(undefined, { shipping });
      const spy = sinon.spy();
      el.addEventListener('omni-shipping-change', spy);
      el.setAttribute('postal-code', '80100');
      el.setAttribute('subtotal', '10');
      await el.updateComplete;
      expect(spy.called).to.equal(false);
      location.change({ location: { kind: 'postal', postalCode: '0150', country: 'NO' } });
      await waitUntil(() => spy.called, 'no event');
      const event = spy.firstCall.args[0] as OmniShippingChangeEvent;
      expect(event.destination).to.deep.equal({ country: 'NO', postalCode: '0150' });
      expect(event.methodId).to.equal(undefined);
      expect(spy.callCount).to.equal(1);
    });
  });

  describe('events: omni-error', () => {
    it('tells the page once why the rules could not be had', async () => {
      const seen: OmniErrorEvent[] = [];
      const listener = (event: OmniErrorEvent) => seen.push(event);
      document.addEventListener('omni-error', listener);
      try {
        const { el } = await setup(undefined, {
          shipping: fakeShipping({
            KE: () => Promise.reject(new OmniError('network', 'offline')),
          }),
        });
        el.requestUpdate();
        await el.updateComplete;
        expect(seen).to.have.length(1);
        expect(seen[0]!.error).to.be.instanceOf(OmniError);
        expect((seen[0]!.error as OmniError).kind).to.equal('network');
        expect(seen[0]!.composed && seen[0]!.bubbles).to.equal(true);
      } finally {
        document.removeEventListener('omni-error', listener);
      }
    });
  });

  describe('parts', () => {
    it('is themed through its documented custom properties', async () => {
      const { el } = await setup();
      const selected = () => getComputedStyle($(el, '[part~="selected-item"]')!).borderTopColor;
      el.style.setProperty('--omni-color-accent', 'rgb(0, 0, 200)');
      expect(selected()).to.equal('rgb(0, 0, 200)');
      el.style.setProperty('--omni-shipping-estimator-selected-color', 'rgb(200, 0, 0)');
      expect(selected()).to.equal('rgb(200, 0, 0)');
    });

    it('exposes its parts for theming', async () => {
      const { el } = await setup(
        html`<omni-shipping-estimator sku="SKU-1" subtotal="20"></omni-shipping-estimator>`,
        { myStore: WESTLANDS, stock: stockedAt(WESTLANDS) },
      );
      for (const part of [
        'base',
        'location',
        'methods',
        'list',
        'item',
        'selected-item',
        'radio',
        'method-name',
        'carrier',
        'price',
        'dates',
        'order-by',
        'pickup',
        'free-shipping',
        'button',
      ]) {
        expect(has(el, `[part~="${part}"]`), part).to.equal(true);
      }
    });
  });
});

/** A stock service whose lookups find `store` with `status`. */
function stockedAt(store: Store, status: 'in_stock' | 'out_of_stock' = 'in_stock') {
  return fakeStockService({
    'SKU-1': fresh(
      stockResult('SKU-1', [
        { store, availability: availability('SKU-1', status, undefined, store.id) },
      ]),
    ),
  });
}
