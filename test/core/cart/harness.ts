/**
 * A simulated world for the cart store: virtual time, devices (each with its own durable records,
 * tabs, channel and locks) and an in-memory server that keeps the contract (ETag, `If-Match`,
 * idempotent replay, merge, handoff codes) on top of the demo backend's db, with a network that
 * can be offline, lose answers (the server applied the change, the client never heard) and
 * deliver requests twice. No real timers and no DOM: it runs in the browser and in Node (soak).
 *
 * A tab that is closed stops at once, like a real one: its timers never fire, its pending
 * requests never answer, its storage calls never finish, its lock is released.
 */
import { OmniError } from '../../../src/core/api/errors.js';
import type {
  CartCapability,
  CartOpsOptions,
  CartResponse,
} from '../../../src/core/api/backend-client.js';
import type { Cart, CartOp, MergeStrategy } from '../../../src/core/api/types.js';
import { createMemoryStorage } from '../../../src/core/cache/memory-storage.js';
import type { RecordChange, RecordStore } from '../../../src/core/cache/types.js';
import { createCartStore, type CartStore } from '../../../src/core/cart/store.js';
import type {
  LockManagerLike,
  MessageChannelLike,
  PageEvent,
  PageLifecycle,
} from '../../../src/core/services/registry.js';
import type { Timers } from '../../../src/core/time/clock.js';
import { createDemoDb, DemoError, type DemoDb, type DemoDbOptions } from '../../../src/mocks/db.js';

/** A seeded PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lets every pending promise callback run (a macrotask, without the 4 ms timer clamp). */
export function flush(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
  alive: () => boolean;
}

/** Virtual time: timers run only when the test advances it. */
export class VirtualClock {
  time = Date.UTC(2026, 0, 15, 10, 0, 0);
  private timers = new Map<number, Timer>();
  private seq = 0;

  readonly now = (): number => this.time;

  /** Timers for one tab: they stop when `alive` turns false. */
  scope(alive: () => boolean): Timers {
    return {
      setTimeout: (fn, ms) => {
        const id = ++this.seq;
        this.timers.set(id, { at: this.time + Math.max(0, ms), seq: id, fn, alive });
        return id;
      },
      clearTimeout: (id) => {
        this.timers.delete(id as number);
      },
    };
  }

  get pending(): number {
    return [...this.timers.values()].filter((t) => t.alive()).length;
  }

  /** Runs due timers in order (and every promise in between) up to `ms` from now. */
  async advance(ms: number): Promise<void> {
    await this.runUntil(this.time + ms);
  }

  /** Runs timers until none is left (or `maxMs` of virtual time passed). */
  async settle(maxMs = 30 * 60_000): Promise<void> {
    await this.runUntil(this.time + maxMs, true);
  }

  private async runUntil(end: number, stopWhenIdle = false): Promise<void> {
    for (let i = 0; i < 200_000; i++) {
      await flush();
      let next: [number, Timer] | undefined;
      for (const entry of this.timers) {
        if (!entry[1].alive()) this.timers.delete(entry[0]);
        else if (!next || entry[1].at < next[1].at) next = entry;
      }
      if (!next || next[1].at > end) {
        if (!stopWhenIdle) this.time = Math.max(this.time, end);
        return;
      }
      this.timers.delete(next[0]);
      this.time = Math.max(this.time, next[1].at);
      next[1].fn();
    }
    throw new Error('virtual clock: too many timers (a loop?)');
  }
}

/** What the network does to the next request of a device. */
export type Fault =
  | 'lost' // the server applies it; the answer never arrives
  | 'dup' // the request arrives twice
  | 'drop' // the request never arrives
  | 'error' // 503
  | OmniError; // answered with this error, nothing applied

export interface ServerEvent {
  kind: 'ops' | 'merge';
  cartId: string;
  key?: string;
  ops?: CartOp[];
  sourceLines?: Cart['lines'];
  strategy?: MergeStrategy;
  /** The cart's lines before and after. */
  before: Cart['lines'];
  after: Cart['lines'];
}

export const etagOf = (cart: Cart) => `"${cart.id}.v${cart.version}"`;

function toOmniError(error: unknown): OmniError {
  if (error instanceof OmniError) return error;
  if (error instanceof DemoError) {
    return new OmniError('http', error.message, { status: error.status, code: error.code });
  }
  throw error;
}

/** The server: the demo db plus the contract's HTTP rules (idempotency, ETag, If-Match). */
export class FakeCartServer {
  readonly db: DemoDb;
  readonly idempotency = new Map<string, { fingerprint: string; cart: Cart }>();
  /** Every change, in the order applied (replays excluded). */
  readonly log: ServerEvent[] = [];
  /** Requests received (including replays), for assertions. */
  readonly received: { method: string; cartId?: string; key?: string; keepalive?: boolean }[] = [];

  constructor(
    readonly clock: VirtualClock,
    dbOptions: Omit<DemoDbOptions, 'now'> = {},
  ) {
    this.db = createDemoDb(7, { ...dbOptions, now: () => new Date(clock.now()) });
  }

  private respond(cart: Cart, replayed = false): CartResponse {
    const copy = structuredClone(cart);
    return { cart: copy, etag: etagOf(copy), ...(replayed ? { replayed } : {}) };
  }

  createCart(): CartResponse {
    this.received.push({ method: 'createCart' });
    return this.respond(this.db.createCart());
  }

  getCart(id: string, ifNoneMatch?: string): CartResponse | undefined {
    this.received.push({ method: 'getCart', cartId: id });
    const cart = this.db.getCart(id);
    return ifNoneMatch === etagOf(cart) ? undefined : this.respond(cart);
  }

  applyCartOps(id: string, ops: CartOp[], options: CartOpsOptions): CartResponse {
    this.received.push({
      method: 'applyCartOps',
      cartId: id,
      key: options.idempotencyKey,
      ...(options.keepalive ? { keepalive: true } : {}),
    });
    const current = this.db.getCart(id);
    const fingerprint = JSON.stringify(ops);
    const stored = this.idempotency.get(`${id}|${options.idempotencyKey}`);
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        throw new DemoError(422, 'idempotency_key_reused', 'key reused');
      }
      return this.respond(stored.cart, true);
    }
    if (options.ifMatch && options.ifMatch !== etagOf(current)) {
      throw new DemoError(412, 'version_conflict', 'changed');
    }
    const cart = this.db.applyOps(id, structuredClone(ops));
    this.idempotency.set(`${id}|${options.idempotencyKey}`, { fingerprint, cart });
    this.log.push({
      kind: 'ops',
      cartId: id,
      key: options.idempotencyKey,
      ops: structuredClone(ops),
      before: structuredClone(current.lines),
      after: structuredClone(cart.lines),
    });
    return this.respond(cart);
  }

  createCartHandoff(id: string) {
    return this.db.createHandoff(id, 'https://shop.example/cart');
  }

  claimCart(code: string): CartResponse {
    return this.respond(this.db.claim(code));
  }

  mergeCarts(id: string, source: string, strategy: MergeStrategy): CartResponse {
    const target = this.db.getCart(id);
    const sourceLines = structuredClone(this.db.getCart(source).lines);
    const cart = this.db.merge(id, source, strategy);
    if (cart.version !== target.version) {
      this.log.push({
        kind: 'merge',
        cartId: id,
        sourceLines,
        strategy,
        before: target.lines,
        after: structuredClone(cart.lines),
      });
    }
    return this.respond(cart);
  }

  /** Changes the catalog price of every line of `sku` (a price change between syncs). */
  reprice(sku: string, amount: string): void {
    for (const cart of this.db.carts.values()) {
      let changed = false;
      for (const line of cart.lines) {
        if (line.sku === sku) {
          line.unitPrice = { ...line.unitPrice, amount };
          changed = true;
        }
      }
      if (changed) cart.version += 1;
    }
  }
}

/** One device's network. */
export class Network {
  online = true;
  /** Every request sent while online (whatever happened to it): method and idempotency key. */
  sent: { method: string; key?: string }[] = [];
  faults: Fault[] = [];
  /** Latency of each leg, in ms (virtual). */
  latency = (): number => 5;
}

/** The `CartCapability` a tab of a device sees: the server behind the device's network. */
export function clientFor(
  server: FakeCartServer,
  network: Network,
  timers: Timers,
  alive: () => boolean,
): CartCapability {
  const travel = <T>(handle: () => T, keepalive = false, method = '', key?: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (!network.online) {
        timers.setTimeout(() => reject(new OmniError('network', 'offline')), 1);
        return;
      }
      network.sent.push({ method, ...(key ? { key } : {}) });
      const fault = network.faults.shift();
      // A keepalive request outlives its tab; its answer does not.
      const clock = keepalive ? server.clock.scope(() => true) : timers;
      clock.setTimeout(() => {
        if (fault instanceof OmniError) return reject(fault);
        if (fault === 'drop') return reject(new OmniError('network', 'dropped'));
        if (fault === 'error') {
          return reject(new OmniError('http', 'unavailable', { status: 503, code: 'unavailable' }));
        }
        let outcome: { ok: true; value: T } | { ok: false; error: OmniError };
        try {
          outcome = { ok: true, value: handle() };
          if (fault === 'dup') handle();
        } catch (error) {
          outcome = { ok: false, error: toOmniError(error) };
        }
        clock.setTimeout(() => {
          if (!alive()) return;
          if (fault === 'lost' || !network.online) {
            return reject(new OmniError('network', 'answer lost'));
          }
          if (outcome.ok) resolve(structuredClone(outcome.value));
          else reject(outcome.error);
        }, network.latency());
      }, network.latency());
    });

  return {
    createCart: () => travel(() => server.createCart()),
    getCart: (id, options = {}) => travel(() => server.getCart(id, options.ifNoneMatch)),
    applyCartOps: (id, ops, options) =>
      travel(
        () => server.applyCartOps(id, ops, options),
        options.keepalive === true,
        'applyCartOps',
        options.idempotencyKey,
      ),
    createCartHandoff: (id) => travel(() => server.createCartHandoff(id)),
    claimCart: (code) => travel(() => server.claimCart(code)),
    mergeCarts: (id, source, strategy) => travel(() => server.mergeCarts(id, source, strategy)),
  };
}

/** Web Locks for the tabs of one device; a closed tab's lock is released. */
export class FakeLocks {
  private holders = new Map<string, { owner: number; release: () => void }>();
  private waiting = new Map<string, { owner: number; grant: () => void }[]>();

  forTab(owner: number): LockManagerLike & { releaseAll(): void } {
    return {
      request: (name, callback) =>
        new Promise((resolve, reject) => {
          const grant = () => {
            let released = false;
            const release = () => {
              if (released) return;
              released = true;
              this.holders.delete(name);
              const next = this.waiting.get(name)?.shift();
              next?.grant();
            };
            this.holders.set(name, { owner, release });
            callback().then(
              (value) => {
                release();
                resolve(value);
              },
              (error: unknown) => {
                release();
                reject(error);
              },
            );
          };
          if (this.holders.has(name)) {
            const queue = this.waiting.get(name) ?? [];
            queue.push({ owner, grant });
            this.waiting.set(name, queue);
          } else grant();
        }),
      releaseAll: () => {
        for (const [name, queue] of this.waiting) {
          this.waiting.set(
            name,
            queue.filter((w) => w.owner !== owner),
          );
        }
        for (const holder of [...this.holders.values()]) {
          if (holder.owner === owner) holder.release();
        }
      },
    };
  }
}

/** A BroadcastChannel group: messages reach the other members later, possibly twice. */
export class ChannelGroup {
  private members = new Set<{
    listener?: (event: { data: unknown }) => void;
    alive: () => boolean;
  }>();
  duplicate = (): boolean => false;

  constructor(private readonly timers: Timers) {}

  open(alive: () => boolean): MessageChannelLike {
    const member: { listener?: (event: { data: unknown }) => void; alive: () => boolean } = {
      alive,
    };
    this.members.add(member);
    return {
      postMessage: (message) => {
        if (!alive()) return;
        for (const other of this.members) {
          if (other === member) continue;
          const copies = this.duplicate() ? 2 : 1;
          for (let i = 0; i < copies; i++) {
            const data = structuredClone(message);
            this.timers.setTimeout(() => {
              if (other.alive()) other.listener?.({ data });
            }, 1 + i);
          }
        }
      },
      addEventListener: (_type, listener) => {
        member.listener = listener;
      },
      removeEventListener: () => {
        member.listener = undefined;
      },
      close: () => {
        this.members.delete(member);
      },
    };
  }
}

/** Records as a tab sees them: the device's shared store, frozen when the tab dies. */
function tabRecords(
  shared: RecordStore,
  alive: () => boolean,
  onChanges: (changes: readonly RecordChange[]) => void,
): RecordStore {
  const never = () => new Promise<never>(() => undefined);
  return {
    durable: true,
    onVolatile: () => () => undefined,
    get: (key, check) => (alive() ? shared.get(key, check) : never()),
    list: (prefix, check, onInvalid) => (alive() ? shared.list(prefix, check, onInvalid) : never()),
    write: (changes) => {
      if (!alive()) return never();
      onChanges(changes);
      return shared.write(changes);
    },
    update: (prefix, check, decide, onInvalid) =>
      alive()
        ? shared.update(
            prefix,
            check,
            (found) => {
              const outcome = decide(found);
              onChanges(outcome.changes);
              return outcome;
            },
            onInvalid,
          )
        : never(),
  };
}

export interface Tab {
  id: number;
  store: CartStore;
  lifecycle: { emit(event: PageEvent): void };
  alive: boolean;
}

let tabIds = 0;
let keys = 0;

/** A browser: durable records shared by its tabs, a channel group, locks (or the lease). */
export class Device {
  readonly records = createMemoryStorage().records;
  readonly network = new Network();
  readonly channels: ChannelGroup;
  readonly locks = new FakeLocks();
  readonly tabs: (Tab | undefined)[] = [];
  /** Every outbox entry written (id -> intent), and every batch sealed (key -> entry ids). */
  readonly written = new Map<string, unknown>();
  readonly sealed = new Map<string, string[]>();

  constructor(
    readonly name: string,
    readonly world: World,
    readonly useLocks: boolean,
  ) {
    this.channels = new ChannelGroup(world.clock.scope(() => true));
  }

  open(slot: number): Tab {
    this.close(slot);
    const id = ++tabIds;
    const state = { alive: true };
    const alive = () => state.alive;
    const timers = this.world.clock.scope(alive);
    const listeners = new Set<(event: PageEvent) => void>();
    const network = this.network;
    const lifecycle: PageLifecycle = {
      get online() {
        return network.online;
      },
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const locks = this.locks.forTab(id);
    const store = createCartStore({
      backend: clientFor(this.world.server, this.network, timers, alive),
      records: tabRecords(this.records, alive, (changes) => this.observe(changes)),
      scope: 'test',
      channel: this.channels.open(alive),
      ...(this.useLocks ? { locks } : {}),
      lifecycle,
      timers,
      now: this.world.clock.now,
      random: this.world.random,
      newKey: () => `key-${this.name}-${++keys}`,
      log: { error: () => undefined },
    });
    const tab: Tab = {
      id,
      store,
      alive: true,
      lifecycle: {
        emit: (event) => {
          for (const listener of [...listeners]) listener(event);
        },
      },
    };
    Object.defineProperty(tab, 'alive', { get: alive });
    (tab as Tab & { kill(): void }).kill = () => {
      state.alive = false;
      locks.releaseAll();
      store.dispose();
    };
    this.tabs[slot] = tab;
    return tab;
  }

  /** Closes a tab as a browser does: `pagehide`, then it stops. */
  close(slot: number): void {
    const tab = this.tabs[slot];
    if (!tab) return;
    tab.lifecycle.emit('pagehide');
    (tab as Tab & { kill(): void }).kill();
    this.tabs[slot] = undefined;
  }

  get openTabs(): Tab[] {
    return this.tabs.filter((t): t is Tab => t !== undefined);
  }

  setOnline(online: boolean): void {
    this.network.online = online;
    for (const tab of this.openTabs) tab.lifecycle.emit(online ? 'online' : 'offline');
  }

  private observe(changes: readonly RecordChange[]): void {
    for (const change of changes) {
      if (!('put' in change)) continue;
      const value = change.value as {
        id?: string;
        intent?: unknown;
        key?: string;
        entries?: string[];
      };
      if (change.put.includes('|op:') && value.id) {
        if (!this.written.has(value.id)) this.written.set(value.id, value.intent);
      } else if (change.put.endsWith('|batch') && value.key && value.entries) {
        this.sealed.set(value.key, value.entries);
      }
    }
  }
}

export class World {
  readonly clock = new VirtualClock();
  readonly server: FakeCartServer;
  readonly random: () => number;

  /** `dbOptions`: the server's demo db (extra products for a test's own fixtures). */
  constructor(seed = 1, dbOptions: Omit<DemoDbOptions, 'now'> = {}) {
    this.random = prng(seed);
    this.server = new FakeCartServer(this.clock, dbOptions);
  }

  device(name: string, useLocks = true): Device {
    return new Device(name, this, useLocks);
  }
}

export const PICKUP_STORE = 'ke-nbo-westlands';
/** A store that does not offer pickup: adding for pickup there is refused (422). */
export const NO_PICKUP_STORE = 'lt-kun-laisves';
