import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { html as litHtml } from 'lit';
import { property } from 'lit/decorators.js';
import { OmniElement } from '../../src/components/base/omni-element.js';
import { LocationControls, type LocationProblem } from '../../src/controllers/location-controls.js';
import { OmniError } from '../../src/core/api/errors.js';
import { GeolocationError } from '../../src/core/geo/geolocation.js';
import type { LocationService, ShopperLocation } from '../../src/core/geo/location.js';
import { controlStyles } from '../../src/styles/controls.js';
import {
  deferred,
  fakeLocationService,
  POSTAL_00100,
  type FakeLocationService,
} from '../helpers/fixture-with-services.js';

/** The smallest widget that renders the location controls, as the stock checker does. */
class TestLocationHost extends OmniElement {
  static override styles = controlStyles;

  @property({ attribute: false }) location?: LocationService;
  @property({ attribute: false }) countries: string[] = ['US'];
  @property({ attribute: false }) problem?: LocationProblem;
  /** The widget's check of a typed postal code (its backend), if any. */
  check?: (candidate: ShopperLocation, signal: AbortSignal) => Promise<void>;

  readonly controls = new LocationControls(this, {
    service: () => this.location,
    focusAfterUpdate: (selector, within) => this.focusAfterUpdate(selector, within),
    check: (candidate, signal) => this.check?.(candidate, signal) ?? Promise.resolve(),
    problem: () => this.problem,
    prompt: () => 'Find this item near you.',
  });

  protected override willUpdate(): void {
    this.controls.countries = this.countries;
  }

  override render() {
    return litHtml`${this.controls.render()}`;
  }
}
customElements.define('test-location-host', TestLocationHost);

const NAIROBI: ShopperLocation = { kind: 'coords', lat: -1.28, lng: 36.82 };

describe('LocationControls', () => {
  let service: FakeLocationService;

  async function host(
    options: {
      location?: ShopperLocation;
      countries?: string[];
      problem?: LocationProblem;
      check?: TestLocationHost['check'];
    } = {},
  ): Promise<TestLocationHost> {
    service = fakeLocationService({ location: options.location });
    const el = await fixture<TestLocationHost>(
      html`<test-location-host
        .location=${service}
        .countries=${options.countries ?? ['US']}
        .problem=${options.problem}
      ></test-location-host>`,
    );
    el.check = options.check;
    await waitUntil(() => el.controls.ready, 'the location never became ready');
    await el.updateComplete;
    return el;
  }

  const $ = <E extends Element = HTMLElement>(el: TestLocationHost, selector: string) =>
    el.shadowRoot!.querySelector<E>(selector);
  const postalInput = (el: TestLocationHost) => $<HTMLInputElement>(el, '#postal-code')!;
  const countrySelect = (el: TestLocationHost) => $<HTMLSelectElement>(el, '#postal-country');
  const changeButton = (el: TestLocationHost) =>
    $<HTMLButtonElement>(el, '[part~="change-button"]');
  const errorText = (el: TestLocationHost) => $(el, '[part~="error"]')?.textContent?.trim();
  const focused = (el: TestLocationHost) => el.shadowRoot!.activeElement;

  /** Types a postal code and submits the form, as a shopper would. */
  async function submitPostal(el: TestLocationHost, code: string): Promise<void> {
    const input = postalInput(el);
    input.focus();
    input.value = code;
    input.form!.requestSubmit();
    await el.updateComplete;
  }

  describe('accessibility', () => {
    it('is accessible with the form open and several countries', async () => {
      const el = await host({ countries: ['KE', 'UG', 'TZ'] });
      await expect(el).to.be.accessible();
    });

    it('is accessible showing the location, and with an error', async () => {
      const el = await host({ location: POSTAL_00100 });
      await expect(el).to.be.accessible();
      changeButton(el)!.click();
      await el.updateComplete;
      await submitPostal(el, '   ');
      expect(errorText(el)).to.equal('Enter a postal code.');
      await expect(el).to.be.accessible();
    });
  });

  describe('countries', () => {
    it('offers a labelled country choice whose value goes into the postal location', async () => {
      const el = await host({ countries: ['KE', 'UG', 'TZ'] });
      const select = countrySelect(el)!;
      expect(select.labels?.[0]?.textContent?.trim()).to.equal('Country');
      expect([...select.options].map((o) => o.value)).to.deep.equal(['KE', 'UG', 'TZ']);
      expect(select.options[0].textContent?.trim()).to.equal('Kenya');
      expect(select.value).to.equal('KE');

      select.value = 'UG';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await submitPostal(el, ' 256 ');
      await waitUntil(() => service.setLocationCalls.length === 1, 'location not saved');
      expect(service.setLocationCalls[0]).to.deep.equal({
        kind: 'postal',
        postalCode: '256',
        country: 'UG',
      });
    });

    it('offers no choice with one country, and uses it', async () => {
      const el = await host({ countries: ['NO'] });
      expect(countrySelect(el)).to.equal(null);
      expect(postalInput(el).labels?.[0]?.textContent?.trim()).to.equal('Postal code');
      await submitPostal(el, '0150');
      await waitUntil(() => service.setLocationCalls.length === 1, 'location not saved');
      expect(service.setLocationCalls[0]).to.deep.equal({
        kind: 'postal',
        postalCode: '0150',
        country: 'NO',
      });
    });
  });

  describe('rendering', () => {
    it('shows the prompt and the form while no location is known', async () => {
      const el = await host();
      expect(el.shadowRoot!.textContent).to.contain('Find this item near you.');
      expect(postalInput(el)).to.exist;
      expect($(el, '[part~="cancel-button"]')).to.equal(null);
    });

    it('shows where the shopper is, and opens the form on "Change location"', async () => {
      const el = await host({ location: POSTAL_00100 });
      expect($(el, '[part~="location"]')!.textContent).to.contain('Near \u206800100\u2069');
      expect(postalInput(el)).to.equal(null);
      changeButton(el)!.click();
      await el.updateComplete;
      expect(postalInput(el)).to.exist;
      expect(el.shadowRoot!.textContent).not.to.contain('Find this item near you.');
    });

    it('shows a problem the widget knows of (the `problem` option) in the form', async () => {
      const el = await host({ problem: 'unknown_postal_code' });
      expect(errorText(el)).to.equal("We couldn't find that postal code. Check it and try again.");
      expect(postalInput(el).getAttribute('aria-invalid')).to.equal('true');
      expect(postalInput(el).getAttribute('aria-describedby')).to.equal('location-error');
    });
  });

  describe('checking a postal code', () => {
    it('keeps the location and says so when the check rejects the code', async () => {
      const el = await host({
        location: POSTAL_00100,
        check: async () => {
          throw new OmniError('http', 'unknown', { status: 404, code: 'unknown_postal_code' });
        },
      });
      changeButton(el)!.click();
      await el.updateComplete;
      await submitPostal(el, '99999');
      await waitUntil(() => errorText(el) !== undefined, 'no message shown');
      expect(errorText(el)).to.equal("We couldn't find that postal code. Check it and try again.");
      expect($(el, '[part~="error"]')!.getAttribute('role')).to.equal('alert');
      expect(postalInput(el).getAttribute('aria-invalid')).to.equal('true');
      expect(service.setLocationCalls).to.deep.equal([]);
      expect(service.location).to.deep.equal(POSTAL_00100);
    });

    it('saves the code when the check fails for another reason (it says nothing about it)', async () => {
      const el = await host({
        check: async () => {
          throw new OmniError('network', 'offline');
        },
      });
      await submitPostal(el, '00200');
      await waitUntil(() => service.setLocationCalls.length === 1, 'location not saved');
      await el.updateComplete;
      expect(errorText(el)).to.equal(undefined);
    });

    it('passes the candidate and a signal that Cancel aborts; nothing is saved then', async () => {
      const answer = deferred<void>();
      const seen: { candidate: ShopperLocation; signal: AbortSignal }[] = [];
      const el = await host({
        location: POSTAL_00100,
        countries: ['KE'],
        check: (candidate, signal) => {
          seen.push({ candidate, signal });
          return answer.promise;
        },
      });
      changeButton(el)!.click();
      await el.updateComplete;
      await submitPostal(el, '00200');
      expect(seen[0].candidate).to.deep.equal({
        kind: 'postal',
        postalCode: '00200',
        country: 'KE',
      });
      $<HTMLButtonElement>(el, '[part~="cancel-button"]')!.click();
      expect(seen[0].signal.aborted).to.equal(true);
      answer.resolve();
      await answer.promise;
      await el.updateComplete;
      expect(service.setLocationCalls).to.deep.equal([]);
      expect(changeButton(el)).to.exist;
    });
  });

  describe('keyboard and focus', () => {
    it('closes the form with Escape when there is a location to go back to', async () => {
      const el = await host({ location: POSTAL_00100 });
      // A keyboard user: focus is on the button when it is pressed.
      changeButton(el)!.focus();
      changeButton(el)!.click();
      await el.updateComplete;
      await waitUntil(() => focused(el) === postalInput(el), 'the postal input was not focused', {
        timeout: 5000,
      });
      const outside: Event[] = [];
      const listen = (event: Event) => outside.push(event);
      document.addEventListener('keydown', listen);
      postalInput(el).dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
      );
      document.removeEventListener('keydown', listen);
      await el.updateComplete;
      expect(postalInput(el)).to.equal(null);
      expect(outside, 'Escape was handled here').to.have.length(0);
      await waitUntil(() => focused(el) === changeButton(el), 'focus did not come back', {
        timeout: 5000,
      });
    });

    it('leaves Escape to the page (e.g. a dialog around it) while no location is known', async () => {
      const el = await host();
      const outside: Event[] = [];
      const listen = (event: Event) => outside.push(event);
      document.addEventListener('keydown', listen);
      try {
        postalInput(el).dispatchEvent(
          new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
        );
        await el.updateComplete;
        expect(postalInput(el)).to.exist;
        expect(outside).to.have.length(1);
      } finally {
        document.removeEventListener('keydown', listen);
      }
    });

    it('moves focus to "Change location" once a typed location is saved', async () => {
      const el = await host();
      await submitPostal(el, '00100');
      await waitUntil(() => changeButton(el) !== null, 'the form did not close');
      await waitUntil(() => focused(el) === changeButton(el), 'focus was lost', {
        timeout: 5000,
      });
    });
  });

  describe('geolocation', () => {
    it('uses the browser position, or says why it cannot', async () => {
      const el = await host();
      service.locateImpl = () => Promise.reject(new GeolocationError('denied'));
      $<HTMLButtonElement>(el, '[part~="locate-button"]')!.click();
      await waitUntil(() => errorText(el) !== undefined, 'no message shown');
      expect(errorText(el)).to.contain('Location access is turned off');

      service.locateImpl = async () => {
        service.change({ location: NAIROBI });
        return NAIROBI;
      };
      $<HTMLButtonElement>(el, '[part~="locate-button"]')!.click();
      await waitUntil(() => changeButton(el) !== null, 'the position was not used');
      expect($(el, '[part~="location"]')!.textContent).to.contain('Near your location');
    });
  });
});
