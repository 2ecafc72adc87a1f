/**
 * Colours that follow the page's colour scheme: light by default, dark on a page that says it is
 * dark (`color-scheme: dark`, or `light dark` with the shopper's `prefers-color-scheme: dark`),
 * through `light-dark()`. Tokens set by the page (`--omni-color-*`) win in both schemes. Include
 * after `hostStyles`; it overrides the private knobs on `.base` and adds a few of its own.
 */
import { css } from 'lit';

export const schemeStyles = css`
  :host {
    color: var(--omni-color-text, light-dark(#1f2328, #e6e8eb));
  }

  .base {
    --_omni-accent: var(--omni-color-accent, light-dark(#0b57d0, #a8c7fa));
    --_omni-on-accent: var(--omni-color-on-accent, light-dark(#ffffff, #062e6f));
    --_omni-muted: var(--omni-color-muted, light-dark(#545b64, #b4bac2));
    --_omni-border: var(--omni-color-border, light-dark(#8c939d, #7d848e));
    --_omni-surface: var(--omni-color-surface, light-dark(#ffffff, #1f2328));
    --_omni-success: var(--omni-color-success, light-dark(#146c2e, #7dd89a));
    --_omni-warning: var(--omni-color-warning, light-dark(#8a4b00, #f5b86b));
    --_omni-danger: var(--omni-color-danger, light-dark(#b3261e, #ffb4ab));
    --_omni-skeleton: var(--omni-color-skeleton, light-dark(#e6e8eb, #343a42));
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: calc(var(--_omni-space) * 0.5);
    min-block-size: 2.75em;
    padding-block: calc(var(--_omni-space) * 0.5);
    padding-inline: calc(var(--_omni-space) * 2);
    border: 1px solid var(--_omni-accent);
    border-radius: var(--_omni-radius);
    background: var(--_omni-accent);
    color: var(--_omni-on-accent);
    font: inherit;
    font-weight: 600;
    line-height: 1.25;
    text-decoration: none;
    cursor: pointer;
  }

  .button--quiet {
    background: transparent;
    color: var(--_omni-accent);
  }

  .button:hover {
    filter: brightness(0.94);
  }

  .button:disabled,
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    border-color: var(--_omni-border);
    background: transparent;
    color: var(--_omni-muted);
    filter: none;
  }

  .link-button {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_omni-accent);
    font: inherit;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }

  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
    }
  }
`;
