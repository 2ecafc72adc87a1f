/**
 * The cart's pure logic: what the shopper asked for (intents), how they change lines (the
 * contract's own rules, so that the optimistic view and the server agree), how pending intents are
 * sealed into a batch of contract operations, and the checks of what storage hands back.
 *
 * Lines are found by id when known, else by sku and fulfilment: the contract merges lines of the
 * same sku and fulfilment, so that pair names a line before the server has given it an id (an
 * item added offline), and still names it after.
 */
import * as v from 'valibot';
import type { Cart, CartOp, Fulfillment, Money } from '../api/types.js';
import { CartSchema } from '../api/schemas/cart.js';
import { multiplyMoney, sumMoney } from '../money/money.js';

/** The contract's largest quantity of one line. */
export const MAX_QTY = 99;
/** The contract's largest batch. */
export const MAX_OPS = 50;

/** Names a line: its id once the server gave one, and always its sku and fulfilment. */
export interface LineRef {
  lineId?: string;
  sku: string;
  fulfillment: Fulfillment;
}

/** What the page knows about an item before the server prices it (never sent). */
export interface LineHint {
  title?: string;
  unitPrice?: Money;
}

/** One change the shopper made, kept in the outbox until the server has it. */
export type CartIntent =
  | { op: 'add'; sku: string; qty: number; fulfillment: Fulfillment; hint?: LineHint }
  | { op: 'setQty'; line: LineRef; qty: number }
  | { op: 'remove'; line: LineRef }
  | { op: 'setFulfillment'; line: LineRef; fulfillment: Fulfillment };

/** An outbox record. Ids sort in the order the changes were made. */
export interface OutboxEntry {
  id: string;
  intent: CartIntent;
}

/**
 * Pending entries turned into contract operations, with the `Idempotency-Key` they are sent
 * with until the server acknowledges them. Never changed once sealed: a retry sends the same key
 * and body, so the server applies it at most once.
 */
export interface SealedBatch {
  key: string;
  cartId: string;
  ops: CartOp[];
  /** The outbox entries it carries (deleted when it is acknowledged). */
  entries: string[];
  /** The ETag it was sealed against (`If-Match`). */
  ifMatch?: string;
}

/** A line as shoppers see it: the server's, with pending changes applied. */
export interface CartLineView {
  /** Stable across syncs: sku and fulfilment. */
  key: string;
  /** Pass to `setQty`, `remove`, `setFulfillment`. */
  ref: LineRef;
  sku: string;
  title: string;
  qty: number;
  /** Unknown for an item added offline without a price hint. */
  unitPrice?: Money;
  fulfillment: Fulfillment;
  /** True while a change of this line waits for the server. */
  pending: boolean;
}

interface SimLine extends CartLineView {
  id?: string;
}

export const sameFulfillment = (a: Fulfillment, b: Fulfillment): boolean =>
  a.type === b.type && (a.type === 'ship' || a.storeId === (b as { storeId: string }).storeId);

export const lineKey = (sku: string, f: Fulfillment): string =>
  `${sku}|${f.type === 'ship' ? 'ship' : `pickup:${f.storeId}`}`;

/** A whole number from `min` to 99; anything else becomes `min`. */
export function clampQty(qty: number, min: number): number {
  return Number.isFinite(qty) ? Math.min(MAX_QTY, Math.max(min, Math.floor(qty))) : min;
}

function findLine<L extends SimLine>(lines: L[], ref: LineRef): number {
  const byId = ref.lineId === undefined ? -1 : lines.findIndex((l) => l.id === ref.lineId);
  return byId >= 0
    ? byId
    : lines.findIndex((l) => l.sku === ref.sku && sameFulfillment(l.fulfillment, ref.fulfillment));
}

function fromServer(cart: Cart | undefined): SimLine[] {
  return (cart?.lines ?? []).map((line) => ({
    id: line.id,
    key: lineKey(line.sku, line.fulfillment),
    ref: { lineId: line.id, sku: line.sku, fulfillment: line.fulfillment },
    sku: line.sku,
    title: line.title,
    qty: line.qty,
    unitPrice: line.unitPrice,
    fulfillment: line.fulfillment,
    pending: false,
  }));
}

/**
 * Applies `intent` to `lines` the way the contract says the server does: `add` merges into the
 * line of the same sku and fulfilment; quantities stop at 99; `setQty` 0 removes; a line moved to
 * a fulfilment another line of its sku has joins that line. A change of a line that is not there
 * changes nothing (returns false).
 */
function apply(lines: SimLine[], intent: CartIntent, pending: boolean): boolean {
  if (intent.op === 'add') {
    const at = findLine(lines, { sku: intent.sku, fulfillment: intent.fulfillment });
    const line = lines[at];
    if (line) {
      line.qty = Math.min(MAX_QTY, line.qty + intent.qty);
      line.pending ||= pending;
    } else {
      lines.push({
        key: lineKey(intent.sku, intent.fulfillment),
        ref: { sku: intent.sku, fulfillment: intent.fulfillment },
        sku: intent.sku,
        title: intent.hint?.title || intent.sku,
        qty: Math.min(MAX_QTY, intent.qty),
        ...(intent.hint?.unitPrice ? { unitPrice: intent.hint.unitPrice } : {}),
        fulfillment: intent.fulfillment,
        pending,
      });
    }
    return true;
  }
  const at = findLine(lines, intent.line);
  const line = lines[at];
  if (!line) return false;
  line.pending ||= pending;
  if (intent.op === 'setQty' && intent.qty > 0) line.qty = intent.qty;
  else if (intent.op !== 'setFulfillment') lines.splice(at, 1);
  else {
    const f = intent.fulfillment;
    lines.splice(at, 1);
    const twin = lines.find((l) => l.sku === line.sku && sameFulfillment(l.fulfillment, f));
    if (twin) {
      twin.qty = Math.min(MAX_QTY, twin.qty + line.qty);
      twin.pending ||= pending;
    } else {
      const key = lineKey(line.sku, f);
      lines.splice(at, 0, { ...line, key, ref: { ...line.ref, fulfillment: f }, fulfillment: f });
    }
  }
  return true;
}

/** The lines shoppers see: the server's cart with the pending intents applied in order. */
export function project(cart: Cart | undefined, pending: readonly CartIntent[]): CartLineView[] {
  const lines = fromServer(cart);
  for (const intent of pending) apply(lines, intent, true);
  return lines.map(({ id: _id, ...line }) => line);
}

/** The subtotal of `lines`, or undefined while a price is unknown or currencies differ. */
export function subtotalOf(lines: readonly CartLineView[], currency: string): Money | undefined {
  if (lines.some((l) => !l.unitPrice || l.unitPrice.currency !== currency)) return undefined;
  return sumMoney(
    lines.map((l) => multiplyMoney(l.unitPrice!, l.qty)),
    currency,
  );
}

/** What `seal` decided. */
export interface Sealed {
  ops: CartOp[];
  /** Entries the ops carry, in order. */
  entries: string[];
  /** Entries whose line no longer exists (another device removed it): nothing to send. */
  dropped: OutboxEntry[];
}

/**
 * Turns the first pending entries into contract operations against the server's `cart`. Stops
 * before `max` operations, and before a change of a line that an earlier add of this same batch
 * creates (it has no id until the server answers: it goes in the next batch).
 */
export function seal(entries: readonly OutboxEntry[], cart: Cart | undefined, max: number): Sealed {
  const lines = fromServer(cart);
  const out: Sealed = { ops: [], entries: [], dropped: [] };
  for (const entry of entries) {
    if (out.ops.length >= max) break;
    const intent = entry.intent;
    let op: CartOp;
    if (intent.op === 'add') {
      const { sku, qty, fulfillment } = intent;
      op = { op: 'add', sku, qty, fulfillment };
    } else {
      const line = lines[findLine(lines, intent.line)];
      if (!line) {
        out.dropped.push(entry);
        continue;
      }
      const lineId = line.id;
      if (lineId === undefined) break;
      op =
        intent.op === 'remove'
          ? { op: 'remove', lineId }
          : intent.op === 'setQty'
            ? { op: 'setQty', lineId, qty: intent.qty }
            : { op: 'setFulfillment', lineId, fulfillment: intent.fulfillment };
    }
    apply(lines, intent, false);
    out.ops.push(op);
    out.entries.push(entry.id);
  }
  return out;
}

/** The intent that puts `line` back as it was (undo of a remove). */
export function restoreIntent(line: CartLineView): CartIntent {
  return {
    op: 'add',
    sku: line.sku,
    qty: line.qty,
    fulfillment: line.fulfillment,
    hint: { title: line.title, ...(line.unitPrice ? { unitPrice: line.unitPrice } : {}) },
  };
}

// ---- checks of what storage and other tabs hand back ------------------------------------------

const text = v.pipe(v.string(), v.minLength(1), v.maxLength(256));
const qty = (min: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(MAX_QTY));
const FulfillmentSchema = v.variant('type', [
  v.object({ type: v.literal('ship') }),
  v.object({ type: v.literal('pickup'), storeId: text }),
]);
const MoneySchema = v.object({
  amount: v.pipe(v.string(), v.regex(/^\d+(?:\.\d+)?$/)),
  currency: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/)),
});
const RefSchema = v.object({
  lineId: v.optional(text),
  sku: text,
  fulfillment: FulfillmentSchema,
});
const OpSchema = v.variant('op', [
  v.object({
    op: v.literal('add'),
    sku: text,
    qty: qty(1),
    fulfillment: v.optional(FulfillmentSchema),
  }),
  v.object({ op: v.literal('setQty'), lineId: text, qty: qty(0) }),
  v.object({ op: v.literal('remove'), lineId: text }),
  v.object({ op: v.literal('setFulfillment'), lineId: text, fulfillment: FulfillmentSchema }),
]);
const IntentSchema = v.variant('op', [
  v.object({
    op: v.literal('add'),
    sku: text,
    qty: qty(1),
    fulfillment: FulfillmentSchema,
    hint: v.optional(
      v.object({
        title: v.optional(v.pipe(v.string(), v.maxLength(500))),
        unitPrice: v.optional(MoneySchema),
      }),
    ),
  }),
  v.object({ op: v.literal('setQty'), line: RefSchema, qty: qty(0) }),
  v.object({ op: v.literal('remove'), line: RefSchema }),
  v.object({ op: v.literal('setFulfillment'), line: RefSchema, fulfillment: FulfillmentSchema }),
]);

export const isIntent = (value: unknown): value is CartIntent => v.is(IntentSchema, value);

export const isEntry = (value: unknown): value is OutboxEntry =>
  v.is(v.object({ id: text, intent: IntentSchema }), value);

export const isBatch = (value: unknown): value is SealedBatch =>
  v.is(
    v.object({
      key: text,
      cartId: text,
      ops: v.pipe(v.array(OpSchema), v.minLength(1), v.maxLength(MAX_OPS)),
      entries: v.array(text),
      ifMatch: v.optional(v.string()),
    }),
    value,
  );

export const isCart = (value: unknown): value is Cart => v.is(CartSchema, value);
