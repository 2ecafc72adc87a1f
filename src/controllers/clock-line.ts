import { noChange } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import type { Clock, TickUnit } from '../core/time/clock.js';

/** What a clock line shows at a moment (`noChange` keeps what is there). */
export type ClockLineRender = (now: number) => unknown;

/**
 * A part of a template that follows the page clock on its own: `clockLine(clock, (now) => ...)`
 * renders at once, then again at every minute boundary (or `unit`), updating only this part, not
 * its element ("Order within 3 h 12 min" ticks without re-rendering the list above it). It holds
 * a subscription only while connected, so a removed element or a hidden page (the page clock
 * stops ticking) costs nothing. Without a clock it renders once, from `Date.now()`.
 */
class ClockLineDirective extends AsyncDirective {
  private clock: Clock | undefined;
  private unit: TickUnit = 'minute';
  private view: ClockLineRender = () => noChange;
  private unsubscribe: (() => void) | undefined;

  render(clock: Clock | undefined, view: ClockLineRender, unit: TickUnit = 'minute'): unknown {
    this.view = view;
    if (clock !== this.clock || unit !== this.unit) {
      this.stop();
      this.clock = clock;
      this.unit = unit;
    }
    if (this.isConnected) this.start();
    return view(this.now());
  }

  protected override disconnected(): void {
    this.stop();
  }

  protected override reconnected(): void {
    this.start();
    // The time shown may be old by now.
    this.setValue(this.view(this.now()));
  }

  private now(): number {
    try {
      return this.clock?.now() ?? Date.now();
    } catch {
      return Date.now();
    }
  }

  private start(): void {
    const clock = this.clock;
    if (!clock || this.unsubscribe) return;
    try {
      this.unsubscribe = clock.subscribe((now) => this.setValue(this.view(now)), this.unit);
    } catch (error) {
      console.error(error);
    }
  }

  private stop(): void {
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = undefined;
    try {
      unsubscribe?.();
    } catch {
      /* a failing unsubscribe must not break rendering */
    }
  }
}

export const clockLine = directive(ClockLineDirective);
