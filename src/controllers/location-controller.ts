import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LocationService } from '../core/stock/types.js';

/**
 * Subscribes a host to a `LocationService`: the host updates whenever the shopper's location or
 * "my store" changes, and once the service's remembered values are loaded (`ready`).
 * Call `setService` whenever the injected service may have changed (e.g. from `willUpdate`).
 */
export class LocationController implements ReactiveController {
  private service: LocationService | undefined;
  private unsubscribe: (() => void) | undefined;
  private connected = false;
  private readyFor: LocationService | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** True once the current service's remembered values are loaded. */
  get ready(): boolean {
    return this.service !== undefined && this.readyFor === this.service;
  }

  setService(service: LocationService | undefined): void {
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
    if (this.readyFor !== service) {
      Promise.resolve(service.ready)
        .catch(() => undefined)
        .then(() => {
          if (this.service === service && this.readyFor !== service) {
            this.readyFor = service;
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
