/** How far a cart is from free shipping. */
import type { Money, ShippingMethod } from '../api/types.js';
import { compareMoney, isMoney, subtractMoney } from '../money/index.js';

/**
 * The smallest positive amount `subtotal` lacks to reach some method's `freeOver` in the same
 * currency ("EUR 12.40 away from free delivery"), exact and normalised ("12.4"). Undefined when
 * no such method is out of reach: none has a `freeOver` in that currency, or every one is
 * reached already, or `subtotal` is not money. Methods whose `freeOver` is not money are skipped.
 * A method reached already does not count (its gap is not positive), even when another is not.
 */
export function freeShippingGap(
  methods: readonly ShippingMethod[],
  subtotal: Money | undefined,
): Money | undefined {
  if (!isMoney(subtotal) || !Array.isArray(methods)) return undefined;
  let smallest: Money | undefined;
  for (const method of methods) {
    const freeOver: unknown = method?.freeOver;
    if (!isMoney(freeOver) || freeOver.currency !== subtotal.currency) continue;
    let gap: Money;
    try {
      gap = subtractMoney(freeOver, subtotal);
    } catch {
      continue;
    }
    if (gap.amount.startsWith('-') || gap.amount === '0') continue;
    if (!smallest || compareMoney(gap, smallest) < 0) smallest = gap;
  }
  return smallest;
}
