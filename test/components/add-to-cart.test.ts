import { expect, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
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
import type { StockStatus, Store } from '../../src/core/api/types.js';
import {
  deferred,
  type FakeMyStoreService,
  type LookupAnswer,
} from '../helpers/fixture-with-services.js';

const TEE = 'TSHIRT-ORG-M';
const WESTLANDS = makeStore({ id: 'ke-nbo-westlands', name: 'Westlands', distanceKm: 3.3 });
const CBD = makeStore({ id: 'ke-nbo-cbd', name: 'Nairobi CBD', distanceKm: 0.6 });
const KIOSK = makeStore({
  id: 'kiosk',
  name: 'Kiosk',
  distanceKm: 0.2,
  pickup: { enabled: false, leadTimeMinutes: 0 },
});

const $ = <E extends Element = HTMLElement>(el: OmniAddToCart, selector: string) =>
  el.shadowRoot!.querySelector<E>(selector);

describe('<omni-add-to-cart>', () => {
  let cw: CartWorld;

  beforeEach(() => {
    cw = new CartWorld();
  });

  afterEach(() => cw.dispose());

  let myStore: FakeMyStoreService;

  async function setup(
    stock: { online?: StockStatus; store?: StockStatus; cbd?: StockStatus; kiosk?: StockStatus } = {
      online: 'in_stock',
      store: 'in_stock',
    },
    template = html`<omni-add-to-cart
      sku=${TEE}
      qty="2"
      item-title="Tee"
      price="19.90"
    ></omni-add-to-cart>`,
    options: { myStore?: Store | null; lookup?: LookupAnswer } = {},
  ) {
    await cw.settle();
    myStore = fakeMyStoreService(options.myStore === null ? undefined : WESTLANDS);
    const stores = [entry(TEE, WESTLANDS, stock.store)];
    if (stock.kiosk) stores.unshift(entry(TEE, KIOSK, stock.kiosk, 9));
    if (stock.cbd) stores.push(entry(TEE, CBD, stock.cbd, 4));
    const el = await cartFixture<OmniAddToCart>(template, {
      cart: cw.store,
      stock: fakeStockService({
        [TEE]: options.lookup ?? fresh(stockResult(TEE, stores, stock.online)),
      }),
      location: fakeLocationService({ location: POSTAL_00100 }),
      myStore,
    });
    await waitUntil(() => $(el, '[part~="button"]') !== null, 'no button');
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    return el;
  }

  const radios = (el: OmniAddToCart) => [
    ...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]'),
  ];
  const optionText = (el: OmniAddToCart) =>
    [...el.shadowRoot!.querySelectorAll('[part~="option"]')].map((o) =>
      (o.textContent ?? '').replace(/[\u2066-\u2069]/g, '').trim(),
    );

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

    it('offers delivery when the store does not have it, and says so when pickup is chosen', async () => {
      const el = await setup(
        { online: 'in_stock', store: 'out_of_stock' },
        html`<omni-add-to-cart sku=${TEE} fulfillment="pickup"></omni-add-to-cart>`,
      );
      // `fulfillment="pickup"`, but the way that works comes first.
      expect(radios(el)[0]!.checked).to.equal(true);
      expect(el.matches(':state(unavailable)')).to.equal(false);
      radios(el)[1]!.click();
      await el.updateComplete;
      expect(el.matches(':state(unavailable)')).to.equal(true);
      expect(shadowText(el)).to.contain('Not available at Westlands');
      radios(el)[0]!.click();
      await el.updateComplete;
      expect(el.matches(':state(unavailable)')).to.equal(false);
    });

    it('says when it cannot be delivered, once the shopper chooses delivery', async () => {
      const el = await setup({ online: 'out_of_stock', store: 'in_stock' });
      radios(el)[0]!.click();
      await el.updateComplete;
      expect(el.matches(':state(unavailable)')).to.equal(true);
      expect(shadowText(el)).to.contain('Not available for delivery');
    });

    it('offers pickup at my store first when the item cannot be delivered, and adds it so', async () => {
      const el = await setup({ online: 'out_of_stock', store: 'in_stock' });
      expect(radios(el)[1]!.checked, 'pickup checked').to.equal(true);
      expect(el.matches(':state(unavailable)')).to.equal(false);
      expect($(el, '[part~="button"]')!.getAttribute('aria-disabled')).to.equal('false');
      $<HTMLButtonElement>(el, '[part~="button"]')!.click();
      await el.updateComplete;
      expect(cw.store.view.lines[0]).to.deep.include({
        sku: TEE,
        fulfillment: { type: 'pickup', storeId: 'ke-nbo-westlands' },
      });
    });

    it('offers pickup at the nearest store that has it when my store does not, named', async () => {
      const el = await setup({
        online: 'out_of_stock',
        store: 'out_of_stock',
        cbd: 'in_stock',
        kiosk: 'in_stock',
      });
      // The kiosk is closer and has it, but offers no pickup.
      expect(optionText(el)).to.deep.equal(['Delivery', 'Pick up at Nairobi CBD']);
      expect(radios(el)[1]!.checked).to.equal(true);
      expect(el.matches(':state(unavailable)')).to.equal(false);
      $<HTMLButtonElement>(el, '[part~="button"]')!.click();
      await el.updateComplete;
      expect(cw.store.view.lines[0]!.fulfillment).to.deep.equal({
        type: 'pickup',
        storeId: 'ke-nbo-cbd',
      });
    });

    it('offers pickup at the nearest store that has it to a shopper without a store', async () => {
      const el = await setup({ online: 'out_of_stock', cbd: 'in_stock' }, undefined, {
        myStore: null,
      });
      expect(optionText(el)).to.deep.equal(['Delivery', 'Pick up at Nairobi CBD']);
      expect(radios(el)[1]!.checked).to.equal(true);
      expect(el.matches(':state(unavailable)')).to.equal(false);
    });

    it('offers the way the shopper last chose (the pickup selector, another tab), and the way chosen here wins until then', async () => {
      const el = await setup();
      expect(radios(el)[0]!.checked, 'delivery by default').to.equal(true);
      // The shopper chose a pickup store in the pickup selector.
      myStore.changeFulfillment('pickup');
      await el.updateComplete;
      expect(radios(el)[1]!.checked, 'follows the pickup choice').to.equal(true);
      $<HTMLButtonElement>(el, '[part~="button"]')!.click();
      await el.updateComplete;
      expect(cw.store.view.lines[0]!.fulfillment).to.deep.equal({
        type: 'pickup',
        storeId: 'ke-nbo-westlands',
      });
      // Delivery chosen here: remembered for the shopper's other pages.
      radios(el)[0]!.click();
      await el.updateComplete;
      expect(myStore.fulfillmentCalls).to.deep.equal(['ship']);
      expect(radios(el)[0]!.checked).to.equal(true);
      // Pickup chosen again elsewhere: followed.
      myStore.changeFulfillment('pickup');
      await el.updateComplete;
      expect(radios(el)[1]!.checked).to.equal(true);
    });

    it('falls back to delivery when the shopper prefers pickup but no store near has it', async () => {
      const el = await setup({ online: 'in_stock', store: 'out_of_stock' });
      myStore.changeFulfillment('pickup');
      await el.updateComplete;
      expect(radios(el)[0]!.checked).to.equal(true);
      expect(el.matches(':state(unavailable)')).to.equal(false);
    });

    it('shows the choice from the start, pickup disabled until a store is known, without moving', async () => {
      const answer = deferred<ReturnType<typeof fresh>>();
      const el = await setup(undefined, undefined, {
        myStore: null,
        lookup: () => answer.promise,
      });
      const height = el.getBoundingClientRect().height;
      expect(optionText(el)).to.deep.equal(['Delivery', 'Pick up in store']);
      expect(radios(el)[1]!.disabled).to.equal(true);
      expect(radios(el)[0]!.checked).to.equal(true);
      await expect(el).to.be.accessible();
      answer.resolve(fresh(stockResult(TEE, [entry(TEE, CBD, 'in_stock', 4)], 'in_stock')));
      await waitUntil(() => !radios(el)[1]!.disabled, 'pickup not offered');
      expect(optionText(el)).to.deep.equal(['Delivery', 'Pick up at Nairobi CBD']);
      expect(el.getBoundingClientRect().height).to.equal(height);
      // A store name too long for the width ends in an ellipsis: one line still.
      el.style.inlineSize = '10rem';
      myStore.change(
        makeStore({ id: 'ke-nbo-cbd', name: 'Nairobi Central Business District Flagship' }),
      );
      await el.updateComplete;
      expect(el.getBoundingClientRect().height).to.equal(height);
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
      // On a shelf, but only at a store without pickup.
      const el = await setup(
        { online: 'out_of_stock', store: 'out_of_stock', kiosk: 'in_stock' },
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

    it('on a tile (compact), adds for pickup and says where when it cannot be delivered', async () => {
      const el = await setup(
        { online: 'out_of_stock', store: 'out_of_stock', cbd: 'in_stock' },
        html`<omni-add-to-cart
          sku=${TEE}
          variant="compact"
          style="inline-size: 9rem"
        ></omni-add-to-cart>`,
      );
      const button = $<HTMLButtonElement>(el, '[part~="button"]')!;
      await waitUntil(() => /pickup/.test(button.textContent!), 'no pickup');
      expect(button.textContent!.replace(/[\u2066-\u2069]/g, '').trim()).to.equal(
        'Add for pickup at Nairobi CBD',
      );
      expect(button.getAttribute('aria-disabled')).to.equal('false');
      expect(el.getBoundingClientRect().height).to.be.closeTo(
        button.getBoundingClientRect().height,
        0.5,
      );
      button.click();
      await el.updateComplete;
      expect(cw.store.view.lines[0]!.fulfillment).to.deep.equal({
        type: 'pickup',
        storeId: 'ke-nbo-cbd',
      });
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
