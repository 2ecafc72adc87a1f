/**
 * Services described once. A service is one `defineService` call: the context key widgets consume
 * it by (if any), which settings it depends on, and a factory. The composition root
 * (`<omni-provider>` and the page host, in `components/provider/`) answers a widget's context
 * request by resolving the definition registered for that key; nothing else needs editing.
 *
 * Instances are shared: the same definition with the same settings key (and the same custom
 * backend) gives the same object, so every widget on the page batches into the same requests and
 * sees the same shopper choices, and reconfiguring something unrelated never makes widgets fetch
 * again. Definitions register in a page-wide registry (`Symbol.for`), so that each element's chunk
 * brings only the services it uses.
 */
import type { Context } from '@lit/context';
import type { BackendClient } from '../api/backend-client.js';
import type { OmniConfig } from '../config.js';

/** What a page offers services beyond the configuration (DOM adapters, injected in tests). */
export interface Platform {
  /** Page visibility, for timers that pause while the page is hidden. */
  visibility?: {
    readonly hidden: boolean;
    subscribe(listener: () => void): () => void;
  };
  /** Opens a channel to the page's other tabs (`BroadcastChannel`), when the browser has one. */
  channel?(name: string): MessageChannelLike | undefined;
  /** Web Locks (`navigator.locks`), where the browser has them (secure contexts). */
  locks?: LockManagerLike;
  /** The page's lifecycle and network state (the cart syncs on them). */
  lifecycle?: PageLifecycle;
  /** Messages posted to this window by other windows (`postMessage`), with their origin. */
  messages?: WindowMessages;
}

/** The part of `navigator.locks` services use: an exclusive lock held while `callback` runs. */
export interface LockManagerLike {
  request(name: string, callback: () => Promise<void>): Promise<unknown>;
}

/**
 * What happens to the page: `pagehide` (it is going away, perhaps for good), `hidden`, `resume`
 * (visible or focused again, or back from the back/forward cache), `online` and `offline`.
 */
export type PageEvent = 'pagehide' | 'hidden' | 'resume' | 'online' | 'offline';

export interface PageLifecycle {
  /** False when the browser knows it is offline (`navigator.onLine`). */
  readonly online: boolean;
  subscribe(listener: (event: PageEvent) => void): () => void;
}

export interface WindowMessages {
  /** This page's own origin. */
  readonly origin: string;
  subscribe(listener: (data: unknown, origin: string) => void): () => void;
}

/** The part of `BroadcastChannel` services use. */
export interface MessageChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener?(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

/** What a factory gets. */
export interface ServiceEnv {
  readonly config: OmniConfig;
  /** A merchant's own client (`configure({ backend })`), else undefined: REST over `apiBase`. */
  readonly backend: BackendClient | undefined;
  readonly platform: Platform;
  /** Another service, resolved for the same configuration and backend. */
  get<T>(definition: ServiceDefinition<T>): T;
}

export interface ServiceDefinition<T> {
  /** For messages and debugging. */
  readonly name: string;
  /** The key widgets consume the service by; internal services have none. */
  readonly context?: Context<unknown, T>;
  /**
   * The settings the instance depends on, as a string: environments with the same key share one
   * instance. Include every configuration field the factory reads.
   */
  key(config: OmniConfig): string;
  /** True when instances also differ by custom backend (default false). */
  readonly perBackend?: boolean;
  create(env: ServiceEnv): T;
}

interface Registry {
  byContext: Map<unknown, ServiceDefinition<unknown>>;
  listeners: Set<(definition: ServiceDefinition<unknown>) => void>;
}

const REGISTRY = Symbol.for('omnishelf:services');

function registry(): Registry {
  const scope = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (scope[REGISTRY] ??= { byContext: new Map(), listeners: new Set() });
}

/**
 * Declares a service. With a `context`, it is registered page-wide: providers answer requests for
 * that key with it. The first definition of a key wins (a second bundle's copy is ignored).
 */
export function defineService<T>(definition: ServiceDefinition<T>): ServiceDefinition<T> {
  const { context } = definition;
  if (context !== undefined) {
    const page = registry();
    if (!page.byContext.has(context)) {
      page.byContext.set(context, definition as ServiceDefinition<unknown>);
      for (const listener of [...page.listeners])
        listener(definition as ServiceDefinition<unknown>);
    }
  }
  return definition;
}

/** The definition registered for a context key, if any. */
export function serviceFor(context: unknown): ServiceDefinition<unknown> | undefined {
  return registry().byContext.get(context);
}

/** Every registered definition with a context. */
export function registeredServices(): ServiceDefinition<unknown>[] {
  return [...registry().byContext.values()];
}

/** Calls `listener` for each definition registered from now on; returns the unsubscribe. */
export function onServiceDefined(
  listener: (definition: ServiceDefinition<unknown>) => void,
): () => void {
  const page = registry();
  page.listeners.add(listener);
  return () => page.listeners.delete(listener);
}

type Instances = Map<ServiceDefinition<unknown>, Map<string, unknown>>;
const shared: Instances = new Map();
const perBackend = new WeakMap<BackendClient, Instances>();

/**
 * The shared instance of `definition` for this configuration and backend, created on first use.
 * What a factory throws is rethrown (the host that asked reports it); nothing is cached for it,
 * so a later call tries again.
 */
export function resolveService<T>(
  definition: ServiceDefinition<T>,
  config: OmniConfig,
  backend: BackendClient | undefined,
  platform: Platform = {},
): T {
  let instances = shared;
  if (definition.perBackend && backend) {
    instances = perBackend.get(backend) ?? new Map();
    perBackend.set(backend, instances);
  }
  const def = definition as ServiceDefinition<unknown>;
  let byKey = instances.get(def);
  if (!byKey) instances.set(def, (byKey = new Map()));
  const key = definition.key(config);
  if (byKey.has(key)) return byKey.get(key) as T;
  const env: ServiceEnv = {
    config,
    backend,
    platform,
    get: (other) => resolveService(other, config, backend, platform),
  };
  const instance = definition.create(env);
  byKey.set(key, instance);
  return instance;
}

/** Settings keys that several services share. */
export const keys = {
  /** One REST transport per base URL and retry policy. */
  rest: (c: OmniConfig) => `${c.apiBase}|${c.timeoutMs}|${c.retries}`,
  /** One IndexedDB database per name. */
  storage: (c: OmniConfig) => c.cacheName,
};
