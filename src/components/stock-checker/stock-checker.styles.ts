import { css } from 'lit';
import { hostStyles } from '../../styles/host.js';

/**
 * Layout rule that keeps the page from shifting: every text row is at least one line high, and the
 * loading skeleton uses the same rows (one line each, and an actions row as high as a button), so
 * the skeleton for `limit` stores is as tall as `limit` stores. Only logical properties (RTL).
 */
export const styles = [
  hostStyles,
  css`
    .base {
      --_omni-space: var(--omni-space, 0.5rem);
      --_omni-line: calc(var(--omni-line-height, 1.5) * 1em);
      --_omni-accent: var(--omni-color-accent, #0b57d0);
      --_omni-muted: var(--omni-color-muted, #545b64);
      --_omni-border: var(--omni-color-border, #8c939d);
      --_omni-radius: var(--omni-radius, 0.375rem);
      --_omni-skeleton: var(--omni-color-skeleton, #e6e8eb);
      background: var(--omni-color-surface, transparent);
    }

    .base--full {
      display: flex;
      flex-direction: column;
      gap: var(--_omni-space);
    }

    p {
      margin: 0;
    }

    .row {
      min-block-size: var(--_omni-line);
    }

    /* Badge: wraps to at most --omni-stock-checker-badge-lines lines (default 2), always that
       high, loading or not, so tiles never shift; the status comes first and is never cut. */
    .badge {
      --_omni-lines: var(--omni-stock-checker-badge-lines, 2);
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: var(--_omni-lines);
      min-block-size: calc(var(--_omni-lines) * var(--_omni-line));
      overflow: hidden;
      overflow-wrap: anywhere;
    }

    .badge .icon {
      margin-inline-end: var(--omni-stock-checker-badge-gap, calc(var(--_omni-space) * 0.75));
    }

    .badge--muted {
      color: var(--_omni-muted);
    }

    /* Status: text first, colour and icon shape as reinforcement. */
    .status {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: calc(var(--_omni-space) * 0.5);
      font-weight: 600;
    }

    .icon {
      flex: none;
      display: inline-block;
      vertical-align: 0.05em;
      inline-size: 0.625em;
      block-size: 0.625em;
      border-radius: 50%;
      background: currentColor;
    }

    .status--in_stock {
      color: var(--omni-color-success, #146c2e);
    }

    .status--low_stock,
    .status--backorder,
    .status--preorder {
      color: var(--omni-color-warning, #8a4b00);
    }

    .status--low_stock .icon {
      border-radius: 0;
      transform: rotate(45deg) scale(0.85);
    }

    .status--backorder .icon,
    .status--preorder .icon {
      background: transparent;
      border: 2px solid currentColor;
    }

    .status--out_of_stock {
      color: var(--omni-color-danger, #b3261e);
    }

    .status--out_of_stock .icon {
      border-radius: 1px;
      block-size: 2px;
    }

    .quantity {
      font-weight: 400;
      color: var(--omni-color-text, #1f2328);
    }

    .summary {
      font-weight: 600;
    }

    /* An empty live region (error state) stays in the accessibility tree but takes no row. */
    .summary:empty {
      position: absolute;
    }

    .location {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: var(--_omni-space);
    }

    .online {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_omni-space) * 2);
    }

    .stale {
      color: var(--_omni-muted);
      font-size: 0.875em;
    }

    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: var(--omni-stock-checker-gap, calc(var(--_omni-space) * 1.5));
    }

    .item {
      padding-block: var(--omni-stock-checker-item-padding, var(--_omni-space));
      padding-inline: 0;
      border-block-start: var(--omni-stock-checker-divider, 1px solid var(--_omni-border));
    }

    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: var(--_omni-space);
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

    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_omni-space) * 0.5) calc(var(--_omni-space) * 2);
      margin-block-start: calc(var(--_omni-space) * 0.5);
    }

    /* Links and text buttons share one box so rows keep the same height. */
    .action-link,
    .link-button,
    .bone--action {
      display: inline-block;
      padding-block: calc(var(--_omni-space) * 0.25);
      padding-inline: 0;
      border: 1px solid transparent;
      line-height: var(--omni-line-height, 1.5);
    }

    .action-link,
    .link-button {
      color: var(--_omni-accent);
      text-decoration: underline;
      text-underline-offset: 0.15em;
    }

    .link-button {
      background: none;
      cursor: pointer;
      font-weight: inherit;
      text-align: start;
    }

    .action-link:hover,
    .link-button:hover {
      text-decoration-thickness: 2px;
    }

    .button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      padding-block: calc(var(--_omni-space) * 0.75);
      padding-inline: calc(var(--_omni-space) * 2);
      border: 1px solid var(--_omni-accent);
      border-radius: var(--_omni-radius);
      background: var(--_omni-accent);
      color: var(--omni-color-on-accent, #ffffff);
      font-weight: 600;
      line-height: var(--omni-line-height, 1.5);
      cursor: pointer;
    }

    .button:hover {
      filter: brightness(0.92);
    }

    .button[aria-disabled='true'] {
      cursor: progress;
      opacity: 0.8;
    }

    .location-form,
    .notify {
      display: flex;
      flex-direction: column;
      gap: var(--_omni-space);
    }

    .location-actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_omni-space);
    }

    .or {
      color: var(--_omni-muted);
    }

    .form {
      display: flex;
      flex-direction: column;
      gap: calc(var(--_omni-space) * 0.5);
      margin: 0;
    }

    .label {
      font-weight: 600;
    }

    .field {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_omni-space);
    }

    .input {
      flex: 1 1 12em;
      min-inline-size: 0;
      max-inline-size: 24em;
      padding-block: calc(var(--_omni-space) * 0.75);
      padding-inline: var(--_omni-space);
      border: 1px solid var(--_omni-border);
      border-radius: var(--_omni-radius);
      background: var(--omni-color-surface, #ffffff);
      line-height: var(--omni-line-height, 1.5);
    }

    .input[aria-invalid='true'] {
      border-color: var(--omni-color-danger, #b3261e);
      border-width: 2px;
    }

    .error {
      color: var(--omni-color-danger, #b3261e);
    }

    .error-box {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: var(--_omni-space);
      padding: var(--_omni-space);
      border: 1px solid var(--omni-color-danger, #b3261e);
      border-radius: var(--_omni-radius);
      color: var(--omni-color-danger, #b3261e);
    }

    .confirmation:empty {
      display: none;
    }

    .confirmation {
      font-weight: 600;
      color: var(--omni-color-success, #146c2e);
    }

    /* Skeleton. */
    /* A bone is one line high (so rows keep their height); its visible bar is inset. */
    .bone {
      position: relative;
      display: inline-block;
      vertical-align: top;
      color: transparent;
    }

    .bone::before {
      content: '';
      position: absolute;
      inset-inline: 0;
      inset-block: 0.3em;
      border-radius: var(--_omni-radius);
      background-color: var(--_omni-skeleton);
      background-image: linear-gradient(
        90deg,
        transparent 0%,
        rgb(255 255 255 / 0.6) 50%,
        transparent 100%
      );
      background-size: 200% 100%;
      background-repeat: no-repeat;
      animation: omni-shimmer 1.4s ease-in-out infinite;
    }

    .bone--badge {
      inline-size: 12em;
      max-inline-size: 100%;
    }

    .bone--short {
      inline-size: 8em;
    }

    .bone--name {
      inline-size: 10em;
      font-weight: 600;
    }

    .bone--medium {
      inline-size: 7em;
    }

    .bone--long {
      inline-size: min(18em, 80%);
    }

    .bone--action {
      inline-size: 6em;
    }

    [dir='rtl'] .bone::before {
      animation-direction: reverse;
    }

    .bone--action::before {
      inset-block: 0.15em;
    }

    @keyframes omni-shimmer {
      from {
        background-position: 150% 0;
      }
      to {
        background-position: -50% 0;
      }
    }

    @media (prefers-reduced-motion: reduce) {
      .bone::before {
        animation: none;
        background-image: none;
      }
    }

    @media (forced-colors: active) {
      .icon {
        forced-color-adjust: none;
        background: CanvasText;
      }
      .bone::before {
        border: 1px solid GrayText;
      }
    }
  `,
];
