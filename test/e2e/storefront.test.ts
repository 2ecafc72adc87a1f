/**
 * End to end: the public entry (page-level services from configure()), the real REST client over
 * HTTP answered by the demo backend's MSW handlers, real IndexedDB, the real element.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { http, HttpResponse } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { deleteDB, openDB } from 'idb';
import sinon from 'sinon';
import '../../src/components/stock-checker/index.js';
import type { OmniStockChecker } from '../../src/components/stock-checker/stock-checker.js';
import { configure } from '../../src/index.js';
import { createDemoDb } from '../../src/mocks/db.js';
import { createFaultState } from '../../src/mocks/faults.js';
import { createHandlers } from '../../src/mocks/handlers.js';
import { STOCK_CASES } from '../../src/mocks/data/stock.js';
import { PRODUCTS } from '../../src/mocks/data/products.js';

const NAIROBI = { lat: -1.2864, lng: 36.8172 };
const parts = (el: Element, part: string) =>
  [...(el.shadowRoot?.querySelectorAll(`[part~="${part}"]`) ?? [])] as HTMLElement[];
const text = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

describe('storefront, end to end', () => {
  const faults = createFaultState();
  let worker: SetupWorker;
  let requests: URL[] = [];
  let cacheName = '';
  let n = 0;

  before(async () => {
    worker = setupWorker(...createHandlers({ db: createDemoDb(), faults }));
    worker.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.startsWith('/api/omni/v1/')) requests.push(url);
    });
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  });

  after(() => worker.stop());

  beforeEach(() => {
    requests = [];
    faults.resetFaults();
    cacheName = `omnishelf-e2e-${Date.now()}-${n++}`;
    configure({ cacheName, defaultLocation: { kind: 'coords', ...NAIROBI }, locale: 'en' });
  });

  afterEach(async () => {
    // Remove this test's widgets first, so reconfiguring below cannot make them fetch again.
    fixtureCleanup();
    worker.resetHandlers();
    sinon.restore();
    // Point the page at another database before deleting this one, so no connection blocks it.
    configure({ cacheName: `${cacheName}-done` });
    await deleteDB(cacheName);
  });

  const count = (path: string) => requests.filter((u) => u.pathname.endsWith(path)).length;

  it('shows nearby stores with their stock on a product page', async () => {
    const el = await fixture<OmniStockChecker>(
      html`<omni-stock-checker sku=${STOCK_CASES.inStockEverywhere}></omni-stock-checker>`,
    );
    await waitUntil(() => parts(el, 'store-name').length > 0, 'stores never rendered', {
      timeout: 10000,
    });
    expect(parts(el, 'store-name')[0].textContent).to.contain('Nairobi CBD');
    expect(text(el)).to.contain('In stock');
    await expect(el).to.be.accessible();
  });

  it('gives 24 badges on a listing page one availability request', async () => {
    const skus = PRODUCTS.slice(0, 24).map((p) => p.variants[0].sku);
    const grid = await fixture(
      html`<div>
        ${skus.map((sku) => html`<omni-stock-checker variant="badge" sku=${sku}></omni-stock-checker>`)}
      </div>`,
    );
    const badges = [...grid.querySelectorAll('omni-stock-checker')];
    await waitUntil(
      () =>
        badges.every((b) => /stock|nearby|order/i.test(text(b)) && !b.matches(':state(loading)')),
      'badges never settled',
      { timeout: 10000 },
    );
    expect(count('/availability')).to.equal(1);
    expect(count('/stores')).to.equal(1);
    const asked = requests.find((u) => u.pathname.endsWith('/availability'))!;
    expect(asked.searchParams.get('skus')!.split(',')).to.have.members(skus);
  });

  it('serves a page seen before from IndexedDB when the network is down, labelled as such', async () => {
    const sku = STOCK_CASES.lowStock;
    const first = await fixture<OmniStockChecker>(
      html`<omni-stock-checker sku=${sku}></omni-stock-checker>`,
    );
    await waitUntil(() => parts(first, 'store-name').length > 0, 'first view', { timeout: 10000 });
    const names = parts(first, 'store-name').map((e) => e.textContent);
    first.remove();

    const db = await openDB(cacheName);
    expect(await db.count('cache')).to.be.greaterThan(0);
    db.close();

    faults.setFaults({ offline: true });
    // Twelve minutes later, and the clock goes on: requests (batching, retries) time themselves by it.
    sinon.useFakeTimers({
      now: Date.now() + 12 * 60 * 1000,
      toFake: ['Date'],
      shouldAdvanceTime: true,
    });
    const again = await fixture<OmniStockChecker>(
      html`<omni-stock-checker sku=${sku}></omni-stock-checker>`,
    );
    await waitUntil(() => parts(again, 'stale').length > 0, 'stale label never shown', {
      timeout: 8000,
    });
    expect(parts(again, 'store-name').map((e) => e.textContent)).to.deep.equal(names);
    expect(parts(again, 'stale')[0].textContent).to.match(/12 minutes ago/);
    // Its refresh fails (the network is down): the label says so, never that it is up to date.
    const label = () => (parts(again, 'stale')[0]?.textContent ?? '').replace(/\s+/g, ' ').trim();
    await waitUntil(() => label().startsWith("Couldn't update"), `the label says "${label()}"`, {
      timeout: 8000,
    });
    expect(label()).to.equal("Couldn't update. Last checked 12 minutes ago");
    expect(parts(again, 'error')).to.have.length(0);
  });

  it('keeps working from memory when IndexedDB cannot be opened', async () => {
    const idbOpen = sinon.stub(indexedDB, 'open');
    idbOpen.throws(new DOMException('IndexedDB is disabled', 'SecurityError'));
    const warn = sinon.stub(console, 'warn');
    // Services for a database not opened yet: the storage opens lazily, and now fails.
    configure({
      cacheName: `${cacheName}-blocked`,
      defaultLocation: { kind: 'coords', ...NAIROBI },
    });
    const el = await fixture<OmniStockChecker>(
      html`<omni-stock-checker sku=${STOCK_CASES.inStockEverywhere}></omni-stock-checker>`,
    );
    await waitUntil(() => parts(el, 'store-name').length > 0, 'stores never rendered', {
      timeout: 10000,
    });
    expect(idbOpen.called).to.equal(true);
    expect(parts(el, 'error')).to.have.length(0);
    expect(text(el)).to.contain('In stock');
    warn.restore();
  });

  it('shows a clear message for malformed JSON, and recovers on retry', async () => {
    faults.setFaults({ malformed: true });
    const el = await fixture<OmniStockChecker>(
      html`<omni-stock-checker sku=${STOCK_CASES.inStockEverywhere}></omni-stock-checker>`,
    );
    await waitUntil(() => parts(el, 'error').length > 0, 'no error shown', { timeout: 8000 });
    expect(parts(el, 'error')[0].querySelector('[role="alert"]')).to.not.equal(null);
    expect(text(el)).to.contain("isn't available right now");
    await expect(el).to.be.accessible();

    faults.resetFaults();
    parts(el, 'retry-button')[0].click();
    await waitUntil(() => parts(el, 'store-name').length > 0, 'retry did not recover', {
      timeout: 8000,
    });
  });

  it('renders hostile store names from the backend as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">Evil & Co';
    worker.use(
      http.get('/api/omni/v1/stores', () =>
        HttpResponse.json({
          stores: [
            {
              id: 'ke-nbo-westlands',
              name: hostile,
              address: {
                line1: '<b>1</b> Road',
                city: 'Nairobi',
                postalCode: '00800',
                country: 'KE',
              },
              location: { lat: -1.2676, lng: 36.8108 },
              timezone: 'Africa/Nairobi',
              hours: [{ day: 1, open: '09:00', close: '18:00' }],
              closures: [],
              pickup: { enabled: true, leadTimeMinutes: 60 },
              distanceKm: 2.1,
            },
          ],
        }),
      ),
    );
    const el = await fixture<OmniStockChecker>(
      html`<omni-stock-checker sku=${STOCK_CASES.inStockEverywhere}></omni-stock-checker>`,
    );
    await waitUntil(() => parts(el, 'store-name').length > 0, 'stores never rendered', {
      timeout: 10000,
    });
    expect(parts(el, 'store-name')[0].textContent).to.equal(hostile);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
