import { expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { createMemoryStorage } from '../../../src/core/cache/memory-storage.js';
import { anyValue } from '../../../src/core/cache/types.js';
import { runRecordStoreSuite } from '../../helpers/record-store-suite.js';

const isText = (value: unknown): value is string => typeof value === 'string';

describe('createMemoryStorage', () => {
  it('treats a cached value of the wrong shape as a miss, and deletes it', async () => {
    const { cache } = createMemoryStorage({ now: () => 5 });
    await cache.set('stores', 'k', 42);
    expect(await cache.get('stores', 'k', isText)).to.equal(undefined);
    expect(await cache.get('stores', 'k', anyValue)).to.equal(undefined);
    await cache.set('stores', 'k', 'text');
    expect(await cache.get('stores', 'k', isText)).to.deep.equal({ value: 'text', storedAt: 5 });
  });

  it('treats a preference of the wrong shape as missing, and deletes it', async () => {
    const { prefs } = createMemoryStorage();
    await prefs.set('p', { old: 'shape' });
    expect(await prefs.get('p', isText)).to.equal(undefined);
    expect(await prefs.get('p', anyValue)).to.equal(undefined);
  });

  it('says that its records are not durable, soon after a listener subscribes', async () => {
    const { records } = createMemoryStorage();
    expect(records.durable).to.equal(false);
    let told = 0;
    let cancelled = 0;
    records.onVolatile(() => told++);
    records.onVolatile(() => cancelled++)();
    expect(told).to.equal(0); // never during the call
    await waitUntil(() => told === 1, 'onVolatile was not called');
    await new Promise((resolve) => setTimeout(resolve));
    expect([told, cancelled]).to.deep.equal([1, 0]);
  });

  runRecordStoreSuite('memory', () => createMemoryStorage().records);
});
