/**
 * The pickup selector's messages that embed a count, one form per plural category (see
 * core/i18n/plural.ts). Counts are formatted in `locale`'s digits.
 */
import { msg, str } from '@lit/localize';
import { formatNumber } from '../../core/i18n/format.js';
import { plural } from '../../core/i18n/plural.js';
import { formatMinutes } from '../../core/pickup/format.js';

/** "2 stores near 00100 can have this ready for pickup." (`place` is already isolated). */
export function pickupStores(count: number, place: string, locale: string): string {
  const n = formatNumber(count, locale);
  return plural(count, {
    zero: () =>
      msg(str`${n} stores near ${place} can have this ready for pickup.`, {
        id: 'pickup.summary.stores.zero',
      }),
    one: () =>
      msg(str`${n} store near ${place} can have this ready for pickup.`, {
        id: 'pickup.summary.stores.one',
      }),
    two: () =>
      msg(str`${n} stores near ${place} can have this ready for pickup.`, {
        id: 'pickup.summary.stores.two',
      }),
    few: () =>
      msg(str`${n} stores near ${place} can have this ready for pickup.`, {
        id: 'pickup.summary.stores.few',
      }),
    many: () =>
      msg(str`${n} stores near ${place} can have this ready for pickup.`, {
        id: 'pickup.summary.stores.many',
      }),
    other: () =>
      msg(str`${n} stores near ${place} can have this ready for pickup.`, {
        id: 'pickup.summary.stores.other',
      }),
  });
}

/** "2 of 3 items available" at a store (the form follows the total). */
export function itemsAvailable(available: number, total: number, locale: string): string {
  const a = formatNumber(available, locale);
  const t = formatNumber(total, locale);
  return plural(total, {
    zero: () => msg(str`${a} of ${t} items available`, { id: 'pickup.store.items.zero' }),
    one: () => msg(str`${a} of ${t} item available`, { id: 'pickup.store.items.one' }),
    two: () => msg(str`${a} of ${t} items available`, { id: 'pickup.store.items.two' }),
    few: () => msg(str`${a} of ${t} items available`, { id: 'pickup.store.items.few' }),
    many: () => msg(str`${a} of ${t} items available`, { id: 'pickup.store.items.many' }),
    other: () => msg(str`${a} of ${t} items available`, { id: 'pickup.store.items.other' }),
  });
}

/** "2 left": places left at a pickup time. */
export function placesLeft(count: number, locale: string): string {
  const n = formatNumber(count, locale);
  return plural(count, {
    zero: () => msg(str`${n} left`, { id: 'pickup.slot.places.zero' }),
    one: () => msg(str`${n} left`, { id: 'pickup.slot.places.one' }),
    two: () => msg(str`${n} left`, { id: 'pickup.slot.places.two' }),
    few: () => msg(str`${n} left`, { id: 'pickup.slot.places.few' }),
    many: () => msg(str`${n} left`, { id: 'pickup.slot.places.many' }),
    other: () => msg(str`${n} left`, { id: 'pickup.slot.places.other' }),
  });
}

/**
 * "5 minutes left to complete your order, then this pickup time is released." The minutes come
 * with their unit from Intl ("5 minutes", "دقيقتان"); the form lets the rest of the sentence agree.
 */
export function minutesLeft(minutes: number, locale: string): string {
  const m = formatMinutes(minutes, locale);
  return plural(minutes, {
    zero: () =>
      msg(str`${m} left to complete your order, then this pickup time is released.`, {
        id: 'pickup.hold.minutes.zero',
      }),
    one: () =>
      msg(str`${m} left to complete your order, then this pickup time is released.`, {
        id: 'pickup.hold.minutes.one',
      }),
    two: () =>
      msg(str`${m} left to complete your order, then this pickup time is released.`, {
        id: 'pickup.hold.minutes.two',
      }),
    few: () =>
      msg(str`${m} left to complete your order, then this pickup time is released.`, {
        id: 'pickup.hold.minutes.few',
      }),
    many: () =>
      msg(str`${m} left to complete your order, then this pickup time is released.`, {
        id: 'pickup.hold.minutes.many',
      }),
    other: () =>
      msg(str`${m} left to complete your order, then this pickup time is released.`, {
        id: 'pickup.hold.minutes.other',
      }),
  });
}
