import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
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
import type { CartHandoff, Fulfillment, MergeStrategy } from '../../core/api/types.js';
import type { CartLineView, CartNotice, CartUndo, CartView } from '../../core/cart/store.js';
import { formatMoney, multiplyMoney } from '../../core/money/money.js';
import { formatClockTime } from '../../core/i18n/format.js';
import { isAvailable } from '../../core/stock/rank.js';
import type { StockResult } from '../../core/stock/types.js';
import { CartController } from '../../controllers/cart-controller.js';
import { ServiceController } from '../../controllers/service-controller.js';
import { isolate } from '../base/bidi.js';
import { defineElement } from '../base/define.js';
import { OmniElement } from '../base/omni-element.js';
import { styles } from './cart.styles.js';
import { offlineStatus, otherCartItems, thisCartItems, unreachableStatus } from './messages.js';

/** The checkout link for `cartId`: `{cartId}` in the URL replaced, else a `cartId` parameter. */
export function checkoutHref(template: string, cartId: string): string {
  const id = encodeURIComponent(cartId);
  if (template.includes('{cartId}')) return template.replaceAll('{cartId}', id);
  const [path, hash] = template.split('#', 2) as [string, string | undefined];
  return `${path}${path.includes('?') ? '&' : '?'}cartId=${id}${hash === undefined ? '' : `#${hash}`}`;
}

const fulfillmentValue = (f: Fulfillment) => (f.type === 'ship' ? 'ship' : `pickup:${f.storeId}`);

/**
 * The shopper's cart: lines with title, unit price, quantity stepper, remove (with undo) and
 * fulfilment (delivery, or pickup at a nearby store that has the item); the subtotal in the cart's
 * currency; a checkout link to the merchant's `checkoutUrl` carrying the cart id; "Continue on
 * another device" (a link and a QR code for the other device). It says when the cart is empty,
 * syncing, offline, in conflict, or when a price changed, and asks before combining carts.
 *
 * Works offline: changes are kept in the browser and sent when the network returns. Inline on a
 * page, or as the content of `<omni-cart-button>`'s drawer (`variant="drawer"`).
 *
 * @tag omni-cart
 *
 * @event {OmniCartChangeEvent} omni-cart-change - The lines changed (here, in another tab or on another device); `event.cart`, `event.count`. Dispatched once per page by the first cart element.
 * @event {OmniCartSyncEvent} omni-cart-sync - Pending changes or sync state changed; `event.pending`, `event.status`.
 * @event {OmniCartConflictEvent} omni-cart-conflict - A price changed, a change was dropped, the cart was restored, or a choice is needed; `event.kind`.
 *
 * @csspart base - The wrapper around everything (carries `dir` and `lang`).
 * @csspart heading - The "Your cart" heading (inline variant).
 * @csspart status - The sync line ("Saving…", "You're offline…"), a polite live region.
 * @csspart warning - The note that changes will not survive a reload (no IndexedDB).
 * @csspart notices - The list of notices (price changes, conflicts, handoff results).
 * @csspart notice - One notice (also `notice conflict` for conflicts).
 * @csspart choice - The question when another cart arrives (combine, use it, keep this one).
 * @csspart empty - The empty-cart message.
 * @csspart list - The list (`ul`) of lines.
 * @csspart item - One line (`li`).
 * @csspart title - A line's title.
 * @csspart price - A line's unit price.
 * @csspart line-total - A line's total.
 * @csspart stepper - The quantity stepper (`-`, the number, `+`).
 * @csspart input - The quantity field and the fulfilment choice.
 * @csspart button - Every button (also `button checkout`, `button handoff-button` ...).
 * @csspart undo - The "Removed … Undo" line.
 * @csspart summary - Subtotal and checkout.
 * @csspart subtotal - The subtotal row.
 * @csspart checkout - The checkout link (or the disabled button while changes are pending).
 * @csspart handoff - The "Continue on another device" panel.
 * @csspart qr - The QR code of the handoff link.
 *
 * @cssproperty --omni-color-text - Body text (follows `color-scheme`: light and dark defaults).
 * @cssproperty --omni-color-muted - Secondary text.
 * @cssproperty --omni-color-accent - Buttons, links and the focus ring.
 * @cssproperty --omni-color-on-accent - Text on accent buttons.
 * @cssproperty --omni-color-warning - Offline, conflict and price-change notices.
 * @cssproperty --omni-color-border - Dividers, fields and notices.
 * @cssproperty --omni-color-surface - Fields and the drawer's background.
 * @cssproperty --omni-radius - Corner radius.
 * @cssproperty --omni-space - Base spacing unit.
 * @cssproperty --omni-font-size - Base font size (default: the page's).
 * @cssproperty [--omni-cart-divider=1px solid var(--omni-color-border)] - Border between lines.
 * @cssproperty [--omni-cart-title-weight=600] - Font weight of line titles.
 * @cssproperty [--omni-cart-notice-background=transparent] - Background of notices.
 *
 * @cssstate loading - The stored cart is being read.
 * @cssstate empty - No lines.
 * @cssstate syncing - Changes are being sent.
 * @cssstate offline - Changes wait for the network.
 * @cssstate error - The server failed; retrying.
 * @cssstate conflict - A change was dropped, the cart was restored, or a choice is waiting.
 * @cssstate price-changed - A price changed since the shopper saw it.
 */
export class OmniCart extends OmniElement {
  static override styles = styles;

  /** The configuration (from `<omni-provider>` or the page): `checkoutUrl`, locale, stores. */
  @consume({ context: configContext, subscribe: true })
  @property({ attribute: false })
  config?: OmniConfig;

  /** The cart (from `<omni-provider>` or the page). */
  @consume({ context: cartContext, subscribe: true })
  @property({ attribute: false })
  cart?: CartStore;

  /** Stock, to offer pickup where each line is available (optional). */
  @consume({ context: stockServiceContext, subscribe: true })
  @property({ attribute: false })
  stock?: StockService;

  /** The shopper's location, for nearby stores (optional). */
  @consume({ context: locationServiceContext, subscribe: true })
  @property({ attribute: false })
  location?: LocationService;

  /** "My store", named in pickup choices (optional). */
  @consume({ context: myStoreContext, subscribe: true })
  @property({ attribute: false })
  myStore?: MyStoreService;

  /** `inline` (with its heading) or `drawer` (inside `<omni-cart-button>`, which has the heading). */
  @property({ reflect: true }) variant: 'inline' | 'drawer' = 'inline';

  @state() private undoToken?: CartUndo;

  /** After Undo: the key of the line to focus once it is back on screen. */
  private focusLine: string | undefined;
  @state() private handoff?: CartHandoff | 'loading' | 'failed';
  @state() private qr?: { url: string; size: number; d: string };

  private readonly cartController = new CartController(this);
  private readonly locationController = new ServiceController<LocationService>(this);
  private readonly myStoreController = new ServiceController<MyStoreService>(this);

  private readonly stockTask = new Task(this, {
    task: async ([stock, skus, location, , radiusKm, limit], { signal }) => {
      const found = new Map<string, StockResult>();
      if (!stock || !skus) return found;
      const myStore = this.myStore?.store;
      await Promise.all(
        skus.split('\n').map(async (sku) => {
          try {
            const { value } = await stock.lookup(
              { sku, location, radiusKm, limit, includeOnline: true, myStore },
              { signal },
            );
            found.set(sku, value);
          } catch {
            /* no stock answer: the line keeps its fulfilment, delivery is offered */
          }
        }),
      );
      return found;
    },
    args: () =>
      [
        this.stock,
        [...new Set(this.view?.lines.map((l) => l.sku))].sort().join('\n'),
        this.locationController.ready ? (this.location?.location ?? undefined) : undefined,
        this.myStore?.storeId,
        this.settings.radiusKm,
        this.settings.storeLimit,
      ] as const,
  });

  private get settings(): OmniConfig {
    return this.config ?? DEFAULT_CONFIG;
  }

  private get view(): CartView | undefined {
    return this.cartController.view;
  }

  private get formatLocale(): string {
    return this.formatLocaleFor(this.settings.locale);
  }

  protected override willUpdate(): void {
    this.cartController.setStore(this.cart);
    this.locationController.setService(this.location);
    this.myStoreController.setService(this.myStore);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const view = this.view;
    const kinds = new Set(view?.notices.map((n) => n.kind));
    this.setStates({
      loading: !view,
      empty: view?.lines.length === 0,
      syncing: view?.status === 'syncing',
      offline: view?.status === 'offline',
      error: view?.status === 'error',
      conflict: kinds.has('dropped') || kinds.has('restored') || view?.choice !== undefined,
      'price-changed': kinds.has('price'),
    });
    const handoff = this.handoff;
    if (typeof handoff === 'object' && this.qr?.url !== handoff.url) void this.loadQr(handoff.url);
    this.focusRestoredLine();
  }

  /** After Undo: focuses the restored line's Remove button once the line is back. */
  private focusRestoredLine(): void {
    const key = this.focusLine;
    if (key === undefined) return;
    // Only while focus is on the Undo button or fell to the page with it; not when the shopper
    // has moved on meanwhile.
    const inside = this.matches(':focus-within') ? this.shadowRoot?.activeElement : undefined;
    const active = document.activeElement;
    const lost = inside
      ? inside.matches('[part~="undo-button"]')
      : !active || active === document.body;
    if (!lost) {
      this.focusLine = undefined;
      return;
    }
    const line = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="item"]')].find(
      (el) => el.dataset['key'] === key,
    );
    const target = line?.querySelector<HTMLElement>('[part~="remove-button"]');
    if (!target) return;
    this.focusLine = undefined;
    target.focus();
  }

  private money(value: CartLineView['unitPrice']): string {
    return value ? formatMoney(value, this.formatLocale) : '';
  }

  private async loadQr(url: string): Promise<void> {
    try {
      // The encoder is a chunk of its own, loaded only when a handoff is shown.
      const { generate } = await import('lean-qr/nano');
      const code = generate(url);
      let d = '';
      for (let y = 0; y < code.size; y++) {
        for (let x = 0; x < code.size; x++) if (code.get(x, y)) d += `M${x} ${y}h1v1h-1z`;
      }
      this.qr = { url, size: code.size, d };
    } catch (error) {
      console.error('[omnishelf] could not draw the QR code', error);
    }
  }

  // ---- handlers --------------------------------------------------------------------------------

  private handleQty(line: CartLineView, qty: number): void {
    if (!Number.isFinite(qty)) return;
    this.undoToken = undefined;
    if (qty <= 0) this.handleRemove(line);
    else this.cart?.setQty(line.ref, qty);
  }

  private handleRemove(line: CartLineView): void {
    const within = this.matches(':focus-within');
    this.undoToken = this.cart?.remove(line.ref);
    void this.focusAfterUpdate('[part~="undo-button"]', within);
  }

  private handleUndo(): void {
    const token = this.undoToken;
    this.undoToken = undefined;
    if (!token) return;
    // The Undo button goes away: focus moves to the line that comes back (it returns after a
    // write, so updated() does it once the line is on screen).
    if (this.matches(':focus-within')) this.focusLine = token.line.key;
    this.cart?.undo(token);
  }

  /** A quantity typed in: emptied or invalid goes back to the line's quantity; 0 removes it. */
  private handleQtyInput(line: CartLineView, event: Event): void {
    const input = event.target as HTMLInputElement;
    const raw = input.value.trim();
    const qty = raw === '' ? NaN : Number(raw);
    if (!Number.isInteger(qty) || qty < 0) {
      input.value = String(line.qty);
      return;
    }
    this.handleQty(line, Math.min(99, qty));
  }

  private handleFulfillment(line: CartLineView, event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    const f: Fulfillment =
      value === 'ship'
        ? { type: 'ship' }
        : { type: 'pickup', storeId: value.slice('pickup:'.length) };
    this.cart?.setFulfillment(line.ref, f);
  }

  private async handleHandoff(): Promise<void> {
    const cart = this.cart;
    if (!cart || this.handoff === 'loading') return;
    this.handoff = 'loading';
    try {
      this.handoff = await cart.createHandoff();
    } catch {
      this.handoff = 'failed';
    }
    void this.focusAfterUpdate('[part~="handoff"] [tabindex="-1"]');
  }

  private handleChoice(strategy: MergeStrategy | undefined): void {
    void this.cart?.choose(strategy);
  }

  // ---- rendering -------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const view = this.view;
    const drawer = this.variant === 'drawer';
    const status = this.statusText(view);
    return html`<div
      part="base"
      class="base ${drawer ? 'base--drawer' : ''}"
      dir=${this.direction}
      lang=${this.activeLocale}
      aria-busy=${view ? 'false' : 'true'}
    >
      ${drawer ? nothing : html`<h2 part="heading" tabindex="-1">${msg('Your cart', { id: 'cart.title' })}</h2>`}
      <p
        part="status"
        class="status status--${status ? (view?.status ?? 'loading') : 'idle'}"
        role="status"
      >
        ${status}
      </p>
      ${view ? this.renderCart(view) : nothing}
    </div>`;
  }

  private statusText(view: CartView | undefined): string {
    if (!view) return msg('Loading your cart…', { id: 'cart.status.loading' });
    switch (view.status) {
      case 'syncing':
        return msg('Saving your changes…', { id: 'cart.status.syncing' });
      case 'offline':
        return offlineStatus(view.pending, this.formatLocale);
      case 'error':
        return unreachableStatus(view.pending, this.formatLocale);
      default:
        return '';
    }
  }

  private renderCart(view: CartView): TemplateResult {
    return html`
      ${
        view.durable
          ? nothing
          : html`<p part="warning" class="warning">
              ${msg("This browser can't save your cart: changes won't survive a reload.", { id: 'cart.volatile' })}
            </p>`
      }
      ${this.renderNotices(view.notices)} ${view.choice ? this.renderChoice(view) : nothing}
      ${
        this.undoToken
          ? html`<p part="undo" class="undo" role="status">
              <span
                >${msg(str`Removed ${isolate(this.undoToken.line.title)}.`, { id: 'cart.removed' })}</span
              >
              <button
                type="button"
                part="button undo-button"
                class="button button--quiet"
                @click=${this.handleUndo}
              >
                ${msg('Undo', { id: 'cart.undo' })}
              </button>
            </p>`
          : nothing
      }
      ${
        view.lines.length === 0
          ? html`<p part="empty" class="empty">
              ${msg('Your cart is empty.', { id: 'cart.empty' })}
            </p>`
          : html`<ul part="list" class="list">
              ${view.lines.map((line) => this.renderLine(line))}
            </ul>`
      }
      ${view.lines.length ? this.renderSummary(view) : nothing}
      ${view.lines.length || typeof this.handoff === 'object' ? this.renderHandoff() : nothing}
    `;
  }

  private renderNotices(notices: CartNotice[]): TemplateResult {
    return html`<ul part="notices" class="notices" aria-live="polite">
      ${notices.map((notice) => {
        const conflict = notice.kind !== 'handoff';
        return html`<li
          part="notice ${conflict ? 'conflict' : ''}"
          class="notice ${conflict ? 'notice--conflict' : ''}"
        >
          <span>${this.noticeText(notice)}</span>
          <button
            type="button"
            class="dismiss"
            part="button dismiss-button"
            aria-label=${msg('Dismiss', { id: 'cart.dismiss' })}
            @click=${() => this.cart?.dismiss(notice.id)}
          >
            ×
          </button>
        </li>`;
      })}
    </ul>`;
  }

  private noticeText(notice: CartNotice): string {
    switch (notice.kind) {
      case 'price': {
        const title = isolate(notice.title);
        const from = this.money(notice.from);
        const to = this.money(notice.to);
        return msg(str`The price of ${title} changed from ${from} to ${to}.`, {
          id: 'cart.notice.price',
        });
      }
      case 'dropped': {
        const title = isolate(notice.title);
        return notice.code === 'line_gone'
          ? msg(str`${title} was removed on another device, so your change to it was not saved.`, {
              id: 'cart.notice.gone',
            })
          : msg(str`${title} could not be added or changed as asked, so that change was undone.`, {
              id: 'cart.notice.refused',
            });
      }
      case 'restored':
        return msg(
          'The store had lost your cart. We made a new one with the same items: please check it.',
          {
            id: 'cart.notice.restored',
          },
        );
      default:
        return handoffText(notice.outcome);
    }
  }

  private renderChoice(view: CartView): TemplateResult {
    const choice = view.choice!;
    const busy = view.busy;
    const button = (label: string, strategy: MergeStrategy | undefined, part: string) =>
      html`<button
        type="button"
        part="button ${part}"
        class="button ${strategy === 'combine' ? '' : 'button--quiet'}"
        ?disabled=${busy}
        @click=${() => this.handleChoice(strategy)}
      >
        ${label}
      </button>`;
    return html`<section part="choice" class="choice" aria-labelledby="choice-title">
      <h3 id="choice-title">
        ${
          choice.reason === 'handoff'
            ? msg('A cart from your other device', { id: 'cart.choice.handoff' })
            : msg('Your saved cart', { id: 'cart.choice.customer' })
        }
      </h3>
      <p>
        ${otherCartItems(choice.count, this.formatLocale)}
        ${thisCartItems(view.count, this.formatLocale)}
        ${msg('What would you like to do?', { id: 'cart.choice.ask' })}
      </p>
      <div class="actions">
        ${button(msg('Combine them', { id: 'cart.choice.combine' }), 'combine', 'combine-button')}
        ${button(msg('Use the other cart', { id: 'cart.choice.theirs' }), 'keep', 'theirs-button')}
        ${button(msg('Keep this cart', { id: 'cart.choice.mine' }), 'replace', 'mine-button')}
        ${
          choice.reason === 'handoff'
            ? button(msg('Not now', { id: 'cart.choice.later' }), undefined, 'later-button')
            : nothing
        }
      </div>
    </section>`;
  }

  private renderLine(line: CartLineView): TemplateResult {
    const title = isolate(line.title);
    const options = this.fulfillmentOptions(line);
    const total = line.unitPrice ? this.money(multiplyMoney(line.unitPrice, line.qty)) : '';
    return html`<li
      part="item"
      class="item ${line.pending ? 'item--pending' : ''}"
      data-key=${line.key}
    >
      <div>
        <div part="title" class="title"><bdi>${line.title}</bdi></div>
        <div part="price" class="price">
          ${
            line.unitPrice
              ? msg(str`${this.money(line.unitPrice)} each`, { id: 'cart.line.each' })
              : msg('Price shown once synced', { id: 'cart.line.noPrice' })
          }
        </div>
      </div>
      <div part="line-total" class="total">${total}</div>
      <div class="controls">
        <div
          part="stepper"
          class="stepper"
          role="group"
          aria-label=${msg(str`Quantity of ${title}`, { id: 'cart.line.qtyGroup' })}
        >
          <button
            type="button"
            class="step"
            part="button step-button"
            aria-label=${msg('Decrease quantity', { id: 'cart.line.less' })}
            ?disabled=${line.qty <= 1}
            @click=${() => this.handleQty(line, line.qty - 1)}
          >
            −
          </button>
          <input
            class="qty"
            part="input qty"
            type="number"
            inputmode="numeric"
            min="1"
            max="99"
            .value=${String(line.qty)}
            aria-label=${msg('Quantity', { id: 'cart.line.qty' })}
            @change=${(e: Event) => this.handleQtyInput(line, e)}
          />
          <button
            type="button"
            class="step"
            part="button step-button"
            aria-label=${msg('Increase quantity', { id: 'cart.line.more' })}
            ?disabled=${line.qty >= 99}
            @click=${() => this.handleQty(line, line.qty + 1)}
          >
            +
          </button>
        </div>
        <select
          class="select"
          part="input fulfillment"
          aria-label=${msg(str`How to get ${title}`, { id: 'cart.line.fulfillment' })}
          @change=${(e: Event) => this.handleFulfillment(line, e)}
        >
          ${options.map(
            (o) =>
              html`<option
                value=${o.value}
                ?selected=${o.value === fulfillmentValue(line.fulfillment)}
              >
                ${o.label}
              </option>`,
          )}
        </select>
        <button
          type="button"
          class="link-button"
          part="button remove-button"
          aria-label=${msg(str`Remove ${title}`, { id: 'cart.line.removeLabel' })}
          @click=${() => this.handleRemove(line)}
        >
          ${msg('Remove', { id: 'cart.line.remove' })}
        </button>
      </div>
    </li>`;
  }

  /** Delivery, and pickup at each nearby store (with pickup) that has the line's item. */
  private fulfillmentOptions(line: CartLineView): { value: string; label: string }[] {
    const options = [{ value: 'ship', label: msg('Delivery', { id: 'cart.line.ship' }) }];
    const result = this.stockTask.value?.get(line.sku);
    const current = fulfillmentValue(line.fulfillment);
    const names = new Map<string, string>();
    const mine = this.myStore?.store;
    if (mine) names.set(mine.id, mine.name);
    for (const { store, availability } of result?.stores ?? []) {
      names.set(store.id, store.name);
      if (store.pickup.enabled && isAvailable(availability)) {
        options.push({ value: `pickup:${store.id}`, label: pickupLabel(store.name) });
      }
    }
    if (line.fulfillment.type === 'pickup' && !options.some((o) => o.value === current)) {
      const id = line.fulfillment.storeId;
      options.push({ value: current, label: pickupLabel(names.get(id) ?? id) });
    }
    return options;
  }

  private renderSummary(view: CartView): TemplateResult {
    const template = this.settings.checkoutUrl;
    const ready = view.pending === 0 && view.cartId !== undefined;
    return html`<div part="summary" class="summary">
      <p part="subtotal" class="subtotal">
        <span id="subtotal-label">${msg('Subtotal', { id: 'cart.subtotal' })}</span>
        <output aria-labelledby="subtotal-label"
          >${view.subtotal ? this.money(view.subtotal) : '—'}</output
        >
      </p>
      ${
        view.subtotal
          ? nothing
          : html`<p class="note">
              ${msg('The subtotal is shown once your cart has synced.', { id: 'cart.subtotal.pending' })}
            </p>`
      }
      ${
        !template
          ? nothing
          : ready
            ? html`<a
                part="button checkout"
                class="button checkout"
                href=${checkoutHref(template, view.cartId!)}
              >
                ${msg('Check out', { id: 'cart.checkout' })}
              </a>`
            : html`<button type="button" part="button checkout" class="button checkout" disabled>
                  ${msg('Check out', { id: 'cart.checkout' })}
                </button>
                <p class="note">
                  ${msg('Checkout opens once your changes are saved.', { id: 'cart.checkout.wait' })}
                </p>`
      }
    </div>`;
  }

  private renderHandoff(): TemplateResult {
    const handoff = this.handoff;
    if (handoff === undefined || handoff === 'loading') {
      return html`<button
        type="button"
        part="button handoff-button"
        class="button button--quiet"
        aria-disabled=${handoff === 'loading' ? 'true' : 'false'}
        @click=${this.handleHandoff}
      >
        ${
          handoff === 'loading'
            ? msg('Getting a link…', { id: 'cart.handoff.loading' })
            : msg('Continue on another device', { id: 'cart.handoff.start' })
        }
      </button>`;
    }
    if (handoff === 'failed') {
      return html`<div part="handoff" class="handoff">
        <p role="alert" tabindex="-1">
          ${msg("We couldn't get a link right now. Check your connection and try again.", { id: 'cart.handoff.failed' })}
        </p>
        <button
          type="button"
          part="button handoff-button"
          class="button button--quiet"
          @click=${this.handleHandoff}
        >
          ${msg('Try again', { id: 'cart.handoff.retry' })}
        </button>
      </div>`;
    }
    const until = new Date(handoff.expiresAt);
    const time = formatClockTime(
      `${String(until.getHours()).padStart(2, '0')}:${String(until.getMinutes()).padStart(2, '0')}`,
      this.formatLocale,
    );
    const qr = this.qr?.url === handoff.url ? this.qr : undefined;
    return html`<section part="handoff" class="handoff" aria-labelledby="handoff-title">
      <h3 id="handoff-title" tabindex="-1">
        ${msg('Continue on another device', { id: 'cart.handoff.start' })}
      </h3>
      <p>
        ${msg(
          str`Open this link on your other device, or scan the code. It works once, until ${time}.`,
          {
            id: 'cart.handoff.lead',
          },
        )}
      </p>
      <a href=${handoff.url} part="handoff-link">${handoff.url}</a>
      ${
        qr
          ? html`<div
              part="qr"
              class="qr"
              role="img"
              aria-label=${msg('QR code of the link above', { id: 'cart.handoff.qr' })}
            >
              ${svg`<svg viewBox="-2 -2 ${qr.size + 4} ${qr.size + 4}" shape-rendering="crispEdges" aria-hidden="true"><path fill="currentColor" d=${qr.d} /></svg>`}
            </div>`
          : nothing
      }
      <p>${msg('Code:', { id: 'cart.handoff.code' })} <span class="code">${handoff.code}</span></p>
      <div class="actions">
        <button
          type="button"
          part="button handoff-button"
          class="button button--quiet"
          @click=${() => (this.handoff = undefined)}
        >
          ${msg('Done', { id: 'cart.handoff.done' })}
        </button>
      </div>
    </section>`;
  }
}

function pickupLabel(name: string): string {
  return msg(str`Pick up at ${isolate(name)}`, { id: 'cart.line.pickup' });
}

function handoffText(outcome: Extract<CartNotice, { kind: 'handoff' }>['outcome']): string {
  switch (outcome) {
    case 'claimed':
      return msg('Your cart from the other device is here.', { id: 'cart.handoff.claimed' });
    case 'merged':
      return msg('Done: both devices now share this cart.', { id: 'cart.handoff.merged' });
    case 'kept':
      return msg("You kept this cart. It isn't shared with the other device.", {
        id: 'cart.handoff.kept',
      });
    case 'expired':
      return msg(
        'That link to continue a cart has expired or was already used. Ask for a new one on the other device.',
        {
          id: 'cart.handoff.expired',
        },
      );
    case 'not_found':
      return msg("That link to continue a cart isn't valid. Check it, or ask for a new one.", {
        id: 'cart.handoff.notFound',
      });
    case 'offline':
      return msg("You're offline. Connect to continue the cart from your other device.", {
        id: 'cart.handoff.offline',
      });
    default:
      return msg("We couldn't continue the cart from your other device. Please try again.", {
        id: 'cart.handoff.error',
      });
  }
}

defineElement('omni-cart', OmniCart);

declare global {
  interface HTMLElementTagNameMap {
    'omni-cart': OmniCart;
  }
}
