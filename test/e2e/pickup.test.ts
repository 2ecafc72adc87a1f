/**
 * Pickup end to end: the public entry (page-level services from configure()), the real REST
 * client over HTTP answered by the demo backend's MSW handlers, real IndexedDB and the real
 * BroadcastChannel, the pickup selector next to stock checkers, and another tab (an iframe of the
 * same origin with its own page, services and stock checker).
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { deleteDB } from 'idb';
import '../../src/components/stock-checker/index.js';
import '../../src/components/pickup-selector/index.js';
import type { OmniPickupSelector } from '../../src/components/pickup-selector/pickup-selector.js';
import type { OmniStockChecker } from '../../src/components/stock-checker/stock-checker.js';
import { configure } from '../../src/index.js';
import { createDemoDb, type DemoDb } from '../../src/mocks/db.js';
import { createFaultState } from '../../src/mocks/faults.js';
import { createHandlers } from '../../src/mocks/handlers.js';
import { STOCK_CASES } from '../../src/mocks/data/stock.js';

const NAIROBI = { lat: -1.2864, lng: 36.8172 };
const SKU = STOCK_CASES.inStockEverywhere;
const BASE = '/api/omni/v1';

const text = (el: Element | null | undefined): string =>
  (el?.shadowRoot?.textContent ?? el?.textContent ?? '')
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const part = (el: Element, name: string): HTMLElement[] => [
  ...(el.shadowRoot?.querySelectorAll<HTMLElement>(`[part~="${name}"]`) ?? []),
];
const storeRadio = (el: OmniPickupSelector, name: string): HTMLInputElement => {
  const item = part(el, 'item').find((i) => text(i.querySelector('.name')) === name);
  if (!item) throw new Error(`no store ${name}`);
  return item.querySelector('input')!;
};
const freeSlots = (el: OmniPickupSelector): HTMLInputElement[] => [
  ...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="slot"]:not(:disabled)'),
];
const ready = (el: OmniPickupSelector) =>
  waitUntil(() => freeSlots(el).length > 1 && !el.matches(':state(loading)'), 'no times', {
    timeout: 8000,
  });
const heldReservation = (el: OmniPickupSelector): string | null =>
  new URLSearchParams(el.value).get('reservation');

/**
 * Another tab: a same-origin page with its own copy of the widgets (its own registry, page host
 * and services) on the same database and channel, and a stock checker badge. Its backend is a
 * small in-memory client (the stores have the item), so it needs no network.
 */
async function otherTab(
  cacheName: string,
): Promise<{ badge: () => string; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  frame.title = 'another tab';
  const script = `
    import { configure } from '/src/index.ts';
    import '/src/components/stock-checker/index.ts';
    import { STORES } from '/src/mocks/data/stores.ts';
    const near = STORES.filter((s) => s.id.startsWith('ke-nbo-')).map((s, i) => ({ ...s, distanceKm: i + 1 }));
    configure({
      cacheName: ${JSON.stringify(cacheName)},
      locale: 'en',
      defaultLocation: { lat: ${NAIROBI.lat}, lng: ${NAIROBI.lng} },
      backend: {
        cacheKey: 'other-tab',
        findStores: async () => near,
        getStores: async ({ ids }) => STORES.filter((s) => ids.includes(s.id)),
        getAvailability: async ({ skus, storeIds }) =>
          skus.flatMap((sku) => (storeIds ?? []).map((storeId) => ({
            sku, storeId, status: 'in_stock', quantity: 9, updatedAt: new Date().toISOString(),
          }))),
        notifyBackInStock: async () => undefined,
      },
    });
  `;
  frame.srcdoc = `<!doctype html><html lang="en"><body>
    <omni-stock-checker variant="badge" sku="${SKU}"></omni-stock-checker>
    <script type="module">${script}</script></body></html>`;
  document.body.append(frame);
  const badge = () => text(frame.contentDocument?.querySelector('omni-stock-checker'));
  await waitUntil(() => /In stock at/.test(badge()), 'the other tab never showed stock', {
    timeout: 20_000,
  });
  return { badge, frame };
}

describe('pickup, end to end', function () {
  // Real pages: the other tab loads its own copy of the modules, twice in the first test (in
  // Firefox under load, once took over 10 s).
  this.timeout(60_000);
  const faults = createFaultState();
  let worker: SetupWorker;
  let db: DemoDb;
  let requests: Request[] = [];
  let cacheName = '';
  let n = 0;

  before(async () => {
    db = createDemoDb();
    worker = setupWorker(...createHandlers({ db, faults }));
    worker.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname.startsWith(`${BASE}/`)) requests.push(request);
    });
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  });

  after(() => worker.stop());

  beforeEach(() => {
    requests = [];
    faults.resetFaults();
    db.reset();
    cacheName = `omnishelf-pickup-e2e-${Date.now()}-${n++}`;
    configure({
      cacheName,
      defaultLocation: { kind: 'coords', ...NAIROBI },
      locale: 'en',
      units: 'km',
      retries: 0,
    });
  });

  afterEach(async () => {
    fixtureCleanup();
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
    worker.resetHandlers();
    configure({ cacheName: `${cacheName}-done` });
    await deleteDB(cacheName);
  });

  it('makes the chosen store "my store" for the stock checkers on the page, in another tab and on the next visit', async () => {
    const page = await fixture<HTMLElement>(
      html`<div>
        <omni-stock-checker variant="badge" sku=${SKU}></omni-stock-checker>
        <omni-stock-checker sku=${SKU}></omni-stock-checker>
        <omni-pickup-selector sku=${SKU}></omni-pickup-selector>
      </div>`,
    );
    const [badge, full] = [...page.querySelectorAll<OmniStockChecker>('omni-stock-checker')];
    const selector = page.querySelector('omni-pickup-selector')!;
    await waitUntil(() => part(selector, 'store-name').length > 1, 'no stores', { timeout: 8000 });
    await waitUntil(() => /In stock at Nairobi CBD/.test(text(badge)), 'badge: nearest store');
    const tab = await otherTab(cacheName);
    expect(tab.badge()).to.not.contain('your store');

    // The closest store that can fulfil comes first; the shopper picks the second.
    expect(text(part(selector, 'store-name')[0])).to.equal('Nairobi CBD');
    storeRadio(selector, 'Westlands').click();

    await waitUntil(
      () => text(badge) === 'In stock at your store, Westlands',
      'badge did not follow',
      {
        timeout: 5000,
      },
    );
    await waitUntil(
      () => part(full!, 'my-store-item').some((i) => text(i).includes('Westlands')),
      'the full checker did not follow',
    );
    await waitUntil(
      () => tab.badge() === 'In stock at your store, Westlands',
      'the other tab did not follow',
      {
        timeout: 5000,
      },
    );

    // The next visit: a fresh page on the same database remembers it.
    tab.frame.remove();
    const next = await otherTab(cacheName);
    await waitUntil(() => next.badge() === 'In stock at your store, Westlands', 'not remembered', {
      timeout: 5000,
    });
  });

  it('holds a time, releases it on change, keeps it for the checkout when the page is left, and submits it with the form', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <omni-pickup-selector name="pickup" required sku=${SKU}></omni-pickup-selector>
        <button>Place order</button>
      </form>`,
    );
    form.addEventListener('submit', (e) => e.preventDefault());
    const el = form.querySelector('omni-pickup-selector')!;
    await waitUntil(() => part(el, 'store-name').length > 0, 'no stores', { timeout: 8000 });
    expect(form.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.equal('Choose a pickup store.');
    storeRadio(el, 'Westlands').click();
    await ready(el);
    expect(el.validationMessage).to.equal('Choose a pickup time.');

    freeSlots(el)[0]!.click();
    await waitUntil(() => heldReservation(el) !== null, 'not held', { timeout: 5000 });
    const first = heldReservation(el)!;
    expect(db.reservations.has(first)).to.equal(true);
    expect(form.checkValidity()).to.equal(true);
    const submitted = new URLSearchParams(new FormData(form).get('pickup') as string);
    expect(submitted.get('store')).to.equal('ke-nbo-westlands');
    expect(submitted.get('reservation')).to.equal(first);
    expect(submitted.get('slot')).to.equal(db.reservations.get(first)!.slotId);

    // Another time: the new hold first, then the old one is released.
    freeSlots(el)[1]!.click();
    await waitUntil(
      () => heldReservation(el) !== first && heldReservation(el) !== null,
      'no new hold',
      {
        timeout: 5000,
      },
    );
    const second = heldReservation(el)!;
    const secondSlot = db.reservations.get(second)!.slotId;
    await waitUntil(() => !db.reservations.has(first), 'the old hold was left behind');
    expect([...db.reservations.keys()]).to.deep.equal([second]);

    // Leaving the page keeps it (in IndexedDB) for the next page showing these items.
    const sent: { url: string; method?: string }[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      sent.push({ url: String(input), method: init?.method });
      return realFetch(input, init);
    };
    try {
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      window.fetch = realFetch;
    }
    expect(sent.filter((r) => r.method === 'DELETE')).to.deep.equal([]);
    expect([...db.reservations.keys()]).to.deep.equal([second]);
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    expect(heldReservation(el)).to.equal(second);

    // The checkout, for a cart with this item and another: the same hold, not another one.
    // (It submits into a frame, so that the test page stays where it is.)
    const checkout = await fixture<HTMLFormElement>(
      html`<form action="about:blank" target="sink">
        <iframe name="sink" title="sink"></iframe>
        <omni-pickup-selector
          name="pickup"
          required
          cart
          variant="compact"
          skus="${SKU},${STOCK_CASES.lowStock}"
        ></omni-pickup-selector>
        <button>Place order</button>
      </form>`,
    );
    const pay = checkout.querySelector('omni-pickup-selector')!;
    await waitUntil(() => heldReservation(pay) === second, 'not taken over at checkout', {
      timeout: 8000,
    });
    expect(new URLSearchParams(pay.value).get('slot')).to.equal(secondSlot);
    expect(checkout.checkValidity()).to.equal(true);
    expect([...db.reservations.keys()]).to.deep.equal([second]);
    await waitUntil(() => part(pay, 'timer').length === 1, 'no countdown');
    await expect(pay).to.be.accessible();

    // Placing the order: the hold is the order's, offered to no other page.
    checkout.requestSubmit();
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(db.reservations.has(second)).to.equal(true);
    const later = await fixture<OmniPickupSelector>(
      html`<omni-pickup-selector sku=${SKU}></omni-pickup-selector>`,
    );
    await waitUntil(() => part(later, 'store-name').length > 0, 'no stores', { timeout: 8000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heldReservation(later)).to.equal(null);
  });

  it('explains a time that filled up meanwhile (409) and shows it full', async () => {
    const el = await fixture<OmniPickupSelector>(
      html`<omni-pickup-selector sku=${SKU}></omni-pickup-selector>`,
    );
    await waitUntil(() => part(el, 'store-name').length > 0, 'no stores', { timeout: 8000 });
    storeRadio(el, 'Westlands').click();
    await ready(el);
    // Other shoppers take every place of the first time while this page shows it free.
    const { slots } = (await (
      await fetch(`${BASE}/pickup/slots?storeId=ke-nbo-westlands&skus=${SKU}`)
    ).json()) as { slots: { id: string; remaining: number }[] };
    const target = slots.find((s) => s.remaining > 0)!;
    for (let i = 0; i < target.remaining; i++) {
      db.reserve({ slotId: target.id, storeId: 'ke-nbo-westlands', skus: [SKU] });
    }
    const index = slots.filter((s) => s.remaining > 0).indexOf(target);
    freeSlots(el)[index]!.click();
    await waitUntil(() => part(el, 'error').length > 0, 'no message', { timeout: 5000 });
    expect(text(part(el, 'error')[0])).to.equal('That time just filled up. Choose another time.');
    await waitUntil(() => part(el, 'slot-full').length > 0, 'the full time was not shown full', {
      timeout: 5000,
    });
    await expect(el).to.be.accessible();
  });

  it('leaves no hold behind when the network goes away during a hold', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <omni-pickup-selector name="pickup" sku=${SKU}></omni-pickup-selector>
      </form>`,
    );
    const el = form.querySelector('omni-pickup-selector')!;
    await waitUntil(() => part(el, 'store-name').length > 0, 'no stores', { timeout: 8000 });
    storeRadio(el, 'Westlands').click();
    await ready(el);
    freeSlots(el)[0]!.click();
    await waitUntil(() => heldReservation(el) !== null, 'not held', { timeout: 5000 });
    const held = heldReservation(el)!;

    faults.setFaults({ offline: true });
    // Changing the time offline: said plainly, the current hold stays (and keeps counting down).
    freeSlots(el)[1]!.click();
    await waitUntil(() => part(el, 'error').length > 0, 'no message', { timeout: 5000 });
    expect(text(part(el, 'error')[0])).to.contain("Can't reach the shop right now.");
    expect(heldReservation(el)).to.equal(held);
    expect(part(el, 'timer')).to.have.length(1);

    // The shopper gives up (the form is reset) while offline: the release fails...
    form.reset();
    await waitUntil(() => heldReservation(el) === null, 'still held');
    expect(db.reservations.has(held)).to.equal(true);
    // ...and is sent again once the browser is back online.
    faults.resetFaults();
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => !db.reservations.has(held), 'the hold was left behind', {
      timeout: 5000,
    });
  });

  it('says what went wrong for 5xx and malformed slots, and recovers', async () => {
    const el = await fixture<OmniPickupSelector>(
      html`<omni-pickup-selector sku=${SKU}></omni-pickup-selector>`,
    );
    await waitUntil(() => part(el, 'store-name').length > 0, 'no stores', { timeout: 8000 });
    faults.setFaults({ errorRate: 1 });
    storeRadio(el, 'Westlands').click();
    await waitUntil(() => part(el, 'retry-button').length > 0, 'no error', { timeout: 8000 });
    expect(text(part(el, 'error')[0])).to.contain("Pickup isn't available right now.");
    faults.setFaults({ errorRate: 0, malformed: true });
    const asked = requests.length;
    part(el, 'retry-button')[0]!.click();
    await waitUntil(() => requests.length > asked, 'not asked again');
    await waitUntil(() => part(el, 'retry-button').length === 1, 'no error', { timeout: 8000 });
    expect(text(part(el, 'error')[0])).to.contain("Pickup isn't available right now.");
    faults.resetFaults();
    part(el, 'retry-button')[0]!.click();
    await ready(el);
  });

  it('in cart mode, offers only stores that have every line and names the missing ones', async () => {
    const el = await fixture<OmniPickupSelector>(
      html`<omni-pickup-selector
        cart
        skus="${SKU},${STOCK_CASES.onlyAtFarStore}"
      ></omni-pickup-selector>`,
    );
    await waitUntil(() => part(el, 'store-name').length > 0, 'no stores', { timeout: 8000 });
    const nairobi = part(el, 'item').find((i) => text(i).includes('Westlands'))!;
    expect(text(nairobi)).to.contain(
      `1 of 2 items available · Missing: ${STOCK_CASES.onlyAtFarStore}`,
    );
    expect(nairobi.querySelector('input')!.disabled).to.equal(true);
    // Both lines are asked for in one availability request per store list.
    expect(requests.filter((r) => r.url.includes('/availability')).length).to.be.at.most(2);
  });
});
