/**
 * The local-first cart. Plain TypeScript, no DOM: the page's tabs, locks, lifecycle and network
 * come in through the platform seams, so that tests drive them.
 *
 * - **Local first.** Every change is an intent in an outbox of durable records (`RecordStore`,
 *   IndexedDB) and shows at once: the view is the server's last cart with the pending intents
 *   applied by the contract's own rules. When records are only in memory, `view.durable` says so.
 * - **Sync.** One tab at a time (`sender.ts`) seals the oldest pending intents into a batch with a
 *   new `Idempotency-Key` (once, atomically: a compare-and-set on the records), sends it with
 *   `If-Match`, retries the same key and body until the server answers, and then deletes it and
 *   stores the server's cart, which is the truth for prices and quantities. Batches go in order;
 *   failures back off exponentially with jitter (capped at a minute); `online` and `resume` retry
 *   at once; `pagehide` resends the sealed batch with `keepalive`.
 * - **Faults.** 412: the batch was not applied; the cart is read again and the intents sealed
 *   anew. 409: read again, retry the same key later. 422/400 for a batch: split into single
 *   operations to find the one the server refuses, drop it with a notice, keep the rest. 404
 *   `cart_not_found`: a new cart, the lines replayed into it, a notice. An answer of the wrong
 *   shape (`invalid_response`) never replaces the local cart. A corrupt record is deleted and
 *   logged, never blocking the queue.
 * - **Tabs** hear each other through a channel and read the shared records again. **Devices**
 *   share a cart through handoff codes (claim, then combine, replace or keep), and see each
 *   other's changes on their next sync, or at once on `resume`.
 */
import type { CartCapability, CartResponse } from '../api/backend-client.js';
import { OmniError, isOmniError } from '../api/errors.js';
import type { Cart, CartHandoff, Fulfillment, MergeStrategy, Money } from '../api/types.js';
import type { RecordChange, RecordStore } from '../cache/types.js';
import { compareMoney } from '../money/money.js';
import type { LockManagerLike, MessageChannelLike, PageLifecycle } from '../services/registry.js';
import type { Timers } from '../time/clock.js';
import {
  MAX_OPS,
  clampQty,
  isBatch,
  isCart,
  isEntry,
  lineKey,
  project,
  restoreIntent,
  seal,
  subtotalOf,
  type CartIntent,
  type CartLineView,
  type LineHint,
  type LineRef,
  type OutboxEntry,
  type SealedBatch,
} from './model.js';
import { createSender } from './sender.js';

export type { CartLineView, LineHint, LineRef } from './model.js';

/** `synced`: nothing pending; `syncing`: sending; `offline`: waiting for the network; `error`: the server failed, retrying. */
export type CartSyncStatus = 'synced' | 'syncing' | 'offline' | 'error';

/** Something the shopper should be told; `id` to dismiss it. */
export type CartNotice = { id: string } & (
  | { kind: 'price'; sku: string; title: string; from: Money; to: Money }
  /** A change the server could not take: `line_gone` (removed elsewhere) or its error code. */
  | { kind: 'dropped'; sku: string; title: string; code: string }
  /** The server had lost the cart: a new one was made and the lines put back. */
  | { kind: 'restored' }
  | {
      kind: 'handoff';
      outcome: 'claimed' | 'merged' | 'kept' | 'expired' | 'not_found' | 'offline' | 'failed';
    }
);

/** A cart from elsewhere (a handoff, the signed-in customer's) waiting for the shopper's choice. */
export interface CartChoice {
  reason: 'handoff' | 'customer';
  /** Items in the incoming cart. */
  count: number;
}

export interface CartView {
  /** False until the stored cart has been read. */
  loaded: boolean;
  cartId?: string;
  currency?: string;
  lines: CartLineView[];
  /** Items (the sum of quantities). */
  count: number;
  /** Undefined while a price is unknown (an item added offline). */
  subtotal?: Money;
  /** Changes waiting for the server. */
  pending: number;
  status: CartSyncStatus;
  /** False when changes live in memory only and will not survive a reload. */
  durable: boolean;
  notices: CartNotice[];
  choice?: CartChoice;
  /** A handoff, claim or merge is under way. */
  busy: boolean;
}

/** What `remove` returns, for `undo`. */
export interface CartUndo {
  entry: string;
  line: CartLineView;
}

export interface AttachCustomerOptions {
  /** The signed-in customer's saved cart, if any (from the merchant's backend). */
  cartId?: string;
  /**
   * When both carts have items: `combine` (the saved cart gets this device's items too),
   * `replace` (the saved cart becomes this device's cart), `keep` (the saved cart stays as it
   * is; this device's items are dropped), or `ask` the shopper (default; needs an `<omni-cart>`
   * or `<omni-cart-button>` on the page).
   */
  strategy?: MergeStrategy | 'ask';
}

export interface CartStore {
  readonly ready: Promise<void>;
  readonly view: CartView;
  /** Calls `listener` after every change of `view`; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  add(sku: string, options?: { qty?: number; fulfillment?: Fulfillment; hint?: LineHint }): void;
  setQty(line: LineRef, qty: number): void;
  remove(line: LineRef): CartUndo | undefined;
  undo(token: CartUndo): void;
  setFulfillment(line: LineRef, fulfillment: Fulfillment): void;
  /** Sends pending changes now (also when backing off). */
  sync(): void;
  /** Reads the server's cart now (other devices' changes), unless changes are pending. */
  refresh(): Promise<void>;
  /** Sends pending changes, then asks for a code to continue on another device. */
  createHandoff(): Promise<CartHandoff>;
  /** Claims a handoff code; with items here too, `view.choice` asks the shopper first. */
  claim(code: string): Promise<void>;
  /** Answers `view.choice` (undefined: keep this cart apart). */
  choose(strategy: MergeStrategy | undefined): Promise<void>;
  /** The shopper signed in: use (and merge into) their saved cart. Resolves with the cart id. */
  attachCustomer(options?: AttachCustomerOptions): Promise<string | undefined>;
  /** The shopper signed out: this device starts an empty cart (theirs stays on the server). */
  detachCustomer(): Promise<void>;
  /** The merchant's checkout completed: forget the cart (only if it is `cartId`, when given). */
  completeCheckout(cartId?: string): Promise<boolean>;
  dismiss(noticeId: string): void;
  dispose(): void;
}

export interface CartStoreOptions {
  backend: CartCapability;
  records: RecordStore;
  /** Names this cart's records, lock and messages (one cart per backend and database). */
  scope: string;
  channel?: MessageChannelLike;
  locks?: LockManagerLike;
  lifecycle?: PageLifecycle;
  timers?: Timers;
  now?: () => number;
  random?: () => number;
  /** Idempotency keys (default: 128 random bits in hex). */
  newKey?: () => string;
  log?: Pick<Console, 'error'>;
}

interface StateRecord {
  cartId?: string;
  cart?: Cart;
  etag?: string;
}

interface Stored {
  state: StateRecord;
  entries: OutboxEntry[];
  batch?: SealedBatch;
}

type Step = 'done' | 'again' | 'wait';
/** A notice before it has an id. */
type NoticeInput = (CartNotice extends infer N
  ? N extends unknown
    ? Omit<N, 'id'>
    : never
  : never) & {
  id?: string;
};
type Result<T> = { ok: true; value: T } | { ok: false; error: OmniError };

type Message =
  | { type: 'changed'; status?: CartSyncStatus }
  | { type: 'notice'; notice: CartNotice }
  | { type: 'cart'; state: StateRecord }
  | { type: 'hello' };

const MAX_BACKOFF_MS = 60_000;

const isState = (value: unknown): value is StateRecord => {
  if (typeof value !== 'object' || value === null) return false;
  const { cartId, cart, etag } = value as StateRecord;
  return (
    (cartId === undefined || (typeof cartId === 'string' && cartId !== '')) &&
    (cart === undefined || (isCart(cart) && cart.id === cartId)) &&
    (etag === undefined || typeof etag === 'string')
  );
};

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function randomHex(bytes: number): string {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(values, (b) => b.toString(16).padStart(2, '0')).join('');
}

const same = (a: Money | undefined, b: Money | undefined): boolean => {
  try {
    return !a || !b || a.currency !== b.currency || compareMoney(a, b) === 0;
  } catch {
    return true;
  }
};

export function createCartStore(options: CartStoreOptions): CartStore {
  const { backend, records, channel, lifecycle } = options;
  const timers = options.timers ?? defaultTimers;
  const now = options.now ?? (() => Date.now());
  const random = options.random ?? Math.random;
  const newKey = options.newKey ?? (() => randomHex(16));
  const log = options.log ?? console;
  const P = `cart|${options.scope}|`;
  const STATE = `${P}state`;
  const BATCH = `${P}batch`;
  const OP = `${P}op:`;
  const tab = randomHex(3);

  let stored: Stored = { state: {}, entries: [] };
  /** This tab's entries not yet written (a read in between must not lose them). */
  const unsaved = new Map<string, OutboxEntry>();
  let notices: CartNotice[] = [];
  let choice:
    (CartChoice & { incoming: CartResponse; resolve?: (id?: string) => void }) | undefined;
  let busy = false;
  let loaded = false;
  /** The browser says it is offline: no point trying until it says `online`. */
  let browserOffline = lifecycle?.online === false;
  /** The last attempt could not reach the server. */
  let offline = browserOffline;
  let failing = false;
  let remoteStatus: CartSyncStatus | undefined;
  let pumping = false;
  let again = false;
  let attempt = 0;
  let nextAt = 0;
  let backoffTimer: unknown;
  let inFlight: string | undefined;
  /** Entries of a batch the server refused: sent one by one until the culprit is dropped. */
  let split = new Set<string>();
  let seq = 0;
  let disposed = false;
  let volatile = !records.durable;
  let writes: Promise<unknown> = Promise.resolve();
  const listeners = new Set<() => void>();

  const sender = createSender({
    name: `cart|${options.scope}`,
    owner: tab,
    locks: volatile ? undefined : options.locks,
    records: volatile ? undefined : records,
    timers,
    now,
    onFree: () => kick(),
  });

  // ---- view ---------------------------------------------------------------------------------

  function pendingEntries(): OutboxEntry[] {
    const known = new Set(stored.entries.map((e) => e.id));
    const extra = [...unsaved.values()].filter((e) => !known.has(e.id));
    return extra.length
      ? [...stored.entries, ...extra].sort((a, b) => (a.id < b.id ? -1 : 1))
      : stored.entries;
  }

  function computeView(): CartView {
    const pending = pendingEntries();
    const { cart } = stored.state;
    const lines = project(
      cart,
      pending.map((e) => e.intent),
    );
    const currency = cart?.currency ?? lines.find((l) => l.unitPrice)?.unitPrice?.currency;
    const count = lines.reduce((n, l) => n + l.qty, 0);
    let status: CartSyncStatus = 'synced';
    if (pending.length > 0) {
      status = offline ? 'offline' : failing ? 'error' : (remoteStatus ?? 'syncing');
      if (status === 'synced') status = 'syncing';
    }
    let subtotal: Money | undefined;
    try {
      subtotal = currency ? subtotalOf(lines, currency) : undefined;
    } catch {
      subtotal = undefined;
    }
    return {
      loaded,
      ...(stored.state.cartId ? { cartId: stored.state.cartId } : {}),
      ...(currency ? { currency } : {}),
      lines,
      count,
      ...(subtotal ? { subtotal } : {}),
      pending: pending.length,
      status,
      durable: !volatile,
      notices: [...notices],
      ...(choice ? { choice: { reason: choice.reason, count: choice.count } } : {}),
      busy,
    };
  }

  let view = computeView();

  function notify(): void {
    view = computeView();
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        log.error('[omnishelf] cart listener failed', error);
      }
    }
  }

  function post(message: Message): void {
    try {
      channel?.postMessage(message);
    } catch {
      /* another tab missing a message reads the records on its next change */
    }
  }

  function addNotice(notice: NoticeInput, share = true): void {
    const full = {
      id: notice.id ?? `${now().toString(36)}${tab}${seq++}`,
      ...notice,
    } as CartNotice;
    if (notices.some((n) => n.id === full.id)) return;
    notices = [...notices.slice(-9), full];
    if (share) post({ type: 'notice', notice: full });
    notify();
  }

  /** Notices for lines whose unit price changed between `before` and the stored cart. */
  function priceNotices(before: readonly CartLineView[]): void {
    for (const line of stored.state.cart?.lines ?? []) {
      const key = lineKey(line.sku, line.fulfillment);
      const was = before.find((l) => l.ref.lineId === line.id || l.key === key);
      if (was?.unitPrice && !same(was.unitPrice, line.unitPrice)) {
        addNotice({
          kind: 'price',
          sku: line.sku,
          title: line.title,
          from: was.unitPrice,
          to: line.unitPrice,
        });
      }
    }
  }

  // ---- records -------------------------------------------------------------------------------

  function parse(found: { key: string; value: unknown }[], corrupt: string[]): Stored {
    const out: Stored = { state: {}, entries: [] };
    for (const { key, value } of found) {
      if (key === STATE && isState(value)) out.state = value;
      else if (key === BATCH && isBatch(value)) out.batch = value;
      else if (key.startsWith(OP) && isEntry(value) && value.id === key.slice(OP.length)) {
        out.entries.push(value);
      } else if (key === STATE || key === BATCH || key.startsWith(OP)) corrupt.push(key);
    }
    return out;
  }

  /** One atomic read-decide-write over every record of this cart. */
  async function transact<R>(
    decide: (current: Stored) => { changes: RecordChange[]; result: R },
  ): Promise<R> {
    const corrupt: string[] = [];
    const result = await records.update(
      P,
      (value): value is unknown => value !== undefined,
      (found) => {
        corrupt.length = 0;
        const current = parse(found, corrupt);
        const outcome = decide(current);
        stored = current;
        return {
          changes: [...corrupt.map((key) => ({ delete: key })), ...outcome.changes],
          result: outcome.result,
        };
      },
    );
    for (const key of corrupt) {
      log.error(`[omnishelf] cart: skipped a corrupt stored record (${key})`);
    }
    return result;
  }

  /** Reads the records again (another tab changed them, or this one is about to act). */
  async function read(): Promise<void> {
    await transact(() => ({ changes: [], result: undefined }));
    loaded = true;
    for (const id of unsaved.keys()) {
      if (stored.entries.some((e) => e.id === id)) unsaved.delete(id);
    }
    notify();
  }

  /** Puts the changes of `decide` in the records, then reads them back. */
  async function change(
    decide: (current: Stored) => RecordChange[],
    message: Message = { type: 'changed' },
  ): Promise<void> {
    await transact((current) => ({ changes: decide(current), result: undefined }));
    await read();
    post(message);
    if (volatile) post({ type: 'cart', state: stored.state });
  }

  const putState = (state: StateRecord): RecordChange => ({ put: STATE, value: state });

  /** Stores `response` as the cart of `cartId` unless a newer version is stored already. */
  const keepNewer = (current: Stored, response: CartResponse): RecordChange[] => {
    const { state } = current;
    if (state.cartId !== response.cart.id) return [];
    if (state.cart && state.cart.version > response.cart.version) return [];
    return [
      putState({
        cartId: state.cartId,
        cart: response.cart,
        ...(response.etag ? { etag: response.etag } : {}),
      }),
    ];
  };

  // ---- intents -------------------------------------------------------------------------------

  function entryId(): string {
    return `${now().toString(36).padStart(9, '0')}${(seq++ % 1296).toString(36).padStart(2, '0')}${tab}`;
  }

  function mutate(intent: CartIntent): OutboxEntry {
    const entry: OutboxEntry = { id: entryId(), intent };
    unsaved.set(entry.id, entry);
    notify();
    writes = writes
      .then(() => records.write([{ put: OP + entry.id, value: entry }]))
      .then(
        () => {
          // Stored now: pending like any other entry until the server has it.
          unsaved.delete(entry.id);
          if (!stored.entries.some((e) => e.id === entry.id)) {
            const entries = [...stored.entries, entry].sort((a, b) => (a.id < b.id ? -1 : 1));
            stored = { ...stored, entries };
          }
          post({ type: 'changed' });
          kick();
        },
        (error: unknown) => log.error('[omnishelf] cart: a change could not be stored', error),
      );
    return entry;
  }

  // ---- sending -------------------------------------------------------------------------------

  async function call<T>(fn: () => Promise<T>): Promise<Result<T>> {
    try {
      return { ok: true, value: await fn() };
    } catch (error) {
      return {
        ok: false,
        error: isOmniError(error)
          ? error
          : new OmniError('network', String(error), { cause: error }),
      };
    }
  }

  const hasWork = () => stored.entries.length > 0 || unsaved.size > 0 || stored.batch !== undefined;

  function kick(force = false): void {
    if (disposed) return;
    if (force) {
      nextAt = 0;
      timers.clearTimeout(backoffTimer);
    }
    if (pumping) {
      again = true;
      return;
    }
    if (!hasWork() || (browserOffline && !force) || now() < nextAt) return;
    pumping = true;
    void sender
      .run(drain)
      .catch((error: unknown) => log.error('[omnishelf] cart sync failed', error))
      .finally(() => {
        pumping = false;
        if (again) {
          again = false;
          kick();
        }
      });
  }

  async function drain(): Promise<Step> {
    for (let i = 0; i < 500 && !disposed; i++) {
      const result = await step();
      if (result !== 'again') return result;
    }
    return 'wait';
  }

  function setStatus(next: { offline?: boolean; failing?: boolean }): void {
    offline = next.offline ?? offline;
    failing = next.failing ?? failing;
    const status =
      view.pending === 0 ? 'synced' : offline ? 'offline' : failing ? 'error' : 'syncing';
    post({ type: 'changed', status });
    notify();
  }

  function backoff(): Step {
    attempt++;
    const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (attempt - 1)) * (0.5 + random() / 2);
    nextAt = now() + delay;
    timers.clearTimeout(backoffTimer);
    backoffTimer = timers.setTimeout(() => kick(), delay);
    return 'wait';
  }

  async function step(): Promise<Step> {
    await read();
    const { state, batch, entries } = stored;
    if (!batch && entries.length === 0) return 'done';
    if (!state.cartId && !batch) {
      const created = await call(() => backend.createCart());
      if (!created.ok) return fail(undefined, created.error);
      await change((current) =>
        current.state.cartId
          ? []
          : [
              putState({
                cartId: created.value.cart.id,
                cart: created.value.cart,
                ...(created.value.etag ? { etag: created.value.etag } : {}),
              }),
            ],
      );
      return 'again';
    }
    let sending = batch;
    if (!sending) {
      const sealed = await transact((current) => {
        if (current.batch) return { changes: [], result: { batch: current.batch, dropped: [] } };
        const pending = current.entries;
        const single = pending.some((e) => split.has(e.id));
        const s = seal(pending, current.state.cart, single ? 1 : MAX_OPS);
        const next: SealedBatch | undefined =
          s.ops.length && current.state.cartId
            ? {
                key: newKey(),
                cartId: current.state.cartId,
                ops: s.ops,
                entries: s.entries,
                ...(current.state.etag ? { ifMatch: current.state.etag } : {}),
              }
            : undefined;
        return {
          changes: [
            ...s.dropped.map((e) => ({ delete: OP + e.id })),
            ...(next ? [{ put: BATCH, value: next }] : []),
          ],
          result: { batch: next, dropped: s.dropped },
        };
      });
      for (const entry of sealed.dropped) droppedNotice(entry, 'line_gone');
      if (!sealed.batch) {
        if (sealed.dropped.length) {
          await read();
          post({ type: 'changed' });
          return 'again';
        }
        return 'done';
      }
      sending = sealed.batch;
    }
    const b = sending;
    stored = { ...stored, batch: b };
    inFlight = b.key;
    const sent = await call(() =>
      backend.applyCartOps(b.cartId, b.ops, {
        idempotencyKey: b.key,
        ...(b.ifMatch ? { ifMatch: b.ifMatch } : {}),
      }),
    );
    inFlight = undefined;
    if (!sent.ok) return fail(b, sent.error);
    const before = view.lines;
    await change((current) => [
      ...(current.batch?.key === b.key ? [{ delete: BATCH }] : []),
      ...b.entries.map((id) => ({ delete: OP + id })),
      ...keepNewer(current, sent.value),
    ]);
    attempt = 0;
    if (split.size && !stored.entries.some((e) => split.has(e.id))) split = new Set();
    priceNotices(before);
    setStatus({ offline: false, failing: false });
    if (sent.value.replayed && !hasWork()) void refresh();
    return 'again';
  }

  function droppedNotice(entry: OutboxEntry, code: string): void {
    const intent = entry.intent;
    const sku = intent.op === 'add' ? intent.sku : intent.line.sku;
    const line = view.lines.find((l) => l.sku === sku);
    addNotice({
      kind: 'dropped',
      sku,
      title: line?.title ?? (intent.op === 'add' ? intent.hint?.title : undefined) ?? sku,
      code,
    });
  }

  async function dropBatch(b: SealedBatch): Promise<void> {
    await change((current) => (current.batch?.key === b.key ? [{ delete: BATCH }] : []));
  }

  async function fail(b: SealedBatch | undefined, error: OmniError): Promise<Step> {
    const { status, code } = error;
    if (error.kind === 'network' || error.kind === 'timeout') {
      setStatus({ offline: true });
      return backoff();
    }
    if (error.kind === 'http' && b) {
      if (status === 404 && code === 'cart_not_found') {
        await restore(b.cartId);
        return 'again';
      }
      if (status === 412) {
        await dropBatch(b);
        await refresh(true);
        return 'again';
      }
      if (status === 409) {
        await refresh(true);
        setStatus({ offline: false, failing: true });
        return backoff();
      }
      if (status === 422 || status === 400) {
        if (code === 'idempotency_key_reused') {
          log.error(
            '[omnishelf] cart: the server says this idempotency key was used for something else',
          );
        } else if (b.ops.length === 1) {
          const entry = stored.entries.find((e) => e.id === b.entries[0]);
          if (entry) droppedNotice(entry, code ?? 'invalid_request');
          await change((current) => [
            ...(current.batch?.key === b.key ? [{ delete: BATCH }] : []),
            ...b.entries.map((id) => ({ delete: OP + id })),
          ]);
          return 'again';
        } else {
          split = new Set(b.entries);
        }
        await dropBatch(b);
        if (code === 'unknown_line') await refresh(true);
        return 'again';
      }
    }
    setStatus({ offline: false, failing: true });
    if (error.kind === 'unsupported' || error.kind === 'aborted') return 'wait';
    return backoff();
  }

  /** The server lost the cart: a new one, the known lines put back first, then the rest. */
  async function restore(lostId: string): Promise<void> {
    let restored = false;
    await change((current) => {
      if (current.state.cartId !== lostId) return [];
      const lines = project(current.state.cart, []);
      restored = lines.length > 0 || current.entries.length > 0;
      const stamp = now().toString(36).padStart(9, '0');
      return [
        putState({}),
        ...(current.batch ? [{ delete: BATCH }] : []),
        ...lines.map((line, i) => {
          const id = `!${stamp}${i.toString(36).padStart(2, '0')}${tab}`;
          return { put: OP + id, value: { id, intent: restoreIntent(line) } };
        }),
      ];
    });
    if (restored) addNotice({ kind: 'restored' });
  }

  async function refresh(force = false): Promise<void> {
    const id = stored.state.cartId;
    if (!id || (!force && hasWork())) return;
    const { etag } = stored.state;
    const got = await call(() => backend.getCart(id, etag ? { ifNoneMatch: etag } : {}));
    if (!got.ok) {
      const { error } = got;
      if (error.status === 404 && error.code === 'cart_not_found') {
        await restore(id);
        kick(true);
      } else if (error.kind === 'network' || error.kind === 'timeout') {
        setStatus({ offline: true });
      }
      return;
    }
    if (offline) setStatus({ offline: false });
    const response = got.value;
    if (!response) return;
    const before = view.lines;
    await change((current) => keepNewer(current, response));
    priceNotices(before);
  }

  function flushOnExit(hidden: boolean): void {
    const b = stored.batch;
    if (!b || (hidden && inFlight === b.key)) return;
    backend
      .applyCartOps(b.cartId, b.ops, {
        idempotencyKey: b.key,
        ...(b.ifMatch ? { ifMatch: b.ifMatch } : {}),
        keepalive: true,
      })
      .catch(() => undefined);
  }

  // ---- other carts ---------------------------------------------------------------------------

  /** Runs `fn` as the only sender, after sending everything pending; false when offline. */
  async function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    busy = true;
    notify();
    try {
      const outcome = await sender.run(async () => {
        if ((await drain()) === 'wait' && hasWork()) {
          throw new OmniError('network', 'Pending changes could not be sent');
        }
        return fn();
      }, true);
      if (!outcome.ran) throw new OmniError('network', 'The cart is busy in another tab');
      return outcome.value;
    } finally {
      busy = false;
      notify();
    }
  }

  async function ensureCart(): Promise<string> {
    if (stored.state.cartId) return stored.state.cartId;
    const created = await backend.createCart();
    await change((current) =>
      current.state.cartId
        ? []
        : [
            putState({
              cartId: created.cart.id,
              cart: created.cart,
              ...(created.etag ? { etag: created.etag } : {}),
            }),
          ],
    );
    return stored.state.cartId!;
  }

  /** Makes `response` this device's cart; pending intents made meanwhile apply to it. */
  async function adopt(response: CartResponse): Promise<void> {
    await change((current) => [
      putState({
        cartId: response.cart.id,
        cart: response.cart,
        ...(response.etag ? { etag: response.etag } : {}),
      }),
      ...(current.batch && current.batch.cartId !== response.cart.id ? [{ delete: BATCH }] : []),
    ]);
  }

  const isEmpty = () => view.lines.length === 0;

  function handoffOutcome(error: unknown): 'expired' | 'not_found' | 'offline' | 'failed' {
    if (!isOmniError(error)) return 'failed';
    if (error.status === 410 || error.code === 'code_expired') return 'expired';
    if (error.code === 'code_not_found') return 'not_found';
    return error.kind === 'network' || error.kind === 'timeout' ? 'offline' : 'failed';
  }

  async function merge(strategy: MergeStrategy): Promise<void> {
    const current = choice;
    if (!current) return;
    const result = await exclusive(async () => {
      const own = stored.state.cartId;
      const target = current.incoming;
      if (!own || isEmpty() || strategy === 'keep') {
        await adopt(target);
        return target.cart.id;
      }
      const merged = await backend.mergeCarts(target.cart.id, own, strategy);
      await adopt(merged);
      return merged.cart.id;
    });
    choice = undefined;
    current.resolve?.(result);
    addNotice({ kind: 'handoff', outcome: strategy === 'keep' ? 'claimed' : 'merged' }, false);
  }

  async function choose(strategy: MergeStrategy | undefined): Promise<void> {
    const current = choice;
    if (!current) return;
    if (!strategy) {
      choice = undefined;
      current.resolve?.(stored.state.cartId);
      addNotice({ kind: 'handoff', outcome: 'kept' }, false);
      return;
    }
    try {
      await merge(strategy);
    } catch (error) {
      addNotice({ kind: 'handoff', outcome: handoffOutcome(error) }, false);
    }
  }

  // ---- clearing ------------------------------------------------------------------------------

  async function clear(): Promise<void> {
    timers.clearTimeout(backoffTimer);
    split = new Set();
    unsaved.clear();
    await change((current) => [
      { delete: STATE },
      ...(current.batch ? [{ delete: BATCH }] : []),
      ...current.entries.map((e) => ({ delete: OP + e.id })),
    ]);
    notices = [];
    choice = undefined;
    notify();
  }

  // ---- tabs and page -------------------------------------------------------------------------

  function handleMessage(event: { data: unknown }): void {
    const message = event.data as Message | null;
    if (disposed || typeof message !== 'object' || message === null) return;
    if (message.type === 'changed') {
      if (message.status) remoteStatus = message.status;
      void read().then(() => kick());
    } else if (message.type === 'notice' && typeof message.notice?.id === 'string') {
      addNotice(message.notice, false);
    } else if (message.type === 'hello' && volatile && stored.state.cartId) {
      post({ type: 'cart', state: stored.state });
    } else if (message.type === 'cart' && volatile && isState(message.state)) {
      // Memory only: each tab keeps its own records; the cart id and the server's cart are shared.
      const incoming = message.state;
      void change(
        (current) => {
          const mine = current.state;
          if (!incoming.cartId || (mine.cartId && mine.cartId !== incoming.cartId)) return [];
          if (mine.cart && incoming.cart && mine.cart.version >= incoming.cart.version) return [];
          return [putState(incoming)];
        },
        { type: 'changed' },
      );
    }
  }

  channel?.addEventListener('message', handleMessage);

  const unsubscribeLifecycle = lifecycle?.subscribe((event) => {
    if (event === 'pagehide' || event === 'hidden') flushOnExit(event === 'hidden');
    else if (event === 'offline') {
      browserOffline = true;
      setStatus({ offline: true });
    } else {
      if (event === 'online') browserOffline = false;
      kick(true);
      void refresh();
    }
  });

  const unsubscribeVolatile = records.onVolatile(() => {
    volatile = true;
    sender.release();
    // The records now live in memory, empty: keep what this tab knows.
    void records
      .write([
        { put: STATE, value: stored.state },
        ...(stored.batch ? [{ put: BATCH, value: stored.batch }] : []),
        ...stored.entries.map((e) => ({ put: OP + e.id, value: e })),
      ])
      .then(read, () => undefined);
  });

  const ready = read()
    .catch((error: unknown) => {
      log.error('[omnishelf] cart: could not read the stored cart', error);
      loaded = true;
      notify();
    })
    .then(() => {
      if (volatile && !stored.state.cartId) post({ type: 'hello' });
      kick();
      void refresh();
    });

  // ---- the store -----------------------------------------------------------------------------

  return {
    ready,
    get view() {
      return view;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    add(sku, { qty = 1, fulfillment = { type: 'ship' } as Fulfillment, hint } = {}) {
      mutate({ op: 'add', sku, qty: clampQty(qty, 1), fulfillment, ...(hint ? { hint } : {}) });
    },
    setQty(line, qty) {
      mutate({ op: 'setQty', line, qty: clampQty(qty, 0) });
    },
    remove(line) {
      const shown = view.lines.find((l) => l.key === lineKey(line.sku, line.fulfillment));
      const entry = mutate({ op: 'remove', line });
      return shown && { entry: entry.id, line: shown };
    },
    undo(token) {
      void (async () => {
        await writes;
        // Not sealed yet: the remove never leaves this browser. Else the line is added back.
        const cancelled = await transact((current) => {
          const open =
            current.entries.some((e) => e.id === token.entry) &&
            !current.batch?.entries.includes(token.entry);
          return { changes: open ? [{ delete: OP + token.entry }] : [], result: open };
        });
        if (cancelled) {
          await read();
          post({ type: 'changed' });
        } else mutate(restoreIntent(token.line));
      })();
    },
    setFulfillment(line, fulfillment) {
      mutate({ op: 'setFulfillment', line, fulfillment });
    },
    sync: () => kick(true),
    refresh: () => refresh(),
    createHandoff: () => exclusive(async () => backend.createCartHandoff(await ensureCart())),
    async claim(code) {
      try {
        const response = await exclusive(() => backend.claimCart(code));
        if (response.cart.id === stored.state.cartId)
          return addNotice({ kind: 'handoff', outcome: 'claimed' }, false);
        if (isEmpty()) {
          await exclusive(() => adopt(response));
          return addNotice({ kind: 'handoff', outcome: 'claimed' }, false);
        }
        choice = {
          reason: 'handoff',
          count: response.cart.lines.reduce((n, l) => n + l.qty, 0),
          incoming: response,
        };
        notify();
      } catch (error) {
        addNotice({ kind: 'handoff', outcome: handoffOutcome(error) }, false);
      }
    },
    choose,
    async attachCustomer({ cartId, strategy = 'ask' } = {}) {
      const asked = await exclusive<{ id?: string } | { incoming: CartResponse }>(async () => {
        if (!cartId) return { id: await ensureCart() };
        if (cartId === stored.state.cartId) return { id: cartId };
        const incoming = await backend.getCart(cartId);
        if (!incoming) return { id: stored.state.cartId };
        if (!stored.state.cartId || isEmpty()) {
          await adopt(incoming);
          return { id: cartId };
        }
        return { incoming };
      });
      if (!('incoming' in asked)) return asked.id;
      const { incoming } = asked;
      const count = incoming.cart.lines.reduce((n, l) => n + l.qty, 0);
      return new Promise<string | undefined>((resolve) => {
        choice = { reason: 'customer', count, incoming, resolve };
        if (strategy === 'ask') notify();
        else void choose(strategy);
      });
    },
    async detachCustomer() {
      await exclusive(async () => undefined).catch(() => undefined);
      await clear();
    },
    async completeCheckout(cartId) {
      if (cartId !== undefined && cartId !== stored.state.cartId) return false;
      await clear();
      return true;
    },
    dismiss(id) {
      notices = notices.filter((n) => n.id !== id);
      notify();
    },
    dispose() {
      disposed = true;
      timers.clearTimeout(backoffTimer);
      channel?.removeEventListener?.('message', handleMessage);
      unsubscribeLifecycle?.();
      unsubscribeVolatile();
      sender.release();
      listeners.clear();
    },
  };
}
