import { expect } from '@open-wc/testing';
import * as omnishelf from '../../../src/index.js';
import type { ShippingRules } from '../../../src/index.js';

describe('the delivery-date engine from the package entry (headless)', () => {
  it('exports estimateDelivery and validateShippingRules, defining no element', () => {
    const rules: ShippingRules = {
      origins: [
        {
          id: 'oslo',
          timezone: 'Europe/Oslo',
          cutoffs: [{ day: 1, time: '16:00' }],
          handlingDays: { min: 0, max: 0 },
          workdays: [1, 2, 3, 4, 5],
          closures: [],
        },
      ],
      methods: [
        {
          id: 'std',
          label: 'Standard',
          carrier: 'Posten',
          price: { amount: '7.90', currency: 'EUR' },
          transitDays: { min: 1, max: 2 },
          deliveryDays: [1, 2, 3, 4, 5],
        },
      ],
      holidays: [],
    };
    // Monday 23 Nov 2026, 10:00 in Oslo (UTC+1): before the 16:00 cutoff.
    const [promise] = omnishelf.estimateDelivery(rules, { now: new Date('2026-11-23T09:00:00Z') });
    expect(promise).to.deep.equal({
      methodId: 'std',
      earliest: '2026-11-24',
      latest: '2026-11-25',
      orderBy: new Date('2026-11-23T15:00:00Z'),
      price: { amount: '7.90', currency: 'EUR' },
    });
    expect(omnishelf.validateShippingRules(rules).problems).to.deep.equal([]);
    expect(customElements.get('omni-shipping-estimator')).to.equal(undefined);
  });
});
