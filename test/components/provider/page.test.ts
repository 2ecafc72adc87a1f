import { expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { createContext } from '@lit/context';
import { deleteDB } from 'idb';
import { hostSettingsContext } from '../../../src/components/provider/service-host.js';
import { configure, installPage } from '../../../src/components/provider/page.js';
import type { BackendClient } from '../../../src/core/api/backend-client.js';
import type { ConfigureOptions, OmniConfig } from '../../../src/core/config.js';
import { configContext } from '../../../src/core/context.js';
import { getOmniLocale, setOmniLocale } from '../../../src/core/i18n/localization.js';
import { defineService } from '../../../src/core/services/registry.js';
import { consumerIn } from '../../helpers/service-consumer.js';

const QUEUE = Symbol.for('omnishelf:queue');
type Queue = { [QUEUE]?: ConfigureOptions[] };

describe('page-level services and configure()', () => {
  const cacheName = `omnishelf-page-test-${Date.now()}`;
  /** A merchant's client given to configure() before the widgets' code arrived. */
  const queuedBackend: BackendClient = { cacheKey: 'queued' };
  const mounted: Element[] = [];
  let warn: typeof console.warn;

  before(() => {
    // What the loader queues from configure() calls made before any element chunk arrived,
    // including a mistake (sanitized away, with a warning) and the merchant's own client.
    warn = console.warn;
    console.warn = () => undefined;
    (globalThis as Queue)[QUEUE] = [
      { cacheName, currency: 'eur', units: 'furlongs' as OmniConfig['units'] },
      { backend: queuedBackend, radiusKm: 9 },
    ];
    installPage();
    console.warn = warn;
  });
  afterEach(() => {
    for (const el of mounted.splice(0)) el.remove();
  });
  after(async () => {
    document.documentElement.lang = 'en';
    configure({ cacheName: `${cacheName}-done`, locale: 'en' });
    await deleteDB(cacheName);
  });

  const consumer = (context: unknown) => {
    const el = consumerIn(document.body, context);
    mounted.push(el);
    return el;
  };

  it('applies the options the loader queued before it was installed, and empties the queue', () => {
    const config = consumer(configContext).value as OmniConfig;
    expect(config.cacheName).to.equal(cacheName);
    expect(config.currency).to.equal('EUR');
    expect(config.radiusKm).to.equal(9);
    expect(config.units).to.equal('auto');
    expect((consumer(hostSettingsContext).value as { backend?: unknown }).backend).to.equal(
      queuedBackend,
    );
    expect((globalThis as Queue)[QUEUE]).to.deep.equal([]);
  });

  it('is installed once: a second install returns the same page host', () => {
    expect(installPage()).to.equal(installPage());
  });

  it('merges later configure() calls and hands widgets the new configuration', () => {
    const el = consumer(configContext);
    const resolved = configure({ storeLimit: 3 });
    expect(resolved.storeLimit).to.equal(3);
    expect(resolved.currency).to.equal('EUR');
    expect(el.value).to.equal(resolved);
    expect((consumer(hostSettingsContext).value as { backend?: unknown }).backend).to.equal(
      queuedBackend,
    );
  });

  it('reaches a widget that asked for a service before its definition was registered', () => {
    const late = createContext<{ late: true }>(Symbol('registered late'));
    const el = consumer(late);
    expect(el.value).to.equal(undefined);
    defineService({ name: 'late', context: late, key: () => '', create: () => ({ late: true }) });
    expect(el.value).to.deep.equal({ late: true });
  });

  it('keeps no request it answered: a provider that appears later makes a widget ask once', () => {
    const el = consumer(configContext);
    expect(el.value).to.not.equal(undefined);
    const seen = el.seen.length;
    let asked = 0;
    const count = (event: Event) => {
      if ((event as Event & { context?: unknown }).context === configContext) asked++;
    };
    document.addEventListener('context-request', count, true);
    try {
      // What an <omni-provider> elsewhere on the page announces when it upgrades.
      const other = document.createElement('div');
      document.body.append(other);
      mounted.push(other);
      const event = new Event('context-provider', { bubbles: true, composed: true });
      Object.assign(event, { context: configContext, contextTarget: other });
      other.dispatchEvent(event);
    } finally {
      document.removeEventListener('context-request', count, true);
    }
    // The page host's provider hands its subscriptions over (the @lit/context protocol): one
    // request per widget, not a second one replayed by the context root.
    expect(asked).to.equal(1);
    expect(el.seen.length).to.equal(seen + 1);
  });

  it('does not reset a language set elsewhere when configuring something else', async () => {
    configure({ cacheName, locale: 'auto' });
    await setOmniLocale('ar');
    configure({ currency: 'AED' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(getOmniLocale()).to.equal('ar');
    await setOmniLocale('en');
  });

  it('ignores <html lang> rewritten with the same value', async () => {
    configure({ locale: 'auto' });
    await setOmniLocale('ar'); // e.g. set by an <omni-provider locale="ar">
    document.documentElement.setAttribute('lang', document.documentElement.lang);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(getOmniLocale()).to.equal('ar');
    await setOmniLocale('en');
  });

  it('follows <html lang> at runtime with locale "auto"', async () => {
    configure({ locale: 'auto' });
    document.documentElement.lang = 'ar-EG';
    await waitUntil(() => getOmniLocale() === 'ar', 'did not follow <html lang>');
    document.documentElement.lang = 'en';
    await waitUntil(() => getOmniLocale() === 'en', 'did not follow <html lang> back');
  });
});
