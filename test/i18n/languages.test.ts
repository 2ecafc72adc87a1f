/**
 * Every widget, in its states, in each of the six languages on a 390 px wide phone: no English
 * left outside backend data (store names, products, postal codes), no message id on screen, nothing
 * wider than the screen, and axe clean (each widget once per language). The English of every
 * message is read from the XLIFF sources, so a string that reaches the screen without a
 * translation, or one written outside msg(), shows up here. Dates, times and durations come from
 * Intl: a month, weekday or unit word that Intl says in English but not in the language ("Nov",
 * "Friday", "hr", "ago") means one was formatted in the wrong locale.
 */
import { aTimeout, expect, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { whileOffline } from '../helpers/page-events.js';
import { setViewport } from '@web/test-runner-commands';
// The page host first: it applies the page's language (auto) once, when installed; installed
// later by an element's lazy import, it would switch the language in the middle of a test.
import '../../src/components/provider/install.js';
import '../../src/components/stock-checker/stock-checker.js';
import '../../src/components/pickup-selector/pickup-selector.js';
import '../../src/components/cart/cart.js';
import '../../src/components/cart-button/cart-button.js';
import '../../src/components/cart-count/cart-count.js';
import '../../src/components/add-to-cart/add-to-cart.js';
import '../../src/components/shipping-estimator/shipping-estimator.js';
import type { OmniStockChecker } from '../../src/components/stock-checker/stock-checker.js';
import type { OmniPickupSelector } from '../../src/components/pickup-selector/pickup-selector.js';
import type { OmniCartButton } from '../../src/components/cart-button/cart-button.js';
import type { OmniShippingEstimator } from '../../src/components/shipping-estimator/shipping-estimator.js';
import type {
  Availability,
  DayOfWeek,
  Money,
  ShippingMethod,
  ShippingRules,
  Store,
} from '../../src/core/api/types.js';
import {
  SUPPORTED_LOCALES,
  getOmniLocale,
  setOmniLocale,
} from '../../src/core/i18n/localization.js';
import { OmniError } from '../../src/core/api/errors.js';
import { createTestClock } from '../../src/core/time/clock.js';
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
  stockResult,
} from '../helpers/fixture-with-services.js';
import { MINUTE, fakePickupService, slot } from '../helpers/pickup.js';
import { CartWorld, cartFixture } from '../helpers/cart-fixture.js';
import { answer, fakeShipping, type RulesAnswer } from '../helpers/shipping.js';

type Locale = (typeof SUPPORTED_LOCALES)[number];

// ---- what is on screen ----

/** `node` and every open shadow root at or below it. */
function roots(node: Element): (Element | ShadowRoot)[] {
  const out: (Element | ShadowRoot)[] = [node];
  const visit = (root: Element | ShadowRoot): void => {
    const all =
      root instanceof Element ? [root, ...root.querySelectorAll('*')] : root.querySelectorAll('*');
    for (const el of all) {
      if (el.shadowRoot) {
        out.push(el.shadowRoot);
        visit(el.shadowRoot);
      }
    }
  };
  visit(node);
  return out;
}

const clean = (text: string): string =>
  text
    .replace(/[\u2066-\u2069\u200e\u200f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Every text a shopper sees or hears: text nodes, labels, and the values of buttons. */
function segments(host: Element): string[] {
  const out: string[] = [];
  for (const root of roots(host)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        const parent = node.parentElement;
        if (parent && ['STYLE', 'SCRIPT'].includes(parent.tagName)) continue;
        out.push(clean(node.nodeValue ?? ''));
      } else {
        for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
          const value = (node as Element).getAttribute(name);
          if (value) out.push(clean(value));
        }
      }
    }
  }
  return out.filter(Boolean);
}

interface English {
  /** Each message's English with words in it, placeholders as wildcards. */
  patterns: { id: string; re: RegExp }[];
  /** English messages without placeholders, of two words or more (found inside other text too). */
  phrases: { id: string; text: string }[];
  ids: Set<string>;
}

async function readEnglish(): Promise<English> {
  const xml = new DOMParser().parseFromString(
    await (await fetch('/xliff/ar.xlf')).text(),
    'application/xml',
  );
  const english: English = { patterns: [], phrases: [], ids: new Set() };
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const unit of xml.querySelectorAll('trans-unit')) {
    const id = unit.getAttribute('id')!;
    english.ids.add(id);
    const source = unit.querySelector('source')!;
    const parts = [...source.childNodes].map((n) => (n.nodeName === 'x' ? null : n.textContent!));
    const body = parts.map((p) => (p === null ? '[\\s\\S]*?' : escape(clean(p)))).join('');
    // A message with no English words ("${day}, ${time}") says nothing about the language.
    const words = parts.filter((p) => p !== null).join('');
    if (/[A-Za-z]/.test(words)) english.patterns.push({ id, re: new RegExp(`^${body}$`) });
    if (parts.every((p) => p !== null)) {
      const text = clean(parts.join(''));
      if (/\w+\W+\w+/.test(text)) english.phrases.push({ id, text });
    }
  }
  return english;
}

/** Segments that are English messages, or contain one (backend strings excepted). */
function englishIn(texts: string[], english: English): string[] {
  const found: string[] = [];
  for (const text of texts) {
    const hit =
      english.patterns.find(({ re }) => re.test(text)) ??
      english.phrases.find(({ text: phrase }) => text.includes(phrase));
    if (hit) found.push(`"${text}" (${hit.id})`);
  }
  return found;
}

/** The words (two letters or more, lower case) in what Intl says in `tag`. */
function intlWords(tag: string): Set<string> {
  const out = new Set<string>();
  const add = (text: string): void => {
    for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) if (word.length > 1) out.add(word);
  };
  const date = (options: Intl.DateTimeFormatOptions, at: Date) =>
    add(new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' }).format(at));
  for (let month = 0; month < 12; month++) {
    const at = new Date(Date.UTC(2026, month, 10, 12));
    for (const style of ['long', 'short'] as const) date({ day: 'numeric', month: style }, at);
  }
  for (let day = 0; day < 7; day++) {
    const at = new Date(Date.UTC(2026, 10, 22 + day, 9 + day * 2));
    for (const style of ['long', 'short'] as const) {
      date({ weekday: style, day: 'numeric', month: 'short' }, at);
      date({ weekday: style, hour: 'numeric', minute: '2-digit' }, at);
    }
  }
  for (const unit of ['hour', 'minute'] as const) {
    for (const unitDisplay of ['long', 'short', 'narrow'] as const) {
      for (const n of [1, 2, 3, 10, 11, 21, 100]) {
        add(new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay }).format(n));
      }
    }
  }
  const Duration = (
    Intl as unknown as {
      DurationFormat?: new (
        tag: string,
        options: { style: string },
      ) => { format(d: object): string };
    }
  ).DurationFormat;
  for (const style of ['long', 'short', 'narrow']) {
    for (const duration of [{ hours: 2, minutes: 10 }, { hours: 1, minutes: 1 }, { minutes: 5 }]) {
      if (Duration) add(new Duration(tag, { style }).format(duration));
    }
  }
  const relative = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
  for (const unit of ['second', 'minute', 'hour', 'day', 'month', 'year'] as const) {
    for (const n of [-3, -2, -1, 0, 1, 2, 3]) add(relative.format(n, unit));
  }
  return out;
}

/**
 * Words of English dates, times, durations and relative times ("Nov", "Tuesday", "hr", "mins",
 * "ago") that Intl does not also use in `locale` (Swahili's "Nov" and Filipino's "PM" are their
 * own): one on screen is a date or duration formatted in the wrong language.
 */
function foreignCalendarWords(locale: string): Set<string> {
  const own = intlWords(locale);
  return new Set([...intlWords('en'), ...intlWords('en-GB')].filter((word) => !own.has(word)));
}

function englishCalendarIn(texts: string[], foreign: Set<string>): string[] {
  return texts.filter((text) =>
    text
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .some((word) => foreign.has(word)),
  );
}

function rawIds(texts: string[], english: English): string[] {
  return texts.filter((text) => text.split(/[\s:()]+/).some((word) => english.ids.has(word)));
}

/** Elements wider than the screen, or whose content is wider than they are. */
function overflowing(host: Element): string[] {
  const width = document.documentElement.clientWidth;
  const out: string[] = [];
  if (document.documentElement.scrollWidth > width + 1) {
    out.push(`the page scrolls sideways (${document.documentElement.scrollWidth}px)`);
  }
  for (const root of roots(host)) {
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      if (['STYLE', 'SCRIPT', 'TEMPLATE', 'svg', 'path', 'circle'].includes(el.tagName)) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1) continue; // hidden, or visually hidden
      const name = `<${el.localName} part="${el.getAttribute('part') ?? ''}" class="${el.className}">`;
      if (rect.left < -1 || rect.right > width + 1) {
        out.push(`${name} spans ${Math.round(rect.left)}-${Math.round(rect.right)}px`);
      } else if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 1) {
        const style = getComputedStyle(el);
        if (style.overflowX !== 'visible' || style.whiteSpace === 'nowrap') {
          out.push(`${name} holds ${el.scrollWidth}px in ${el.clientWidth}px`);
        }
      }
    }
  }
  return out;
}

// ---- the states ----

const SKU = 'TEE-M';
const WEST = makeStore({ id: 'westlands', name: 'Westlands', distanceKm: 2.1 });
const KAREN = makeStore({ id: 'karen', name: 'Karen', distanceKm: 8.4 });
const CBD = makeStore({ id: 'cbd', name: 'CBD', distanceKm: 3 });
const GIGIRI = makeStore({ id: 'gigiri', name: 'Gigiri', distanceKm: 11.5 });

const stores = (sku = SKU, quantities = [12, 2, 0, 30]) =>
  stockResult(
    sku,
    [
      entry(sku, WEST, 'in_stock', quantities[0]),
      entry(sku, KAREN, 'low_stock', quantities[1]),
      entry(sku, CBD, 'out_of_stock', quantities[2]),
      entry(sku, GIGIRI, 'in_stock', quantities[3]),
    ],
    'in_stock',
  );

async function settled(el: Element & { updateComplete: Promise<unknown> }): Promise<void> {
  await el.updateComplete;
  await waitUntil(() => !el.matches(':state(loading)'), 'still loading', { timeout: 4000 });
  await el.updateComplete;
}

const shadow = (el: Element, selector: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(selector);

async function checker(
  options: {
    template?: unknown;
    answers?: Parameters<typeof fakeStockService>[0];
    location?: ReturnType<typeof fakeLocationService>;
    myStore?: ReturnType<typeof fakeMyStoreService>;
    config?: Record<string, unknown>;
    wait?: boolean;
  } = {},
): Promise<OmniStockChecker> {
  const el = await fixtureWithServices<OmniStockChecker>(
    options.template ?? html`<omni-stock-checker sku=${SKU}></omni-stock-checker>`,
    {
      stock: fakeStockService(options.answers ?? { [SKU]: fresh(stores()) }),
      location: options.location ?? fakeLocationService({ location: POSTAL_00100 }),
      myStore: options.myStore ?? fakeMyStoreService(),
      config: { units: 'km', ...options.config },
    },
  );
  if (options.wait !== false) await settled(el);
  return el;
}

async function submitNotify(el: OmniStockChecker, email: string): Promise<void> {
  (shadow(el, '#notify-email') as HTMLInputElement).value = email;
  (shadow(el, '[part~="notify-form"]') as HTMLFormElement).requestSubmit();
  await el.updateComplete;
}

const NOW = '2026-02-02T10:00:00Z';
const SLOTS = [
  slot('w-1200', NOW, 120),
  slot('w-1300', NOW, 180, { remaining: 0 }),
  slot('w-1400', NOW, 240, { remaining: 1 }),
  slot('w-tomorrow', NOW, 24 * 60, { remaining: 3 }),
];

async function pickup(
  options: {
    template?: unknown;
    answers?: Parameters<typeof fakeStockService>[0];
    myStore?: ReturnType<typeof fakeMyStoreService>;
    hold?: boolean;
    expire?: boolean;
  } = {},
): Promise<OmniPickupSelector> {
  const clock = createTestClock(Date.parse(NOW));
  const service = fakePickupService(clock.now);
  service.slotAnswers = { westlands: SLOTS, karen: [], gigiri: SLOTS };
  const el = await fixtureWithServices<OmniPickupSelector>(
    options.template ?? html`<omni-pickup-selector sku=${SKU}></omni-pickup-selector>`,
    {
      stock: fakeStockService(options.answers ?? { [SKU]: fresh(stores()) }),
      pickup: service,
      myStore: options.myStore ?? fakeMyStoreService(WEST),
      clock,
      location: fakeLocationService({ location: POSTAL_00100 }),
      config: { units: 'km' },
    },
  );
  await settled(el);
  if (options.hold) {
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="slot"]:not(:disabled)')!.click();
    await waitUntil(() => el.matches(':state(held)'), 'the time was not held');
    // Into the last five minutes: the countdown is announced.
    clock.advance(options.expire ? 16 * MINUTE : 10.5 * MINUTE);
    await el.updateComplete;
  }
  return el;
}

let world: CartWorld | undefined;
async function cartWorld(lines = true): Promise<CartWorld> {
  world = new CartWorld();
  await world.settle();
  if (lines) {
    world.store.add('TSHIRT-ORG-M', { qty: 2 });
    world.store.add('MUG-ENM-GRN');
    await world.settle();
  }
  return world;
}

async function cart(cw: CartWorld, template = html`<omni-cart></omni-cart>`): Promise<HTMLElement> {
  const el = await cartFixture<HTMLElement & { updateComplete: Promise<unknown> }>(template, {
    cart: cw.store,
    stock: fakeStockService({
      'TSHIRT-ORG-M': fresh(
        stockResult('TSHIRT-ORG-M', [entry('TSHIRT-ORG-M', WEST, 'in_stock', 4)], 'in_stock'),
      ),
      'MUG-ENM-GRN': fresh(
        stockResult('MUG-ENM-GRN', [entry('MUG-ENM-GRN', WEST, 'low_stock', 1)], 'in_stock'),
      ),
    }),
    myStore: fakeMyStoreService(WEST),
    location: fakeLocationService({ location: POSTAL_00100 }),
    config: { checkoutUrl: '/checkout' },
  });
  await el.updateComplete;
  await waitUntil(() => !el.matches(':state(loading)'), 'cart never loaded');
  await el.updateComplete;
  return el;
}

// The shipping estimator: a warehouse in Nairobi (UTC+3), orders until 15:00 on weekdays.
/** Monday 23 Nov 2026, 09:50Z = 12:50 in Nairobi: 2 h 10 min before the cutoff. */
const MONDAY_NOON = Date.parse('2026-11-23T09:50:00Z');
/** Friday 27 Nov, 19:30Z = 22:30 in Nairobi: the next cutoff is Monday's, the store has closed. */
const FRIDAY_NIGHT = Date.parse('2026-11-27T19:30:00Z');
const kes = (amount: string): Money => ({ amount, currency: 'KES' });
const WEEKDAYS: DayOfWeek[] = [1, 2, 3, 4, 5];
const SHIPPING_METHODS: ShippingMethod[] = [
  {
    id: 'same-day',
    label: 'Same-day courier',
    carrier: 'Sendy',
    price: kes('450'),
    transitDays: { min: 0, max: 0 },
    deliveryDays: [...WEEKDAYS, 6],
  },
  {
    id: 'express',
    label: 'Express',
    carrier: 'G4S Courier',
    price: kes('350'),
    transitDays: { min: 1, max: 1 },
    deliveryDays: [...WEEKDAYS, 6],
  },
  {
    id: 'standard',
    label: 'Standard',
    carrier: 'Posta Kenya',
    price: kes('250'),
    freeOver: kes('5000'),
    transitDays: { min: 2, max: 4 },
    deliveryDays: WEEKDAYS,
  },
  {
    id: 'collect',
    label: 'Collection point',
    carrier: 'Pickup Mtaani',
    price: kes('0'),
    transitDays: { min: 3, max: 3 },
    deliveryDays: WEEKDAYS,
  },
];
const SHIPPING_RULES = {
  origins: [
    {
      id: 'nbo',
      timezone: 'Africa/Nairobi',
      cutoffs: WEEKDAYS.map((day) => ({ day, time: '15:00' })),
      handlingDays: { min: 0, max: 0 },
      workdays: WEEKDAYS,
      closures: [],
    },
  ],
  methods: SHIPPING_METHODS,
  holidays: [],
} as unknown as ShippingRules;
/** My store, with pickup an hour after the order, open on weekdays 08:00-18:00 Nairobi time. */
const WEST_PICKUP: Store = {
  ...WEST,
  timezone: 'Africa/Nairobi',
  hours: WEEKDAYS.map((day) => ({ day, open: '08:00', close: '18:00' })),
  pickup: { enabled: true, leadTimeMinutes: 60 },
};

async function estimator(
  options: {
    template?: unknown;
    rules?: RulesAnswer;
    location?: ReturnType<typeof fakeLocationService>;
    myStore?: Store;
    now?: number;
    wait?: boolean;
    /** The item's online stock (default: in stock). */
    online?: Availability;
  } = {},
): Promise<OmniShippingEstimator> {
  const el = await fixtureWithServices<OmniShippingEstimator>(
    options.template ?? html`<omni-shipping-estimator sku=${SKU}></omni-shipping-estimator>`,
    {
      shipping: fakeShipping({ KE: options.rules ?? answer(SHIPPING_RULES) }),
      location: options.location ?? fakeLocationService({ location: POSTAL_00100 }),
      myStore: fakeMyStoreService(options.myStore),
      stock: fakeStockService({
        [SKU]: fresh({
          ...stockResult(SKU, [entry(SKU, WEST_PICKUP, 'in_stock', 4)], 'in_stock'),
          ...(options.online ? { online: options.online } : {}),
        }),
      }),
      clock: createTestClock(options.now ?? MONDAY_NOON),
      config: { units: 'km', country: 'KE', currency: 'KES' },
    },
  );
  if (options.wait !== false) await settled(el);
  return el;
}

/** The order-by line's scene for the method `id`. */
const orderWithin = (id: string) => () =>
  estimator({
    template: html`<omni-shipping-estimator method=${id}></omni-shipping-estimator>`,
  });

interface Scene {
  widget: string;
  state: string;
  /** Run axe here (once per widget and language). */
  axe?: boolean;
  render(): Promise<Element>;
}

const SCENES: Scene[] = [
  // <omni-stock-checker>, product pages
  {
    widget: 'stock-checker',
    state: 'stores with quantities, my store and hours',
    axe: true,
    render: () =>
      checker({ myStore: fakeMyStoreService(KAREN), config: { stockDisplay: 'exact' } }),
  },
  {
    widget: 'stock-checker',
    state: 'only a few left, every store shown, updated a while ago',
    async render() {
      const el = await checker({
        answers: { [SKU]: fresh(stores(), { stale: true, updatedAt: Date.now() - 3 * 3600_000 }) },
      });
      shadow(el, '[part~="more-button"]')!.click();
      await el.updateComplete;
      return el;
    },
  },
  {
    widget: 'stock-checker',
    state: 'a refresh that failed: could not update, last checked a while ago',
    async render() {
      const failed = Promise.reject(new OmniError('network', 'down'));
      failed.catch(() => undefined);
      const el = await checker({
        answers: {
          [SKU]: {
            ...fresh(stores(), { stale: true, updatedAt: Date.now() - 3 * 3600_000 }),
            revalidation: failed as never,
          },
        },
      });
      await aTimeout(20);
      await el.updateComplete;
      return el;
    },
  },
  {
    widget: 'stock-checker',
    state: 'a refresh that failed just now',
    async render() {
      const failed = Promise.reject(new OmniError('network', 'down'));
      failed.catch(() => undefined);
      const el = await checker({
        answers: {
          [SKU]: { ...fresh(stores(), { stale: true }), revalidation: failed as never },
        },
      });
      await aTimeout(20);
      await el.updateComplete;
      return el;
    },
  },
  {
    widget: 'stock-checker',
    state: 'checking',
    render: () => checker({ answers: { [SKU]: () => deferred<never>().promise }, wait: false }),
  },
  {
    widget: 'stock-checker',
    state: 'no location yet',
    render: () => checker({ location: fakeLocationService() }),
  },
  {
    widget: 'stock-checker',
    state: 'postal code not found',
    render: () =>
      checker({
        answers: {
          [SKU]: () =>
            Promise.reject(
              new OmniError('http', 'x', { status: 404, code: 'unknown_postal_code' }),
            ),
        },
      }),
  },
  {
    widget: 'stock-checker',
    state: 'nothing nearby: back in stock form, email missing',
    async render() {
      const el = await checker({
        answers: {
          [SKU]: fresh(stockResult(SKU, [entry(SKU, WEST, 'out_of_stock')], 'out_of_stock')),
        },
      });
      await submitNotify(el, '');
      return el;
    },
  },
  {
    widget: 'stock-checker',
    state: 'back in stock: signed up',
    async render() {
      const el = await checker({
        answers: {
          [SKU]: fresh(stockResult(SKU, [entry(SKU, WEST, 'out_of_stock')], 'out_of_stock')),
        },
      });
      await submitNotify(el, 'wanjiku@example.com');
      await waitUntil(() => shadow(el, '[part~="notify-form"]') === null, 'not sent');
      return el;
    },
  },
  {
    widget: 'stock-checker',
    state: 'no store within the radius',
    render: () => checker({ answers: { [SKU]: fresh(stockResult(SKU, [], 'backorder')) } }),
  },
  {
    widget: 'stock-checker',
    state: 'the store service cannot be reached',
    render: () =>
      checker({ answers: { [SKU]: () => Promise.reject(new OmniError('network', 'down')) } }),
  },
  {
    widget: 'stock-checker',
    state: 'offline',
    render: () =>
      whileOffline(async () => {
        const el = await checker({
          answers: { [SKU]: () => Promise.reject(new OmniError('network', 'down')) },
        });
        await el.updateComplete;
        return el;
      }),
  },
  {
    widget: 'stock-checker',
    state: 'stock information is not available (5xx)',
    render: () =>
      checker({
        answers: { [SKU]: () => Promise.reject(new OmniError('http', 'x', { status: 503 })) },
      }),
  },
  {
    widget: 'stock-checker',
    state: 'badges',
    axe: true,
    async render() {
      const answers = {
        A: fresh(stores('A')),
        B: fresh(stockResult('B', [entry('B', KAREN, 'low_stock', 2)]), { stale: true }),
        C: fresh(stockResult('C', [entry('C', WEST, 'out_of_stock')], 'preorder')),
        D: fresh(stockResult('D', [entry('D', WEST, 'preorder')], 'out_of_stock')),
        E: () => Promise.reject(new OmniError('network', 'down')),
      };
      const el = await fixtureWithServices<HTMLElement>(
        html`<div>
          ${['A', 'B', 'C', 'D', 'E'].map(
            (sku) => html`<omni-stock-checker variant="badge" sku=${sku}></omni-stock-checker>`,
          )}
        </div>`,
        {
          stock: fakeStockService(answers),
          location: fakeLocationService({ location: POSTAL_00100 }),
          myStore: fakeMyStoreService(KAREN),
          config: { units: 'km' },
        },
      );
      for (const badge of el.querySelectorAll<OmniStockChecker>('omni-stock-checker')) {
        await settled(badge);
      }
      return el;
    },
  },
  {
    widget: 'stock-checker',
    state: 'badges online (no location)',
    async render() {
      const answers = {
        A: fresh(stockResult('A', [], 'low_stock')),
        B: fresh(stockResult('B', [], 'backorder')),
        C: fresh(stockResult('C', [], 'out_of_stock')),
      };
      const el = await fixtureWithServices<HTMLElement>(
        html`<div>
          ${['A', 'B', 'C'].map(
            (sku) => html`<omni-stock-checker variant="badge" sku=${sku}></omni-stock-checker>`,
          )}
        </div>`,
        { stock: fakeStockService(answers), location: fakeLocationService() },
      );
      for (const badge of el.querySelectorAll<OmniStockChecker>('omni-stock-checker')) {
        await settled(badge);
      }
      return el;
    },
  },

  // <omni-pickup-selector>, product pages and checkout
  {
    widget: 'pickup-selector',
    state: 'stores and times, a time held with its countdown',
    axe: true,
    render: () => pickup({ hold: true }),
  },
  {
    widget: 'pickup-selector',
    state: 'the hold ran out',
    render: () => pickup({ hold: true, expire: true }),
  },
  {
    widget: 'pickup-selector',
    state: 'cart mode, items missing at some stores',
    render: () =>
      pickup({
        template: html`<omni-pickup-selector
          cart
          .lines=${[
            { sku: SKU, title: 'T-shirt', qty: 1 },
            { sku: 'MUG', title: 'Mug', qty: 2 },
          ]}
        ></omni-pickup-selector>`,
        answers: {
          [SKU]: fresh(stores()),
          MUG: fresh(stockResult('MUG', [entry('MUG', WEST, 'in_stock', 3)])),
        },
      }),
  },
  {
    widget: 'pickup-selector',
    state: 'no store can have it ready',
    render: () =>
      pickup({
        answers: { [SKU]: fresh(stockResult(SKU, [entry(SKU, WEST, 'out_of_stock', 0)])) },
        myStore: fakeMyStoreService(),
      }),
  },
  {
    widget: 'pickup-selector',
    state: 'the store service cannot be reached',
    render: () =>
      pickup({ answers: { [SKU]: () => Promise.reject(new OmniError('network', 'down')) } }),
  },
  {
    widget: 'pickup-selector',
    state: 'pickup is not available (5xx)',
    render: () =>
      pickup({
        answers: { [SKU]: () => Promise.reject(new OmniError('http', 'x', { status: 503 })) },
      }),
  },
  {
    widget: 'pickup-selector',
    state: 'compact, with its dialog open',
    async render() {
      const el = await pickup({
        template: html`<omni-pickup-selector variant="compact" sku=${SKU}></omni-pickup-selector>`,
      });
      shadow(el, '[part~="change-button"]')!.click();
      await waitUntil(() => el.matches(':state(open)'), 'dialog not open');
      await el.updateComplete;
      return el;
    },
  },

  // <omni-shipping-estimator>, product pages and the cart
  {
    widget: 'shipping-estimator',
    state: 'methods, a date range, a free one, the free-delivery gap, pickup; order within … today',
    axe: true,
    render: () =>
      estimator({
        template: html`<omni-shipping-estimator
          sku=${SKU}
          subtotal="3800"
        ></omni-shipping-estimator>`,
        myStore: WEST_PICKUP,
      }),
  },
  {
    widget: 'shipping-estimator',
    state: 'order within … to get it tomorrow',
    render: orderWithin('express'),
  },
  {
    widget: 'shipping-estimator',
    state: 'order within … to get it by a weekday',
    render: orderWithin('standard'),
  },
  {
    widget: 'shipping-estimator',
    state: 'order by a day and time; pickup on a later day',
    render: () => estimator({ now: FRIDAY_NIGHT, myStore: WEST_PICKUP }),
  },
  {
    widget: 'shipping-estimator',
    state: 'out of stock online: no delivery promised, pickup still offered',
    render: () => estimator({ myStore: WEST_PICKUP, online: availability(SKU, 'out_of_stock') }),
  },
  {
    widget: 'shipping-estimator',
    state: 'a backorder: ships from its restock date',
    render: () =>
      estimator({
        online: { ...availability(SKU, 'backorder'), restockAt: '2026-12-09T06:00:00Z' },
      }),
  },
  {
    widget: 'shipping-estimator',
    state: 'estimating',
    render: () => estimator({ rules: () => deferred<never>().promise, wait: false }),
  },
  {
    widget: 'shipping-estimator',
    state: 'no location yet: the postal-code prompt',
    render: () => estimator({ location: fakeLocationService() }),
  },
  {
    widget: 'shipping-estimator',
    state: 'old rules that could not be refreshed',
    render() {
      const failed = Promise.reject(new OmniError('network', 'offline'));
      failed.catch(() => undefined);
      return estimator({
        rules: answer(SHIPPING_RULES, {
          stale: true,
          source: 'cache',
          updatedAt: Date.now() - 2 * 24 * 3600_000,
          revalidation: failed as never,
        }),
      });
    },
  },
  {
    widget: 'shipping-estimator',
    state: 'a country it does not deliver to',
    render: () =>
      estimator({
        location: fakeLocationService({
          location: { kind: 'postal', postalCode: '0150', country: 'NO' },
        }),
      }),
  },
  {
    widget: 'shipping-estimator',
    state: 'the shop cannot be reached: retry',
    render: () => estimator({ rules: () => Promise.reject(new OmniError('network', 'offline')) }),
  },
  {
    widget: 'shipping-estimator',
    state: 'delivery estimates are not available (5xx)',
    render: () =>
      estimator({
        rules: () => Promise.reject(new OmniError('http', 'x', { status: 503 })),
      }),
  },
  {
    widget: 'shipping-estimator',
    state: 'the shop has not set up delivery estimates',
    render: () =>
      estimator({ rules: () => Promise.reject(new OmniError('unsupported', 'no shipping')) }),
  },

  // The cart elements
  {
    widget: 'cart',
    state: 'lines, a price change and an undo',
    axe: true,
    async render() {
      const cw = await cartWorld();
      const el = await cart(cw);
      cw.world.server.reprice('TSHIRT-ORG-M', '17.90');
      cw.tab.lifecycle.emit('resume');
      await cw.settle();
      shadow(el, '[part~="remove-button"]')?.click();
      await cw.settle();
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      return el;
    },
  },
  {
    widget: 'cart',
    state: 'offline, with changes waiting',
    async render() {
      const cw = await cartWorld();
      const el = await cart(cw);
      cw.device.setOnline(false);
      cw.store.add('TSHIRT-ORG-M');
      cw.store.add('MUG-ENM-GRN');
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      return el;
    },
  },
  {
    widget: 'cart',
    state: 'empty',
    render: async () => cart(await cartWorld(false)),
  },
  {
    widget: 'cart',
    state: 'a link to continue on another device',
    async render() {
      const cw = await cartWorld();
      const el = await cart(cw);
      shadow(el, '[part~="handoff-button"]')!.click();
      await cw.settle();
      await waitUntil(() => shadow(el, '[part~="handoff-link"]') !== null, 'no link', {
        timeout: 5000,
      });
      return el;
    },
  },
  {
    widget: 'cart',
    state: 'choosing between two carts',
    async render() {
      const cw = await cartWorld();
      const el = await cart(cw);
      const other = cw.world.device('other').open(0).store;
      other.add('TSHIRT-ORG-M');
      const handoff = other.createHandoff();
      await cw.settle();
      const claim = cw.store.claim((await handoff).code);
      await cw.settle();
      await claim;
      await waitUntil(() => shadow(el, '[part~="choice"]') !== null, 'no choice');
      return el;
    },
  },
  {
    widget: 'cart-button',
    state: 'with the drawer open',
    axe: true,
    async render() {
      const cw = await cartWorld();
      const el = await cart(cw, html`<omni-cart-button></omni-cart-button>`);
      (el as OmniCartButton).show();
      await waitUntil(
        () => shadow(el, 'omni-cart')?.shadowRoot?.querySelector('[part~="list"]'),
        'no cart in the drawer',
        { timeout: 5000 },
      );
      return el;
    },
  },
  {
    widget: 'cart-count',
    state: 'three items',
    axe: true,
    render: async () => cart(await cartWorld(), html`<omni-cart-count></omni-cart-count>`),
  },
  {
    widget: 'add-to-cart',
    state: 'delivery or pickup, then added',
    axe: true,
    async render() {
      const cw = await cartWorld(false);
      const el = await cart(
        cw,
        html`<omni-add-to-cart
          sku="TSHIRT-ORG-M"
          item-title="Tee"
          price="19.90"
        ></omni-add-to-cart>`,
      );
      await waitUntil(() => shadow(el, '[part~="button"]') !== null, 'no button');
      shadow(el, '[part~="button"]')!.click();
      await cw.settle();
      await waitUntil(() => shadow(el, '[part~="status"]')?.textContent?.trim(), 'not added');
      return el;
    },
  },
  {
    widget: 'add-to-cart',
    state: 'out of stock',
    async render() {
      const cw = await cartWorld(false);
      const el = await cartFixture<HTMLElement>(
        html`<omni-add-to-cart sku="GONE" item-title="Tee" price="19.90"></omni-add-to-cart>`,
        {
          cart: cw.store,
          stock: fakeStockService({
            GONE: fresh(stockResult('GONE', [entry('GONE', WEST, 'out_of_stock')], 'out_of_stock')),
          }),
          location: fakeLocationService({ location: POSTAL_00100 }),
          myStore: fakeMyStoreService(WEST),
        },
      );
      await waitUntil(() => shadow(el, '[part~="reason"]') !== null, 'no reason');
      return el;
    },
  },
];

// ---- the checks ----

describe('each language, on a 390 px wide screen', () => {
  let english: English;

  before(async () => {
    english = await readEnglish();
    await setViewport({ width: 390, height: 844 });
  });

  after(async () => {
    await setOmniLocale('en');
    await setViewport({ width: 800, height: 600 });
  });

  afterEach(() => {
    world?.dispose();
    world = undefined;
  });

  for (const locale of SUPPORTED_LOCALES as readonly Locale[]) {
    describe(locale, () => {
      // Each test sets it: the page host, installed with the first element that needs it,
      // applies the page's own setting (auto: English here) once.
      beforeEach(async () => {
        await setOmniLocale(locale);
      });

      for (const scene of SCENES) {
        it(`<omni-${scene.widget}>: ${scene.state}`, async () => {
          const el = await scene.render();
          expect(getOmniLocale(), 'the language changed while rendering').to.equal(locale);
          const texts = segments(el);
          expect(texts.length, 'no text at all').to.be.greaterThan(0);
          if (locale !== 'en') {
            // Backend text (store names, addresses, products) is not a message: it never matches.
            expect(englishIn(texts, english), `English in ${locale}`).to.deep.equal([]);
            expect(
              englishCalendarIn(texts, foreignCalendarWords(locale)),
              `English dates or durations in ${locale}`,
            ).to.deep.equal([]);
          }
          expect(rawIds(texts, english), 'message ids on screen').to.deep.equal([]);
          for (const root of roots(el)) {
            const base = root instanceof ShadowRoot && root.querySelector('[part~="base"]');
            if (base) expect(base.getAttribute('lang'), 'lang').to.equal(locale);
          }
          expect(overflowing(el), 'wider than 390 px').to.deep.equal([]);
          if (scene.axe) await expect(el).to.be.accessible();
        });
      }
    });
  }
});
