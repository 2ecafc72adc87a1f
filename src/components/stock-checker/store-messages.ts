/**
 * Lines about stores that the stock checker's full view and the pickup selector both say: "Show
 * 2 more stores" (one form per plural category, see core/i18n/plural.ts) and a store's opening
 * hours. A module of its own, so that only the widgets that say them load them.
 */
import { msg, str } from '@lit/localize';
import type { Store } from '../../core/api/types.js';
import { storeOpenState } from '../../core/geo/hours.js';
import { formatClockTime, formatNumber } from '../../core/i18n/format.js';
import { formatDayOffset } from '../../core/i18n/format-dates.js';
import { plural } from '../../core/i18n/plural.js';

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
