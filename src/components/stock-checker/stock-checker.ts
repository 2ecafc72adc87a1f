import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { configContext, locationServiceContext, stockServiceContext } from '../../core/context.js';
import { DEFAULT_CONFIG, MAX_RADIUS_KM, type OmniConfig } from '../../core/config.js';
import type {
  LocationService,
  StockResult,
  StockService,
  StoreStock,
} from '../../core/stock/types.js';
import type { Availability, Store, StockStatus } from '../../core/api/types.js';
import type { Fresh, SwrResult } from '../../core/cache/types.js';
import { isAbort, isOmniError } from '../../core/api/errors.js';
import { locationKey, type ShopperLocation } from '../../core/geo/location.js';
import { storeOpenState } from '../../core/geo/hours.js';
import { directionsUrl, resolveUnit } from '../../core/geo/distance.js';
import { GeolocationError, type GeolocationErrorKind } from '../../core/geo/geolocation.js';
import { effectiveStatus, isAvailable, quantityView } from '../../core/stock/rank.js';
import {
  formatClockTime,
  formatDayOffset,
  formatDistance,
  formatNumber,
  formatRelativeTime,
} from '../../core/i18n/format.js';
import { getOmniLocale, isRtl } from '../../core/i18n/localization.js';
import { LocationController } from '../../controllers/location-controller.js';
import { OmniStoreSelectEvent } from '../../events/store-select.js';
import { OmniStockChangeEvent } from '../../events/stock-change.js';
import { styles } from './stock-checker.styles.js';

/**
 * Shows where a product is in stock: nearby stores with status, distance, opening hours and
 * directions (`variant="full"`, product pages), or one line such as "In stock at Westlands
 * (2.1 km)" (`variant="badge"`, product tiles). In full mode the shopper can give a location
 * (geolocation or postal code), pick "my store" and ask to be emailed when the item is back.
 *
 * The element is `display: block` in both variants: the badge is a line of a product tile, with
 * its height reserved while loading. The page may override it like any element's display, e.g.
 * `p omni-stock-checker { display: inline-block; --omni-stock-checker-badge-lines: 1 }` to run a
 * badge inside a sentence.
 *
 * Services come from `<omni-provider>` (or the page-level provider) through Lit context; until
 * they arrive the element shows its loading placeholder. Without a `sku` it renders nothing.
 *
 * @tag omni-stock-checker
 *
 * @event {OmniStoreSelectEvent} omni-store-select - The shopper pressed "Set as my store"; `event.store`.
 * @event {OmniStockChangeEvent} omni-stock-change - A new stock answer for the sku arrived (also
 *   when a fresh value replaces a stale one); `event.sku`, `event.available`, `event.nearest`, `event.result`.
 *
 * @csspart base - The wrapper around everything (carries `dir` and `lang`).
 * @csspart badge - The text in badge mode (status first; wraps, then ends in an ellipsis).
 * @csspart summary - The results line, also the polite live region (full mode).
 * @csspart location - The "Near 00100" line with its change button.
 * @csspart location-form - The geolocation button and postal-code form.
 * @csspart list - The list (`ul`) of stores.
 * @csspart item - One store (`li`); the shopper's store is also `my-store-item`.
 * @csspart my-store-item - The shopper's store in the list (also `item`).
 * @csspart store-name - The store's name.
 * @csspart my-store - The "My store" tag.
 * @csspart distance - The distance to the store.
 * @csspart status - The stock status line (text plus an icon), in both variants.
 * @csspart hours - The opening state ("Open now, closes at 9:00 PM").
 * @csspart address - The store's address.
 * @csspart actions - The row with phone, directions and "Set as my store".
 * @csspart link - Phone and directions links.
 * @csspart button - Every button (also `button locate-button`, `button retry-button` ...).
 * @csspart online - The online availability line.
 * @csspart stale - The "Updated 12 minutes ago" label.
 * @csspart form - The postal-code and back-in-stock forms.
 * @csspart label - Form labels.
 * @csspart input - Text and email inputs.
 * @csspart error - Error messages (inline and alerts).
 * @csspart confirmation - The back-in-stock confirmation.
 * @csspart skeleton - Loading placeholders.
 *
 * @cssproperty --omni-color-text - Body text.
 * @cssproperty --omni-color-muted - Secondary text (address, hours, stale label).
 * @cssproperty --omni-color-accent - Links, buttons and the focus ring.
 * @cssproperty --omni-color-on-accent - Text on accent-coloured buttons.
 * @cssproperty --omni-color-success - In-stock status.
 * @cssproperty --omni-color-warning - Low stock, backorder, preorder.
 * @cssproperty --omni-color-danger - Out of stock and errors.
 * @cssproperty --omni-color-border - Dividers and input borders.
 * @cssproperty --omni-color-surface - Background of the widget.
 * @cssproperty --omni-color-skeleton - Loading placeholders.
 * @cssproperty --omni-radius - Corner radius.
 * @cssproperty --omni-space - Base spacing unit.
 * @cssproperty --omni-font-size - Base font size (default: the page's).
 * @cssproperty --omni-line-height - Base line height (default 1.5).
 * @cssproperty --omni-stock-checker-gap - Space between stores (default 1.5 x --omni-space).
 * @cssproperty --omni-stock-checker-item-padding - Padding inside each store (default --omni-space).
 * @cssproperty --omni-stock-checker-divider - Border between stores (default 1px solid --omni-color-border).
 * @cssproperty --omni-stock-checker-name-weight - Font weight of store names (default 600).
 * @cssproperty --omni-stock-checker-badge-gap - Gap between icon and text in badge mode.
 * @cssproperty --omni-stock-checker-badge-lines - Lines a badge may wrap to, and always reserves (default 2).
 *
 * @cssstate loading - Waiting for services or for the stock answer.
 * @cssstate error - The last lookup failed (a retry button is shown in full mode).
 * @cssstate stale - Showing cached data older than its time to live.
 * @cssstate empty - The answer has no store within the radius.
 */
export class OmniStockChecker extends LitElement {
  static override styles = styles;

  @consume({ context: configContext, subscribe: true })
  @property({ attribute: false })
  config?: OmniConfig;

  @consume({ context: stockServiceContext, subscribe: true })
  @property({ attribute: false })
  stock?: StockService;

  @consume({ context: locationServiceContext, subscribe: true })
  @property({ attribute: false })
  location?: LocationService;

  /** The product's sku. Changing it refetches. */
  @property() sku = '';

  /** 'full' (stores list, location, back-in-stock form) or 'badge' (one short status line). */
  @property() variant: 'full' | 'badge' = 'full';

  /** Search radius in km; default `config.radiusKm`. */
  @property({ type: Number, attribute: 'radius-km' }) radiusKm?: number;

  /** Maximum number of stores; default `config.storeLimit`. */
  @property({ type: Number, attribute: 'limit' }) limit?: number;

  @state() private editingLocation = false;
  @state() private locating = false;
  /** Set while a postal code is checked before it is saved; Cancel aborts it. */
  @state() private postalCheck?: AbortController;
  @state() private locationProblem?:
    'empty' | 'unknown_postal_code' | 'failed' | GeolocationErrorKind;
  @state() private notifyStatus: 'idle' | 'sending' | 'sent' | 'failed' = 'idle';
  @state() private notifyProblem?: 'missing' | 'invalid' | 'invalid_email' | 'failed';
  @state() private shopperLocation?: ShopperLocation;
  /** The store just made "my store", announced in a polite live region. */
  @state() private chosenStore?: Store;

  private readonly internals: ElementInternals | undefined;
  /** Identifies the latest lookup; revalidations of older lookups are ignored. */
  private currentRun: object | undefined;
  private revalidated: { run: object; value: Fresh<StockResult> } | undefined;
  private announcedResult: StockResult | undefined;
  /** The badge's answer is online only: the stored postal code is unknown to the backend. */
  private onlineOnly = false;

  private readonly locationController = new LocationController(this);

  private readonly stockTask = new Task(this, {
    task: async ([stock, sku, location, radiusKm, limit, ready, variant], { signal }) => {
      if (!stock || !sku || !ready) return initialState;
      const run = {};
      this.currentRun = run;
      this.revalidated = undefined;
      this.onlineOnly = false;
      const query = {
        sku,
        location,
        radiusKm,
        limit,
        includeOnline: variant === 'full' || location === undefined,
      };
      let result: SwrResult<StockResult>;
      try {
        result = await stock.lookup(query, { signal });
      } catch (error) {
        // A postal code the backend does not know (saved by an older version): the full variant
        // opens the postal form with the message; a badge falls back to the online answer.
        if (!isRejectedPostal(error)) throw error;
        if (variant === 'full') {
          this.editingLocation = true;
          throw error;
        }
        this.onlineOnly = true;
        result = await stock.lookup(
          { ...query, location: undefined, includeOnline: true },
          { signal },
        );
      }
      if (result.revalidation) this.watchRevalidation(run, result.revalidation);
      return result;
    },
    args: () =>
      [
        this.stock,
        this.sku.trim(),
        this.shopperLocation,
        this.effectiveRadius,
        this.effectiveLimit,
        this.locationController.ready,
        this.variant,
      ] as const,
  });

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    try {
      this.internals = this.attachInternals();
    } catch {
      this.internals = undefined;
    }
  }

  private get effectiveConfig(): OmniConfig {
    return this.config ?? DEFAULT_CONFIG;
  }

  private get effectiveRadius(): number {
    const value = this.radiusKm;
    return typeof value === 'number' && Number.isFinite(value) && value > 0
      ? Math.min(MAX_RADIUS_KM, value)
      : this.effectiveConfig.radiusKm;
  }

  private get effectiveLimit(): number {
    const value = this.limit;
    return typeof value === 'number' && Number.isFinite(value) && value >= 1
      ? Math.min(50, Math.floor(value))
      : this.effectiveConfig.storeLimit;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.locationController.setService(this.location);
    const next = this.locationController.ready ? safeLocation(this.location) : undefined;
    const same =
      next === this.shopperLocation ||
      (next !== undefined &&
        this.shopperLocation !== undefined &&
        locationKey(next) === locationKey(this.shopperLocation));
    if (!same) {
      this.shopperLocation = next;
      this.editingLocation = false;
      // A newer choice (here or in another widget) wins over a postal code still being checked.
      this.cancelPostalCheck();
    }
    if (changed.has('sku')) {
      this.notifyStatus = 'idle';
      this.notifyProblem = undefined;
      this.chosenStore = undefined;
    }
  }

  protected override updated(): void {
    this.updateStates();
    const result = this.shownResult?.value;
    if (result && result !== this.announcedResult) {
      this.announcedResult = result;
      const nearest = result.stores.find((entry) => isAvailable(entry.availability));
      const available = nearest !== undefined || isAvailable(result.online);
      this.dispatchEvent(new OmniStockChangeEvent(result.sku, available, nearest, result));
    }
  }

  /** The answer on screen: the fresh value once a revalidation landed, else the task's value. */
  private get shownResult(): Fresh<StockResult> | undefined {
    if (this.stockTask.status !== TaskStatus.COMPLETE) return undefined;
    const revalidated = this.revalidated;
    if (revalidated && revalidated.run === this.currentRun) return revalidated.value;
    return this.stockTask.value;
  }

  private get isLoading(): boolean {
    if (!this.sku.trim()) return false;
    const status = this.stockTask.status;
    if (status === TaskStatus.ERROR) return isAbort(this.stockTask.error);
    return status !== TaskStatus.COMPLETE;
  }

  private get failure(): unknown {
    return this.stockTask.status === TaskStatus.ERROR && !isAbort(this.stockTask.error)
      ? (this.stockTask.error ?? new Error('lookup failed'))
      : undefined;
  }

  private watchRevalidation(run: object, revalidation: Promise<Fresh<StockResult>>): void {
    revalidation.then(
      (fresh) => {
        if (run !== this.currentRun || !fresh) return;
        this.revalidated = { run, value: fresh };
        this.requestUpdate();
      },
      () => {
        /* the stale value stays on screen with its label */
      },
    );
  }

  private updateStates(): void {
    const shown = this.shownResult;
    const flags: Record<string, boolean> = {
      loading: this.isLoading,
      error: this.failure !== undefined,
      stale: shown?.stale === true,
      empty:
        shown !== undefined &&
        this.shopperLocation !== undefined &&
        !this.onlineOnly &&
        shown.value.stores.length === 0,
    };
    const states = this.internals?.states;
    if (!states) return;
    for (const [name, on] of Object.entries(flags)) {
      try {
        if (on) states.add(name);
        else states.delete(name);
      } catch {
        // Older Chromium only accepted the dashed form.
        try {
          if (on) states.add(`--${name}`);
          else states.delete(`--${name}`);
        } catch {
          /* CustomStateSet unsupported: the states are an enhancement */
        }
      }
    }
  }

  private get activeLocale(): string {
    return getOmniLocale();
  }

  /** The most specific tag for formatting that matches the active language (en-GB, ar-EG ...). */
  private get formatLocale(): string {
    const active = this.activeLocale;
    const pref = this.effectiveConfig.locale;
    const candidates = [
      pref && pref !== 'auto' ? pref : undefined,
      typeof document !== 'undefined' ? document.documentElement.lang : undefined,
      typeof navigator !== 'undefined' ? navigator.language : undefined,
    ];
    for (const tag of candidates) {
      if (tag && tag.toLowerCase().split(/[-_]/)[0] === active) return tag;
    }
    return active;
  }

  private get distanceUnit(): 'km' | 'mi' {
    const pref = this.effectiveConfig.locale;
    const regional =
      pref && pref !== 'auto' ? pref : document.documentElement.lang || navigator.language || 'en';
    return resolveUnit(this.effectiveConfig.units, regional);
  }

  /**
   * After the next render, focuses the first element matching `selector`: only for a shopper who
   * acted here (`within`, read before the action), and only while focus is still inside or fell
   * to the body with the control it was on.
   */
  private async focusAfterUpdate(
    selector: string,
    within = this.matches(':focus-within'),
  ): Promise<void> {
    await this.updateComplete;
    const active = document.activeElement;
    if (within && (!active || active === document.body || this.matches(':focus-within'))) {
      this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
    }
  }

  private handleRetry(): void {
    void this.stockTask.run().catch(() => undefined);
    void this.focusAfterUpdate('[part~="summary"]');
  }

  private handleChangeLocation(): void {
    this.editingLocation = true;
    this.locationProblem = undefined;
    void this.focusAfterUpdate('#postal-code');
  }

  /** Stops a postal code check in flight; the code is then not saved. */
  private cancelPostalCheck(): void {
    this.postalCheck?.abort();
    this.postalCheck = undefined;
  }

  private handleCancelLocation(): void {
    this.cancelPostalCheck();
    this.editingLocation = false;
    this.locationProblem = undefined;
    void this.focusAfterUpdate(LOCATION_DONE);
  }

  private async handleLocate(): Promise<void> {
    const service = this.location;
    if (!service || this.locating) return;
    const within = this.matches(':focus-within');
    this.cancelPostalCheck();
    this.locating = true;
    this.locationProblem = undefined;
    try {
      await service.locate();
      this.editingLocation = false;
      void this.focusAfterUpdate(LOCATION_DONE, within);
    } catch (error) {
      this.locationProblem = error instanceof GeolocationError ? error.kind : 'failed';
    } finally {
      this.locating = false;
    }
  }

  private async handlePostalSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const service = this.location;
    if (!service || this.postalCheck) return;
    const form = event.currentTarget as HTMLFormElement;
    const input = form.elements.namedItem('postalCode') as HTMLInputElement | null;
    const postalCode = (input?.value ?? '').trim();
    if (!postalCode) {
      this.locationProblem = 'empty';
      input?.focus();
      return;
    }
    const within = this.matches(':focus-within');
    const candidate: ShopperLocation = {
      kind: 'postal',
      postalCode,
      country: this.effectiveConfig.country,
    };
    const check = (this.postalCheck = new AbortController());
    this.locationProblem = undefined;
    try {
      // Asked before saving, so an unknown code is never remembered. The stock service caches
      // and shares the answer: the lookup that follows the save sends no second request.
      await this.stock
        ?.lookup(
          {
            sku: this.sku.trim(),
            location: candidate,
            radiusKm: this.effectiveRadius,
            limit: this.effectiveLimit,
            includeOnline: true,
          },
          { signal: check.signal },
        )
        // Other failures say nothing about the code: it is saved and the lookup offers a retry.
        .catch((error: unknown) => {
          if (isRejectedPostal(error)) throw error;
        });
      if (check.signal.aborted) return;
      await service.setLocation(candidate);
      this.editingLocation = false;
      void this.focusAfterUpdate(LOCATION_DONE, within);
    } catch (error) {
      if (check.signal.aborted) return;
      this.locationProblem = isRejectedPostal(error) ? 'unknown_postal_code' : 'failed';
    } finally {
      if (this.postalCheck === check) this.postalCheck = undefined;
    }
  }

  private handleSetMyStore(store: Store): void {
    const service = this.location;
    if (!service) return;
    service.setMyStore(store.id).catch(() => undefined);
    this.chosenStore = store;
    void this.focusAfterUpdate('[part~="my-store"]');
    this.dispatchEvent(new OmniStoreSelectEvent(store));
  }

  private async handleNotifySubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const service = this.stock;
    const sku = this.sku.trim();
    if (!service || !sku || this.notifyStatus === 'sending') return;
    const form = event.currentTarget as HTMLFormElement;
    const input = form.elements.namedItem('email') as HTMLInputElement | null;
    const email = (input?.value ?? '').trim();
    if (!email || !input?.checkValidity()) {
      this.notifyProblem = email ? 'invalid' : 'missing';
      input?.focus();
      return;
    }
    const within = this.matches(':focus-within');
    this.notifyProblem = undefined;
    this.notifyStatus = 'sending';
    try {
      await service.notifyBackInStock({ sku, email });
      if (sku !== this.sku.trim()) return;
      this.notifyStatus = 'sent';
      void this.focusAfterUpdate('[part~="confirmation"]', within);
    } catch (error) {
      if (sku !== this.sku.trim()) return;
      this.notifyStatus = 'failed';
      this.notifyProblem =
        isOmniError(error) && error.code === 'invalid_email' ? 'invalid_email' : 'failed';
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.sku.trim()) return nothing;
    const locale = this.activeLocale;
    const badge = this.variant === 'badge';
    return html`<div
      part="base"
      class="base ${badge ? 'base--badge' : 'base--full'}"
      dir=${isRtl(locale) ? 'rtl' : 'ltr'}
      lang=${locale}
      aria-busy=${this.isLoading ? 'true' : 'false'}
    >
      ${badge ? this.renderBadge() : this.renderFull()}
    </div>`;
  }

  private renderBadge(): TemplateResult {
    if (this.isLoading) {
      return html`<p class="badge badge--loading" part="badge">
        <span class="bone bone--badge" part="skeleton" aria-hidden="true">&nbsp;</span>
        <span class="visually-hidden">${msg('Checking stock…', { id: 'stock.checking' })}</span>
      </p>`;
    }
    if (this.failure !== undefined) {
      return html`<p class="badge badge--muted" part="badge">
        ${msg('Stock information unavailable', { id: 'stock.badge.unavailable' })}
      </p>`;
    }
    const result = this.shownResult?.value;
    const nearest = result?.stores.find((entry) => isAvailable(entry.availability));
    let text: string;
    let tone: StockStatus;
    if (nearest) {
      const name = isolate(nearest.store.name);
      const distance = isolate(this.distanceText(nearest.store));
      const low = effectiveStatus(nearest.availability) === 'low_stock';
      tone = low ? 'low_stock' : 'in_stock';
      text = distance
        ? low
          ? msg(str`Low stock at ${name} (${distance})`, { id: 'stock.badge.lowAtDistance' })
          : msg(str`In stock at ${name} (${distance})`, { id: 'stock.badge.inAtDistance' })
        : low
          ? msg(str`Low stock at ${name}`, { id: 'stock.badge.lowAt' })
          : msg(str`In stock at ${name}`, { id: 'stock.badge.inAt' });
    } else if (this.shopperLocation && !this.onlineOnly) {
      tone = 'out_of_stock';
      text = msg('Not in stock nearby', { id: 'stock.badge.notNearby' });
    } else {
      // No record online (an unknown sku) counts as out of stock: the badge is never blank.
      tone = effectiveStatus(result?.online);
      text = this.onlineBadgeText(tone);
    }
    return html`<p class="badge status--${tone}" part="badge status">
      <span class="icon" aria-hidden="true"></span>${text}
    </p>`;
  }

  private onlineBadgeText(status: StockStatus): string {
    switch (status) {
      case 'in_stock':
        return msg('In stock online', { id: 'stock.badge.online.in' });
      case 'low_stock':
        return msg('Low stock online', { id: 'stock.badge.online.low' });
      case 'backorder':
        return msg('Available online on backorder', { id: 'stock.badge.online.backorder' });
      case 'preorder':
        return msg('Available online to preorder', { id: 'stock.badge.online.preorder' });
      default:
        return msg('Out of stock online', { id: 'stock.badge.online.out' });
    }
  }

  private renderFull(): TemplateResult {
    const failure = this.failure;
    const postalUnknown = isRejectedPostal(failure);
    const chosen = this.chosenStore;
    const summary = this.summaryText() || nothing;
    return html`
      ${this.renderLocation(postalUnknown)}
      <p class="summary row" part="summary" role="status" tabindex="-1">${summary}</p>
      <p class="visually-hidden" role="status">
        ${
          chosen && this.location?.myStoreId === chosen.id
            ? msg(str`${isolate(chosen.name)} is now your store.`, { id: 'stock.store.chosen' })
            : nothing
        }
      </p>
      ${
        failure === undefined
          ? this.isLoading
            ? this.renderSkeleton()
            : this.renderResults()
          : postalUnknown && this.editingLocation
            ? nothing
            : this.renderError(failure)
      }
    `;
  }

  private placeText(): string {
    const place = this.shopperLocation;
    if (!place) return '';
    return place.kind === 'postal'
      ? isolate(place.postalCode)
      : msg('your location', { id: 'stock.place.yourLocation' });
  }

  private summaryText(): string {
    if (this.isLoading) return msg('Checking stock…', { id: 'stock.checking' });
    const shown = this.shownResult;
    if (!shown) return '';
    if (!this.shopperLocation) {
      return msg('Choose a location to see stock in stores near you.', {
        id: 'stock.summary.noLocation',
      });
    }
    const place = this.placeText();
    const stores = shown.value.stores;
    if (stores.length === 0) {
      const radius = formatDistance(this.effectiveRadius, this.distanceUnit, this.formatLocale);
      return msg(str`No stores within ${radius} of ${place}.`, { id: 'stock.summary.noStores' });
    }
    const count = stores.filter((entry) => isAvailable(entry.availability)).length;
    if (count === 0) {
      return msg(str`No store near ${place} has this item.`, { id: 'stock.summary.none' });
    }
    if (count === 1) {
      return msg(str`1 store near ${place} has this item.`, { id: 'stock.summary.one' });
    }
    const n = formatNumber(count, this.formatLocale);
    return msg(str`${n} stores near ${place} have this item.`, { id: 'stock.summary.other' });
  }

  private renderLocation(postalUnknown: boolean): TemplateResult {
    const place = this.shopperLocation;
    const ready = this.location !== undefined && this.locationController.ready;
    if (!ready) {
      return html`<p class="location row" part="location">
        <span class="bone bone--short" part="skeleton" aria-hidden="true">&nbsp;</span>
      </p>`;
    }
    if (place && !this.editingLocation) {
      const label =
        place.kind === 'postal'
          ? msg(str`Near ${isolate(place.postalCode)}`, { id: 'stock.location.nearPostal' })
          : msg('Near your location', { id: 'stock.location.nearYou' });
      return html`<p class="location row" part="location">
        <span class="location-text">${label}</span>
        <button
          type="button"
          class="link-button"
          part="button change-button"
          @click=${this.handleChangeLocation}
        >
          ${msg('Change location', { id: 'stock.location.change' })}
        </button>
      </p>`;
    }
    return this.renderLocationForm(postalUnknown);
  }

  private renderLocationForm(postalUnknown: boolean): TemplateResult {
    const problem = this.locationProblem ?? (postalUnknown ? 'unknown_postal_code' : undefined);
    const message = problem ? this.locationProblemText(problem) : '';
    const inputError = problem === 'empty' || problem === 'unknown_postal_code';
    return html`<div class="location-form" part="location-form">
      ${
        this.shopperLocation
          ? nothing
          : html`<p class="prompt">
              ${msg('Find this item in a store near you.', { id: 'stock.location.prompt' })}
            </p>`
      }
      <div class="location-actions">
        <button
          type="button"
          class="button"
          part="button locate-button"
          aria-disabled=${this.locating ? 'true' : 'false'}
          @click=${this.handleLocate}
        >
          ${
            this.locating
              ? msg('Finding your location…', { id: 'stock.location.locating' })
              : msg('Use my location', { id: 'stock.location.useMine' })
          }
        </button>
        <span class="or">${msg('or', { id: 'stock.location.or' })}</span>
      </div>
      <form class="form" part="form postal-form" novalidate @submit=${this.handlePostalSubmit}>
        <label class="label" part="label" for="postal-code">
          ${msg('Postal code', { id: 'stock.location.postalLabel' })}
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
            aria-disabled=${this.postalCheck ? 'true' : 'false'}
          >
            ${msg('Find stores', { id: 'stock.location.submit' })}
          </button>
          ${
            this.shopperLocation || this.postalCheck
              ? html`<button
                  type="button"
                  class="link-button"
                  part="button cancel-button"
                  @click=${this.handleCancelLocation}
                >
                  ${msg('Cancel', { id: 'stock.location.cancel' })}
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

  private locationProblemText(problem: NonNullable<OmniStockChecker['locationProblem']>): string {
    switch (problem) {
      case 'empty':
        return msg('Enter a postal code.', { id: 'stock.location.error.empty' });
      case 'unknown_postal_code':
        return msg("We couldn't find that postal code. Check it and try again.", {
          id: 'stock.location.error.unknownPostal',
        });
      case 'denied':
        return msg(
          'Location access is turned off for this site. Enter a postal code instead, or allow location in your browser settings.',
          { id: 'stock.location.error.denied' },
        );
      case 'unsupported':
        return msg("This browser can't share your location. Enter a postal code instead.", {
          id: 'stock.location.error.unsupported',
        });
      case 'timeout':
        return msg('Finding your location took too long. Try again or enter a postal code.', {
          id: 'stock.location.error.timeout',
        });
      case 'unavailable':
        return msg("Your location isn't available right now. Enter a postal code instead.", {
          id: 'stock.location.error.unavailable',
        });
      default:
        return msg("We couldn't use that location. Please try again.", {
          id: 'stock.location.error.failed',
        });
    }
  }

  private renderError(error: unknown): TemplateResult {
    // An unknown postal code is fixed with "Change location", not by asking again.
    const postal = isRejectedPostal(error);
    return html`<div class="error-box" part="error" role="alert">
      <p>${postal ? this.locationProblemText('unknown_postal_code') : this.errorText(error)}</p>
      ${
        postal
          ? nothing
          : html`<button
              type="button"
              class="button"
              part="button retry-button"
              @click=${this.handleRetry}
            >
              ${msg('Try again', { id: 'stock.error.retry' })}
            </button>`
      }
    </div>`;
  }

  private errorText(error: unknown): string {
    const kind = isOmniError(error) ? error.kind : 'unknown';
    switch (kind) {
      case 'network':
      case 'timeout':
        return msg("Can't reach the store service. Check your connection.", {
          id: 'stock.error.network',
        });
      case 'invalid_response':
        return msg('Stock information is unavailable right now.', {
          id: 'stock.error.invalidResponse',
        });
      default:
        return msg('Something went wrong while checking stock. Please try again.', {
          id: 'stock.error.generic',
        });
    }
  }

  private renderSkeleton(): TemplateResult {
    const rows = Array.from({ length: this.shopperLocation ? this.effectiveLimit : 0 });
    return html`<p class="online row" part="online">
        <span class="bone bone--short" part="skeleton" aria-hidden="true">&nbsp;</span>
      </p>
      ${
        rows.length
          ? html`<ul class="list" part="list" aria-hidden="true">
              ${rows.map(
                () =>
                  html`<li class="item item--skeleton" part="item skeleton">
                    <p class="row head"><span class="bone bone--name">&nbsp;</span></p>
                    <p class="row"><span class="bone bone--medium">&nbsp;</span></p>
                    <p class="row"><span class="bone bone--long">&nbsp;</span></p>
                    <p class="row"><span class="bone bone--long">&nbsp;</span></p>
                    <div class="actions">
                      <span class="bone bone--action">&nbsp;</span>
                      <span class="bone bone--action">&nbsp;</span>
                    </div>
                  </li>`,
              )}
            </ul>`
          : nothing
      }`;
  }

  private renderResults(): TemplateResult | typeof nothing {
    const shown = this.shownResult;
    if (!shown) return nothing;
    const result = shown.value;
    const anyAvailable =
      result.stores.some((entry) => isAvailable(entry.availability)) || isAvailable(result.online);
    return html`
      <p class="online row" part="online">
        ${
          result.online
            ? html`<span class="status status--${effectiveStatus(result.online)}" part="status"
                ><span class="icon" aria-hidden="true"></span>${msg(
                  str`Online: ${this.statusText(effectiveStatus(result.online))}`,
                  { id: 'stock.online' },
                )}</span
              >`
            : nothing
        }
        ${
          shown.stale
            ? html`<span class="stale" part="stale"
                >${msg(
                  str`Updated ${formatRelativeTime(shown.updatedAt, Date.now(), this.formatLocale)}`,
                  { id: 'stock.stale' },
                )}</span
              >`
            : nothing
        }
      </p>
      ${
        this.shopperLocation && result.stores.length
          ? html`<ul class="list" part="list">
              ${result.stores.map((entry) => this.renderStore(entry))}
            </ul>`
          : nothing
      }
      ${anyAvailable ? nothing : this.renderNotify()}
    `;
  }

  private renderStore(entry: StoreStock): TemplateResult {
    const { store, availability } = entry;
    const mine = this.location?.myStoreId === store.id;
    const status = effectiveStatus(availability);
    const distance = this.distanceText(store);
    const quantity = this.quantityText(availability);
    const address = [store.address?.line1, store.address?.line2, store.address?.city]
      .filter((part) => typeof part === 'string' && part.trim() !== '')
      .join(', ');
    return html`<li
      class="item ${mine ? 'item--mine' : ''}"
      part=${mine ? 'item my-store-item' : 'item'}
    >
      <p class="row head">
        <strong class="name" part="store-name" dir="auto">${store.name}</strong>
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
        <span>${this.statusText(status)}</span>
        ${quantity ? html`<span class="quantity">· ${quantity}</span>` : nothing}
      </p>
      <p class="row hours" part="hours">${this.hoursText(store)}</p>
      <p class="row address" part="address"><bdi>${address}</bdi></p>
      <div class="actions" part="actions">
        ${
          store.phone
            ? html`<a
                class="action-link"
                part="link phone-link"
                dir="ltr"
                href="tel:${telHref(store.phone)}"
                >${store.phone}</a
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
            ? nothing
            : html`<button
                type="button"
                class="link-button"
                part="button my-store-button"
                @click=${() => this.handleSetMyStore(store)}
              >
                ${msg('Set as my store', { id: 'stock.store.setMine' })}<span
                  class="visually-hidden"
                  >: ${store.name}</span
                >
              </button>`
        }
      </div>
    </li>`;
  }

  private distanceText(store: Store): string {
    const km = store.distanceKm;
    return typeof km === 'number' ? formatDistance(km, this.distanceUnit, this.formatLocale) : '';
  }

  private statusText(status: StockStatus): string {
    switch (status) {
      case 'in_stock':
        return msg('In stock', { id: 'stock.status.inStock' });
      case 'low_stock':
        return msg('Low stock', { id: 'stock.status.lowStock' });
      case 'backorder':
        return msg('Available on backorder', { id: 'stock.status.backorder' });
      case 'preorder':
        return msg('Available to preorder', { id: 'stock.status.preorder' });
      default:
        return msg('Out of stock', { id: 'stock.status.outOfStock' });
    }
  }

  private quantityText(availability: Availability | undefined): string {
    const config = this.effectiveConfig;
    const view = quantityView(availability, config.stockDisplay, config.lowStockThreshold);
    if (view.kind === 'none') return '';
    const n = formatNumber(view.count, this.formatLocale);
    return view.kind === 'count'
      ? msg(str`${n} in stock`, { id: 'stock.quantity.count' })
      : msg(str`Only ${n} left`, { id: 'stock.quantity.onlyLeft' });
  }

  private hoursText(store: Store): string {
    const now = new Date();
    const state = storeOpenState(store, now);
    const locale = this.formatLocale;
    if (state.unknown) return msg('Opening hours not listed', { id: 'stock.hours.unknown' });
    if (state.open) {
      if (!state.closesAt) return msg('Open 24 hours', { id: 'stock.hours.open24' });
      const time = formatClockTime(state.closesAt, locale);
      return msg(str`Open now · closes at ${time}`, { id: 'stock.hours.openUntil' });
    }
    if (!state.opensAt) return msg('Closed', { id: 'stock.hours.closed' });
    const time = formatClockTime(state.opensAt.time, locale);
    if (state.opensAt.dayOffset === 0) {
      return msg(str`Closed · opens at ${time}`, { id: 'stock.hours.opensToday' });
    }
    if (state.opensAt.dayOffset === 1) {
      return msg(str`Closed · opens tomorrow at ${time}`, { id: 'stock.hours.opensTomorrow' });
    }
    const day = formatDayOffset(state.opensAt.dayOffset, locale, {
      from: now,
      timeZone: store.timezone,
    });
    return msg(str`Closed · opens ${day} at ${time}`, { id: 'stock.hours.opensLater' });
  }

  private renderNotify(): TemplateResult {
    const sent = this.notifyStatus === 'sent';
    const sending = this.notifyStatus === 'sending';
    const problem = this.notifyProblem;
    const inline = problem === 'missing' || problem === 'invalid' || problem === 'invalid_email';
    return html`<div class="notify">
      ${
        sent
          ? nothing
          : html`<form
              class="form"
              part="form notify-form"
              novalidate
              @submit=${this.handleNotifySubmit}
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
                      ${this.notifyProblemText(problem)}
                    </p>`
                  : nothing
              }
            </form>`
      }
      <p class="confirmation" part="confirmation" role="status" tabindex="-1">
        ${
          sent
            ? msg("Thanks! We'll email you when it's back.", { id: 'stock.notify.sent' })
            : nothing
        }
      </p>
    </div>`;
  }

  private notifyProblemText(problem: NonNullable<OmniStockChecker['notifyProblem']>): string {
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
}

/** Where focus goes once the location is set or the form closed: its "Change location" button. */
const LOCATION_DONE = '[part~="change-button"], [part~="summary"]';

/**
 * The backend refused the postal code itself (the REST client reports a 400/422 on a postal
 * `/stores` lookup the same way). Retrying the same code cannot help, so it is never remembered
 * and the shopper is asked for another.
 */
const isRejectedPostal = (error: unknown): boolean =>
  isOmniError(error) && error.code === 'unknown_postal_code';

function safeLocation(service: LocationService | undefined): ShopperLocation | undefined {
  try {
    return service?.location ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Wraps backend text interpolated into a translated sentence (store name, distance, postal code)
 * in first-strong isolates, so "Near 00100" or a Latin store name keeps its order inside Arabic.
 * Text that fills an element of its own is isolated with markup instead (`<bdi>`, `dir`).
 */
function isolate(text: string): string {
  return text && `\u2068${text}\u2069`;
}

/** Keeps what a dialler needs: digits, a leading +, and pause/extension characters. */
function telHref(phone: string): string {
  return phone.replace(/[^\d+,;*#]/g, '');
}

if (!customElements.get('omni-stock-checker')) {
  customElements.define('omni-stock-checker', OmniStockChecker);
}

declare global {
  interface HTMLElementTagNameMap {
    'omni-stock-checker': OmniStockChecker;
  }
}
