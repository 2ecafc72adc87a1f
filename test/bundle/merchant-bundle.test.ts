/**
 * The artifact merchants paste: dist/omnishelf.js as built (`npm test` builds it first), the
 * loader, loaded twice like two script tags, configured by the page's JSON block, loading each
 * element's chunk when its tag appears, talking to the demo backend.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { deleteDB } from 'idb';
import { createHandlers } from '../../src/mocks/handlers.js';
import { STOCK_CASES } from '../../src/mocks/data/stock.js';

interface Bundle {
  configure(options: Record<string, unknown>): unknown;
  discover(root?: ParentNode): Promise<void>;
  version: string;
}

const BUNDLE = '/dist/omnishelf.js';
const cacheName = `omnishelf-bundle-${Date.now()}`;
const shadowText = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

describe('dist/omnishelf.js (the script-tag bundle)', () => {
  let worker: SetupWorker;
  let bundle: Bundle;
  let checker: HTMLElement & { sku: string };
  const warnings: string[] = [];
  const originalWarn = console.warn;

  before(async () => {
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      originalWarn.apply(console, args);
    };
    worker = setupWorker(...createHandlers());
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
    const head = await fetch(BUNDLE, { method: 'HEAD' });
    if (!head.ok) throw new Error(`${BUNDLE} is missing: run \`npm run build:bundle\` first.`);

    // Exactly what a merchant pastes: a config block, the element, then the module.
    const config = document.createElement('script');
    config.type = 'application/json';
    config.id = 'omnishelf-config';
    config.textContent = JSON.stringify({
      cacheName,
      locale: 'en',
      stockDisplay: 'exact',
      defaultLocation: { lat: -1.2864, lng: 36.8172 },
    });
    document.head.append(config);
    checker = document.createElement('omni-stock-checker') as HTMLElement & { sku: string };
    checker.setAttribute('sku', STOCK_CASES.inStockEverywhere);
    document.body.append(checker);

    const url = new URL(BUNDLE, location.href).href;
    bundle = (await import(url)) as Bundle;
    // A second script tag of the same bundle (another URL, so it really runs again).
    await import(`${url}?loaded-twice`);
  });

  after(async () => {
    console.warn = originalWarn;
    checker.remove();
    worker.stop();
    bundle.configure({ cacheName: `${cacheName}-done` });
    await deleteDB(cacheName);
  });

  it('defines an element when its tag appears, and only then', async () => {
    await waitUntil(() => customElements.get('omni-stock-checker'), 'checker never defined');
    expect(checker.shadowRoot).to.not.equal(null);
    expect(customElements.get('omni-provider')).to.equal(undefined);
  });

  it('loads the elements of a shadow root it is given (the document is watched already)', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append(document.createElement('omni-provider'));
    try {
      // A shadow root is not watched by itself: nothing loads until the page asks.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(customElements.get('omni-provider')).to.equal(undefined);
      await bundle.discover(shadow);
      await waitUntil(() => customElements.get('omni-provider'), 'provider never defined');
    } finally {
      host.remove();
    }
  });

  it('ignores a second copy with one warning naming both', () => {
    const twice = warnings.filter((w) => w.includes('is already loaded'));
    expect(twice).to.have.length(1);
    expect(twice[0]).to.include(`Omnishelf ${bundle.version}`);
    expect(twice[0]).to.include('?loaded-twice');
  });

  it('renders nearby stores for a widget that was in the page before the bundle loaded', async () => {
    await waitUntil(() => shadowText(checker).includes('Nairobi CBD'), 'no stores', {
      timeout: 8000,
    });
    expect(shadowText(checker)).to.match(/\d+ in stock/);
  });

  it('reacts to a property set from outside (decorators survive the build)', async () => {
    checker.sku = STOCK_CASES.outOfStockEverywhere;
    await waitUntil(() => shadowText(checker).includes('Out of stock'), 'sku change ignored', {
      timeout: 8000,
    });
  });

  it('loads the Arabic translations next to the bundle and renders right to left', async () => {
    bundle.configure({ locale: 'ar' });
    await waitUntil(() => /[\u0600-\u06FF]/.test(shadowText(checker)), 'never switched to Arabic', {
      timeout: 8000,
    });
    expect(checker.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('dir')).to.equal(
      'rtl',
    );
    bundle.configure({ locale: 'en' });
  });
});
