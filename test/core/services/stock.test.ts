import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import type { BackendClient } from '../../../src/core/api/backend-client.js';
import type { AvailabilityQuery, StockStatus, Store } from '../../../src/core/api/types.js';
import { resolveConfig, type OmniConfig } from '../../../src/core/config.js';
import { resolveService } from '../../../src/core/services/registry.js';
import { locationService, myStoreService, stockService } from '../../../src/core/services/stock.js';
import { makeStore } from '../../helpers/fixture-with-services.js';

/** The services of the stock widgets for a configuration, as a provider resolves them. */
function createServices(config: OmniConfig, backend?: BackendClient) {
  return {
    stock: resolveService(stockService, config, backend),
    location: resolveService(locationService, config, backend),
    myStore: resolveService(myStoreService, config, backend),
  };
}

const NAIROBI = { kind: 'postal', postalCode: '00100', country: 'KE' } as const;
const OSLO = { kind: 'postal', postalCode: '0150', country: 'NO' } as const;

/** A custom backend that answers `status` for every sku and counts availability requests. */
function backend(status: StockStatus, cacheKey?: string, stores = 2) {
  const asked: AvailabilityQuery[] = [];
  const client: BackendClient = {
    cacheKey,
    findStores: async () =>
      Array.from({ length: stores }, (_, i) => makeStore({ id: `s${i}`, distanceKm: stores - i })),
    async getAvailability(query) {
      asked.push(query);
      return query.skus.flatMap((sku) =>
        (query.storeIds ?? []).map((storeId) => ({
          sku,
          storeId,
          status,
          updatedAt: new Date().toISOString(),
        })),
      );
    },
    notifyBackInStock: async () => undefined,
  };
  return { client, asked };
}

describe('stock services (defined once, shared by settings)', () => {
  const cacheName = `omnishelf-services-test-${Date.now()}`;
  const config = (extra = {}) => resolveConfig({ cacheName, ...extra });
  after(() => deleteDB(cacheName));

  it('returns the same services for the same settings, so widgets batch together', () => {
    const a = createServices(config({ currency: 'EUR' }));
    const b = createServices(config({ currency: 'NOK', locale: 'ar' }));
    expect(b.stock).to.equal(a.stock);
    expect(b.location).to.equal(a.location);
    expect(createServices(config({ apiBase: '/other/v1' })).stock).to.not.equal(a.stock);
  });

  it("applies each configuration's defaults over the shopper's shared choices", async () => {
    const nairobi = createServices(config({ defaultLocation: NAIROBI, defaultStoreId: 'ke-1' }));
    const oslo = createServices(config({ defaultLocation: OSLO }));
    await nairobi.location.ready;
    expect(nairobi.location.location).to.deep.equal(NAIROBI);
    expect(nairobi.myStore.storeId).to.equal('ke-1');
    expect(oslo.location.location).to.deep.equal(OSLO);
    expect(oslo.myStore.storeId).to.equal(undefined);
    // Views of one service share `ready`, so widgets never flash "loading" when defaults change.
    expect(oslo.location.ready).to.equal(nairobi.location.ready);

    const chosen = { kind: 'coords', lat: 59.91, lng: 10.75 } as const;
    await oslo.location.setLocation(chosen);
    expect(nairobi.location.location).to.deep.equal(chosen);
    expect(nairobi.location.isShopperChoice).to.equal(true);
  });

  it('never serves one custom backend the cached answers of another', async () => {
    const query = { sku: 'A', location: NAIROBI, radiusKm: 50, limit: 5 };
    const inStock = createServices(config(), backend('in_stock', 'shop-a').client);
    const outOfStock = createServices(config(), backend('out_of_stock', 'shop-b').client);
    const a = await inStock.stock.lookup(query);
    const b = await outOfStock.stock.lookup(query);
    expect(a.value.stores[0].availability?.status).to.equal('in_stock');
    expect(b.value.stores[0].availability?.status).to.equal('out_of_stock');
  });

  it('keeps to the store limit even when the backend sends more stores', async () => {
    const { client, asked } = backend('in_stock', 'many', 120);
    const { stock } = createServices(config(), client);
    const result = await stock.lookup({ sku: 'B', location: NAIROBI, radiusKm: 50, limit: 5 });
    expect(result.value.stores).to.have.length(5);
    expect(asked).to.have.length(1);
    expect(asked[0].storeIds).to.have.length(5);
    // The nearest five: distances 1..5 km.
    expect(result.value.stores.map((s) => s.store.distanceKm)).to.have.members([1, 2, 3, 4, 5]);
  });

  it("shares the shopper's store between configurations, each with its own default", async () => {
    const a = createServices(config({ defaultStoreId: 's0' }), backend('in_stock', 'mine').client);
    const b = createServices(config({ currency: 'KES' }), backend('in_stock', 'mine').client);
    await Promise.all([a.myStore.ready, b.myStore.ready]);
    expect(a.myStore.storeId).to.equal('s0');
    expect(b.myStore.storeId).to.equal(undefined);
    const chosen: Store = makeStore({ id: 's1' });
    await b.myStore.set(chosen);
    expect(a.myStore.storeId).to.equal('s1');
    expect(a.myStore.store?.id).to.equal('s1');
    await a.myStore.clear();
    expect(b.myStore.storeId).to.equal(undefined);
    expect(a.myStore.storeId).to.equal('s0');
  });
});
