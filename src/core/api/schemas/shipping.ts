/** Contract v1 schema of the shipping capability: the delivery-date rules. */
import * as v from 'valibot';
import type { ShippingRules } from '../types.js';
import { clockTime, dayOfWeek, dayRange, id, isoDate, money, type Output } from './common.js';

/** Body of the shipping rules (the rules object itself). */
export const ShippingRulesSchema = v.object({
  origins: v.array(
    v.object({
      id,
      timezone: v.pipe(v.string(), v.minLength(1)),
      cutoffs: v.array(v.object({ day: dayOfWeek, time: clockTime })),
      handlingDays: dayRange,
      workdays: v.array(dayOfWeek),
      closures: v.array(isoDate),
    }),
  ),
  methods: v.array(
    v.object({
      id,
      label: v.string(),
      carrier: v.string(),
      price: money,
      freeOver: v.optional(money),
      transitDays: dayRange,
      deliveryDays: v.array(dayOfWeek),
      zones: v.optional(v.array(v.object({ postalPrefix: v.string(), transitDays: dayRange }))),
    }),
  ),
  holidays: v.array(isoDate),
}) satisfies Output<ShippingRules>;
