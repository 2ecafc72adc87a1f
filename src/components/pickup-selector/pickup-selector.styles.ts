import { css } from 'lit';
import { controlStyles } from '../../styles/controls.js';
import { hostStyles } from '../../styles/host.js';
import { skeletonStyles } from '../../styles/skeleton.js';
import { statusStyles } from '../../styles/status.js';

/**
 * Styles of `<omni-pickup-selector>`. Logical properties only (RTL); every colour through the
 * shared knobs (light and dark); fits 320 px: stores stack, times wrap into as many columns as fit.
 */
export const styles = [
  hostStyles,
  statusStyles,
  skeletonStyles,
  controlStyles,
  css`
    .chooser,
    .group,
    .list,
    .info,
    .hold {
      display: flex;
      flex-direction: column;
    }

    .chooser {
      gap: var(--omni-pickup-selector-gap, calc(var(--_omni-space) * 1.5));
    }

    .group {
      gap: var(--_omni-space);
      min-inline-size: 0;
      margin: 0;
      padding: 0;
      border: 0;
    }

    .legend {
      padding: 0;
      margin-block-end: var(--_omni-space);
      font-weight: 600;
    }

    /* The placeholder's status, where the answer's legend will be (the same line). */
    .legend-line {
      font-weight: 600;
    }

    /* A store's details (ready time, hours, address) in smaller type: each keeps one line on a
       390 px phone in every language, so that the chooser is as tall as its placeholder and as
       the space omnishelf.css reserves (12.25 lines, 9.5 spaces and 8px with two stores; keep
       them in step). Longer text wraps: it is never cut. */
    .detail {
      font-size: 0.875em;
    }

    /* "Show N more stores", and its placeholder: as high as a text button. */
    .more {
      display: flex;
    }

    .summary {
      font-weight: 600;
    }

    /* An empty live region stays in the accessibility tree but takes no room. */
    .summary:empty,
    .hold-status:empty {
      position: absolute;
    }

    .list {
      gap: var(--_omni-space);
    }

    .item,
    .slot,
    .chip {
      display: flex;
      gap: 0 var(--_omni-space);
      border: 1px solid var(--_omni-border);
      border-radius: var(--_omni-radius);
      cursor: pointer;
    }

    .item,
    .slot {
      padding: var(--omni-pickup-selector-item-padding, var(--_omni-space));
    }

    .item--checked,
    .slot--checked,
    .chip:has(:checked) {
      border-color: var(--_omni-accent);
      box-shadow: inset 0 0 0 1px var(--_omni-accent);
    }

    .item--off,
    .slot:has(:disabled) {
      cursor: default;
      border-style: dashed;
    }

    .item--skeleton {
      flex-direction: column;
    }

    .radio {
      flex: none;
      inline-size: 1.05em;
      block-size: 1.05em;
      margin: 0.22em 0 0;
      accent-color: var(--_omni-accent);
    }

    .item-body {
      display: flex;
      flex-direction: column;
      flex: 1;
      min-inline-size: 0;
    }

    /* A store: its radio beside its name, what it says about the store below both, across the
       whole width (the longest line, Swahili's "closed, opens on Saturday at ...", fits a
       390 px phone). */
    .item:not(.item--skeleton) {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr);
    }

    .item:not(.item--skeleton) .item-body {
      display: contents;
    }

    .item .info {
      grid-column: 1 / -1;
    }

    /* Centred, not on the baseline: a bold name and a regular distance on their baselines made
       the line half a pixel taller in some fonts (Firefox), and the store taller than its
       placeholder. */
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0 var(--_omni-space);
    }

    .name {
      font-weight: 600;
      overflow-wrap: anywhere;
    }

    .distance {
      margin-inline-start: auto;
    }

    .distance,
    .muted,
    .remaining {
      color: var(--_omni-muted);
    }

    .tag {
      padding-inline: calc(var(--_omni-space) * 0.75);
      border: 1px solid currentColor;
      border-radius: 999px;
      font-size: 0.8125em;
      line-height: 1.4;
      color: var(--_omni-accent);
    }

    .info .status {
      display: block;
    }

    .info .icon {
      margin-inline-end: 0.4em;
    }

    .line {
      overflow-wrap: anywhere;
    }

    .days {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_omni-space) * 0.5);
    }

    .chip {
      align-items: center;
      gap: 0.4em;
      padding-block: calc(var(--_omni-space) * 0.375);
      padding-inline: var(--_omni-space) calc(var(--_omni-space) * 1.25);
      border-radius: 999px;
    }

    .chip .radio {
      margin: 0;
    }

    .slot-list {
      display: grid;
      grid-template-columns: repeat(
        auto-fill,
        minmax(min(100%, var(--omni-pickup-selector-slot-min-width, 9rem)), 1fr)
      );
      gap: calc(var(--_omni-space) * 0.5);
    }

    .remaining {
      font-size: 0.875em;
    }

    .remaining--full {
      color: var(--_omni-danger);
    }

    .hold {
      gap: calc(var(--_omni-space) * 0.25);
    }

    .hold-status {
      color: var(--_omni-success);
      font-weight: 600;
    }

    .timer {
      font-variant-numeric: tabular-nums;
    }

    .timer--last {
      color: var(--_omni-warning);
      font-weight: 600;
    }

    /* The compact variant: its text has room for two lines (it wraps on a phone), the button
       on its first line, so that it is as high in every language and at every width (2 lines,
       0.25 space and 1px: omnishelf.css reserves the same). */
    .summary-line {
      display: flex;
      align-items: baseline;
      gap: 0 var(--_omni-space);
    }

    .summary-text {
      min-inline-size: 0;
      min-block-size: calc(2 * var(--_omni-line));
    }

    .summary-line .timer,
    .summary-line .link-button {
      flex: none;
    }

    .summary-line .timer {
      color: var(--_omni-muted);
    }

    dialog {
      inline-size: min(var(--omni-pickup-selector-dialog-width, 36rem), 100vw - 1rem);
      max-inline-size: none;
      max-block-size: calc(100dvh - 1rem);
      padding: calc(var(--_omni-space) * 2);
      border: 1px solid var(--_omni-border);
      border-radius: var(--_omni-radius);
      /* Opaque, with its own text colour: the page around it may be any colour. */
      background: var(--_omni-field);
      color: var(--omni-color-text, FieldText);
    }

    dialog::backdrop {
      background: rgb(0 0 0 / 0.5);
    }

    .dialog-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_omni-space);
      margin-block-end: calc(var(--_omni-space) * 1.5);
    }

    .dialog-title {
      margin: 0;
      font-size: 1.125em;
    }

    fieldset:disabled .item,
    fieldset:disabled .slot,
    fieldset:disabled .chip {
      cursor: not-allowed;
      opacity: 0.7;
    }
  `,
];
