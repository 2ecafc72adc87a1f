import { expect, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { OmniCartButton } from '../../src/components/cart-button/cart-button.js';
import { SUPPORTED_LOCALES, setOmniLocale } from '../../src/core/i18n/localization.js';
import { CartWorld, cartFixture, inDarkMode, inEachLanguage } from '../helpers/cart-fixture.js';

const $ = <E extends Element = HTMLElement>(el: OmniCartButton, selector: string) =>
  el.shadowRoot!.querySelector<E>(selector);

describe('<omni-cart-button>', () => {
  let cw: CartWorld;

  beforeEach(() => {
    cw = new CartWorld();
  });

  afterEach(() => cw.dispose());

  async function setup() {
    await cw.settle();
    cw.store.add('TSHIRT-ORG-M', { qty: 2 });
    await cw.settle();
    const el = await cartFixture<OmniCartButton>(html`<omni-cart-button></omni-cart-button>`, {
      cart: cw.store,
    });
    await el.updateComplete;
    return el;
  }

  it('is accessible closed and open, in English and Arabic, light and dark', async () => {
    const el = await setup();
    await inEachLanguage(async () => {
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
    el.show();
    await el.updateComplete;
    await waitUntil(
      () => $(el, 'omni-cart')?.shadowRoot?.querySelector('[part~="list"]'),
      'no cart in the drawer',
      { timeout: 5000 },
    );
    await inEachLanguage(async () => {
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
    await inDarkMode(async () => {
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });

  it('opens a modal drawer from the keyboard, and Escape gives focus back', async () => {
    const el = await setup();
    const trigger = $<HTMLButtonElement>(el, '[part~="button"]')!;
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(el.matches(':state(open)')).to.equal(true);
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
    expect(dialog.contains(el.shadowRoot!.activeElement)).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !el.open, 'Escape did not close it');
    expect(dialog.open).to.equal(false);
    await waitUntil(() => el.shadowRoot!.activeElement === trigger, 'focus did not return');
  });

  it('closes from its close button', async () => {
    const el = await setup();
    el.show();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~="close-button"]')!.click();
    await el.updateComplete;
    expect($<HTMLDialogElement>(el, 'dialog')!.open).to.equal(false);
  });

  it('shows the live count in its accessible name', async () => {
    const el = await setup();
    expect($(el, '[part~="count"]')!.textContent!.trim()).to.equal('2');
    expect($(el, '[part~="button"]')!.textContent).to.contain('2 items in your cart');
    cw.store.add('MUG-STONE');
    await el.updateComplete;
    expect($(el, '[part~="count"]')!.textContent!.trim()).to.equal('3');
  });

  it('keeps one width in every language; show-label shows the label', async () => {
    const el = await setup();
    const label = $(el, '[part~="label"]')!;
    const widths: number[] = [];
    try {
      for (const locale of SUPPORTED_LOCALES) {
        await setOmniLocale(locale);
        await el.updateComplete;
        widths.push(el.getBoundingClientRect().width);
        // Hidden from sight, not from screen readers: it names the button.
        expect(label.getBoundingClientRect().width, locale).to.be.at.most(1);
        expect($(el, '[part~="button"]')!.textContent).to.contain(label.textContent!.trim());
      }
    } finally {
      await setOmniLocale('en');
    }
    expect(new Set(widths.map(Math.round)).size, widths.join(', ')).to.equal(1);
    el.showLabel = true;
    await el.updateComplete;
    expect(label.getBoundingClientRect().width).to.be.greaterThan(10);
    expect(el.getBoundingClientRect().width).to.be.greaterThan(widths[0]!);
  });

  it("fetches the drawer's code once the page is idle, before the drawer opens", async () => {
    const original = OmniCartButton.loadCart;
    let calls = 0;
    OmniCartButton.loadCart = () => {
      calls++;
      return original();
    };
    try {
      const el = await setup();
      await waitUntil(() => calls === 1, 'not fetched while idle', { timeout: 8000 });
      el.show();
      await waitUntil(() => $(el, 'omni-cart'), 'no cart in the drawer');
      expect(calls).to.equal(1);
    } finally {
      OmniCartButton.loadCart = original;
    }
  });

  it("says so when the cart's code cannot load (offline), asks again only on Try again or back online", async () => {
    const original = OmniCartButton.loadCart;
    let calls = 0;
    let reachable = false;
    OmniCartButton.loadCart = () => {
      calls++;
      return reachable
        ? original()
        : Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    };
    try {
      const el = await setup();
      el.show();
      await waitUntil(() => $(el, '[part~="error"]'), 'no message in the drawer');
      expect($(el, '[part~="error"] [role="alert"]')!.textContent).to.contain(
        "We couldn't load your cart",
      );
      // Renders do not ask again (they did, in a loop at full CPU).
      const asked = calls;
      for (let i = 0; i < 5; i++) {
        el.requestUpdate();
        await el.updateComplete;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(calls).to.equal(asked);
      $<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
      await waitUntil(() => calls === asked + 1, 'Try again did not ask again');
      await el.updateComplete;
      expect($(el, '[part~="error"]')).to.exist;
      await expect(el).to.be.accessible();
      reachable = true;
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => $(el, 'omni-cart'), 'no cart once back online');
      expect(calls).to.equal(asked + 2);
      expect($(el, '[part~="error"]')).to.equal(null);
    } finally {
      OmniCartButton.loadCart = original;
    }
  });

  it('opens by itself to ask when a handed-over cart arrives', async () => {
    const el = await setup();
    const other = cw.world.device('other').open(0).store;
    other.add('MUG-STONE');
    const handoff = other.createHandoff();
    await cw.settle();
    const claim = cw.store.claim((await handoff).code);
    await cw.settle();
    await claim;
    await el.updateComplete;
    expect(el.open).to.equal(true);
  });
});
