/**
 * The cart elements' messages that embed a count, one form per plural category (see
 * core/i18n/plural.ts), shared by `<omni-cart>`, `<omni-cart-button>` and `<omni-cart-count>`.
 * Counts are formatted in `locale`'s digits.
 */
import { msg, str } from '@lit/localize';
import { formatNumber } from '../../core/i18n/format.js';
import { plural } from '../../core/i18n/plural.js';

/** "3 items in your cart" (the count badges' accessible text). */
export function itemsInCart(count: number, locale: string): string {
  const n = formatNumber(count, locale);
  return plural(count, {
    zero: () => msg(str`${n} items in your cart`, { id: 'cart.items.zero' }),
    one: () => msg(str`${n} item in your cart`, { id: 'cart.items.one' }),
    two: () => msg(str`${n} items in your cart`, { id: 'cart.items.two' }),
    few: () => msg(str`${n} items in your cart`, { id: 'cart.items.few' }),
    many: () => msg(str`${n} items in your cart`, { id: 'cart.items.many' }),
    other: () => msg(str`${n} items in your cart`, { id: 'cart.items.other' }),
  });
}

/** The status line while offline, with the changes not yet saved. */
export function offlineStatus(pending: number, locale: string): string {
  const n = formatNumber(pending, locale);
  return plural(pending, {
    zero: () =>
      msg(str`You're offline. ${n} changes are waiting and will sync when you're back online.`, {
        id: 'cart.status.offline.zero',
      }),
    one: () =>
      msg(str`You're offline. ${n} change is waiting and will sync when you're back online.`, {
        id: 'cart.status.offline.one',
      }),
    two: () =>
      msg(str`You're offline. ${n} changes are waiting and will sync when you're back online.`, {
        id: 'cart.status.offline.two',
      }),
    few: () =>
      msg(str`You're offline. ${n} changes are waiting and will sync when you're back online.`, {
        id: 'cart.status.offline.few',
      }),
    many: () =>
      msg(str`You're offline. ${n} changes are waiting and will sync when you're back online.`, {
        id: 'cart.status.offline.many',
      }),
    other: () =>
      msg(str`You're offline. ${n} changes are waiting and will sync when you're back online.`, {
        id: 'cart.status.offline.other',
      }),
  });
}

/** The status line when the store cannot be reached, with the changes not yet saved. */
export function unreachableStatus(pending: number, locale: string): string {
  const n = formatNumber(pending, locale);
  return plural(pending, {
    zero: () =>
      msg(str`We couldn't reach the store. ${n} changes are waiting; we'll keep trying.`, {
        id: 'cart.status.error.zero',
      }),
    one: () =>
      msg(str`We couldn't reach the store. ${n} change is waiting; we'll keep trying.`, {
        id: 'cart.status.error.one',
      }),
    two: () =>
      msg(str`We couldn't reach the store. ${n} changes are waiting; we'll keep trying.`, {
        id: 'cart.status.error.two',
      }),
    few: () =>
      msg(str`We couldn't reach the store. ${n} changes are waiting; we'll keep trying.`, {
        id: 'cart.status.error.few',
      }),
    many: () =>
      msg(str`We couldn't reach the store. ${n} changes are waiting; we'll keep trying.`, {
        id: 'cart.status.error.many',
      }),
    other: () =>
      msg(str`We couldn't reach the store. ${n} changes are waiting; we'll keep trying.`, {
        id: 'cart.status.error.other',
      }),
  });
}

/** "That cart has 2 items." (the other cart, when the shopper must choose). */
export function otherCartItems(count: number, locale: string): string {
  const n = formatNumber(count, locale);
  return plural(count, {
    zero: () => msg(str`That cart has ${n} items.`, { id: 'cart.choice.otherItems.zero' }),
    one: () => msg(str`That cart has ${n} item.`, { id: 'cart.choice.otherItems.one' }),
    two: () => msg(str`That cart has ${n} items.`, { id: 'cart.choice.otherItems.two' }),
    few: () => msg(str`That cart has ${n} items.`, { id: 'cart.choice.otherItems.few' }),
    many: () => msg(str`That cart has ${n} items.`, { id: 'cart.choice.otherItems.many' }),
    other: () => msg(str`That cart has ${n} items.`, { id: 'cart.choice.otherItems.other' }),
  });
}

/** "This cart has 3 items." (this device's cart, when the shopper must choose). */
export function thisCartItems(count: number, locale: string): string {
  const n = formatNumber(count, locale);
  return plural(count, {
    zero: () => msg(str`This cart has ${n} items.`, { id: 'cart.choice.thisItems.zero' }),
    one: () => msg(str`This cart has ${n} item.`, { id: 'cart.choice.thisItems.one' }),
    two: () => msg(str`This cart has ${n} items.`, { id: 'cart.choice.thisItems.two' }),
    few: () => msg(str`This cart has ${n} items.`, { id: 'cart.choice.thisItems.few' }),
    many: () => msg(str`This cart has ${n} items.`, { id: 'cart.choice.thisItems.many' }),
    other: () => msg(str`This cart has ${n} items.`, { id: 'cart.choice.thisItems.other' }),
  });
}
