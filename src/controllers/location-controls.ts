import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { msg, str } from '@lit/localize';
import { isRejectedPostalCode } from '../core/api/errors.js';
import { getOmniLocale } from '../core/i18n/localization.js';
import { GeolocationError, type GeolocationErrorKind } from '../core/geo/geolocation.js';
import type { LocationService, ShopperLocation } from '../core/geo/location.js';
import { isolate } from '../components/base/bidi.js';
import { ServiceController } from './service-controller.js';

/** What went wrong with the last location the shopper gave. */
export type LocationProblem = 'empty' | 'unknown_postal_code' | 'failed' | GeolocationErrorKind;

export interface LocationControlsOptions {
  /** The injected location service, read before every update of the host. */
  service(): LocationService | undefined;
  /** The host's own subscription to the location service, when it has one (else one is made). */
  controller?: ServiceController<LocationService>;
  /** Focuses `selector` in the host after its next render, if the shopper acted there. */
  focusAfterUpdate(selector: string, within?: boolean): Promise<void>;
  /**
   * Checks a typed postal code before it is remembered (the widget asks its backend); rejects
   * with an `OmniError` whose code is `unknown_postal_code` when the code is refused, and is
   * aborted through `signal` when the shopper cancels or chooses another location. Other
   * failures say nothing about the code: it is saved and the widget offers a retry.
   */
  check?: (candidate: ShopperLocation, signal: AbortSignal) => Promise<void>;
  /** The sentence above the form while no location is known (e.g. "Find this item near you."). */
  prompt?: () => string;
  /** A problem the host knows of (e.g. its lookup found the location unknown), shown in the form. */
  problem?: () => LocationProblem | undefined;
  /** Where focus goes once a location is set or the form closed (a selector in the host). */
  doneSelector?: string;
  /** Offer "Use my location" (default true); off where only a postal code will do. */
  geolocation?: boolean;
  /** The postal form's submit button (default "Find stores"). */
  submitLabel?: () => string;
  /** The line for a known location (default "Near 00100" / "Near your location"). */
  placeLabel?: (place: ShopperLocation) => string;
  /**
   * A location the host was given (e.g. a `postal-code` attribute): shown and used while the
   * shopper has not chosen one, instead of the merchant's default.
   */
  preset?: () => ShopperLocation | undefined;
}

/** The element these controls render into. */
type Host = ReactiveControllerHost & HTMLElement;

/**
 * The shopper's location, as one reusable piece for every widget: the "Near 00100 · Change
 * location" line, and the form to change it (browser geolocation, or a postal code in any of the
 * merchant's countries, with a country choice when there are several). Holds its own state,
 * subscribes the host to the location service, and renders into the host's shadow root
 * (`render()`), so labels, ids and focus stay in one tree. Styles: `locationControlsStyles`.
 *
 * Parts: `location` (the line), `location-form`, `form postal-form`, `label`, `input`,
 * `country-select`, `button locate-button`, `button postal-button`, `button change-button`,
 * `button cancel-button`, `error`.
 */
export class LocationControls implements ReactiveController {
  /** The form is open. */
  editing = false;
  /** The countries shoppers may choose; the first is the default. */
  countries: string[] = ['US'];

  private readonly locationController: ServiceController<LocationService>;
  private service: LocationService | undefined;
  private locating = false;
  private checking: AbortController | undefined;
  private problem: LocationProblem | undefined;
  private country: string | undefined;
  private shown: ShopperLocation | undefined;
  private seen = false;

  constructor(
    private readonly host: Host,
    private readonly options: LocationControlsOptions,
  ) {
    this.locationController = options.controller ?? new ServiceController(host);
    host.addController(this);
  }

  /** True once the remembered location is loaded. */
  get ready(): boolean {
    return this.service !== undefined && this.locationController.ready;
  }

  /** The location to use, once ready (the shopper's, else the preset, else the merchant default). */
  get location(): ShopperLocation | undefined {
    if (!this.ready) return undefined;
    try {
      const service = this.service;
      const preset = service?.isShopperChoice ? undefined : this.options.preset?.();
      return preset ?? service?.location ?? undefined;
    } catch {
      return undefined;
    }
  }

  /** True while a postal code is being checked. */
  get busy(): boolean {
    return this.checking !== undefined || this.locating;
  }

  hostUpdate(): void {
    this.service = this.options.service();
    this.locationController.setService(this.service);
    if (!this.ready) return;
    // A newer choice (here, in another widget or another tab) closes the form and wins over a
    // postal code still being checked. The first location known is no change.
    const next = this.location;
    if (!this.seen) {
      this.seen = true;
      this.shown = next;
    } else if (!sameLocation(next, this.shown)) {
      this.shown = next;
      this.editing = false;
      this.cancelCheck();
    }
  }

  hostDisconnected(): void {
    this.cancelCheck();
  }

  /** Opens the form, e.g. with the message for a postal code the backend no longer knows. */
  open(problem?: LocationProblem): void {
    this.editing = true;
    this.problem = problem;
    this.host.requestUpdate();
  }

  /** The place for a sentence: the postal code (isolated), or "your location". */
  placeText(): string {
    const place = this.location;
    if (!place) return '';
    return place.kind === 'postal'
      ? isolate(place.postalCode)
      : msg('your location', { id: 'location.yourLocation' });
  }

  render(): TemplateResult {
    if (!this.ready) {
      // As tall as the line it stands for, which holds a text button.
      return html`<p class="location row" part="location">
        <span class="bone bone--action" part="skeleton" aria-hidden="true">&nbsp;</span>
      </p>`;
    }
    const place = this.location;
    if (place && !this.editing) {
      const label = this.options.placeLabel
        ? this.options.placeLabel(place)
        : place.kind === 'postal'
          ? msg(str`Near ${isolate(place.postalCode)}`, { id: 'location.nearPostal' })
          : msg('Near your location', { id: 'location.nearYou' });
      return html`<p class="location row" part="location">
        <span class="location-text">${label}</span>
        <button
          type="button"
          class="link-button"
          part="button change-button"
          @click=${this.handleChange}
        >
          ${msg('Change location', { id: 'location.change' })}
        </button>
      </p>`;
    }
    return this.renderForm();
  }

  private renderForm(): TemplateResult {
    const problem = this.problem ?? this.options.problem?.();
    const message = problem ? problemText(problem) : '';
    const inputError = problem === 'empty' || problem === 'unknown_postal_code';
    const countries = this.countries;
    const country = this.selectedCountry();
    const prompt = this.location ? '' : (this.options.prompt?.() ?? '');
    return html`<div class="location-form" part="location-form" @keydown=${this.handleKeydown}>
      ${prompt ? html`<p class="prompt">${prompt}</p>` : nothing}
      ${this.options.geolocation === false ? nothing : this.renderLocate()}
      <form class="form" part="form postal-form" novalidate @submit=${this.handleSubmit}>
        ${
          countries.length > 1
            ? html`<label class="label" part="label" for="postal-country">
                  ${msg('Country', { id: 'location.countryLabel' })}
                </label>
                <select
                  id="postal-country"
                  class="input select"
                  part="input country-select"
                  name="country"
                  autocomplete="country"
                  @change=${this.handleCountry}
                >
                  ${countries.map(
                    (code) =>
                      html`<option value=${code} ?selected=${code === country}>
                        ${countryName(code)}
                      </option>`,
                  )}
                </select>`
            : nothing
        }
        <label class="label" part="label" for="postal-code">
          ${msg('Postal code', { id: 'location.postalLabel' })}
        </label>
        <span class="field">
          <input
            id="postal-code"
            class="input"
            part="input"
            name="postalCode"
            type="text"
            autocomplete="postal-code"
            maxlength="16"
            spellcheck="false"
            aria-invalid=${inputError ? 'true' : 'false'}
            aria-describedby=${inputError ? 'location-error' : nothing}
          />
          <button
            type="submit"
            class="button"
            part="button postal-button"
            aria-disabled=${this.checking ? 'true' : 'false'}
          >
            ${this.options.submitLabel?.() ?? msg('Find stores', { id: 'location.submit' })}
          </button>
          ${
            this.location || this.checking
              ? html`<button
                  type="button"
                  class="link-button"
                  part="button cancel-button"
                  @click=${this.handleCancel}
                >
                  ${msg('Cancel', { id: 'location.cancel' })}
                </button>`
              : nothing
          }
        </span>
      </form>
      ${
        message
          ? html`<p id="location-error" class="error" part="error" role="alert">${message}</p>`
          : nothing
      }
    </div>`;
  }

  private renderLocate(): TemplateResult {
    return html`<div class="location-actions">
      <button
        type="button"
        class="button"
        part="button locate-button"
        aria-disabled=${this.locating ? 'true' : 'false'}
        @click=${this.handleLocate}
      >
        ${
          this.locating
            ? msg('Finding your location…', { id: 'location.locating' })
            : msg('Use my location', { id: 'location.useMine' })
        }
      </button>
      <span class="or">${msg('or', { id: 'location.or' })}</span>
    </div>`;
  }

  private selectedCountry(): string {
    const countries = this.countries;
    return this.country && countries.includes(this.country) ? this.country : (countries[0] ?? 'US');
  }

  private get doneSelector(): string {
    return this.options.doneSelector ?? '[part~="change-button"]';
  }

  /** Stops a postal code check in flight; the code is then not saved. */
  private cancelCheck(): void {
    this.checking?.abort();
    this.checking = undefined;
  }

  private readonly handleChange = (): void => {
    this.editing = true;
    this.problem = undefined;
    this.host.requestUpdate();
    // Asked for by the shopper: the field takes focus, also where a click does not focus the
    // button (Safari, Firefox on macOS).
    void this.options.focusAfterUpdate('#postal-code', true);
  };

  private readonly handleCancel = (): void => {
    const open = this.editing || this.location === undefined;
    this.cancelCheck();
    this.editing = false;
    this.problem = undefined;
    this.host.requestUpdate();
    if (open) void this.options.focusAfterUpdate(this.doneSelector);
  };

  /** Escape closes the form when there is a location to go back to (or a check to stop). */
  private readonly handleKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || (!this.location && !this.checking)) return;
    event.stopPropagation();
    this.handleCancel();
  };

  private readonly handleCountry = (event: Event): void => {
    this.country = (event.target as HTMLSelectElement).value;
  };

  private readonly handleLocate = async (): Promise<void> => {
    const service = this.service;
    if (!service || this.locating) return;
    const within = this.host.matches(':focus-within');
    this.cancelCheck();
    this.locating = true;
    this.problem = undefined;
    this.host.requestUpdate();
    try {
      await service.locate();
      this.editing = false;
      void this.options.focusAfterUpdate(this.doneSelector, within);
    } catch (error) {
      this.problem = error instanceof GeolocationError ? error.kind : 'failed';
    } finally {
      this.locating = false;
      this.host.requestUpdate();
    }
  };

  private readonly handleSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const service = this.service;
    if (!service || this.checking) return;
    const form = event.currentTarget as HTMLFormElement;
    const input = form.elements.namedItem('postalCode') as HTMLInputElement | null;
    const postalCode = (input?.value ?? '').trim();
    if (!postalCode) {
      this.problem = 'empty';
      this.host.requestUpdate();
      input?.focus();
      return;
    }
    const within = this.host.matches(':focus-within');
    const candidate: ShopperLocation = {
      kind: 'postal',
      postalCode,
      country: this.selectedCountry(),
    };
    const check = (this.checking = new AbortController());
    this.problem = undefined;
    this.host.requestUpdate();
    try {
      // Asked before saving, so that an unknown code is never remembered.
      await this.options.check?.(candidate, check.signal).catch((error: unknown) => {
        if (isRejectedPostalCode(error)) throw error;
      });
      if (check.signal.aborted) return;
      await service.setLocation(candidate);
      this.editing = false;
      void this.options.focusAfterUpdate(this.doneSelector, within);
    } catch (error) {
      if (check.signal.aborted) return;
      this.problem = isRejectedPostalCode(error) ? 'unknown_postal_code' : 'failed';
    } finally {
      if (this.checking === check) this.checking = undefined;
      this.host.requestUpdate();
    }
  };
}

function sameLocation(a: ShopperLocation | undefined, b: ShopperLocation | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.kind !== b.kind) return false;
  return a.kind === 'coords'
    ? b.kind === 'coords' && a.lat === b.lat && a.lng === b.lng
    : b.kind === 'postal' && a.postalCode === b.postalCode && a.country === b.country;
}

const displayNames = new Map<string, Intl.DisplayNames | null>();

/** "Kenya" for "KE" in the widget's language; the code itself where Intl cannot say. */
export function countryName(code: string): string {
  const locale = getOmniLocale();
  let names = displayNames.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
    } catch {
      names = null;
    }
    displayNames.set(locale, names);
  }
  return names?.of(code) ?? code;
}

/** The message for a location problem, in the page's language. */
export function problemText(problem: LocationProblem): string {
  switch (problem) {
    case 'empty':
      return msg('Enter a postal code.', { id: 'location.error.empty' });
    case 'unknown_postal_code':
      return msg("We couldn't find that postal code. Check it and try again.", {
        id: 'location.error.unknownPostal',
      });
    case 'denied':
      return msg(
        'Location access is turned off for this site. Enter a postal code instead, or allow location in your browser settings.',
        { id: 'location.error.denied' },
      );
    case 'unsupported':
      return msg("This browser can't share your location. Enter a postal code instead.", {
        id: 'location.error.unsupported',
      });
    case 'timeout':
      return msg('Finding your location took too long. Try again or enter a postal code.', {
        id: 'location.error.timeout',
      });
    case 'unavailable':
      return msg("Your location isn't available right now. Enter a postal code instead.", {
        id: 'location.error.unavailable',
      });
    default:
      return msg("We couldn't use that location. Please try again.", {
        id: 'location.error.failed',
      });
  }
}
