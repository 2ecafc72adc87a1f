import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The controllers of the hosts observed now, by host. */
const observed = new WeakMap<Element, OffscreenPulseController>();
let observer: IntersectionObserver | undefined;

/**
 * Lets a host's loading placeholders pulse only while the host is on screen. The host's styles
 * pause the pulse on its inner wrapper (`--_omni-pulse: paused`, read by the skeleton styles);
 * this controller sets it running on the wrapper of a host in view. Every running pulse costs
 * style work in each frame the page draws (200 placeholders took about half a core of a page that
 * redraws, e.g. while it scrolls), and a listing of 200 badges shows a dozen: only those change
 * and pulse. One IntersectionObserver serves the page; a host is observed only while it says it
 * shows placeholders (`update(true)`, from its `updated()`). Without IntersectionObserver, every
 * placeholder pulses.
 */
export class OffscreenPulseController implements ReactiveController {
  /** The wrapper whose pulse runs now, if any. */
  private running: HTMLElement | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The element that wraps the placeholders (it keeps its identity across renders). */
    private readonly wrapper: () => HTMLElement | null | undefined,
  ) {
    host.addController(this);
  }

  /** Call after each update: whether the host shows placeholders now. */
  update(placeholders: boolean): void {
    if (!placeholders) return this.hostDisconnected();
    if (typeof IntersectionObserver !== 'function') return this.pulse(true);
    if (observed.has(this.host)) return;
    observer ??= new IntersectionObserver((entries) => {
      for (const entry of entries) observed.get(entry.target)?.pulse(entry.isIntersecting);
    });
    observed.set(this.host, this);
    observer.observe(this.host);
  }

  hostDisconnected(): void {
    if (observed.delete(this.host)) observer?.unobserve(this.host);
    this.pulse(false);
  }

  private pulse(onScreen: boolean): void {
    const wrapper = (onScreen && this.wrapper()) || undefined;
    if (wrapper === this.running) return;
    this.running?.style.removeProperty('--_omni-pulse');
    wrapper?.style.setProperty('--_omni-pulse', 'running');
    this.running = wrapper;
  }
}
