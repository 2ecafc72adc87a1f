import { html, noChange, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import { msg, str } from '@lit/localize';
import {
  cartContext,
  clockContext,
  configContext,
  locationServiceContext,
  myStoreContext,
  shippingServiceContext,
  stockServiceContext,
  type CartStore,
  type Clock,
  type LocationService,
  type MyStoreService,
  type ShippingService,
  type StockService,
} from '../../core/context.js';
import { DEFAULT_CONFIG, postalCountries, type OmniConfig } from '../../core/config.js';
import type { Availability, Money, Store } from '../../core/api/types.js';
import { isAbort, isOmniError } from '../../core/api/errors.js';
import type { Fresh } from '../../core/cache/types.js';
import type { ShopperLocation } from '../../core/geo/location.js';
import { formatClockTime, formatRelativeTime } from '../../core/i18n/format.js';
import {
  formatCalendarDate,
  formatCalendarRange,
  formatHoursMinutes,
  weekdayFitsSentence,
} from '../../core/i18n/format-calendar.js';
import { dateFormat } from '../../core/i18n/format.js';
import { formatMoney, isMoney, isZeroMoney } from '../../core/money/index.js';
import { estimateDelivery, type DeliveryPromise } from '../../core/shipping/estimate.js';
import { freeShippingGap } from '../../core/shipping/free-shipping.js';
import { orderWithin } from '../../core/shipping/order-within.js';
import { pickupReadyTime } from '../../core/shipping/pickup-compare.js';
import type { CheckedShippingRules } from '../../core/shipping/shipping-service.js';
import { isAvailable, isOrderable } from '../../core/stock/rank.js';
import { dateInZone, daysBetween } from '../../core/time/zoned.js';
import { clockLine } from '../../controllers/clock-line.js';
import { HeightHoldController } from '../../controllers/height-hold.js';
import { countryName, LocationControls } from '../../controllers/location-controls.js';
import { RecoveryController } from '../../controllers/recovery-controller.js';
import { ServiceController } from '../../controllers/service-controller.js';
import { OmniErrorEvent } from '../../events/error.js';
import { OmniShippingChangeEvent, type ShippingDestination } from '../../events/shipping-change.js';
import { isolate, plainText } from '../base/bidi.js';
import {
  canRetry,
  failureOf,
  failureText,
  failureBox,
  type Failure,
} from '../base/failure-messages.js';
import { defineElement } from '../base/define.js';
import { OmniElement } from '../base/omni-element.js';
import { styles } from './shipping-estimator.styles.js';

/** The estimate on screen: the rules it came from, and one promise per method that has one. */
interface Shown {
  checked: CheckedShippingRules;
  /** Promises in the merchant's order, with each method's label and carrier. */
  promises: { promise: DeliveryPromise; label: string; carrier: string }[];
  /** The instant the promises were computed at (epoch ms); valid until the first `orderBy`. */
  at: number;
  postalCode: string;
  subtotalKey: string;
  /** When the item ships from (epoch ms): its restock date on backorder or preorder. */
  shipsFrom: number | undefined;
}

/**
 * Why shipping cannot be shown; the element's `:state()` and message follow it. Besides a country
 * the merchant does not ship to, the failures every widget words alike (failure-messages.ts).
 */
type Problem = 'unsupported-country' | Failure;

const DAY_MS = 24 * 60 * 60 * 1000;
/** What the console has been told on this page about rules that give no promise. */
const reported = new Set<string>();

function report(message: string): void {
  if (reported.has(message)) return;
  reported.add(message);
  console.warn(`[omnishelf] ${message}`);
}

/** The shopper's own timezone: their "today" and "Monday 15:00". */
function shopperZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * "How fast will it arrive if I order now": each shipping method with its price ("Free" when it
 * is), carrier and delivery dates ("Arrives Thu 27 Nov", "Arrives 27 Nov – 1 Dec"), the time
 * left to order for that promise ("Order within 3 hr, 12 min to get it by Thursday", live on the
 * page clock), a comparison with picking it up at the shopper's store, and how far the cart is
 * from free delivery. Dates come from the merchant's rules (`GET /shipping/rules`) through the
 * delivery-date engine (`estimateDelivery`): cutoffs in the warehouse's timezone, working days,
 * closures, carrier days, holidays and postal zones.
 *
 * The destination is the shopper's location, shared with the other widgets (a postal code typed
 * here is remembered for all of them); until a postal code is known, the dates span every zone
 * of the merchant's country. Rules are cached in IndexedDB for a day (a repeat view sends no
 * request) and shown for up to a week when the backend cannot be reached, with a note.
 *
 * Light and dark: the default colours follow the page's `color-scheme` (a page that declares
 * `color-scheme: light dark` gets the dark ones when the shopper's system prefers dark); the
 * `--omni-color-*` tokens win in both. Right to left in Arabic; usable from 320 px wide.
 *
 * Services come from `<omni-provider>` (or the page host) through Lit context; until they arrive
 * the element shows its loading placeholder.
 *
 * Nothing on the page moves while it loads: with two methods, its placeholder and its answer are
 * as tall as the space `omnishelf.css` reserves (the order-by line always has room for two lines,
 * so that its text, which changes every minute, moves nothing either), and it keeps at least that
 * height until the shopper interacts with it.
 *
 * @tag omni-shipping-estimator
 *
 * @event {OmniShippingChangeEvent} omni-shipping-change - The shopper chose another method, or
 *   changed the destination (once its estimate is known); `event.reason`, `event.destination`,
 *   `event.methodId`, `event.promise`.
 * @event {OmniErrorEvent} omni-error - The rules could not be had (also for a country the
 *   merchant does not ship to); `event.error` (kind, code, message) says why, for the merchant's logs.
 *
 * @csspart base - The wrapper around everything (carries `dir` and `lang`).
 * @csspart location - The "Delivery to 00100" line with its change button.
 * @csspart location-form - The postal-code form.
 * @csspart methods - The group (`fieldset`) of shipping methods.
 * @csspart list - The list (`ul`) of methods.
 * @csspart item - One method (`li`); the chosen one is also `selected-item`.
 * @csspart selected-item - The chosen method (also `item`), when there is a choice.
 * @csspart radio - The radio button of a method (only with more than one).
 * @csspart method-name - The method's name.
 * @csspart carrier - The carrier.
 * @csspart price - The price; also `free` when it is free.
 * @csspart dates - The "Arrives ..." line.
 * @csspart order-by - The "Order within ... / Order by ..." line (updates every minute).
 * @csspart ships-from - On backorder or preorder, "Ships from 13 Jan; ..." in place of `order-by`.
 * @csspart sold-out - "Out of stock for delivery right now." in place of the methods.
 * @csspart pickup - The "or pick it up today after 15:30 at Westlands" line.
 * @csspart free-shipping - The "EUR 12.40 away from free delivery" line.
 * @csspart stale - The note shown when the rules are old and could not be refreshed.
 * @csspart error - Error messages.
 * @csspart button - Every button (also `button retry-button`, `button change-button` ...).
 * @csspart form - The postal-code form.
 * @csspart label - Form labels.
 * @csspart input - The postal-code input and the country choice.
 * @csspart skeleton - Loading placeholders.
 *
 * @cssproperty --omni-color-text - Body text (default: the page's).
 * @cssproperty --omni-color-muted - Secondary text (carrier, notes).
 * @cssproperty --omni-color-accent - Links, buttons, the chosen method and the focus ring.
 * @cssproperty --omni-color-on-accent - Text on accent-coloured buttons.
 * @cssproperty --omni-color-success - "Free" and the free-delivery line.
 * @cssproperty --omni-color-danger - Errors.
 * @cssproperty --omni-color-border - Borders of the methods and inputs.
 * @cssproperty --omni-color-surface - Background of the widget (default transparent).
 * @cssproperty --omni-color-skeleton - Loading placeholders.
 * @cssproperty --omni-radius - Corner radius.
 * @cssproperty --omni-space - Base spacing unit.
 * @cssproperty --omni-font-size - Base font size (default: the page's).
 * @cssproperty --omni-line-height - Base line height (default 1.5).
 * @cssproperty --omni-shipping-estimator-gap - Space between methods (default 0.5 x --omni-space).
 * @cssproperty --omni-shipping-estimator-item-padding - Padding inside each method (default --omni-space).
 * @cssproperty --omni-shipping-estimator-selected-color - Border of the chosen method (default --omni-color-accent).
 * @cssproperty --omni-focus-ring - Focus outline (default 2px solid --omni-color-accent).
 * @cssproperty --omni-shipping-estimator-name-weight - Font weight of method names (default 600).
 *
 * @cssstate loading - Waiting for services or for the rules.
 * @cssstate error - The rules could not be had (a retry button is shown when retrying can help). They
 *   are asked again when the browser is back online and when the shopper comes back to the tab.
 * @cssstate unsupported - The merchant does not ship to the destination country.
 * @cssstate empty - The rules give no delivery date (the console says why).
 * @cssstate stale - Showing rules older than a day that could not be refreshed.
 * @cssstate sold-out - The item is out of stock online (and not on backorder or preorder): no
 *   delivery date is promised (pickup still is, where the shopper's store has it).
 */
export class OmniShippingEstimator extends OmniElement {
  static override styles = styles;

  /** The configuration (country, countries, currency, locale), from the provider. */
  @consume({ context: configContext, subscribe: true })
  @property({ attribute: false })
  config?: OmniConfig;

  /** Shipping rules per destination country. */
  @consume({ context: shippingServiceContext, subscribe: true })
  @property({ attribute: false })
  shipping?: ShippingService;

  /** The shopper's location, shared with the other widgets: the destination. */
  @consume({ context: locationServiceContext, subscribe: true })
  @property({ attribute: false })
  location?: LocationService;

  /** "My store" (optional: without it there is no pickup line). */
  @consume({ context: myStoreContext, subscribe: true })
  @property({ attribute: false })
  myStore?: MyStoreService;

  /** Stock at the shopper's store, for the pickup line (optional). */
  @consume({ context: stockServiceContext, subscribe: true })
  @property({ attribute: false })
  stock?: StockService;

  /**
   * The cart (optional, when the page has cart widgets): its subtotal counts for free delivery
   * while no `subtotal` is given.
   */
  @consume({ context: cartContext, subscribe: true })
  @property({ attribute: false })
  cart?: CartStore;

  /** The page clock (optional: without it, the time is read once per render). */
  @consume({ context: clockContext, subscribe: true })
  @property({ attribute: false })
  clock?: Clock;

  /** The product's sku: pickup is offered only when the shopper's store has it. */
  @property() sku = '';

  /**
   * The destination's postal code when the page knows it (a signed-in shopper's address), in the
   * configured `country`. Used until the shopper chooses a location; their choice then wins.
   */
  @property({ attribute: 'postal-code' }) postalCode = '';

  /**
   * The cart subtotal, for "EUR 12.40 away from free delivery" and free methods: a decimal
   * amount in the configured currency ("37.60"), the amount with its code ("37.60 EUR"), or, as
   * a property, `{ amount, currency }`. Unset: the subtotal of the page's cart when it has items
   * (with cart widgets on the page), else prices without the free-delivery line.
   */
  @property() subtotal?: Money | string;

  /** The chosen method's id; empty (or unknown there) means the first one with a date. */
  @property() method = '';

  /** The answer on screen after a background refresh replaced a stale one. */
  @state() private revalidated: { run: object; value: Fresh<CheckedShippingRules> } | undefined;

  private currentRun: object | undefined;
  private memo: Shown | undefined;
  /** The destination last seen, to tell the shopper's changes from the first one. */
  private destinationKey: string | undefined;
  private destinationChanged = false;
  /** The failure last reported with `omni-error`. */
  private reportedFailure: unknown;

  private readonly locationController = new ServiceController<LocationService>(this);
  private readonly myStoreController = new ServiceController<MyStoreService>(this);
  private readonly cartController = new ServiceController<CartStore>(this);

  private readonly controls = new LocationControls(this, {
    service: () => this.location,
    controller: this.locationController,
    focusAfterUpdate: (selector, within) => this.focusAfterUpdate(selector, within),
    doneSelector: '[part~="change-button"]',
    geolocation: false,
    preset: () => {
      const code = this.postalCode.trim();
      return code
        ? { kind: 'postal', postalCode: code, country: this.effectiveConfig.country }
        : undefined;
    },
    prompt: () =>
      msg('Enter your postal code for exact delivery dates.', { id: 'shipping.location.prompt' }),
    submitLabel: () => msg('Show dates', { id: 'shipping.location.submit' }),
    placeLabel: (place) => this.placeLabel(place),
  });

  private readonly rulesTask = new Task(this, {
    task: async ([shipping, country, ready], { signal }) => {
      if (!shipping || !country || !ready) return initialState;
      const run = {};
      this.currentRun = run;
      this.revalidated = undefined;
      const result = await shipping.rules(country, { signal });
      result.revalidation?.then(
        (fresh) => {
          if (run === this.currentRun) this.revalidated = { run, value: fresh };
        },
        () => {
          /* the stale rules stay on screen with their note */
        },
      );
      return result;
    },
    args: () => [this.shipping, this.destination?.country, this.controls.ready] as const,
  });

  /**
   * The item's online (warehouse) stock, when the stock service knows it: out of stock means no
   * delivery date is promised, and a backorder or preorder ships from its restock date. (One
   * batched request, shared with a stock checker on the page.) A failed lookup changes nothing.
   */
  private readonly onlineTask = new Task(this, {
    task: async ([stock, sku, radiusKm, limit], { signal }) => {
      if (!stock || !sku) return undefined;
      const result = await stock.lookup({ sku, radiusKm, limit, includeOnline: true }, { signal });
      return result.value.online;
    },
    args: () =>
      [
        this.stock,
        this.sku.trim(),
        this.effectiveConfig.radiusKm,
        this.effectiveConfig.storeLimit,
      ] as const,
  });

  /** The shopper's store, fresh from the stock service, when it has the item and offers pickup. */
  private readonly pickupTask = new Task(this, {
    task: async ([stock, sku, store, near, radiusKm, limit], { signal }) => {
      if (!stock || !sku || !store || store.pickup?.enabled !== true) return undefined;
      // Near the shopper (shared with a stock checker on the page), else at the store itself.
      const location: ShopperLocation = near ?? {
        kind: 'coords',
        lat: store.location.lat,
        lng: store.location.lng,
      };
      const result = await stock.lookup(
        { sku, location, radiusKm, limit, myStore: store },
        { signal },
      );
      const entry = result.value.stores.find((candidate) => candidate.store.id === store.id);
      return entry && isAvailable(entry.availability) ? entry.store : undefined;
    },
    args: () =>
      [
        this.stock,
        this.sku.trim(),
        this.myStoreController.ready ? this.myStore?.store : undefined,
        this.controls.ready ? (this.location?.location ?? undefined) : undefined,
        this.effectiveConfig.radiusKm,
        this.effectiveConfig.storeLimit,
      ] as const,
  });

  constructor() {
    super();
    // Height hold until interaction: the estimator keeps the height of its placeholder (the space
    // omnishelf.css reserved) until the shopper interacts with it.
    new HeightHoldController(this, {
      enabled: () => true,
      loading: () => this.loading,
    });
    // Back online, or back on the tab: rules that failed to load are asked again.
    new RecoveryController(this, {
      failed: () => {
        const problem = this.problem;
        return problem !== undefined && problem !== 'unsupported-country' && canRetry(problem);
      },
      retry: () => void this.rulesTask.run().catch(() => undefined),
    });
  }

  private get effectiveConfig(): OmniConfig {
    return this.config ?? DEFAULT_CONFIG;
  }

  private get formatLocale(): string {
    return this.formatLocaleFor(this.effectiveConfig.locale);
  }

  private now(): number {
    try {
      return this.clock?.now() ?? Date.now();
    } catch {
      return Date.now();
    }
  }

  /** Where parcels go: the postal location's country and code, else the merchant's country. */
  private get destination(): ShippingDestination | undefined {
    if (!this.controls.ready) return undefined;
    const place = this.controls.location;
    if (place?.kind === 'postal') {
      return { country: place.country.toUpperCase(), postalCode: place.postalCode };
    }
    return { country: this.effectiveConfig.country.toUpperCase() };
  }

  /**
   * The subtotal as money (the one place it is read): the one given, else the cart's while it
   * has items and knows all their prices.
   */
  private get effectiveSubtotal(): Money | undefined {
    const value = this.subtotal;
    if (isMoney(value)) return value;
    if (typeof value !== 'string' || value.trim() === '') return this.cartSubtotal;
    const [amount = '', code] = value.trim().split(/\s+/);
    const parsed = { amount, currency: (code ?? this.effectiveConfig.currency).toUpperCase() };
    return isMoney(parsed) ? parsed : undefined;
  }

  private get cartSubtotal(): Money | undefined {
    if (!this.cartController.ready) return undefined;
    try {
      const view = this.cart?.view;
      return view && view.count > 0 && isMoney(view.subtotal) ? view.subtotal : undefined;
    } catch {
      return undefined;
    }
  }

  private get loading(): boolean {
    const status = this.rulesTask.status;
    if (status === TaskStatus.ERROR) return isAbort(this.rulesTask.error);
    return status !== TaskStatus.COMPLETE;
  }

  private get problem(): Problem | undefined {
    if (this.rulesTask.status !== TaskStatus.ERROR) return undefined;
    const error: unknown = this.rulesTask.error;
    if (isAbort(error)) return undefined;
    if (isOmniError(error) && error.code === 'unsupported_country') return 'unsupported-country';
    return failureOf(error);
  }

  /** The rules on screen: the refreshed ones once a background refresh landed. */
  private get rules(): Fresh<CheckedShippingRules> | undefined {
    if (this.rulesTask.status !== TaskStatus.COMPLETE) return undefined;
    const revalidated = this.revalidated;
    if (revalidated && revalidated.run === this.currentRun) return revalidated.value;
    return this.rulesTask.value;
  }

  /**
   * The promises at the page clock's time. They hold until the earliest `orderBy` (the engine's
   * guarantee), so they are computed again only then, or when the inputs change.
   */
  private shown(): Shown | undefined {
    const rules = this.rules?.value;
    if (!rules) return undefined;
    const now = this.now();
    const postalCode = this.destination?.postalCode ?? '';
    const subtotal = this.effectiveSubtotal;
    const subtotalKey = subtotal ? `${subtotal.amount} ${subtotal.currency}` : '';
    const shipsFrom = this.shipsFrom(now);
    const memo = this.memo;
    if (
      memo &&
      memo.checked === rules &&
      memo.shipsFrom === shipsFrom &&
      memo.postalCode === postalCode &&
      memo.subtotalKey === subtotalKey &&
      now >= memo.at &&
      now - memo.at < DAY_MS &&
      memo.promises.every(({ promise }) => now < promise.orderBy.getTime())
    ) {
      return memo;
    }
    const methods = new Map(rules.rules.methods.map((method) => [method.id, method]));
    const promises: Shown['promises'] = [];
    for (const estimate of estimateDelivery(rules.rules, {
      postalCode,
      subtotal,
      // On backorder or preorder, the dates count from the day it ships.
      now: new Date(shipsFrom ?? now),
    })) {
      const method = methods.get(estimate.methodId);
      if (!method) continue;
      if ('none' in estimate) {
        report(
          `Shipping to ${rules.country}: method "${estimate.methodId}" has no delivery date (${estimate.none}); left out.`,
        );
        continue;
      }
      promises.push({ promise: estimate, label: method.label, carrier: method.carrier });
    }
    if (rules.rules.methods.length === 0) {
      report(`Shipping to ${rules.country}: the rules have no usable shipping method.`);
    }
    this.memo = { checked: rules, promises, at: now, postalCode, subtotalKey, shipsFrom };
    return this.memo;
  }

  /** The item's online stock, once known. */
  private get online(): Availability | undefined {
    return this.onlineTask.status === TaskStatus.COMPLETE ? this.onlineTask.value : undefined;
  }

  /** Out of stock online (not on backorder or preorder either): no delivery to promise. */
  private get soldOut(): boolean {
    const online = this.online;
    return online !== undefined && !isAvailable(online) && !isOrderable(online);
  }

  /** When a backorder or preorder ships (its restock date, if still ahead of `now`). */
  private shipsFrom(now: number): number | undefined {
    const online = this.online;
    if (!online || isAvailable(online) || !isOrderable(online) || !online.restockAt)
      return undefined;
    const at = Date.parse(online.restockAt);
    return Number.isFinite(at) && at > now ? at : undefined;
  }

  /** The chosen method's entry: `method` when it has a promise, else the first. */
  private chosen(shown: Shown): Shown['promises'][number] | undefined {
    return (
      shown.promises.find((entry) => entry.promise.methodId === this.method) ?? shown.promises[0]
    );
  }

  /**
   * The chosen method's promise on screen (dates, the instant it holds until, price), or
   * undefined while loading or when there is none. Read-only; it changes when `orderBy` passes.
   */
  get promise(): DeliveryPromise | undefined {
    if (this.loading || this.problem || this.soldOut) return undefined;
    const shown = this.shown();
    return shown && this.chosen(shown)?.promise;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.locationController.setService(this.location);
    this.myStoreController.setService(this.myStore);
    this.cartController.setService(this.cart);
    this.controls.countries = postalCountries(this.effectiveConfig);
    const destination = this.destination;
    if (destination) {
      const key = `${destination.country}|${destination.postalCode ?? ''}`;
      // Only the shopper's changes count: not the first destination, nor one set from outside.
      if (
        this.destinationKey !== undefined &&
        key !== this.destinationKey &&
        !changed.has('postalCode') &&
        !changed.has('config')
      ) {
        this.destinationChanged = true;
      }
      this.destinationKey = key;
    }
  }

  protected override updated(): void {
    const shown = this.loading ? undefined : this.shown();
    const problem = this.problem;
    this.setStates({
      loading: this.loading,
      error: problem !== undefined && problem !== 'unsupported-country',
      unsupported: problem === 'unsupported-country',
      empty: shown !== undefined && shown.promises.length === 0,
      'sold-out': this.soldOut,
      stale: this.rules?.stale === true,
    });
    const failure =
      this.rulesTask.status === TaskStatus.ERROR && !isAbort(this.rulesTask.error)
        ? (this.rulesTask.error as unknown)
        : undefined;
    if (failure !== undefined && failure !== this.reportedFailure) {
      this.reportedFailure = failure;
      this.dispatchEvent(
        new OmniErrorEvent(failure instanceof Error ? failure : new Error(String(failure))),
      );
    }
    const destination = this.destination;
    if (this.destinationChanged && !this.loading && destination) {
      this.destinationChanged = false;
      const chosen = shown && this.chosen(shown);
      this.dispatchEvent(
        new OmniShippingChangeEvent(
          'destination',
          destination,
          chosen?.promise.methodId,
          chosen?.promise,
        ),
      );
    }
  }

  private handleMethodChange(id: string): void {
    this.method = id;
    const shown = this.shown();
    const destination = this.destination;
    if (!shown || !destination) return;
    const chosen = this.chosen(shown);
    this.dispatchEvent(
      new OmniShippingChangeEvent('method', destination, chosen?.promise.methodId, chosen?.promise),
    );
  }

  /**
   * "Try again": the button goes while the rules load, so keyboard users are brought to the
   * delivery options that came back, or to "Try again" once more.
   */
  private async handleRetry(): Promise<void> {
    const within = this.matches(':focus-within');
    await this.rulesTask.run().catch(() => undefined);
    void this.focusAfterUpdate(
      this.problem ? '[part~="retry-button"]' : 'input[name="method"]',
      within,
    );
  }

  private placeLabel(place: ShopperLocation): string {
    if (place.kind === 'postal') {
      const code = isolate(place.postalCode);
      return msg(str`Delivery to ${code}`, { id: 'shipping.location.postal' });
    }
    const country = isolate(countryName(this.effectiveConfig.country.toUpperCase()));
    return msg(str`Delivery in ${country}`, { id: 'shipping.location.country' });
  }

  protected override render(): TemplateResult {
    const loading = this.loading;
    return html`<div
      part="base"
      class="base"
      dir=${this.direction}
      lang=${this.activeLocale}
      aria-busy=${loading ? 'true' : 'false'}
    >
      ${this.controls.render()}
      <p class="visually-hidden" role="status">
        ${
          loading && this.controls.ready
            ? msg('Estimating delivery dates…', { id: 'shipping.loading' })
            : nothing
        }
      </p>
      ${loading ? this.renderSkeleton() : this.renderAnswer()}
    </div>`;
  }

  private renderSkeleton(): TemplateResult {
    const bone = (size: string) =>
      html`<span class="bone bone--${size}" part="skeleton" aria-hidden="true">&nbsp;</span>`;
    return html`<ul class="list" part="list" aria-hidden="true">
        ${[0, 1].map(
          () =>
            html`<li class="item item--skeleton" part="item skeleton">
              <span class="row head">${bone('name')}</span>
              <span class="row carrier">${bone('medium')}</span>
              <span class="row">${bone('long')}</span>
            </li>`,
        )}
      </ul>
      <p class="row order-by">${bone('long')}</p>
      ${this.effectiveSubtotal ? html`<p class="row">${bone('medium')}</p>` : nothing}`;
  }

  private renderAnswer(): TemplateResult | typeof nothing {
    const problem = this.problem;
    if (problem) return this.renderProblem(problem);
    const shown = this.shown();
    if (!shown) return nothing;
    const fresh = this.rules;
    if (this.soldOut) {
      return html`<p class="sold-out" part="sold-out">
          ${msg('Out of stock for delivery right now.', { id: 'shipping.soldOut' })}
        </p>
        ${this.renderPickup()}`;
    }
    return html`
      ${
        shown.promises.length === 0
          ? html`<p class="error" part="error">
              ${msg("We can't estimate delivery dates right now.", { id: 'shipping.empty' })}
            </p>`
          : this.renderMethods(shown)
      }
      ${shown.promises.length > 0 ? this.renderPickup() : nothing} ${this.renderFreeShipping(shown)}
      ${
        fresh?.stale
          ? html`<p class="stale" part="stale">
              ${msg(
                str`Delivery times last updated ${formatRelativeTime(fresh.updatedAt, Date.now(), this.formatLocale)}; they may have changed.`,
                { id: 'shipping.stale' },
              )}
            </p>`
          : nothing
      }
    `;
  }

  private renderMethods(shown: Shown): TemplateResult {
    const chosen = this.chosen(shown);
    const choice = shown.promises.length > 1;
    const items = html`<ul class="list" part="list">
      ${shown.promises.map((entry) => {
        const selected = choice && entry === chosen;
        const body = this.renderMethod(entry);
        return html`<li
          class="item ${selected ? 'item--selected' : ''}"
          part=${selected ? 'item selected-item' : 'item'}
        >
          ${
            choice
              ? html`<label class="choice">
                  <input
                    class="radio"
                    part="radio"
                    type="radio"
                    name="method"
                    .value=${entry.promise.methodId}
                    .checked=${selected}
                    @change=${() => this.handleMethodChange(entry.promise.methodId)}
                  />
                  ${body}
                </label>`
              : html`<div class="choice">${body}</div>`
          }
        </li>`;
      })}
    </ul>`;
    return html`${
      choice
        ? html`<fieldset class="methods" part="methods">
            <legend class="visually-hidden">
              ${msg('Delivery options', { id: 'shipping.methods' })}
            </legend>
            ${items}
          </fieldset>`
        : html`<div class="methods" part="methods">${items}</div>`
    }
    ${
      shown.shipsFrom !== undefined
        ? this.renderShipsFrom(shown.shipsFrom)
        : chosen
          ? this.renderOrderBy(chosen.promise, shown.at)
          : nothing
    }`;
  }

  /** Backorder or preorder: when it ships, in place of the order-by line (no cutoff to race). */
  private renderShipsFrom(at: number): TemplateResult {
    const day = dateInZone(at, shopperZone());
    const date = day
      ? formatCalendarDate(day, this.formatLocale, { day: 'numeric', month: 'short' })
      : '';
    return html`<p class="row order-by" part="ships-from">
      ${msg(str`Ships from ${date}; the dates above count from then.`, { id: 'shipping.shipsFrom' })}
    </p>`;
  }

  private renderMethod(entry: Shown['promises'][number]): TemplateResult {
    const { promise } = entry;
    const locale = this.formatLocale;
    const free = isZeroMoney(promise.price);
    const dates =
      promise.earliest === promise.latest
        ? msg(
            str`Arrives ${formatCalendarDate(promise.earliest, locale, {
              weekday: 'short',
              day: 'numeric',
              month: 'short',
            })}`,
            { id: 'shipping.arrives' },
          )
        : msg(
            str`Arrives ${formatCalendarRange(promise.earliest, promise.latest, locale, {
              day: 'numeric',
              month: 'short',
            })}`,
            { id: 'shipping.arrivesRange' },
          );
    return html`<span class="method">
      <span class="head">
        <span class="name" part="method-name"><bdi>${plainText(entry.label)}</bdi></span>
        <span class="price ${free ? 'price--free' : ''}" part=${free ? 'price free' : 'price'}
          >${free ? msg('Free', { id: 'shipping.free' }) : formatMoney(promise.price, locale)}</span
        >
      </span>
      <span class="carrier" part="carrier"><bdi>${plainText(entry.carrier)}</bdi></span>
      <span class="dates" part="dates">${dates}</span>
    </span>`;
  }

  /**
   * The order-by line, live on the page clock. Its element re-renders only when the promise no
   * longer holds: at `orderBy`, or when the clock was set back before the time it was made for.
   */
  private renderOrderBy(promise: DeliveryPromise, madeAt: number): TemplateResult {
    return html`<p class="order-by" part="order-by">
      ${clockLine(this.clock, (now) => this.orderByText(promise, madeAt, now))}
    </p>`;
  }

  private orderByText(promise: DeliveryPromise, madeAt: number, now: number): unknown {
    const left = orderWithin(promise.orderBy, new Date(now));
    if (left.kind === 'passed' || now < madeAt) {
      // Rolls over to another promise: the whole estimate is computed again.
      this.requestUpdate();
      return noChange;
    }
    const locale = this.formatLocale;
    const zone = shopperZone();
    const today = dateInZone(now, zone) ?? promise.latest;
    const ahead = daysBetween(today, promise.latest);
    // A day this week by its name, unless the language would have to decline it (Lithuanian).
    const weekdays = weekdayFitsSentence(locale);
    const day =
      weekdays && ahead >= 0 && ahead <= 6
        ? formatCalendarDate(promise.latest, locale, { weekday: 'long' })
        : formatCalendarDate(promise.latest, locale, { day: 'numeric', month: 'long' });
    if (left.kind === 'by') {
      const soon = left.date.getTime() - now < 6 * DAY_MS;
      const moment = dateFormat(locale, {
        ...(soon && weekdays
          ? { weekday: 'long' }
          : { day: 'numeric', month: soon ? 'long' : 'short' }),
        hour: 'numeric',
        minute: '2-digit',
        timeZone: zone,
      }).format(left.date);
      return msg(str`Order by ${moment} to get it by ${day}`, { id: 'shipping.orderBy' });
    }
    const duration =
      formatHoursMinutes(left.hours, left.minutes, locale) ||
      msg('less than a minute', { id: 'shipping.lessThanMinute' });
    if (ahead === 0) {
      return msg(str`Order within ${duration} to get it today`, {
        id: 'shipping.orderWithin.today',
      });
    }
    if (ahead === 1) {
      return msg(str`Order within ${duration} to get it tomorrow`, {
        id: 'shipping.orderWithin.tomorrow',
      });
    }
    return msg(str`Order within ${duration} to get it by ${day}`, { id: 'shipping.orderWithin' });
  }

  /** "or pick it up today after 15:30 at Westlands", live on the page clock. */
  private renderPickup(): TemplateResult | typeof nothing {
    const store =
      this.pickupTask.status === TaskStatus.COMPLETE ? this.pickupTask.value : undefined;
    if (!store) return nothing;
    return html`<p class="pickup" part="pickup">
      ${clockLine(this.clock, (now) => this.pickupText(store, now))}
    </p>`;
  }

  private pickupText(store: Store, now: number): string {
    const ready = pickupReadyTime(store, now);
    if (!ready) return '';
    const locale = this.formatLocale;
    const time = formatClockTime(ready.time, locale);
    const name = isolate(store.name);
    if (ready.dayOffset === 0) {
      return ready.atOpening
        ? msg(str`or pick it up today from ${time} at ${name}`, { id: 'shipping.pickup.todayFrom' })
        : msg(str`or pick it up today after ${time} at ${name}`, {
            id: 'shipping.pickup.todayAfter',
          });
    }
    if (ready.dayOffset === 1) {
      return ready.atOpening
        ? msg(str`or pick it up tomorrow from ${time} at ${name}`, {
            id: 'shipping.pickup.tomorrowFrom',
          })
        : msg(str`or pick it up tomorrow after ${time} at ${name}`, {
            id: 'shipping.pickup.tomorrowAfter',
          });
    }
    const day = weekdayFitsSentence(locale)
      ? formatCalendarDate(ready.date, locale, {
          weekday: 'long',
          ...(ready.dayOffset > 6 ? { day: 'numeric', month: 'long' } : {}),
        })
      : formatCalendarDate(ready.date, locale, { day: 'numeric', month: 'long' });
    return ready.atOpening
      ? msg(str`or pick it up ${day} from ${time} at ${name}`, { id: 'shipping.pickup.dayFrom' })
      : msg(str`or pick it up ${day} after ${time} at ${name}`, { id: 'shipping.pickup.dayAfter' });
  }

  private renderFreeShipping(shown: Shown): TemplateResult | typeof nothing {
    const gap = freeShippingGap(shown.checked.rules.methods, this.effectiveSubtotal);
    if (!gap) return nothing;
    const amount = isolate(formatMoney(gap, this.formatLocale));
    return html`<p class="free-shipping" part="free-shipping">
      ${msg(str`${amount} away from free delivery`, { id: 'shipping.freeGap' })}
    </p>`;
  }

  private renderProblem(problem: Problem): TemplateResult {
    let text: string;
    let retry = false;
    if (problem === 'unsupported-country') {
      const country = isolate(countryName(this.destination?.country ?? ''));
      text = msg(str`Sorry, we don't deliver to ${country}.`, { id: 'shipping.unsupported' });
    } else {
      text = failureText(problem, 'shipping');
      retry = canRetry(problem);
    }
    return failureBox(text, retry ? this.handleRetry : undefined);
  }
}

defineElement('omni-shipping-estimator', OmniShippingEstimator);

declare global {
  interface HTMLElementTagNameMap {
    'omni-shipping-estimator': OmniShippingEstimator;
  }
}
