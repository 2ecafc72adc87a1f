/**
 * Shared host styles and design tokens for every Omnishelf element.
 *
 * Tokens (set them on the element, a wrapper or `:root` to theme every widget at once):
 * - `--omni-color-text`     body text (default #1f2328, 15.8:1 on white; dark #e6e8eb)
 * - `--omni-color-muted`    secondary text (default #545b64, 6.9:1 on white; dark #b4bcc6)
 * - `--omni-color-accent`   links, buttons, focus ring (default #0b57d0, 6.4:1 on white; dark #8ab4f8)
 * - `--omni-color-on-accent` text on accent backgrounds (default #ffffff; dark #0a1f44)
 * - `--omni-color-success`  in stock (default #146c2e, 6.4:1 on white; dark #6fdd8b)
 * - `--omni-color-warning`  low stock, backorder (default #8a4b00, 6.6:1 on white; dark #f0b45a)
 * - `--omni-color-danger`   out of stock, errors (default #b3261e, 6.5:1 on white; dark #ffb4ab)
 * - `--omni-color-border`   dividers and input borders (default #8c939d, 3.2:1 on white; dark #7d858f)
 * - `--omni-color-surface`  widget background (default transparent: the page shows through; inputs
 *                           and dialogs use it too, else white, dark #1c2128)
 * - `--omni-color-skeleton` loading placeholders (default #e6e8eb; dark #2d333b)
 * - `--omni-radius`         corner radius (default 0.375rem)
 * - `--omni-space`          base spacing unit (default 0.5rem)
 * - `--omni-font-size`      base font size (default inherits the page's)
 * - `--omni-line-height`    base line height (default 1.5)
 * - `--omni-focus-ring`     focus outline (default 2px solid accent)
 *
 * Colours are AA (4.5:1) for text on white; merchants who theme them own the contrast.
 *
 * Dark: every default is a `light-dark()` pair, so the widgets follow the page's `color-scheme`.
 * A page that declares `color-scheme: light dark` gets the dark defaults when the shopper prefers
 * dark (`prefers-color-scheme`), each AA on a dark page (#0d1117 to #22272e); a page that declares
 * nothing, or `light`, keeps the light ones. Themed tokens win in both. The private knobs below
 * (`--_omni-success` ...) carry the resolved colours to the shared styles.
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
    color: var(--omni-color-text, light-dark(#1f2328, #e6e8eb));
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
    outline: var(
      --omni-focus-ring,
      2px solid var(--omni-color-accent, light-dark(#0b57d0, #8ab4f8))
    );
    outline-offset: 2px;
  }

  /* Private knobs of every widget, set on its inner wrapper (never on :host). */
  .base {
    --_omni-space: var(--omni-space, 0.5rem);
    --_omni-line: calc(var(--omni-line-height, 1.5) * 1em);
    --_omni-accent: var(--omni-color-accent, light-dark(#0b57d0, #8ab4f8));
    --_omni-on-accent: var(--omni-color-on-accent, light-dark(#ffffff, #0a1f44));
    --_omni-muted: var(--omni-color-muted, light-dark(#545b64, #b4bcc6));
    --_omni-border: var(--omni-color-border, light-dark(#8c939d, #7d858f));
    --_omni-success: var(--omni-color-success, light-dark(#146c2e, #6fdd8b));
    --_omni-warning: var(--omni-color-warning, light-dark(#8a4b00, #f0b45a));
    --_omni-danger: var(--omni-color-danger, light-dark(#b3261e, #ffb4ab));
    /* Inputs and dialogs need an opaque background where the widget itself has none. */
    --_omni-field: var(--omni-color-surface, light-dark(#ffffff, #1c2128));
    --_omni-radius: var(--omni-radius, 0.375rem);
    --_omni-skeleton: var(--omni-color-skeleton, light-dark(#e6e8eb, #2d333b));
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
