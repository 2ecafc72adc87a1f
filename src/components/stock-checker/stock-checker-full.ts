/**
 * The full view of `<omni-stock-checker>` (product pages): the location controls, the summary,
 * the store list with hours, distance, directions and "my store", and the back-in-stock form.
 * Its own chunk, loaded by the element (and preloaded by the loader) only when a page has a full
 * checker, so that badges on product tiles never pay for it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import { clockContext } from '../../core/context.js';
import '../../core/services/clock.js';
import { ClockController } from '../../controllers/clock-controller.js';
import { msg, str } from '@lit/localize';
import type { Availability, StockStatus, Store } from '../../core/api/types.js';
import { isOmniError, isRejectedPostalCode } from '../../core/api/errors.js';
import type { Fresh } from '../../core/cache/types.js';
import type { OmniConfig } from '../../core/config.js';
import { postalCountries } from '../../core/config.js';
import type { LocationService, MyStoreService, StockService } from '../../core/context.js';
import { directionsUrl } from '../../core/geo/distance.js';
import { formatDistance, formatRelativeTime, formatShortDate } from '../../core/i18n/format.js';
import { effectiveStatus, isAvailable, isOrderable, quantityView } from '../../core/stock/rank.js';
import type { StockResult, StoreStock } from '../../core/stock/types.js';
import { LocationControls } from '../../controllers/location-controls.js';
import type { ServiceController } from '../../controllers/service-controller.js';
import { OmniStoreSelectEvent } from '../../events/store-select.js';
import { displayText, isolate } from '../base/bidi.js';
import { canRetry, failureBox, failureOf, failureText } from '../base/failure-messages.js';
import type { OmniElement } from '../base/omni-element.js';
import { inStockCount, onlyLeft, storesWithItem } from './messages.js';
import { openingHours, showMoreStores } from './store-messages.js';
import { VISIBLE_STORES } from './stock-checker.js';

export { fullStyles } from './stock-checker-full.styles.js';

/** What the element shares with its full view. */
export interface StockCheckerView {
  host: OmniElement;
  config(): OmniConfig;
  sku(): string;
  stock(): StockService | undefined;
  location(): LocationService | undefined;
  /** The element's subscription to the location service (the controls share it). */
  locationController: ServiceController<LocationService>;
  myStore(): MyStoreService | undefined;
  radiusKm(): number;
  limit(): number;
  loading(): boolean;
  failure(): unknown;
  shown(): Fresh<StockResult> | undefined;
  /** The answer shown is a stale one kept because its refresh failed. */
  refreshFailed(): boolean;
  formatLocale(): string;
  distanceUnit(): 'km' | 'mi';
  retry(): void;
  focusAfterUpdate(selector: string, within?: boolean): Promise<void>;
  renderSkeleton(): TemplateResult;
}

/** The full view the element renders through. */
export interface FullView {
  render(): TemplateResult;
  /** The lookup found the remembered postal code unknown: ask for another. */
  postalRejected(): void;
  skuChanged(): void;
}

/** Where focus goes once the location is set or the form closed. */
const LOCATION_DONE = '[part~="change-button"], [part~="summary"]';

export function createFullView(view: StockCheckerView): FullView {
  const { host } = view;
  let notifyStatus: 'idle' | 'sending' | 'sent' | 'failed' = 'idle';
  let notifyProblem: 'missing' | 'invalid' | 'invalid_email' | 'failed' | undefined;
  /** The store just made "my store", announced in a polite live region. */
  let chosenStore: Store | undefined;
  /** The shopper asked to see every store found. */
  let showAll = false;

  const controls = new LocationControls(host, {
    service: view.location,
    controller: view.locationController,
    problem: () => (isRejectedPostalCode(view.failure()) ? 'unknown_postal_code' : undefined),
    focusAfterUpdate: view.focusAfterUpdate,
    doneSelector: LOCATION_DONE,
    // The one prompt while no location is known (the summary line stays empty then).
    prompt: () => msg('Find this item in a store near you.', { id: 'stock.location.prompt' }),
    // Asked before saving, so an unknown code is never remembered. The stock service caches and
    // shares the answer: the lookup that follows the save sends no second request.
    check: async (candidate, signal) => {
      await view.stock()?.lookup(
        {
          sku: view.sku(),
          location: candidate,
          radiusKm: view.radiusKm(),
          limit: view.limit(),
          includeOnline: true,
          myStore: view.myStore()?.store,
        },
        { signal },
      );
    },
  });

  const update = () => host.requestUpdate();
  // The page clock keeps "Open now" and "Updated 5 minutes ago" current on a page left open.
  const clock = new ClockController(host);
  new ContextConsumer(host, {
    context: clockContext,
    subscribe: true,
    callback: (value) => clock.setClock(value),
  });
  const now = () => clock.now;
  // The lookup may have found the remembered postal code unknown before this code arrived.
  if (isRejectedPostalCode(view.failure())) controls.open();

  const handleRetry = (): void => {
    view.retry();
    void view.focusAfterUpdate('[part~="summary"]');
  };

  const handleSetMyStore = (store: Store): void => {
    const service = view.myStore();
    if (!service) return;
    service.set(store).catch(() => undefined);
    chosenStore = store;
    update();
    void view.focusAfterUpdate('[part~="my-store"]');
    host.dispatchEvent(new OmniStoreSelectEvent(store));
  };

  const handleClearMyStore = (store: Store): void => {
    const service = view.myStore();
    if (!service) return;
    service.clear().catch(() => undefined);
    chosenStore = undefined;
    update();
    void view.focusAfterUpdate(
      `[data-store-id="${CSS.escape(store.id)}"] [part~="my-store-button"]`,
    );
  };

  const handleNotifySubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const service = view.stock();
    const sku = view.sku();
    if (!service || !sku || notifyStatus === 'sending') return;
    const form = event.currentTarget as HTMLFormElement;
    const input = form.elements.namedItem('email') as HTMLInputElement | null;
    const email = (input?.value ?? '').trim();
    if (!email || !input?.checkValidity()) {
      notifyProblem = email ? 'invalid' : 'missing';
      update();
      input?.focus();
      return;
    }
    const within = host.matches(':focus-within');
    notifyProblem = undefined;
    notifyStatus = 'sending';
    update();
    try {
      await service.notifyBackInStock({ sku, email });
      if (sku !== view.sku()) return;
      notifyStatus = 'sent';
      void view.focusAfterUpdate('[part~="confirmation"]', within);
    } catch (error) {
      if (sku !== view.sku()) return;
      notifyStatus = 'failed';
      notifyProblem =
        isOmniError(error) && error.code === 'invalid_email' ? 'invalid_email' : 'failed';
    } finally {
      update();
    }
  };

  function locale(): string {
    return view.formatLocale();
  }

  function render(): TemplateResult {
    controls.countries = postalCountries(view.config());
    const failure = view.failure();
    const postalUnknown = isRejectedPostalCode(failure);
    const chosen = chosenStore;
    const summary = summaryText() || nothing;
    const myStoreId = view.myStore()?.storeId;
    return html`
      ${controls.render()}
      <p class="summary row" part="summary" role="status" tabindex="-1">${summary}</p>
      <p class="visually-hidden" role="status">
        ${
          chosen && myStoreId === chosen.id
            ? msg(str`${isolate(chosen.name)} is now your store.`, { id: 'stock.store.chosen' })
            : nothing
        }
      </p>
      ${
        failure === undefined
          ? view.loading()
            ? view.renderSkeleton()
            : renderResults()
          : postalUnknown && controls.editing
            ? nothing
            : renderError(failure)
      }
    `;
  }

  function summaryText(): string {
    if (view.loading()) return msg('Checking stock…', { id: 'stock.checking' });
    const shown = view.shown();
    if (!shown) return '';
    if (!controls.location) return '';
    const place = controls.placeText();
    const stores = shown.value.stores;
    if (stores.length === 0) {
      const radius = formatDistance(view.radiusKm(), view.distanceUnit(), locale());
      return msg(str`No stores within ${radius} of ${place}.`, { id: 'stock.summary.noStores' });
    }
    const count = stores.filter((entry) => isAvailable(entry.availability)).length;
    if (count === 0) {
      return msg(str`No store near ${place} has this item.`, { id: 'stock.summary.none' });
    }
    return storesWithItem(count, place, locale());
  }

  function renderError(error: unknown): TemplateResult {
    // An unknown postal code is fixed with "Change location", not by asking again.
    const postal = isRejectedPostalCode(error);
    const failure = failureOf(error);
    return failureBox(
      postal
        ? msg("We couldn't find that postal code. Check it and try again.", {
            id: 'location.error.unknownPostal',
          })
        : failureText(failure, 'stock'),
      postal || !canRetry(failure) ? undefined : handleRetry,
    );
  }

  function renderResults(): TemplateResult | typeof nothing {
    const shown = view.shown();
    if (!shown) return nothing;
    const result = shown.value;
    const records = [...result.stores.map((entry) => entry.availability), result.online];
    // The back-in-stock form is for items nobody can sell now: not for preorders or backorders.
    const canBeHad = records.some((a) => isAvailable(a) || isOrderable(a));
    return html`
      <p class="online row" part="online">
        ${
          result.online
            ? html`<span class="status status--${effectiveStatus(result.online)}" part="status"
                ><span class="icon" aria-hidden="true"></span>${msg(
                  str`Online: ${statusText(result.online, locale())}`,
                  { id: 'stock.online' },
                )}</span
              >`
            : nothing
        }
        ${shown.stale ? html`<span class="stale" part="stale">${staleText(shown)}</span>` : nothing}
      </p>
      ${controls.location && result.stores.length ? renderList(result.stores) : nothing}
      ${canBeHad ? nothing : renderNotify()}
    `;
  }

  /**
   * How old the answer on screen is: "Updated 5 minutes ago" while it is being refreshed, and
   * once its refresh failed, that it could not be ("Couldn't update. Last checked 5 minutes
   * ago"): a failed refresh never reads as fresh data.
   */
  function staleText(shown: Fresh<StockResult>): string {
    const at = now();
    const age = formatRelativeTime(shown.updatedAt, at, locale());
    if (!view.refreshFailed()) return msg(str`Updated ${age}`, { id: 'stock.stale' });
    // Under a minute, the age reads "now": the failure is the news.
    return Math.abs(at - shown.updatedAt) < 60_000
      ? msg("Couldn't update just now", { id: 'stock.stale.failedNow' })
      : msg(str`Couldn't update. Last checked ${age}`, { id: 'stock.stale.failed' });
  }

  /** The nearest stores, the others behind "Show more" (they open below: nothing moves up). */
  function renderList(stores: readonly StoreStock[]): TemplateResult {
    const ordered = mineFirst(stores, view.myStore()?.storeId);
    const hidden = showAll ? 0 : Math.max(0, ordered.length - VISIBLE_STORES);
    const shown = hidden > 0 ? ordered.slice(0, VISIBLE_STORES) : ordered;
    return html`<ul class="list" part="list" id="store-list">
        ${shown.map((entry) => renderStore(entry))}
      </ul>
      ${
        hidden > 0
          ? html`<p class="row">
              <button
                type="button"
                class="link-button"
                part="button more-button"
                aria-controls="store-list"
                aria-expanded="false"
                @click=${handleShowAll}
              >
                ${showMoreStores(hidden, locale())}
              </button>
            </p>`
          : nothing
      }`;
  }

  function handleShowAll(): void {
    showAll = true;
    update();
    // The first store that was hidden takes focus, so keyboard users land on the new content.
    void view.focusAfterUpdate(
      `#store-list > li:nth-child(${VISIBLE_STORES + 1}) [part~="store-name"]`,
    );
  }

  function renderStore(entry: StoreStock): TemplateResult {
    const { store, availability } = entry;
    const mine = view.myStore()?.storeId === store.id;
    const status = effectiveStatus(availability);
    const distance = distanceText(store);
    const quantity = quantityText(availability);
    const address = [store.address?.line1, store.address?.line2, store.address?.city]
      .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
      .map((part) => displayText(part))
      .join(', ');
    return html`<li
      class="item ${mine ? 'item--mine' : ''}"
      part=${mine ? 'item my-store-item' : 'item'}
      data-store-id=${store.id}
    >
      <p class="row head">
        <strong class="name" part="store-name" dir="auto" tabindex="-1"
          >${displayText(store.name)}</strong
        >
        ${
          mine
            ? html`<span class="tag" part="my-store" tabindex="-1"
                >${msg('My store', { id: 'stock.myStore' })}</span
              >`
            : nothing
        }
        ${distance ? html`<span class="distance" part="distance">${distance}</span>` : nothing}
      </p>
      <p class="row status status--${status}" part="status">
        <span class="icon" aria-hidden="true"></span>
        <span>${statusText(availability, locale())}</span>
        ${quantity ? html`<span class="quantity">· ${quantity}</span>` : nothing}
      </p>
      <p class="row hours" part="hours">${hoursText(store)}</p>
      <p class="row address" part="address"><bdi>${address}</bdi></p>
      <div class="actions" part="actions">
        ${
          store.phone
            ? html`<a
                class="action-link"
                part="link phone-link"
                dir="ltr"
                href="tel:${telHref(store.phone)}"
                >${displayText(store.phone)}</a
              >`
            : nothing
        }
        <a
          class="action-link"
          part="link directions-link"
          href=${directionsUrl(store)}
          target="_blank"
          rel="noopener noreferrer"
          >${msg('Directions', { id: 'stock.store.directions' })}<span class="visually-hidden"
            >${msg('(opens in a new tab)', { id: 'stock.newTab' })}</span
          ></a
        >
        ${
          mine
            ? html`<button
                type="button"
                class="link-button"
                part="button forget-store-button"
                @click=${() => handleClearMyStore(store)}
              >
                ${msg('Forget my store', { id: 'stock.store.forget' })}<span class="visually-hidden"
                  >: ${displayText(store.name)}</span
                >
              </button>`
            : html`<button
                type="button"
                class="link-button"
                part="button my-store-button"
                @click=${() => handleSetMyStore(store)}
              >
                ${msg('Set as my store', { id: 'stock.store.setMine' })}<span
                  class="visually-hidden"
                  >: ${displayText(store.name)}</span
                >
              </button>`
        }
      </div>
    </li>`;
  }

  function distanceText(store: Store): string {
    const km = store.distanceKm;
    return typeof km === 'number' ? formatDistance(km, view.distanceUnit(), locale()) : '';
  }

  function quantityText(availability: Availability | undefined): string {
    const config = view.config();
    const shownQuantity = quantityView(availability, config.stockDisplay, config.lowStockThreshold);
    if (shownQuantity.kind === 'none') return '';
    return shownQuantity.kind === 'count'
      ? inStockCount(shownQuantity.count, locale())
      : onlyLeft(shownQuantity.count, locale());
  }

  function hoursText(store: Store): string {
    return openingHours(store, new Date(now()), locale());
  }

  function renderNotify(): TemplateResult {
    const sent = notifyStatus === 'sent';
    const sending = notifyStatus === 'sending';
    const problem = notifyProblem;
    const inline = problem === 'missing' || problem === 'invalid' || problem === 'invalid_email';
    return html`<div class="notify">
      ${
        sent
          ? nothing
          : html`<form
              class="form"
              part="form notify-form"
              novalidate
              @submit=${handleNotifySubmit}
            >
              <p class="prompt" id="notify-prompt">
                ${msg("Get an email when it's back in stock.", { id: 'stock.notify.prompt' })}
              </p>
              <label class="label" part="label" for="notify-email">
                ${msg('Email address', { id: 'stock.notify.emailLabel' })}
              </label>
              <span class="field">
                <input
                  id="notify-email"
                  class="input"
                  part="input"
                  name="email"
                  type="email"
                  autocomplete="email"
                  maxlength="254"
                  required
                  ?readonly=${sending}
                  aria-invalid=${inline ? 'true' : 'false'}
                  aria-describedby=${inline ? 'notify-error' : 'notify-prompt'}
                />
                <button
                  type="submit"
                  class="button"
                  part="button notify-button"
                  aria-disabled=${sending ? 'true' : 'false'}
                >
                  ${
                    sending
                      ? msg('Sending…', { id: 'stock.notify.sending' })
                      : msg('Notify me', { id: 'stock.notify.submit' })
                  }
                </button>
              </span>
              ${
                problem
                  ? html`<p id="notify-error" class="error" part="error" role="alert">
                      ${notifyProblemText(problem)}
                    </p>`
                  : nothing
              }
            </form>`
      }
      <p class="confirmation" part="confirmation" role="status" tabindex="-1">
        ${sent ? msg("Thanks! We'll email you when it's back.", { id: 'stock.notify.sent' }) : nothing}
      </p>
    </div>`;
  }

  return {
    render,
    postalRejected() {
      controls.open();
    },
    skuChanged() {
      showAll = false;
      notifyStatus = 'idle';
      notifyProblem = undefined;
      chosenStore = undefined;
    },
  };
}

/** The shopper's store first (it may have been chosen after the answer arrived). */
function mineFirst(stores: readonly StoreStock[], mine: string | undefined): StoreStock[] {
  const index = stores.findIndex((entry) => entry.store.id === mine);
  return index > 0
    ? [stores[index]!, ...stores.slice(0, index), ...stores.slice(index + 1)]
    : [...stores];
}

/** The status line: preorders and backorders say when they ship, when the backend knows. */
function statusText(availability: Availability | undefined, locale: string): string {
  const status: StockStatus = effectiveStatus(availability);
  const ships = availability?.restockAt ? formatShortDate(availability.restockAt, locale) : '';
  switch (status) {
    case 'in_stock':
      return msg('In stock', { id: 'stock.status.inStock' });
    case 'low_stock':
      return msg('Low stock', { id: 'stock.status.lowStock' });
    case 'backorder':
      return ships
        ? msg(str`Backordered, ships from ${ships}`, { id: 'stock.status.backorderShips' })
        : msg('Available on backorder', { id: 'stock.status.backorder' });
    case 'preorder':
      return ships
        ? msg(str`Available to preorder, ships from ${ships}`, { id: 'stock.status.preorderShips' })
        : msg('Available to preorder', { id: 'stock.status.preorder' });
    default:
      return msg('Out of stock', { id: 'stock.status.outOfStock' });
  }
}

function notifyProblemText(problem: 'missing' | 'invalid' | 'invalid_email' | 'failed'): string {
  switch (problem) {
    case 'missing':
      return msg('Enter your email address.', { id: 'stock.notify.error.missing' });
    case 'invalid':
      return msg('Enter a valid email address, like name@example.com.', {
        id: 'stock.notify.error.invalid',
      });
    case 'invalid_email':
      return msg("That email address wasn't accepted. Check it and try again.", {
        id: 'stock.notify.error.rejected',
      });
    default:
      return msg("We couldn't sign you up just now. Please try again.", {
        id: 'stock.notify.error.failed',
      });
  }
}

/** Keeps what a dialler needs: digits, a leading +, and pause/extension characters. */
function telHref(phone: string): string {
  return phone.replace(/[^\d+,;*#]/g, '');
}
