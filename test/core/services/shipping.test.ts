import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import sinon from 'sinon';
import type { BackendClient } from '../../../src/core/api/backend-client.js';
import type { ShippingMethod, ShippingRules } from '../../../src/core/api/types.js';
import { namespaced } from '../../../src/core/cache/namespaced.js';
import { resolveConfig } from '../../../src/core/config.js';
import { storageService } from '../../../src/core/services/backend.js';
import { resolveService } from '../../../src/core/services/registry.js';
import { shippingService } from '../../../src/core/services/shipping.js';
import { rejection } from '../../helpers/rejection.js';

const BASE = '/api/omni/v1';
const DAY = 24 * 60 * 60 * 1000;

const standard: ShippingMethod = {
  id: 'std',
  label: 'Standard',
  carrier: 'G4S',
  price: { amount: '4.50', currency: 'EUR' },
  transitDays: { min: 2, max: 4 },
  deliveryDays: [1, 2, 3, 4, 5, 6],
};

const rules = (methods: unknown[] = [standard]): ShippingRules =>
  ({
    origins: [
      {
        id: 'nbo',
        timezone: 'Africa/Nairobi',
        cutoffs: [{ day: 1, time: '15:00' }],
        handlingDays: { min: 0, max: 1 },
        workdays: [1, 2, 3, 4, 5],
        closures: [],
      },
    ],
    methods,
    holidays: ['2026-12-25'],
  }) as ShippingRules;

const worker = setupWorker();

describe('shipping service (MSW, IndexedDB)', () => {
  const cacheName = `omnishelf-shipping-test-${Date.now()}`;
  let asked: string[];
  let settings = 0;
  let warn: sinon.SinonStub;

  /** A service as a provider resolves it; a new one per call, sharing the one database. */
  const service = (backend?: BackendClient) =>
    resolveService(
      shippingService,
      // A different timeout is another service instance (a new page view) over the same cache.
      resolveConfig({ cacheName, apiBase: BASE, retries: 0, timeoutMs: 2000 + ++settings }),
      backend,
    );

  /** The shared cache under the REST namespace, to plant entries of a given age. */
  const cache = () =>
    namespaced(resolveService(storageService, resolveConfig({ cacheName }), undefined).cache, BASE);

  const answer = (body: () => Response) =>
    worker.use(
      http.get(`${BASE}/shipping/rules`, ({ request }) => {
        asked.push(new URL(request.url).searchParams.get('country') ?? '');
        return body();
      }),
    );

  before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
  after(async () => {
    worker.stop();
    await deleteDB(cacheName);
  });
  beforeEach(async () => {
    asked = [];
    warn = sinon.stub(console, 'warn');
    await cache().clear();
  });
  afterEach(() => {
    warn.restore();
    worker.resetHandlers();
  });

  it('fetches the rules of a country, then serves a repeat view from IndexedDB with no request', async () => {
    answer(() => HttpResponse.json(rules()));
    const first = await service().rules('ke');
    expect(asked).to.deep.equal(['KE']);
    expect(first.source).to.equal('network');
    expect(first.value.country).to.equal('KE');
    expect(first.value.rules).to.deep.equal(rules());
    expect(first.value.problems).to.deep.equal([]);

    const repeat = await service().rules('KE');
    expect(asked).to.have.length(1);
    expect(repeat).to.include({ source: 'cache', stale: false });
    expect(repeat.value.rules).to.deep.equal(rules());
  });

  it('still gives the rules, stale, when the backend is down', async () => {
    await cache().set('shipping', 'KE', rules(), Date.now() - 2 * DAY);
    answer(() => HttpResponse.error());
    const result = await service().rules('KE');
    expect(result).to.include({ source: 'cache', stale: true });
    expect(result.value.rules.methods.map((m) => m.id)).to.deep.equal(['std']);
    const failed = await rejection(result.revalidation!);
    expect(failed.kind).to.equal('network');
    expect(asked).to.deep.equal(['KE']);
  });

  it('refreshes stale rules in the background', async () => {
    await cache().set('shipping', 'KE', rules(), Date.now() - 2 * DAY);
    const express = { ...standard, id: 'exp', transitDays: { min: 0, max: 1 } };
    answer(() => HttpResponse.json(rules([standard, express])));
    const result = await service().rules('KE');
    expect(result.value.rules.methods).to.have.length(1);
    const fresh = await result.revalidation!;
    expect(fresh.value.rules.methods.map((m) => m.id)).to.deep.equal(['std', 'exp']);
    expect((await service().rules('KE')).value.rules.methods).to.have.length(2);
  });

  it('rejects with unsupported_country when the merchant does not ship there', async () => {
    answer(() =>
      HttpResponse.json(
        { error: { code: 'unsupported_country', message: 'No shipping to AQ.' } },
        { status: 404 },
      ),
    );
    const error = await rejection(service().rules('aq'));
    expect([error.kind, error.status, error.code]).to.deep.equal([
      'http',
      404,
      'unsupported_country',
    ]);
  });

  it('leaves out a bad method only, and says why in the console once', async () => {
    const bad = { ...standard, id: 'bad', transitDays: { min: 5, max: 2 } };
    answer(() => HttpResponse.json(rules([bad, standard])));
    const first = await service().rules('KE');
    expect(first.value.rules.methods.map((m) => m.id)).to.deep.equal(['std']);
    expect(first.value.problems).to.have.length(1);
    // The cached copy keeps the bad method; reading it again checks it again, reports nothing new.
    const again = await service().rules('KE');
    expect(again.value.rules.methods.map((m) => m.id)).to.deep.equal(['std']);
    const messages = warn.getCalls().map((call) => String(call.args[0]));
    const reasons = messages.filter((m) => m.includes('transitDays.min 5 is greater'));
    expect(reasons).to.have.length(1);
    expect(reasons[0]).to.contain('Shipping rules for KE').and.contain('"bad"');
  });

  it('rejects an answer without the three lists, and refetches a cached one', async () => {
    answer(() => HttpResponse.json({ origins: [], methods: 'all of them', holidays: [] }));
    expect((await rejection(service().rules('KE'))).kind).to.equal('invalid_response');
    await cache().set('shipping', 'NO', { methods: [] }, Date.now());
    worker.resetHandlers();
    answer(() => HttpResponse.json(rules()));
    const result = await service().rules('NO');
    expect(result.source).to.equal('network');
    expect(asked).to.deep.equal(['KE', 'NO']);
  });

  it('uses a custom backend, and says when it has no shipping capability', async () => {
    const custom: BackendClient = {
      cacheKey: 'custom-shipping',
      getShippingRules: async (country) => {
        asked.push(country);
        return rules();
      },
    };
    const result = await service(custom).rules('ke');
    expect(result.value.rules.methods).to.have.length(1);
    expect(asked).to.deep.equal(['KE']);

    const error = sinon.stub(console, 'error');
    try {
      const none = await rejection(service({ cacheKey: 'stock-only' }).rules('KE'));
      expect(none.kind).to.equal('unsupported');
      expect(String(error.firstCall.args[0])).to.contain('no shipping capability');
    } finally {
      error.restore();
    }
  });
});
