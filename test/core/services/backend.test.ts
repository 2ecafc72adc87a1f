import { expect } from '@open-wc/testing';
import type {
  BackendClient,
  CartCapability,
  PickupCapability,
  StockCapability,
} from '../../../src/core/api/backend-client.js';
import type { Http } from '../../../src/core/api/rest/http.js';
import { resolveConfig } from '../../../src/core/config.js';
import { cacheNamespace, capability } from '../../../src/core/services/backend.js';
import { resolveService, type ServiceEnv } from '../../../src/core/services/registry.js';
import { rejection } from '../../helpers/rejection.js';

const config = resolveConfig({ apiBase: '/backend-test/v1', retries: 1 });

function env(backend?: BackendClient): ServiceEnv {
  return {
    config,
    backend,
    platform: {},
    get: (definition) => resolveService(definition, config, backend),
  };
}

/** A REST client factory that records the transport it was given. */
function restSpy<T>(client: T) {
  const given: Http[] = [];
  return {
    given,
    rest: (http: Http) => {
      given.push(http);
      return client;
    },
  };
}

const stockClient = (): StockCapability => ({
  findStores: async () => [],
  getAvailability: async () => [],
  notifyBackInStock: async () => undefined,
});

describe('services/backend', () => {
  let errors: unknown[][];
  const original = console.error;
  beforeEach(() => {
    errors = [];
    console.error = (...args: unknown[]) => void errors.push(args);
  });
  afterEach(() => {
    console.error = original;
  });

  describe('capability', () => {
    it('uses REST over the configured apiBase without a custom backend', () => {
      const rest = stockClient();
      const spy = restSpy(rest);
      expect(capability(env(), 'stock', spy.rest)).to.equal(rest);
      expect(spy.given).to.have.length(1);
      expect(spy.given[0].apiBase).to.equal('/backend-test/v1');
      expect(spy.given[0].url('/stores', { ids: 'a,b' })).to.equal(
        '/backend-test/v1/stores?ids=a%2Cb',
      );
    });

    it("uses the merchant's client when it has every method of the capability", () => {
      const own: BackendClient = { ...stockClient(), cacheKey: 'own' };
      const spy = restSpy(stockClient());
      expect(capability(env(own), 'stock', spy.rest)).to.equal(own);
      expect(spy.given).to.have.length(0);
      expect(errors).to.have.length(0);
    });

    it("accepts a client whose methods live on its class's prototype", () => {
      class Shop implements PickupCapability {
        async getPickupSlots() {
          return [];
        }
        async reservePickupSlot() {
          return { id: 'r', slotId: 's', expiresAt: '2026-01-01T00:00:00Z' };
        }
        async cancelPickupReservation() {}
      }
      const own = new Shop();
      expect(capability(env(own), 'pickup', restSpy({} as PickupCapability).rest)).to.equal(own);
    });

    it('stands in for a missing capability: every call rejects unsupported, and REST is not used', async () => {
      const partial: BackendClient = { findStores: async () => [] };
      const spy = restSpy(stockClient());
      const stock = capability(env(partial), 'stock', spy.rest);
      expect(stock).to.not.equal(partial);
      expect(spy.given).to.have.length(0);
      for (const call of [
        stock.findStores({ near: { lat: 0, lng: 0 } }),
        stock.getAvailability({ skus: ['A'] }),
        stock.notifyBackInStock({ sku: 'A', email: 'a@example.com' }),
      ]) {
        const error = await rejection(call);
        expect(error.kind).to.equal('unsupported');
        expect(error.message).to.contain('getAvailability, notifyBackInStock');
      }
    });

    it('says so in the console once per backend and capability', async () => {
      const partial: BackendClient = { findStores: async () => [] };
      const other: BackendClient = {};
      const cart = () => restSpy({} as CartCapability).rest;
      capability(env(partial), 'stock', restSpy(stockClient()).rest);
      capability(env(partial), 'stock', restSpy(stockClient()).rest);
      await capability(env(partial), 'stock', restSpy(stockClient()).rest)
        .findStores({ near: { lat: 0, lng: 0 } })
        .catch(() => undefined);
      capability(env(partial), 'cart', cart());
      capability(env(other), 'cart', cart());
      capability(env(other), 'cart', cart());
      const messages = errors.map((args) => String(args[0]));
      expect(messages).to.have.length(3);
      expect(messages[0]).to.contain('no stock capability (missing getAvailability');
      expect(messages[1]).to.contain('no cart capability');
      expect(messages[2]).to.contain('no cart capability (missing createCart, getCart');
    });
  });

  describe('cacheNamespace', () => {
    it("names a custom backend's answers apart from REST's and from each other", () => {
      expect(cacheNamespace(env())).to.equal('/backend-test/v1');
      expect(cacheNamespace(env({ cacheKey: 'shop-a' }))).to.equal('custom:shop-a');
      expect(cacheNamespace(env({}))).to.equal('custom:default');
    });
  });
});
