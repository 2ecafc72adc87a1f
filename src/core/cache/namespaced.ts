/** A view of a cache whose keys live under a namespace (one per backend). */
import type { CacheKind, Check, KeyValueCache } from './types.js';

export function namespaced(cache: KeyValueCache, namespace: string): KeyValueCache {
  const k = (key: string) => `${namespace}|${key}`;
  return {
    get backend() {
      return cache.backend;
    },
    mayHave: (kind, key) => cache.mayHave?.(kind, k(key)) ?? true,
    get: <T>(kind: CacheKind, key: string, check: Check<T>) => cache.get<T>(kind, k(key), check),
    set: <T>(kind: CacheKind, key: string, value: T, storedAt?: number) =>
      cache.set<T>(kind, k(key), value, storedAt),
    delete: (kind, key) => cache.delete(kind, k(key)),
    clear: () => cache.clear(),
  };
}
