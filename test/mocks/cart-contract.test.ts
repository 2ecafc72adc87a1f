/**
 * The demo backend's carts through the cart REST client (what the cart store calls): ETags,
 * idempotent replay (before If-Match), single-use expiring handoff codes and merges that are
 * never applied twice.
 */
import { expect } from '@open-wc/testing';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { Http } from '../../src/core/api/rest/http.js';
import { restCart } from '../../src/core/api/rest/cart.js';
import { createDemoDb, type DemoDb } from '../../src/mocks/db.js';
import { createHandlers } from '../../src/mocks/handlers.js';
import { rejection } from '../helpers/rejection.js';

const lines = (cart: { lines: { sku: string; qty: number }[] }) =>
  cart.lines.map((l) => `${l.sku}x${l.qty}`);

describe('demo backend carts, through the REST client', () => {
  let worker: SetupWorker;
  let db: DemoDb;
  let offsetMs = 0;
  const client = restCart(new Http({ apiBase: '/api/omni/v1', timeoutMs: 3000, retries: 0 }));
  const add = (sku: string, qty = 1) => [{ op: 'add' as const, sku, qty }];

  before(async () => {
    db = createDemoDb(3, { now: () => new Date(Date.now() + offsetMs) });
    worker = setupWorker(...createHandlers({ db }));
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  });

  after(() => worker.stop());
  afterEach(() => {
    offsetMs = 0;
  });

  it('gives each version an ETag and replays a repeated key, also after the cart moved on', async () => {
    const created = await client.createCart();
    expect(created.etag).to.equal(`"${created.cart.id}.v1"`);
    const id = created.cart.id;
    const first = await client.applyCartOps(id, add('MUG-STONE'), {
      idempotencyKey: 'k1',
      ifMatch: created.etag!,
    });
    expect(first.replayed).to.equal(undefined);
    expect(first.etag).to.equal(`"${id}.v2"`);
    await client.applyCartOps(id, add('CAP-OLV'), { idempotencyKey: 'k2' });
    // The answer to k1 was lost; the retry carries the old If-Match: replayed, not 412.
    const retry = await client.applyCartOps(id, add('MUG-STONE'), {
      idempotencyKey: 'k1',
      ifMatch: created.etag!,
    });
    expect(retry.replayed).to.equal(true);
    expect(lines(retry.cart)).to.deep.equal(['MUG-STONEx1']);
    const now = await client.getCart(id);
    expect(lines(now!.cart)).to.deep.equal(['MUG-STONEx1', 'CAP-OLVx1']);
    expect(await client.getCart(id, { ifNoneMatch: now!.etag! })).to.equal(undefined);
  });

  it('refuses a stale If-Match with 412 and a reused key with another body with 422', async () => {
    const { cart, etag } = await client.createCart();
    await client.applyCartOps(cart.id, add('MUG-STONE'), { idempotencyKey: 'a' });
    const stale = await rejection(
      client.applyCartOps(cart.id, add('CAP-OLV'), { idempotencyKey: 'b', ifMatch: etag! }),
    );
    expect([stale.status, stale.code]).to.deep.equal([412, 'version_conflict']);
    const reused = await rejection(
      client.applyCartOps(cart.id, add('CAP-OLV'), { idempotencyKey: 'a' }),
    );
    expect([reused.status, reused.code]).to.deep.equal([422, 'idempotency_key_reused']);
    const gone = await rejection(
      client.applyCartOps('cart_gone', add('CAP-OLV'), { idempotencyKey: 'c' }),
    );
    expect([gone.status, gone.code]).to.deep.equal([404, 'cart_not_found']);
  });

  it('hands a cart over once, and explains used and expired codes', async () => {
    const { cart } = await client.createCart();
    const handoff = await client.createCartHandoff(cart.id);
    expect(new URL(handoff.url).searchParams.get('omni-cart-code')).to.equal(handoff.code);
    expect((await client.claimCart(handoff.code.toLowerCase())).cart.id).to.equal(cart.id);
    const used = await rejection(client.claimCart(handoff.code));
    expect([used.status, used.code]).to.deep.equal([410, 'code_expired']);
    const late = await client.createCartHandoff(cart.id);
    offsetMs = 11 * 60_000;
    const expired = await rejection(client.claimCart(late.code));
    expect(expired.code).to.equal('code_expired');
    const unknown = await rejection(client.claimCart('ZZZZZZ'));
    expect([unknown.status, unknown.code]).to.deep.equal([404, 'code_not_found']);
  });

  it('never applies the same merge twice', async () => {
    const target = (await client.createCart()).cart.id;
    const source = (await client.createCart()).cart.id;
    await client.applyCartOps(target, add('MUG-STONE'), { idempotencyKey: 't' });
    await client.applyCartOps(source, add('MUG-STONE', 2), { idempotencyKey: 's' });
    const merged = await client.mergeCarts(target, source, 'combine');
    expect(lines(merged.cart)).to.deep.equal(['MUG-STONEx3']);
    const again = await client.mergeCarts(target, source, 'combine');
    expect(lines(again.cart)).to.deep.equal(['MUG-STONEx3']);
    expect(again.cart.version).to.equal(merged.cart.version);
  });
});
