import { expect } from '@open-wc/testing';
import type { StockCapability } from '../../../src/core/api/backend-client.js';
import { createAvailabilityBatcher } from '../../../src/core/api/batcher.js';
import { OmniError } from '../../../src/core/api/errors.js';
import type {
  Availability,
  AvailabilityQuery,
  Store,
  StoreIdsQuery,
  StoreQuery,
} from '../../../src/core/api/types.js';
import { deleteDB, openDB } from 'idb';
import { openStorage } from '../../../src/core/cache/idb-storage.js';
import { createMemoryStorage } from '../../../src/core/cache/memory-storage.js';
import { createSwr } from '../../../src/core/cache/swr.js';
import { haversineKm } from '../../../src/core/geo/distance.js';
import { createStockService } from '../../../src/core/stock/stock-service.js';

/** A store as "my store" remembers it: without the distance of the query it was found by. */
const remembered = (s: Store): Store => ({ ...s, distanceKm: undefined });

const store = (id: string, distanceKm: number): Store => ({
  id,
  name: `Store ${id}`,
  address: { line1: '1 Main St', city: 'Nairobi', postalCode: '00100', country: 'KE' },
  location: { lat: -1.28, lng: 36.82 },
  timezone: 'Africa/Nairobi',
  hours: [],
  closures: [],
  pickup: { enabled: true, leadTimeMinutes: 60 },
  distanceKm,
});

const record = (
  sku: string,
  storeId: string | null,
  status: Availability['status'],
): Availability => ({
  sku,
  storeId,
  status,
  updatedAt: '2026-11-24T08:00:00+03:00',
});

/** A backend that counts calls and answers from tables; `down` makes every call fail. */
function fakeBackend(stores: Store[], stock: Availability[]) {
  const calls = { stores: [] as StoreQuery[], availability: [] as AvailabilityQuery[] };
  let down = false;
  const fail = () => Promise.reject(new OmniError('network', 'down'));
  const backend: StockCapability = {
    findStores(query) {
      calls.stores.push(query);
      return down ? fail() : Promise.resolve(stores);
    },
    getAvailability(query) {
      calls.availability.push(query);
      if (down) return fail();
      return Promise.resolve(
        stock.filter(
          (a) =>
            query.skus.includes(a.sku) &&
            (query.storeIds
              ? a.storeId !== null && query.storeIds.includes(a.storeId)
              : a.storeId === null),
        ),
      );
    },
    notifyBackInStock: () => Promise.resolve(),
  };
  return { backend, calls, setDown: (value: boolean) => (down = value) };
}

describe('stock service', () => {
  const stores = [store('near', 1), store('mid', 5), store('far', 20)];
  const stock = [
    record('A', 'near', 'out_of_stock'),
    record('A', 'mid', 'in_stock'),
    record('A', 'far', 'low_stock'),
    record('A', null, 'in_stock'),
    record('B', 'near', 'in_stock'),
  ];
  const location = { kind: 'coords', lat: -1.28, lng: 36.82 } as const;

  function setup(now = () => Date.now()) {
    const fake = fakeBackend(stores, stock);
    const { cache } = createMemoryStorage();
    const service = createStockService({
      backend: fake.backend,
      swr: createSwr(cache, { now }),
      availability: createAvailabilityBatcher(fake.backend),
    });
    return { ...fake, service };
  }

  it('fails a sku the contract cannot carry alone, and the others on the page still answer', async () => {
    const { service, calls } = setup();
    const [bad, comma, good] = await Promise.allSettled([
      service.lookup({ sku: 'X'.repeat(20_000), location, radiusKm: 50, limit: 5 }),
      service.lookup({ sku: 'A,B', location, radiusKm: 50, limit: 5 }),
      service.lookup({ sku: 'A', location, radiusKm: 50, limit: 5 }),
    ]);
    expect(bad.status === 'rejected' && (bad.reason as OmniError).kind).to.equal('invalid_request');
    expect(comma.status).to.equal('rejected');
    expect(good.status).to.equal('fulfilled');
    expect(calls.availability.flatMap((q) => q.skus)).to.deep.equal(['A']);
  });

  it('ranks the nearest store that has the item first, out of stock last', async () => {
    const { service } = setup();
    const result = await service.lookup({ sku: 'A', location, radiusKm: 50, limit: 5 });
    expect(result.value.stores.map((s) => s.store.id)).to.deep.equal(['mid', 'far', 'near']);
    expect(result.value.stores[2].availability?.status).to.equal('out_of_stock');
    expect(result.value.online).to.equal(undefined);
  });

  it('treats a store without a record as having none and reports online stock on request', async () => {
    const { service } = setup();
    const result = await service.lookup({
      sku: 'B',
      location,
      radiusKm: 50,
      limit: 5,
      includeOnline: true,
    });
    expect(result.value.stores[0].store.id).to.equal('near');
    expect(result.value.stores[1].availability).to.equal(undefined);
    expect(result.value.online).to.equal(undefined);
    const a = await service.lookup({
      sku: 'A',
      location,
      radiusKm: 50,
      limit: 5,
      includeOnline: true,
    });
    expect(a.value.online?.status).to.equal('in_stock');
  });

  it('asks only for online stock without a location', async () => {
    const { service, calls } = setup();
    const result = await service.lookup({ sku: 'A', radiusKm: 50, limit: 5 });
    expect(calls.stores).to.have.length(0);
    expect(calls.availability).to.deep.equal([{ skus: ['A'], storeIds: undefined }]);
    expect(result.value.online?.status).to.equal('in_stock');
  });

  it('batches the lookups of many tiles into one store search and one availability request', async () => {
    const { service, calls } = setup();
    const skus = Array.from({ length: 48 }, (_, i) => `SKU-${i}`);
    await Promise.all(skus.map((sku) => service.lookup({ sku, location, radiusKm: 50, limit: 5 })));
    expect(calls.stores).to.have.length(1);
    expect(calls.availability).to.have.length(1);
    expect(calls.availability[0].skus).to.have.members(skus);
  });

  it('serves a repeat view from the cache, and stale data when the network is down', async () => {
    let now = Date.parse('2026-11-24T09:00:00Z');
    const { service, calls, setDown } = setup(() => now);
    const query = { sku: 'A', location, radiusKm: 50, limit: 5 };
    const first = await service.lookup(query);
    expect(first.source).to.equal('network');
    const second = await service.lookup(query);
    expect(second.source).to.equal('cache');
    expect(calls.availability).to.have.length(1);

    now += 12 * 60 * 1000;
    setDown(true);
    const third = await service.lookup(query);
    expect(third.stale).to.equal(true);
    expect(third.updatedAt).to.equal(first.updatedAt);
    expect(third.value.stores.map((s) => s.store.id)).to.deep.equal(['mid', 'far', 'near']);
    let failed: unknown;
    await third.revalidation?.catch((e: unknown) => (failed = e));
    expect(failed).to.be.instanceOf(OmniError);
  });

  it('rejects with the backend error when nothing is cached', async () => {
    const { service, setDown } = setup();
    setDown(true);
    let error: unknown;
    await service
      .lookup({ sku: 'A', location, radiusKm: 50, limit: 5 })
      .catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(OmniError);
    expect((error as OmniError).kind).to.equal('network');
  });
});

describe('stock service on IndexedDB: first and repeat visits', () => {
  const stores = [store('near', 1), store('far', 20)];
  const stock = [record('A', 'near', 'in_stock'), record('B', 'far', 'low_stock')];
  const location = { kind: 'postal', postalCode: '00100', country: 'KE' } as const;
  const name = `omnishelf-visits-test-${Date.now()}`;
  after(async () => {
    localStorage.removeItem(`omnishelf:stored:${name}`);
    await deleteDB(name);
  });

  /** A page's stock service on the database; `held` keeps IndexedDB from opening until released. */
  function visit(held = false) {
    let release!: () => void;
    const gate = held ? new Promise<void>((r) => (release = r)) : Promise.resolve();
    const storage = openStorage({
      name,
      open: (async (...args: Parameters<typeof openDB>) => {
        await gate;
        return openDB(...args);
      }) as typeof openDB,
    });
    const fake = fakeBackend(stores, stock);
    const service = createStockService({
      backend: fake.backend,
      swr: createSwr(storage.cache),
      availability: createAvailabilityBatcher(fake.backend),
    });
    return { ...fake, service, storage, release: () => release?.() };
  }

  it('sends the requests of a first visit before IndexedDB has answered, and none on the next', async () => {
    const first = visit(true);
    const lookups = Promise.all(
      ['A', 'B'].map((sku) => first.service.lookup({ sku, location, radiusKm: 50, limit: 5 })),
    );
    // The store search left in the same task; the stock request as soon as the stores answered.
    expect(first.calls.stores).to.have.length(1);
    await waitFor(() => first.calls.availability.length === 1);
    expect(first.calls.availability[0].skus).to.have.members(['A', 'B']);
    // Shown only once stored, so that the next page finds it.
    first.release();
    const answers = await lookups;
    expect(answers.map((a) => a.source)).to.deep.equal(['network', 'network']);
    first.storage.close();

    const second = visit();
    expect(second.storage.cache.mayHave!('availability', 'anything')).to.equal(true);
    const again = await Promise.all(
      ['A', 'B'].map((sku) => second.service.lookup({ sku, location, radiusKm: 50, limit: 5 })),
    );
    expect(again.map((a) => a.source)).to.deep.equal(['cache', 'cache']);
    expect(again[0].value.stores[0].availability?.status).to.equal('in_stock');
    expect(second.calls.stores).to.have.length(0);
    expect(second.calls.availability).to.have.length(0);
    second.storage.close();
  });
});

/** Resolves once `condition` holds (checked every few ms), or fails after a second. */
async function waitFor(condition: () => boolean): Promise<void> {
  const until = Date.now() + 1000;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met within 1 s');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("stock service: the shopper's store", () => {
  const nairobi = { kind: 'coords', lat: -1.28, lng: 36.82 } as const;
  const postal = { kind: 'postal', postalCode: '00100', country: 'KE' } as const;
  const nearby = [store('near', 1), store('mid', 5), store('far', 20)];
  /** The shopper's store, in Mombasa: outside any radius the lookups below use. */
  const mombasa: Store = {
    ...store('mine', 0),
    location: { lat: -4.05, lng: 39.67 },
    distanceKm: undefined,
  };
  const stock = [
    record('A', 'near', 'in_stock'),
    record('A', 'mid', 'in_stock'),
    record('A', 'far', 'in_stock'),
    record('A', 'mine', 'out_of_stock'),
  ];

  /** The fake backend above, with `GET /stores?ids=` when `byId` is given. */
  function setup(byId?: (query: StoreIdsQuery) => Promise<Store[]>) {
    const fake = fakeBackend(nearby, stock);
    const asked: StoreIdsQuery[] = [];
    if (byId) {
      fake.backend.getStores = (query) => {
        asked.push(query);
        return byId(query);
      };
    }
    const service = createStockService({
      backend: fake.backend,
      swr: createSwr(createMemoryStorage().cache),
      availability: createAvailabilityBatcher(fake.backend),
    });
    return { ...fake, service, asked };
  }

  const ids = (result: { value: { stores: { store: Store }[] } }) =>
    result.value.stores.map((entry) => entry.store.id);

  it('lists it first although the limit leaves it out, with its stock in the same request', async () => {
    const { service, calls } = setup();
    const result = await service.lookup({
      sku: 'A',
      location: nairobi,
      radiusKm: 50,
      limit: 2,
      myStore: remembered(nearby[2]),
    });
    expect(ids(result)).to.deep.equal(['far', 'near', 'mid']);
    expect(result.value.stores[0].store.distanceKm).to.equal(20);
    expect(calls.availability).to.have.length(1);
    expect(calls.availability[0].storeIds).to.have.members(['far', 'near', 'mid']);
  });

  it('looks it up by id with the position when it is out of range, in the same stock request', async () => {
    const { service, calls, asked } = setup(async (query) =>
      query.ids.includes('mine') ? [{ ...mombasa, distanceKm: 440.2 }] : [],
    );
    const result = await service.lookup({
      sku: 'A',
      location: nairobi,
      radiusKm: 50,
      limit: 5,
      myStore: mombasa,
    });
    expect(ids(result)).to.deep.equal(['mine', 'near', 'mid', 'far']);
    expect(result.value.stores[0].store.distanceKm).to.equal(440.2);
    expect(result.value.stores[0].availability?.status).to.equal('out_of_stock');
    expect(asked).to.deep.equal([{ ids: ['mine'], near: { lat: -1.28, lng: 36.82 } }]);
    expect(calls.availability).to.have.length(1);
    expect(calls.availability[0].storeIds).to.have.members(['mine', 'near', 'mid', 'far']);
  });

  it('asks for it with the postal code when that is where the shopper is', async () => {
    const { service, asked } = setup(async () => [{ ...mombasa, distanceKm: 441 }]);
    const result = await service.lookup({
      sku: 'A',
      location: postal,
      radiusKm: 50,
      limit: 5,
      myStore: mombasa,
    });
    expect(asked).to.deep.equal([{ ids: ['mine'], postalCode: '00100', country: 'KE' }]);
    expect(result.value.stores[0].store.distanceKm).to.equal(441);
  });

  it('works its distance out itself when the backend cannot look stores up by id', async () => {
    const { service } = setup();
    const result = await service.lookup({
      sku: 'A',
      location: nairobi,
      radiusKm: 50,
      limit: 5,
      myStore: mombasa,
    });
    expect(ids(result)[0]).to.equal('mine');
    const expected = Math.round(haversineKm(nairobi, mombasa.location) * 10) / 10;
    expect(result.value.stores[0].store.distanceKm).to.equal(expected);
    expect(expected).to.be.within(400, 480);
  });

  it('keeps the remembered details, with a distance, when the lookup by id fails', async () => {
    const { service } = setup(() => Promise.reject(new OmniError('network', 'down')));
    const result = await service.lookup({
      sku: 'A',
      location: nairobi,
      radiusKm: 50,
      limit: 5,
      myStore: mombasa,
    });
    expect(ids(result)[0]).to.equal('mine');
    expect(result.value.stores[0].store.name).to.equal(mombasa.name);
    expect(result.value.stores[0].store.distanceKm).to.be.within(400, 480);
  });

  it('leaves its place alone when it is among the nearest anyway, and still lists it first', async () => {
    const { service, asked } = setup(async () => []);
    const result = await service.lookup({
      sku: 'A',
      location: nairobi,
      radiusKm: 50,
      limit: 5,
      myStore: remembered(nearby[1]),
    });
    expect(ids(result)).to.deep.equal(['mid', 'near', 'far']);
    expect(asked).to.have.length(0);
  });
});
