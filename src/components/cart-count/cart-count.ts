import { css, html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { cartContext, configContext, type CartStore } from '../../core/context.js';
import type { OmniConfig } from '../../core/config.js';
import { formatNumber } from '../../core/i18n/format.js';
import { CartController } from '../../controllers/cart-controller.js';
import { hostStyles } from '../../styles/host.js';
import { schemeStyles } from '../../styles/scheme.js';
import { defineElement } from '../base/define.js';
import { OmniElement } from '../base/omni-element.js';
import { itemsInCart } from '../cart/messages.js';

/**
 * The number of items in the shopper's cart, live (other tabs and devices included), for the
 * site header. Its box is as wide as "99+" whatever the number, so nothing moves when it
 * changes; past 99 it shows "99+". Screen readers hear "3 items in your cart".
 *
 * @tag omni-cart-count
 *
 * @event {OmniCartChangeEvent} omni-cart-change - The cart's lines changed (once per page, from the first cart element connected; see `<omni-cart>`).
 * @event {OmniCartSyncEvent} omni-cart-sync - Pending changes or sync state changed; `event.pending`, `event.status`.
 * @event {OmniCartConflictEvent} omni-cart-conflict - A price changed, a change was dropped, the cart was restored, or a choice is needed; `event.kind`.
 *
 * @csspart base - The badge (carries `dir` and `lang`).
 *
 * @cssproperty [--omni-cart-count-background=var(--omni-color-accent)] - Badge background.
 * @cssproperty [--omni-cart-count-color=var(--omni-color-on-accent)] - Badge text.
 * @cssproperty [--omni-cart-count-size=1.3125em] - Badge height.
 * @cssproperty [--omni-cart-count-inline-size=2.25em] - Badge width (fixed, so that nothing moves
 *   when the count changes; "99+" fits).
 *
 * @cssstate empty - The cart is empty (the badge stays, dimmed, so nothing moves).
 * @cssstate pending - Changes wait to be saved.
 * @cssstate offline - Changes wait for the network.
 */
export class OmniCartCount extends OmniElement {
  static override styles = [
    hostStyles,
    schemeStyles,
    css`
      /* A fixed box, the same as dist/omnishelf.css reserves before the code arrives: the count
         changes, the line it sits in does not. */
      :host {
        display: inline-flex;
        vertical-align: middle;
        inline-size: var(--omni-cart-count-inline-size, 2.25em);
        block-size: var(--omni-cart-count-size, 1.3125em);
      }

      .base {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        box-sizing: border-box;
        inline-size: 100%;
        block-size: 100%;
        padding-inline: 0.25em;
        border-radius: 999px;
        background: var(--omni-cart-count-background, var(--_omni-accent));
        color: var(--omni-cart-count-color, var(--_omni-on-accent));
        font-size: 0.875em;
        font-weight: 700;
        line-height: 1;
        font-variant-numeric: tabular-nums;
      }

      /* Empty: an outline in the text colour, readable on any background (a faded fill was
         3.6:1 on the accent). */
      :host(:state(empty)) .base {
        background: transparent;
        color: inherit;
        box-shadow: inset 0 0 0 1px currentColor;
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

  private readonly cartController = new CartController(this);

  protected override willUpdate(): void {
    this.cartController.setStore(this.cart);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const view = this.cartController.view;
    this.setStates({
      empty: (view?.count ?? 0) === 0,
      pending: (view?.pending ?? 0) > 0,
      offline: view?.status === 'offline',
    });
  }

  protected override render(): TemplateResult {
    const count = this.cartController.view?.count ?? 0;
    const locale = this.formatLocaleFor(this.config?.locale);
    const shown = count > 99 ? `${formatNumber(99, locale)}+` : formatNumber(count, locale);
    return html`<span part="base" class="base" dir=${this.direction} lang=${this.activeLocale}
      ><span aria-hidden="true">${shown}</span
      ><span class="visually-hidden">${itemsInCart(count, locale)}</span></span
    >`;
  }
}

defineElement('omni-cart-count', OmniCartCount);

declare global {
  interface HTMLElementTagNameMap {
    'omni-cart-count': OmniCartCount;
  }
}
