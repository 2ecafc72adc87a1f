import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import { msg, str } from '@lit/localize';
import {
  clockContext,
  configContext,
  locationServiceContext,
  myStoreContext,
  pickupServiceContext,
  stockServiceContext,
  type Clock,
  type LocationService,
  type MyStoreService,
  type PickupHold,
  type PickupLine,
  type PickupService,
  type StockService,
} from '../../core/context.js';
import {
  DEFAULT_CONFIG,
  MAX_RADIUS_KM,
  postalCountries,
  type OmniConfig,
} from '../../core/config.js';
import type { PickupSlot, Store } from '../../core/api/types.js';
import type { Fresh } from '../../core/cache/types.js';
import { isAbort, isOmniError } from '../../core/api/errors.js';
import { resolveUnit } from '../../core/geo/distance.js';
import { formatClockTime, formatDistance } from '../../core/i18n/format.js';
import {
  formatCountdown,
  formatPickupDate,
  formatSlotTime,
  slotDate,
} from '../../core/pickup/format.js';
import { firstBookable, readyTime } from '../../core/pickup/ready-time.js';
import { isAvailable } from '../../core/stock/rank.js';
import type { StockResult } from '../../core/stock/types.js';
import { addDays, dateInZone } from '../../core/time/zoned.js';
import { ClockController } from '../../controllers/clock-controller.js';
import { HeightHoldController } from '../../controllers/height-hold.js';
import { LocationControls } from '../../controllers/location-controls.js';
import { RecoveryController } from '../../controllers/recovery-controller.js';
import { ServiceController } from '../../controllers/service-controller.js';
import { OmniErrorEvent } from '../../events/error.js';
import { OmniPickupChangeEvent } from '../../events/pickup-change.js';
import { OmniReservationExpireEvent } from '../../events/reservation-expire.js';
import { OmniStoreSelectEvent } from '../../events/store-select.js';
import { isolate, plainText } from '../base/bidi.js';
import {
  canRetry,
  failureBox,
  failureOf,
  failureText,
  unreachableText,
} from '../base/failure-messages.js';
import { defineElement } from '../base/define.js';
import { FormAssociated } from '../base/form-associated.js';
import { OmniElement } from '../base/omni-element.js';
import { openingHours, showMoreStores } from '../stock-checker/store-messages.js';
import { itemsAvailable, minutesLeft, pickupStores, placesLeft } from './messages.js';
import { styles } from './pickup-selector.styles.js';

export type { PickupLine } from '../../core/context.js';

/** A store that offers pickup, with the lines it cannot fulfil (by name). */
interface StoreOption {
  store: Store;
  missing: string[];
}

/** Slots as shown, with the store they belong to. */
interface ShownSlots extends Fresh<PickupSlot[]> {
  storeId: string;
}

/** Why the chosen time is not (or no longer) held, or why slots cannot be shown. */
type Problem =
  'full' | 'gone' | 'expired' | 'restored' | 'store-gone' | 'network' | 'unsupported' | 'failed';

/** The countdown is announced when fewer than this many minutes are left (and at expiry). */
const THRESHOLDS = [5, 1];
/** Arrow keys move through radios: a choice is acted on once it has stayed put this long. */
const SETTLE_MS = 350;
/** Slots are listed again when the page is shown after being hidden this long. */
const REVISIT_MS = 60_000;
/** What the element listens to on `window` (capturing: `submit` and `visibilitychange` come from below). */
const PAGE_EVENTS = ['pagehide', 'pageshow', 'online', 'submit', 'visibilitychange'];
/** Stores listed at first (and in the placeholder); the others behind "Show N more stores". */
const VISIBLE_STORES = 2;

/**
 * Lets the shopper choose where and when to collect an order: a store near them that offers
 * pickup and has every item (the closest that can fulfil first; stores without the items are
 * shown but cannot be chosen), when the order would be ready there, and a pickup time. Choosing
 * a time holds it (a reservation) with a countdown; the hold is released when the choice changes
 * or the form is reset. It outlives the page: the next selector for the same items (or for a cart
 * that has them all: the checkout) takes it over, the same reservation with the same countdown,
 * or says that it lapsed meanwhile; submitted with a form, it is the order's. (Where holds cannot
 * be kept, without IndexedDB, it is released when the page is left.) Choosing a store makes it the
 * shopper's store (every stock checker follows, in this tab, other tabs and later visits), and
 * choosing a store or a time makes pickup the way "Add to cart" offers first.
 *
 * A form control: its value is the choice as URL-encoded form data,
 * `store=<id>&slot=<id>&reservation=<id>`, submitted under `name`; with `required`, the form
 * needs a held time. Modes: `sku` (product page), `skus="A,B"` or the `lines` property (cart and
 * checkout; `cart` words it for a cart). `variant="compact"` shows one line ("Pickup at
 * Westlands · Ready today after 3:30 PM · Change", with room for a second on a phone) that opens
 * the chooser in a modal dialog.
 *
 * Nothing on the page moves while it loads: the chooser lists the two nearest stores, the others
 * behind "Show N more stores", each store's details in smaller type on a line each, so that it is
 * as tall as its loading placeholder and as the space `omnishelf.css` reserves; it keeps at least
 * that height until the shopper interacts with it.
 *
 * Colours follow the page's `color-scheme` (light, or dark for a page that allows it); every
 * colour is a documented custom property.
 *
 * @tag omni-pickup-selector
 *
 * @event {OmniErrorEvent} omni-error - Stores or times could not be loaded; `event.error` (kind,
 *   code, message) says why, for the merchant's logs.
 * @event {OmniPickupChangeEvent} omni-pickup-change - The shopper's choice changed: a store was
 *   chosen, a time is now held, or the hold ended; `event.store`, `event.slot`, `event.reservation`.
 * @event {OmniStoreSelectEvent} omni-store-select - The shopper chose a store (it is now their
 *   store); `event.store`.
 * @event {OmniReservationExpireEvent} omni-reservation-expire - A hold lapsed before the order was
 *   placed; `event.reservation`, `event.slot`, `event.store`.
 *
 * @csspart base - The wrapper around everything (carries `dir` and `lang`).
 * @csspart summary - The results line (full: for screen readers, shown only when no store can
 *   have the items) or the one-line choice (compact).
 * @csspart location - The "Near 00100" line with its change button.
 * @csspart location-form - The geolocation button and postal-code form.
 * @csspart stores - The group of stores (a `fieldset`).
 * @csspart legend - The titles of the store, day and time groups.
 * @csspart list - The list of stores.
 * @csspart item - One store (a `label` around its radio); the chosen one is also `item-checked`.
 * @csspart radio - Every radio button (stores, days and times).
 * @csspart store-name - The store's name.
 * @csspart my-store - The "My store" tag.
 * @csspart distance - The distance to the store.
 * @csspart availability - "Available for pickup", "2 of 3 items available" ...
 * @csspart hours - Open state and today's hours.
 * @csspart ready - "Ready today after 3:30 PM".
 * @csspart address - The store's address.
 * @csspart slots - The group of days and times (a `fieldset`).
 * @csspart days - The row of days.
 * @csspart day - One day (a `label` around its radio).
 * @csspart slot-list - The list of times.
 * @csspart slot - One time (a `label` around its radio); also `slot-full` when full.
 * @csspart hold - The hold line ("Held for you" and the countdown).
 * @csspart timer - The countdown ("14:32 left").
 * @csspart error - Error messages.
 * @csspart button - Every button (also `change-button`, `more-button`, `close-button`, `retry-button` ...).
 * @csspart dialog - The modal dialog of the compact variant.
 * @csspart dialog-title - Its title.
 * @csspart skeleton - Loading placeholders.
 *
 * @cssproperty --omni-color-text - Body text (default: the page's text colour; in the dialog, the browser's field text colour).
 * @cssproperty --omni-color-muted - Secondary text: hours, address, places left (default #545b64; dark #b4bcc6).
 * @cssproperty --omni-color-accent - Buttons, the chosen store and time, the focus ring (default #0b57d0; dark #8ab4f8).
 * @cssproperty --omni-color-on-accent - Text on accent-coloured buttons (default #ffffff; dark #0a1f44).
 * @cssproperty --omni-color-success - Available for pickup; the held time (default #146c2e; dark #6fdd8b).
 * @cssproperty --omni-color-warning - The last minute of a hold (default #8a4b00; dark #f0b45a).
 * @cssproperty --omni-color-danger - Unavailable stores, full times, errors (default #b3261e; dark #ffb4ab).
 * @cssproperty --omni-color-border - Borders of stores, days and times (default #8c939d; dark #7d858f).
 * @cssproperty --omni-color-surface - Background of the widget (default transparent).
 * @cssproperty --omni-color-field - Background of inputs and the dialog (default the browser's field colour, light or dark with the page).
 * @cssproperty --omni-color-skeleton - Loading placeholders (default #e6e8eb; dark #2d333b).
 * @cssproperty --omni-radius - Corner radius (default 0.375rem).
 * @cssproperty --omni-space - Base spacing unit (default 0.5rem).
 * @cssproperty --omni-font-size - Base font size (default: the page's).
 * @cssproperty --omni-line-height - Base line height (default 1.5).
 * @cssproperty --omni-pickup-selector-gap - Space between the sections (default 1.5 x --omni-space).
 * @cssproperty --omni-pickup-selector-item-padding - Padding inside each store and time (default --omni-space).
 * @cssproperty --omni-pickup-selector-slot-min-width - Narrowest column of the time grid (default 9rem).
 * @cssproperty --omni-pickup-selector-dialog-width - Widest the dialog gets (default 36rem).
 *
 * @cssstate loading - Waiting for services, stores or times.
 * @cssstate error - Stores or times could not be loaded (with a retry button). They are asked again
 *   when the browser is back online and when the shopper comes back to the tab.
 * @cssstate empty - No store nearby offers pickup.
 * @cssstate held - A time is held.
 * @cssstate expired - The last hold lapsed.
 * @cssstate open - The dialog (compact variant) is open.
 */
export class OmniPickupSelector extends FormAssociated(OmniElement) {
  static override styles = styles;

  /** The configuration (from `<omni-provider>` or the page). */
  @consume({ context: configContext, subscribe: true })
  @property({ attribute: false })
  config?: OmniConfig;

  /** Stores near the shopper and their stock (shared with the stock checkers). */
  @consume({ context: stockServiceContext, subscribe: true })
  @property({ attribute: false })
  stock?: StockService;

  /** Pickup times and holds. */
  @consume({ context: pickupServiceContext, subscribe: true })
  @property({ attribute: false })
  pickup?: PickupService;

  /** The shopper's location (shared with the stock checkers). */
  @consume({ context: locationServiceContext, subscribe: true })
  @property({ attribute: false })
  location?: LocationService;

  /** "My store": chosen stores become it; it is chosen until the shopper picks another. */
  @consume({ context: myStoreContext, subscribe: true })
  @property({ attribute: false })
  myStore?: MyStoreService;

  /** The page clock (optional: without it, the element reads `Date.now()`). */
  @consume({ context: clockContext, subscribe: true })
  @property({ attribute: false })
  clock?: Clock;

  /** The product's sku (product page). */
  @property() sku = '';

  /** Several skus, comma-separated, all to be picked up together (a cart, until `lines` is set). */
  @property() skus = '';

  /** Cart mode: every line must be available at the store, and the wording counts items. */
  @property({ type: Boolean, reflect: true }) cart = false;

  /**
   * The lines to pick up, with names and quantities (JavaScript only). Set by the cart (or the
   * page) in cart mode; wins over `skus` and `sku`.
   */
  @property({ attribute: false }) lines?: PickupLine[];

  /** The cart the pickup is for, sent with holds. */
  @property({ attribute: 'cart-id' }) cartId = '';

  /** 'full' (the chooser) or 'compact' (one line that opens the chooser in a dialog). */
  @property({ reflect: true }) variant: 'full' | 'compact' = 'full';

  /** Days of pickup times to offer, 1 to 14. */
  @property({ type: Number }) days = 7;

  /** The store the shopper chose here (else their store). */
  @state() private chosenId?: string;
  /** The chosen time (held, or being held). */
  @state() private slotId?: string;
  /** The day whose times are shown. */
  @state() private day?: string;
  @state() private hold?: PickupHold;
  @state() private problem?: Problem;
  @state() private dialogOpen = false;
  /** The polite announcement of the countdown (at thresholds only). */
  @state() private announcement = '';
  /** Bumped to list the slots again; `freshSlots` skips their cache. */
  @state() private slotsRun = 0;
  /** Every store is listed (the shopper asked for the ones behind "Show N more stores"). */
  @state() private showAllStores = false;

  private freshSlots = false;
  private placing = false;
  /** A time to hold once the slots are known (restored by the form, or after the page came back). */
  private resumeSlotId?: string;
  /** The time whose hold was let go when the page was left (held again if it comes back). */
  private leftWith?: string;
  /** The items the hold is for. */
  private holdKey = '';
  /** The skus (sorted) whose kept hold was last asked for (`recall`). */
  private recalledFor = '';
  /** The kept hold as read (null: none), until taken over once the stores are known. */
  private recalled?: PickupHold | null;
  /** True from asking for the kept hold until it is taken over (or not): no other hold meanwhile. */
  private recalling = false;
  /** Bumped whenever this element keeps or forgets a hold: a read from before is out of date. */
  private keptVersion = 0;
  private seenMine?: string;
  /** The items whose stores are listed (`showAllStores` is for them only). */
  private listedKey = '';
  private heardThreshold = Infinity;
  private settleTimer?: ReturnType<typeof setTimeout>;
  private storeTimer?: ReturnType<typeof setTimeout>;
  private hiddenAt = 0;
  private submitted?: Event;
  /** Events to dispatch after the render that shows their cause. */
  private outbox: Event[] = [];

  private readonly locationController = new ServiceController<LocationService>(this);
  private readonly myStoreController = new ServiceController<MyStoreService>(this);
  private readonly clockController = new ClockController(this);
  /** Seconds, only while a countdown runs. */
  private readonly tickController = new ClockController(this, { unit: 'second' });
  private readonly controls = new LocationControls(this, {
    service: () => this.location,
    controller: this.locationController,
    focusAfterUpdate: (selector, within) => this.focusAfterUpdate(selector, within),
    doneSelector: '[part~="change-button"], [part~="summary"]',
    prompt: () => msg('Find stores near you for pickup.', { id: 'pickup.location.prompt' }),
    check: async (candidate, signal) => {
      const sku = this.items[0]?.sku;
      if (sku)
        await this.stock?.lookup({ ...this.storeQuery(), sku, location: candidate }, { signal });
    },
  });

  private readonly storesTask = new Task(this, {
    task: async ([stock, key, location], { signal }) => {
      if (!stock || !key || !location) return initialState;
      const items = this.items;
      const query = { ...this.storeQuery(), location, myStore: this.myStore?.store };
      const results = await Promise.all(
        items.map((item) => stock.lookup({ ...query, sku: item.sku }, { signal })),
      );
      return storeOptions(
        items,
        results.map((result) => result.value),
      );
    },
    args: () => [this.stock, this.itemsKey, this.controls.location, this.myStoreToFetch] as const,
  });

  private readonly slotsTask = new Task(this, {
    task: async ([pickup, storeId, key, days], { signal }) => {
      if (!pickup || !storeId || !key) return initialState;
      const fresh = this.freshSlots;
      this.freshSlots = false;
      const skus = this.items.map((item) => item.sku);
      const shown: ShownSlots = {
        storeId,
        ...(await pickup.slots({ storeId, skus, days }, { signal, fresh })),
      };
      return shown;
    },
    args: () =>
      [
        this.pickup,
        this.option?.store.id,
        this.itemsKey,
        this.effectiveDays,
        this.slotsRun,
      ] as const,
  });

  constructor() {
    super();
    // Height hold until interaction: the chooser keeps the height of its placeholder (the space
    // omnishelf.css reserved) until the shopper interacts with it.
    new HeightHoldController(this, {
      enabled: () => this.variant !== 'compact',
      loading: () => this.loading,
    });
    // Back online, or back on the tab: stores or times that failed to load are asked again.
    new RecoveryController(this, {
      failed: () => {
        const task = this.failedTask;
        return task !== undefined && canRetry(failureOf(task.error));
      },
      retry: () => this.retry(),
    });
  }

  /** The choice as URL-encoded form data: `store=...&slot=...&reservation=...` (or ''). */
  get value(): string {
    const params = new URLSearchParams();
    const store = this.option?.store.id;
    if (store) params.set('store', store);
    if (store && this.hold) {
      params.set('slot', this.hold.slotId);
      params.set('reservation', this.hold.id);
    }
    return params.toString();
  }

  /** What is to be picked up: `lines`, else `skus`, else `sku`. */
  private get items(): PickupLine[] {
    const lines = (this.lines ?? []).filter(
      (line) => typeof line?.sku === 'string' && line.sku.trim(),
    );
    if (lines.length) return lines;
    const skus = (this.skus || this.sku).split(',').map((sku) => sku.trim());
    return [...new Set(skus.filter(Boolean))].map((sku) => ({ sku }));
  }

  private get itemsKey(): string {
    return this.items.map((item) => `${item.sku}*${item.qty ?? 1}`).join(',');
  }

  private get effectiveConfig(): OmniConfig {
    return this.config ?? DEFAULT_CONFIG;
  }

  private get effectiveDays(): number {
    const days = Math.floor(this.days);
    return days >= 1 && days <= 14 ? days : 7;
  }

  private storeQuery() {
    const { radiusKm, storeLimit } = this.effectiveConfig;
    return { radiusKm: Math.min(MAX_RADIUS_KM, radiusKm), limit: storeLimit };
  }

  /** The shopper's store when the list lacks it (then it must be looked up, see the stock checker). */
  private get myStoreToFetch(): string | undefined {
    const mine = this.myStore?.store;
    return mine && !this.storesTask?.value?.some((o) => o.store.id === mine.id)
      ? mine.id
      : undefined;
  }

  private get options(): StoreOption[] | undefined {
    const status = this.storesTask.status;
    return status === TaskStatus.COMPLETE || status === TaskStatus.PENDING
      ? this.storesTask.value
      : undefined;
  }

  /** The chosen store, when it is listed and can fulfil every line. */
  private get option(): StoreOption | undefined {
    const id = this.chosenId ?? this.myStore?.storeId;
    return this.options?.find((o) => o.store.id === id && o.missing.length === 0);
  }

  private get slots(): ShownSlots | undefined {
    const shown = this.slotsTask.value;
    const status = this.slotsTask.status;
    return shown?.storeId === this.option?.store.id &&
      (status === TaskStatus.COMPLETE || status === TaskStatus.PENDING)
      ? shown
      : undefined;
  }

  private get now(): number {
    return this.clockController.now;
  }

  private get formatLocale(): string {
    return this.formatLocaleFor(this.effectiveConfig.locale);
  }

  private get loading(): boolean {
    if (!this.items.length) return false;
    if (!this.stock || !this.pickup || !this.controls.ready) return true;
    const busy = (task: Task<readonly unknown[], unknown>) =>
      task.status === TaskStatus.PENDING ||
      (task.status === TaskStatus.ERROR && isAbort(task.error));
    return busy(this.storesTask) || (this.option !== undefined && busy(this.slotsTask));
  }

  private failure(task: Task<readonly unknown[], unknown>): unknown {
    return task.status === TaskStatus.ERROR && !isAbort(task.error)
      ? (task.error ?? new Error('failed'))
      : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of PAGE_EVENTS) window.addEventListener(type, this, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of PAGE_EVENTS) window.removeEventListener(type, this, true);
    clearTimeout(this.settleTimer);
    clearTimeout(this.storeTimer);
    // Moved elsewhere in the page (reconnected at once) keeps the hold. Removed, it is kept for
    // the next selector of these items (as when the page is left), or released if it cannot be.
    queueMicrotask(() => {
      if (!this.isConnected && this.hold && !this.pickup?.keepsHolds) this.dropHold();
    });
  }

  protected override willUpdate(): void {
    this.locationController.setService(this.location);
    this.myStoreController.setService(this.myStore);
    this.clockController.setClock(this.clock);
    this.controls.countries = postalCountries(this.effectiveConfig);
    // Other items: their stores are listed from the two nearest again.
    if (this.itemsKey !== this.listedKey) {
      this.listedKey = this.itemsKey;
      this.showAllStores = false;
    }
    // "My store" changed elsewhere (another widget or tab): follow it, unless a time is chosen here.
    const mine = this.myStore?.storeId;
    if (mine !== this.seenMine) {
      this.seenMine = mine;
      if (!this.slotId && this.chosenId !== mine) this.chosenId = undefined;
    }
    // Other items, or a store that can no longer fulfil them: the hold is for something else.
    const hold = this.hold;
    const moved =
      this.storesTask.status === TaskStatus.COMPLETE && this.option?.store.id !== hold?.storeId;
    if (hold && (this.holdKey !== this.itemsKey || moved)) this.setSlot(undefined);
    const skus = this.pickup ? [...new Set(this.items.map((item) => item.sku))].sort().join() : '';
    if (skus !== this.recalledFor) {
      this.recalledFor = skus;
      void this.recall();
    }
    this.takeOver();
    this.checkExpiry();
    this.resume();
    this.tickController.setClock(this.hold?.expiresAt ? this.clock : undefined);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const slotsFailed = this.failure(this.slotsTask) !== undefined && this.option !== undefined;
    this.setStates({
      loading: this.loading,
      error: this.failure(this.storesTask) !== undefined || slotsFailed,
      empty: this.options !== undefined && !this.options.some((o) => !o.missing.length),
      held: this.hold !== undefined,
      expired: this.problem === 'expired',
      open: this.dialogOpen,
    });
    for (const event of this.outbox.splice(0)) this.dispatchEvent(event);
    // Stores or times that could not be loaded: once per failure, for the merchant's logs.
    const failure = this.failedTask?.error;
    if (failure !== undefined && failure !== this.reportedFailure) {
      this.reportedFailure = failure;
      this.dispatchEvent(
        new OmniErrorEvent(failure instanceof Error ? failure : new Error(String(failure))),
      );
    }
  }

  /** The last failure sent as `omni-error` (each is sent once). */
  private reportedFailure: unknown;

  // ---- form control ----

  formValue(): string | null {
    return this.value || null;
  }

  isEmpty(): boolean {
    return !this.hold || !this.option;
  }

  valueMissingMessage(): string {
    return this.option
      ? msg('Choose a pickup time.', { id: 'pickup.required.slot' })
      : msg('Choose a pickup store.', { id: 'pickup.required.store' });
  }

  validationAnchor(): HTMLElement | undefined {
    const root = this.renderRoot as ShadowRoot | undefined;
    return (
      root?.querySelector<HTMLElement>(
        this.variant === 'compact'
          ? '[part~="change-button"]'
          : this.option
            ? 'input[name="slot"]:not(:disabled)'
            : 'input[name="store"]:not(:disabled)',
      ) ?? undefined
    );
  }

  resetForm(): void {
    this.setSlot(undefined);
    this.chosenId = undefined;
    this.day = undefined;
    this.problem = undefined;
    this.resumeSlotId = undefined;
  }

  restoreForm(state: string | FormData): void {
    if (typeof state !== 'string') return;
    const params = new URLSearchParams(state);
    this.chosenId = params.get('store') || undefined;
    // The old hold was released when the page was left: hold the same time again, if still free.
    this.resumeSlotId = params.get('slot') || undefined;
  }

  // ---- holds ----

  /** Chooses a time (undefined: none): the current hold goes once the new one is in place. */
  private setSlot(slotId: string | undefined): void {
    clearTimeout(this.settleTimer);
    this.slotId = slotId;
    if (slotId === undefined) {
      this.dropHold();
      return;
    }
    if (slotId === this.hold?.slotId) return;
    // A chosen time keeps its store, whatever "my store" becomes elsewhere meanwhile.
    this.chosenId = this.option?.store.id;
    this.problem = undefined;
    this.settleTimer = setTimeout(() => void this.placeHold(), SETTLE_MS);
  }

  /** Releases the hold (if any) and says so. */
  private dropHold(): void {
    const hold = this.hold;
    if (!hold) return;
    this.hold = undefined;
    this.keptVersion++;
    this.pickup?.release(hold).catch(() => undefined);
    this.queueChange();
  }

  private async placeHold(): Promise<void> {
    const pickup = this.pickup;
    const store = this.option?.store;
    const slotId = this.slotId;
    if (!pickup || !store || !slotId || slotId === this.hold?.slotId || this.placing) return;
    this.placing = true;
    let hold: PickupHold | undefined;
    let error: unknown;
    try {
      hold = await pickup.hold({
        slotId,
        storeId: store.id,
        skus: this.items.map((item) => item.sku),
        ...(this.cartId ? { cartId: this.cartId } : {}),
      });
    } catch (caught) {
      error = caught;
    } finally {
      this.placing = false;
    }
    const wanted = this.isConnected && this.slotId === slotId && this.option?.store.id === store.id;
    if (hold && !wanted) {
      // The shopper moved on while it was being placed: nobody asked for it any more.
      pickup.release(hold).catch(() => undefined);
    } else if (hold) {
      const previous = this.hold;
      this.hold = hold;
      this.holdKey = this.itemsKey;
      this.heardThreshold = Infinity;
      this.announcement = '';
      // Kept for the next page or tab showing these items; the one it replaces is let go.
      const skus = this.items.map((item) => item.sku);
      this.keptVersion++;
      pickup.keep(hold, skus).catch(() => undefined);
      if (previous) pickup.release(previous).catch(() => undefined);
      this.myStore?.setFulfillment('pickup').catch(() => undefined);
      this.queueChange();
    } else if (wanted) {
      this.holdFailed(error);
    }
    // A newer choice waited for this one.
    if (
      this.slotId &&
      this.slotId !== this.hold?.slotId &&
      this.slotId !== slotId &&
      !this.problem
    ) {
      void this.placeHold();
    }
  }

  private holdFailed(error: unknown): void {
    this.problem = problemOf(error);
    // Back to the time still held (if any); full and vanished times show as they are now.
    this.slotId = this.hold?.slotId;
    if (this.problem === 'full' || this.problem === 'gone') this.refreshSlots();
  }

  private checkExpiry(): void {
    const hold = this.hold;
    if (!hold?.expiresAt) return;
    const left = hold.expiresAt - this.now;
    if (left <= 0) {
      this.hold = undefined;
      this.slotId = undefined;
      this.keptVersion++;
      this.pickup?.forget(hold).catch(() => undefined);
      this.problem = 'expired';
      this.announcement = '';
      const slot = this.slots?.value.find((s) => s.id === hold.slotId);
      this.outbox.push(new OmniReservationExpireEvent(hold, slot, this.option?.store));
      this.queueChange();
      this.refreshSlots();
      return;
    }
    const crossed = THRESHOLDS.filter((minutes) => left <= minutes * 60_000).pop();
    if (crossed !== undefined && crossed < this.heardThreshold) {
      this.heardThreshold = crossed;
      this.announcement = minutesLeft(crossed, this.formatLocale);
    }
  }

  /** Holds a restored time once the slots are there (or says it is gone). */
  private resume(): void {
    const id = this.resumeSlotId;
    const slots = this.slots;
    if (!id || this.leftWith || this.recalling || !slots) return;
    if (this.slotsTask.status !== TaskStatus.COMPLETE) return;
    this.resumeSlotId = undefined;
    const slot = slots.value.find((s) => s.id === id);
    if (slot && slot.remaining > 0) {
      this.day = slotDate(slot, this.option?.store.timezone ?? '');
      this.setSlot(id);
    } else {
      this.problem = 'restored';
    }
  }

  /** Asks the pickup service for the hold kept for these items (taken over by `takeOver`). */
  private async recall(): Promise<void> {
    const pickup = this.pickup;
    const skus = this.recalledFor;
    this.recalled = undefined;
    this.recalling = pickup !== undefined && skus !== '';
    if (!this.recalling) return;
    const version = this.keptVersion;
    const kept = await pickup!.recall(skus.split(',')).catch(() => undefined);
    if (pickup !== this.pickup || skus !== this.recalledFor) return;
    // Read before this element kept or forgot a hold: ask again.
    if (version !== this.keptVersion) return this.recall();
    this.recalled = kept ?? null;
    this.requestUpdate();
  }

  /**
   * Once the stores are known, takes over the kept hold (the same reservation and countdown),
   * says that it lapsed meanwhile, or lets go of a hold shown here that was released or ordered
   * elsewhere (another page or tab).
   */
  private takeOver(): void {
    const kept = this.recalled;
    if (kept === undefined || this.storesTask.status !== TaskStatus.COMPLETE) return;
    this.recalled = undefined;
    this.recalling = false;
    const hold = this.hold;
    // A time the shopper is choosing now wins (once held, it is the one kept).
    if (this.slotId !== hold?.slotId) return;
    if (kept === null || kept.id === hold?.id) {
      if (kept === null && hold) {
        this.hold = undefined;
        this.slotId = undefined;
        this.queueChange();
      }
      return;
    }
    // Its store cannot have these items ready: it stays with the page that holds it.
    if (!this.options?.some((o) => o.store.id === kept.storeId && !o.missing.length)) return;
    if (kept.expiresAt !== undefined && kept.expiresAt <= this.now) {
      this.pickup?.forget(kept).catch(() => undefined);
      if (!hold && this.slotId === undefined) {
        this.chosenId = kept.storeId;
        this.problem = 'expired';
        this.resumeSlotId = undefined;
      }
      return;
    }
    clearTimeout(this.settleTimer);
    this.chosenId = kept.storeId;
    this.slotId = kept.slotId;
    this.day = undefined;
    this.problem = undefined;
    this.resumeSlotId = undefined;
    this.leftWith = undefined;
    this.hold = kept;
    this.holdKey = this.itemsKey;
    this.heardThreshold = Infinity;
    this.announcement = '';
    // A hold of its own, superseded by a later one kept elsewhere.
    if (hold) this.pickup?.release(hold).catch(() => undefined);
    this.queueChange();
  }

  private refreshSlots(): void {
    this.freshSlots = true;
    this.slotsRun++;
  }

  private queueChange(): void {
    const slot = this.hold && this.slots?.value.find((s) => s.id === this.hold?.slotId);
    this.outbox.push(new OmniPickupChangeEvent(this.option?.store, slot, this.hold));
    this.requestUpdate();
  }

  // ---- handlers ----

  private handleStore(option: StoreOption): void {
    if (option.store.id === this.option?.store.id) return;
    this.chosenId = option.store.id;
    this.day = undefined;
    this.problem = undefined;
    this.resumeSlotId = undefined;
    this.setSlot(undefined);
    // Arrow keys walk through the stores: only the one they stop on becomes "my store".
    clearTimeout(this.storeTimer);
    this.storeTimer = setTimeout(() => {
      if (this.chosenId !== option.store.id) return;
      this.myStore?.set(option.store).catch(() => undefined);
      this.myStore?.setFulfillment('pickup').catch(() => undefined);
      this.dispatchEvent(new OmniStoreSelectEvent(option.store));
      this.dispatchEvent(new OmniPickupChangeEvent(option.store, undefined, undefined));
    }, SETTLE_MS);
  }

  /** The page's events (`PAGE_EVENTS`, listened to on `window` while connected). */
  handleEvent(event: Event): void {
    const hold = this.hold;
    switch (event.type) {
      case 'pagehide':
        clearTimeout(this.settleTimer);
        // Submitted with the form: the hold is the order's now. Kept: the next page takes it over.
        if (!hold || (this.submitted && !this.submitted.defaultPrevented)) return;
        if (this.pickup?.keepsHolds) return;
        // It cannot be kept: let it go.
        this.hold = undefined;
        this.leftWith = hold.slotId;
        this.pickup?.release(hold, { keepalive: true }).catch(() => undefined);
        return;
      case 'pageshow':
        // Back from the back/forward cache: another page may have changed the kept hold, or
        // hold again what was let go on leaving.
        this.submitted = undefined;
        if ((event as PageTransitionEvent).persisted) void this.recall();
        if (!this.leftWith) return;
        this.resumeSlotId = this.leftWith;
        this.leftWith = undefined;
        this.refreshSlots();
        return;
      case 'online':
        this.pickup?.release().catch(() => undefined);
        return;
      case 'submit':
        if (event.target === this.form && this.form) this.handleSubmit(event);
        return;
      default:
        // visibilitychange: another tab may have changed the kept hold; the slots are listed
        // again after a while away (times that failed to load are asked again anyway, by the
        // RecoveryController).
        if (document.visibilityState === 'hidden') this.hiddenAt = Date.now();
        else {
          void this.recall();
          const away = this.hiddenAt && Date.now() - this.hiddenAt >= REVISIT_MS;
          if (away && this.option && this.failedTask === undefined) {
            this.refreshSlots();
          }
        }
    }
  }

  /**
   * The form is submitted: the hold goes with the order, so no other selector may take it over
   * (forgotten now, while the page still runs). A page that handles the submit itself
   * (`preventDefault`) stays: the hold is kept again.
   */
  private handleSubmit(event: Event): void {
    this.submitted = event;
    const hold = this.hold;
    if (!hold || !this.pickup) return;
    const pickup = this.pickup;
    const skus = this.items.map((item) => item.sku);
    this.keptVersion++;
    pickup.forget(hold).catch(() => undefined);
    setTimeout(() => {
      if (event.defaultPrevented && this.hold === hold) {
        this.keptVersion++;
        pickup.keep(hold, skus).catch(() => undefined);
      }
    });
  }

  private async handleOpen(): Promise<void> {
    this.dialogOpen = true;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog || dialog.open) return;
    dialog.showModal();
    const radios = [...this.renderRoot.querySelectorAll<HTMLInputElement>('input[name="store"]')];
    (radios.find((r) => r.checked) ?? radios.find((r) => !r.disabled))?.focus();
  }

  private handleClose(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  private readonly handleDialogClose = (): void => {
    this.dialogOpen = false;
    void this.focusAfterUpdate('[part~="change-button"]', true);
  };

  private async handleShowAllStores(): Promise<void> {
    const within = this.matches(':focus-within');
    const listed = this.renderRoot.querySelectorAll('#store-list > *').length;
    this.showAllStores = true;
    await this.updateComplete;
    // The button is gone: keyboard users land on the first store that was hidden and can be
    // chosen (else on the first that can be), so that they are on the new content.
    const shown = `#store-list > :nth-child(n + ${listed + 1}) input:not(:disabled)`;
    void this.focusAfterUpdate(
      this.renderRoot.querySelector(shown) ? shown : 'input[name="store"]:not(:disabled)',
      within,
    );
  }

  /** The load whose failure is on screen: the stores, else the chosen store's times. */
  private get failedTask(): Task<readonly unknown[], unknown> | undefined {
    if (this.failure(this.storesTask) !== undefined) return this.storesTask;
    return this.option !== undefined && this.failure(this.slotsTask) !== undefined
      ? this.slotsTask
      : undefined;
  }

  /** Asks again for what failed to load (times past their cache). */
  private retry(): void {
    const task = this.failedTask;
    if (!task) return;
    this.freshSlots = true;
    void task.run().catch(() => undefined);
  }

  /**
   * "Try again": the button goes while the answer loads, so keyboard users are brought to what
   * came back (the first store or time that can be chosen), or to "Try again" once more.
   */
  private async handleRetry(): Promise<void> {
    const within = this.matches(':focus-within');
    const task = this.failedTask;
    this.retry();
    if (!task) return;
    await task.taskComplete.catch(() => undefined);
    const name = task === this.storesTask ? 'store' : 'slot';
    void this.focusAfterUpdate(
      this.failedTask ? '[part~="retry-button"]' : `input[name="${name}"]:not(:disabled)`,
      within,
    );
  }

  // ---- rendering ----

  protected override render(): TemplateResult | typeof nothing {
    if (!this.items.length) return nothing;
    const compact = this.variant === 'compact';
    return html`<div
      part="base"
      class="base ${compact ? 'base--compact' : ''}"
      dir=${this.direction}
      lang=${this.activeLocale}
      aria-busy=${this.loading ? 'true' : 'false'}
    >
      ${compact ? this.renderCompact() : this.renderChooser()}
      ${this.dialogOpen ? nothing : this.renderAnnouncement()}
    </div>`;
  }

  /** The countdown's announcements (inside the dialog while it is open: the rest is inert). */
  private renderAnnouncement(): TemplateResult {
    return html`<p class="visually-hidden" role="status">${this.announcement}</p>`;
  }

  private renderCompact(): TemplateResult {
    const option = this.option;
    let text: string;
    if (option) {
      const name = isolate(option.store.name);
      const when = this.hold ? this.slotText(this.hold.slotId) : this.readyText(option.store);
      text = when
        ? msg(str`Pickup at ${name} · ${when}`, { id: 'pickup.summary.at' })
        : msg(str`Pickup at ${name}`, { id: 'pickup.summary.atStore' });
    } else {
      text = this.loading
        ? msg('Checking pickup options…', { id: 'pickup.checking' })
        : msg('Choose where to pick up your order.', { id: 'pickup.summary.none' });
    }
    return html`<p class="summary-line" part="summary">
        <span class="summary-text">${text}</span>
        ${this.dialogOpen ? nothing : this.renderTimer()}
        <button
          type="button"
          class="link-button"
          part="button change-button"
          aria-haspopup="dialog"
          ?disabled=${this.isDisabled}
          @click=${this.handleOpen}
        >
          ${option ? msg('Change', { id: 'pickup.change' }) : msg('Choose', { id: 'pickup.choose' })}
        </button>
      </p>
      ${
        this.problem && !this.dialogOpen
          ? html`<p class="error" part="error" role="alert">${this.problemText(this.problem)}</p>`
          : nothing
      }
      <dialog part="dialog" aria-labelledby="dialog-title" @close=${this.handleDialogClose}>
        <div class="dialog-head">
          <h2 id="dialog-title" class="dialog-title" part="dialog-title">
            ${msg('Pickup store and time', { id: 'pickup.dialog.title' })}
          </h2>
          <button
            type="button"
            class="button"
            part="button close-button"
            @click=${this.handleClose}
          >
            ${msg('Done', { id: 'pickup.dialog.done' })}
          </button>
        </div>
        ${this.dialogOpen ? [this.renderChooser(), this.renderAnnouncement()] : nothing}
      </dialog>`;
  }

  private renderChooser(): TemplateResult {
    const failure = this.failure(this.storesTask);
    const options = this.options;
    return html`<div class="chooser">
      ${this.controls.render()}
      ${
        failure !== undefined
          ? this.renderError(failure)
          : options === undefined
            ? this.renderSkeleton()
            : this.renderStores(options)
      }
      ${this.option ? this.renderSlots(this.option) : nothing}
    </div>`;
  }

  /**
   * The chooser while stores load: the same rows as the answer (the legend's line says what is
   * happening), so that it is as tall as the answer and as the space omnishelf.css reserves.
   */
  private renderSkeleton(): TemplateResult {
    const bone = (size: string, detail = false) =>
      html`<span
        class="bone bone--${size} ${detail ? 'detail' : ''}"
        part="skeleton"
        aria-hidden="true"
        >&nbsp;</span
      >`;
    const store = html`<p class="item item--skeleton" part="item skeleton" aria-hidden="true">
      ${bone('name')}${bone('medium')}${bone('long', true)}${bone('long', true)}${bone('long', true)}
    </p>`;
    return html`<div class="group">
      <p class="legend-line" role="status">
        ${msg('Checking pickup options…', { id: 'pickup.checking' })}
      </p>
      <div class="list">${Array.from({ length: VISIBLE_STORES }, () => store)}</div>
      <p class="more">${bone('action')}</p>
    </div>`;
  }

  private renderStores(options: StoreOption[]): TemplateResult {
    const place = this.controls.placeText();
    const count = options.filter((o) => !o.missing.length).length;
    const summary = !place
      ? ''
      : count
        ? pickupStores(count, place, this.formatLocale)
        : msg(str`No store near ${place} can have this ready for pickup.`, {
            id: 'pickup.summary.noStore',
          });
    // The list says as much to the eye; the line is shown when no store can have the items.
    return html`<p
        class="summary row ${count ? 'visually-hidden' : ''}"
        part="summary"
        role="status"
      >
        ${summary}
      </p>
      ${
        options.length
          ? html`<fieldset class="group" part="stores" ?disabled=${this.isDisabled}>
              <legend class="legend" part="legend">
                ${msg('Pickup store', { id: 'pickup.stores.legend' })}
              </legend>
              ${this.renderList(options)}
            </fieldset>`
          : nothing
      }`;
  }

  /**
   * The nearest stores (and the chosen one, wherever it is), the others behind "Show N more
   * stores" (they open below: nothing moves up).
   */
  private renderList(options: StoreOption[]): TemplateResult {
    const chosen = this.option;
    const shown = this.showAllStores
      ? options
      : options.filter((option, index) => index < VISIBLE_STORES || option === chosen);
    const hidden = options.length - shown.length;
    return html`<div class="list" part="list" id="store-list">
        ${shown.map((option) => this.renderStore(option, options.indexOf(option)))}
      </div>
      ${
        hidden > 0
          ? html`<p class="more">
              <button
                type="button"
                class="link-button"
                part="button more-button"
                aria-controls="store-list"
                aria-expanded="false"
                @click=${this.handleShowAllStores}
              >
                ${showMoreStores(hidden, this.formatLocale)}
              </button>
            </p>`
          : nothing
      }`;
  }

  private renderStore(option: StoreOption, index: number): TemplateResult {
    const { store, missing } = option;
    const ok = missing.length === 0;
    const checked = ok && this.option?.store.id === store.id;
    const mine = this.myStore?.storeId === store.id;
    const distance =
      typeof store.distanceKm === 'number'
        ? formatDistance(store.distanceKm, this.distanceUnit, this.formatLocale)
        : '';
    const address = [store.address?.line1, store.address?.city]
      .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
      .map(plainText)
      .join(', ');
    const ready = ok ? this.readyText(store) : '';
    const id = `store-${index}`;
    return html`<label
      class="item ${checked ? 'item--checked' : ''} ${ok ? '' : 'item--off'}"
      part=${checked ? 'item item-checked' : 'item'}
    >
      <input
        type="radio"
        class="radio"
        part="radio"
        name="store"
        .checked=${checked}
        ?disabled=${!ok}
        aria-labelledby="${id}-name"
        aria-describedby="${id}-info"
        @change=${() => this.handleStore(option)}
      />
      <span class="item-body">
        <span class="head">
          <span id="${id}-name" class="name" part="store-name" dir="auto"
            >${plainText(store.name)}</span
          >
          ${mine ? html`<span class="tag" part="my-store">${msg('My store', { id: 'stock.myStore' })}</span>` : nothing}
          ${distance ? html`<span class="distance" part="distance">${distance}</span>` : nothing}
        </span>
        <span id="${id}-info" class="info">
          <span class="line status status--${ok ? 'in_stock' : 'out_of_stock'}" part="availability"
            ><span class="icon" aria-hidden="true"></span>${this.availabilityText(option)}</span
          >
          ${ready ? html`<span class="line detail" part="ready">${ready}</span>` : nothing}
          <span class="line detail muted" part="hours">${this.hoursText(store)}</span>
          ${address ? html`<span class="line detail muted" part="address"><bdi>${address}</bdi></span>` : nothing}
        </span>
      </span>
    </label>`;
  }

  private renderSlots(option: StoreOption): TemplateResult {
    const failure = this.failure(this.slotsTask);
    const shown = this.slots;
    const zone = option.store.timezone;
    const all = shown?.value ?? [];
    const dates = [...new Set(all.map((slot) => slotDate(slot, zone)).filter(Boolean))];
    const held = this.hold && all.find((s) => s.id === this.hold?.slotId);
    const day = dates.includes(this.day ?? '')
      ? this.day!
      : (held && slotDate(held, zone)) ||
        dates.find((d) => all.some((s) => slotDate(s, zone) === d && s.remaining > 0)) ||
        dates[0];
    const today = dateInZone(this.now, zone);
    return html`<fieldset class="group" part="slots" ?disabled=${this.isDisabled}>
      <legend class="legend" part="legend">
        ${msg('Pickup time', { id: 'pickup.slots.legend' })}
      </legend>
      ${
        failure !== undefined
          ? this.renderError(failure)
          : !shown
            ? html`<p class="row" role="status">
                <span class="bone bone--long" part="skeleton" aria-hidden="true">&nbsp;</span
                ><span class="visually-hidden"
                  >${msg('Checking pickup times…', { id: 'pickup.slots.checking' })}</span
                >
              </p>`
            : !all.length
              ? html`<p class="row" role="status">
                  ${msg('No pickup times are free at this store in the coming days.', {
                    id: 'pickup.slots.none',
                  })}
                </p>`
              : html`<div
                    class="days"
                    part="days"
                    role="radiogroup"
                    aria-label=${msg('Day', { id: 'pickup.days.label' })}
                  >
                    ${dates.map(
                      (date) =>
                        html`<label class="chip" part="day"
                          ><input
                            type="radio"
                            class="radio"
                            part="radio"
                            name="day"
                            .checked=${date === day}
                            @change=${() => (this.day = date)}
                          />${this.dayText(date, today)}</label
                        >`,
                    )}
                  </div>
                  <div
                    class="slot-list"
                    part="slot-list"
                    role="radiogroup"
                    aria-label=${this.dayText(day ?? '', today)}
                  >
                    ${all.filter((slot) => slotDate(slot, zone) === day).map((slot) => this.renderSlot(slot, zone))}
                  </div>`
      }
      ${this.renderHold()}
    </fieldset>`;
  }

  private renderSlot(slot: PickupSlot, zone: string): TemplateResult {
    const full = slot.remaining <= 0;
    const checked = this.slotId === slot.id;
    return html`<label
      class="slot ${checked ? 'slot--checked' : ''}"
      part=${full ? 'slot slot-full' : 'slot'}
      ><input
        type="radio"
        class="radio"
        part="radio"
        name="slot"
        .checked=${checked}
        ?disabled=${full && !checked}
        @change=${() => this.setSlot(slot.id)}
      /><span class="item-body"
        ><span class="slot-time">${formatSlotTime(slot, zone, this.formatLocale)}</span>
        <span class="remaining ${full ? 'remaining--full' : ''}"
          >${
            full
              ? msg('Full', { id: 'pickup.slot.full' })
              : placesLeft(slot.remaining, this.formatLocale)
          }</span
        ></span
      ></label
    >`;
  }

  private renderHold(): TemplateResult {
    const hold = this.hold;
    const placing = this.slotId !== undefined && this.slotId !== hold?.slotId && !this.problem;
    const when = hold ? this.slotText(hold.slotId) : '';
    return html`<div class="hold" part="hold">
      <p class="hold-status" role="status">
        ${
          placing
            ? msg('Holding this time for you…', { id: 'pickup.hold.placing' })
            : !hold
              ? nothing
              : when
                ? msg(str`${when} is held for you.`, { id: 'pickup.hold.held' })
                : msg('This time is held for you.', { id: 'pickup.hold.heldTime' })
        }
      </p>
      ${this.renderTimer()}
      ${
        this.problem
          ? html`<p class="error" part="error" role="alert">${this.problemText(this.problem)}</p>`
          : nothing
      }
    </div>`;
  }

  /** "14:32 left" while a hold with an expiry runs (not a live region: announced at thresholds). */
  private renderTimer(): TemplateResult | typeof nothing {
    const expires = this.hold?.expiresAt;
    if (expires === undefined) return nothing;
    const left = expires - this.tickController.now;
    return html`<span class="timer ${left < 60_000 ? 'timer--last' : ''}" part="timer" role="timer"
      >${msg(str`${formatCountdown(left, this.formatLocale)} left`, { id: 'pickup.hold.left' })}</span
    >`;
  }

  /** Stores or times that could not be loaded, said as the other widgets say it. */
  private renderError(error: unknown): TemplateResult {
    const problem = problemOf(error);
    const failure = failureOf(error);
    const generic = problem === 'network' || problem === 'unsupported' || problem === 'failed';
    return failureBox(
      generic ? failureText(failure, 'pickup') : this.problemText(problem),
      canRetry(failure) ? this.handleRetry : undefined,
    );
  }

  // ---- text ----

  private problemText(problem: Problem): string {
    switch (problem) {
      case 'full':
        return msg('That time just filled up. Choose another time.', { id: 'pickup.error.full' });
      case 'gone':
        return msg('That time can no longer be booked. Choose another time.', {
          id: 'pickup.error.gone',
        });
      case 'expired':
        return msg('Your hold on the pickup time has ended. Choose a time again.', {
          id: 'pickup.error.expired',
        });
      case 'restored':
        return msg('The pickup time you chose before is no longer free. Choose another time.', {
          id: 'pickup.error.restored',
        });
      case 'store-gone':
        return msg('This store no longer offers pickup. Choose another store.', {
          id: 'pickup.error.storeGone',
        });
      // A hold that could not be placed is not asked again by itself: "try again" is the
      // shopper's, whether the browser knows it is offline or not.
      case 'network':
        return unreachableText();
      case 'unsupported':
        return failureText('not-set-up', 'pickup');
      default:
        return failureText('unavailable', 'pickup');
    }
  }

  private availabilityText({ missing }: StoreOption): string {
    const total = this.items.length;
    if (total === 1 && !this.cart) {
      return missing.length
        ? msg('Not available for pickup here', { id: 'pickup.store.unavailable' })
        : msg('Available for pickup', { id: 'pickup.store.available' });
    }
    const counted = itemsAvailable(total - missing.length, total, this.formatLocale);
    if (!missing.length) return counted;
    const names = new Intl.ListFormat(this.formatLocale).format(missing.map(isolate));
    return msg(str`${counted} · Missing: ${names}`, { id: 'pickup.store.missing' });
  }

  /**
   * "Ready today after 3:30 PM" (store-local), or '' when it cannot be known. Once the store's
   * times are shown, from the first that can be booked ('' when none can), so that the line
   * agrees with them; the other stores' times are not fetched (one request each), so theirs come
   * from opening hours and lead time.
   */
  private readyText(store: Store): string {
    const shown = this.slots;
    const ready =
      shown?.storeId === store.id
        ? firstBookable(shown.value, store.timezone, this.now, this.hold?.slotId)
        : readyTime(store, this.now);
    if (!ready) return '';
    const time = formatClockTime(ready.time, this.formatLocale);
    if (ready.dayOffset === 0) {
      return ready.atOpening
        ? msg(str`Ready today from ${time}`, { id: 'pickup.ready.todayFrom' })
        : msg(str`Ready today after ${time}`, { id: 'pickup.ready.todayAfter' });
    }
    if (ready.dayOffset === 1) {
      return ready.atOpening
        ? msg(str`Ready tomorrow from ${time}`, { id: 'pickup.ready.tomorrowFrom' })
        : msg(str`Ready tomorrow after ${time}`, { id: 'pickup.ready.tomorrowAfter' });
    }
    const date = formatPickupDate(ready.date, this.formatLocale);
    return ready.atOpening
      ? msg(str`Ready ${date} from ${time}`, { id: 'pickup.ready.dateFrom' })
      : msg(str`Ready ${date} after ${time}`, { id: 'pickup.ready.dateAfter' });
  }

  /** "Open now · closes at 9:00 PM" (store-local; the stock checker says the same). */
  private hoursText(store: Store): string {
    return openingHours(store, new Date(this.now), this.formatLocale);
  }

  private dayText(date: string, today: string | undefined): string {
    if (date === today) return msg('Today', { id: 'pickup.day.today' });
    if (today && date === addDays(today, 1)) {
      return msg('Tomorrow', { id: 'pickup.day.tomorrow' });
    }
    return formatPickupDate(date, this.formatLocale);
  }

  /** "Tomorrow, 10:00 – 11:00 AM" for a slot of the chosen store ('' when unknown). */
  private slotText(slotId: string): string {
    const slot = this.slots?.value.find((s) => s.id === slotId);
    const zone = this.option?.store.timezone ?? '';
    if (!slot) return '';
    const day = this.dayText(slotDate(slot, zone), dateInZone(this.now, zone));
    const time = formatSlotTime(slot, zone, this.formatLocale);
    // The comma is the language's ("اليوم، 10:00–11:00 ص").
    return msg(str`${day}, ${time}`, { id: 'pickup.slot.dayTime' });
  }

  private get distanceUnit(): 'km' | 'mi' {
    const pref = this.effectiveConfig.locale;
    const regional =
      pref && pref !== 'auto' ? pref : document.documentElement.lang || navigator.language || 'en';
    return resolveUnit(this.effectiveConfig.units, regional);
  }
}

/** What a failed request means for the shopper. */
function problemOf(error: unknown): Problem {
  const { code, kind } = isOmniError(error) ? error : { code: undefined, kind: undefined };
  return code === 'slot_full'
    ? 'full'
    : code === 'slot_expired' || code === 'unknown_slot'
      ? 'gone'
      : code === 'store_not_found' || code === 'pickup_unavailable'
        ? 'store-gone'
        : kind === 'network' || kind === 'timeout'
          ? 'network'
          : kind === 'unsupported'
            ? 'unsupported'
            : 'failed';
}

/** The stores that offer pickup, those that can fulfil every line first, then nearest first. */
function storeOptions(items: PickupLine[], results: StockResult[]): StoreOption[] {
  const km = (o: StoreOption) => o.store.distanceKm ?? Infinity;
  return (results[0]?.stores ?? [])
    .filter(({ store }) => store.pickup?.enabled === true)
    .map(({ store }) => ({
      store,
      missing: items
        .filter((item, i) => {
          const record = results[i]?.stores.find(
            (entry) => entry.store.id === store.id,
          )?.availability;
          const enough = record?.quantity === undefined || record.quantity >= (item.qty ?? 1);
          return !(isAvailable(record) && enough);
        })
        .map((item) => item.title?.trim() || item.sku),
    }))
    .sort((a, b) => Number(a.missing.length > 0) - Number(b.missing.length > 0) || km(a) - km(b));
}

defineElement('omni-pickup-selector', OmniPickupSelector);

declare global {
  interface HTMLElementTagNameMap {
    'omni-pickup-selector': OmniPickupSelector;
  }
}
