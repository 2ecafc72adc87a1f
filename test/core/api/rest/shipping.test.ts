import { expect } from '@open-wc/testing';
import { http as mock, HttpResponse } from 'msw';
import { Http } from '../../../../src/core/api/rest/http.js';
import { restShipping } from '../../../../src/core/api/rest/shipping.js';
import type { ShippingRules } from '../../../../src/core/api/types.js';
import { errorBody, useWorker } from '../../../helpers/msw.js';
import { rejection } from '../../../helpers/rejection.js';

const BASE = '/api/omni/v1';

const rules: ShippingRules = {
  origins: [
    {
      id: 'nbo',
      timezone: 'Africa/Nairobi',
      cutoffs: [{ day: 1, time: '14:00' }],
      handlingDays: { min: 0, max: 1 },
      workdays: [1, 2, 3, 4, 5],
      closures: ['2026-12-25'],
    },
  ],
  methods: [
    {
      id: 'std',
      label: 'Standard',
      carrier: 'Posta',
      price: { amount: '4.99', currency: 'KES' },
      freeOver: { amount: '50.00', currency: 'KES' },
      transitDays: { min: 1, max: 3 },
      deliveryDays: [1, 2, 3, 4, 5, 6],
    },
  ],
  holidays: [],
};

const client = () => restShipping(new Http({ apiBase: BASE, timeoutMs: 2000, retries: 0 }));

describe('api/rest/shipping', () => {
  const worker = useWorker();

  it('GETs the rules for the country, upper-cased', async () => {
    const seen: URL[] = [];
    worker.use(
      mock.get(`${BASE}/shipping/rules`, ({ request }) => {
        seen.push(new URL(request.url));
        return HttpResponse.json(rules);
      }),
    );
    expect(await client().getShippingRules('ke')).to.deep.equal(rules);
    expect(seen[0].search).to.equal('?country=KE');
  });

  it('maps 404 unsupported_country', async () => {
    worker.use(
      mock.get(`${BASE}/shipping/rules`, () =>
        HttpResponse.json(errorBody('unsupported_country', 'We do not ship to AQ.'), {
          status: 404,
        }),
      ),
    );
    const error = await rejection(client().getShippingRules('AQ'));
    expect([error.kind, error.status, error.code]).to.deep.equal([
      'http',
      404,
      'unsupported_country',
    ]);
  });

  it('passes a bad entry on for validateShippingRules, so it costs only itself', async () => {
    // The shipping service checks every origin, method and holiday and leaves out the bad ones.
    const bad = { ...rules, methods: [{ ...rules.methods[0], price: 4.99 }] };
    worker.use(mock.get(`${BASE}/shipping/rules`, () => HttpResponse.json(bad)));
    expect(await client().getShippingRules('KE')).to.deep.equal(bad);
  });

  it('rejects an answer without the three lists as invalid_response', async () => {
    worker.use(
      mock.get(`${BASE}/shipping/rules`, () =>
        HttpResponse.json({ origins: rules.origins, methods: {} }),
      ),
    );
    expect((await rejection(client().getShippingRules('KE'))).kind).to.equal('invalid_response');
  });
});
