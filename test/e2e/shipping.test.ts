/**
 * End to end: the shipping estimator through the public entry (page-level services from
 * configure()), the real REST client over HTTP answered by the demo backend's MSW handlers, real
 * IndexedDB and the real element.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { HttpResponse, http } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { deleteDB } from 'idb';
import '../../src/components/shipping-estimator/index.js';
import type { OmniShippingEstimator } from '../../src/components/shipping-estimator/shipping-estimator.js';
import { configure } from '../../src/index.js';
import { createDemoDb } from '../../src/mocks/db.js';
import { createFaultState } from '../../src/mocks/faults.js';
import { createHandlers } from '../../src/mocks/handlers.js';

const parts = (el: Element, part: string) =>
  [...(el.shadowRoot?.querySelectorAll(`[part~="${part}"]`) ?? [])].map((node) =>
    (node.textContent ?? '')
      .replace(/[\u2066-\u2069]/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
const settled = (el: OmniShippingEstimator) =>
  waitUntil(() => !el.matches(':state(loading)'), 'the estimator stayed loading', {
    timeout: 8000,
  });

describe('shipping estimator, end to end', () => {
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
    cacheName = `omnishelf-e2e-shipping-${Date.now()}-${n++}`;
    configure({
      cacheName,
      locale: 'en',
      currency: 'EUR',
      country: 'KE',
      countries: ['KE', 'NO', 'DE'],
      defaultLocation: { kind: 'postal', postalCode: '00100', country: 'KE' },
      retries: 0,
    });
  });

  afterEach(async () => {
    fixtureCleanup();
    worker.resetHandlers();
    configure({ cacheName: `${cacheName}-done` });
    await deleteDB(cacheName);
  });

  const rulesRequests = () => requests.filter((u) => u.pathname.endsWith('/shipping/rules'));

  it("estimates from the demo backend's rules, and a repeat view sends no request", async () => {
    const el = await fixture<OmniShippingEstimator>(
      html`<omni-shipping-estimator></omni-shipping-estimator>`,
    );
    await settled(el);
    expect(parts(el, 'method-name')).to.deep.equal(['Standard delivery', 'Express delivery']);
    expect(parts(el, 'carrier')).to.deep.equal(['G4S Courier', 'Sendy']);
    expect(parts(el, 'order-by')[0]).to.match(/^Order (within|by) /);
    expect(rulesRequests().map((u) => u.searchParams.get('country'))).to.deep.equal(['KE']);
    await expect(el).to.be.accessible();

    fixtureCleanup();
    const again = await fixture<OmniShippingEstimator>(
      html`<omni-shipping-estimator></omni-shipping-estimator>`,
    );
    await settled(again);
    expect(parts(again, 'method-name')).to.have.length(2);
    expect(rulesRequests()).to.have.length(1);
  });

  it("says so for a country the merchant doesn't ship to (404 unsupported_country)", async () => {
    configure({ defaultLocation: { kind: 'postal', postalCode: '10115', country: 'DE' } });
    const el = await fixture<OmniShippingEstimator>(
      html`<omni-shipping-estimator></omni-shipping-estimator>`,
    );
    await settled(el);
    expect(el.matches(':state(unsupported)')).to.equal(true);
    expect(parts(el, 'error')[0]).to.equal("Sorry, we don't deliver to Germany.");
  });

  it('leaves out a bad method from the backend and keeps the others', async () => {
    worker.use(
      http.get('*/api/omni/v1/shipping/rules', async () => {
        const { SHIPPING_RULES } = await import('../../src/mocks/data/shipping.js');
        const rules = structuredClone(SHIPPING_RULES.KE!);
        (rules.methods[0] as { transitDays: unknown }).transitDays = { min: 4, max: 2 };
        return HttpResponse.json(rules);
      }),
    );
    const el = await fixture<OmniShippingEstimator>(
      html`<omni-shipping-estimator></omni-shipping-estimator>`,
    );
    await settled(el);
    expect(parts(el, 'method-name')).to.deep.equal(['Express delivery']);
  });

  it('still estimates from rules seen before when the backend is down', async () => {
    const first = await fixture<OmniShippingEstimator>(
      html`<omni-shipping-estimator></omni-shipping-estimator>`,
    );
    await settled(first);
    fixtureCleanup();
    // Age the cached rules past their day, then take the backend down.
    const { openDB } = await import('idb');
    const db = await openDB(cacheName);
    const tx = db.transaction('cache', 'readwrite');
    const store = tx.objectStore('cache');
    for (const key of await store.getAllKeys()) {
      const record = await store.get(key);
      if (record?.kind === 'shipping') {
        await store.put({ ...record, storedAt: Date.now() - 2 * 864e5 }, key);
      }
    }
    await tx.done;
    db.close();
    faults.setFaults({ offline: true });
    // Another page view: a new service (another timeout is another instance), same database.
    configure({ timeoutMs: 7000 });
    const el = await fixture<OmniShippingEstimator>(
      html`<omni-shipping-estimator></omni-shipping-estimator>`,
    );
    await settled(el);
    expect(parts(el, 'method-name')).to.have.length(2);
    await waitUntil(() => parts(el, 'stale').length === 1, 'no stale note', { timeout: 8000 });
    expect(parts(el, 'stale')[0]).to.match(/^Delivery times last updated 2 days ago/);
  });
});
