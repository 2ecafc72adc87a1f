/**
 * Buttons, links, text buttons, form fields and error messages, shared by every widget and by the
 * location controls. Links and text buttons share one box so that rows keep the same height.
 */
import { css } from 'lit';
import { errorBoxStyles } from './status.js';

export const controlStyles = css`
  .location {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_omni-space);
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
    color: var(--_omni-on-accent);
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

  .location-form {
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
    background: var(--_omni-field);
    color: FieldText;
    line-height: var(--omni-line-height, 1.5);
  }

  .input[aria-invalid='true'] {
    border-color: var(--_omni-danger);
    border-width: 2px;
  }

  .error {
    color: var(--_omni-danger);
  }

  ${errorBoxStyles}

  .select {
    flex: none;
    max-inline-size: 100%;
  }
`;
