import type { StockResult, StoreStock } from '../core/stock/types.js';

/**
 * A new stock answer for a sku arrived (first result, fresh value after a stale one). Bubbles and
 * crosses shadow roots. Never dispatched because a property was set.
 */
export class OmniStockChangeEvent extends Event {
  static readonly type = 'omni-stock-change' as const;
  constructor(
    /** The sku the answer is for. */
    readonly sku: string,
    /** True when any nearby store or the online store has the item (in or low stock). */
    readonly available: boolean,
    /** The closest store that has the item, if any. */
    readonly nearest: StoreStock | undefined,
    /** The whole answer. */
    readonly result: StockResult,
  ) {
    super(OmniStockChangeEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'omni-stock-change': OmniStockChangeEvent;
  }
}
