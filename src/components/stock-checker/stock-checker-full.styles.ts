import { css } from 'lit';
import { controlStyles } from '../../styles/controls.js';

/**
 * The full view's styles, adopted when its code arrives. Layout rule that keeps the page from
 * shifting: every text row is at least one line high, and the loading skeleton uses the same rows
 * (one line each, and an actions row as high as a button), so the skeleton for `limit` stores is
 * as tall as `limit` stores.
 */
export const fullStyles = [
  controlStyles,
  css`
    .quantity {
      font-weight: 400;
      color: var(--omni-color-text, inherit);
    }

    .stale {
      color: var(--_omni-muted);
      font-size: 0.875em;
    }

    .name {
      font-weight: var(--omni-stock-checker-name-weight, 600);
    }

    .tag {
      padding-inline: calc(var(--_omni-space) * 0.75);
      border: 1px solid currentColor;
      border-radius: 999px;
      font-size: 0.8125em;
      line-height: 1.4;
      color: var(--_omni-accent);
    }

    .distance {
      margin-inline-start: auto;
      color: var(--_omni-muted);
    }

    .hours,
    .address {
      color: var(--_omni-muted);
    }

    /* Long unbroken names, addresses and numbers wrap instead of widening the page. */
    .name,
    .address,
    .action-link {
      overflow-wrap: anywhere;
    }

    .notify {
      display: flex;
      flex-direction: column;
      gap: var(--_omni-space);
    }

    .confirmation:empty {
      display: none;
    }

    .confirmation {
      font-weight: 600;
      color: var(--_omni-success);
    }
  `,
];
