import sinon from 'sinon';
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { RestBackend } from '../../../src/core/api/rest-backend.js';
import type { Availability, Store } from '../../../src/core/api/types.js';
import { rejection } from '../../helpers/rejection.js';

const BASE = '/api/omni/v1';
const UPDATED = '2026-11-24T08:00:00Z';

const store: Store = {
  id: 'st-1',
  name: '<img src=x onerror=alert(1)>',
  address: { line1: '1 Main St', city: 'Nairobi', postalCode: '00100', country: 'KE' },
  location: { lat: -1.28, lng: 36.82 },
  timezone: 'Africa/Nairobi',
  hours: [{ day: 1, open: '09:00', close: '18:00' }],
  closures: [],
  pickup: { enabled: true, leadTimeMinutes: 30 },
  distanceKm: 2,
};

const worker = setupWorker();

function backend(overrides: Partial<ConstructorParameters<typeof RestBackend>[0]> = {}) {
  return new RestBackend({ apiBase: BASE, timeoutMs: 2000, retries: 0, ...overrides });
}

describe('api/RestBackend', () => {
  before(async () => {
    await worker.start({ quiet: true, onUnhandledRequest: 'error' });
  });
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());

  describe('findStores', () => {
    it('sends near=LAT,LNG with radius and limit, and Accept: application/json', async () => {
      const seen: URL[] = [];
      let accept: string | null = null;
      worker.use(
        http.get(`${BASE}/stores`, ({ request }) => {
          seen.push(new URL(request.url));
          accept = request.headers.get('Accept');
          return HttpResponse.json({ stores: [store] });
        }),
      );
      const stores = await backend().findStores({
        near: { lat: -1.28, lng: 36.82 },
        radiusKm: 25,
        limit: 5,
      });
      expect(stores).to.deep.equal([store]);
      expect(stores[0].name).to.equal('<img src=x onerror=alert(1)>');
      expect(seen).to.have.length(1);
      expect(seen[0].pathname).to.equal('/api/omni/v1/stores');
      expect(Object.fromEntries(seen[0].searchParams)).to.deep.equal({
        near: '-1.28,36.82',
        radiusKm: '25',
        limit: '5',
      });
      expect(accept).to.equal('application/json');
    });

    it('sends postalCode and country, leaving out what is not given; absolute base works', async () => {
      const seen: URL[] = [];
      worker.use(
        http.get(`${BASE}/stores`, ({ request }) => {
          seen.push(new URL(request.url));
          return HttpResponse.json({ stores: [] });
        }),
      );
      const client = backend({ apiBase: `${location.origin}${BASE}/` });
      expect(await client.findStores({ postalCode: 'SW1A 1AA', country: 'GB' })).to.deep.equal([]);
      expect(Object.fromEntries(seen[0].searchParams)).to.deep.equal({
        postalCode: 'SW1A 1AA',
        country: 'GB',
      });
      expect(seen[0].pathname).to.equal('/api/omni/v1/stores');
    });

    it('maps a 404 error body to OmniError http with status and code', async () => {
      worker.use(
        http.get(`${BASE}/stores`, () =>
          HttpResponse.json(
            { error: { code: 'unknown_postal_code', message: 'Unknown postal code' } },
            { status: 404 },
          ),
        ),
      );
      const error = await rejection(backend().findStores({ postalCode: '00000', country: 'US' }));
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(404);
      expect(error.code).to.equal('unknown_postal_code');
    });

    it('reports a postal code the backend refuses (400) as unknown, and nothing else', async () => {
      const refuse = () =>
        HttpResponse.json(
          { error: { code: 'invalid_request', message: 'postalCode too long' } },
          { status: 400 },
        );
      worker.use(http.get(`${BASE}/stores`, refuse), http.get(`${BASE}/availability`, refuse));
      const postal = await rejection(
        backend().findStores({ postalCode: 'SW1A 1AA LONDON UK', country: 'GB' }),
      );
      expect(postal.status).to.equal(400);
      expect(postal.code).to.equal('unknown_postal_code');
      const near = await rejection(backend().findStores({ near: { lat: 1, lng: 2 } }));
      expect(near.code).to.equal('invalid_request');
      const stock = await rejection(backend().getAvailability({ skus: ['A'], storeIds: ['s'] }));
      expect(stock.code).to.equal('invalid_request');
    });

    it('maps a non-2xx without an error body to OmniError http with the status only', async () => {
      worker.use(
        http.get(`${BASE}/stores`, () =>
          HttpResponse.html('<h1>Bad gateway</h1>', { status: 502 }),
        ),
      );
      const error = await rejection(backend().findStores({ postalCode: '1', country: 'US' }));
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(502);
      expect(error.code).to.equal(undefined);
    });

    it('retries a 503 when retries are configured', async () => {
      let calls = 0;
      worker.use(
        http.get(`${BASE}/stores`, () => {
          calls++;
          return calls === 1
            ? new HttpResponse(null, { status: 503 })
            : HttpResponse.json({ stores: [store] });
        }),
      );
      const stores = await backend({ retries: 1 }).findStores({ postalCode: '1', country: 'US' });
      expect(stores).to.have.length(1);
      expect(calls).to.equal(2);
    });

    it('rejects a 200 with invalid JSON as invalid_response', async () => {
      worker.use(http.get(`${BASE}/stores`, () => HttpResponse.text('<!doctype html><p>shop</p>')));
      const error = await rejection(backend().findStores({ postalCode: '1', country: 'US' }));
      expect(error.kind).to.equal('invalid_response');
      expect(error.status).to.equal(200);
    });

    it('leaves out a store that does not match the contract, saying why, and keeps the others', async () => {
      worker.use(
        http.get(`${BASE}/stores`, () =>
          HttpResponse.json({
            stores: [{ ...store, id: 'bad', location: { lat: 'x', lng: 0 } }, store],
          }),
        ),
      );
      const warn = sinon.stub(console, 'warn');
      try {
        const stores = await backend().findStores({ postalCode: '1', country: 'US' });
        expect(stores.map((s) => s.id)).to.deep.equal([store.id]);
        expect(warn.calledOnce).to.equal(true);
        expect(String(warn.firstCall.args[0])).to.contain('#0 location.lat');
      } finally {
        warn.restore();
      }
    });

    it('rejects an answer without a list of stores as invalid_response, naming the path', async () => {
      worker.use(http.get(`${BASE}/stores`, () => HttpResponse.json({ shops: [] })));
      const error = await rejection(backend().findStores({ postalCode: '1', country: 'US' }));
      expect(error.kind).to.equal('invalid_response');
      expect(error.message).to.contain('stores');
    });
  });

  describe('getAvailability', () => {
    it('splits 250 skus x 60 stores into 6 requests within limits, and joins the answers', async () => {
      const requests: { skus: string[]; storeIds: string[] }[] = [];
      worker.use(
        http.get(`${BASE}/availability`, ({ request }) => {
          const params = new URL(request.url).searchParams;
          const skus = params.get('skus')!.split(',');
          const storeIds = params.get('storeIds')!.split(',');
          requests.push({ skus, storeIds });
          const availability: Availability[] = skus.flatMap((sku) => [
            { sku, storeId: null, status: 'in_stock', updatedAt: UPDATED },
            ...storeIds.map((storeId) => ({
              sku,
              storeId,
              status: 'low_stock' as const,
              quantity: 1,
              updatedAt: UPDATED,
            })),
          ]);
          return HttpResponse.json({ availability });
        }),
      );
      const skus = Array.from({ length: 250 }, (_, i) => `sku-${i}`);
      const storeIds = Array.from({ length: 60 }, (_, i) => `st-${i}`);
      const records = await backend().getAvailability({ skus, storeIds });

      expect(requests).to.have.length(6);
      // Split exactly at the limits: 100 + 100 + 50 skus, 50 + 10 stores.
      const shapes = requests.map((r) => `${r.skus.length}x${r.storeIds.length}`).sort();
      expect(shapes).to.deep.equal(['100x10', '100x10', '100x50', '100x50', '50x10', '50x50']);
      const pairs = new Set(
        requests.flatMap((r) => r.skus.flatMap((s) => r.storeIds.map((t) => `${s}@${t}`))),
      );
      expect(pairs.size).to.equal(250 * 60);
      // Every store record once, and the online record once per sku although every chunk sent it.
      expect(records).to.have.length(250 * 60 + 250);
      expect(records.filter((r) => r.storeId === null)).to.have.length(250);
    });

    it('asks for online stock only without store ids', async () => {
      const seen: URLSearchParams[] = [];
      worker.use(
        http.get(`${BASE}/availability`, ({ request }) => {
          seen.push(new URL(request.url).searchParams);
          return HttpResponse.json({
            availability: [{ sku: 'A', storeId: null, status: 'preorder', updatedAt: UPDATED }],
          });
        }),
      );
      const records = await backend().getAvailability({ skus: ['A', 'B', 'A'] });
      expect(records).to.deep.equal([
        { sku: 'A', storeId: null, status: 'preorder', updatedAt: UPDATED },
      ]);
      expect(seen).to.have.length(1);
      expect(seen[0].get('skus')).to.equal('A,B');
      expect(seen[0].has('storeIds')).to.equal(false);
    });

    it('resolves [] without a request for no skus', async () => {
      let calls = 0;
      worker.use(
        http.get(`${BASE}/availability`, () => {
          calls++;
          return HttpResponse.json({ availability: [] });
        }),
      );
      expect(await backend().getAvailability({ skus: [], storeIds: ['st-1'] })).to.deep.equal([]);
      expect(calls).to.equal(0);
    });

    it('rejects with the error of a failing chunk', async () => {
      worker.use(
        http.get(`${BASE}/availability`, ({ request }) => {
          const skus = new URL(request.url).searchParams.get('skus')!;
          return skus.startsWith('sku-100')
            ? HttpResponse.json(
                { error: { code: 'invalid_sku', message: 'Bad sku' } },
                { status: 400 },
              )
            : HttpResponse.json({ availability: [] });
        }),
      );
      const skus = Array.from({ length: 150 }, (_, i) => `sku-${i}`);
      const error = await rejection(backend().getAvailability({ skus }));
      expect(error.kind).to.equal('http');
      expect(error.code).to.equal('invalid_sku');
    });

    it('leaves out a record with a wrong stock status or an absurd quantity, keeping the others', async () => {
      worker.use(
        http.get(`${BASE}/availability`, () =>
          HttpResponse.json({
            availability: [
              { sku: 'A', storeId: null, status: 'lots', updatedAt: UPDATED },
              { sku: 'B', storeId: null, status: 'in_stock', quantity: 1e300, updatedAt: UPDATED },
              { sku: 'C', storeId: null, status: 'in_stock', quantity: 3, updatedAt: UPDATED },
            ],
          }),
        ),
      );
      const warn = sinon.stub(console, 'warn');
      try {
        const records = await backend().getAvailability({ skus: ['A', 'B', 'C'] });
        expect(records.map((r) => r.sku)).to.deep.equal(['C']);
        expect(String(warn.firstCall.args[0])).to.contain('left out 2 of 3');
      } finally {
        warn.restore();
      }
    });

    it('never sends a sku the contract cannot carry, and splits long URLs under 4,000 characters', async () => {
      const urls: string[] = [];
      worker.use(
        http.get(`${BASE}/availability`, ({ request }) => {
          urls.push(request.url);
          return HttpResponse.json({ availability: [] });
        }),
      );
      const long = Array.from(
        { length: 90 },
        (_, i) => `SKU-${String(i).padStart(3, '0')}-${'X'.repeat(50)}`,
      );
      await backend().getAvailability({ skus: [...long, 'Y'.repeat(20_000), 'A,B'] });
      expect(urls.length).to.be.greaterThan(1);
      expect(urls.every((url) => url.length - location.origin.length <= 4000)).to.equal(true);
      expect(urls.some((url) => url.includes('YYYYYYYY') || url.includes('A%2CB'))).to.equal(false);
      const sent = urls.flatMap((url) => new URL(url).searchParams.get('skus')!.split(','));
      expect(sent).to.have.members(long);
    });

    it('refuses an answer larger than 2 MB', async () => {
      worker.use(
        http.get(`${BASE}/availability`, () =>
          HttpResponse.json({
            availability: [
              {
                sku: 'A',
                storeId: null,
                status: 'in_stock',
                updatedAt: UPDATED,
                name: 'x'.repeat(2_100_000),
              },
            ],
          }),
        ),
      );
      const error = await rejection(backend().getAvailability({ skus: ['A'] }));
      expect(error.kind).to.equal('invalid_response');
      expect(error.message).to.contain('larger than 2000000 bytes');
    });

    it('rejects with aborted when the caller aborts', async () => {
      worker.use(
        http.get(`${BASE}/availability`, async () => {
          await new Promise((resolve) => setTimeout(resolve, 1000));
          return HttpResponse.json({ availability: [] });
        }),
      );
      const controller = new AbortController();
      const promise = backend().getAvailability({ skus: ['A'] }, { signal: controller.signal });
      setTimeout(() => controller.abort(), 20);
      expect((await rejection(promise)).kind).to.equal('aborted');
    });
  });

  describe('notifyBackInStock', () => {
    it('POSTs JSON and resolves on 202', async () => {
      let body: unknown;
      let contentType: string | null = null;
      worker.use(
        http.post(`${BASE}/notify/back-in-stock`, async ({ request }) => {
          body = await request.json();
          contentType = request.headers.get('Content-Type');
          return new HttpResponse(null, { status: 202 });
        }),
      );
      const request = { sku: 'A', email: 'a@example.com', storeId: 'st-1' };
      expect(await backend().notifyBackInStock(request)).to.equal(undefined);
      expect(body).to.deep.equal(request);
      expect(contentType).to.equal('application/json');
    });

    it('maps 422 to OmniError http with code invalid_email', async () => {
      worker.use(
        http.post(`${BASE}/notify/back-in-stock`, () =>
          HttpResponse.json(
            { error: { code: 'invalid_email', message: 'Bad email' } },
            { status: 422 },
          ),
        ),
      );
      const error = await rejection(backend().notifyBackInStock({ sku: 'A', email: 'nope' }));
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(422);
      expect(error.code).to.equal('invalid_email');
    });

    it('accepts another 2xx without a body', async () => {
      worker.use(
        http.post(`${BASE}/notify/back-in-stock`, () => new HttpResponse(null, { status: 204 })),
      );
      expect(await backend().notifyBackInStock({ sku: 'A', email: 'a@example.com' })).to.equal(
        undefined,
      );
    });

    it('does not retry a sign-up, so a slow backend cannot store it twice', async () => {
      let posts = 0;
      worker.use(
        http.post(`${BASE}/notify/back-in-stock`, () => {
          posts++;
          return HttpResponse.json(
            { error: { code: 'service_unavailable', message: 'busy' } },
            { status: 503 },
          );
        }),
      );
      const error = await rejection(
        backend({ retries: 3 }).notifyBackInStock({ sku: 'A', email: 'a@example.com' }),
      );
      expect(error.status).to.equal(503);
      expect(posts).to.equal(1);
    });

    it('rejects an HTML page answering 200 (a misconfigured apiBase) as invalid_response', async () => {
      worker.use(http.post(`${BASE}/notify/back-in-stock`, () => HttpResponse.html('<p>home</p>')));
      const error = await rejection(
        backend().notifyBackInStock({ sku: 'A', email: 'a@example.com' }),
      );
      expect(error.kind).to.equal('invalid_response');
    });
  });
});
