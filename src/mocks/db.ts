/**
 * The demo backend's mutable in-memory state and the domain rules that change it. Handlers parse
 * HTTP and call these; rule violations throw `DemoError` with the contract's status and code.
 */
import type {
  Availability,
  BackInStockRequest,
  Cart,
  CartHandoff,
  CartLine,
  CartOp,
  Fulfillment,
  MergeStrategy,
  Money,
  PickupReservation,
  PickupSlot,
  Store,
} from '../core/api/types.js';
import { multiplyMoney, sumMoney, withCurrencyDigits } from '../core/money/index.js';
import {
  addDays,
  formatClockTime24,
  formatInZone,
  parseClockTime,
  wallTimeToInstant,
  weekdayOf,
} from '../core/time/index.js';
import { ALL_SKUS, findVariant, type DemoProduct } from './data/products.js';
import { STORES } from './data/stores.js';
import {
  createRandom,
  generateStock,
  hashString,
  stockKey,
  type StockEntry,
} from './data/stock.js';

/** A rule violation with the HTTP status and error code the contract gives it. */
export class DemoError extends Error {
  override readonly name = 'DemoError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface DemoDbOptions {
  /** Clock, for tests; defaults to the real time. */
  now?: () => Date;
  /** Omit `quantity` from availability, as merchants who hide counts do. Default false. */
  hideQuantities?: boolean;
  /** More skus with generated stock, beyond the catalog's (benchmarks with hundreds of tiles). */
  extraSkus?: readonly string[];
  /**
   * Products beyond the catalog, priced and titled in carts like its own, with generated stock:
   * for tests with fixtures shoppers should not see (markup in a title, say).
   */
  extraProducts?: readonly DemoProduct[];
  /** How long a handoff code stays claimable. Default 10 minutes. */
  handoffTtlMs?: number;
  /** How long a pickup reservation holds its slot. Default 15 minutes. */
  reservationTtlMs?: number;
}

export interface StoredReservation extends PickupReservation {
  expiresAt: string;
  storeId: string;
  skus: string[];
  cartId?: string;
}

export interface StoredNotification extends BackInStockRequest {
  createdAt: string;
}

export interface StoredHandoff {
  cartId: string;
  expiresAt: string;
  claimed: boolean;
}

/** The first result for an `Idempotency-Key`, replayed on repeats. */
export interface StoredResult {
  fingerprint: string;
  status: number;
  body: unknown;
}

export interface DemoDb {
  readonly seed: number;
  readonly options: Required<Omit<DemoDbOptions, 'now' | 'extraSkus' | 'extraProducts'>>;
  now(): Date;
  stores: Store[];
  /** Keyed by `stockKey(sku, storeId)`. */
  stock: Map<string, StockEntry>;
  carts: Map<string, Cart>;
  reservations: Map<string, StoredReservation>;
  notifications: StoredNotification[];
  /** Keyed by `${cartId}|${key}`. */
  idempotency: Map<string, StoredResult>;
  /** Keyed by code. */
  handoffs: Map<string, StoredHandoff>;
  /**
   * Merges done, keyed by `${targetId}|${sourceId}|${strategy}`: a repeat (a client retrying a
   * merge whose answer it never got) returns the target as it is instead of merging again.
   */
  merges: Set<string>;
  /** Back to the seeded state: fresh stock, no carts, reservations, notifications or codes. */
  reset(): void;

  findStore(id: string): Store | undefined;
  /** Availability as the API returns it; undefined for an unknown sku or store. */
  availability(sku: string, storeId: string | null): Availability | undefined;
  /**
   * Subscribes to a back-in-stock email. One subscription per sku, email (any case) and store:
   * a repeat changes nothing, so the request is safe to send again.
   */
  addNotification(request: BackInStockRequest): void;

  createCart(): Cart;
  getCart(id: string): Cart;
  /** Applies all ops or none; bumps the version when something changed. */
  applyOps(cartId: string, ops: CartOp[]): Cart;
  /** `pageUrl`: the storefront page the code's URL opens, with `?omni-cart-code=CODE` added. */
  createHandoff(cartId: string, pageUrl: string): CartHandoff;
  claim(code: string): Cart;
  merge(targetId: string, sourceId: string, strategy: MergeStrategy): Cart;

  listSlots(storeId: string, skus: string[], from: string, days: number): PickupSlot[];
  reserve(input: {
    slotId: string;
    storeId: string;
    skus: string[];
    cartId?: string;
  }): PickupReservation;
  /** Releases a hold; 404 when unknown, 410 when it had already lapsed (it is forgotten too). */
  cancelReservation(id: string): void;
}

const MINUTE = 60_000;
const CART_CURRENCY = 'EUR';
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const MAX_LINE_QTY = 99;
export const MAX_SLOT_DAYS = 14;

// ---------------------------------------------------------------------------------------------
// Money
// ---------------------------------------------------------------------------------------------

/**
 * The sum of unit price times quantity over `lines`, exact (core/money), written with the
 * currency's minor digits ("14.50") as the demo has always sent it. A line priced in another
 * currency throws MoneyError: the demo catalog has one currency, so that is a bug in the seed.
 */
function subtotalOf(lines: readonly CartLine[], currency: string): Money {
  const lineTotals = lines.map((line) => multiplyMoney(line.unitPrice, line.qty));
  return withCurrencyDigits(sumMoney(lineTotals, currency));
}

function sameFulfillment(a: Fulfillment, b: Fulfillment): boolean {
  return (
    a.type === b.type && (a.type === 'ship' || (b.type === 'pickup' && a.storeId === b.storeId))
  );
}

// ---------------------------------------------------------------------------------------------
// The database
// ---------------------------------------------------------------------------------------------

export function createDemoDb(seed = 2026, options: DemoDbOptions = {}): DemoDb {
  const now = options.now ?? (() => new Date());
  const settings = {
    hideQuantities: options.hideQuantities ?? false,
    handoffTtlMs: options.handoffTtlMs ?? 10 * MINUTE,
    reservationTtlMs: options.reservationTtlMs ?? 15 * MINUTE,
  };
  // Ids and handoff codes: unique across restarts and resets (a client may still hold an old
  // cart id), unlike the stock, which the seed alone determines.
  const random = createRandom(seed ^ now().getTime());
  let counter = 0;

  const nextId = (prefix: string) => {
    counter += 1;
    const suffix = Math.floor(random() * 0xffffff)
      .toString(16)
      .padStart(6, '0');
    return `${prefix}_${counter.toString(36)}${suffix}`;
  };

  const newCode = () => {
    let code = '';
    for (let i = 0; i < 6; i++) code += CODE_ALPHABET[Math.floor(random() * CODE_ALPHABET.length)];
    return code;
  };

  const extraProducts = options.extraProducts ?? [];
  const findProduct = (sku: string) => findVariant(sku) ?? findVariant(sku, extraProducts);

  const freshStock = () =>
    generateStock({
      seed,
      now: now(),
      skus: [
        ...ALL_SKUS,
        ...extraProducts.flatMap((p) => p.variants.map((v) => v.sku)),
        ...(options.extraSkus ?? []),
      ],
      storeIds: STORES.map((s) => s.id),
    });

  const requireCart = (id: string): Cart => {
    const cart = db.carts.get(id);
    if (!cart) throw new DemoError(404, 'cart_not_found', `No cart with id "${id}".`);
    return cart;
  };

  const checkFulfillment = (fulfillment: Fulfillment) => {
    if (fulfillment.type === 'pickup') {
      const store = db.findStore(fulfillment.storeId);
      if (!store) throw new DemoError(422, 'unknown_store', `No store "${fulfillment.storeId}".`);
      if (!store.pickup.enabled) {
        throw new DemoError(422, 'pickup_unavailable', `${store.name} does not offer pickup.`);
      }
    }
  };

  const priced = (cart: Cart, lines: CartLine[]): Cart => ({
    ...cart,
    lines,
    subtotal: subtotalOf(lines, cart.currency),
  });

  const newLine = (sku: string, qty: number, fulfillment: Fulfillment): CartLine => {
    const found = findProduct(sku);
    if (!found) throw new DemoError(422, 'unknown_sku', `No product with sku "${sku}".`);
    checkFulfillment(fulfillment);
    const { product, variant } = found;
    const title =
      product.variants.length > 1 ? `${product.title} (${variant.label})` : product.title;
    return {
      id: nextId('line'),
      sku,
      title,
      qty,
      unitPrice: { ...product.price },
      fulfillment: structuredClone(fulfillment),
    };
  };

  const commit = (cart: Cart, lines: CartLine[]): Cart => {
    const next = priced(
      { ...cart, version: cart.version + 1, updatedAt: now().toISOString() },
      lines,
    );
    db.carts.set(next.id, next);
    return structuredClone(next);
  };

  /** Adds `qty` of a line to `lines`, merging with a line of the same sku and fulfillment. */
  const addTo = (lines: CartLine[], sku: string, qty: number, fulfillment: Fulfillment) => {
    const existing = lines.find(
      (l) => l.sku === sku && sameFulfillment(l.fulfillment, fulfillment),
    );
    if (existing) {
      existing.qty = Math.min(MAX_LINE_QTY, existing.qty + qty);
    } else {
      lines.push(newLine(sku, Math.min(MAX_LINE_QTY, qty), fulfillment));
    }
  };

  const slotCapacity = (slotId: string) => 1 + (hashString(`${seed}|${slotId}`) % 6);

  const activeReservations = (slotId: string) => {
    const t = now().getTime();
    let count = 0;
    for (const r of db.reservations.values()) {
      if (r.slotId === slotId && Date.parse(r.expiresAt) > t) count += 1;
    }
    return count;
  };

  const requireKnownSkus = (skus: string[]) => {
    for (const sku of skus) {
      if (!findProduct(sku))
        throw new DemoError(422, 'unknown_sku', `No product with sku "${sku}".`);
    }
  };

  const requirePickupStore = (storeId: string): Store => {
    const store = db.findStore(storeId);
    if (!store) throw new DemoError(404, 'store_not_found', `No store "${storeId}".`);
    if (!store.pickup.enabled) {
      throw new DemoError(422, 'pickup_unavailable', `${store.name} does not offer pickup.`);
    }
    return store;
  };

  const db: DemoDb = {
    seed,
    options: settings,
    now,
    stores: structuredClone(STORES) as Store[],
    stock: freshStock(),
    carts: new Map(),
    reservations: new Map(),
    notifications: [],
    idempotency: new Map(),
    handoffs: new Map(),
    merges: new Set(),

    reset() {
      db.stores = structuredClone(STORES) as Store[];
      db.stock = freshStock();
      db.carts.clear();
      db.reservations.clear();
      db.notifications.length = 0;
      db.idempotency.clear();
      db.handoffs.clear();
      db.merges.clear();
    },

    findStore(id) {
      return db.stores.find((s) => s.id === id);
    },

    availability(sku, storeId) {
      if (storeId !== null && !db.findStore(storeId)) return undefined;
      const entry = db.stock.get(stockKey(sku, storeId));
      if (!entry) return undefined;
      const out: Availability = { sku, storeId, status: entry.status, updatedAt: entry.updatedAt };
      const countable = entry.status !== 'backorder' && entry.status !== 'preorder';
      if (countable && !settings.hideQuantities) out.quantity = entry.quantity;
      if (entry.restockAt) out.restockAt = entry.restockAt;
      return out;
    },

    addNotification(request) {
      requireKnownSkus([request.sku]);
      if (request.storeId !== undefined && !db.findStore(request.storeId)) {
        throw new DemoError(422, 'unknown_store', `No store "${request.storeId}".`);
      }
      const email = request.email.toLowerCase();
      const exists = db.notifications.some(
        (n) =>
          n.sku === request.sku && n.email.toLowerCase() === email && n.storeId === request.storeId,
      );
      if (!exists) db.notifications.push({ ...request, createdAt: now().toISOString() });
    },

    createCart() {
      const cart: Cart = {
        // Unguessable: a cart id is all it takes to read and change a cart.
        id: `cart_${crypto.randomUUID()}`,
        version: 1,
        currency: CART_CURRENCY,
        lines: [],
        subtotal: { amount: '0.00', currency: CART_CURRENCY },
        updatedAt: now().toISOString(),
      };
      db.carts.set(cart.id, cart);
      return structuredClone(cart);
    },

    getCart(id) {
      return structuredClone(requireCart(id));
    },

    applyOps(cartId, ops) {
      const cart = requireCart(cartId);
      const lines = structuredClone(cart.lines);
      const lineIndex = (lineId: string) => {
        const index = lines.findIndex((l) => l.id === lineId);
        if (index < 0) throw new DemoError(422, 'unknown_line', `No line "${lineId}" in the cart.`);
        return index;
      };
      for (const op of ops) {
        switch (op.op) {
          case 'add':
            addTo(lines, op.sku, op.qty, op.fulfillment ?? { type: 'ship' });
            break;
          case 'setQty': {
            const index = lineIndex(op.lineId);
            if (op.qty === 0) lines.splice(index, 1);
            else lines[index]!.qty = op.qty;
            break;
          }
          case 'remove':
            lines.splice(lineIndex(op.lineId), 1);
            break;
          case 'setFulfillment': {
            const index = lineIndex(op.lineId);
            checkFulfillment(op.fulfillment);
            const [line] = lines.splice(index, 1) as [CartLine];
            const twin = lines.find(
              (l) => l.sku === line.sku && sameFulfillment(l.fulfillment, op.fulfillment),
            );
            if (twin) twin.qty = Math.min(MAX_LINE_QTY, twin.qty + line.qty);
            else lines.splice(index, 0, { ...line, fulfillment: structuredClone(op.fulfillment) });
            break;
          }
        }
      }
      if (ops.length === 0) return structuredClone(cart);
      return commit(cart, lines);
    },

    createHandoff(cartId, pageUrl) {
      requireCart(cartId);
      let code = newCode();
      while (db.handoffs.has(code)) code = newCode();
      const expiresAt = new Date(now().getTime() + settings.handoffTtlMs).toISOString();
      db.handoffs.set(code, { cartId, expiresAt, claimed: false });
      const url = new URL(pageUrl);
      url.hash = '';
      url.searchParams.set('omni-cart-code', code);
      return { code, url: url.href, expiresAt };
    },

    claim(code) {
      const handoff = db.handoffs.get(code.trim().toUpperCase());
      if (!handoff) throw new DemoError(404, 'code_not_found', 'No such handoff code.');
      if (handoff.claimed || Date.parse(handoff.expiresAt) <= now().getTime()) {
        throw new DemoError(
          410,
          'code_expired',
          'This handoff code has expired or was already used.',
        );
      }
      const cart = requireCart(handoff.cartId);
      handoff.claimed = true;
      return structuredClone(cart);
    },

    merge(targetId, sourceId, strategy) {
      if (targetId === sourceId) {
        throw new DemoError(400, 'invalid_request', 'A cart cannot be merged into itself.');
      }
      const target = requireCart(targetId);
      const source = requireCart(sourceId);
      const done = `${targetId}|${sourceId}|${strategy}`;
      if (strategy === 'keep' || db.merges.has(done)) return structuredClone(target);
      db.merges.add(done);
      const lines = strategy === 'replace' ? [] : structuredClone(target.lines);
      for (const line of source.lines) addTo(lines, line.sku, line.qty, line.fulfillment);
      return commit(target, lines);
    },

    listSlots(storeId, skus, from, days) {
      const store = requirePickupStore(storeId);
      requireKnownSkus(skus);
      // Only items on the shelf at this store can be picked up.
      const pickable = skus.every((sku) => {
        const entry = db.stock.get(stockKey(sku, storeId));
        return entry !== undefined && entry.quantity > 0;
      });
      if (!pickable) return [];
      const earliest = now().getTime() + store.pickup.leadTimeMinutes * MINUTE;
      const slots: PickupSlot[] = [];
      for (let i = 0; i < days; i++) {
        const date = addDays(from, i);
        if (store.closures.includes(date)) continue;
        for (const hours of store.hours.filter((h) => h.day === weekdayOf(date))) {
          const open = parseClockTime(hours.open);
          let close = parseClockTime(hours.close);
          if (open === undefined || close === undefined) continue;
          if (close <= open) close += 24 * 60; // closes after midnight
          for (let start = open; start + 60 <= close; start += 60) {
            const startDate = start >= 1440 ? addDays(date, 1) : date;
            const endMinutes = start + 60;
            const endDate = endMinutes >= 1440 ? addDays(date, 1) : date;
            const startTime = formatClockTime24(start);
            const startAt = wallTimeToInstant(startDate, startTime, store.timezone);
            const endAt = wallTimeToInstant(endDate, formatClockTime24(endMinutes), store.timezone);
            if (startAt === undefined || endAt === undefined || startAt < earliest) continue;
            // A start that a DST gap skips (02:00-03:00 on the spring-forward night) is no slot:
            // it would begin when the next one does, or end where it starts.
            if (formatInZone(startAt, store.timezone).slice(11, 16) !== startTime) continue;
            const id = `${store.id}_${startDate.replaceAll('-', '')}_${startTime.replace(':', '')}`;
            const capacity = slotCapacity(id);
            slots.push({
              id,
              start: formatInZone(startAt, store.timezone),
              end: formatInZone(endAt, store.timezone),
              capacity,
              remaining: Math.max(0, capacity - activeReservations(id)),
            });
          }
        }
      }
      return slots;
    },

    reserve({ slotId, storeId, skus, cartId }) {
      const store = requirePickupStore(storeId);
      requireKnownSkus(skus);
      if (cartId !== undefined) requireCart(cartId);
      const match = /^(.+)_(\d{4})(\d{2})(\d{2})_\d{4}$/.exec(slotId);
      if (!match || match[1] !== store.id) {
        throw new DemoError(422, 'unknown_slot', `No slot "${slotId}" at ${store.name}.`);
      }
      const date = `${match[2]}-${match[3]}-${match[4]}`;
      // The slot may belong to the previous day's overnight opening.
      const slot = db.listSlots(storeId, [], addDays(date, -1), 2).find((s) => s.id === slotId);
      if (!slot) {
        // A slot of that store that starts too soon now (or has passed) is gone, not unknown.
        const time = slotId.slice(-4);
        const startAt = wallTimeToInstant(
          date,
          `${time.slice(0, 2)}:${time.slice(2)}`,
          store.timezone,
        );
        const earliest = now().getTime() + store.pickup.leadTimeMinutes * MINUTE;
        if (startAt !== undefined && startAt < earliest) {
          throw new DemoError(410, 'slot_expired', 'This pickup slot can no longer be booked.');
        }
        throw new DemoError(422, 'unknown_slot', `No slot "${slotId}" at ${store.name}.`);
      }
      if (slot.remaining <= 0) throw new DemoError(409, 'slot_full', 'This pickup slot is full.');
      const reservation: StoredReservation = {
        id: nextId('res'),
        slotId,
        expiresAt: new Date(now().getTime() + settings.reservationTtlMs).toISOString(),
        storeId,
        skus: [...skus],
        ...(cartId !== undefined ? { cartId } : {}),
      };
      db.reservations.set(reservation.id, reservation);
      return { id: reservation.id, slotId, expiresAt: reservation.expiresAt };
    },

    cancelReservation(id) {
      const reservation = db.reservations.get(id);
      if (!reservation) {
        throw new DemoError(404, 'reservation_not_found', `No reservation "${id}".`);
      }
      db.reservations.delete(id);
      if (Date.parse(reservation.expiresAt) <= now().getTime()) {
        throw new DemoError(410, 'reservation_expired', 'This hold had already lapsed.');
      }
    },
  };
  return db;
}
