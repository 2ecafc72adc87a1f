/**
 * The cart's model-based property (cart-model-check.ts): two devices, two tabs each, random
 * offline periods, reloads, lost answers and duplicate deliveries; afterwards every replica equals
 * its server cart, and the server cart is every operation applied exactly once, in order.
 * Here 250 runs in each browser engine; `npm test` also runs it 1,000 times in Node after the
 * browser suite (`node scripts/soak.mjs 1000`), and `npm run soak` 10,000 times.
 */
import { expect } from '@open-wc/testing';
import { checkCartModel } from './cart-model-check.js';

describe('cart store, model-based (fast-check)', () => {
  it('converges to the server cart with every operation applied exactly once (250 runs per engine)', async function () {
    this.timeout(180_000);
    const { runs, ms } = await checkCartModel(250);
    expect(runs).to.equal(250);
    console.log(`cart property: ${runs} runs in ${ms} ms`);
  });
});
