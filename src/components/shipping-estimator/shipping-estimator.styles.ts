import { css } from 'lit';
import { controlStyles } from '../../styles/controls.js';
import { hostStyles } from '../../styles/host.js';
import { skeletonStyles } from '../../styles/skeleton.js';

/**
 * Styles of `<omni-shipping-estimator>`. Only logical properties (RTL). Light and dark come from
 * the shared host styles (the page's `color-scheme`, see styles/host.ts).
 */
export const styles = [
  hostStyles,
  controlStyles,
  skeletonStyles,
  css`
    .base {
      display: flex;
      flex-direction: column;
      gap: var(--_omni-space);
      overflow-wrap: anywhere;
    }

    .methods {
      min-inline-size: 0;
      margin: 0;
      padding: 0;
      border: 0;
    }

    .list {
      display: flex;
      flex-direction: column;
      gap: var(--omni-shipping-estimator-gap, calc(var(--_omni-space) * 0.5));
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .item {
      border: 1px solid var(--_omni-border);
      border-radius: var(--_omni-radius);
    }

    /* The chosen method: a second line of colour inside the border, so nothing moves. */
    .item--selected {
      --_omni-selected: var(--omni-shipping-estimator-selected-color, var(--_omni-accent));
      border-color: var(--_omni-selected);
      box-shadow: inset 0 0 0 1px var(--_omni-selected);
    }

    .choice {
      display: flex;
      align-items: flex-start;
      gap: var(--_omni-space);
      padding: var(--omni-shipping-estimator-item-padding, var(--_omni-space));
    }

    label.choice {
      cursor: pointer;
    }

    .radio {
      flex: none;
      inline-size: 1.125em;
      block-size: 1.125em;
      margin: calc((var(--_omni-line) - 1.125em) / 2) 0 0;
      accent-color: var(--_omni-accent);
    }

    .method,
    .item--skeleton {
      display: flex;
      flex-direction: column;
      flex: 1;
      min-inline-size: 0;
    }

    .item--skeleton {
      padding: var(--omni-shipping-estimator-item-padding, var(--_omni-space));
    }

    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 var(--_omni-space);
    }

    .name {
      font-weight: var(--omni-shipping-estimator-name-weight, 600);
    }

    .price {
      margin-inline-start: auto;
      font-weight: 600;
      white-space: nowrap;
    }

    .price--free,
    .free-shipping {
      color: var(--_omni-success);
    }

    .carrier,
    .stale {
      color: var(--_omni-muted);
      font-size: 0.875em;
    }

    /* Two lines, always (placeholder too): the live text wraps differently by language, width
       and time left, and nothing below moves when it does. omnishelf.css counts them. */
    .order-by {
      min-block-size: calc(2 * var(--_omni-line));
      font-weight: 600;
    }

    .row {
      display: block;
    }

    .sold-out {
      margin: 0;
      font-weight: 600;
    }

    @media (forced-colors: active) {
      .item--selected {
        border-color: Highlight;
        box-shadow: inset 0 0 0 1px Highlight;
      }
    }
  `,
];
