import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import { msg, str } from '@lit/localize';
import {
  configContext,
  locationServiceContext,
  myStoreContext,
  stockServiceContext,
  type LocationService,
  type MyStoreService,
  type StockService,
} from '../../core/context.js';
import { DEFAULT_CONFIG, MAX_RADIUS_KM, type OmniConfig } from '../../core/config.js';
import type { StockResult } from '../../core/stock/types.js';
import type { StockStatus, Store } from '../../core/api/types.js';
import type { Fresh, SwrResult } from '../../core/cache/types.js';
import { isAbort, isOmniError, isRejectedPostalCode } from '../../core/api/errors.js';
import type { ShopperLocation } from '../../core/geo/location.js';
import { resolveUnit } from '../../core/geo/distance.js';
import { effectiveStatus, isAvailable, isOrderable } from '../../core/stock/rank.js';
import { formatDistance, prepareDistanceFormat } from '../../core/i18n/format.js';
import { HeightHoldController } from '../../controllers/height-hold.js';
import { OffscreenPulseController } from '../../controllers/offscreen-pulse-controller.js';
import { RecoveryController } from '../../controllers/recovery-controller.js';
import { ServiceController } from '../../controllers/service-controller.js';
import { OmniErrorEvent } from '../../events/error.js';
import { OmniStockChangeEvent } from '../../events/stock-change.js';
import { isolate } from '../base/bidi.js';
import { defineElement } from '../base/define.js';
import { OmniElement } from '../base/omni-element.js';
import { styles } from './stock-checker.styles.js';
import type { FullView, StockCheckerView } from './stock-checker-full.js';

/**
 * Shows where a product is in stock: nearby stores with status, distance, opening hours and
 * directions (`variant="full"`, product pages), or one line such as "In stock at Westlands
 * (2.1 km)" (`variant="badge"`, product tiles). In full mode the shopper can give a location
 * (geolocation or postal code), pick "my store" and ask to be emailed when the item is back.
 * The shopper's store is listed first, also when it is out of range.
 *
 * The element is `display: block` in both variants: the badge is a line of a product tile, with
 * its height reserved while loading. The page may override it like any element's display, e.g.
 * `p omni-stock-checker { display: inline-block; --omni-stock-checker-badge-lines: 1 }` to run a
 * badge inside a sentence. The full view's code loads on demand (a badge never pays for it).
 *
 * Services come from `<omni-provider>` (or the page host) through Lit context; until they arrive
 * the element shows its loading placeholder. Without a `sku` it renders nothing.
 *
 * @tag omni-stock-checker
 *
 * @event {OmniStoreSelectEvent} omni-store-select - The shopper pressed "Set as my store"; `event.store`.
 * @event {OmniErrorEvent} omni-error - A lookup failed; `event.error` (kind, code, message) says why, for
 *   the merchant's logs (shoppers see a localized message).
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
 * @csspart stale - The "Updated 12 minutes ago" label; "Couldn't update. Last checked 12 minutes ago"
 *   once its refresh failed (in badge mode, "(may have changed)").
 * @csspart form - The postal-code and back-in-stock forms.
 * @csspart label - Form labels.
 * @csspart input - Text and email inputs, and the country choice.
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
 * @cssstate error - The last lookup failed (a retry button is shown in full mode). It is asked again
 *   when the browser is back online and when the shopper comes back to the tab.
 * @cssstate stale - Showing cached data older than its time to live.
 * @cssstate empty - The answer has no store within the radius.
 */
export class OmniStockChecker extends OmniElement {
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

  /** "My store" (optional: without it no store is marked or listed first). */
  @consume({ context: myStoreContext, subscribe: true })
  @property({ attribute: false })
  myStore?: MyStoreService;

  /** The product's sku. Changing it refetches. */
  @property() sku = '';

  /** 'full' (stores list, location, back-in-stock form) or 'badge' (one short status line). */
  @property() variant: 'full' | 'badge' = 'full';

  /** Search radius in km; default `config.radiusKm`. */
  @property({ type: Number, attribute: 'radius-km' }) radiusKm?: number;

  /** Maximum number of stores; default `config.storeLimit`. */
  @property({ type: Number, attribute: 'limit' }) limit?: number;

  /** The full view, once its code has arrived. */
  @state() private view?: FullView;

  /** Identifies the latest lookup; revalidations of older lookups are ignored. */
  private currentRun: object | undefined;
  private revalidated: { run: object; value: Fresh<StockResult> } | undefined;
  /**
   * The latest lookup's stale answer could not be refreshed (its revalidation failed): the answer
   * on screen is kept, and says so.
   */
  private refreshFailed: { run: object; error: unknown } | undefined;
  private announcedResult: StockResult | undefined;
  /** The badge's answer is online only: the stored postal code is unknown to the backend. */
  private onlineOnly = false;
  private abortedByRemoval = false;
  /** The next lookup skips fresh cached answers (`refresh()`). */
  private forceNetwork = false;
  private reportedFailure: unknown;
  /** Set while the full view's code is loading. */
  private viewLoading: Promise<void> | undefined;

  private readonly locationController = new ServiceController<LocationService>(this);
  private readonly myStoreController = new ServiceController<MyStoreService>(this);
  private readonly pulseController = new OffscreenPulseController(this, () =>
    this.renderRoot?.querySelector<HTMLElement>('[part~="base"]'),
  );

  private readonly stockTask = new Task(this, {
    task: async ([stock, sku, location, radiusKm, limit, ready, variant], { signal }) => {
      if (!stock || !sku || !ready) return initialState;
      prepareDistanceFormat(this.distanceUnit, this.formatLocale);
      const myStore = this.myStore?.store;
      const fresh = this.forceNetwork;
      this.forceNetwork = false;
      const run = {};
      this.currentRun = run;
      this.revalidated = undefined;
      this.refreshFailed = undefined;
      this.onlineOnly = false;
      const query = {
        sku,
        location,
        radiusKm,
        limit,
        includeOnline: variant === 'full' || location === undefined,
        myStore,
        ...(fresh ? { fresh } : {}),
      };
      let result: SwrResult<StockResult>;
      try {
        result = await stock.lookup(query, { signal });
      } catch (error) {
        // A postal code the backend does not know (saved by an older version): the full variant
        // opens the postal form with the message; a badge falls back to the online answer.
        if (!isRejectedPostalCode(error)) throw error;
        if (variant === 'full') {
          this.view?.postalRejected();
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
        this.myStoreToFetch,
      ] as const,
  });

  /**
   * The shopper's store when the answer on screen lacks it (then it must be looked up); an answer
   * that lists it already only needs the mark and the order, which rendering does.
   */
  private get myStoreToFetch(): string | undefined {
    const mine = this.myStore?.store;
    if (!mine) return undefined;
    const listed = this.stockTask?.value?.value.stores.some((entry) => entry.store.id === mine.id);
    return listed ? undefined : mine.id;
  }

  constructor() {
    super();
    // Loading from the start, so that the space omnishelf.css reserved before the upgrade stays
    // reserved by the element's own styles (:host(:state(loading))) without a gap.
    this.setStates({ loading: true });
    // Height hold until interaction: a full checker keeps the tallest height it has had (first
    // the space omnishelf.css reserved, then its placeholder) until the shopper interacts with
    // it, so that a shorter answer leaves room instead of pulling the page up.
    new HeightHoldController(this, {
      enabled: () => this.variant !== 'badge',
      loading: () => this.isLoading,
    });
    // Back online, or back on the tab: a lookup that failed, or a refresh that did, is asked again.
    new RecoveryController(this, {
      failed: () => this.mayRecover,
      retry: () => {
        // A refresh that failed is a refresh still wanted: past the cache again.
        if (this.failure === undefined) this.forceNetwork = true;
        void this.stockTask.run().catch(() => undefined);
      },
    });
  }

  private get effectiveConfig(): OmniConfig {
    return this.config ?? DEFAULT_CONFIG;
  }

  private get shopperLocation(): ShopperLocation | undefined {
    if (!this.locationController.ready) return undefined;
    try {
      return this.location?.location ?? undefined;
    } catch {
      return undefined;
    }
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
    this.myStoreController.setService(this.myStore);
    if (this.variant === 'full' && !this.view && !this.viewLoading) {
      this.viewLoading = this.loadView().finally(() => (this.viewLoading = undefined));
    }
    if (changed.has('sku')) this.view?.skuChanged();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.prefetch();
    // Back on the page after a removal that aborted the lookup: ask again.
    if (this.abortedByRemoval) {
      this.abortedByRemoval = false;
      void this.stockTask.run().catch(() => undefined);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A widget taken off the page stops waiting: its requests are aborted (shared ones only when
    // no other widget waits for them).
    if (this.stockTask.status === TaskStatus.PENDING) {
      this.abortedByRemoval = true;
      this.stockTask.abort(new DOMException('The widget left the page', 'AbortError'));
    }
  }

  /**
   * Services arrive during `connectedCallback` (context): ask for the stores as soon as the
   * location is known, before this widget (and the others on the page) have rendered. When it is
   * known already (nothing remembered to load), the request leaves now, while the other widgets
   * on the page are still being upgraded.
   */
  private prefetch(): void {
    const { stock, location } = this;
    if (!stock?.prefetchStores || !location) return;
    const prefetch = () => {
      const where = location.location;
      if (where && this.isConnected && this.sku.trim()) {
        stock.prefetchStores?.(where, this.effectiveRadius, this.effectiveLimit);
      }
    };
    if (location.loaded === true) prefetch();
    else void location.ready.then(prefetch);
  }

  /**
   * Asks the backend again now, past the cache (the shopper or the page knows something changed,
   * e.g. after an order). The answer on screen stays until the new one arrives.
   */
  async refresh(): Promise<void> {
    this.forceNetwork = true;
    await this.stockTask.run().catch(() => undefined);
  }

  protected override updated(): void {
    this.setStates(this.stateFlags());
    this.pulseController.update(this.isLoading || !this.localeReady);
    const failure = this.failure;
    if (failure !== undefined && failure !== this.reportedFailure) {
      this.reportedFailure = failure;
      this.dispatchEvent(
        new OmniErrorEvent(failure instanceof Error ? failure : new Error(String(failure))),
      );
    }
    const result = this.shownResult?.value;
    if (result && result !== this.announcedResult) {
      this.announcedResult = result;
      const nearest = result.stores.find((entry) => isAvailable(entry.availability));
      const available = nearest !== undefined || isAvailable(result.online);
      this.dispatchEvent(new OmniStockChangeEvent(result.sku, available, nearest, result));
    }
  }

  /** Loads the full view's code (the loader usually has it on the way already). */
  private async loadView(): Promise<void> {
    try {
      const { createFullView, fullStyles } = await import('./stock-checker-full.js');
      if (this.shadowRoot) {
        adoptStyles(this.shadowRoot, [...OmniStockChecker.elementStyles, ...fullStyles]);
      }
      this.view = createFullView(this.viewContext());
    } catch (error) {
      // The chunk could not be loaded (offline, a missing file): the placeholder stays, and the
      // next update tries again.
      console.error('[omnishelf] could not load the stock checker', error);
    }
  }

  /** Also waits for the full view's code, so that `updateComplete` means "rendered for real". */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.viewLoading) {
      await this.viewLoading;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  /** What the full view may read and do (it lives in its own module). */
  private viewContext(): StockCheckerView {
    return {
      host: this,
      config: () => this.effectiveConfig,
      sku: () => this.sku.trim(),
      stock: () => this.stock,
      location: () => this.location,
      locationController: this.locationController,
      myStore: () => this.myStore,
      radiusKm: () => this.effectiveRadius,
      limit: () => this.effectiveLimit,
      loading: () => this.isLoading,
      failure: () => this.failure,
      shown: () => this.shownResult,
      refreshFailed: () => this.currentRefreshFailure !== undefined,
      formatLocale: () => this.formatLocale,
      distanceUnit: () => this.distanceUnit,
      retry: () => {
        void this.stockTask.run().catch(() => undefined);
      },
      focusAfterUpdate: (selector, within) => this.focusAfterUpdate(selector, within),
      renderSkeleton: () => this.renderFullSkeleton(),
    };
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

  /**
   * Why the answer on screen is an old one that could not be refreshed (undefined while it is
   * fresh, or its refresh is still under way).
   */
  private get currentRefreshFailure(): unknown {
    const failed = this.refreshFailed;
    return failed && failed.run === this.currentRun && this.stockTask.status === TaskStatus.COMPLETE
      ? failed.error
      : undefined;
  }

  /**
   * A lookup or a refresh failed for a reason that may pass (not an unknown postal code, nor a
   * backend without stock): worth asking again when the connection or the shopper is back.
   */
  private get mayRecover(): boolean {
    const failure = this.failure;
    if (failure === undefined) return this.currentRefreshFailure !== undefined;
    return (
      !isRejectedPostalCode(failure) && !(isOmniError(failure) && failure.kind === 'unsupported')
    );
  }

  private watchRevalidation(run: object, revalidation: Promise<Fresh<StockResult>>): void {
    revalidation.then(
      (fresh) => {
        if (run !== this.currentRun || !fresh) return;
        this.revalidated = { run, value: fresh };
        this.requestUpdate();
      },
      (error: unknown) => {
        // The stale value stays on screen, labelled as one that could not be updated (not when
        // this widget stopped waiting: a newer lookup, or removal from the page).
        if (run !== this.currentRun || isAbort(error)) return;
        this.refreshFailed = { run, error: error ?? new Error('refresh failed') };
        this.requestUpdate();
      },
    );
  }

  private stateFlags(): Record<string, boolean> {
    const shown = this.shownResult;
    return {
      loading: this.isLoading,
      error: this.failure !== undefined,
      stale: shown?.stale === true,
      empty:
        shown !== undefined &&
        this.shopperLocation !== undefined &&
        !this.onlineOnly &&
        shown.value.stores.length === 0,
    };
  }

  private get formatLocale(): string {
    return this.formatLocaleFor(this.effectiveConfig.locale);
  }

  private get distanceUnit(): 'km' | 'mi' {
    const pref = this.effectiveConfig.locale;
    const regional =
      pref && pref !== 'auto' ? pref : document.documentElement.lang || navigator.language || 'en';
    return resolveUnit(this.effectiveConfig.units, regional);
  }

  private distanceText(store: Store): string {
    const km = store.distanceKm;
    return typeof km === 'number' ? formatDistance(km, this.distanceUnit, this.formatLocale) : '';
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.sku.trim()) return nothing;
    const badge = this.variant === 'badge';
    // Until the page's language is active, placeholders only: never English first.
    const ready = this.localeReady;
    const body = badge
      ? ready
        ? this.renderBadge()
        : this.renderBadgeSkeleton(false)
      : ready
        ? (this.view?.render() ?? this.renderFullSkeleton())
        : this.renderFullSkeleton(false);
    return html`<div
      part="base"
      class="base ${badge ? 'base--badge' : 'base--full'}"
      dir=${this.direction}
      lang=${this.activeLocale}
      aria-busy=${this.isLoading || !ready ? 'true' : 'false'}
    >
      ${body}
    </div>`;
  }

  /**
   * The full view while loading: a location line, the summary and a row per store, each as tall
   * as its answer, so that nothing moves when stock arrives (also before the view's code has).
   */
  private renderFullSkeleton(withText = true): TemplateResult {
    // Until the remembered location is known, a location is expected (most pages have one).
    const expectStores = this.shopperLocation !== undefined || !this.locationController.ready;
    const rows = Array.from({
      length: expectStores ? Math.min(this.effectiveLimit, VISIBLE_STORES) : 0,
    });
    const bone = (size: string) =>
      html`<span class="bone bone--${size}" part="skeleton" aria-hidden="true">&nbsp;</span>`;
    const own = !this.view || !withText;
    // The location line holds a text button: its placeholder has the same box.
    return html`${own ? html`<p class="location row">${bone('action')}</p>` : nothing}
      ${
        own
          ? html`<p class="summary row" role="status">
              ${withText ? msg('Checking stock…', { id: 'stock.checking' }) : nothing}
            </p>`
          : nothing
      }
      <p class="online row" part="online">${bone('short')}</p>
      ${
        rows.length
          ? html`<ul class="list" part="list" aria-hidden="true">
              ${rows.map(
                () =>
                  html`<li class="item item--skeleton" part="item skeleton">
                    <p class="row head">${bone('name')}</p>
                    <p class="row">${bone('medium')}</p>
                    <p class="row">${bone('long')}</p>
                    <p class="row">${bone('long')}</p>
                    <div class="actions">${bone('action')} ${bone('action')}</div>
                  </li>`,
              )}
            </ul>`
          : nothing
      }`;
  }

  private renderBadgeSkeleton(withText = true): TemplateResult {
    return html`<p class="badge badge--loading" part="badge">
      <span class="bone bone--badge" part="skeleton" aria-hidden="true">&nbsp;</span>
      ${
        withText
          ? html`<span class="visually-hidden"
              >${msg('Checking stock…', { id: 'stock.checking' })}</span
            >`
          : nothing
      }
    </p>`;
  }

  private renderBadge(): TemplateResult {
    if (this.isLoading) return this.renderBadgeSkeleton();
    if (this.failure !== undefined) {
      return html`<p class="badge badge--muted" part="badge">
        ${msg('Stock information unavailable', { id: 'stock.badge.unavailable' })}
      </p>`;
    }
    const shown = this.shownResult;
    const result = shown?.value;
    const mine = this.myStore?.storeId;
    const available = result?.stores.filter((entry) => isAvailable(entry.availability)) ?? [];
    const nearest = available.find((entry) => entry.store.id === mine) ?? available[0];
    let text: string;
    let tone: StockStatus;
    if (nearest) {
      const name = isolate(nearest.store.name);
      const distance = isolate(this.distanceText(nearest.store));
      const low = effectiveStatus(nearest.availability) === 'low_stock';
      tone = low ? 'low_stock' : 'in_stock';
      if (nearest.store.id === mine) {
        text = low
          ? msg(str`Low stock at your store, ${name}`, { id: 'stock.badge.lowAtMine' })
          : msg(str`In stock at your store, ${name}`, { id: 'stock.badge.inAtMine' });
      } else {
        text = distance
          ? low
            ? msg(str`Low stock at ${name} (${distance})`, { id: 'stock.badge.lowAtDistance' })
            : msg(str`In stock at ${name} (${distance})`, { id: 'stock.badge.inAtDistance' })
          : low
            ? msg(str`Low stock at ${name}`, { id: 'stock.badge.lowAt' })
            : msg(str`In stock at ${name}`, { id: 'stock.badge.inAt' });
      }
    } else if (this.shopperLocation && !this.onlineOnly) {
      // Not on a shelf nearby, but maybe to be ordered: that is not "out of stock".
      const orderable = result?.stores.find((entry) => isOrderable(entry.availability));
      tone = orderable ? effectiveStatus(orderable.availability) : 'out_of_stock';
      text = orderable
        ? onlineBadgeText(tone, false)
        : msg('Not in stock nearby', { id: 'stock.badge.notNearby' });
    } else {
      // No record online (an unknown sku) counts as out of stock: the badge is never blank.
      tone = effectiveStatus(result?.online);
      text = onlineBadgeText(tone);
    }
    return html`<p class="badge status--${tone}" part="badge status">
      <span class="icon" aria-hidden="true"></span>${text}${
        shown?.stale
          ? html` <span class="stale" part="stale"
              >${msg('(may have changed)', { id: 'stock.badge.stale' })}</span
            >`
          : nothing
      }
    </p>`;
  }
}

function onlineBadgeText(status: StockStatus, online = true): string {
  switch (status) {
    case 'in_stock':
      return msg('In stock online', { id: 'stock.badge.online.in' });
    case 'low_stock':
      return msg('Low stock online', { id: 'stock.badge.online.low' });
    case 'backorder':
      return online
        ? msg('Available online on backorder', { id: 'stock.badge.online.backorder' })
        : msg('Available on backorder', { id: 'stock.badge.backorder' });
    case 'preorder':
      return online
        ? msg('Available online to preorder', { id: 'stock.badge.online.preorder' })
        : msg('Available to preorder', { id: 'stock.badge.preorder' });
    default:
      return msg('Out of stock online', { id: 'stock.badge.online.out' });
  }
}

/** Stores listed at first (and in the placeholder); the others behind "Show more stores". */
export const VISIBLE_STORES = 3;

defineElement('omni-stock-checker', OmniStockChecker);

declare global {
  interface HTMLElementTagNameMap {
    'omni-stock-checker': OmniStockChecker;
  }
}
