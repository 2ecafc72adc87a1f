import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { msg } from '@lit/localize';
import { cartContext, configContext, type CartStore } from '../../core/context.js';
import type { OmniConfig } from '../../core/config.js';
import type { CartView } from '../../core/cart/store.js';
import { formatNumber } from '../../core/i18n/format.js';
import { CartController } from '../../controllers/cart-controller.js';
import { errorBoxStyles } from '../../styles/status.js';
import { hostStyles } from '../../styles/host.js';
import { schemeStyles } from '../../styles/scheme.js';
import { defineElement } from '../base/define.js';
import { OmniElement } from '../base/omni-element.js';
import { itemsInCart } from '../cart/messages.js';

/**
 * A header button with the cart's live item count that opens the cart in a drawer: a modal
 * dialog from the inline end (the left in right-to-left languages), full width on small screens.
 * Escape, the close button or a click outside close it, and focus returns to the button. The
 * cart's code is fetched once the page is idle (or when the drawer is about to open: hover,
 * focus); when it could not be (offline), the drawer says so with a "Try again" button, and tries
 * again by itself once the browser is back online. The drawer also
 * opens by itself when the shopper arrives through a "continue on another device" link, to show
 * the result or ask how to combine carts (unless the page has an `<omni-cart>` of its own).
 *
 * @tag omni-cart-button
 * @dependency omni-cart
 *
 * @event {OmniCartChangeEvent} omni-cart-change - The cart's lines changed (once per page, from the first cart element connected; see `<omni-cart>`).
 * @event {OmniCartSyncEvent} omni-cart-sync - Pending changes or sync state changed; `event.pending`, `event.status`.
 * @event {OmniCartConflictEvent} omni-cart-conflict - A price changed, a change was dropped, the cart was restored, or a choice is needed; `event.kind`.
 *
 * @slot - The button's label (default "Cart"): its accessible name, shown with `show-label`.
 *
 * @csspart base - The wrapper (carries `dir` and `lang`).
 * @csspart button - The button.
 * @csspart label - The button's label (visible with `show-label`).
 * @csspart count - The count badge on the button.
 * @csspart drawer - The dialog.
 * @csspart drawer-header - The drawer's heading row.
 * @csspart close-button - The drawer's close button.
 * @csspart error - The message shown in the drawer when the cart's code could not be loaded.
 * @csspart retry-button - Its "Try again" button.
 *
 * @cssproperty [--omni-cart-button-inline-size=calc(3 * var(--omni-space) + 2px + 4.5em)] - The
 *   button's width without `show-label` (dist/omnishelf.css reserves the same).
 * @cssproperty [--omni-cart-drawer-width=28rem] - Width of the drawer (never wider than the screen).
 * @cssproperty [--omni-cart-backdrop=rgb(0 0 0 / 0.45)] - What covers the page behind the drawer.
 * @cssproperty [--omni-cart-count-background=var(--omni-color-accent)] - Count badge background.
 * @cssproperty [--omni-cart-count-color=var(--omni-color-on-accent)] - Count badge text.
 *
 * @cssstate open - The drawer is open.
 * @cssstate pending - Changes wait to be saved.
 */
export class OmniCartButton extends OmniElement {
  static override styles = [
    hostStyles,
    schemeStyles,
    // The drawer's message when the cart's code could not be loaded (not controlStyles: its
    // .button would resize the trigger, whose width omnishelf.css reserves).
    errorBoxStyles,
    css`
      /* Icon and count in a box of fixed width, the same as dist/omnishelf.css reserves before
         the code arrives; with show-label the label's length (which differs by language) sets it. */
      :host {
        display: inline-block;
        /* In a line of text too, it sits where its reserved box sat. */
        vertical-align: middle;
        inline-size: var(
          --omni-cart-button-inline-size,
          calc(3 * var(--omni-space, 0.5rem) + 2px + 4.5em)
        );
      }

      :host([show-label]) {
        inline-size: auto;
      }

      .trigger {
        box-sizing: border-box;
        inline-size: 100%;
        gap: calc(var(--_omni-space) * 0.5);
        padding-inline: calc(var(--_omni-space) * 1.5);
      }

      :host(:not([show-label])) [part~='label'] {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        margin: -1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }

      .count {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        min-inline-size: 3.5ch;
        block-size: 1.5em;
        padding-inline: 0.35em;
        border-radius: 999px;
        background: var(--omni-cart-count-background, var(--_omni-on-accent));
        color: var(--omni-cart-count-color, var(--_omni-accent));
        font-size: 0.875em;
        font-variant-numeric: tabular-nums;
      }

      svg {
        inline-size: 1.25em;
        block-size: 1.25em;
        flex: none;
      }

      dialog {
        position: fixed;
        inset-block: 0;
        inset-inline: auto 0;
        box-sizing: border-box;
        inline-size: min(var(--omni-cart-drawer-width, 28rem), 100vw);
        max-inline-size: 100vw;
        block-size: 100%;
        max-block-size: 100%;
        margin: 0;
        padding: 0;
        border: 0;
        background: var(--_omni-surface);
        color: inherit;
        box-shadow: 0 0 2rem rgb(0 0 0 / 0.3);
        overflow: auto;
        overscroll-behavior: contain;
      }

      dialog::backdrop {
        background: var(--omni-cart-backdrop, rgb(0 0 0 / 0.45));
      }

      .panel {
        display: flex;
        flex-direction: column;
        gap: calc(var(--_omni-space) * 2);
        min-block-size: 100%;
        padding: calc(var(--_omni-space) * 2);
      }

      .head {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: var(--_omni-space);
      }

      h2 {
        margin: 0;
        font-size: 1.25em;
      }

      .error-box p {
        margin: 0;
      }

      .close {
        inline-size: 2.75em;
        block-size: 2.75em;
        border: 1px solid var(--_omni-border);
        border-radius: var(--_omni-radius);
        background: none;
        color: inherit;
        font-size: 1.25em;
        line-height: 1;
        cursor: pointer;
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

  /**
   * Shows the label ("Cart", or the slotted text) next to the icon. Without it the label only names
   * the button for screen readers, and the button keeps one width in every language.
   */
  @property({ type: Boolean, reflect: true, attribute: 'show-label' }) showLabel = false;

  /** True while the drawer is open. Set it to open or close the drawer. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Set once the cart's code is wanted. */
  @state() private loaded = false;

  /** The cart's code could not be loaded (offline, say); the drawer offers to try again. */
  @state() private loadFailed = false;

  /** Loads the drawer's cart (`<omni-cart>`); replaceable in tests. */
  static loadCart: () => Promise<unknown> = () => import('../cart/index.js');

  private loading = false;

  @query('dialog') private dialog?: HTMLDialogElement;

  private readonly cartController = new CartController(this);
  private seen = new Set<string>();
  private asked = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.cartController.setStore(this.cart);
    this.openForHandoff(this.cartController.view);
    // Only when the drawer opens: a load that failed is tried again by the shopper (or by going
    // back online), never by the next render (that was a loop at full CPU while offline).
    if (changed.has('open') && this.open) this.load();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.handleOnline);
    // The drawer's code is fetched once the page is idle, so that the drawer also opens after the
    // connection is gone (a browser keeps a failed import failed until the page reloads).
    const idle = (callback: () => void): unknown =>
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(callback, { timeout: 5000 })
        : setTimeout(callback, 2000);
    idle(() => {
      if (this.isConnected) void this.fetchCode().catch(() => undefined);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.handleOnline);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const dialog = this.dialog;
    if (dialog && this.open && !dialog.open) dialog.showModal();
    else if (dialog && !this.open && dialog.open) dialog.close();
    this.setStates({ open: this.open, pending: (this.cartController.view?.pending ?? 0) > 0 });
  }

  /** Opens the drawer (the same as setting `open`). */
  show(): void {
    this.open = true;
  }

  /** Closes the drawer. */
  hide(): void {
    this.open = false;
  }

  /** A handoff result or a choice to make arrived: show it, unless the page has its own cart. */
  private openForHandoff(view: CartView | undefined): void {
    if (!view) return;
    const fresh = view.notices.filter((n) => n.kind === 'handoff' && !this.seen.has(n.id));
    for (const notice of view.notices) this.seen.add(notice.id);
    const choice = view.choice !== undefined && !this.asked;
    this.asked = view.choice !== undefined;
    if ((fresh.length > 0 || choice) && !document.querySelector('omni-cart')) this.open = true;
  }

  /** The cart's code, fetched once (again after a failure). */
  private code: Promise<unknown> | undefined;

  private fetchCode(): Promise<unknown> {
    this.code ??= (this.constructor as typeof OmniCartButton).loadCart().catch((error: unknown) => {
      this.code = undefined;
      throw error;
    });
    return this.code;
  }

  private load(): void {
    if (this.loaded || this.loading) return;
    this.loading = true;
    this.fetchCode()
      .then(
        () => {
          this.loaded = true;
          this.loadFailed = false;
        },
        (error: unknown) => {
          this.loadFailed = true;
          console.error('[omnishelf] could not load the cart', error);
        },
      )
      .finally(() => {
        this.loading = false;
      });
  }

  private readonly handleOnline = (): void => {
    if (this.loadFailed && this.open) this.load();
  };

  private handleRetry(): void {
    this.load();
  }

  private handleClick(): void {
    this.open = true;
  }

  private handleClose(): void {
    this.open = false;
  }

  private handleDialogClick(event: MouseEvent): void {
    // A click on the dialog itself is on its backdrop (the panel covers the rest).
    if (event.target === this.dialog) this.open = false;
  }

  protected override render(): TemplateResult {
    const view = this.cartController.view;
    const locale = this.formatLocaleFor(this.config?.locale);
    const count = view?.count ?? 0;
    const n = formatNumber(count, locale);
    return html`<div part="base" class="base" dir=${this.direction} lang=${this.activeLocale}>
      <button
        type="button"
        part="button"
        class="button trigger"
        aria-haspopup="dialog"
        aria-expanded=${this.open ? 'true' : 'false'}
        @click=${this.handleClick}
        @pointerenter=${this.load}
        @focus=${this.load}
      >
        <svg
          viewBox="0 0 24 24"
          aria-hidden="true"
          fill="none"
          stroke="currentColor"
          stroke-width="2"
        >
          <path d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.8L20 7H6.2" />
          <circle cx="9.5" cy="19" r="1.5" />
          <circle cx="17" cy="19" r="1.5" />
        </svg>
        <span part="label"><slot>${msg('Cart', { id: 'cart.button' })}</slot></span>
        <span part="count" class="count" aria-hidden="true"
          >${count > 99 ? `${formatNumber(99, locale)}+` : n}</span
        >
        <span class="visually-hidden">${itemsInCart(count, locale)}</span>
      </button>
      <dialog
        part="drawer"
        aria-labelledby="drawer-title"
        @close=${this.handleClose}
        @click=${this.handleDialogClick}
      >
        <div class="panel">
          <div part="drawer-header" class="head">
            <h2 id="drawer-title">${msg('Your cart', { id: 'cart.title' })}</h2>
            <button
              type="button"
              part="close-button"
              class="close"
              aria-label=${msg('Close the cart', { id: 'cart.close' })}
              @click=${this.handleClose}
            >
              ×
            </button>
          </div>
          ${
            this.loaded
              ? html`<omni-cart variant="drawer"></omni-cart>`
              : this.loadFailed
                ? html`<div class="error-box" part="error">
                    <p role="alert">
                      ${msg(
                        "We couldn't load your cart. Check your connection, then try again or reload the page.",
                        {
                          id: 'cart.loadFailed',
                        },
                      )}
                    </p>
                    <button
                      type="button"
                      class="button"
                      part="button retry-button"
                      @click=${this.handleRetry}
                    >
                      ${msg('Try again', { id: 'stock.error.retry' })}
                    </button>
                  </div>`
                : nothing
          }
        </div>
      </dialog>
    </div>`;
  }
}

defineElement('omni-cart-button', OmniCartButton);

declare global {
  interface HTMLElementTagNameMap {
    'omni-cart-button': OmniCartButton;
  }
}
