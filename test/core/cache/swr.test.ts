import { expect } from '@open-wc/testing';
import { OmniError } from '../../../src/core/api/errors.js';
import { createMemoryStorage } from '../../../src/core/cache/memory-storage.js';
import { createSwr } from '../../../src/core/cache/swr.js';
import { anyValue, MAX_STALE_AGE_MS, type KeyValueCache } from '../../../src/core/cache/types.js';

const MINUTE = 60 * 1000;

/** A fetcher that counts its calls and answers with `answer(call)`. */
function counting<T>(answer: (call: number) => Promise<T>) {
  const fetcher = (signal?: AbortSignal) => {
    fetcher.calls++;
    fetcher.signals.push(signal);
    return answer(fetcher.calls);
  };
  fetcher.calls = 0;
  fetcher.signals = [] as (AbortSignal | undefined)[];
  return fetcher;
}

describe('createSwr', () => {
  let clock: number;
  let cache: KeyValueCache;
  const now = () => clock;

  beforeEach(() => {
    clock = 1_000_000_000;
    cache = createMemoryStorage({ now }).cache;
  });

  it('serves a fresh entry from the cache without a request', async () => {
    await cache.set('availability', 'sku1', 3, clock - 30_000);
    const fetcher = counting(async () => 99);
    const result = await createSwr(cache, { now }).read('availability', 'sku1', fetcher, {
      check: anyValue,
    });
    expect(result).to.deep.equal({
      value: 3,
      updatedAt: clock - 30_000,
      stale: false,
      source: 'cache',
    });
    expect(fetcher.calls).to.equal(0);
  });

  it('asks the network when forced, serving the fresh entry as stale meanwhile', async () => {
    await cache.set('availability', 'sku1', 3, clock - 30_000);
    const fetcher = counting(async () => 99);
    const result = await createSwr(cache, { now }).read('availability', 'sku1', fetcher, {
      check: anyValue,
      force: true,
    });
    expect(result.value).to.equal(3);
    expect(result.stale).to.equal(true);
    expect((await result.revalidation)!.value).to.equal(99);
    expect(fetcher.calls).to.equal(1);
  });

  it("serves this session's answers from memory, without reading IndexedDB again", async () => {
    let gets = 0;
    const counted: KeyValueCache = { ...cache, get: (...args) => (gets++, cache.get(...args)) };
    const swr = createSwr(counted, { now });
    const fetcher = counting(async () => 7);
    await swr.read('availability', 'sku1', fetcher, { check: anyValue });
    const second = await swr.read('availability', 'sku1', fetcher, { check: anyValue });
    expect(second.value).to.equal(7);
    expect(fetcher.calls).to.equal(1);
    expect(gets).to.equal(1);
  });

  it('asks the network at once when the cache can only miss (a first visit)', async () => {
    let gets = 0;
    const empty: KeyValueCache = {
      ...cache,
      mayHave: () => false,
      // IndexedDB still opening: a read that would take long to say "nothing".
      get: () => (gets++, new Promise(() => {})),
    };
    const fetcher = counting(async () => 7);
    const result = createSwr(empty, { now }).read('stores', 'k', fetcher, { check: anyValue });
    // In the same task, before any read of the cache.
    expect(fetcher.calls).to.equal(1);
    expect((await result).value).to.equal(7);
    expect(gets).to.equal(0);
    expect((await cache.get('stores', 'k', anyValue))?.value).to.equal(7);
  });

  it('reads the cache first when it may hold something, and then sends nothing', async () => {
    await cache.set('stores', 'k', 3, clock - 1000);
    const fetcher = counting(async () => 7);
    const swr = createSwr({ ...cache, mayHave: () => true }, { now });
    expect((await swr.read('stores', 'k', fetcher, { check: anyValue })).value).to.equal(3);
    expect(fetcher.calls).to.equal(0);
  });

  it('hands an answer over once it is stored, or at once when storing in the background', async () => {
    let finishWrite!: () => void;
    const slow: KeyValueCache = {
      ...cache,
      set: (...args) =>
        new Promise<void>((resolve) => {
          finishWrite = () => void cache.set(...args).then(resolve);
        }),
    };
    const settled = (promise: Promise<unknown>) => {
      const state = { done: false };
      void promise.then(() => (state.done = true));
      return state;
    };
    const swr = createSwr(slow, { now });
    const stored = settled(swr.read('availability', 'a', async () => 1, { check: anyValue }));
    await new Promise((r) => setTimeout(r, 10));
    expect(stored.done).to.equal(false);
    finishWrite();
    await new Promise((r) => setTimeout(r, 10));
    expect(stored.done).to.equal(true);

    const behind = swr.read('stores', 'b', async () => 2, {
      check: anyValue,
      storeInBackground: true,
    });
    expect((await behind).value).to.equal(2);
    expect(await cache.get('stores', 'b', anyValue)).to.equal(undefined);
    finishWrite();
    await new Promise((r) => setTimeout(r, 10));
    expect((await cache.get('stores', 'b', anyValue))?.value).to.equal(2);
  });

  it('honours per-kind TTL overrides', async () => {
    await cache.set('availability', 'sku1', 3, clock - 30_000);
    const fetcher = counting(async () => 99);
    const swr = createSwr(cache, { now, ttls: { availability: 10_000 } });
    const result = await swr.read('availability', 'sku1', fetcher, { check: anyValue });
    expect(result.stale).to.equal(true);
    expect(fetcher.calls).to.equal(1);
  });

  it('serves a stale entry at once and revalidates it into the cache', async () => {
    await cache.set('availability', 'sku1', 3, clock - 2 * MINUTE);
    const fetcher = counting(async () => 7);
    const result = await createSwr(cache, { now }).read('availability', 'sku1', fetcher, {
      check: anyValue,
    });
    expect(result).to.include({ value: 3, stale: true, source: 'cache' });
    expect(result.updatedAt).to.equal(clock - 2 * MINUTE);
    expect(result.revalidation).to.be.instanceOf(Promise);

    expect(await result.revalidation).to.deep.equal({
      value: 7,
      updatedAt: clock,
      stale: false,
      source: 'network',
    });
    expect(await cache.get('availability', 'sku1', anyValue)).to.deep.equal({
      value: 7,
      storedAt: clock,
    });
    expect(fetcher.calls).to.equal(1);
  });

  it('keeps the stale value when revalidation fails, and rejects it', async () => {
    await cache.set('availability', 'sku1', 3, clock - 2 * MINUTE);
    const error = new OmniError('network', 'offline');
    const swr = createSwr(cache, { now });
    const result = await swr.read('availability', 'sku1', () => Promise.reject(error), {
      check: anyValue,
    });
    expect(result.value).to.equal(3);
    let rejection: unknown;
    await result.revalidation!.catch((e: unknown) => (rejection = e));
    expect(rejection).to.equal(error);
    expect(await cache.get('availability', 'sku1', anyValue)).to.deep.equal({
      value: 3,
      storedAt: clock - 2 * MINUTE,
    });
    // The error was not cached: the next read tries the network again.
    const retry = counting(async () => 8);
    await (
      await swr.read('availability', 'sku1', retry, { check: anyValue })
    ).revalidation;
    expect(retry.calls).to.equal(1);
  });

  it('does not report an unawaited failed revalidation as unhandled', async () => {
    await cache.set('availability', 'sku1', 3, clock - 2 * MINUTE);
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => {
      unhandled.push(event.reason);
      event.preventDefault();
    };
    window.addEventListener('unhandledrejection', onUnhandled);
    try {
      const swr = createSwr(cache, { now });
      const fail = () => Promise.reject(new OmniError('timeout', 't'));
      await swr.read('availability', 'sku1', fail, { check: anyValue });
      await new Promise((r) => setTimeout(r, 10));
      await swr.read('availability', 'sku1', fail, {
        signal: new AbortController().signal,
        check: anyValue,
      });
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      window.removeEventListener('unhandledrejection', onUnhandled);
    }
    expect(unhandled).to.deep.equal([]);
  });

  it('serves an entry stored "in the future" (a skewed clock) as stale, and revalidates it', async () => {
    await cache.set('availability', 'sku1', 3, clock + 3 * 60 * MINUTE);
    const fetcher = counting(async () => 7);
    const result = await createSwr(cache, { now }).read('availability', 'sku1', fetcher, {
      check: anyValue,
    });
    expect(result).to.include({ value: 3, stale: true, source: 'cache' });
    expect(await result.revalidation).to.include({ value: 7, updatedAt: clock, stale: false });
    expect(fetcher.calls).to.equal(1);
    expect(await cache.get('availability', 'sku1', anyValue)).to.deep.equal({
      value: 7,
      storedAt: clock,
    });
  });

  it('treats a fresh cached value that fails the check as a miss, and fetches', async () => {
    await cache.set('availability', 'sku1', { old: 'shape' }, clock - 1000);
    const isCount = (value: unknown): value is number => typeof value === 'number';
    const fetcher = counting(async () => 7);
    const result = await createSwr(cache, { now }).read('availability', 'sku1', fetcher, {
      check: isCount,
    });
    expect(result).to.deep.equal({ value: 7, updatedAt: clock, stale: false, source: 'network' });
    expect(fetcher.calls).to.equal(1);
  });

  it('fetches, stores and returns on a miss', async () => {
    const fetcher = counting(async () => ({ stores: ['s1'] }));
    const result = await createSwr(cache, { now }).read('stores', '94103', fetcher, {
      check: anyValue,
    });
    expect(result).to.deep.equal({
      value: { stores: ['s1'] },
      updatedAt: clock,
      stale: false,
      source: 'network',
    });
    expect(result.revalidation).to.equal(undefined);
    expect(await cache.get('stores', '94103', anyValue)).to.deep.equal({
      value: { stores: ['s1'] },
      storedAt: clock,
    });
  });

  it('propagates the error of a failed fetch on a miss and caches nothing', async () => {
    const error = new OmniError('http', 'server error', { status: 503 });
    const swr = createSwr(cache, { now });
    let caught: unknown;
    await swr
      .read('stores', '94103', () => Promise.reject(error), { check: anyValue })
      .catch((e) => (caught = e));
    expect(caught).to.equal(error);
    expect(await cache.get('stores', '94103', anyValue)).to.equal(undefined);
    const fetcher = counting(async () => 'ok');
    expect((await swr.read('stores', '94103', fetcher, { check: anyValue })).value).to.equal('ok');
    expect(fetcher.calls).to.equal(1);
  });

  it('ignores an entry older than MAX_STALE_AGE_MS', async () => {
    await cache.set('stores', '94103', 'ancient', clock - MAX_STALE_AGE_MS);
    const fetcher = counting(async () => 'new');
    const result = await createSwr(cache, { now }).read('stores', '94103', fetcher, {
      check: anyValue,
    });
    expect(result).to.deep.equal({
      value: 'new',
      updatedAt: clock,
      stale: false,
      source: 'network',
    });
    expect(fetcher.calls).to.equal(1);
  });

  it('shares one request between concurrent reads of the same key', async () => {
    let release!: (value: number) => void;
    const fetcher = counting((call) =>
      call === 1 ? new Promise<number>((r) => (release = r)) : Promise.resolve(call),
    );
    const other = counting(async () => 0);
    const swr = createSwr(cache, { now });
    const reads = [
      swr.read('availability', 'sku1', fetcher, { check: anyValue }),
      swr.read('availability', 'sku1', fetcher, { check: anyValue }),
      swr.read('availability', 'sku1', fetcher, { check: anyValue }),
      swr.read('availability', 'sku2', other, { check: anyValue }),
    ];
    await new Promise((r) => setTimeout(r, 10));
    release(5);
    const results = await Promise.all(reads);
    expect(fetcher.calls).to.equal(1);
    expect(other.calls).to.equal(1);
    expect(results.slice(0, 3).map((r) => r.value)).to.deep.equal([5, 5, 5]);
    // Once settled, a later (stale) read asks the network again.
    clock += 2 * MINUTE;
    await (
      await swr.read('availability', 'sku1', fetcher, { check: anyValue })
    ).revalidation;
    expect(fetcher.calls).to.equal(2);
  });

  it('detaches an aborted reader and aborts the request once nobody waits', async () => {
    const fetcher = counting(
      (call) =>
        new Promise<number>((resolve, reject) => {
          const signal = fetcher.signals[call - 1]!;
          signal.addEventListener('abort', () => reject(signal.reason));
          setTimeout(() => resolve(call), 50);
        }),
    );
    const swr = createSwr(cache, { now });
    const a = new AbortController();
    const b = new AbortController();
    const first = swr.read('stores', 'x', fetcher, { signal: a.signal, check: anyValue });
    const second = swr.read('stores', 'x', fetcher, { signal: b.signal, check: anyValue });
    await new Promise((r) => setTimeout(r, 0));
    a.abort();
    let firstError: unknown;
    await first.catch((e) => (firstError = e));
    expect(firstError).to.be.instanceOf(OmniError);
    expect((firstError as OmniError).kind).to.equal('aborted');
    expect(fetcher.signals[0]!.aborted).to.equal(false);
    expect((await second).value).to.equal(1);

    const c = new AbortController();
    const third = swr.read('slots', 'y', fetcher, { signal: c.signal, check: anyValue });
    await new Promise((r) => setTimeout(r, 0));
    c.abort();
    await third.catch(() => {});
    expect(fetcher.signals[1]!.aborted).to.equal(true);
    expect(await cache.get('slots', 'y', anyValue)).to.equal(undefined);
  });
});
