/**
 * The cart's model-based property (cart-model-check.ts): two devices, two tabs each, random
 * offline periods, reloads, lost answers and duplicate deliveries; afterwards every replica equals
 * its server cart, and the server cart is every operation applied exactly once, in order.
 * `npm run soak` runs the same property 10,000 times in Node.
 */
import { expect } from '@open-wc/testing';
import { checkCartModel } from './cart-model-check.js';

describe('cart store, model-based (fast-check)', () => {
  it('converges to the server cart with every operation applied exactly once (1,000 runs)', async function () {
    this.timeout(180_000);
    const { runs, ms } = await checkCartModel(1000);
    expect(runs).to.equal(1000);
    console.log(`cart property: ${runs} runs in ${ms} ms`);
  });
});
