/**
 * Shared host styles and design tokens for every Omnishelf element.
 *
 * Tokens (set them on the element, a wrapper or `:root` to theme every widget at once):
 * - `--omni-color-text`     body text (default #1f2328, 15.8:1 on white)
 * - `--omni-color-muted`    secondary text (default #545b64, 6.9:1 on white)
 * - `--omni-color-accent`   links, buttons, focus ring (default #0b57d0, 6.4:1 on white)
 * - `--omni-color-on-accent` text on accent backgrounds (default #ffffff)
 * - `--omni-color-success`  in stock (default #146c2e, 6.4:1 on white)
 * - `--omni-color-warning`  low stock, backorder (default #8a4b00, 6.6:1 on white)
 * - `--omni-color-danger`   out of stock, errors (default #b3261e, 6.5:1 on white)
 * - `--omni-color-border`   dividers and input borders (default #8c939d, 3.2:1 on white)
 * - `--omni-color-surface`  widget background (default transparent: the page shows through)
 * - `--omni-color-skeleton` loading placeholders (default #e6e8eb)
 * - `--omni-radius`         corner radius (default 0.375rem)
 * - `--omni-space`          base spacing unit (default 0.5rem)
 * - `--omni-font-size`      base font size (default inherits the page's)
 * - `--omni-line-height`    base line height (default 1.5)
 * - `--omni-focus-ring`     focus outline (default 2px solid accent)
 *
 * Colours are AA (4.5:1) for text on white; merchants who theme them own the contrast.
 *
 * `:host { display: block }`: every element renders block content. A page rule on the tag
 * (`omni-stock-checker { display: inline-block }`) beats a `:host` rule, so the page decides;
 * keep it that way (no `!important` here). `vertical-align: top` only matters then: it keeps an
 * inline-block element on the text line instead of on a baseline it may not have.
 */
import { css } from 'lit';

export const hostStyles = css`
  :host {
    display: block;
    vertical-align: top;
    box-sizing: border-box;
    font: inherit;
    font-size: var(--omni-font-size, inherit);
    line-height: var(--omni-line-height, 1.5);
    color: var(--omni-color-text, #1f2328);
    text-align: start;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }

  :focus-visible {
    outline: var(--omni-focus-ring, 2px solid var(--omni-color-accent, #0b57d0));
    outline-offset: 2px;
  }

  /* Private knobs of every widget, set on its inner wrapper (never on :host). */
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

  p {
    margin: 0;
  }

  /* Every text row is at least one line high, so that placeholders and answers line up. */
  .row {
    min-block-size: var(--_omni-line);
  }

  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;
