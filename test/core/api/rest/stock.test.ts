/**
 * The stock capability's newer parts over real HTTP (findStores, getAvailability and
 * notifyBackInStock are covered through RestBackend in ../rest-backend.test.ts).
 */
import { expect } from '@open-wc/testing';
import { http as mock, HttpResponse } from 'msw';
import { Http } from '../../../../src/core/api/rest/http.js';
import { restStock } from '../../../../src/core/api/rest/stock.js';
import type { Store } from '../../../../src/core/api/types.js';
import { makeStore } from '../../../helpers/fixture-with-services.js';
import { errorBody, fetchSpy, useWorker } from '../../../helpers/msw.js';
import { rejection } from '../../../helpers/rejection.js';

const BASE = '/api/omni/v1';

const client = (fetch?: typeof globalThis.fetch) =>
  restStock(new Http({ apiBase: BASE, timeoutMs: 2000, retries: 0, fetch }));

/** Answers `GET /stores?ids=` with a store per id asked, and records each query. */
function storesById(worker: ReturnType<typeof useWorker>, known?: (id: string) => boolean) {
  const queries: URLSearchParams[] = [];
  worker.use(
    mock.get(`${BASE}/stores`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      queries.push(params);
      const ids = (params.get('ids') ?? '').split(',').filter((id) => known?.(id) ?? true);
      const stores: Store[] = ids.map((id) => makeStore({ id, distanceKm: undefined }));
      return HttpResponse.json({ stores });
    }),
  );
  return queries;
}

describe('api/rest/stock', () => {
  const worker = useWorker();

  describe('getStores', () => {
    it('GETs /stores?ids= with the ids, comma-separated, once each', async () => {
      const queries = storesById(worker);
      const stores = await client().getStores({ ids: ['s1', 's2', 's1'] });
      expect(stores.map((s) => s.id)).to.deep.equal(['s1', 's2']);
      expect(queries).to.have.length(1);
      expect(Object.fromEntries(queries[0])).to.deep.equal({ ids: 's1,s2' });
    });

    it('adds the position (near, or postal code and country) for distances', async () => {
      const queries = storesById(worker);
      await client().getStores({ ids: ['s1'], near: { lat: -1.28, lng: 36.82 } });
      await client().getStores({ ids: ['s1'], postalCode: '00100', country: 'KE' });
      expect(Object.fromEntries(queries[0])).to.deep.equal({ ids: 's1', near: '-1.28,36.82' });
      expect(Object.fromEntries(queries[1])).to.deep.equal({
        ids: 's1',
        postalCode: '00100',
        country: 'KE',
      });
    });

    it('asks nothing for no ids', async () => {
      const queries = storesById(worker);
      expect(await client().getStores({ ids: [] })).to.deep.equal([]);
      expect(queries).to.have.length(0);
    });

    it('splits more than 50 ids into requests of at most 50, and joins the answers in order', async () => {
      const queries = storesById(worker);
      const ids = Array.from({ length: 120 }, (_, i) => `s${i}`);
      const stores = await client().getStores({ ids });
      expect(queries.map((q) => q.get('ids')!.split(',').length)).to.have.members([50, 50, 20]);
      expect(stores.map((s) => s.id)).to.deep.equal(ids);
    });

    it('leaves out the stores the backend no longer has', async () => {
      storesById(worker, (id) => id !== 'closed');
      const stores = await client().getStores({ ids: ['open', 'closed'] });
      expect(stores.map((s) => s.id)).to.deep.equal(['open']);
    });

    it('fails as a whole when one chunk fails', async () => {
      worker.use(
        mock.get(`${BASE}/stores`, ({ request }) =>
          new URL(request.url).searchParams.get('ids')!.startsWith('s50,')
            ? HttpResponse.json(errorBody('invalid_request'), { status: 400 })
            : HttpResponse.json({ stores: [] }),
        ),
      );
      const ids = Array.from({ length: 120 }, (_, i) => `s${i}`);
      expect((await rejection(client().getStores({ ids }))).code).to.equal('invalid_request');
    });

    it('passes keepalive to fetch for every chunk', async () => {
      storesById(worker);
      const spy = fetchSpy();
      const ids = Array.from({ length: 60 }, (_, i) => `s${i}`);
      await client(spy.fetch).getStores({ ids }, { keepalive: true });
      expect(spy.keepalive).to.deep.equal([true, true]);
    });
  });

  describe('keepalive', () => {
    it('passes keepalive to fetch for a back-in-stock sign-up sent as the page goes', async () => {
      worker.use(
        mock.post(`${BASE}/notify/back-in-stock`, () => new HttpResponse(null, { status: 202 })),
      );
      const spy = fetchSpy();
      await client(spy.fetch).notifyBackInStock(
        { sku: 'A', email: 'a@example.com' },
        { keepalive: true },
      );
      expect(spy.keepalive).to.deep.equal([true]);
    });

    it('passes keepalive to fetch for availability', async () => {
      worker.use(mock.get(`${BASE}/availability`, () => HttpResponse.json({ availability: [] })));
      const spy = fetchSpy();
      await client(spy.fetch).getAvailability({ skus: ['A'] }, { keepalive: true });
      expect(spy.keepalive).to.deep.equal([true]);
    });
  });
});
