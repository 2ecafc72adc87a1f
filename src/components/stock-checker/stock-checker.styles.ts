import { css } from 'lit';
import { hostStyles } from '../../styles/host.js';
import { skeletonStyles } from '../../styles/skeleton.js';
import { statusStyles } from '../../styles/status.js';

/**
 * Styles of the element itself, enough for the badge and the placeholder of the full view (whose
 * own styles arrive with it: stock-checker-full.styles.ts). Only logical properties (RTL).
 */
export const styles = [
  hostStyles,
  statusStyles,
  skeletonStyles,
  css`
    /* While loading, the same space as omnishelf.css reserved before the upgrade (keep the two
       in step): two lines for a badge, the placeholder of three stores for the full view. */
    :host(:state(loading)) {
      min-block-size: calc(
        var(--omni-stock-checker-badge-lines, 2) * var(--omni-line-height, 1.5) * 1em
      );
    }

    :host(:state(loading):not([variant='badge'])) {
      min-block-size: calc(
        18 * var(--omni-line-height, 1.5) * 1em + 15.5 * var(--omni-space, 0.5rem) + 11px
      );
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

    /* In the status's own colour (AA): muted, a low-stock amber fell to 3.6:1. */
    .badge .stale {
      font-weight: 400;
    }

    /* Placeholders pulse only while on screen: OffscreenPulseController sets the pulse running
       on the wrapper of a widget in view (a listing of 200 badges shows a dozen). */
    .base {
      --_omni-pulse: paused;
    }

    /* The full view's layout, also for its placeholder before the view's code arrives. */

    .base--full {
      display: flex;
      flex-direction: column;
      gap: var(--_omni-space);
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

    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_omni-space) * 0.5) calc(var(--_omni-space) * 2);
      margin-block-start: calc(var(--_omni-space) * 0.5);
    }

    /* The placeholder of an action link: as high as a link or a text button. */
    .bone--action {
      display: inline-block;
      padding-block: calc(var(--_omni-space) * 0.25);
      border: 1px solid transparent;
      line-height: var(--omni-line-height, 1.5);
    }
  `,
];
