import { expect, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/cart/cart.js';
import type { OmniCart } from '../../src/components/cart/cart.js';
import { checkoutHref } from '../../src/components/cart/cart.js';
import { OmniError } from '../../src/core/api/errors.js';
import type { OmniCartChangeEvent } from '../../src/events/cart-change.js';
import type { OmniCartConflictEvent } from '../../src/events/cart-conflict.js';
import type { OmniCartSyncEvent } from '../../src/events/cart-sync.js';
import {
  CartWorld,
  cartFixture,
  inDarkMode,
  inEachLanguage,
  shadowText,
} from '../helpers/cart-fixture.js';
import {
  entry,
  fakeMyStoreService,
  fakeStockService,
  fresh,
  makeStore,
  stockResult,
} from '../helpers/fixture-with-services.js';
import { MARKUP_PRODUCT } from '../helpers/markup-product.js';

const TEE = 'TSHIRT-ORG-M';
const MUG = 'MUG-ENM-GRN';
const WESTLANDS = makeStore({ id: 'ke-nbo-westlands', name: 'Westlands' });
const CBD = makeStore({ id: 'ke-nbo-cbd', name: 'Nairobi CBD' });

const $ = <E extends Element = HTMLElement>(el: OmniCart, selector: string) =>
  el.shadowRoot!.querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: OmniCart, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<E>(selector),
];
const lineTitles = (el: OmniCart) => $$(el, '[part~="title"]').map((e) => e.textContent!.trim());

describe('<omni-cart>', () => {
  let cw: CartWorld;

  beforeEach(() => {
    cw = new CartWorld();
  });

  afterEach(() => cw.dispose());

  /** A cart with a tee (2) and a mug, synced; stock says Westlands has the tee, CBD the mug. */
  async function setup(options: { checkoutUrl?: string; sync?: boolean } = {}) {
    await cw.settle();
    cw.store.add(TEE, { qty: 2 });
    cw.store.add(MUG);
    if (options.sync !== false) await cw.settle();
    const stock = fakeStockService({
      [TEE]: fresh(
        stockResult(
          TEE,
          [entry(TEE, WESTLANDS, 'in_stock', 4), entry(TEE, CBD, 'out_of_stock', 0)],
          'in_stock',
        ),
      ),
      [MUG]: fresh(stockResult(MUG, [entry(MUG, CBD, 'low_stock', 1)], 'in_stock')),
    });
    const el = await cartFixture<OmniCart>(html`<omni-cart></omni-cart>`, {
      cart: cw.store,
      stock,
      myStore: fakeMyStoreService(WESTLANDS),
      config: options.checkoutUrl ? { checkoutUrl: options.checkoutUrl } : {},
    });
    await el.updateComplete;
    await waitUntil(() => !el.matches(':state(loading)'), 'cart never loaded');
    await el.updateComplete;
    return el;
  }

  describe('accessibility', () => {
    it('is accessible with lines, in English and Arabic', async () => {
      const el = await setup({ checkoutUrl: '/checkout' });
      await inEachLanguage(async (locale) => {
        await el.updateComplete;
        expect($(el, '[part~="base"]')!.dir).to.equal(locale === 'ar' ? 'rtl' : 'ltr');
        await expect(el).to.be.accessible();
      });
    });

    it('is accessible in the dark colour scheme, with colours that follow it', async () => {
      const el = await setup();
      const light = getComputedStyle($(el, '.title')!).color;
      await inDarkMode(async () => {
        await el.updateComplete;
        expect(getComputedStyle($(el, '.title')!).color).not.to.equal(light);
        await expect(el).to.be.accessible();
      });
    });

    it('is accessible while empty, offline and with notices', async () => {
      await cw.settle();
      cw.device.setOnline(false);
      cw.store.add(TEE);
      const el = await cartFixture<OmniCart>(html`<omni-cart></omni-cart>`, { cart: cw.store });
      await waitUntil(() => el.matches(':state(offline)'), 'never offline');
      await expect(el).to.be.accessible();
    });

    it('works with the keyboard: stepper, fulfilment, remove and undo', async () => {
      const el = await setup();
      const plus = $$<HTMLButtonElement>(el, '[aria-label="Increase quantity"]')[0]!;
      plus.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect($$<HTMLInputElement>(el, 'input.qty')[0]!.value).to.equal('3');
      const remove = $$<HTMLButtonElement>(el, '[part~="remove-button"]')[0]!;
      remove.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '[part~="undo"]') !== null, 'no undo');
      await waitUntil(
        () => el.shadowRoot!.activeElement === $(el, '[part~="undo-button"]'),
        'focus did not move to Undo',
      );
      await sendKeys({ press: 'Enter' });
      await cw.settle();
      await el.updateComplete;
      expect(lineTitles(el)).to.have.length(2);
      // Focus went to the line that came back, not to the page.
      await waitUntil(
        () =>
          el.shadowRoot!.activeElement ===
          $(el, `[data-key="${remove.closest('li')!.dataset['key']}"] [part~="remove-button"]`),
        'focus did not move to the restored line',
      );
    });

    it('puts an emptied or invalid quantity back; 0 removes the line', async () => {
      const el = await setup();
      const qty = () => $$<HTMLInputElement>(el, 'input.qty')[0]!;
      for (const typed of ['', '-3', '1.5']) {
        qty().focus();
        qty().value = typed;
        qty().dispatchEvent(new Event('change', { bubbles: true }));
        await cw.settle();
        await el.updateComplete;
        expect(lineTitles(el), JSON.stringify(typed)).to.have.length(2);
        expect(qty().value, JSON.stringify(typed)).to.equal('2');
      }
      qty().value = '5';
      qty().dispatchEvent(new Event('change', { bubbles: true }));
      await cw.settle();
      await el.updateComplete;
      expect(qty().value).to.equal('5');
      qty().value = '0';
      qty().dispatchEvent(new Event('change', { bubbles: true }));
      await waitUntil(() => lineTitles(el).length === 1, '0 did not remove the line');
    });
  });

  describe('rendering', () => {
    it('shows lines with title, unit price, total and the subtotal in the cart currency', async () => {
      const el = await setup();
      expect(lineTitles(el)).to.deep.equal([
        'Organic Cotton T-Shirt (M)',
        'Enamel Camp Mug (Green)',
      ]);
      expect(shadowText(el)).to.contain('€19.90 each');
      expect($$(el, '[part~="line-total"]')[0]!.textContent!.trim()).to.equal('€39.80');
      expect($(el, '[part~="subtotal"] output')!.textContent!.trim()).to.equal('€51.80');
    });

    it('offers delivery and pickup where each line is in stock', async () => {
      const el = await setup();
      const [tee, mug] = $$<HTMLSelectElement>(el, 'select');
      await waitUntil(() => tee!.options.length > 1, 'no pickup options');
      const labels = [...tee!.options].map((o) =>
        o.textContent!.replace(/[\u2068\u2069]/g, '').trim(),
      );
      expect(labels).to.deep.equal(['Delivery', 'Pick up at Westlands']);
      expect([...tee!.options].map((o) => o.value)).to.deep.equal([
        'ship',
        'pickup:ke-nbo-westlands',
      ]);
      expect([...mug!.options].map((o) => o.value)).to.deep.equal(['ship', 'pickup:ke-nbo-cbd']);
      tee!.value = 'pickup:ke-nbo-westlands';
      tee!.dispatchEvent(new Event('change'));
      await cw.settle();
      expect(cw.store.view.lines[0]!.fulfillment).to.deep.equal({
        type: 'pickup',
        storeId: 'ke-nbo-westlands',
      });
    });

    it('shows markup in a line title as text', async () => {
      cw.dispose();
      cw = new CartWorld({ extraProducts: [MARKUP_PRODUCT] });
      await cw.settle();
      cw.store.add(MARKUP_PRODUCT.variants[0]!.sku);
      await cw.settle();
      const el = await cartFixture<OmniCart>(html`<omni-cart></omni-cart>`, { cart: cw.store });
      await waitUntil(() => lineTitles(el).length === 1, 'no line');
      expect(lineTitles(el)).to.deep.equal([MARKUP_PRODUCT.title]);
      expect(el.shadowRoot!.querySelector('b, img')).to.equal(null);
    });

    it('says it is empty', async () => {
      await cw.settle();
      const el = await cartFixture<OmniCart>(html`<omni-cart></omni-cart>`, { cart: cw.store });
      await waitUntil(() => el.matches(':state(empty)'), 'not empty');
      expect($(el, '[part~="empty"]')!.textContent).to.contain('Your cart is empty.');
    });

    it('says when changes wait for the network, then syncs', async () => {
      const el = await setup();
      cw.device.setOnline(false);
      cw.store.add(TEE);
      await el.updateComplete;
      expect($(el, '[part~="status"]')!.textContent).to.contain(
        "You're offline. 1 change is waiting and will sync when you're back online.",
      );
      cw.device.setOnline(true);
      await cw.settle();
      await el.updateComplete;
      expect(el.matches(':state(offline)')).to.equal(false);
      expect($(el, '[part~="status"]')!.textContent!.trim()).to.equal('');
    });

    it('says when a price changed, from and to', async () => {
      const el = await setup();
      cw.world.server.reprice(TEE, '17.90');
      cw.tab.lifecycle.emit('resume');
      await cw.settle();
      await el.updateComplete;
      expect(el.matches(':state(price-changed)')).to.equal(true);
      expect(shadowText(el)).to.contain(
        'The price of Organic Cotton T-Shirt (M) changed from €19.90 to €17.90.',
      );
      $<HTMLButtonElement>(el, '[part~="dismiss-button"]')!.click();
      await el.updateComplete;
      expect(el.matches(':state(price-changed)')).to.equal(false);
    });

    it('says when a change was dropped because another device removed the line', async () => {
      const el = await setup();
      const cartId = cw.store.view.cartId!;
      const line = cw.world.server.db.getCart(cartId).lines[0]!;
      cw.world.server.applyCartOps(cartId, [{ op: 'remove', lineId: line.id }], {
        idempotencyKey: 'x',
      });
      cw.store.setQty(cw.store.view.lines[0]!.ref, 5);
      await cw.settle();
      await el.updateComplete;
      expect(el.matches(':state(conflict)')).to.equal(true);
      expect(shadowText(el)).to.contain('was removed on another device');
    });

    it('warns that changes will not survive a reload without durable storage', async () => {
      const el = await setup();
      const view = { ...cw.store.view, durable: false };
      Object.defineProperty(cw.store, 'view', { get: () => view, configurable: true });
      el.requestUpdate();
      await el.updateComplete;
      expect($(el, '[part~="warning"]')!.textContent).to.contain("changes won't survive a reload");
    });

    it('links to the checkout with the cart id, once changes are saved', async () => {
      const el = await setup({ checkoutUrl: '/checkout?step=1', sync: false });
      expect($(el, 'button[part~="checkout"]')?.hasAttribute('disabled')).to.equal(true);
      await cw.settle();
      await el.updateComplete;
      const link = $<HTMLAnchorElement>(el, 'a[part~="checkout"]')!;
      expect(link.getAttribute('href')).to.equal(`/checkout?step=1&cartId=${cw.store.view.cartId}`);
      expect(checkoutHref('https://shop.example/pay/{cartId}#top', 'a b')).to.equal(
        'https://shop.example/pay/a%20b#top',
      );
    });

    it('shows a handoff link and a QR code, loaded only then', async () => {
      const el = await setup();
      expect($(el, '[part~="qr"]')).to.equal(null);
      $<HTMLButtonElement>(el, '[part~="handoff-button"]')!.click();
      await cw.settle();
      await waitUntil(() => $(el, '[part~="qr"] svg path') !== null, 'no QR code', {
        timeout: 5000,
      });
      const link = $<HTMLAnchorElement>(el, '[part~="handoff-link"]')!;
      expect(link.href).to.contain('omni-cart-code=');
      expect($(el, '[part~="qr"] path')!.getAttribute('d')).to.match(/^M\d+ \d+h1v1h-1z/);
      await expect(el).to.be.accessible();
    });

    it('explains a handoff that could not be made', async () => {
      const el = await setup();
      cw.device.network.faults.push(new OmniError('http', 'down', { status: 503 }));
      $<HTMLButtonElement>(el, '[part~="handoff-button"]')!.click();
      await cw.settle();
      await waitUntil(() => $(el, '[part~="handoff"] [role="alert"]') !== null, 'no alert');
      expect(shadowText(el)).to.contain("We couldn't get a link right now.");
    });

    it('asks before combining with a cart from another device', async () => {
      const el = await setup();
      const other = cw.world.device('other').open(0).store;
      other.add(TEE);
      const handoff = other.createHandoff();
      await cw.settle();
      const claim = cw.store.claim((await handoff).code);
      await cw.settle();
      await claim;
      await el.updateComplete;
      expect($(el, '[part~="choice"]')).not.to.equal(null);
      expect(shadowText(el)).to.contain('That cart has 1 item. This cart has 3 items.');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[part~="combine-button"]')!.click();
      await cw.settle();
      await el.updateComplete;
      expect($(el, '[part~="choice"]')).to.equal(null);
      expect(cw.store.view.count).to.equal(4);
      expect(shadowText(el)).to.contain('both devices now share this cart');
    });
  });

  describe('events', () => {
    it('dispatches omni-cart-change, omni-cart-sync and omni-cart-conflict', async () => {
      const el = await setup();
      const change = oneEvent(el, 'omni-cart-change') as Promise<OmniCartChangeEvent>;
      const sync = oneEvent(el, 'omni-cart-sync') as Promise<OmniCartSyncEvent>;
      cw.store.add(MUG);
      const changed = await change;
      expect(changed.count).to.equal(4);
      expect(changed.bubbles && changed.composed).to.equal(true);
      expect((await sync).pending).to.equal(1);
      await cw.settle();
      const conflict = oneEvent(el, 'omni-cart-conflict') as Promise<OmniCartConflictEvent>;
      cw.world.server.reprice(MUG, '1.00');
      cw.tab.lifecycle.emit('resume');
      await cw.settle();
      expect((await conflict).kind).to.equal('price');
    });
  });

  describe('parts', () => {
    it('exposes its parts for theming', async () => {
      const el = await setup({ checkoutUrl: '/c' });
      for (const part of [
        'base',
        'heading',
        'status',
        'list',
        'item',
        'title',
        'price',
        'stepper',
        'input',
        'summary',
        'subtotal',
        'checkout',
      ]) {
        expect($(el, `[part~="${part}"]`), part).not.to.equal(null);
      }
    });
  });
});
