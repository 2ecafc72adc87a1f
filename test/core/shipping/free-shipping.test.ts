import { expect } from '@open-wc/testing';
import {
  freeShippingGap,
  type Money,
  type ShippingMethod,
} from '../../../src/core/shipping/index.js';

const eur = (amount: string): Money => ({ amount, currency: 'EUR' });

function method(id: string, freeOver?: Money): ShippingMethod {
  return {
    id,
    label: id,
    carrier: 'Posten',
    price: eur('4.90'),
    ...(freeOver ? { freeOver } : {}),
    transitDays: { min: 1, max: 2 },
    deliveryDays: [1, 2, 3, 4, 5],
  };
}

describe('freeShippingGap', () => {
  const methods = [method('standard', eur('50')), method('express', eur('150.00')), method('paid')];

  it('is the smallest positive amount missing, exactly', () => {
    // 50 - 37.6 = 12.4 (not 12.399999999999999); 150 - 37.6 = 112.4.
    expect(freeShippingGap(methods, eur('37.60'))).to.deep.equal(eur('12.4'));
    // 50 - 49.99 = 0.01.
    expect(freeShippingGap(methods, eur('49.99'))).to.deep.equal(eur('0.01'));
  });

  it('skips thresholds reached already', () => {
    // Standard is reached (50 - 50 = 0); express lacks 100.
    expect(freeShippingGap(methods, eur('50'))).to.deep.equal(eur('100'));
    expect(freeShippingGap(methods, eur('150'))).to.equal(undefined);
  });

  it('counts only thresholds in the subtotal currency', () => {
    const mixed = [method('usd', { amount: '10', currency: 'USD' }), method('eur', eur('80'))];
    expect(freeShippingGap(mixed, eur('30'))).to.deep.equal(eur('50'));
    expect(freeShippingGap(mixed, { amount: '30', currency: 'SEK' })).to.equal(undefined);
  });

  it('is undefined without thresholds or a subtotal, and skips bad thresholds', () => {
    expect(freeShippingGap([method('paid')], eur('10'))).to.equal(undefined);
    expect(freeShippingGap(methods, undefined)).to.equal(undefined);
    expect(freeShippingGap(methods, { amount: 'ten', currency: 'EUR' })).to.equal(undefined);
    const bad = { ...method('bad'), freeOver: { amount: 20, currency: 'EUR' } } as never;
    expect(freeShippingGap([bad, method('ok', eur('40'))], eur('10'))).to.deep.equal(eur('30'));
  });
});
