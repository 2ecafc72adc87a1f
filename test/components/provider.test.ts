import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { deleteDB } from 'idb';
import type { BackendClient } from '../../src/core/api/backend-client.js';
import type { AvailabilityQuery, StoreQuery } from '../../src/core/api/types.js';
import '../../src/components/provider/index.js';
import '../../src/components/stock-checker/index.js';
import type { OmniProvider } from '../../src/components/provider/provider.js';
import { getOmniLocale } from '../../src/core/i18n/localization.js';
import type { OmniStockChecker } from '../../src/components/stock-checker/stock-checker.js';
import { makeStore } from '../helpers/fixture-with-services.js';

/** A merchant's own backend: answers from memory and records what it was asked. */
function customBackend() {
  const calls = { stores: [] as StoreQuery[], availability: [] as AvailabilityQuery[] };
  const backend: BackendClient = {
    async findStores(query) {
      calls.stores.push(query);
      return [makeStore({ id: 'own-1', name: 'Own Store', distanceKm: 1.5 })];
    },
    async getAvailability(query) {
      calls.availability.push(query);
      return query.skus.map((sku) => ({
        sku,
        storeId: query.storeIds?.[0] ?? null,
        status: 'in_stock' as const,
        quantity: 7,
        updatedAt: new Date().toISOString(),
      }));
    },
    async notifyBackInStock() {},
  };
  return { backend, calls };
}

/** A client with the stock capability only in part: widgets must say so, never crash. */
function partialBackend(): BackendClient {
  return { findStores: async () => [] };
}

const shadowText = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

describe('<omni-provider>', () => {
  const cacheName = `omnishelf-provider-test-${Date.now()}`;
  after(() => deleteDB(cacheName));

  describe('accessibility', () => {
    it('adds nothing to the accessibility tree of its children', async () => {
      const el = await fixture<OmniProvider>(
        html`<omni-provider cache-name=${cacheName}><p>Hello</p></omni-provider>`,
      );
      expect(getComputedStyle(el).display).to.equal('contents');
      await expect(el).to.be.accessible();
    });
  });

  describe('properties', () => {
    it('turns its attributes into the configuration of the widgets inside', async () => {
      const el = await fixture<OmniProvider>(
        html`<omni-provider
          cache-name=${cacheName}
          api-base="https://shop.example/omni/v1/"
          currency="nok"
          stock-display="exact"
          radius-km="12"
          store-limit="not a number"
          ><omni-stock-checker></omni-stock-checker
        ></omni-provider>`,
      );
      const checker = el.querySelector('omni-stock-checker')!;
      expect(checker.config?.apiBase).to.equal('https://shop.example/omni/v1');
      expect(checker.config?.currency).to.equal('NOK');
      expect(checker.config?.stockDisplay).to.equal('exact');
      expect(checker.config?.radiusKm).to.equal(12);
      expect(checker.config?.storeLimit).to.equal(5);
      // Services of this configuration, the same objects every widget inside gets.
      const other = document.createElement('omni-stock-checker');
      el.append(other);
      expect(checker.stock).to.be.an('object');
      expect(other.stock).to.equal(checker.stock);
      expect(other.location).to.equal(checker.location);
      other.remove();
    });

    it('passes a changed attribute on to the widgets', async () => {
      const el = await fixture<OmniProvider>(
        html`<omni-provider cache-name=${cacheName} stock-display="exact"
          ><omni-stock-checker></omni-stock-checker
        ></omni-provider>`,
      );
      const checker = el.querySelector('omni-stock-checker')!;
      el.setAttribute('stock-display', 'status');
      await el.updateComplete;
      expect(checker.config?.stockDisplay).to.equal('status');
    });

    it('inherits the configuration around it and follows its changes', async () => {
      const outer = await fixture<OmniProvider>(
        html`<omni-provider cache-name=${cacheName} currency="NOK" stock-display="exact"
          ><omni-provider radius-km="12"><omni-stock-checker></omni-stock-checker></omni-provider
        ></omni-provider>`,
      );
      const checker = outer.querySelector('omni-stock-checker')!;
      expect(checker.config?.currency).to.equal('NOK');
      expect(checker.config?.stockDisplay).to.equal('exact');
      expect(checker.config?.radiusKm).to.equal(12);
      outer.setAttribute('currency', 'SEK');
      await outer.updateComplete;
      await outer.querySelector<OmniProvider>('omni-provider omni-provider')!.updateComplete;
      expect(checker.config?.currency).to.equal('SEK');
      expect(checker.config?.radiusKm).to.equal(12);
    });

    it("passes on the backend around it (e.g. an outer provider's own client)", async () => {
      const { backend } = customBackend();
      const el = await fixture<OmniProvider>(
        html`<omni-provider cache-name=${cacheName} .backend=${backend}
          ><omni-stock-checker id="outer"></omni-stock-checker
          ><omni-provider currency="EUR"
            ><omni-stock-checker id="inner"></omni-stock-checker></omni-provider
        ></omni-provider>`,
      );
      const inner = el.querySelector<OmniProvider>('omni-provider omni-provider')!;
      const outerChecker = el.querySelector<OmniStockChecker>('#outer')!;
      const innerChecker = el.querySelector<OmniStockChecker>('#inner')!;
      // Only presentation changes inside: the same backend, so the same (batching) stock service.
      expect(innerChecker.stock).to.equal(outerChecker.stock);
      expect(innerChecker.config?.currency).to.equal('EUR');
      // A provider that names its own storage resolves to its own services (REST, not the client).
      inner.setAttribute('cache-name', `${cacheName}-inner`);
      await inner.updateComplete;
      expect(innerChecker.stock).to.not.equal(outerChecker.stock);
      inner.removeAttribute('cache-name');
      await inner.updateComplete;
      expect(innerChecker.stock).to.equal(outerChecker.stock);
    });

    it('gives the page its language back when its locale attribute goes', async () => {
      const el = await fixture<OmniProvider>(
        html`<omni-provider cache-name=${cacheName} locale="ar"></omni-provider>`,
      );
      await waitUntil(() => getOmniLocale() === 'ar', 'provider locale not applied');
      el.removeAttribute('locale');
      await waitUntil(() => getOmniLocale() === 'en', 'locale not restored');
    });

    it("routes every widget request through a merchant's own BackendClient", async () => {
      const { backend, calls } = customBackend();
      const el = await fixture<OmniProvider>(
        html`<omni-provider cache-name=${cacheName} .backend=${backend}
          ><omni-stock-checker sku="OWN-1"></omni-stock-checker
        ></omni-provider>`,
      );
      const checker = el.querySelector<OmniStockChecker>('omni-stock-checker')!;
      await checker.location!.setLocation({ kind: 'postal', postalCode: '0150', country: 'NO' });
      await waitUntil(() => shadowText(checker).includes('Own Store'), 'custom store not shown', {
        timeout: 5000,
      });
      expect(calls.stores[0]).to.include({ postalCode: '0150', country: 'NO' });
      expect(calls.availability.some((q) => q.skus.includes('OWN-1'))).to.equal(true);
      expect(checker.shadowRoot!.querySelector('[part~="status"]')?.textContent).to.contain(
        'In stock',
      );
    });

    it("shows a configuration error when the merchant's client lacks the capability", async () => {
      const errors: unknown[][] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => void errors.push(args);
      try {
        const el = await fixture<OmniProvider>(
          html`<omni-provider cache-name=${cacheName} .backend=${partialBackend()}
            ><omni-stock-checker sku="ANY"></omni-stock-checker
          ></omni-provider>`,
        );
        const checker = el.querySelector<OmniStockChecker>('omni-stock-checker')!;
        await checker.location!.setLocation({ kind: 'postal', postalCode: '0150', country: 'NO' });
        await waitUntil(
          () => shadowText(checker).includes("hasn't set up store stock"),
          'no configuration error shown',
          { timeout: 5000 },
        );
        expect(errors.some((args) => String(args[0]).includes('no stock capability'))).to.equal(
          true,
        );
      } finally {
        console.error = original;
      }
    });
  });
});
