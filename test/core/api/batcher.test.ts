import sinon from 'sinon';
import { expect } from '@open-wc/testing';
import type { RequestOptions, StockCapability } from '../../../src/core/api/backend-client.js';
import {
  BATCH_MAX_WAIT_MS,
  BATCH_QUIET_MS,
  createAvailabilityBatcher,
} from '../../../src/core/api/batcher.js';
import { OmniError } from '../../../src/core/api/errors.js';
import type { Availability, AvailabilityQuery } from '../../../src/core/api/types.js';
import { rejection } from '../../helpers/rejection.js';

const UPDATED = '2026-11-24T08:00:00Z';

interface Call {
  query: AvailabilityQuery;
  signal: AbortSignal | undefined;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * A fake client that records every getAvailability call and answers with one record per sku and
 * store (online when no stores); with `manual`, a call waits until the test resolves it.
 */
function fakeClient(manual = false) {
  const calls: Call[] = [];
  const client: StockCapability = {
    findStores: () => Promise.reject(new Error('not used')),
    notifyBackInStock: () => Promise.reject(new Error('not used')),
    getAvailability(query: AvailabilityQuery, options?: RequestOptions) {
      return new Promise<Availability[]>((resolve, reject) => {
        const answer = () =>
          resolve(
            query.skus.flatMap((sku) =>
              (query.storeIds ?? [null]).map((storeId) => ({
                sku,
                storeId,
                status: 'in_stock' as const,
                updatedAt: UPDATED,
              })),
            ),
          );
        calls.push({ query, signal: options?.signal, resolve: answer, reject });
        options?.signal?.addEventListener('abort', () => reject(options.signal!.reason));
        if (!manual) answer();
      });
    },
  };
  return { client, calls };
}

/** Waits until a batch opened now has been sent (its quiet window has passed). */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, BATCH_QUIET_MS + 5));

describe('api/createAvailabilityBatcher', () => {
  it('turns 48 loads in one tick into one getAvailability call', async () => {
    const { client, calls } = fakeClient();
    const batcher = createAvailabilityBatcher(client);
    const skus = Array.from({ length: 48 }, (_, i) => `sku-${i}`);
    const results = await Promise.all(skus.map((sku) => batcher.load(sku, ['st-2', 'st-1'])));

    expect(calls).to.have.length(1);
    expect(calls[0].query.skus).to.have.members(skus);
    expect(calls[0].query.storeIds).to.have.members(['st-1', 'st-2']);
    results.forEach((records, i) => {
      expect(records.map((r) => [r.sku, r.storeId])).to.have.deep.members([
        [skus[i], 'st-1'],
        [skus[i], 'st-2'],
      ]);
    });
  });

  it('also batches loads that arrive after awaits of different depth in the same task', async () => {
    const { client, calls } = fakeClient();
    const batcher = createAvailabilityBatcher(client);
    const later = async (sku: string, depth: number) => {
      for (let i = 0; i < depth; i++) await Promise.resolve();
      return batcher.load(sku, undefined);
    };
    await Promise.all([later('A', 0), later('B', 5), later('C', 20)]);
    expect(calls).to.have.length(1);
    expect(calls[0].query).to.deep.equal({ skus: ['A', 'B', 'C'], storeIds: undefined });
  });

  it('treats store sets as equal regardless of order and duplicates', async () => {
    const { client, calls } = fakeClient();
    const batcher = createAvailabilityBatcher(client);
    await Promise.all([
      batcher.load('A', ['st-1', 'st-2']),
      batcher.load('B', ['st-2', 'st-1', 'st-1']),
    ]);
    expect(calls).to.have.length(1);
  });

  it('makes separate calls for different store sets', async () => {
    const { client, calls } = fakeClient();
    const batcher = createAvailabilityBatcher(client);
    const [online, one, two] = await Promise.all([
      batcher.load('A', undefined),
      batcher.load('A', ['st-1']),
      batcher.load('B', ['st-1', 'st-2']),
    ]);
    expect(calls).to.have.length(3);
    expect(calls.map((c) => c.query.storeIds ?? null)).to.have.deep.members([
      null,
      ['st-1'],
      ['st-1', 'st-2'],
    ]);
    expect(online.map((r) => r.storeId)).to.deep.equal([null]);
    expect(one.map((r) => r.storeId)).to.deep.equal(['st-1']);
    expect(two.map((r) => r.storeId)).to.deep.equal(['st-1', 'st-2']);
  });

  describe('window (fake timers)', () => {
    let clock: sinon.SinonFakeTimers;
    beforeEach(() => (clock = sinon.useFakeTimers()));
    afterEach(() => clock.restore());

    it('keeps collecting loads that arrive milliseconds apart, as IndexedDB reads do', async () => {
      const { client, calls } = fakeClient();
      const batcher = createAvailabilityBatcher(client);
      const loads: Promise<unknown>[] = [];
      for (let i = 0; i < 6; i++) {
        loads.push(batcher.load(`SKU-${i}`, ['st-1']));
        await clock.tickAsync(BATCH_QUIET_MS - 2);
      }
      expect(calls).to.have.length(0);
      await clock.tickAsync(BATCH_QUIET_MS);
      await Promise.all(loads);
      expect(calls).to.have.length(1);
      expect(calls[0].query.skus).to.have.length(6);
    });

    it('sends at the latest after the maximum wait, however busy', async () => {
      const { client, calls } = fakeClient();
      const batcher = createAvailabilityBatcher(client);
      const loads: Promise<unknown>[] = [];
      for (let t = 0; t < BATCH_MAX_WAIT_MS * 2; t += 2) {
        loads.push(batcher.load(`SKU-${t}`, ['st-1']));
        await clock.tickAsync(2);
      }
      await clock.tickAsync(BATCH_MAX_WAIT_MS);
      await Promise.all(loads);
      expect(calls.length).to.be.at.least(2);
      // One load every 2 ms: the first batch left within a quiet window after the maximum wait.
      expect(calls[0].query.skus.length).to.be.within(
        BATCH_MAX_WAIT_MS / 2,
        (BATCH_MAX_WAIT_MS + BATCH_QUIET_MS) / 2,
      );
    });
  });

  it('makes a new call for loads in a later tick', async () => {
    const { client, calls } = fakeClient();
    const batcher = createAvailabilityBatcher(client);
    await batcher.load('A', undefined);
    await batcher.load('B', undefined);
    expect(calls).to.have.length(2);
  });

  it('shares an in-flight request with an identical load from a later tick', async () => {
    const { client, calls } = fakeClient(true);
    const batcher = createAvailabilityBatcher(client);
    const first = batcher.load('A', ['st-1']);
    await nextTask();
    expect(calls).to.have.length(1);
    const second = batcher.load('A', ['st-1']);
    const other = batcher.load('B', ['st-1']);
    await nextTask();
    expect(calls).to.have.length(2);
    expect(calls[1].query.skus).to.deep.equal(['B']);
    calls.forEach((call) => call.resolve());
    const [a1, a2, b] = await Promise.all([first, second, other]);
    expect(a1).to.deep.equal(a2);
    expect(a1[0].sku).to.equal('A');
    expect(b[0].sku).to.equal('B');
  });

  it('rejects only the aborting caller and keeps the shared request for the others', async () => {
    const { client, calls } = fakeClient(true);
    const batcher = createAvailabilityBatcher(client);
    const controller = new AbortController();
    const leaving = batcher.load('A', undefined, controller.signal);
    const staying = batcher.load('A', undefined);
    const neighbour = batcher.load('B', undefined);
    await nextTask();
    controller.abort();
    const error = await rejection(leaving);
    expect(error).to.be.instanceOf(OmniError);
    expect((error as OmniError).kind).to.equal('aborted');
    expect(calls[0].signal!.aborted).to.equal(false);
    calls[0].resolve();
    expect((await staying)[0].sku).to.equal('A');
    expect((await neighbour)[0].sku).to.equal('B');
  });

  it('aborts the shared request once every caller has aborted', async () => {
    const { client, calls } = fakeClient(true);
    const batcher = createAvailabilityBatcher(client);
    const c1 = new AbortController();
    const c2 = new AbortController();
    const p1 = batcher.load('A', undefined, c1.signal);
    const p2 = batcher.load('B', undefined, c2.signal);
    await nextTask();
    c1.abort();
    await rejection(p1);
    expect(calls[0].signal!.aborted).to.equal(false);
    c2.abort();
    await rejection(p2);
    expect(calls[0].signal!.aborted).to.equal(true);
    // A new load after that starts a new request instead of joining the aborted one.
    const again = batcher.load('A', undefined);
    await nextTask();
    expect(calls).to.have.length(2);
    calls[1].resolve();
    expect((await again)[0].sku).to.equal('A');
  });

  it('sends nothing for a sku whose callers all aborted before the batch left', async () => {
    const { client, calls } = fakeClient();
    const batcher = createAvailabilityBatcher(client);
    const controller = new AbortController();
    const gone = batcher.load('A', undefined, controller.signal);
    const kept = batcher.load('B', undefined);
    controller.abort();
    await rejection(gone);
    await kept;
    expect(calls).to.have.length(1);
    expect(calls[0].query.skus).to.deep.equal(['B']);
  });

  it('rejects at once for an already aborted signal', async () => {
    const { client, calls } = fakeClient();
    const batcher = createAvailabilityBatcher(client);
    const error = await rejection(batcher.load('A', undefined, AbortSignal.abort()));
    expect((error as OmniError).kind).to.equal('aborted');
    await nextTask();
    expect(calls).to.have.length(0);
  });

  it('rejects every caller with the error of the shared request', async () => {
    const { client, calls } = fakeClient(true);
    const batcher = createAvailabilityBatcher(client);
    const loads = ['A', 'B', 'C'].map((sku) => batcher.load(sku, ['st-1']));
    await nextTask();
    const failure = new OmniError('http', 'HTTP 500', { status: 500 });
    calls[0].reject(failure);
    for (const load of loads) expect(await rejection(load)).to.equal(failure);
  });
});
