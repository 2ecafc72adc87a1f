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
import type { Fulfillment } from '../../core/api/types.js';
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
 * (it is sent when the network returns). When the shopper has a store ("my store"), they choose
 * between delivery and pickup there. The button is disabled, with the reason shown next to it,
 * when the item cannot be had: out of stock online and at the store, not available for delivery,
 * or not at the chosen store. Without a stock answer (offline, no stock service) it stays enabled:
 * the server decides.
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
        font-size: 0.8em;
        font-weight: 400;
        line-height: 1.15;
        overflow-wrap: anywhere;
      }

      .button--compact {
        block-size: 2.75em;
        padding-block: 0;
      }

      .reason:not(:empty),
      .status:not(:empty) {
        margin-block-start: var(--_omni-space);
      }

      fieldset {
        display: flex;
        flex-wrap: wrap;
        gap: calc(var(--_omni-space) * 0.5) calc(var(--_omni-space) * 2);
        margin: 0;
        padding: 0;
        border: 0;
        margin-block-end: var(--_omni-space);
        min-inline-size: 0;
      }

      legend {
        padding: 0;
        margin-block-end: calc(var(--_omni-space) * 0.5);
        font-weight: 600;
      }

      label {
        display: inline-flex;
        align-items: center;
        gap: calc(var(--_omni-space) * 0.5);
        min-block-size: 2.75em;
        overflow-wrap: anywhere;
      }

      input {
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

  /** `ship` or `pickup` (at "my store"): the initial choice. Default `ship`. */
  @property() fulfillment: 'ship' | 'pickup' = 'ship';

  /** `full` shows the delivery / pickup choice when there is a store; `compact` only the button. */
  @property() variant: 'full' | 'compact' = 'full';

  @state() private chosen?: 'ship' | 'pickup';
  @state() private added = false;

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
        return {
          online: value.online ? effectiveStatus(value.online) !== 'out_of_stock' : undefined,
          store: mine ? isAvailable(mine.availability) : undefined,
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

  private get way(): 'ship' | 'pickup' {
    const way = this.chosen ?? this.fulfillment;
    return way === 'pickup' && this.myStore?.storeId ? 'pickup' : 'ship';
  }

  /** Why the item cannot be added the chosen way, or undefined. */
  private get reason(): string | undefined {
    const stock = this.stockTask.value;
    if (!stock) return undefined;
    const name = this.myStore?.store?.name;
    if (stock.online === false && stock.store !== true && !stock.anywhere) {
      return msg('Out of stock', { id: 'addToCart.outOfStock' });
    }
    if (this.way === 'ship' && stock.online === false) {
      return msg('Not available for delivery', { id: 'addToCart.noDelivery' });
    }
    if (this.way === 'pickup' && stock.store === false) {
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
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.setStates({ unavailable: this.reason !== undefined, added: this.added });
  }

  private async handleAdd(): Promise<void> {
    const cart = this.cart;
    const sku = this.sku.trim();
    if (!cart || !sku || this.reason) return;
    const storeId = this.myStore?.storeId;
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

  protected override render(): TemplateResult | typeof nothing {
    if (!this.sku.trim()) return nothing;
    const store = this.myStore?.store;
    const reason = this.reason;
    const ready = this.cart !== undefined && this.cartController.view !== undefined;
    // Nothing at all in the reason and status lines while empty: they take no space (:empty).
    const status = this.added ? msg('Added to your cart.', { id: 'addToCart.added' }) : nothing;
    // On a product tile the reason takes the button's place (at most two lines, in the same
    // height), so that a tile does not grow when the stock answer arrives.
    const compactReason = this.variant === 'compact' && reason !== undefined;
    return html`<div part="base" class="base" dir=${this.direction} lang=${this.activeLocale}>
      ${
        this.variant === 'full' && store
          ? html`<fieldset part="choice">
              <legend>${msg('How to get it', { id: 'addToCart.how' })}</legend>
              ${this.renderOption('ship', msg('Delivery', { id: 'cart.line.ship' }))}
              ${this.renderOption('pickup', msg(str`Pick up at ${isolate(store.name)}`, { id: 'cart.line.pickup' }))}
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
            : msg('Add to cart', { id: 'addToCart.add' })
        }
      </button>
      <p id="reason" part="reason" class="reason">${(!compactReason && reason) || nothing}</p>
      <p part="status" class="status" role="status">${status}</p>
    </div>`;
  }

  private renderOption(value: 'ship' | 'pickup', label: string): TemplateResult {
    return html`<label part="option">
      <input
        type="radio"
        name="way"
        .value=${value}
        .checked=${this.way === value}
        @change=${() => {
          this.chosen = value;
          this.added = false;
        }}
      />
      ${label}
    </label>`;
  }
}

defineElement('omni-add-to-cart', OmniAddToCart);

declare global {
  interface HTMLElementTagNameMap {
    'omni-add-to-cart': OmniAddToCart;
  }
}
