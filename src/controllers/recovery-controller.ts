import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the controller asks its host. */
export interface RecoveryOptions {
  /** Whether something on screen failed and asking again may help. */
  failed: () => boolean;
  /** Asks again (the host shows its loading state, then the answer or the failure). */
  retry: () => void;
}

/**
 * Asks again by itself once a failure may have passed: when the browser is back online, and
 * when the shopper comes back to the tab (a backend that was down while the tab was hidden may
 * be up again). Only while the host reports a failure, so that a healthy widget sends nothing;
 * the "Try again" button stays for the shopper who does not want to wait.
 */
export class RecoveryController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly options: RecoveryOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.handleChance);
    document.addEventListener('visibilitychange', this.handleChance);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.handleChance);
    document.removeEventListener('visibilitychange', this.handleChance);
  }

  private readonly handleChance = (event: Event): void => {
    if (event.type === 'visibilitychange' && document.visibilityState === 'hidden') return;
    if (this.options.failed()) this.options.retry();
  };
}
