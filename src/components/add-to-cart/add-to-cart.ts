import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { msg, str } from '@lit/localize';
import {
  cartContext,
  configContext,
  locationServiceContext,
  myStoreContext,
  stockServiceContext,
  type CartStore,
  type LocationService,
  type MyStoreService,
  type StockService,
} from '../../core/context.js';
import { DEFAULT_CONFIG, type OmniConfig } from '../../core/config.js';
import type { Fulfillment, Store } from '../../core/api/types.js';
import { clampQty } from '../../core/cart/model.js';
import { isAmount } from '../../core/money/money.js';
import { effectiveStatus, isAvailable } from '../../core/stock/rank.js';
import { CartController } from '../../controllers/cart-controller.js';
import { ServiceController } from '../../controllers/service-controller.js';
import { hostStyles } from '../../styles/host.js';
import { schemeStyles } from '../../styles/scheme.js';
import { isolate } from '../base/bidi.js';
import { defineElement } from '../base/define.js';
import { OmniElement } from '../base/omni-element.js';

/**
 * "Add to cart" for one sku, with instant feedback: the cart shows the item at once, also offline
 * (it is sent when the network returns). The shopper chooses between delivery and pickup at a
 * store: their store ("my store") when it has the item, else the nearest store that does (named).
 * The way offered first is the one the shopper last chose (here, in the pickup selector, in
 * another tab or on an earlier visit; else `fulfillment`), unless it cannot be had and the other
 * can: an item that cannot be delivered but is on a nearby shelf is added for pickup there. The
 * button is disabled, with the reason shown next to it, when the item cannot be had the chosen
 * way: out of stock online and in stores, not available for delivery, or not at the store.
 * Without a stock answer (offline, no stock service) it stays enabled: the server decides.
 *
 * The full variant shows the choice from the start (pickup disabled until a store is known), so
 * that nothing moves when the answer arrives; `compact` is the button alone, which says so when
 * it adds for pickup ("Add for pickup at Westlands").
 *
 * @tag omni-add-to-cart
 *
 * @event {OmniCartChangeEvent} omni-cart-change - The cart's lines changed (once per page, from the first cart element connected; see `<omni-cart>`).
 * @event {OmniCartSyncEvent} omni-cart-sync - Pending changes or sync state changed; `event.pending`, `event.status`.
 * @event {OmniCartConflictEvent} omni-cart-conflict - A price changed, a change was dropped, the cart was restored, or a choice is needed; `event.kind`.
 *
 * @csspart base - The wrapper (carries `dir` and `lang`).
 * @csspart choice - The delivery / pickup choice (a radio group).
 * @csspart option - One choice.
 * @csspart button - The "Add to cart" button.
 * @csspart reason - Why the button is disabled (`compact`: the button says it instead).
 * @csspart status - "Added to your cart", a polite live region.
 *
 * @cssproperty --omni-color-accent - The button.
 * @cssproperty --omni-color-on-accent - The button's text.
 * @cssproperty --omni-color-muted - The reason a button is disabled.
 * @cssproperty [--omni-add-to-cart-width=auto] - The button's width (`100%` on a product tile).
 *
 * @cssstate unavailable - The item cannot be had the chosen way (the button is disabled).
 * @cssstate added - Just added.
 */
export class OmniAddToCart extends OmniElement {
  static override styles = [
    hostStyles,
    schemeStyles,
    css`
      /* No gap: the empty reason and status lines (kept for screen readers) take no space, so
         the element is as tall as the button that dist/omnishelf.css reserves. */
      .base {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
      }

      .reason,
      .status {
        margin: 0;
      }

      .button-reason {
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: 2;
        line-clamp: 2;
        overflow: hidden;
        /* Two lines of 0.875em fit the compact button's fixed 2.75em; 0.8em looked broken next
           to the full-size "Add to cart" of the neighbouring tiles. */
        font-size: 0.875em;
        font-weight: 400;
        line-height: 1.2;
        overflow-wrap: anywhere;
      }

      /* "Add for pickup at Westlands": a label, not a reason, in the same two small lines. */
      .button-pickup {
        font-weight: 600;
      }

      .button--compact {
        block-size: 2.75em;
        padding-block: 0;
      }

      .reason:not(:empty),
      .status:not(:empty) {
        margin-block-start: var(--_omni-space);
      }

      /* The choice is as tall in every state, language and width (dist/omnishelf.css reserves
         it): the legend and each option take one line, a long store name ends in an ellipsis. */
      fieldset {
        display: flex;
        flex-direction: column;
        align-self: stretch;
        margin: 0;
        padding: 0;
        border: 0;
        margin-block-end: var(--_omni-space);
        min-inline-size: 0;
      }

      legend {
        max-inline-size: 100%;
        padding: 0;
        margin-block-end: calc(var(--_omni-space) * 0.25);
        font-weight: 600;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }

      label {
        display: flex;
        align-items: center;
        gap: calc(var(--_omni-space) * 0.5);
        block-size: 2.75em;
        min-inline-size: 0;
      }

      .option-text {
        min-inline-size: 0;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }

      label:has(input:disabled) {
        color: var(--_omni-muted);
      }

      input {
        flex: none;
        inline-size: 1.25em;
        block-size: 1.25em;
        margin: 0;
        accent-color: var(--_omni-accent);
      }

      .button {
        inline-size: var(--omni-add-to-cart-width, auto);
        max-inline-size: 100%;
      }

      .reason,
      .status {
        color: var(--_omni-muted);
        font-size: 0.875em;
      }

      .status {
        color: var(--_omni-success);
        font-weight: 600;
      }
    `,
  ];

  /** The configuration (from `<omni-provider>` or the page). */
  @consume({ context: configContext, subscribe: true })
  @property({ attribute: false })
  config?: OmniConfig;

  /** The cart (from `<omni-provider>` or the page). */
  @consume({ context: cartContext, subscribe: true })
  @property({ attribute: false })
  cart?: CartStore;

  /** Stock, to disable the button when the item cannot be had (optional). */
  @consume({ context: stockServiceContext, subscribe: true })
  @property({ attribute: false })
  stock?: StockService;

  /** The shopper's location, for nearby stores (optional). */
  @consume({ context: locationServiceContext, subscribe: true })
  @property({ attribute: false })
  location?: LocationService;

  /** "My store": offers pickup there (optional). */
  @consume({ context: myStoreContext, subscribe: true })
  @property({ attribute: false })
  myStore?: MyStoreService;

  /** The variant to add. */
  @property() sku = '';

  /** How many to add (1 to 99). */
  @property({ type: Number }) qty = 1;

  /** The product's name, shown in the cart until the server's answer (never sent). */
  @property({ attribute: 'item-title' }) itemTitle = '';

  /** The price the shopper sees ("19.90", in the configured currency), shown until synced. */
  @property() price = '';

  /**
   * `ship` or `pickup` (at the shopper's store, else the nearest that has the item): the way
   * offered first until the shopper chooses one. Default `ship`.
   */
  @property() fulfillment: 'ship' | 'pickup' = 'ship';

  /** `full` shows the delivery / pickup choice; `compact` only the button. */
  @property() variant: 'full' | 'compact' = 'full';

  /** The way the shopper chose here (wins over every default until they choose elsewhere). */
  @state() private chosen?: 'ship' | 'pickup';
  @state() private added = false;
  /** The shopper's remembered way as last seen: a change made elsewhere replaces `chosen`. */
  private seenWay?: 'ship' | 'pickup';

  private readonly cartController = new CartController(this);
  private readonly locationController = new ServiceController<LocationService>(this);
  private readonly myStoreController = new ServiceController<MyStoreService>(this);

  private readonly stockTask = new Task(this, {
    task: async ([stock, sku, location, storeId, radiusKm, limit], { signal }) => {
      if (!stock || !sku) return undefined;
      const myStore = this.myStore?.store;
      try {
        const { value } = await stock.lookup(
          { sku, location, radiusKm, limit, includeOnline: true, myStore },
          { signal },
        );
        const mine = value.stores.find((entry) => entry.store.id === storeId);
        const km = (store: Store) => store.distanceKm ?? Infinity;
        const nearest = value.stores
          .filter(({ store, availability }) => store.pickup?.enabled && isAvailable(availability))
          .map(({ store }) => store)
          .sort((a, b) => km(a) - km(b))[0];
        return {
          online: value.online ? effectiveStatus(value.online) !== 'out_of_stock' : undefined,
          store: mine ? isAvailable(mine.availability) : undefined,
          /** The nearest store that offers pickup and has the item. */
          nearest,
          anywhere: value.stores.some((entry) => isAvailable(entry.availability)),
        };
      } catch {
        return undefined; // unknown: the server decides
      }
    },
    args: () =>
      [
        this.stock,
        this.sku.trim(),
        this.locationController.ready ? (this.location?.location ?? undefined) : undefined,
        this.myStore?.storeId,
        (this.config ?? DEFAULT_CONFIG).radiusKm,
        (this.config ?? DEFAULT_CONFIG).storeLimit,
      ] as const,
  });

  /**
   * Where pickup is offered: the shopper's store when it has the item (or while that is not
   * known), else the nearest store that has it, else the shopper's store (which says it lacks it).
   */
  private get pickupStore(): Store | undefined {
    const store = this.myStore?.store;
    const mine = store?.pickup?.enabled ? store : undefined;
    const stock = this.stockTask.value;
    if (mine && stock?.store !== false) return mine;
    return stock?.nearest ?? mine;
  }

  /** Whether the pickup store has the item: undefined while not known (the server decides). */
  private get pickupHas(): boolean | undefined {
    const store = this.pickupStore;
    const stock = this.stockTask.value;
    if (!store || !stock) return undefined;
    return store.id === stock.nearest?.id ? true : stock.store;
  }

  private get way(): 'ship' | 'pickup' {
    if (!this.pickupStore) return 'ship';
    if (this.chosen) return this.chosen;
    const preferred = this.myStore?.fulfillment ?? this.fulfillment;
    // The preferred way, unless it cannot be had and the other can.
    const shipOk = this.stockTask.value?.online !== false;
    const pickupOk = this.pickupHas !== false;
    if (preferred === 'pickup') return pickupOk || !shipOk ? 'pickup' : 'ship';
    return shipOk || !pickupOk ? 'ship' : 'pickup';
  }

  /** Why the item cannot be added the chosen way, or undefined. */
  private get reason(): string | undefined {
    const stock = this.stockTask.value;
    if (!stock) return undefined;
    if (stock.online === false && stock.store !== true && !stock.anywhere) {
      return msg('Out of stock', { id: 'addToCart.outOfStock' });
    }
    if (this.way === 'ship' && stock.online === false) {
      return msg('Not available for delivery', { id: 'addToCart.noDelivery' });
    }
    if (this.way === 'pickup' && this.pickupHas === false) {
      const name = this.pickupStore?.name;
      return name
        ? msg(str`Not available at ${isolate(name)}`, { id: 'addToCart.notAtStore' })
        : msg('Not available at your store', { id: 'addToCart.notAtYourStore' });
    }
    return undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.cartController.setStore(this.cart);
    this.locationController.setService(this.location);
    this.myStoreController.setService(this.myStore);
    if (changed.has('sku')) this.added = false;
    // The shopper chose a way elsewhere (the pickup selector, another tab): it replaces this one.
    const remembered = this.myStore?.fulfillment;
    if (remembered !== this.seenWay) {
      this.seenWay = remembered;
      this.chosen = undefined;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.setStates({ unavailable: this.reason !== undefined, added: this.added });
  }

  private async handleAdd(): Promise<void> {
    const cart = this.cart;
    const sku = this.sku.trim();
    if (!cart || !sku || this.reason) return;
    const storeId = this.pickupStore?.id;
    const fulfillment: Fulfillment =
      this.way === 'pickup' && storeId ? { type: 'pickup', storeId } : { type: 'ship' };
    const currency = this.config?.currency ?? DEFAULT_CONFIG.currency;
    const price = this.price.trim();
    cart.add(sku, {
      qty: clampQty(this.qty, 1),
      fulfillment,
      hint: {
        ...(this.itemTitle.trim() ? { title: this.itemTitle.trim() } : {}),
        ...(isAmount(price) && !price.startsWith('-')
          ? { unitPrice: { amount: price, currency } }
          : {}),
      },
    });
    // Said again for every press: the live region changes from empty to the message.
    this.added = false;
    await this.updateComplete;
    this.added = true;
  }

  /** The shopper chose a way here: it is theirs now (other widgets and later visits follow). */
  private handleWay(way: 'ship' | 'pickup'): void {
    this.chosen = way;
    this.added = false;
    this.seenWay = way;
    this.myStore?.setFulfillment(way).catch(() => undefined);
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.sku.trim()) return nothing;
    const store = this.pickupStore;
    const reason = this.reason;
    const pickup = this.way === 'pickup' && store !== undefined;
    const ready = this.cart !== undefined && this.cartController.view !== undefined;
    // Nothing at all in the reason and status lines while empty: they take no space (:empty).
    const status = this.added ? msg('Added to your cart.', { id: 'addToCart.added' }) : nothing;
    // On a product tile the reason takes the button's place (at most two lines, in the same
    // height), so that a tile does not grow when the stock answer arrives.
    const compactReason = this.variant === 'compact' && reason !== undefined;
    // Shown from the start (pickup disabled until a store is known): nothing moves when it is.
    return html`<div part="base" class="base" dir=${this.direction} lang=${this.activeLocale}>
      ${
        this.variant === 'full'
          ? html`<fieldset part="choice">
              <legend>${msg('How to get it', { id: 'addToCart.how' })}</legend>
              ${this.renderOption('ship', msg('Delivery', { id: 'cart.line.ship' }))}
              ${this.renderOption(
                'pickup',
                store
                  ? msg(str`Pick up at ${isolate(store.name)}`, { id: 'cart.line.pickup' })
                  : msg('Pick up in store', { id: 'addToCart.pickupInStore' }),
                !store,
              )}
            </fieldset>`
          : nothing
      }
      <button
        type="button"
        part="button"
        class=${this.variant === 'compact' ? 'button button--compact' : 'button'}
        aria-disabled=${reason || !ready ? 'true' : 'false'}
        aria-describedby="reason"
        @click=${this.handleAdd}
      >
        ${
          compactReason
            ? html`<span class="button-reason">${reason}</span>`
            : this.variant === 'compact' && pickup
              ? html`<span class="button-reason button-pickup"
                  >${msg(str`Add for pickup at ${isolate(store.name)}`, { id: 'addToCart.addPickup' })}</span
                >`
              : msg('Add to cart', { id: 'addToCart.add' })
        }
      </button>
      <p id="reason" part="reason" class="reason">${(!compactReason && reason) || nothing}</p>
      <p part="status" class="status" role="status">${status}</p>
    </div>`;
  }

  private renderOption(value: 'ship' | 'pickup', label: string, disabled = false): TemplateResult {
    return html`<label part="option">
      <input
        type="radio"
        name="way"
        .value=${value}
        .checked=${this.way === value && !disabled}
        ?disabled=${disabled}
        @change=${() => this.handleWay(value)}
      />
      <span class="option-text">${label}</span>
    </label>`;
  }
}

defineElement('omni-add-to-cart', OmniAddToCart);

declare global {
  interface HTMLElementTagNameMap {
    'omni-add-to-cart': OmniAddToCart;
  }
}
