import { css } from 'lit';
import { hostStyles } from '../../styles/host.js';
import { schemeStyles } from '../../styles/scheme.js';

/** `<omni-cart>`: one column, logical properties only (RTL), down to 320 px wide. */
export const styles = [
  hostStyles,
  schemeStyles,
  css`
    .base {
      display: flex;
      flex-direction: column;
      gap: calc(var(--_omni-space) * 2);
      min-inline-size: 0;
    }

    h2,
    h3 {
      margin: 0;
      font-size: 1.25em;
      line-height: 1.3;
    }

    h3 {
      font-size: 1em;
    }

    .status {
      display: flex;
      gap: var(--_omni-space);
      align-items: baseline;
      color: var(--_omni-muted);
    }

    .status::before {
      content: '';
      flex: none;
      inline-size: 0.6em;
      block-size: 0.6em;
      border-radius: 50%;
      background: currentColor;
    }

    /* Stays in the page (a live region), without its dot, when there is nothing to say. */
    .status--idle::before {
      content: none;
    }

    .status--idle {
      margin-block-end: calc(var(--_omni-space) * -2);
    }

    .status--offline,
    .status--error {
      color: var(--_omni-warning);
    }

    .status--syncing::before {
      animation: omni-cart-pulse 1s ease-in-out infinite alternate;
    }

    @keyframes omni-cart-pulse {
      to {
        opacity: 0.2;
      }
    }

    @media (prefers-reduced-motion: reduce) {
      .status--syncing::before {
        animation: none;
      }
    }

    .notices {
      display: flex;
      flex-direction: column;
      gap: var(--_omni-space);
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .notice,
    .warning,
    .choice,
    .handoff,
    .undo {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_omni-space);
      padding: var(--_omni-space) calc(var(--_omni-space) * 1.5);
      border: 1px solid var(--_omni-border);
      border-inline-start: 4px solid var(--_omni-accent);
      border-radius: var(--_omni-radius);
      background: var(--omni-cart-notice-background, transparent);
    }

    .notice--conflict,
    .warning {
      border-inline-start-color: var(--_omni-warning);
    }

    .notice > span,
    .undo > span {
      flex: 1 1 12em;
      overflow-wrap: anywhere;
    }

    .choice,
    .handoff {
      flex-direction: column;
      align-items: stretch;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_omni-space);
    }

    .dismiss {
      flex: none;
      inline-size: 2.75em;
      block-size: 2.75em;
      margin-block: calc(var(--_omni-space) * -0.5);
      padding: 0;
      border: 0;
      border-radius: var(--_omni-radius);
      background: none;
      color: inherit;
      font-size: 1.25em;
      cursor: pointer;
    }

    .empty {
      color: var(--_omni-muted);
    }

    .list {
      display: flex;
      flex-direction: column;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .item {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: var(--_omni-space);
      padding-block: calc(var(--_omni-space) * 1.5);
      border-block-end: var(--omni-cart-divider, 1px solid var(--_omni-border));
    }

    .item:first-child {
      border-block-start: var(--omni-cart-divider, 1px solid var(--_omni-border));
    }

    /* A line waiting for the server (the status line says so in words). */
    .item--pending .price {
      font-style: italic;
    }

    .title {
      font-weight: var(--omni-cart-title-weight, 600);
      overflow-wrap: anywhere;
    }

    .price,
    .unit {
      color: var(--_omni-muted);
      font-size: 0.875em;
    }

    .total {
      text-align: end;
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }

    .controls {
      grid-column: 1 / -1;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_omni-space) calc(var(--_omni-space) * 2);
    }

    .stepper {
      display: inline-flex;
      align-items: stretch;
      border: 1px solid var(--_omni-border);
      border-radius: var(--_omni-radius);
    }

    .step {
      inline-size: 2.75em;
      border: 0;
      background: none;
      color: var(--_omni-accent);
      font: inherit;
      font-size: 1.25em;
      line-height: 1;
      cursor: pointer;
    }

    .step:disabled {
      color: var(--_omni-muted);
      cursor: not-allowed;
    }

    .qty {
      inline-size: 3.25em;
      min-block-size: 2.75em;
      border: 0;
      border-inline: 1px solid var(--_omni-border);
      background: transparent;
      text-align: center;
      font-variant-numeric: tabular-nums;
      -moz-appearance: textfield;
    }

    .qty::-webkit-inner-spin-button,
    .qty::-webkit-outer-spin-button {
      -webkit-appearance: none;
      margin: 0;
    }

    .select {
      flex: 1 1 12em;
      min-inline-size: 0;
      max-inline-size: 100%;
      min-block-size: 2.75em;
      padding-inline: var(--_omni-space);
      border: 1px solid var(--_omni-border);
      border-radius: var(--_omni-radius);
      background: var(--_omni-surface);
    }

    .summary {
      display: flex;
      flex-direction: column;
      gap: var(--_omni-space);
    }

    .subtotal {
      display: flex;
      justify-content: space-between;
      gap: var(--_omni-space);
      font-weight: 600;
      font-size: 1.125em;
    }

    .subtotal output {
      font-variant-numeric: tabular-nums;
    }

    .note {
      color: var(--_omni-muted);
      font-size: 0.875em;
    }

    .checkout {
      inline-size: 100%;
    }

    .handoff a {
      color: var(--_omni-accent);
      overflow-wrap: anywhere;
    }

    .qr {
      align-self: center;
      inline-size: min(12rem, 100%);
      padding: 0.5rem;
      border-radius: var(--_omni-radius);
      /* Scanners want dark modules on light: the same in both colour schemes. */
      background: #ffffff;
      color: #000000;
    }

    .qr svg {
      display: block;
      inline-size: 100%;
      block-size: auto;
    }

    .code {
      font-family: ui-monospace, monospace;
      font-size: 1.25em;
      letter-spacing: 0.15em;
    }
  `,
];
