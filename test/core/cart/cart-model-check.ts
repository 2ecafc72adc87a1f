/**
 * The cart's model-based property (fast-check), shared by the test suite (`cart-property.test.ts`,
 * 1,000 runs) and the soak (`npm run soak`, 10,000 runs in Node).
 *
 * Random sequences on two devices with two tabs each: adds, quantity and fulfilment changes,
 * removes and undos, offline periods, tab reloads, answers lost after the server applied the
 * change, requests delivered twice or dropped, server errors, tab messages delivered twice, focus,
 * and handoffs (claim, then combine, replace or keep). Either device may lack Web Locks (lease).
 * Then every device goes online and settles, and:
 *
 * 1. every open tab has nothing pending, and shows exactly its server cart (lines, quantities,
 *    titles, prices), the same cart as the other tab of its device;
 * 2. every outbox entry was applied at most once, and every add exactly once (unless the server
 *    refused it: pickup at a store without pickup);
 * 3. each applied batch's operations are its entries' intents, one for one, in order;
 * 4. each server change equals the sequential application of its operations (a reference
 *    implementation written here, independent of the store's and the server's code) to the cart
 *    before it; so the server cart is every operation applied exactly once, in order.
 */
import fc from 'fast-check';
import type { Cart, CartOp, Fulfillment } from '../../../src/core/api/types.js';
import type { CartIntent } from '../../../src/core/cart/model.js';
import type { CartUndo } from '../../../src/core/cart/store.js';
import { NO_PICKUP_STORE, PICKUP_STORE, World, type Device, type Fault } from './harness.js';

const SKUS = ['TSHIRT-ORG-M', 'HOODIE-GRY-M', 'MUG-ENM-GRN', 'CAP-OLV', 'TOWEL-WHT'];
const FULFILMENTS: Fulfillment[] = [
  { type: 'ship' },
  { type: 'ship' },
  { type: 'ship' },
  { type: 'pickup', storeId: PICKUP_STORE },
  { type: 'pickup', storeId: PICKUP_STORE },
  { type: 'pickup', storeId: NO_PICKUP_STORE },
];

const dev = fc.integer({ min: 0, max: 1 });
const slot = fc.integer({ min: 0, max: 1 });
const f = fc.integer({ min: 0, max: FULFILMENTS.length - 1 });

type Action =
  | { t: 'add'; d: number; s: number; sku: number; qty: number; f: number }
  | { t: 'qty'; d: number; s: number; line: number; qty: number }
  | { t: 'remove'; d: number; s: number; line: number }
  | { t: 'move'; d: number; s: number; line: number; f: number }
  | { t: 'undo'; d: number; s: number }
  | { t: 'offline' | 'online'; d: number }
  | { t: 'reload'; d: number; s: number }
  | { t: 'fault'; d: number; fault: 'lost' | 'dup' | 'drop' | 'error' }
  | { t: 'run'; ms: number }
  | { t: 'resume'; d: number; s: number }
  | { t: 'handoff'; from: number; strategy: 0 | 1 | 2 | 3 };

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      t: fc.constant('add' as const),
      d: dev,
      s: slot,
      sku: fc.integer({ min: 0, max: SKUS.length - 1 }),
      qty: fc.integer({ min: 1, max: 3 }),
      f,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('qty' as const),
      d: dev,
      s: slot,
      line: fc.nat(5),
      qty: fc.integer({ min: 0, max: 6 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('remove' as const), d: dev, s: slot, line: fc.nat(5) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('move' as const), d: dev, s: slot, line: fc.nat(5), f }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('undo' as const), d: dev, s: slot }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('offline' as const), d: dev }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('online' as const), d: dev }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('reload' as const), d: dev, s: slot }) },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('fault' as const),
      d: dev,
      fault: fc.constantFrom('lost' as const, 'dup' as const, 'drop' as const, 'error' as const),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ t: fc.constant('run' as const), ms: fc.integer({ min: 0, max: 4000 }) }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('resume' as const), d: dev, s: slot }) },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('handoff' as const),
      from: dev,
      strategy: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
    }),
  },
);

export const scenario = fc.record({
  seed: fc.integer(),
  locks: fc.tuple(fc.boolean(), fc.boolean()),
  duplicates: fc.boolean(),
  actions: fc.array(action, { maxLength: 24 }),
});

export type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

// ---- the reference: contract operations on plain lines ----------------------------------------

interface RefLine {
  id?: string;
  sku: string;
  f: string;
  qty: number;
}

const fKey = (x: Fulfillment) => (x.type === 'ship' ? 'ship' : `pickup:${x.storeId}`);
const refLines = (lines: Cart['lines']): RefLine[] =>
  lines.map((l) => ({ id: l.id, sku: l.sku, f: fKey(l.fulfillment), qty: l.qty }));
const shape = (lines: RefLine[]) => lines.map((l) => `${l.sku}|${l.f}|${l.qty}`).join(', ');

function refAdd(lines: RefLine[], sku: string, f: string, qty: number): void {
  const same = lines.find((l) => l.sku === sku && l.f === f);
  if (same) same.qty = Math.min(99, same.qty + qty);
  else lines.push({ sku, f, qty: Math.min(99, qty) });
}

function refApply(lines: RefLine[], op: CartOp): void {
  if (op.op === 'add')
    return refAdd(lines, op.sku, fKey(op.fulfillment ?? { type: 'ship' }), op.qty);
  const at = lines.findIndex((l) => l.id === op.lineId);
  if (at < 0) throw new Error(`reference: the server applied an op on a missing line ${op.lineId}`);
  const line = lines[at]!;
  if (op.op === 'remove' || (op.op === 'setQty' && op.qty === 0)) lines.splice(at, 1);
  else if (op.op === 'setQty') line.qty = op.qty;
  else {
    lines.splice(at, 1);
    const to = fKey(op.fulfillment);
    const twin = lines.find((l) => l.sku === line.sku && l.f === to);
    if (twin) twin.qty = Math.min(99, twin.qty + line.qty);
    else lines.splice(at, 0, { ...line, f: to });
  }
}

function fail(message: string, detail?: unknown): never {
  throw new Error(
    `${message}${detail === undefined ? '' : `\n${JSON.stringify(detail, null, 1)}`}`,
  );
}

// ---- running a scenario ------------------------------------------------------------------------

async function within<T>(world: World, promise: Promise<T>, ms: number): Promise<T | undefined> {
  let done = false;
  let value: T | undefined;
  void promise.then(
    (v) => {
      done = true;
      value = v;
    },
    () => {
      done = true;
    },
  );
  for (let waited = 0; waited < ms && !done; waited += 250) await world.clock.advance(250);
  return value;
}

export async function runScenario({ seed, locks, duplicates, actions }: Scenario): Promise<void> {
  const world = new World(seed);
  const devices: Device[] = [world.device('A', locks[0]), world.device('B', locks[1])];
  const undos = new Map<string, CartUndo>();
  for (const device of devices) {
    device.network.latency = () => 1 + Math.floor(world.random() * 30);
    device.channels.duplicate = () => duplicates && world.random() < 0.3;
    device.open(0);
    device.open(1);
  }
  const tabOf = (d: number, s: number) => devices[d]!.tabs[s] ?? devices[d]!.open(s);

  try {
    for (const a of actions) {
      switch (a.t) {
        case 'add':
          tabOf(a.d, a.s).store.add(SKUS[a.sku]!, { qty: a.qty, fulfillment: FULFILMENTS[a.f]! });
          break;
        case 'qty':
        case 'remove':
        case 'move': {
          const store = tabOf(a.d, a.s).store;
          const line = store.view.lines[a.line % Math.max(1, store.view.lines.length)];
          if (!line) break;
          if (a.t === 'qty') store.setQty(line.ref, a.qty);
          else if (a.t === 'move') store.setFulfillment(line.ref, FULFILMENTS[a.f]!);
          else {
            const undo = store.remove(line.ref);
            if (undo) undos.set(`${a.d}${a.s}`, undo);
          }
          break;
        }
        case 'undo': {
          const undo = undos.get(`${a.d}${a.s}`);
          undos.delete(`${a.d}${a.s}`);
          if (undo) tabOf(a.d, a.s).store.undo(undo);
          break;
        }
        case 'offline':
        case 'online':
          devices[a.d]!.setOnline(a.t === 'online');
          break;
        case 'reload':
          devices[a.d]!.open(a.s);
          undos.delete(`${a.d}${a.s}`);
          break;
        case 'fault':
          devices[a.d]!.network.faults.push(a.fault as Fault);
          break;
        case 'run':
          await world.clock.advance(a.ms);
          break;
        case 'resume':
          tabOf(a.d, a.s).lifecycle.emit('resume');
          break;
        case 'handoff': {
          const from = tabOf(a.from, 0).store;
          const to = tabOf(1 - a.from, 0).store;
          const handoff = await within(world, from.createHandoff(), 20_000);
          if (!handoff) break;
          await within(world, to.claim(handoff.code), 20_000);
          if (to.view.choice) {
            const strategy = (['combine', 'replace', 'keep', undefined] as const)[a.strategy];
            await within(world, to.choose(strategy), 20_000);
          }
          break;
        }
      }
      await world.clock.advance(1);
    }

    // Everyone back online, no more faults: let it all settle, then look at the other device.
    for (const device of devices) {
      device.network.faults = [];
      if (device.openTabs.length === 0) device.open(0);
      device.setOnline(true);
    }
    await world.clock.settle();
    for (const device of devices) for (const tab of device.openTabs) tab.lifecycle.emit('resume');
    await world.clock.settle();

    check(world, devices);
  } finally {
    for (const device of devices) {
      device.close(0);
      device.close(1);
    }
  }
}

function check(world: World, devices: Device[]): void {
  const { server } = world;

  // 1. Replicas equal the server.
  for (const device of devices) {
    const ids = new Set(device.openTabs.map((t) => t.store.view.cartId));
    if (ids.size !== 1) fail(`device ${device.name}: tabs on different carts`, [...ids]);
    for (const tab of device.openTabs) {
      const view = tab.store.view;
      if (view.pending !== 0 || view.status !== 'synced') {
        fail(`device ${device.name}: ${view.pending} changes still pending (${view.status})`);
      }
      const expected = view.cartId ? server.db.getCart(view.cartId).lines : [];
      const seen = view.lines.map((l) => ({
        sku: l.sku,
        f: fKey(l.fulfillment),
        qty: l.qty,
        title: l.title,
        price: l.unitPrice?.amount,
      }));
      const truth = expected.map((l) => ({
        sku: l.sku,
        f: fKey(l.fulfillment),
        qty: l.qty,
        title: l.title,
        price: l.unitPrice.amount,
      }));
      if (JSON.stringify(seen) !== JSON.stringify(truth)) {
        fail(`device ${device.name}: the tab differs from the server cart`, { seen, truth });
      }
    }
  }

  // 2. Every entry applied at most once, every add exactly once.
  const intents = new Map<string, CartIntent>();
  const batches = new Map<string, string[]>();
  for (const device of devices) {
    for (const [id, intent] of device.written) intents.set(id, intent as CartIntent);
    for (const [key, entries] of device.sealed) batches.set(key, entries);
  }
  const applied = new Map<string, number>();
  for (const event of server.log) {
    if (event.kind !== 'ops') continue;
    const entries = batches.get(event.key!);
    if (!entries) fail(`the server applied a batch nobody sealed: ${event.key}`);
    for (const id of entries) applied.set(id, (applied.get(id) ?? 0) + 1);

    // 3. The batch's operations are its entries' intents, one for one.
    if (entries.length !== event.ops!.length) fail('a batch with more ops than entries', event);
    event.ops!.forEach((op, i) => {
      const intent = intents.get(entries[i]!);
      if (!intent || intent.op !== op.op) fail('an op that is not its intent', { op, intent });
      const before = refLines(event.before);
      if (op.op === 'add' && intent.op === 'add') {
        if (op.sku !== intent.sku || op.qty !== intent.qty) fail('add changed', { op, intent });
      } else if (op.op !== 'add' && intent.op !== 'add') {
        if (op.op === 'setQty' && intent.op === 'setQty' && op.qty !== intent.qty) {
          fail('setQty changed', { op, intent });
        }
        const target = before.find((l) => l.id === op.lineId);
        if (target && target.sku !== intent.line.sku) fail('an op on another sku', { op, intent });
      }
    });
  }
  for (const [id, count] of applied) if (count > 1) fail(`entry ${id} applied ${count} times`);
  for (const [id, intent] of intents) {
    const refused =
      intent.op === 'add' &&
      intent.fulfillment.type === 'pickup' &&
      intent.fulfillment.storeId === NO_PICKUP_STORE;
    if (intent.op === 'add' && !refused && !applied.has(id))
      fail(`add ${id} never applied`, intent);
  }

  // 4. Each change is its operations applied, in order, to the cart before it.
  const carts = new Map<string, RefLine[]>();
  for (const event of server.log) {
    const known = carts.get(event.cartId);
    const before = refLines(event.before);
    if (known && shape(known) !== shape(before)) {
      fail('the server cart changed without a logged change', { known, before });
    }
    const lines = before;
    if (event.kind === 'ops') for (const op of event.ops!) refApply(lines, op);
    else {
      if (event.strategy === 'replace') lines.length = 0;
      for (const l of event.sourceLines!) refAdd(lines, l.sku, fKey(l.fulfillment), l.qty);
    }
    const after = refLines(event.after);
    if (shape(lines) !== shape(after)) {
      fail('the server result is not the sequential application', { event, lines, after });
    }
    carts.set(event.cartId, after);
  }
  for (const [id, lines] of carts) {
    if (shape(lines) !== shape(refLines(server.db.getCart(id).lines))) {
      fail(`cart ${id} differs from its history`);
    }
  }
}

/** Runs the property `numRuns` times; resolves with the count and the time taken. */
export async function checkCartModel(
  numRuns: number,
  seed?: number,
): Promise<{ runs: number; ms: number }> {
  const start = performance.now();
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(scenario, async (s) => {
      runs++;
      await runScenario(s);
    }),
    { numRuns, ...(seed === undefined ? {} : { seed }) },
  );
  return { runs, ms: Math.round(performance.now() - start) };
}
