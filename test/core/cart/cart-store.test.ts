/**
 * The local-first cart store with the network scripted (harness.ts): optimistic changes,
 * idempotent retries, order, backoff, offline, conflicts, price changes, faults of storage and
 * server, tabs and devices. Virtual time throughout.
 */
import { expect } from '@open-wc/testing';
import { OmniError } from '../../../src/core/api/errors.js';
import { createMemoryStorage } from '../../../src/core/cache/memory-storage.js';
import { createCartStore, type CartStore } from '../../../src/core/cart/store.js';
import type { CartLineView } from '../../../src/core/cart/model.js';
import {
  NO_PICKUP_STORE,
  PICKUP_STORE,
  World,
  clientFor,
  flush,
  type Device,
  type Tab,
} from './harness.js';

const TEE = 'TSHIRT-ORG-M';
const HOODIE = 'HOODIE-GRY-M';
const MUG = 'MUG-ENM-GRN';
const ship = { type: 'ship' } as const;
const pickup = { type: 'pickup', storeId: PICKUP_STORE } as const;

const lines = (store: CartStore) =>
  store.view.lines.map(
    (l) => `${l.sku}${l.fulfillment.type === 'pickup' ? '@pickup' : ''}x${l.qty}`,
  );
const serverLines = (world: World, cartId: string | undefined) =>
  world.server.db
    .getCart(cartId!)
    .lines.map((l) => `${l.sku}${l.fulfillment.type === 'pickup' ? '@pickup' : ''}x${l.qty}`);
const line = (store: CartStore, sku: string): CartLineView => {
  const found = store.view.lines.find((l) => l.sku === sku);
  if (!found) throw new Error(`no line ${sku}`);
  return found;
};
const opsRequests = (world: World) =>
  world.server.received.filter((r) => r.method === 'applyCartOps');

describe('cart store', () => {
  let world: World;
  let device: Device;
  let tab: Tab;
  let store: CartStore;

  beforeEach(async () => {
    world = new World(42);
    device = world.device('A');
    tab = device.open(0);
    store = tab.store;
    await world.clock.settle();
  });

  afterEach(() => {
    for (const slot of [0, 1]) device.close(slot);
  });

  describe('local first', () => {
    it('shows a change at once, then reconciles to the server cart', async () => {
      store.add(TEE, {
        qty: 2,
        hint: { title: 'Tee', unitPrice: { amount: '19.90', currency: 'EUR' } },
      });
      expect(lines(store)).to.deep.equal([`${TEE}x2`]);
      expect(store.view.pending).to.equal(1);
      expect(store.view.status).to.equal('syncing');
      expect(store.view.subtotal).to.deep.equal({ amount: '39.8', currency: 'EUR' });

      await world.clock.settle();
      expect(store.view.pending).to.equal(0);
      expect(store.view.status).to.equal('synced');
      expect(line(store, TEE).title).to.equal('Organic Cotton T-Shirt (M)');
      expect(line(store, TEE).pending).to.equal(false);
      expect(serverLines(world, store.view.cartId)).to.deep.equal([`${TEE}x2`]);
      expect(store.view.durable).to.equal(true);
    });

    it('keeps pending changes across a reload and sends them once', async () => {
      device.network.online = false;
      tab.lifecycle.emit('offline');
      store.add(TEE);
      store.add(HOODIE);
      await world.clock.advance(5000);
      device.close(0);

      device.network.online = true;
      const again = device.open(0).store;
      await again.ready;
      expect(lines(again)).to.deep.equal([`${TEE}x1`, `${HOODIE}x1`]);
      await world.clock.settle();
      expect(again.view.pending).to.equal(0);
      expect(serverLines(world, again.view.cartId)).to.deep.equal([`${TEE}x1`, `${HOODIE}x1`]);
    });

    it('clamps quantities to the contract limits', async () => {
      store.add(TEE, { qty: 500 });
      await world.clock.settle();
      expect(line(store, TEE).qty).to.equal(99);
      store.add(TEE, { qty: 5 });
      expect(line(store, TEE).qty).to.equal(99);
      store.setQty(line(store, TEE).ref, -4);
      expect(store.view.lines).to.have.length(0);
      await world.clock.settle();
      expect(serverLines(world, store.view.cartId)).to.deep.equal([]);
    });

    it('undoes a remove that has not left the browser without a request', async () => {
      store.add(TEE);
      await world.clock.settle();
      device.network.online = false;
      tab.lifecycle.emit('offline');
      const sent = opsRequests(world).length;
      const undo = store.remove(line(store, TEE).ref)!;
      expect(store.view.lines).to.have.length(0);
      store.undo(undo);
      await world.clock.advance(100);
      expect(lines(store)).to.deep.equal([`${TEE}x1`]);
      expect(store.view.pending).to.equal(0);
      expect(opsRequests(world).length).to.equal(sent);
    });

    it('undoes a remove the server already has by adding the line back', async () => {
      store.add(TEE, { qty: 3 });
      await world.clock.settle();
      const undo = store.remove(line(store, TEE).ref)!;
      await world.clock.settle();
      expect(serverLines(world, store.view.cartId)).to.deep.equal([]);
      store.undo(undo);
      await world.clock.settle();
      expect(serverLines(world, store.view.cartId)).to.deep.equal([`${TEE}x3`]);
    });
  });

  describe('sync', () => {
    it('retries a lost answer with the same key; the server applies it once', async () => {
      store.add(TEE);
      await world.clock.settle();
      device.network.faults.push('lost');
      store.add(TEE);
      await world.clock.settle();
      const keys = opsRequests(world).map((r) => r.key);
      expect(keys).to.have.length(3);
      expect(keys[1]).to.equal(keys[2]);
      expect(serverLines(world, store.view.cartId)).to.deep.equal([`${TEE}x2`]);
      expect(lines(store)).to.deep.equal([`${TEE}x2`]);
    });

    it('applies a request that arrives twice once', async () => {
      device.network.faults.push('drop', 'dup');
      store.add(TEE);
      await world.clock.settle();
      store.add(TEE);
      await world.clock.settle();
      expect(serverLines(world, store.view.cartId)).to.deep.equal([`${TEE}x2`]);
    });

    it('sends changes in order, and a change of an unsent line after its add', async () => {
      device.network.online = false;
      tab.lifecycle.emit('offline');
      store.add(TEE);
      store.setQty(line(store, TEE).ref, 4);
      store.add(HOODIE, { fulfillment: pickup });
      store.setFulfillment(line(store, HOODIE).ref, ship);
      store.remove(line(store, TEE).ref);
      expect(lines(store)).to.deep.equal([`${HOODIE}x1`]);
      device.setOnline(true);
      await world.clock.settle();
      const batches = world.server.log.map((e) => e.ops!.map((op) => op.op).join(','));
      // createCart first; then the add alone (the next change needs its line id), then the rest
      // up to the next line created in the same batch.
      expect(batches).to.deep.equal(['add', 'setQty,add', 'setFulfillment,remove']);
      expect(serverLines(world, store.view.cartId)).to.deep.equal([`${HOODIE}x1`]);
      expect(lines(store)).to.deep.equal([`${HOODIE}x1`]);
    });

    it('backs off exponentially with jitter while the server fails', async () => {
      store.add(TEE);
      await world.clock.settle();
      const start = world.clock.now();
      device.network.faults.push('error', 'error', 'error', 'error', 'error');
      store.add(TEE);
      await world.clock.settle();
      const sent = device.network.sent.filter((r) => r.method === 'applyCartOps');
      expect(sent.slice(-6).map((r) => r.key)).to.have.members(Array(6).fill(sent.at(-1)!.key));
      // 5 failures: waits of ~1, 2, 4, 8, 16 s (each 50-100% of that), then success.
      const elapsed = world.clock.now() - start;
      expect(elapsed).to.be.within((1 + 2 + 4 + 8 + 16) * 500, (1 + 2 + 4 + 8 + 16) * 1000 + 1000);
      expect(store.view.status).to.equal('synced');
      expect(serverLines(world, store.view.cartId)).to.deep.equal([`${TEE}x2`]);
    });

    it('says it is offline, keeps changes, and syncs everything once back online', async () => {
      device.setOnline(false);
      store.add(TEE);
      store.add(MUG, { qty: 2 });
      await world.clock.advance(120_000);
      expect(store.view.status).to.equal('offline');
      expect(store.view.pending).to.equal(2);
      expect(world.server.received).to.have.length(0);
      device.setOnline(true);
      await world.clock.settle();
      expect(store.view.status).to.equal('synced');
      expect(serverLines(world, store.view.cartId)).to.deep.equal([`${TEE}x1`, `${MUG}x2`]);
    });

    it('reads the cart again and reseals with a new key after 412 (changed elsewhere)', async () => {
      store.add(TEE);
      await world.clock.settle();
      const cartId = store.view.cartId!;
      // Another device changes the cart meanwhile.
      world.server.applyCartOps(cartId, [{ op: 'add', sku: HOODIE, qty: 1 }], {
        idempotencyKey: 'elsewhere',
      });
      store.setQty(line(store, TEE).ref, 3);
      await world.clock.settle();
      const attempts = opsRequests(world)
        .slice(1)
        .filter((r) => r.key !== 'elsewhere');
      expect(attempts).to.have.length(2);
      expect(attempts[0]!.key).not.to.equal(attempts[1]!.key);
      expect(serverLines(world, cartId)).to.deep.equal([`${TEE}x3`, `${HOODIE}x1`]);
      expect(lines(store)).to.deep.equal([`${TEE}x3`, `${HOODIE}x1`]);
    });

    it('retries the same key after 409', async () => {
      store.add(TEE);
      await world.clock.settle();
      device.network.sent = [];
      device.network.faults.push(
        new OmniError('http', 'busy', { status: 409, code: 'request_in_progress' }),
      );
      store.add(TEE);
      await world.clock.settle();
      const keys = device.network.sent.filter((r) => r.method === 'applyCartOps').map((r) => r.key);
      expect(keys).to.have.length(2);
      expect(keys[0]).to.equal(keys[1]);
      expect(serverLines(world, store.view.cartId)).to.deep.equal([`${TEE}x2`]);
    });

    it('drops a change of a line removed on another device, with a conflict notice', async () => {
      store.add(TEE);
      await world.clock.settle();
      const cartId = store.view.cartId!;
      const [serverLine] = world.server.db.getCart(cartId).lines;
      world.server.applyCartOps(cartId, [{ op: 'remove', lineId: serverLine!.id }], {
        idempotencyKey: 'elsewhere',
      });
      const refreshed = store.refresh();
      await world.clock.settle();
      await refreshed;
      // Stale view on purpose: the shopper changes the line they still see.
      expect(store.view.lines).to.have.length(0);
      store.setQty({ lineId: serverLine!.id, sku: TEE, fulfillment: ship }, 5);
      await world.clock.settle();
      expect(store.view.notices.map((n) => n.kind)).to.include('dropped');
      expect(store.view.pending).to.equal(0);
      expect(serverLines(world, cartId)).to.deep.equal([]);
    });

    it('drops the one operation the server refuses (422) and keeps the rest', async () => {
      device.setOnline(false);
      store.add(TEE);
      store.add(HOODIE, { fulfillment: { type: 'pickup', storeId: NO_PICKUP_STORE } });
      store.add(MUG);
      device.setOnline(true);
      await world.clock.settle();
      expect(serverLines(world, store.view.cartId)).to.deep.equal([`${TEE}x1`, `${MUG}x1`]);
      expect(lines(store)).to.deep.equal([`${TEE}x1`, `${MUG}x1`]);
      const dropped = store.view.notices.filter((n) => n.kind === 'dropped');
      expect(dropped).to.have.length(1);
      expect(dropped[0]).to.include({ sku: HOODIE, code: 'pickup_unavailable' });
    });

    it('tells the shopper when a price changed, from and to', async () => {
      store.add(TEE, { hint: { title: 'Tee', unitPrice: { amount: '19.90', currency: 'EUR' } } });
      await world.clock.settle();
      expect(store.view.notices).to.have.length(0);
      world.server.reprice(TEE, '17.90');
      tab.lifecycle.emit('resume');
      await world.clock.settle();
      const [notice] = store.view.notices;
      expect(notice).to.deep.include({
        kind: 'price',
        sku: TEE,
        from: { amount: '19.90', currency: 'EUR' },
        to: { amount: '17.90', currency: 'EUR' },
      });
      expect(line(store, TEE).unitPrice).to.deep.equal({ amount: '17.90', currency: 'EUR' });
      store.dismiss(notice!.id);
      expect(store.view.notices).to.have.length(0);
    });

    it('tells the shopper when the price seen before adding was not the server price', async () => {
      store.add(TEE, { hint: { title: 'Tee', unitPrice: { amount: '25', currency: 'EUR' } } });
      await world.clock.settle();
      expect(store.view.notices[0]).to.deep.include({
        kind: 'price',
        from: { amount: '25', currency: 'EUR' },
      });
    });

    it('starts a new cart and replays the lines when the server lost the cart (404)', async () => {
      store.add(TEE, { qty: 2 });
      store.add(HOODIE, { fulfillment: pickup });
      await world.clock.settle();
      const lost = store.view.cartId!;
      world.server.db.carts.delete(lost);
      store.add(MUG);
      await world.clock.settle();
      expect(store.view.cartId).not.to.equal(lost);
      expect(serverLines(world, store.view.cartId)).to.deep.equal([
        `${TEE}x2`,
        `${HOODIE}@pickupx1`,
        `${MUG}x1`,
      ]);
      expect(store.view.notices.map((n) => n.kind)).to.include('restored');
    });

    it('never replaces the local cart with an answer of the wrong shape', async () => {
      store.add(TEE);
      await world.clock.settle();
      const before = store.view.lines;
      device.network.faults.push(new OmniError('invalid_response', 'lines: expected array'));
      store.add(TEE);
      await world.clock.advance(100);
      expect(store.view.status).to.equal('error');
      expect(lines(store)).to.deep.equal([`${TEE}x2`]);
      expect(before[0]!.title).to.equal(store.view.lines[0]!.title);
      await world.clock.settle();
      expect(serverLines(world, store.view.cartId)).to.deep.equal([`${TEE}x2`]);
    });

    it('resends the sealed batch with keepalive on pagehide', async () => {
      store.add(TEE);
      await world.clock.settle();
      device.network.faults.push('drop');
      store.add(TEE);
      await world.clock.advance(20);
      device.close(0);
      await world.clock.settle();
      const keepalive = opsRequests(world).filter((r) => r.keepalive);
      expect(keepalive).to.have.length(1);
      expect(serverLines(world, world.server.log[0]!.cartId)).to.deep.equal([`${TEE}x2`]);
      // The next visit sends the same key again: replayed, not applied twice.
      const next = device.open(0).store;
      await world.clock.settle();
      expect(lines(next)).to.deep.equal([`${TEE}x2`]);
      expect(next.view.pending).to.equal(0);
    });
  });

  describe('bad storage', () => {
    it('skips a corrupt outbox entry with a logged error and sends the rest', async () => {
      const errors: unknown[] = [];
      const records = createMemoryStorage().records;
      await records.write([
        {
          put: 'cart|x|op:000000001aa',
          value: { id: '000000001aa', intent: { op: 'add', sku: 42 } },
        },
        {
          put: 'cart|x|op:000000002aa',
          value: { id: '000000002aa', intent: { op: 'add', sku: TEE, qty: 1, fulfillment: ship } },
        },
      ]);
      const timers = world.clock.scope(() => true);
      const other = createCartStore({
        backend: clientFor(world.server, device.network, timers, () => true),
        records,
        scope: 'x',
        timers,
        now: world.clock.now,
        log: { error: (...args: unknown[]) => errors.push(args) },
      });
      await other.ready;
      expect(errors.join(' ')).to.contain('corrupt');
      expect(lines(other)).to.deep.equal([`${TEE}x1`]);
      await world.clock.settle();
      expect(serverLines(world, other.view.cartId)).to.deep.equal([`${TEE}x1`]);
      other.dispose();
    });

    it('works from memory and says changes will not survive a reload', async () => {
      const timers = world.clock.scope(() => true);
      const volatile = createCartStore({
        backend: clientFor(world.server, device.network, timers, () => true),
        records: createMemoryStorage().records,
        scope: 'mem',
        timers,
        now: world.clock.now,
      });
      await volatile.ready;
      expect(volatile.view.durable).to.equal(false);
      volatile.add(TEE);
      await world.clock.settle();
      expect(serverLines(world, volatile.view.cartId)).to.deep.equal([`${TEE}x1`]);
      volatile.dispose();
    });
  });

  describe('tabs', () => {
    it('shows another tab’s changes, and one tab sends at a time', async () => {
      const second = device.open(1).store;
      await world.clock.settle();
      store.add(TEE);
      await world.clock.advance(1);
      second.add(HOODIE);
      await world.clock.advance(20);
      expect(lines(second)).to.deep.equal([`${TEE}x1`, `${HOODIE}x1`]);
      expect(lines(store)).to.deep.equal([`${TEE}x1`, `${HOODIE}x1`]);
      await world.clock.settle();
      expect(world.server.db.carts.size).to.equal(1);
      expect(serverLines(world, store.view.cartId)).to.deep.equal([`${TEE}x1`, `${HOODIE}x1`]);
      expect(second.view.pending).to.equal(0);
      expect(second.view.cartId).to.equal(store.view.cartId);
    });

    it('needs no Web Locks: a lease keeps one sender (fallback)', async () => {
      const plain = world.device('B', false);
      const a = plain.open(0).store;
      const b = plain.open(1).store;
      await world.clock.settle();
      for (let i = 0; i < 5; i++) {
        a.add(TEE);
        await world.clock.advance(1);
        b.add(HOODIE);
        await world.clock.advance(3);
      }
      await world.clock.settle();
      expect(world.server.db.carts.size).to.equal(1);
      expect(serverLines(world, a.view.cartId)).to.deep.equal([`${TEE}x5`, `${HOODIE}x5`]);
      expect(lines(b)).to.deep.equal([`${TEE}x5`, `${HOODIE}x5`]);
      const sealed = [...plain.sealed.keys()];
      expect(new Set(world.server.log.map((e) => e.key))).to.have.length(sealed.length);
      plain.close(0);
      plain.close(1);
    });
  });

  describe('devices', () => {
    let other: Device;
    let laptop: CartStore;

    beforeEach(async () => {
      other = world.device('laptop');
      laptop = other.open(0).store;
      await world.clock.settle();
    });

    afterEach(() => other.close(0));

    it('hands the cart over: the other device claims it and both share one cart', async () => {
      store.add(TEE);
      const handoff = store.createHandoff();
      await world.clock.settle();
      const { code, url } = await handoff;
      expect(url).to.contain(`omni-cart-code=${code}`);
      const claimed = laptop.claim(code.toLowerCase());
      await world.clock.settle();
      await claimed;
      expect(laptop.view.cartId).to.equal(store.view.cartId);
      expect(lines(laptop)).to.deep.equal([`${TEE}x1`]);

      laptop.add(HOODIE);
      await world.clock.settle();
      tab.lifecycle.emit('resume');
      await world.clock.settle();
      expect(lines(store)).to.deep.equal([`${TEE}x1`, `${HOODIE}x1`]);
    });

    it('asks first when the claiming device has items, then combines', async () => {
      store.add(TEE);
      laptop.add(MUG, { qty: 2 });
      const handoff = store.createHandoff();
      await world.clock.settle();
      const claimed = laptop.claim((await handoff).code);
      await world.clock.settle();
      await claimed;
      expect(laptop.view.choice).to.deep.equal({ reason: 'handoff', count: 1 });
      const chosen = laptop.choose('combine');
      await world.clock.settle();
      await chosen;
      expect(laptop.view.choice).to.equal(undefined);
      expect(laptop.view.cartId).to.equal(store.view.cartId);
      expect(lines(laptop)).to.deep.equal([`${TEE}x1`, `${MUG}x2`]);
    });

    for (const [strategy, expected] of [
      ['replace', [`${MUG}x2`]],
      ['keep', [`${TEE}x1`]],
    ] as const) {
      it(`${strategy}: the shared cart ends as ${expected.join(', ')}`, async () => {
        store.add(TEE);
        laptop.add(MUG, { qty: 2 });
        const handoff = store.createHandoff();
        await world.clock.settle();
        const claimed = laptop.claim((await handoff).code);
        await world.clock.settle();
        await claimed;
        const chosen = laptop.choose(strategy);
        await world.clock.settle();
        await chosen;
        expect(lines(laptop)).to.deep.equal(expected);
        expect(serverLines(world, store.view.cartId)).to.deep.equal(expected);
      });
    }

    it('explains an expired or used code', async () => {
      store.add(TEE);
      const handoff = store.createHandoff();
      await world.clock.settle();
      const { code } = await handoff;
      const first = laptop.claim(code);
      await world.clock.settle();
      await first;
      const third = world.device('phone').open(0).store;
      const again = third.claim(code);
      await world.clock.settle();
      await again;
      expect(third.view.notices.at(-1)).to.include({ kind: 'handoff', outcome: 'expired' });
      const unknown = third.claim('NOPE42');
      await world.clock.settle();
      await unknown;
      expect(third.view.notices.at(-1)).to.include({ kind: 'handoff', outcome: 'not_found' });
      third.dispose();
    });

    it('attaches a signed-in customer’s cart with the chosen strategy', async () => {
      laptop.add(MUG);
      await world.clock.settle();
      store.add(TEE);
      const attached = store.attachCustomer({ cartId: laptop.view.cartId, strategy: 'combine' });
      await world.clock.settle();
      expect(await attached).to.equal(laptop.view.cartId);
      expect(lines(store)).to.deep.equal([`${MUG}x1`, `${TEE}x1`]);

      const asked = laptop.attachCustomer({ cartId: laptop.view.cartId });
      await world.clock.settle();
      expect(await asked).to.equal(laptop.view.cartId);
    });

    it('asks the shopper when the strategy is ask', async () => {
      laptop.add(MUG);
      store.add(TEE);
      await world.clock.settle();
      let result: string | undefined = 'pending';
      void store.attachCustomer({ cartId: laptop.view.cartId }).then((id) => (result = id));
      await world.clock.settle();
      expect(store.view.choice).to.deep.equal({ reason: 'customer', count: 1 });
      expect(result).to.equal('pending');
      void store.choose('keep');
      await world.clock.settle();
      expect(result).to.equal(laptop.view.cartId);
      expect(lines(store)).to.deep.equal([`${MUG}x1`]);
    });
  });

  describe('checkout', () => {
    it('forgets the cart after checkout, only for the right cart id', async () => {
      store.add(TEE);
      await world.clock.settle();
      expect(await store.completeCheckout('cart_other')).to.equal(false);
      expect(store.view.lines).to.have.length(1);
      const second = device.open(1).store;
      await world.clock.settle();
      expect(await store.completeCheckout(store.view.cartId)).to.equal(true);
      await flush();
      await world.clock.settle();
      expect(store.view.lines).to.have.length(0);
      expect(store.view.cartId).to.equal(undefined);
      expect(second.view.lines).to.have.length(0);
    });
  });
});
