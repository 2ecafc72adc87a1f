import { expect, fixture, html } from '@open-wc/testing';
import { css } from 'lit';
import { OmniElement } from '../../../src/components/base/omni-element.js';
import { getOmniLocale, setOmniLocale } from '../../../src/core/i18n/localization.js';

/** Exposes the protected helpers of the base element. */
class TestOmniElement extends OmniElement {
  static override styles = css`
    :host {
      display: block;
      opacity: 1;
    }
    :host(:state(loading)) {
      opacity: 0.5;
    }
  `;

  states(flags: Record<string, boolean>): void {
    this.setStates(flags);
  }

  formatLocale(configured: string | undefined): string {
    return this.formatLocaleFor(configured);
  }

  get textDirection(): string {
    return this.direction;
  }
}
customElements.define('test-omni-element', TestOmniElement);

describe('OmniElement', () => {
  let el: TestOmniElement;
  const lang = document.documentElement.lang;

  beforeEach(async () => {
    el = await fixture<TestOmniElement>(html`<test-omni-element></test-omni-element>`);
  });
  afterEach(async () => {
    document.documentElement.lang = lang;
    if (getOmniLocale() !== 'en') await setOmniLocale('en');
  });

  describe('custom states', () => {
    it('turns :state() on and off, for selectors and styles', () => {
      el.states({ loading: true, error: false });
      expect(el.matches(':state(loading)')).to.equal(true);
      expect(el.matches(':state(error)')).to.equal(false);
      expect(el.hasState('loading')).to.equal(true);
      expect(getComputedStyle(el).opacity).to.equal('0.5');

      el.states({ loading: false, error: true });
      expect(el.matches(':state(loading)')).to.equal(false);
      expect(el.matches(':state(error)')).to.equal(true);
      expect(el.hasState('loading')).to.equal(false);
      expect(getComputedStyle(el).opacity).to.equal('1');
    });
  });

  describe('formatLocaleFor', () => {
    it('uses the configured tag when it is in the active language', () => {
      document.documentElement.lang = 'en-AU';
      expect(el.formatLocale('en-GB')).to.equal('en-GB');
    });

    it('follows <html lang> for "auto" or a configured tag of another language', () => {
      document.documentElement.lang = 'en-AU';
      expect(el.formatLocale('auto')).to.equal('en-AU');
      expect(el.formatLocale(undefined)).to.equal('en-AU');
      expect(el.formatLocale('de-DE')).to.equal('en-AU');
    });

    it("falls back to the browser's tag, then to the active language itself", () => {
      document.documentElement.lang = 'sw-KE';
      const browser = navigator.language;
      expect(el.formatLocale('auto')).to.equal(
        browser.toLowerCase().startsWith('en') ? browser : 'en',
      );
    });

    it('follows the active language and its direction', async () => {
      await setOmniLocale('ar');
      document.documentElement.lang = 'ar-EG';
      expect(el.formatLocale('auto')).to.equal('ar-EG');
      expect(el.formatLocale('ar-MA')).to.equal('ar-MA');
      expect(el.formatLocale('en-GB')).to.equal('ar-EG');
      document.documentElement.lang = 'fr';
      expect(el.formatLocale('auto')).to.equal(
        navigator.language.toLowerCase().startsWith('ar') ? navigator.language : 'ar',
      );
      expect(el.textDirection).to.equal('rtl');
      await setOmniLocale('en');
      expect(el.textDirection).to.equal('ltr');
    });
  });
});
