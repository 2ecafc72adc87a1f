/**
 * Batches availability lookups: the tiles of a product grid each ask for one sku, and the
 * backend gets one `getAvailability` call for all of them.
 */
import type { StockCapability } from './backend-client.js';
import { OmniError } from './errors.js';
import type { Availability } from './types.js';

/** Loads one sku's availability records, batched with the other loads of the same tick. */
export interface AvailabilityBatcher {
  /**
   * Resolves with the records of `sku` at `storeIds` (online stock only when omitted or empty).
   * Rejects with `OmniError('aborted')` when `signal` aborts, or with the shared request's error.
   */
  load(sku: string, storeIds: string[] | undefined, signal?: AbortSignal): Promise<Availability[]>;
}

/** One `getAvailability` call shared by every load of the same store set in one window. */
interface Batch {
  storeIds: string[] | undefined;
  groupKey: string;
  /** Callers still waiting, per sku; a sku whose callers all aborted before sending is dropped. */
  waiting: Map<string, number>;
  /** When the last load joined (epoch ms); the window lasts until loads stop joining. */
  lastJoin: number;
  sent: boolean;
  controller: AbortController;
  records: Promise<Map<string, Availability[]>>;
  settle: (result: Promise<Map<string, Availability[]>>) => void;
}

/**
 * Creates the batcher used by the stock service. Loads are collected over a short quiet window
 * (`BATCH_QUIET_MS`, extended while loads keep arriving, at most `BATCH_MAX_WAIT_MS`), not one
 * microtask: each tile reaches `load` after its own chain of awaits (context, location, an
 * IndexedDB read each, answered in separate tasks milliseconds apart), and a microtask flush, or
 * a single zero-delay timer, sent the first wave only (measured: 24 badges cost 3 to 4
 * requests). The window adds a few milliseconds before a network request; tests that use fake
 * timers must advance the clock past it.
 *
 * Loads with the same store set (order-insensitive) share one call with the union of skus;
 * identical loads (sku and store set) while a call is in flight join it. An aborting caller is
 * rejected alone; the call itself is aborted once all its callers have aborted.
 */
export function createAvailabilityBatcher(
  client: Pick<StockCapability, 'getAvailability'>,
): AvailabilityBatcher {
  /** Batches still collecting, by store set. */
  const collecting = new Map<string, Batch>();
  /** Batches sent and not settled, by store set and sku. */
  const inFlight = new Map<string, Batch>();
  const loadKey = (groupKey: string, sku: string) => JSON.stringify([groupKey, sku]);

  function newBatch(storeIds: string[] | undefined, groupKey: string): Batch {
    let settle!: Batch['settle'];
    const records = new Promise<Map<string, Availability[]>>((resolve) => (settle = resolve));
    const batch: Batch = {
      storeIds,
      groupKey,
      waiting: new Map(),
      lastJoin: 0,
      sent: false,
      controller: new AbortController(),
      records,
      settle,
    };
    collecting.set(groupKey, batch);
    return batch;
  }

  /**
   * Sends once no load has joined for `BATCH_QUIET_MS`, or `BATCH_MAX_WAIT_MS` after the batch
   * opened: tiles whose cache reads finish in different IndexedDB callbacks, milliseconds apart,
   * still share one request.
   */
  function wait(batch: Batch, opened: number, delay = BATCH_QUIET_MS): void {
    setTimeout(() => {
      const now = Date.now();
      const quiet = now - batch.lastJoin;
      if (quiet < BATCH_QUIET_MS && now - opened < BATCH_MAX_WAIT_MS) {
        wait(batch, opened, BATCH_QUIET_MS - quiet);
      } else send(batch);
    }, delay);
  }

  function send(batch: Batch): void {
    if (collecting.get(batch.groupKey) === batch) collecting.delete(batch.groupKey);
    if (batch.waiting.size === 0) return;
    batch.sent = true;
    const skus = [...batch.waiting.keys()];
    for (const sku of skus) inFlight.set(loadKey(batch.groupKey, sku), batch);
    // The executor runs at once and turns a synchronous throw into a rejection.
    const request = new Promise<Availability[]>((resolve) =>
      resolve(
        client.getAvailability(
          { skus, storeIds: batch.storeIds },
          { signal: batch.controller.signal },
        ),
      ),
    )
      .then(bySku)
      .finally(() => forget(batch, skus));
    batch.settle(request);
  }

  function forget(batch: Batch, skus: string[]): void {
    for (const sku of skus) {
      const key = loadKey(batch.groupKey, sku);
      if (inFlight.get(key) === batch) inFlight.delete(key);
    }
  }

  /** A caller gave up: drop its sku before sending, or abort the call when nobody waits. */
  function leave(batch: Batch, sku: string): void {
    const left = (batch.waiting.get(sku) ?? 1) - 1;
    if (left > 0 || batch.sent) batch.waiting.set(sku, left);
    else batch.waiting.delete(sku);
    const total = [...batch.waiting.values()].reduce((sum, n) => sum + n, 0);
    if (total > 0) return;
    if (batch.sent) {
      forget(batch, [...batch.waiting.keys()]);
      batch.controller.abort(new OmniError('aborted', 'Every caller of the batch aborted'));
    } else if (collecting.get(batch.groupKey) === batch) {
      collecting.delete(batch.groupKey);
    }
  }

  function load(
    sku: string,
    storeIds: string[] | undefined,
    signal?: AbortSignal,
  ): Promise<Availability[]> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const stores = storeIds?.length ? [...new Set(storeIds)].sort() : undefined;
    const groupKey = JSON.stringify(stores ?? null);
    const joined = inFlight.get(loadKey(groupKey, sku)) ?? collecting.get(groupKey);
    const batch = joined ?? newBatch(stores, groupKey);
    batch.waiting.set(sku, (batch.waiting.get(sku) ?? 0) + 1);
    batch.lastJoin = Date.now();
    if (!joined) wait(batch, Date.now());

    return new Promise<Availability[]>((resolve, reject) => {
      let done = false;
      const onAbort = () => {
        if (done) return;
        done = true;
        leave(batch, sku);
        reject(abortError(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      batch.records.then(
        (records) => {
          if (done) return;
          done = true;
          signal?.removeEventListener('abort', onAbort);
          resolve(records.get(sku) ?? []);
        },
        (error: unknown) => {
          if (done) return;
          done = true;
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  return { load };
}

/** A batch is sent once no load has joined it for this long... */
export const BATCH_QUIET_MS = 8;
/** ...or this long after it opened, whichever comes first. */
export const BATCH_MAX_WAIT_MS = 40;

function bySku(records: Availability[]): Map<string, Availability[]> {
  const map = new Map<string, Availability[]>();
  for (const record of records) {
    const list = map.get(record.sku);
    if (list) list.push(record);
    else map.set(record.sku, [record]);
  }
  return map;
}

function abortError(signal: AbortSignal): OmniError {
  return new OmniError('aborted', 'Load aborted by the caller', { cause: signal.reason });
}
