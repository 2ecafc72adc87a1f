/** Contract v1 schema of the shipping capability: the delivery-date rules. */
import * as v from 'valibot';
import type { UncheckedShippingRules } from '../types.js';
import type { Output } from './common.js';

/**
 * Body of the shipping rules: an object with `origins`, `methods` and `holidays` lists. The
 * entries are deliberately not checked here: a method with a bad range or an origin with an
 * unknown timezone must cost only itself, not the whole answer, so each entry is checked (and
 * left out with a reason when wrong) by `validateShippingRules` in core/shipping, which knows
 * more than a schema can (real timezones and dates, min <= max, duplicate ids). The output type
 * says so: `UncheckedShippingRules`, not `ShippingRules`.
 */
export const ShippingRulesSchema = v.object({
  origins: v.array(v.unknown()),
  methods: v.array(v.unknown()),
  holidays: v.array(v.unknown()),
}) satisfies Output<UncheckedShippingRules>;
