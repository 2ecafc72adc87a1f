/**
 * Answers the widgets' context requests below an element (`<html>` for the page, or an
 * `<omni-provider>`): the configuration, and every service registered with `defineService`,
 * resolved for this host's configuration and backend. A `ContextProvider` (@lit/context) is
 * created per key on its first request, so a page pays only for the services its widgets use;
 * when the configuration changes, each provider gets the service for the new settings (the same
 * object when its settings did not change) and its subscribers follow.
 */
import { ContextProvider, createContext, type Context } from '@lit/context';
import type { BackendClient } from '../../core/api/backend-client.js';
import type { OmniConfig } from '../../core/config.js';
import { configContext } from '../../core/context.js';
import {
  registeredServices,
  resolveService,
  serviceFor,
  type Platform,
} from '../../core/services/registry.js';

/** What a host provides from: a resolved configuration and, optionally, a custom backend. */
export interface HostSettings {
  config: OmniConfig;
  backend?: BackendClient;
}

/** The settings of the host above, for nested `<omni-provider>`s to inherit. */
export const hostSettingsContext = createContext<HostSettings>(
  Symbol.for('omnishelf:host-settings'),
);

type AnyContext = Context<unknown, unknown>;
type AnyProvider = ContextProvider<AnyContext>;

export class ServiceHost {
  private readonly providers = new Map<unknown, AnyProvider>();
  /** Contexts whose provider is being made (see handleRequest). */
  private readonly creating = new Set<unknown>();

  constructor(
    private readonly element: HTMLElement,
    private current: HostSettings,
    private readonly platform: Platform,
  ) {
    element.addEventListener('context-request', this.handleRequest);
  }

  get settings(): HostSettings {
    return this.current;
  }

  /**
   * Applies new settings: every provided value is resolved again (shared when unchanged). A
   * service whose factory fails for the new settings is reported and provided as undefined: its
   * widgets wait rather than keep a service built for settings that no longer apply.
   */
  update(settings: HostSettings): void {
    this.current = settings;
    for (const [context, provider] of this.providers) provider.setValue(this.resolve(context));
  }

  /**
   * Tells hosts above that this one is here, so that they hand over the widgets below it that
   * subscribed to them before it upgraded (the @lit/context re-parenting protocol).
   */
  announce(): void {
    const contexts = [
      configContext,
      hostSettingsContext,
      ...registeredServices().map((d) => d.context),
    ];
    for (const context of contexts) this.announceContext(context);
  }

  /** Announces one key: a host above re-dispatches its subscriptions; a context root replays. */
  announceContext(context: unknown): void {
    const event = new Event('context-provider', { bubbles: true, composed: true });
    Object.assign(event, { context, contextTarget: this.element });
    this.element.dispatchEvent(event);
  }

  /**
   * The value of `context` for the current settings. A factory that throws is reported and gives
   * undefined: the widgets below wait for the service (they never get a host above's, made for
   * other settings), the rest of the page goes on, and the next settings try again.
   */
  private resolve(context: unknown): unknown {
    const { config, backend } = this.current;
    if (context === configContext) return config;
    if (context === hostSettingsContext) return this.current;
    const definition = serviceFor(context);
    if (!definition) return undefined;
    try {
      return resolveService(definition, config, backend, this.platform);
    } catch (error) {
      console.error(`[omnishelf] the ${definition.name} service could not be created`, error);
      return undefined;
    }
  }

  /** The first request for a key creates its provider; that provider answers later ones. */
  private readonly handleRequest = (event: Event): void => {
    const request = event as Event & {
      context: unknown;
      contextTarget?: Element;
      callback: (value: unknown, unsubscribe?: () => void) => void;
      subscribe?: boolean;
    };
    const { context } = request;
    // Already provided, or being provided: the new ContextProvider announces itself as it is
    // made, and a host above then sends its subscriptions here again, back into this handler
    // (a widget before this provider on the page): the provider's own listener answers those.
    if (this.providers.has(context) || this.creating.has(context)) return;
    if (context !== configContext && context !== hostSettingsContext && !serviceFor(context)) {
      return;
    }
    const consumer = request.contextTarget ?? (event.composedPath()[0] as Element);
    if (consumer === this.element) return;
    this.creating.add(context);
    let provider: AnyProvider;
    try {
      provider = new ContextProvider(this.element, {
        context: context as AnyContext,
        initialValue: this.resolve(context),
      });
    } finally {
      this.creating.delete(context);
    }
    this.providers.set(context, provider);
    event.stopPropagation();
    provider.addCallback(request.callback, consumer, request.subscribe);
  };
}
