/**
 * Deterministic demo stock: the same seed gives the same stock, per store and online. Named skus
 * guarantee the cases every widget must handle (see `STOCK_CASES`).
 */
import type { StockStatus } from '../../core/api/types.js';

/** Skus that always show one case, whatever the seed. */
export const STOCK_CASES = {
  /** In stock (quantity >= 10) at every store and online. */
  inStockEverywhere: 'TSHIRT-ORG-M',
  /** Low stock (1–3) at every store and online. */
  lowStock: 'SNEAKER-WHT-42',
  /** Out of stock at every store and online, with a restock date: the back-in-stock form shows. */
  outOfStockEverywhere: 'HEADPH-BLK',
  /** Backorder online and in stores (made to order), with an expected date. */
  backorder: 'SOFA-GRY',
  /** Preorder everywhere, with a release date. */
  preorder: 'CONSOLE-X',
  /** In stock only at the far store `farStoreId` (Mombasa, ~440 km from Nairobi). */
  onlyAtFarStore: 'JACKET-RAIN-L',
} as const;

export const FAR_STORE_ID = 'ke-mba-moi';

/** Key for online (warehouse) stock in the stock map. */
export const ONLINE = 'online';

export interface StockEntry {
  status: StockStatus;
  /** Always held here; the handlers omit it when counts are hidden. */
  quantity: number;
  restockAt?: string;
  updatedAt: string;
}

/** mulberry32: a tiny, fast, seeded PRNG returning floats in [0, 1). */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable 32-bit hash of a string (FNV-1a), to derive per-item seeds. */
export function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function stockKey(sku: string, storeId: string | null): string {
  return `${sku}|${storeId ?? ONLINE}`;
}

export function statusForQuantity(quantity: number): StockStatus {
  if (quantity <= 0) return 'out_of_stock';
  return quantity <= 3 ? 'low_stock' : 'in_stock';
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Builds the stock table for every sku at every store and online. Each (sku, location) pair draws
 * from its own PRNG seeded by `seed` and the pair, so adding a store does not reshuffle the rest.
 */
export function generateStock(options: {
  seed: number;
  now: Date;
  skus: readonly string[];
  storeIds: readonly string[];
}): Map<string, StockEntry> {
  const { seed, now, skus, storeIds } = options;
  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();
  const table = new Map<string, StockEntry>();
  const locations: (string | null)[] = [null, ...storeIds];

  for (const sku of skus) {
    // One restock date per sku, so every location agrees.
    const skuRandom = createRandom(seed ^ hashString(sku));
    const restockAt = at(Math.round((3 + skuRandom() * 25) * DAY));

    for (const storeId of locations) {
      const random = createRandom(seed ^ hashString(stockKey(sku, storeId)));
      const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
      const updatedAt = at(-int(1, 120) * MINUTE);
      let entry: StockEntry;

      switch (sku) {
        case STOCK_CASES.inStockEverywhere:
          entry = { status: 'in_stock', quantity: int(10, 40), updatedAt };
          break;
        case STOCK_CASES.lowStock: {
          const quantity = int(1, 3);
          entry = { status: 'low_stock', quantity, updatedAt };
          break;
        }
        case STOCK_CASES.outOfStockEverywhere:
          entry = { status: 'out_of_stock', quantity: 0, restockAt, updatedAt };
          break;
        case STOCK_CASES.backorder:
          entry = { status: 'backorder', quantity: 0, restockAt: at(42 * DAY), updatedAt };
          break;
        case STOCK_CASES.preorder:
          entry = { status: 'preorder', quantity: 0, restockAt: at(60 * DAY), updatedAt };
          break;
        case STOCK_CASES.onlyAtFarStore:
          entry =
            storeId === FAR_STORE_ID
              ? { status: 'in_stock', quantity: int(4, 6), updatedAt }
              : { status: 'out_of_stock', quantity: 0, restockAt, updatedAt };
          break;
        default: {
          const roll = random();
          // Online stock is deeper than a store's shelf.
          const quantity =
            roll < 0.6 ? int(4, storeId === null ? 250 : 30) : roll < 0.8 ? int(1, 3) : 0;
          entry = { status: statusForQuantity(quantity), quantity, updatedAt };
          if (quantity === 0 && random() < 0.7) entry.restockAt = restockAt;
        }
      }
      table.set(stockKey(sku, storeId), entry);
    }
  }
  return table;
}
