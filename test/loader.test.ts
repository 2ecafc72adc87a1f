/**
 * The loader in its dev form: imported from source, it imports each element's TypeScript chunk
 * through the test server. (test/bundle/ covers the built dist/omnishelf.js.) The tests run in
 * order: the first needs a page where no element chunk has arrived yet.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from './helpers/wait.js';
import { deleteDB } from 'idb';
import { configure, discover, version } from '../src/loader.js';
import type { BackendClient } from '../src/core/api/backend-client.js';
import type { AvailabilityQuery } from '../src/core/api/types.js';
import type { OmniStockChecker } from '../src/components/stock-checker/stock-checker.js';

const LOADER = Symbol.for('omnishelf:loader');
const PAGE = Symbol.for('omnishelf:page');
const QUEUE = Symbol.for('omnishelf:queue');
const scope = globalThis as unknown as Record<symbol, unknown>;

/** The loader's URL, as its first copy registered it. */
const loaderUrl = () => (scope[LOADER] as { url: string }).url;

describe('loader (dev form)', () => {
  const cacheName = `omnishelf-loader-test-${Date.now()}`;
  const mounted: Element[] = [];
  const asked: AvailabilityQuery[] = [];
  /** A merchant's own client, given to configure() before any element's code arrived. */
  const backend: BackendClient = {
    cacheKey: 'loader-test',
    findStores: async () => [],
    async getAvailability(query) {
      asked.push(query);
      return query.skus.map((sku) => ({
        sku,
        storeId: null,
        status: 'in_stock' as const,
        updatedAt: new Date().toISOString(),
      }));
    },
    notifyBackInStock: async () => undefined,
  };

  after(async () => {
    for (const el of mounted) el.remove();
    configure({ cacheName: `${cacheName}-done` });
    await deleteDB(cacheName);
  });

  it('queues configure() until an element chunk arrives, then applies it', async () => {
    expect(scope[PAGE]).to.equal(undefined);
    configure({ cacheName, currency: 'EUR', backend });
    configure({ stockDisplay: 'status' });
    expect((scope[QUEUE] as unknown[]).length).to.equal(2);

    const checker = document.createElement('omni-stock-checker') as OmniStockChecker;
    checker.setAttribute('sku', 'LOADER-1');
    checker.setAttribute('variant', 'badge');
    document.body.append(checker);
    mounted.push(checker);

    // The test server compiles the chunk's modules on first request: give it time.
    await waitUntil(() => customElements.get('omni-stock-checker'), 'the element never loaded', {
      timeout: 8000,
    });
    await waitUntil(() => checker.config !== undefined, 'no configuration reached the element');
    expect(checker.config).to.include({ cacheName, currency: 'EUR', stockDisplay: 'status' });
    expect(scope[QUEUE]).to.deep.equal([]);
    // The client given in the queue is the one the widget asks.
    await waitUntil(
      () => asked.some((query) => query.skus.includes('LOADER-1')),
      'the queued backend was not used',
      { timeout: 5000 },
    );

    // Now that the page host is there, configure() reaches it at once.
    configure({ currency: 'KES' });
    expect(checker.config?.currency).to.equal('KES');
    expect(scope[QUEUE]).to.deep.equal([]);
  });

  it('loads the elements of a shadow root it is given', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    mounted.push(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const provider = document.createElement('omni-provider');
    shadow.append(provider);

    expect(customElements.get('omni-provider')).to.equal(undefined);
    await discover(shadow);
    expect(customElements.get('omni-provider')).to.not.equal(undefined);
    expect(provider.shadowRoot).to.not.equal(null);
  });

  it('warns once when another copy is loaded from another URL, and lets the first one work', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    const first = scope[LOADER];
    const url = loaderUrl();
    const other = `${url.replace(/\.js(\?.*)?$/, '.ts')}?copy=2`;
    try {
      const copy = (await import(/* @vite-ignore */ other)) as { discover: typeof discover };
      await import(/* @vite-ignore */ other); // the same URL again: the same module, no new warning
      expect(scope[LOADER]).to.equal(first);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain(`Omnishelf ${version} is already loaded (${url})`);
      expect(warnings[0]).to.contain(`this copy (Omnishelf ${version}, ${other}) is ignored`);

      // The copy's discover() is the first loader's.
      const host = document.createElement('div');
      document.body.append(host);
      mounted.push(host);
      const shadow = host.attachShadow({ mode: 'open' });
      await copy.discover(shadow);
    } finally {
      console.warn = original;
    }
  });

  it('names both versions when another version is loaded', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    const state = scope[LOADER] as { version: string };
    const real = state.version;
    state.version = '0.1.9';
    try {
      await import(/* @vite-ignore */ `${loaderUrl().replace(/\.js(\?.*)?$/, '.ts')}?copy=3`);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('Omnishelf 0.1.9 is already loaded');
      expect(warnings[0]).to.contain(`this copy (Omnishelf ${version},`);
    } finally {
      state.version = real;
      console.warn = original;
    }
  });
});
