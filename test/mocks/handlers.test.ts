import { expect } from '@open-wc/testing';
import { setupWorker, type SetupWorker } from 'msw/browser';
import type {
  Availability,
  Cart,
  CartHandoff,
  ErrorBody,
  PickupSlot,
  Store,
} from '../../src/core/api/types.js';
import { ALL_SKUS } from '../../src/mocks/data/products.js';
import { STOCK_CASES, FAR_STORE_ID } from '../../src/mocks/data/stock.js';
import { createDemoDb, type DemoDb } from '../../src/mocks/db.js';
import { createFaultState, applyFaults, type FaultState } from '../../src/mocks/faults.js';
import { createHandlers, handlerPrefix } from '../../src/mocks/handlers.js';
import { haversineKm } from '../../src/core/geo/distance.js';
import { MARKUP_PRODUCT } from '../helpers/markup-product.js';

const BASE = '/api/omni/v1';

describe('demo backend (MSW handlers, contract v1)', () => {
  let worker: SetupWorker;
  let db: DemoDb;
  let faults: FaultState;
  let clockOffsetMs = 0;
  let nextRandom = 0.99;

  const get = (path: string, init?: RequestInit) => fetch(`${BASE}${path}`, init);
  const post = (path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${BASE}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const errorCode = async (res: Response) => ((await res.json()) as ErrorBody).error.code;

  before(async () => {
    db = createDemoDb(7, {
      now: () => new Date(Date.now() + clockOffsetMs),
      extraProducts: [MARKUP_PRODUCT],
    });
    faults = createFaultState();
    worker = setupWorker(...createHandlers({ db, faults, random: () => nextRandom }));
    await worker.start({
      serviceWorker: { url: '/mockServiceWorker.js' },
      onUnhandledRequest: 'bypass',
      quiet: true,
    });
  });

  after(() => worker.stop());

  afterEach(() => {
    faults.resetFaults();
    clockOffsetMs = 0;
    nextRandom = 0.99;
    worker.resetHandlers();
  });

  describe('GET /stores', () => {
    it('sorts stores by coordinates nearest first, each with distanceKm', async () => {
      const res = await get('/stores?near=-1.28,36.82&limit=20');
      expect(res.status).to.equal(200);
      const { stores } = (await res.json()) as { stores: Store[] };
      expect(stores.length).to.be.at.least(12);
      expect(stores[0]!.id).to.equal('ke-nbo-cbd');
      expect(stores[1]!.name).to.include('Westlands');
      const distances = stores.map((s) => s.distanceKm!);
      expect(distances.every((d) => typeof d === 'number')).to.equal(true);
      expect(distances).to.deep.equal([...distances].sort((a, b) => a - b));
      expect(distances[0]).to.be.below(2);
    });

    it('answers stores by id, in the order asked, with distances when a place is given', async () => {
      const res = await get('/stores?ids=ke-nbo-westlands,nope,ke-nbo-cbd&near=-1.28,36.82');
      expect(res.status).to.equal(200);
      const { stores } = (await res.json()) as { stores: Store[] };
      expect(stores.map((s) => s.id)).to.deep.equal(['ke-nbo-westlands', 'ke-nbo-cbd']);
      expect(stores.every((s) => typeof s.distanceKm === 'number')).to.equal(true);
      const plain = (await (await get('/stores?ids=ke-nbo-cbd')).json()) as { stores: Store[] };
      expect(plain.stores[0]!.distanceKm).to.equal(undefined);
      const gone = (await (await get('/stores?ids=closed-for-good')).json()) as { stores: Store[] };
      expect(gone.stores).to.deep.equal([]);
    });

    it('answers 400 for more than 50 ids, or ids with radiusKm or limit', async () => {
      const many = Array.from({ length: 51 }, (_, i) => `s${i}`).join(',');
      expect((await get(`/stores?ids=${many}`)).status).to.equal(400);
      expect((await get('/stores?ids=ke-nbo-cbd&limit=3')).status).to.equal(400);
      expect((await get('/stores?ids=ke-nbo-cbd&near=1,1&radiusKm=5')).status).to.equal(400);
    });

    it('applies radiusKm and limit', async () => {
      const inRadius = (await (await get('/stores?near=-1.28,36.82&radiusKm=50')).json()) as {
        stores: Store[];
      };
      expect(inRadius.stores.map((s) => s.id)).to.deep.equal([
        'ke-nbo-cbd',
        'ke-nbo-westlands',
        'ke-nbo-karen',
      ]);
      const limited = (await (await get('/stores?near=-1.28,36.82&limit=1')).json()) as {
        stores: Store[];
      };
      expect(limited.stores).to.have.length(1);
    });

    it('geocodes a Kenyan postal code', async () => {
      const { stores } = (await (
        await get('/stores?postalCode=00100&country=KE&limit=3')
      ).json()) as {
        stores: Store[];
      };
      expect(stores[0]!.id).to.equal('ke-nbo-cbd');
      expect(stores[0]!.distanceKm).to.be.a('number');
    });

    it('geocodes a Lithuanian postal code, ignoring case, spaces and the LT- prefix', async () => {
      for (const code of ['LT-01100', 'lt-01 100', '01100']) {
        const res = await get(`/stores?postalCode=${encodeURIComponent(code)}&country=lt&limit=2`);
        const { stores } = (await res.json()) as { stores: Store[] };
        expect(
          stores.map((s) => s.id),
          code,
        ).to.deep.equal(['lt-vno-gedimino', 'lt-kun-laisves']);
      }
    });

    it('answers 404 unknown_postal_code for a code it cannot geocode', async () => {
      const res = await get('/stores?postalCode=SW1A%201AA&country=GB');
      expect(res.status).to.equal(404);
      expect(await errorCode(res)).to.equal('unknown_postal_code');
    });

    it('answers 400 invalid_request for bad parameters', async () => {
      for (const query of [
        'near=91,0',
        'near=abc',
        'postalCode=00100',
        'near=0,0&limit=0',
        'near=0,0&radiusKm=-1',
        'near=0,0&radiusKm=0',
        'near=0,0&radiusKm=20100.5',
        'postalCode=&country=KE',
        `postalCode=${'1'.repeat(17)}&country=KE`,
        'postalCode=00100&country=KEN',
      ]) {
        const res = await get(`/stores?${query}`);
        expect(res.status, query).to.equal(400);
        expect(await errorCode(res), query).to.equal('invalid_request');
      }
    });

    it('accepts radiusKm above 0 up to 20100, and postal codes up to 16 characters', async () => {
      const tiny = await get('/stores?near=-1.28,36.82&radiusKm=0.01');
      expect(tiny.status).to.equal(200);
      const all = await get('/stores?near=-1.28,36.82&radiusKm=20100&limit=100');
      expect(all.status).to.equal(200);
      const { stores } = (await all.json()) as { stores: Store[] };
      expect(stores.length).to.equal(db.stores.length);
      // 16 characters is valid input: not geocodable, so 404 rather than 400.
      const longest = await get(`/stores?postalCode=${'1'.repeat(16)}&country=KE`);
      expect(longest.status).to.equal(404);
      expect(await errorCode(longest)).to.equal('unknown_postal_code');
    });
  });

  describe('GET /availability', () => {
    it('returns online stock with storeId null when no storeIds are given', async () => {
      const res = await get(
        `/availability?skus=${STOCK_CASES.inStockEverywhere},${STOCK_CASES.preorder}`,
      );
      const { availability } = (await res.json()) as { availability: Availability[] };
      expect(availability).to.have.length(2);
      expect(availability.every((a) => a.storeId === null)).to.equal(true);
      expect(availability[0]).to.include({
        sku: STOCK_CASES.inStockEverywhere,
        status: 'in_stock',
      });
      expect(availability[1]!.status).to.equal('preorder');
      expect(availability[1]!.restockAt).to.be.a('string');
      expect(Date.parse(availability[0]!.updatedAt)).to.be.above(Date.now() - 3 * 3600_000);
    });

    it('returns one entry per sku and store, with the guaranteed stock cases', async () => {
      const stores = ['ke-nbo-cbd', 'ke-nbo-westlands', FAR_STORE_ID];
      const skus = [
        STOCK_CASES.outOfStockEverywhere,
        STOCK_CASES.lowStock,
        STOCK_CASES.onlyAtFarStore,
      ];
      const res = await get(`/availability?skus=${skus.join(',')}&storeIds=${stores.join(',')}`);
      const { availability } = (await res.json()) as { availability: Availability[] };
      expect(availability).to.have.length(9);
      const at = (sku: string, store: string) =>
        availability.find((a) => a.sku === sku && a.storeId === store)!;
      for (const store of stores) {
        expect(at(STOCK_CASES.outOfStockEverywhere, store).status).to.equal('out_of_stock');
        expect(at(STOCK_CASES.lowStock, store).status).to.equal('low_stock');
        expect(at(STOCK_CASES.lowStock, store).quantity).to.be.within(1, 3);
      }
      expect(at(STOCK_CASES.onlyAtFarStore, FAR_STORE_ID).status).to.equal('in_stock');
      expect(at(STOCK_CASES.onlyAtFarStore, 'ke-nbo-cbd').status).to.equal('out_of_stock');
    });

    it('URL-decodes the comma lists before splitting them', async () => {
      const skus = encodeURIComponent(`${STOCK_CASES.lowStock},${STOCK_CASES.preorder}`);
      const stores = encodeURIComponent('ke-nbo-cbd,ke-nbo-westlands');
      expect(skus).to.include('%2C');
      const res = await get(`/availability?skus=${skus}&storeIds=${stores}`);
      const { availability } = (await res.json()) as { availability: Availability[] };
      expect(availability.map((a) => [a.sku, a.storeId])).to.deep.equal([
        [STOCK_CASES.lowStock, 'ke-nbo-cbd'],
        [STOCK_CASES.lowStock, 'ke-nbo-westlands'],
        [STOCK_CASES.preorder, 'ke-nbo-cbd'],
        [STOCK_CASES.preorder, 'ke-nbo-westlands'],
      ]);
    });

    it('answers 400 for 101 skus or 51 stores', async () => {
      const skus = Array.from({ length: 101 }, (_, i) => `SKU-${i}`).join(',');
      const tooManySkus = await get(`/availability?skus=${skus}`);
      expect(tooManySkus.status).to.equal(400);
      expect(await errorCode(tooManySkus)).to.equal('invalid_request');
      const stores = Array.from({ length: 51 }, (_, i) => `S${i}`).join(',');
      const tooManyStores = await get(`/availability?skus=MUG-BOLD&storeIds=${stores}`);
      expect(tooManyStores.status).to.equal(400);
      expect((await get('/availability')).status).to.equal(400);
    });
  });

  describe('carts', () => {
    const addMug = { ops: [{ op: 'add', sku: 'MUG-BOLD', qty: 1 }] };

    it('creates a cart with 201 and an ETag', async () => {
      const res = await post('/carts');
      expect(res.status).to.equal(201);
      const cart = (await res.json()) as Cart;
      expect(cart).to.include({ version: 1, currency: 'EUR' });
      expect(cart.lines).to.deep.equal([]);
      expect(res.headers.get('ETag')).to.be.a('string').and.not.equal('');
    });

    it('requires an Idempotency-Key on ops', async () => {
      const cart = (await (await post('/carts')).json()) as Cart;
      const res = await post(`/carts/${cart.id}/ops`, addMug);
      expect(res.status).to.equal(400);
      expect(await errorCode(res)).to.equal('invalid_request');
    });

    it('applies a repeated Idempotency-Key once and returns the first result', async () => {
      const cart = (await (await post('/carts')).json()) as Cart;
      const first = await post(`/carts/${cart.id}/ops`, addMug, { 'Idempotency-Key': 'op-1' });
      const second = await post(`/carts/${cart.id}/ops`, addMug, { 'Idempotency-Key': 'op-1' });
      expect(first.status).to.equal(200);
      expect(second.status).to.equal(200);
      const a = (await first.json()) as Cart;
      const b = (await second.json()) as Cart;
      expect(b).to.deep.equal(a);
      expect(second.headers.get('Idempotent-Replayed')).to.equal('true');
      const current = await get(`/carts/${cart.id}`);
      const stored = (await current.json()) as Cart;
      expect(stored.version).to.equal(2);
      expect(stored.lines).to.have.length(1);
      expect(stored.lines[0]).to.include({
        sku: 'MUG-BOLD',
        qty: 1,
        title: 'Mug "<b>Bold</b>" & Co',
      });
      expect(stored.subtotal).to.deep.equal({ amount: '14.50', currency: 'EUR' });
      // A new key applies again.
      const third = (await (
        await post(`/carts/${cart.id}/ops`, addMug, { 'Idempotency-Key': 'op-2' })
      ).json()) as Cart;
      expect(third.lines[0]!.qty).to.equal(2);
      expect(third.version).to.equal(3);
    });

    it('prices the subtotal as the exact sum of unit price times quantity, with cents', async () => {
      const cart = (await (await post('/carts')).json()) as Cart;
      const ops = [
        { op: 'add', sku: 'TSHIRT-ORG-M', qty: 3 },
        { op: 'add', sku: 'MUG-BOLD', qty: 1 },
      ];
      const res = await post(`/carts/${cart.id}/ops`, { ops }, { 'Idempotency-Key': 'sum' });
      const priced = (await res.json()) as Cart;
      // 3 x 19.90 + 14.50
      expect(priced.subtotal).to.deep.equal({ amount: '74.20', currency: 'EUR' });
      const removeAll = priced.lines.map((line) => ({ op: 'remove', lineId: line.id }));
      const emptied = (await (
        await post(`/carts/${cart.id}/ops`, { ops: removeAll }, { 'Idempotency-Key': 'empty' })
      ).json()) as Cart;
      expect(emptied.subtotal).to.deep.equal({ amount: '0.00', currency: 'EUR' });
    });

    it('rejects a reused Idempotency-Key with a different body', async () => {
      const cart = (await (await post('/carts')).json()) as Cart;
      await post(`/carts/${cart.id}/ops`, addMug, { 'Idempotency-Key': 'k' });
      const res = await post(
        `/carts/${cart.id}/ops`,
        { ops: [{ op: 'add', sku: 'CAP-OLV', qty: 1 }] },
        { 'Idempotency-Key': 'k' },
      );
      expect(res.status).to.equal(422);
      expect(await errorCode(res)).to.equal('idempotency_key_reused');
    });

    it('sends an ETag on GET that changes with the version and answers If-None-Match with 304', async () => {
      const cart = (await (await post('/carts')).json()) as Cart;
      const before = await get(`/carts/${cart.id}`);
      const tag = before.headers.get('ETag')!;
      expect(tag).to.match(/^"[^"]+"$/);
      const notModified = await get(`/carts/${cart.id}`, { headers: { 'If-None-Match': tag } });
      expect(notModified.status).to.equal(304);
      await post(`/carts/${cart.id}/ops`, addMug, { 'Idempotency-Key': 'x' });
      const after = await get(`/carts/${cart.id}`);
      expect(after.headers.get('ETag')).to.not.equal(tag);
    });

    it('answers 404 cart_not_found and 422 for unknown skus, 400 for bad ops', async () => {
      const missing = await get('/carts/nope');
      expect(missing.status).to.equal(404);
      expect(await errorCode(missing)).to.equal('cart_not_found');
      const cart = (await (await post('/carts')).json()) as Cart;
      const unknown = await post(
        `/carts/${cart.id}/ops`,
        { ops: [{ op: 'add', sku: 'NOPE', qty: 1 }] },
        { 'Idempotency-Key': 'u' },
      );
      expect(unknown.status).to.equal(422);
      expect(await errorCode(unknown)).to.equal('unknown_sku');
      const badQty = await post(
        `/carts/${cart.id}/ops`,
        { ops: [{ op: 'add', sku: 'CAP-OLV', qty: 0 }] },
        { 'Idempotency-Key': 'q' },
      );
      expect(badQty.status).to.equal(400);
    });

    it('hands a cart off with a code that is claimed once and expires', async () => {
      const cart = (await (await post('/carts')).json()) as Cart;
      await post(`/carts/${cart.id}/ops`, addMug, { 'Idempotency-Key': 'h' });
      const handoff = (await (await post(`/carts/${cart.id}/handoff`)).json()) as CartHandoff;
      expect(handoff.code).to.match(/^[A-Z2-9]{6}$/);
      const handoffUrl = new URL(handoff.url);
      expect(handoffUrl.origin).to.equal(location.origin);
      expect(handoffUrl.searchParams.get('omni-cart-code')).to.equal(handoff.code);
      expect(Date.parse(handoff.expiresAt) - Date.now()).to.be.within(
        9 * 60_000,
        10 * 60_000 + 1000,
      );
      const claimed = await post('/carts/claim', { code: handoff.code.toLowerCase() });
      expect(claimed.status).to.equal(200);
      expect(((await claimed.json()) as Cart).id).to.equal(cart.id);
      const again = await post('/carts/claim', { code: handoff.code });
      expect(again.status).to.equal(410);
      expect(await errorCode(again)).to.equal('code_expired');

      const late = (await (await post(`/carts/${cart.id}/handoff`)).json()) as CartHandoff;
      clockOffsetMs = 11 * 60_000;
      const expired = await post('/carts/claim', { code: late.code });
      expect(expired.status).to.equal(410);
      expect(await errorCode(expired)).to.equal('code_expired');
    });

    it('merges carts with combine, replace and keep', async () => {
      const target = (await (await post('/carts')).json()) as Cart;
      const source = (await (await post('/carts')).json()) as Cart;
      await post(`/carts/${target.id}/ops`, addMug, { 'Idempotency-Key': 't' });
      await post(
        `/carts/${source.id}/ops`,
        {
          ops: [
            { op: 'add', sku: 'MUG-BOLD', qty: 2 },
            { op: 'add', sku: 'CAP-OLV', qty: 1 },
          ],
        },
        { 'Idempotency-Key': 's' },
      );
      const keep = (await (
        await post(`/carts/${target.id}/merge`, { sourceCartId: source.id, strategy: 'keep' })
      ).json()) as Cart;
      expect(keep.lines.map((l) => [l.sku, l.qty])).to.deep.equal([['MUG-BOLD', 1]]);
      const combine = (await (
        await post(`/carts/${target.id}/merge`, { sourceCartId: source.id, strategy: 'combine' })
      ).json()) as Cart;
      expect(combine.lines.map((l) => [l.sku, l.qty])).to.deep.equal([
        ['MUG-BOLD', 3],
        ['CAP-OLV', 1],
      ]);
      const replace = (await (
        await post(`/carts/${target.id}/merge`, { sourceCartId: source.id, strategy: 'replace' })
      ).json()) as Cart;
      expect(replace.lines.map((l) => [l.sku, l.qty])).to.deep.equal([
        ['MUG-BOLD', 2],
        ['CAP-OLV', 1],
      ]);
      const bad = await post(`/carts/${target.id}/merge`, {
        sourceCartId: source.id,
        strategy: 'mix',
      });
      expect(bad.status).to.equal(400);
    });
  });

  describe('pickup', () => {
    it('lists slots in the store timezone and reserves until a slot is full', async () => {
      const res = await get(
        `/pickup/slots?storeId=ke-nbo-westlands&skus=${STOCK_CASES.inStockEverywhere}&days=3`,
      );
      expect(res.status).to.equal(200);
      const { slots } = (await res.json()) as { slots: PickupSlot[] };
      expect(slots.length).to.be.above(0);
      expect(slots.every((s) => s.start.endsWith('+03:00'))).to.equal(true);
      expect(Date.parse(slots[0]!.start)).to.be.above(Date.now() + 59 * 60_000);
      const slot = slots[0]!;
      const body = {
        slotId: slot.id,
        storeId: 'ke-nbo-westlands',
        skus: [STOCK_CASES.inStockEverywhere],
      };
      const ids: string[] = [];
      for (let i = 0; i < slot.remaining; i++) {
        const reserved = await post('/pickup/reservations', body);
        expect(reserved.status).to.equal(201);
        ids.push(((await reserved.json()) as { id: string }).id);
      }
      const full = await post('/pickup/reservations', body);
      expect(full.status).to.equal(409);
      expect(await errorCode(full)).to.equal('slot_full');
      const deleted = await fetch(`${BASE}/pickup/reservations/${ids[0]}`, { method: 'DELETE' });
      expect(deleted.status).to.equal(204);
      expect((await post('/pickup/reservations', body)).status).to.equal(201);
    });

    it('has no slots on a closure date and refuses stores without pickup', async () => {
      const { slots } = (await (
        await get(
          `/pickup/slots?storeId=ke-nbo-westlands&skus=${STOCK_CASES.inStockEverywhere}&from=2026-12-12&days=1`,
        )
      ).json()) as { slots: PickupSlot[] };
      expect(slots).to.deep.equal([]);
      const noPickup = await get(
        `/pickup/slots?storeId=lt-kun-laisves&skus=${STOCK_CASES.inStockEverywhere}`,
      );
      expect(noPickup.status).to.equal(422);
      expect(await errorCode(noPickup)).to.equal('pickup_unavailable');
    });
  });

  describe('shipping and notifications', () => {
    it('returns shipping rules per country and 404 for an unsupported one', async () => {
      const rules = await (await get('/shipping/rules?country=ke')).json();
      expect(rules.origins[0].timezone).to.equal('Africa/Nairobi');
      expect(rules.holidays).to.include('2026-12-12');
      expect((await get('/shipping/rules?country=ZZ')).status).to.equal(404);
      expect((await get('/shipping/rules')).status).to.equal(400);
    });

    it('accepts a back-in-stock request with 202 and rejects a bad email with 422', async () => {
      const accepted = await post('/notify/back-in-stock', {
        sku: STOCK_CASES.outOfStockEverywhere,
        email: 'amina@example.co.ke',
        storeId: 'ke-nbo-cbd',
      });
      expect(accepted.status).to.equal(202);
      expect(db.notifications.at(-1)).to.include({
        email: 'amina@example.co.ke',
        storeId: 'ke-nbo-cbd',
      });
      const invalid = await post('/notify/back-in-stock', {
        sku: STOCK_CASES.outOfStockEverywhere,
        email: 'not-an-email',
      });
      expect(invalid.status).to.equal(422);
      expect(await errorCode(invalid)).to.equal('invalid_email');
    });

    it('keeps one back-in-stock subscription per sku, email and store', async () => {
      db.reset();
      const request = {
        sku: STOCK_CASES.outOfStockEverywhere,
        email: 'amina@example.co.ke',
        storeId: 'ke-nbo-cbd',
      };
      expect((await post('/notify/back-in-stock', request)).status).to.equal(202);
      const repeat = await post('/notify/back-in-stock', {
        ...request,
        email: ' Amina@Example.co.ke ',
      });
      expect(repeat.status).to.equal(202);
      expect(db.notifications).to.have.length(1);
      // Another store, or online stock, is another subscription.
      const { storeId: _, ...online } = request;
      expect((await post('/notify/back-in-stock', online)).status).to.equal(202);
      expect((await post('/notify/back-in-stock', online)).status).to.equal(202);
      expect(
        (await post('/notify/back-in-stock', { ...request, storeId: 'ke-nbo-westlands' })).status,
      ).to.equal(202);
      expect(db.notifications.map((n) => n.storeId)).to.deep.equal([
        'ke-nbo-cbd',
        undefined,
        'ke-nbo-westlands',
      ]);
    });

    it('answers back-in-stock requests for unknown skus and stores with 422', async () => {
      db.reset();
      const unknownSku = await post('/notify/back-in-stock', {
        sku: 'NO-SUCH-SKU',
        email: 'amina@example.co.ke',
      });
      expect(unknownSku.status).to.equal(422);
      expect(await errorCode(unknownSku)).to.equal('unknown_sku');
      const unknownStore = await post('/notify/back-in-stock', {
        sku: STOCK_CASES.outOfStockEverywhere,
        email: 'amina@example.co.ke',
        storeId: 'no-such-store',
      });
      expect(unknownStore.status).to.equal(422);
      expect(await errorCode(unknownStore)).to.equal('unknown_store');
      const malformed = await post('/notify/back-in-stock', { email: 'amina@example.co.ke' });
      expect(malformed.status).to.equal(400);
      expect(await errorCode(malformed)).to.equal('invalid_request');
      expect(db.notifications).to.deep.equal([]);
    });
  });

  describe('CORS', () => {
    const exposed = (res: Response) =>
      (res.headers.get('Access-Control-Expose-Headers') ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase());
    const REQUIRED_EXPOSED = ['etag', 'retry-after', 'location', 'idempotent-replayed'];

    it('exposes ETag, Retry-After, Location and Idempotent-Replayed on every answer', async () => {
      for (const res of [
        await post('/carts'),
        await get('/stores?near=abc'),
        await get('/no/such/route'),
      ]) {
        expect(res.headers.get('Access-Control-Allow-Origin'), res.url).to.equal('*');
        expect(exposed(res), res.url).to.include.members(REQUIRED_EXPOSED);
      }
    });

    it('answers a preflight with the methods and request headers the widgets use', async () => {
      const res = await fetch(`${BASE}/carts/x/ops`, { method: 'OPTIONS' });
      expect(res.status).to.equal(204);
      const list = (name: string) =>
        (res.headers.get(name) ?? '').split(',').map((h) => h.trim().toLowerCase());
      expect(list('Access-Control-Allow-Methods')).to.include.members(['get', 'post', 'delete']);
      expect(list('Access-Control-Allow-Headers')).to.include.members([
        'content-type',
        'idempotency-key',
        'if-match',
        'if-none-match',
      ]);
      expect(exposed(res)).to.include.members(REQUIRED_EXPOSED);
    });

    it('carries the CORS headers and Retry-After on an injected 503', async () => {
      faults.setFaults({ errorRate: 1 });
      const res = await get('/stores');
      expect(res.status).to.equal(503);
      expect(res.headers.get('Retry-After')).to.equal('1');
      expect(res.headers.get('Access-Control-Allow-Origin')).to.equal('*');
      expect(exposed(res)).to.include.members(REQUIRED_EXPOSED);
    });

    it('carries the CORS headers on an injected malformed body', async () => {
      faults.setFaults({ malformed: true });
      const res = await get('/stores');
      expect(res.status).to.equal(200);
      expect(res.headers.get('Access-Control-Allow-Origin')).to.equal('*');
      expect(exposed(res)).to.include.members(REQUIRED_EXPOSED);
    });
  });

  describe('unknown routes', () => {
    it('answers 404 not_found, the code the contract documents for them', async () => {
      const res = await get('/no/such/route');
      expect(res.status).to.equal(404);
      expect(await errorCode(res)).to.equal('not_found');
    });
  });

  describe('faults', () => {
    it('offline: fetch rejects', async () => {
      faults.setFaults({ offline: true });
      let failure: unknown;
      await get('/stores').catch((e: unknown) => (failure = e));
      expect(failure).to.be.instanceOf(TypeError);
    });

    it('malformed: 200 whose body does not parse as JSON', async () => {
      faults.setFaults({ malformed: true });
      const res = await get('/stores');
      expect(res.status).to.equal(200);
      const text = await res.text();
      expect(() => JSON.parse(text)).to.throw(SyntaxError);
    });

    it('errorRate 1: 503 with an error body', async () => {
      faults.setFaults({ errorRate: 1 });
      const res = await get('/stores');
      expect(res.status).to.equal(503);
      expect(await errorCode(res)).to.equal('service_unavailable');
    });

    it('errorRate uses the injected random source', async () => {
      faults.setFaults({ errorRate: 0.5 });
      nextRandom = 0.7;
      expect((await get('/stores')).status).to.equal(200);
      nextRandom = 0.2;
      expect((await get('/stores')).status).to.equal(503);
      const direct = await applyFaults(
        { latencyMs: 0, errorRate: 0.5, malformed: false, offline: false },
        () => 0.4,
      );
      expect(direct?.status).to.equal(503);
    });

    it('latency delays the answer', async () => {
      faults.setFaults({ latencyMs: 250 });
      const started = performance.now();
      await get('/stores');
      expect(performance.now() - started).to.be.at.least(240);
    });

    it('clamps out-of-range values and resets', () => {
      expect(faults.setFaults({ errorRate: 4, latencyMs: -5 })).to.include({
        errorRate: 1,
        latencyMs: 0,
      });
      expect(faults.resetFaults()).to.deep.equal({
        latencyMs: 0,
        errorRate: 0,
        malformed: false,
        offline: false,
      });
    });
  });

  describe('base URL matching', () => {
    it('matches a relative base on any origin and an absolute base on its origin only', async () => {
      expect(handlerPrefix('/api/omni/v1/')).to.equal('*/api/omni/v1');
      expect(handlerPrefix('https://shop.example/omni')).to.equal('https://shop.example/omni');
      const absolute = await fetch(`${location.origin}${BASE}/stores?limit=1`);
      expect(absolute.status).to.equal(200);
      worker.use(...createHandlers({ baseUrl: 'https://api.shop.example/omni/v1', db, faults }));
      const res = await fetch('https://api.shop.example/omni/v1/stores?near=59.91,10.75&limit=1');
      const { stores } = (await res.json()) as { stores: Store[] };
      expect(stores[0]!.id).to.equal('no-osl-karljohan');
    });

    it('seeds the same stock for the same seed, for every sku of every product', () => {
      const a = createDemoDb(11);
      const b = createDemoDb(11);
      const pick = (d: DemoDb) => [...d.stock].map(([key, e]) => [key, e.status, e.quantity]);
      expect(pick(a)).to.deep.equal(pick(b));
      expect(pick(createDemoDb(12))).to.not.deep.equal(pick(a));
      for (const sku of [...ALL_SKUS, ...Object.values(STOCK_CASES)]) {
        expect(a.availability(sku, null), sku).to.not.equal(undefined);
      }
    });

    it('computes haversine distances', () => {
      // Nairobi to Mombasa is about 440 km.
      expect(
        haversineKm({ lat: -1.2864, lng: 36.8172 }, { lat: -4.0435, lng: 39.6682 }),
      ).to.be.within(430, 450);
    });
  });
});
