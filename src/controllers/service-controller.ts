import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A service with remembered values that load (`ready`) and change (`subscribe`). */
export interface Subscribable {
  readonly ready: Promise<void>;
  /** True once `ready` has resolved, when the service can tell without waiting. */
  readonly loaded?: boolean;
  subscribe(listener: () => void): () => void;
}

/**
 * Subscribes a host to a service such as the shopper's location or "my store": the host updates
 * whenever it changes, and once its remembered values are loaded (`ready`). Call `setService`
 * whenever the injected service may have changed (e.g. from `willUpdate`).
 */
export class ServiceController<S extends Subscribable> implements ReactiveController {
  private service: S | undefined;
  private unsubscribe: (() => void) | undefined;
  private connected = false;
  /**
   * The `ready` promise that has settled. Views of one shared service (each with its own merchant
   * defaults) share their `ready`, so swapping one view for another never flashes "loading".
   */
  private settled: Promise<void> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** True once the current service's remembered values are loaded. */
  get ready(): boolean {
    return this.service !== undefined && this.settled === this.service.ready;
  }

  setService(service: S | undefined): void {
    if (service === this.service) return;
    this.detach();
    this.service = service;
    if (this.connected) this.attach();
  }

  hostConnected(): void {
    this.connected = true;
    this.attach();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.detach();
  }

  private attach(): void {
    const service = this.service;
    if (!service || this.unsubscribe) return;
    try {
      this.unsubscribe = service.subscribe(() => this.host.requestUpdate());
    } catch {
      this.unsubscribe = undefined;
    }
    const ready = service.ready;
    // Loaded already (e.g. nothing was stored): ready in this update, not one task later.
    if (this.settled !== ready && service.loaded === true) this.settled = ready;
    if (this.settled !== ready) {
      Promise.resolve(ready)
        .catch(() => undefined)
        .then(() => {
          if (this.service?.ready === ready && this.settled !== ready) {
            this.settled = ready;
            this.host.requestUpdate();
          }
        });
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
