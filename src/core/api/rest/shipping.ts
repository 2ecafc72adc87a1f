/** The shipping capability over contract v1: `GET /shipping/rules?country=`. */
import type { RequestOptions, ShippingCapability } from '../backend-client.js';
import { ShippingRulesSchema } from '../schemas/shipping.js';
import { type Http } from './http.js';

export function restShipping(http: Http): ShippingCapability {
  return {
    async getShippingRules(country: string, options: RequestOptions = {}) {
      const url = http.url('/shipping/rules', { country: country.toUpperCase() });
      return (await http.json(url, ShippingRulesSchema, options)).data;
    },
  };
}
