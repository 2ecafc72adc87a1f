import { expect, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../src/components/cart-count/cart-count.js';
import type { OmniCartCount } from '../../src/components/cart-count/cart-count.js';
import {
  CartWorld,
  cartFixture,
  inDarkMode,
  inEachLanguage,
  shadowText,
} from '../helpers/cart-fixture.js';

describe('<omni-cart-count>', () => {
  let cw: CartWorld;

  beforeEach(() => {
    cw = new CartWorld();
  });

  afterEach(() => cw.dispose());

  async function setup() {
    await cw.settle();
    const el = await cartFixture<OmniCartCount>(html`<omni-cart-count></omni-cart-count>`, {
      cart: cw.store,
    });
    await el.updateComplete;
    return el;
  }

  it('is accessible in English and Arabic, light and dark', async () => {
    const el = await setup();
    cw.store.add('TSHIRT-ORG-M', { qty: 3 });
    await el.updateComplete;
    await inEachLanguage(async () => {
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
    await inDarkMode(async () => {
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });

  it('follows the cart live, and says what the number is', async () => {
    const el = await setup();
    expect(el.matches(':state(empty)')).to.equal(true);
    cw.store.add('TSHIRT-ORG-M', { qty: 3 });
    await el.updateComplete;
    expect(shadowText(el)).to.contain('3 items in your cart');
    expect(el.matches(':state(pending)')).to.equal(true);
    await cw.settle();
    await el.updateComplete;
    expect(el.matches(':state(pending)')).to.equal(false);
  });

  it('does not move the page when the number grows (up to 99+)', async () => {
    const el = await setup();
    const width = () => el.getBoundingClientRect().width;
    const empty = width();
    cw.store.add('TSHIRT-ORG-M', { qty: 9 });
    await el.updateComplete;
    expect(width()).to.equal(empty);
    cw.store.add('HOODIE-GRY-M', { qty: 99 });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[aria-hidden]')!.textContent).to.equal('99+');
    expect(width()).to.equal(empty);
  });

  it('shows Arabic digits in Arabic', async () => {
    const el = await setup();
    cw.store.add('TSHIRT-ORG-M', { qty: 3 });
    await inEachLanguage(async (locale) => {
      await el.updateComplete;
      if (locale === 'ar') {
        // Three takes the plural of 3 to 10 ("few").
        await waitUntil(() => /في سلتك (3|٣) منتجات/.test(shadowText(el)), 'no Arabic');
      }
    });
  });
});
