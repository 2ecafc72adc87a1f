/** Shipping: the delivery-date engine of issue 8, the check of its rules, and widget helpers. */
export {
  estimateDelivery,
  type DeliveryEstimate,
  type DeliveryInput,
  type DeliveryPromise,
  type NoDeliveryPromise,
} from './estimate.js';
export { validateShippingRules, type ShippingRulesCheck } from './rules.js';
export { orderWithin, type OrderWithin } from './order-within.js';
export { freeShippingGap } from './free-shipping.js';
export type {
  DayOfWeek,
  IsoDate,
  Money,
  ShippingMethod,
  ShippingOrigin,
  ShippingRules,
} from '../api/types.js';
