import { expect } from '@open-wc/testing';
import { http as mock, HttpResponse } from 'msw';
import { restCart } from '../../../../src/core/api/rest/cart.js';
import { Http } from '../../../../src/core/api/rest/http.js';
import type { Cart, CartHandoff } from '../../../../src/core/api/types.js';
import { errorBody, fetchSpy, useWorker } from '../../../helpers/msw.js';
import { rejection } from '../../../helpers/rejection.js';

const BASE = '/api/omni/v1';

const cart: Cart = {
  id: 'c1',
  version: 4,
  currency: 'EUR',
  lines: [
    {
      id: 'l1',
      sku: 'TSHIRT-M',
      title: 'T-shirt',
      qty: 2,
      unitPrice: { amount: '12.50', currency: 'EUR' },
      fulfillment: { type: 'pickup', storeId: 'st-1' },
    },
  ],
  subtotal: { amount: '25.00', currency: 'EUR' },
  updatedAt: '2026-11-24T08:00:00Z',
};

const handoff: CartHandoff = {
  code: 'K7QX2M',
  url: 'https://shop.example/cart?code=K7QX2M',
  expiresAt: '2026-11-24T08:10:00Z',
};

const client = (retries = 0) => restCart(new Http({ apiBase: BASE, timeoutMs: 2000, retries }));
const busy = () => HttpResponse.json(errorBody('service_unavailable'), { status: 503 });

describe('api/rest/cart', () => {
  const worker = useWorker();

  describe('createCart', () => {
    it('POSTs /carts and answers the cart with its ETag', async () => {
      const seen: Request[] = [];
      worker.use(
        mock.post(`${BASE}/carts`, ({ request }) => {
          seen.push(request.clone());
          return HttpResponse.json(cart, { status: 201, headers: { ETag: '"c1.v4"' } });
        }),
      );
      expect(await client().createCart()).to.deep.equal({ cart, etag: '"c1.v4"' });
      expect(seen[0].headers.get('Content-Type')).to.equal('application/json');
      expect(await seen[0].json()).to.deep.equal({});
    });

    it('is never retried: a retry could make a second cart', async () => {
      let posts = 0;
      worker.use(mock.post(`${BASE}/carts`, () => (posts++, busy())));
      expect((await rejection(client(3).createCart())).status).to.equal(503);
      expect(posts).to.equal(1);
    });
  });

  describe('getCart', () => {
    it('GETs the cart by its encoded id, with If-None-Match when given', async () => {
      const seen: Request[] = [];
      worker.use(
        mock.get(`${BASE}/carts/:id`, ({ request }) => {
          seen.push(request);
          return HttpResponse.json(cart, { headers: { ETag: '"c1.v4"' } });
        }),
      );
      expect(await client().getCart('a/b c', { ifNoneMatch: '"c1.v3"' })).to.deep.equal({
        cart,
        etag: '"c1.v4"',
      });
      expect(new URL(seen[0].url).pathname).to.equal('/api/omni/v1/carts/a%2Fb%20c');
      expect(seen[0].headers.get('If-None-Match')).to.equal('"c1.v3"');

      await client().getCart('c1');
      expect(seen[1].headers.has('If-None-Match')).to.equal(false);
    });

    it('resolves undefined on 304 Not Modified', async () => {
      worker.use(
        mock.get(
          `${BASE}/carts/c1`,
          () => new HttpResponse(null, { status: 304, headers: { ETag: '"c1.v4"' } }),
        ),
      );
      expect(await client().getCart('c1', { ifNoneMatch: '"c1.v4"' })).to.equal(undefined);
    });

    it('maps 404 cart_not_found', async () => {
      worker.use(
        mock.get(`${BASE}/carts/gone`, () =>
          HttpResponse.json(errorBody('cart_not_found'), { status: 404 }),
        ),
      );
      const error = await rejection(client().getCart('gone'));
      expect([error.status, error.code]).to.deep.equal([404, 'cart_not_found']);
    });
  });

  describe('applyCartOps', () => {
    const ops = [{ op: 'add' as const, sku: 'TSHIRT-M', qty: 1 }];

    it('POSTs the operations with Idempotency-Key and If-Match, and answers the new ETag', async () => {
      const seen: Request[] = [];
      worker.use(
        mock.post(`${BASE}/carts/c1/ops`, ({ request }) => {
          seen.push(request.clone());
          return HttpResponse.json(cart, { headers: { ETag: '"c1.v5"' } });
        }),
      );
      const answer = await client().applyCartOps('c1', ops, {
        idempotencyKey: 'key-1',
        ifMatch: '"c1.v4"',
      });
      expect(answer).to.deep.equal({ cart, etag: '"c1.v5"' });
      expect(answer).to.not.have.property('replayed');
      expect(seen[0].headers.get('Idempotency-Key')).to.equal('key-1');
      expect(seen[0].headers.get('If-Match')).to.equal('"c1.v4"');
      expect(await seen[0].json()).to.deep.equal({ ops });

      await client().applyCartOps('c1', ops, { idempotencyKey: 'key-2' });
      expect(seen[1].headers.has('If-Match')).to.equal(false);
    });

    it('says when the server replayed the answer of a repeated key', async () => {
      worker.use(
        mock.post(`${BASE}/carts/c1/ops`, () =>
          HttpResponse.json(cart, { headers: { ETag: '"c1.v5"', 'Idempotent-Replayed': 'true' } }),
        ),
      );
      const answer = await client().applyCartOps('c1', ops, { idempotencyKey: 'key-1' });
      expect(answer.replayed).to.equal(true);
    });

    it('retries a 503 with the same Idempotency-Key', async () => {
      const keys: (string | null)[] = [];
      worker.use(
        mock.post(`${BASE}/carts/c1/ops`, ({ request }) => {
          keys.push(request.headers.get('Idempotency-Key'));
          return keys.length === 1 ? busy() : HttpResponse.json(cart);
        }),
      );
      const answer = await client(2).applyCartOps('c1', ops, { idempotencyKey: 'key-9' });
      expect(answer.cart).to.deep.equal(cart);
      expect(keys).to.deep.equal(['key-9', 'key-9']);
    });

    it('maps 412 version_conflict', async () => {
      worker.use(
        mock.post(`${BASE}/carts/c1/ops`, () =>
          HttpResponse.json(errorBody('version_conflict'), { status: 412 }),
        ),
      );
      const error = await rejection(
        client(3).applyCartOps('c1', ops, { idempotencyKey: 'k', ifMatch: '"old"' }),
      );
      expect([error.status, error.code]).to.deep.equal([412, 'version_conflict']);
    });

    it('passes keepalive to fetch, so that a change sent on pagehide outlives the page', async () => {
      worker.use(mock.post(`${BASE}/carts/c1/ops`, () => HttpResponse.json(cart)));
      const { fetch, keepalive } = fetchSpy();
      const spied = restCart(new Http({ apiBase: BASE, timeoutMs: 2000, retries: 0, fetch }));
      await spied.applyCartOps('c1', ops, { idempotencyKey: 'a', keepalive: true });
      await spied.applyCartOps('c1', ops, { idempotencyKey: 'b' });
      expect(keepalive).to.deep.equal([true, false]);
    });
  });

  describe('createCartHandoff', () => {
    it('POSTs /carts/{id}/handoff once, never retried', async () => {
      let posts = 0;
      worker.use(
        mock.post(`${BASE}/carts/c1/handoff`, () =>
          ++posts === 1 ? busy() : HttpResponse.json(handoff),
        ),
      );
      expect((await rejection(client(3).createCartHandoff('c1'))).status).to.equal(503);
      expect(posts).to.equal(1);
      expect(await client().createCartHandoff('c1')).to.deep.equal(handoff);
    });
  });

  describe('claimCart', () => {
    it('POSTs the code and answers the cart with its ETag', async () => {
      let body: unknown;
      worker.use(
        mock.post(`${BASE}/carts/claim`, async ({ request }) => {
          body = await request.json();
          return HttpResponse.json(cart, { headers: { ETag: '"c1.v4"' } });
        }),
      );
      expect(await client().claimCart('k7qx2m')).to.deep.equal({ cart, etag: '"c1.v4"' });
      expect(body).to.deep.equal({ code: 'k7qx2m' });
    });

    it('maps 410 code_expired and 404 code_not_found, and never retries a single-use code', async () => {
      let posts = 0;
      worker.use(
        mock.post(`${BASE}/carts/claim`, async ({ request }) => {
          posts++;
          const { code } = (await request.json()) as { code: string };
          if (code === 'BUSY') return busy();
          return code === 'OLD'
            ? HttpResponse.json(errorBody('code_expired'), { status: 410 })
            : HttpResponse.json(errorBody('code_not_found'), { status: 404 });
        }),
      );
      const expired = await rejection(client(3).claimCart('OLD'));
      expect([expired.status, expired.code]).to.deep.equal([410, 'code_expired']);
      const unknown = await rejection(client(3).claimCart('NOPE'));
      expect([unknown.status, unknown.code]).to.deep.equal([404, 'code_not_found']);
      expect((await rejection(client(3).claimCart('BUSY'))).status).to.equal(503);
      expect(posts).to.equal(3);
    });
  });

  describe('mergeCarts', () => {
    it('POSTs the source and strategy and answers the cart with its ETag', async () => {
      let body: unknown;
      worker.use(
        mock.post(`${BASE}/carts/c1/merge`, async ({ request }) => {
          body = await request.json();
          return HttpResponse.json(cart, { headers: { ETag: '"c1.v6"' } });
        }),
      );
      expect(await client().mergeCarts('c1', 'c2', 'combine')).to.deep.equal({
        cart,
        etag: '"c1.v6"',
      });
      expect(body).to.deep.equal({ sourceCartId: 'c2', strategy: 'combine' });
    });

    it('is never retried: combining twice would add the lines twice', async () => {
      let posts = 0;
      worker.use(mock.post(`${BASE}/carts/c1/merge`, () => (posts++, busy())));
      expect((await rejection(client(3).mergeCarts('c1', 'c2', 'combine'))).status).to.equal(503);
      expect(posts).to.equal(1);
    });
  });
});
