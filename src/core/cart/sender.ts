/**
 * Exactly one sender of the cart's outbox at a time, across the tabs of one browser. With Web
 * Locks, an exclusive lock held while sending (the browser releases it when a tab dies). Without
 * them (older browsers, pages served over plain http), a lease record in the shared storage,
 * taken with a compare-and-set (`RecordStore.update`), renewed while sending and released after;
 * the lease of a tab that died expires. Inside one tab, runs are queued one after another.
 *
 * Being the only sender keeps requests from doubling up; it is not what keeps changes from being
 * applied twice: a batch is sealed once, atomically, and every retry sends its idempotency key.
 */
import type { RecordStore } from '../cache/types.js';
import type { LockManagerLike } from '../services/registry.js';
import type { Timers } from '../time/clock.js';

export type Ran<T> = { ran: true; value: T } | { ran: false };

export interface Sender {
  /**
   * Runs `fn` as the only sender. With `wait` false, resolves false at once when another tab
   * holds the lease (the fallback; `onFree` is called when it should have expired).
   */
  run<T>(fn: () => Promise<T>, wait?: boolean): Promise<Ran<T>>;
  release(): void;
}

export interface SenderOptions {
  name: string;
  owner: string;
  locks?: LockManagerLike;
  /** Shared records for the lease (the fallback); none: this tab is alone (memory storage). */
  records?: RecordStore;
  timers: Timers;
  now: () => number;
  /** How long a lease lasts without renewal. Default 10 s. */
  leaseMs?: number;
  /** Called when a lease held by another tab should be free: try again. */
  onFree?: () => void;
}

interface Lease {
  owner: string;
  until: number;
}

const isLease = (value: unknown): value is Lease =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Lease).owner === 'string' &&
  typeof (value as Lease).until === 'number';

export function createSender(options: SenderOptions): Sender {
  const { name, owner, locks, records, timers, now, onFree } = options;
  const leaseMs = options.leaseMs ?? 10_000;
  const key = `${name}|lease`;
  let queue: Promise<unknown> = Promise.resolve();
  let retry: unknown;

  /** Takes or renews the lease; resolves 0, or when another tab's lease ends. */
  const take = (): Promise<number> =>
    records!.update(key, isLease, (found) => {
      const lease = found.find((r) => r.key === key)?.value;
      const t = now();
      if (lease && lease.owner !== owner && lease.until > t)
        return { changes: [], result: lease.until };
      return { changes: [{ put: key, value: { owner, until: t + leaseMs } }], result: 0 };
    });

  const drop = (): Promise<void> =>
    records!.update(key, isLease, (found) => ({
      changes: found.some((r) => r.value.owner === owner) ? [{ delete: key }] : [],
      result: undefined,
    }));

  async function withLease<T>(fn: () => Promise<T>, wait: boolean): Promise<Ran<T>> {
    for (;;) {
      const until = await take();
      if (until === 0) break;
      const delay = Math.max(50, until - now() + 50);
      if (!wait) {
        timers.clearTimeout(retry);
        retry = timers.setTimeout(() => onFree?.(), delay);
        return { ran: false };
      }
      await new Promise<void>((resolve) => timers.setTimeout(resolve, Math.min(delay, 250)));
    }
    const renew = (): void => {
      renewal = timers.setTimeout(() => {
        void take().catch(() => undefined);
        renew();
      }, leaseMs / 3);
    };
    let renewal: unknown;
    renew();
    try {
      return { ran: true, value: await fn() };
    } finally {
      timers.clearTimeout(renewal);
      await drop().catch(() => undefined);
    }
  }

  function exclusive<T>(fn: () => Promise<T>, wait: boolean): Promise<Ran<T>> {
    if (locks) {
      let value!: T;
      return locks
        .request(`omnishelf:${name}`, async () => {
          value = await fn();
        })
        .then((): Ran<T> => ({ ran: true, value }));
    }
    if (records) return withLease(fn, wait);
    return fn().then((value): Ran<T> => ({ ran: true, value }));
  }

  return {
    run<T>(fn: () => Promise<T>, wait = false): Promise<Ran<T>> {
      const result = queue.then(() => exclusive(fn, wait));
      queue = result.catch(() => undefined);
      return result;
    },
    release() {
      timers.clearTimeout(retry);
      if (!locks && records) void drop().catch(() => undefined);
    },
  };
}
