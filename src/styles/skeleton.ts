/**
 * Loading placeholders ("bones"). A bone is one line high, so a row keeps its height while loading;
 * its visible bar is inset. The pulse animates opacity only and stops for reduced motion.
 */
import { css } from 'lit';

export const skeletonStyles = css`
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
    animation: omni-pulse 1.6s ease-in-out infinite alternate;
    /* Paused by the widget while it is off screen (OffscreenPulseController). */
    animation-play-state: var(--_omni-pulse, running);
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

  .bone--action::before {
    inset-block: 0.15em;
  }

  /* Opacity only: composited, no repaint per frame per placeholder. */
  @keyframes omni-pulse {
    from {
      opacity: 1;
    }
    to {
      opacity: 0.45;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .bone::before {
      animation: none;
    }
  }

  @media (forced-colors: active) {
    .bone::before {
      border: 1px solid GrayText;
    }
  }
`;
