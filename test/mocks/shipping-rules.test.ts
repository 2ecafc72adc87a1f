import { expect } from '@open-wc/testing';
import { SHIPPING_RULES, getShippingRules } from '../../src/mocks/data/shipping.js';
import { estimateDelivery, validateShippingRules } from '../../src/core/shipping/index.js';
import { ShippingRulesSchema, parseResponse } from '../../src/core/api/schemas.js';

describe('demo backend: shipping rules', () => {
  for (const [country, rules] of Object.entries(SHIPPING_RULES)) {
    it(`${country}: match the contract, pass the engine's check and promise every method`, () => {
      expect(parseResponse(ShippingRulesSchema, structuredClone(rules), 200)).to.deep.equal(rules);
      expect(validateShippingRules(rules).problems).to.deep.equal([]);
      // Every weekday of a fortnight, at noon UTC: a promise for each method, never `none`.
      for (let day = 0; day < 14; day++) {
        const now = new Date(Date.UTC(2026, 10, 23 + day, 12));
        const estimates = estimateDelivery(rules, { now });
        expect(estimates.map((e) => e.methodId)).to.deep.equal(rules.methods.map((m) => m.id));
        for (const estimate of estimates) expect(estimate).to.not.have.property('none');
      }
    });
  }

  it('gives a copy per call, any case, and nothing for a country not shipped to', () => {
    const a = getShippingRules('ke');
    expect(a).to.deep.equal(SHIPPING_RULES.KE);
    expect(a).to.not.equal(getShippingRules('KE'));
    expect(getShippingRules('DE')).to.equal(undefined);
  });
});
