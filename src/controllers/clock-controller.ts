import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Clock, TickUnit } from '../core/time/clock.js';

/**
 * Subscribes a host to a `Clock`: the host updates at every minute (or second) boundary while it
 * is connected, and reads the time from `now`. Call `setClock` whenever the injected clock may
 * have changed (e.g. from `willUpdate`).
 */
export class ClockController implements ReactiveController {
  /** The boundaries the host updates on. */
  readonly unit: TickUnit;
  private clock: Clock | undefined;
  private unsubscribe: (() => void) | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    options: { unit?: TickUnit; clock?: Clock } = {},
  ) {
    this.unit = options.unit ?? 'minute';
    this.clock = options.clock;
    host.addController(this);
  }

  /** The current time (epoch ms) from the clock, or from `Date.now()` while there is none. */
  get now(): number {
    return this.clock ? this.clock.now() : Date.now();
  }

  setClock(clock: Clock | undefined): void {
    if (clock === this.clock) return;
    this.detach();
    this.clock = clock;
    if (this.connected) {
      this.attach();
      // The new clock may tell a different time.
      this.host.requestUpdate();
    }
  }

  hostConnected(): void {
    this.connected = true;
    this.attach();
    // Reconnected after a while: the time shown may be stale.
    if (this.clock) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.detach();
  }

  private attach(): void {
    const clock = this.clock;
    if (!clock || this.unsubscribe) return;
    try {
      this.unsubscribe = clock.subscribe(() => this.host.requestUpdate(), this.unit);
    } catch (error) {
      console.error(error);
      this.unsubscribe = undefined;
    }
  }

  private detach(): void {
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = undefined;
    try {
      unsubscribe?.();
    } catch {
      /* a failing unsubscribe must not break disconnection */
    }
  }
}
