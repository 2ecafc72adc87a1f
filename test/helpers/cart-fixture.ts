/**
 * Cart component tests: the element under test inside a host that provides the configuration,
 * a real cart store (on the simulated network and virtual time of test/core/cart/harness.ts) and
 * fakes of the stock, location and "my store" services.
 */
import { fixture } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import {
  cartContext,
  configContext,
  locationServiceContext,
  myStoreContext,
  stockServiceContext,
  type CartStore,
  type MyStoreService,
} from '../../src/core/context.js';
import { resolveConfig, type OmniConfig } from '../../src/core/config.js';
import type { LocationService, StockService } from '../../src/core/stock/types.js';
import type { DemoDbOptions } from '../../src/mocks/db.js';
import { World, type Device, type Tab } from '../core/cart/harness.js';
import { setOmniLocale } from '../../src/core/i18n/localization.js';

export interface CartServices {
  config?: Partial<OmniConfig>;
  cart?: CartStore;
  stock?: StockService;
  location?: LocationService;
  myStore?: MyStoreService;
}

const mounted: HTMLElement[] = [];

afterEach(() => {
  for (const host of mounted.splice(0)) host.remove();
});

export async function cartFixture<T extends Element>(
  template: unknown,
  services: CartServices = {},
): Promise<T> {
  const host = document.createElement('div');
  document.body.append(host);
  mounted.push(host);
  const asHost = host as unknown as HTMLElement & ReactiveControllerHost;
  new ContextProvider(asHost, {
    context: configContext,
    initialValue: resolveConfig({ currency: 'EUR', units: 'km', ...services.config }),
  });
  new ContextProvider(asHost, { context: cartContext, initialValue: services.cart });
  new ContextProvider(asHost, { context: stockServiceContext, initialValue: services.stock });
  new ContextProvider(asHost, { context: locationServiceContext, initialValue: services.location });
  new ContextProvider(asHost, { context: myStoreContext, initialValue: services.myStore });
  return fixture<T>(template as Parameters<typeof fixture>[0], { parentNode: host });
}

/** A cart store on a simulated network; `settle()` runs virtual time until everything is done. */
export class CartWorld {
  readonly world: World;
  readonly device: Device;
  readonly tab: Tab;

  /** `dbOptions`: the server's demo db (extra products for a test's own fixtures). */
  constructor(dbOptions: Omit<DemoDbOptions, 'now'> = {}) {
    this.world = new World(11, dbOptions);
    this.device = this.world.device('test');
    this.tab = this.device.open(0);
  }

  get store(): CartStore {
    return this.tab.store;
  }

  async settle(): Promise<void> {
    await this.world.clock.settle();
  }

  dispose(): void {
    this.device.close(0);
    this.device.close(1);
  }
}

/** Runs `body` in English and in Arabic (right to left). */
export async function inEachLanguage(body: (locale: 'en' | 'ar') => Promise<void>): Promise<void> {
  for (const locale of ['en', 'ar'] as const) {
    await setOmniLocale(locale);
    try {
      await body(locale);
    } finally {
      await setOmniLocale('en');
    }
  }
}

/** Runs `body` with the page in the dark colour scheme (dark background, `color-scheme: dark`). */
export async function inDarkMode(body: () => Promise<void>): Promise<void> {
  const root = document.documentElement;
  root.style.colorScheme = 'dark';
  document.body.style.background = '#121417';
  document.body.style.color = '#e6e8eb';
  try {
    await body();
  } finally {
    root.style.colorScheme = '';
    document.body.style.background = '';
    document.body.style.color = '';
  }
}

export const shadowText = (el: Element): string =>
  (el.shadowRoot?.textContent ?? '')
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
