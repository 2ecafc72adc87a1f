/**
 * The full view's messages that embed a count, one form per plural category (see
 * core/i18n/plural.ts), and a store's opening hours. Counts are formatted in `locale`'s digits.
 * The pickup selector says some of them too.
 */
import { msg, str } from '@lit/localize';
import type { Store } from '../../core/api/types.js';
import { storeOpenState } from '../../core/geo/hours.js';
import { formatClockTime, formatNumber } from '../../core/i18n/format.js';
import { formatDayOffset } from '../../core/i18n/format-dates.js';
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

/** "Show 2 more stores" (the stores behind the button). */
export function showMoreStores(count: number, locale: string): string {
  const n = formatNumber(count, locale);
  return plural(count, {
    zero: () => msg(str`Show ${n} more stores`, { id: 'stock.store.more.zero' }),
    one: () => msg(str`Show ${n} more store`, { id: 'stock.store.more.one' }),
    two: () => msg(str`Show ${n} more stores`, { id: 'stock.store.more.two' }),
    few: () => msg(str`Show ${n} more stores`, { id: 'stock.store.more.few' }),
    many: () => msg(str`Show ${n} more stores`, { id: 'stock.store.more.many' }),
    other: () => msg(str`Show ${n} more stores`, { id: 'stock.store.more.other' }),
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

/**
 * "Open now · closes at 9:00 PM", "Closed · opens tomorrow at 7:30 AM" (store-local): whether
 * the store is open at `at`, and until or from when.
 */
export function openingHours(store: Store, at: Date, locale: string): string {
  const open = storeOpenState(store, at);
  if (open.unknown) return msg('Opening hours not listed', { id: 'stock.hours.unknown' });
  if (open.open) {
    if (!open.closesAt) return msg('Open 24 hours', { id: 'stock.hours.open24' });
    const time = formatClockTime(open.closesAt, locale);
    return msg(str`Open now · closes at ${time}`, { id: 'stock.hours.openUntil' });
  }
  if (!open.opensAt) return msg('Closed', { id: 'stock.hours.closed' });
  const time = formatClockTime(open.opensAt.time, locale);
  if (open.opensAt.dayOffset === 0) {
    return msg(str`Closed · opens at ${time}`, { id: 'stock.hours.opensToday' });
  }
  if (open.opensAt.dayOffset === 1) {
    return msg(str`Closed · opens tomorrow at ${time}`, { id: 'stock.hours.opensTomorrow' });
  }
  const day = formatDayOffset(open.opensAt.dayOffset, locale, {
    from: at,
    timeZone: store.timezone,
  });
  return msg(str`Closed · opens ${day} at ${time}`, { id: 'stock.hours.opensLater' });
}
