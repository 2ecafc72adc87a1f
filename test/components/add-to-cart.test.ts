import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/add-to-cart/add-to-cart.js';
import type { OmniAddToCart } from '../../src/components/add-to-cart/add-to-cart.js';
import {
  CartWorld,
  cartFixture,
  inDarkMode,
  inEachLanguage,
  shadowText,
} from '../helpers/cart-fixture.js';
import {
  POSTAL_00100,
  entry,
  fakeLocationService,
  fakeMyStoreService,
  fakeStockService,
  fresh,
  makeStore,
  stockResult,
} from '../helpers/fixture-with-services.js';
import type { StockStatus } from '../../src/core/api/types.js';

const TEE = 'TSHIRT-ORG-M';
const WESTLANDS = makeStore({ id: 'ke-nbo-westlands', name: 'Westlands' });

const $ = <E extends Element = HTMLElement>(el: OmniAddToCart, selector: string) =>
  el.shadowRoot!.querySelector<E>(selector);

describe('<omni-add-to-cart>', () => {
  let cw: CartWorld;

  beforeEach(() => {
    cw = new CartWorld();
  });

  afterEach(() => cw.dispose());

  async function setup(
    stock: { online?: StockStatus; store?: StockStatus } = {
      online: 'in_stock',
      store: 'in_stock',
    },
    template = html`<omni-add-to-cart
      sku=${TEE}
      qty="2"
      item-title="Tee"
      price="19.90"
    ></omni-add-to-cart>`,
  ) {
    await cw.settle();
    const el = await cartFixture<OmniAddToCart>(template, {
      cart: cw.store,
      stock: fakeStockService({
        [TEE]: fresh(stockResult(TEE, [entry(TEE, WESTLANDS, stock.store)], stock.online)),
      }),
      location: fakeLocationService({ location: POSTAL_00100 }),
      myStore: fakeMyStoreService(WESTLANDS),
    });
    await waitUntil(() => $(el, '[part~="button"]') !== null, 'no button');
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    return el;
  }

  describe('accessibility', () => {
    it('is accessible in English and Arabic, light and dark', async () => {
      const el = await setup();
      await inEachLanguage(async (locale) => {
        await el.updateComplete;
        expect($(el, '[part~="base"]')!.dir).to.equal(locale === 'ar' ? 'rtl' : 'ltr');
        await expect(el).to.be.accessible();
      });
      await inDarkMode(async () => {
        await el.updateComplete;
        await expect(el).to.be.accessible();
      });
    });

    it('works with the keyboard: choose pickup, then add', async () => {
      const el = await setup();
      const [ship] = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]');
      ship!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(
        el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1]!.checked,
      ).to.equal(true);
      $<HTMLButtonElement>(el, '[part~="button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(cw.store.view.lines[0]).to.deep.include({
        sku: TEE,
        qty: 2,
        fulfillment: { type: 'pickup', storeId: 'ke-nbo-westlands' },
      });
    });
  });

  describe('rendering', () => {
    it('adds at once with the page price, and says so', async () => {
      const el = await setup();
      $<HTMLButtonElement>(el, '[part~="button"]')!.click();
      await waitUntil(() => shadowText(el).includes('Added to your cart.'), 'no confirmation');
      expect(el.matches(':state(added)')).to.equal(true);
      const [line] = cw.store.view.lines;
      expect(line).to.deep.include({ title: 'Tee', qty: 2, fulfillment: { type: 'ship' } });
      expect(line!.unitPrice).to.deep.equal({ amount: '19.90', currency: 'EUR' });
      await cw.settle();
      expect(cw.store.view.lines[0]!.title).to.equal('Organic Cotton T-Shirt (M)');
    });

    it('is disabled with a reason when out of stock everywhere', async () => {
      const el = await setup({ online: 'out_of_stock', store: 'out_of_stock' });
      await waitUntil(() => el.matches(':state(unavailable)'), 'not unavailable');
      expect($(el, '[part~="reason"]')!.textContent).to.contain('Out of stock');
      expect($(el, '[part~="button"]')!.getAttribute('aria-disabled')).to.equal('true');
      $<HTMLButtonElement>(el, '[part~="button"]')!.click();
      await el.updateComplete;
      expect(cw.store.view.lines).to.have.length(0);
    });

    it('says when the chosen store does not have it, and delivery does', async () => {
      const el = await setup(
        { online: 'in_stock', store: 'out_of_stock' },
        html`<omni-add-to-cart sku=${TEE} fulfillment="pickup"></omni-add-to-cart>`,
      );
      await waitUntil(() => el.matches(':state(unavailable)'), 'not unavailable');
      expect(shadowText(el)).to.contain('Not available at Westlands');
      el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')[0]!.click();
      await el.updateComplete;
      expect(el.matches(':state(unavailable)')).to.equal(false);
    });

    it('says when it cannot be delivered', async () => {
      const el = await setup({ online: 'out_of_stock', store: 'in_stock' });
      await waitUntil(() => el.matches(':state(unavailable)'), 'not unavailable');
      expect(shadowText(el)).to.contain('Not available for delivery');
    });

    it('shows only the button in the compact variant, and nothing without a sku', async () => {
      const el = await setup(
        undefined,
        html`<omni-add-to-cart sku=${TEE} variant="compact"></omni-add-to-cart>`,
      );
      expect($(el, 'fieldset')).to.equal(null);
      el.sku = '';
      await el.updateComplete;
      expect($(el, '[part~="base"]')).to.equal(null);
    });

    it('on a tile (compact), says the reason in the button, at the button height', async () => {
      const available = await setup(
        undefined,
        html`<omni-add-to-cart sku=${TEE} variant="compact"></omni-add-to-cart>`,
      );
      const height = available.getBoundingClientRect().height;
      const el = await setup(
        { online: 'out_of_stock', store: 'in_stock' },
        html`<omni-add-to-cart
          sku=${TEE}
          variant="compact"
          style="inline-size: 9rem"
        ></omni-add-to-cart>`,
      );
      await waitUntil(() => el.matches(':state(unavailable)'), 'not unavailable');
      const button = $(el, '[part~="button"]')!;
      expect(button.textContent!.trim()).to.equal('Not available for delivery');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect($(el, '[part~="reason"]')!.textContent).to.equal('');
      // The tile does not grow when the answer arrives: the same height as the available button.
      expect(el.getBoundingClientRect().height).to.be.closeTo(height, 0.5);
    });

    it('takes no more height than its button while the reason and status lines are empty', async () => {
      const el = await setup(
        undefined,
        html`<omni-add-to-cart sku=${TEE} variant="compact"></omni-add-to-cart>`,
      );
      const button = $(el, '[part~="button"]')!.getBoundingClientRect().height;
      expect(el.getBoundingClientRect().height).to.be.closeTo(button, 0.5);
    });
  });

  describe('parts', () => {
    it('exposes base, choice, option, button, reason and status', async () => {
      const el = await setup();
      for (const part of ['base', 'choice', 'option', 'button', 'reason', 'status']) {
        expect($(el, `[part~="${part}"]`), part).not.to.equal(null);
      }
    });
  });
});
