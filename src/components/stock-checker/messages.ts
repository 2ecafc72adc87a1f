/**
 * The full view's messages that embed a count, one form per plural category (see
 * core/i18n/plural.ts). Counts are formatted in `locale`'s digits. Those the pickup selector
 * says too are in store-messages.ts.
 */
import { msg, str } from '@lit/localize';
import { formatNumber } from '../../core/i18n/format.js';
import { plural } from '../../core/i18n/plural.js';

/** "3 stores near 00100 have this item." (`place` is already isolated). */
export function storesWithItem(count: number, place: string, locale: string): string {
  const n = formatNumber(count, locale);
  return plural(count, {
    zero: () =>
      msg(str`${n} stores near ${place} have this item.`, { id: 'stock.summary.stores.zero' }),
    one: () =>
      msg(str`${n} store near ${place} has this item.`, { id: 'stock.summary.stores.one' }),
    two: () =>
      msg(str`${n} stores near ${place} have this item.`, { id: 'stock.summary.stores.two' }),
    few: () =>
      msg(str`${n} stores near ${place} have this item.`, { id: 'stock.summary.stores.few' }),
    many: () =>
      msg(str`${n} stores near ${place} have this item.`, { id: 'stock.summary.stores.many' }),
    other: () =>
      msg(str`${n} stores near ${place} have this item.`, { id: 'stock.summary.stores.other' }),
  });
}

/** "12 in stock" (a store's exact quantity). */
export function inStockCount(count: number, locale: string): string {
  const n = formatNumber(count, locale);
  return plural(count, {
    zero: () => msg(str`${n} in stock`, { id: 'stock.quantity.inStock.zero' }),
    one: () => msg(str`${n} in stock`, { id: 'stock.quantity.inStock.one' }),
    two: () => msg(str`${n} in stock`, { id: 'stock.quantity.inStock.two' }),
    few: () => msg(str`${n} in stock`, { id: 'stock.quantity.inStock.few' }),
    many: () => msg(str`${n} in stock`, { id: 'stock.quantity.inStock.many' }),
    other: () => msg(str`${n} in stock`, { id: 'stock.quantity.inStock.other' }),
  });
}

/** "Only 2 left" (a store's quantity at or under the low-stock threshold). */
export function onlyLeft(count: number, locale: string): string {
  const n = formatNumber(count, locale);
  return plural(count, {
    zero: () => msg(str`Only ${n} left`, { id: 'stock.quantity.left.zero' }),
    one: () => msg(str`Only ${n} left`, { id: 'stock.quantity.left.one' }),
    two: () => msg(str`Only ${n} left`, { id: 'stock.quantity.left.two' }),
    few: () => msg(str`Only ${n} left`, { id: 'stock.quantity.left.few' }),
    many: () => msg(str`Only ${n} left`, { id: 'stock.quantity.left.many' }),
    other: () => msg(str`Only ${n} left`, { id: 'stock.quantity.left.other' }),
  });
}
