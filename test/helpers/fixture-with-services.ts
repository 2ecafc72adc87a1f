/**
 * Component-test helpers: render a template inside an element that provides the service
 * contexts, and small fakes of the services with call recording and controllable answers.
 */
import { fixture } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import {
  clockContext,
  configContext,
  locationServiceContext,
  myStoreContext,
  pickupServiceContext,
  shippingServiceContext,
  stockServiceContext,
  type Clock,
  type MyStoreService,
  type PickupService,
  type ShippingService,
} from '../../src/core/context.js';
import { resolveConfig, type OmniConfig } from '../../src/core/config.js';
import { OmniError } from '../../src/core/api/errors.js';
import type {
  Availability,
  BackInStockRequest,
  Store,
  StockStatus,
} from '../../src/core/api/types.js';
import type { SwrResult, Fresh } from '../../src/core/cache/types.js';
import type { ShopperLocation } from '../../src/core/geo/location.js';
import type {
  LocationService,
  StockLookup,
  StockResult,
  StockService,
  StoreStock,
} from '../../src/core/stock/types.js';

export interface Services {
  config?: Partial<OmniConfig>;
  stock?: StockService;
  location?: LocationService;
  myStore?: MyStoreService;
  clock?: Clock;
  pickup?: PickupService;
  shipping?: ShippingService;
}

export interface ServiceProviders {
  host: HTMLElement;
  config: ContextProvider<typeof configContext>;
  stock: ContextProvider<typeof stockServiceContext>;
  location: ContextProvider<typeof locationServiceContext>;
  myStore: ContextProvider<typeof myStoreContext>;
  clock: ContextProvider<typeof clockContext>;
  pickup: ContextProvider<typeof pickupServiceContext>;
  shipping: ContextProvider<typeof shippingServiceContext>;
}

const hosts = new WeakMap<Element, ServiceProviders>();
const mounted: HTMLElement[] = [];

afterEach(() => {
  for (const host of mounted.splice(0)) host.remove();
});

/**
 * Renders `template` (via @open-wc `fixture`) inside a plain element that provides
 * `configContext` (defaults merged with `services.config`) and the service contexts. Services
 * left out are provided as undefined (the element waits for them, or does without the optional
 * ones), never resolved from the page.
 */
export async function fixtureWithServices<T extends Element>(
  template: unknown,
  services: Services = {},
): Promise<T> {
  const host = document.createElement('div');
  host.setAttribute('data-test-provider', '');
  document.body.append(host);
  mounted.push(host);
  const asHost = host as unknown as HTMLElement & ReactiveControllerHost;
  const providers: ServiceProviders = {
    host,
    config: new ContextProvider(asHost, {
      context: configContext,
      initialValue: resolveConfig(services.config ?? {}),
    }),
    stock: new ContextProvider(asHost, {
      context: stockServiceContext,
      initialValue: services.stock,
    }),
    location: new ContextProvider(asHost, {
      context: locationServiceContext,
      initialValue: services.location,
    }),
    myStore: new ContextProvider(asHost, {
      context: myStoreContext,
      initialValue: services.myStore,
    }),
    clock: new ContextProvider(asHost, { context: clockContext, initialValue: services.clock }),
    pickup: new ContextProvider(asHost, {
      context: pickupServiceContext,
      initialValue: services.pickup,
    }),
    shipping: new ContextProvider(asHost, {
      context: shippingServiceContext,
      initialValue: services.shipping,
    }),
  };
  const el = await fixture<T>(template as Parameters<typeof fixture>[0], { parentNode: host });
  hosts.set(el, providers);
  return el;
}

/** The providers around an element made by `fixtureWithServices` (to swap services). */
export function providersOf(el: Element): ServiceProviders {
  const providers = hosts.get(el);
  if (!providers) throw new Error('element was not made by fixtureWithServices');
  return providers;
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A lookup answer: a fixed value, or a function for pending/failing answers. */
export type LookupAnswer =
  | SwrResult<StockResult>
  | ((query: StockLookup, signal: AbortSignal | undefined) => Promise<SwrResult<StockResult>>);

export interface FakeStockService extends StockService {
  /** Answers by sku; a sku without one rejects with an `http` 404 OmniError. */
  answers: Record<string, LookupAnswer>;
  lookups: { query: StockLookup; signal: AbortSignal | undefined }[];
  notifications: BackInStockRequest[];
  /** What `notifyBackInStock` does; resolves by default. */
  notifyImpl: (request: BackInStockRequest) => Promise<void>;
}

export function fakeStockService(answers: Record<string, LookupAnswer> = {}): FakeStockService {
  const service: FakeStockService = {
    answers,
    lookups: [],
    notifications: [],
    notifyImpl: () => Promise.resolve(),
    lookup(query, options) {
      service.lookups.push({ query, signal: options?.signal });
      const answer = service.answers[query.sku];
      if (answer === undefined) {
        return Promise.reject(
          new OmniError('http', 'not found', { status: 404, code: 'not_found' }),
        );
      }
      return typeof answer === 'function'
        ? answer(query, options?.signal)
        : Promise.resolve(answer);
    },
    notifyBackInStock(request) {
      service.notifications.push(request);
      return service.notifyImpl(request);
    },
  };
  return service;
}

export interface FakeLocationService extends LocationService {
  location: ShopperLocation | undefined;
  isShopperChoice: boolean;
  listenerCount(): number;
  setLocationCalls: ShopperLocation[];
  locateCalls: number;
  /** What `locate` does; by default resolves with Nairobi coordinates and sets them. */
  locateImpl: () => Promise<ShopperLocation>;
  /** What `setLocation` does before storing; by default nothing. */
  setLocationImpl: (location: ShopperLocation) => Promise<void>;
  /** Changes the state and notifies subscribers, as the real service does. */
  change(patch: { location?: ShopperLocation }): void;
}

export function fakeLocationService(
  initial: { location?: ShopperLocation; ready?: Promise<void> } = {},
): FakeLocationService {
  const listeners = new Set<() => void>();
  const notify = (): void => listeners.forEach((listener) => listener());
  const service: FakeLocationService = {
    ready: initial.ready ?? Promise.resolve(),
    location: initial.location,
    isShopperChoice: initial.location !== undefined,
    setLocationCalls: [],
    locateCalls: 0,
    listenerCount: () => listeners.size,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setLocationImpl: () => Promise.resolve(),
    async setLocation(location) {
      service.setLocationCalls.push(location);
      await service.setLocationImpl(location);
      service.change({ location });
    },
    locateImpl: async () => {
      const location: ShopperLocation = { kind: 'coords', lat: -1.268, lng: 36.811 };
      service.change({ location });
      return location;
    },
    locate() {
      service.locateCalls++;
      return service.locateImpl();
    },
    async clearLocation() {
      service.location = undefined;
      service.isShopperChoice = false;
      notify();
    },
    change(patch) {
      if ('location' in patch) {
        service.location = patch.location;
        service.isShopperChoice = true;
      }
      notify();
    },
  };
  return service;
}

export interface FakeMyStoreService extends MyStoreService {
  store: Store | undefined;
  storeId: string | undefined;
  isShopperChoice: boolean;
  setCalls: Store[];
  clearCalls: number;
  fulfillment: 'ship' | 'pickup' | undefined;
  fulfillmentCalls: ('ship' | 'pickup')[];
  /** Changes the store and notifies subscribers (another widget or tab chose it). */
  change(store: Store | undefined): void;
  /** Changes the way and notifies subscribers (another widget or tab chose it). */
  changeFulfillment(way: 'ship' | 'pickup' | undefined): void;
}

export function fakeMyStoreService(initial?: Store): FakeMyStoreService {
  const listeners = new Set<() => void>();
  const service: FakeMyStoreService = {
    ready: Promise.resolve(),
    store: initial,
    storeId: initial?.id,
    isShopperChoice: initial !== undefined,
    setCalls: [],
    clearCalls: 0,
    fulfillment: undefined,
    fulfillmentCalls: [],
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async set(store) {
      service.setCalls.push(store);
      service.change(store);
    },
    async clear() {
      service.clearCalls++;
      service.change(undefined);
    },
    async setFulfillment(way) {
      service.fulfillmentCalls.push(way);
      if (way !== service.fulfillment) service.changeFulfillment(way);
    },
    change(store) {
      service.store = store;
      service.storeId = store?.id;
      service.isShopperChoice = store !== undefined;
      listeners.forEach((listener) => listener());
    },
    changeFulfillment(way) {
      service.fulfillment = way;
      listeners.forEach((listener) => listener());
    },
  };
  return service;
}

// ---- data builders ----

let storeCounter = 0;

/** A store open 24/7 (deterministic hours text), in UTC. */
export function makeStore(overrides: Partial<Store> = {}): Store {
  storeCounter++;
  return {
    id: `store-${storeCounter}`,
    name: `Store ${storeCounter}`,
    address: {
      line1: `${storeCounter} Main Street`,
      city: 'Nairobi',
      postalCode: '00100',
      country: 'KE',
    },
    location: { lat: -1.28, lng: 36.82 },
    timezone: 'UTC',
    phone: '+254 700 000 000',
    hours: [0, 1, 2, 3, 4, 5, 6].map((day) => ({
      day: day as 0 | 1 | 2 | 3 | 4 | 5 | 6,
      open: '00:00',
      close: '00:00',
    })),
    closures: [],
    pickup: { enabled: true, leadTimeMinutes: 60 },
    distanceKm: 2.1,
    ...overrides,
  };
}

export function availability(
  sku: string,
  status: StockStatus,
  quantity?: number,
  storeId: string | null = null,
): Availability {
  return {
    sku,
    storeId,
    status,
    ...(quantity === undefined ? {} : { quantity }),
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

export function entry(
  sku: string,
  store: Store,
  status?: StockStatus,
  quantity?: number,
): StoreStock {
  return {
    store,
    availability: status ? availability(sku, status, quantity, store.id) : undefined,
  };
}

export function stockResult(sku: string, stores: StoreStock[], online?: StockStatus): StockResult {
  return { sku, stores, online: online ? availability(sku, online) : undefined };
}

/** A fresh answer fetched now. */
export function fresh(
  value: StockResult,
  overrides: Partial<Fresh<StockResult>> = {},
): SwrResult<StockResult> {
  return { value, updatedAt: Date.now(), stale: false, source: 'network', ...overrides };
}

export const POSTAL_00100: ShopperLocation = { kind: 'postal', postalCode: '00100', country: 'KE' };
