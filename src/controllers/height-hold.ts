import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the controller asks its host. */
export interface HeightHoldOptions {
  /** Whether the host holds its height at all (e.g. not a one-line variant). */
  enabled: () => boolean;
  /**
   * Whether the host shows its loading placeholder now (measured at once: an answer may replace
   * it before the next frame).
   */
  loading: () => boolean;
}

/** The shopper interacts: a click too, for assistive technology that sends no pointer events. */
const INTERACTIONS = ['pointerdown', 'keydown', 'click'] as const;

/**
 * Height hold until interaction: nothing on the merchant's page moves while a tall widget loads.
 * The host keeps the tallest height it has had (first the space omnishelf.css reserved, which its
 * placeholder matches, then whatever it showed) as `min-block-size` until the shopper interacts
 * with it (a pointer down, a key or a click inside it), so that an answer shorter than the
 * placeholder leaves room instead of pulling the page up. From the first interaction on, the host
 * takes the height of what it shows (a shift that follows input does not count as a layout shift).
 */
export class HeightHoldController implements ReactiveController {
  private observer: ResizeObserver | undefined;
  private held = 0;
  private released = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: HeightHoldOptions,
  ) {
    host.addController(this);
  }

  /** Whether the shopper has interacted, so that the host no longer holds its height. */
  get isReleased(): boolean {
    return this.released;
  }

  hostConnected(): void {
    // Captured: a control inside that stops an event (Escape in a form) still counts.
    for (const type of INTERACTIONS) this.host.addEventListener(type, this.release, true);
  }

  hostDisconnected(): void {
    for (const type of INTERACTIONS) this.host.removeEventListener(type, this.release, true);
    this.observer?.disconnect();
    this.observer = undefined;
  }

  hostUpdated(): void {
    if (this.released) return;
    if (!this.options.enabled()) {
      this.reset();
      return;
    }
    if (this.options.loading()) this.hold();
    if (!this.observer && typeof ResizeObserver !== 'undefined') {
      this.observer = new ResizeObserver(() => this.hold());
      this.observer.observe(this.host);
    }
  }

  /** Lets the host take the height of what it shows from now on. */
  readonly release = (): void => {
    if (this.released) return;
    this.released = true;
    this.reset();
  };

  private hold(): void {
    const height = this.host.getBoundingClientRect().height;
    if (height > this.held) {
      this.held = height;
      this.host.style.minBlockSize = `${height}px`;
    }
  }

  private reset(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    if (this.held > 0) this.host.style.removeProperty('min-block-size');
    this.held = 0;
  }
}
