import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The controllers of the hosts observed now, by host. */
const observed = new WeakMap<Element, OffscreenPulseController>();
let observer: IntersectionObserver | undefined;

/**
 * Pauses the pulse of a host's loading placeholders while the host is off screen, through the
 * private `--_omni-pulse` on its inner wrapper (the skeleton styles read it). Every running pulse
 * costs style work in each frame the page draws (200 placeholders took about half a core of a
 * page that redraws, e.g. while it scrolls), and a listing of 200 badges shows a dozen: those keep
 * pulsing. One IntersectionObserver serves the page; a host is observed only while it says it
 * shows placeholders (`update(true)`, from its `updated()`).
 */
export class OffscreenPulseController implements ReactiveController {
  /** The wrapper whose pulse is paused now, if any. */
  private paused: HTMLElement | undefined;

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
    if (observed.has(this.host) || typeof IntersectionObserver !== 'function') return;
    observer ??= new IntersectionObserver((entries) => {
      for (const entry of entries) observed.get(entry.target)?.pause(!entry.isIntersecting);
    });
    observed.set(this.host, this);
    observer.observe(this.host);
  }

  hostDisconnected(): void {
    if (observed.delete(this.host)) observer?.unobserve(this.host);
    this.pause(false);
  }

  private pause(offScreen: boolean): void {
    const wrapper = (offScreen && this.wrapper()) || undefined;
    if (wrapper === this.paused) return;
    this.paused?.style.removeProperty('--_omni-pulse');
    wrapper?.style.setProperty('--_omni-pulse', 'paused');
    this.paused = wrapper;
  }
}
