/**
 * Internal services every widget's services build on: the IndexedDB storage of a cache name, the
 * REST transport of a base URL, and the client of each backend capability (the merchant's own
 * client when it has the capability, REST otherwise).
 */
import {
  CAPABILITY_METHODS,
  hasCapability,
  type Capability,
  type CapabilityMap,
} from '../api/backend-client.js';
import { OmniError } from '../api/errors.js';
import { Http } from '../api/rest/http.js';
import { openStorage, type PersistentStorage } from '../cache/idb-storage.js';
import { defineService, keys, type ServiceEnv } from './registry.js';

/** The IndexedDB database (`cacheName`): cache, preferences and durable records. */
export const storageService = defineService<PersistentStorage>({
  name: 'storage',
  key: keys.storage,
  create: ({ config }) => openStorage({ name: config.cacheName }),
});

/** The contract v1 transport for `apiBase`. */
export const httpService = defineService<Http>({
  name: 'http',
  key: keys.rest,
  create: ({ config }) =>
    new Http({ apiBase: config.apiBase, timeoutMs: config.timeoutMs, retries: config.retries }),
});

/** Names a backend's answers in the shared cache: two backends never serve each other's data. */
export function cacheNamespace(env: ServiceEnv): string {
  return env.backend ? `custom:${env.backend.cacheKey ?? 'default'}` : env.config.apiBase;
}

const reported = new WeakMap<object, Set<Capability>>();

/**
 * A stand-in for a capability the merchant's client lacks: every call rejects with
 * `OmniError('unsupported')` (the widget says it is not set up), and the console says once which
 * methods are missing.
 */
function unsupported<C extends Capability>(backend: object, capability: C): CapabilityMap[C] {
  const methods: readonly string[] = CAPABILITY_METHODS[capability];
  const missing = methods.filter(
    (name) => typeof (backend as Record<string, unknown>)[name] !== 'function',
  );
  const message = `The backend given to configure() has no ${capability} capability (missing ${missing.join(', ')}).`;
  const seen = reported.get(backend) ?? new Set();
  reported.set(backend, seen);
  if (!seen.has(capability)) {
    seen.add(capability);
    console.error(`[omnishelf] ${message}`);
  }
  const reject = () => Promise.reject(new OmniError('unsupported', message));
  return Object.fromEntries(methods.map((name) => [name, reject])) as unknown as CapabilityMap[C];
}

/** The client of `capability` for this environment: the custom backend's, or REST. */
export function capability<C extends Capability>(
  env: ServiceEnv,
  name: C,
  rest: (http: Http) => CapabilityMap[C],
): CapabilityMap[C] {
  const { backend } = env;
  if (!backend) return rest(env.get(httpService));
  return hasCapability(backend, name) ? backend : unsupported(backend, name);
}
