/**
 * Shared host styles and design tokens for every Omnishelf element.
 *
 * Light and dark: widgets follow the page's `color-scheme` (inherited, as for any element). A
 * page that declares `color-scheme: dark` (or `light dark`, under a dark preference) gets the
 * dark defaults below (`light-dark()`); a page that declares nothing stays light. Force either on
 * a widget or a wrapper with `color-scheme: light` or `color-scheme: dark`. Body text inherits the
 * page's colour, so it is as readable as the page around it.
 *
 * Tokens (set them on the element, a wrapper or `:root` to theme every widget at once):
 * - `--omni-color-text`     body text (default: the page's text colour)
 * - `--omni-color-muted`    secondary text (default: the text colour at 72%, AA on the page)
 * - `--omni-color-accent`   links, buttons, focus ring (light #0b57d0, 6.4:1 on white;
 *                           dark #a8c7fa, 10.6:1 on #121212)
 * - `--omni-color-on-accent` text on accent backgrounds (light #ffffff, dark #062e6f)
 * - `--omni-color-success`  in stock (light #146c2e, 6.4:1; dark #6dd58c, 10.4:1)
 * - `--omni-color-warning`  low stock, backorder (light #8a4b00, 6.6:1; dark #ffb95c, 11.5:1)
 * - `--omni-color-danger`   out of stock, errors (light #b3261e, 6.5:1; dark #ffb4ab, 11.6:1)
 * - `--omni-color-border`   dividers and input borders (default #8c939d, 3:1 on both)
 * - `--omni-color-surface`  widget background (default transparent: the page shows through)
 * - `--omni-color-field`    input background (default the browser's `Field` colour)
 * - `--omni-color-skeleton` loading placeholders (light #e6e8eb, dark #3c4043)
 * - `--omni-radius`         corner radius (default 0.375rem)
 * - `--omni-space`          base spacing unit (default 0.5rem)
 * - `--omni-font-size`      base font size (default inherits the page's)
 * - `--omni-line-height`    base line height (default 1.5)
 * - `--omni-focus-ring`     focus outline (default 2px solid accent)
 *
 * Defaults are AA (4.5:1) for text on white and on near-black (#121212); merchants who theme them
 * own the contrast.
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
    /* Unset, the text colour is the page's (inherited). */
    color: var(--omni-color-text);
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
    outline: var(--omni-focus-ring, 2px solid var(--_omni-accent, light-dark(#0b57d0, #a8c7fa)));
    outline-offset: 2px;
  }

  /* Private knobs of every widget, set on its inner wrapper (never on :host). */
  .base {
    --_omni-space: var(--omni-space, 0.5rem);
    --_omni-line: calc(var(--omni-line-height, 1.5) * 1em);
    --_omni-accent: var(--omni-color-accent, light-dark(#0b57d0, #a8c7fa));
    --_omni-on-accent: var(--omni-color-on-accent, light-dark(#ffffff, #062e6f));
    --_omni-muted: var(--omni-color-muted, color-mix(in srgb, currentColor 72%, transparent));
    --_omni-border: var(--omni-color-border, #8c939d);
    --_omni-radius: var(--omni-radius, 0.375rem);
    --_omni-skeleton: var(--omni-color-skeleton, light-dark(#e6e8eb, #3c4043));
    --_omni-success: var(--omni-color-success, light-dark(#146c2e, #6dd58c));
    --_omni-warning: var(--omni-color-warning, light-dark(#8a4b00, #ffb95c));
    --_omni-danger: var(--omni-color-danger, light-dark(#b3261e, #ffb4ab));
    --_omni-field: var(--omni-color-field, Field);
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
