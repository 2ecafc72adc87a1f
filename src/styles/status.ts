/** Stock and status lines: text first, colour and icon shape as reinforcement. */
import { css } from 'lit';

export const statusStyles = css`
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
    color: var(--_omni-success);
  }

  .status--low_stock,
  .status--backorder,
  .status--preorder {
    color: var(--_omni-warning);
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
    color: var(--_omni-danger);
  }

  /* A dash at the text's middle (vertical-align counts where the line is not a flex row). */
  .status--out_of_stock .icon {
    border-radius: 1px;
    block-size: 2px;
    vertical-align: middle;
  }

  @media (forced-colors: active) {
    .icon {
      forced-color-adjust: none;
      background: CanvasText;
    }
  }
`;

/**
 * A failure's message with its button: the controls include it, and the cart button's drawer uses
 * it alone (this module is in the chunk every widget's page loads already).
 */
export const errorBoxStyles = css`
  .error-box {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_omni-space);
    padding: var(--_omni-space);
    border: 1px solid var(--_omni-danger);
    border-radius: var(--_omni-radius);
    color: var(--_omni-danger);
  }
`;
