/** Contract v1 schemas of the cart capability: carts and handoff codes. */
import * as v from 'valibot';
import type { Cart, CartHandoff } from '../types.js';
import { count, currency, id, isoDateTime, money, type Output } from './common.js';

const fulfillment = v.variant('type', [
  v.object({ type: v.literal('ship') }),
  v.object({ type: v.literal('pickup'), storeId: id }),
]);

/** Body of every cart response (the cart itself). */
export const CartSchema = v.object({
  id,
  version: count,
  currency,
  lines: v.array(
    v.object({
      id,
      sku: id,
      title: v.string(),
      qty: v.pipe(count, v.minValue(1)),
      unitPrice: money,
      fulfillment,
    }),
  ),
  subtotal: money,
  updatedAt: isoDateTime,
}) satisfies Output<Cart>;

/**
 * Body of a cart handoff. `url` must be absolute http(s): components may put it in an `href`
 * or a QR code, so `javascript:` and relative URLs are rejected here.
 */
export const CartHandoffSchema = v.object({
  code: v.pipe(v.string(), v.minLength(1)),
  url: v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//i, 'expected an http(s) URL')),
  expiresAt: isoDateTime,
}) satisfies Output<CartHandoff>;
