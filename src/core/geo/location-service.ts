/**
 * The shopper's location and "my store", shared by every widget and remembered across visits
 * through a `PreferenceStore`. Memory is the source of truth for the session; storage is
 * best-effort, so a failing IndexedDB never breaks the page.
 */
import type { PreferenceStore } from '../cache/types.js';
import type { LocationService } from '../stock/types.js';
import { getCurrentPosition } from './geolocation.js';
import type { ShopperLocation } from './location.js';

/** Preference keys this service owns. */
export const LOCATION_PREF_KEY = 'location';
export const MY_STORE_PREF_KEY = 'myStoreId';

/** Decimal places kept from a browser position: 3 is about 100 m, enough to rank stores. */
const COORD_DECIMALS = 3;
const MAX_TEXT_LENGTH = 200;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const shortText = (v: unknown): v is string =>
  typeof v === 'string' && v.trim() !== '' && v.length <= MAX_TEXT_LENGTH;

/**
 * A clean copy of `value` when it is a well-formed `ShopperLocation`, else undefined. Used on
 * everything read back from storage, which may be stale, corrupt or written by another version.
 */
export function sanitizeShopperLocation(value: unknown): ShopperLocation | undefined {
  if (!isObject(value)) return undefined;
  if (value.kind === 'coords') {
    const { lat, lng } = value;
    if (typeof lat !== 'number' || typeof lng !== 'number') return undefined;
    if (!Number.isFinite(lat) || !Number.isFinite(lng)) return undefined;
    if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return undefined;
    return { kind: 'coords', lat, lng };
  }
  if (value.kind === 'postal') {
    const { postalCode, country } = value;
    if (!shortText(postalCode) || typeof country !== 'string' || !/^[A-Za-z]{2}$/.test(country)) {
      return undefined;
    }
    return { kind: 'postal', postalCode: postalCode.trim(), country: country.toUpperCase() };
  }
  return undefined;
}

function sanitizeStoreId(value: unknown): string | undefined {
  return shortText(value) ? value : undefined;
}

function sameLocation(a: ShopperLocation | undefined, b: ShopperLocation | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.kind === 'coords' && b.kind === 'coords') return a.lat === b.lat && a.lng === b.lng;
  if (a.kind === 'postal' && b.kind === 'postal') {
    return a.postalCode === b.postalCode && a.country === b.country;
  }
  return false;
}

const roundCoord = (n: number): number => {
  const factor = 10 ** COORD_DECIMALS;
  return Math.round(n * factor) / factor;
};

/** Options of `createLocationService`. */
export interface LocationServiceOptions {
  /** The merchant's default location, used until the shopper gives one. */
  defaultLocation?: ShopperLocation;
  /** The merchant's default store, used until the shopper picks one. */
  defaultStoreId?: string;
  /** Injected for tests and embedders; defaults to `navigator.geolocation`. */
  geolocation?: Geolocation;
}

/**
 * Builds the `LocationService`. `ready` resolves once remembered values are loaded (also when
 * storage fails: defaults apply). Setters update memory and notify subscribers synchronously,
 * then persist; a persist failure is swallowed. `setMyStore(undefined)` forgets the shopper's
 * store, so the merchant default applies again. Values chosen before `ready` win over stored ones.
 */
export function createLocationService(
  prefs: PreferenceStore,
  options: LocationServiceOptions = {},
): LocationService {
  const defaultLocation = sanitizeShopperLocation(options.defaultLocation);
  const defaultStoreId = sanitizeStoreId(options.defaultStoreId);
  const listeners = new Set<() => void>();
  let shopperLocation: ShopperLocation | undefined;
  let shopperStoreId: string | undefined;
  // Set once the shopper chooses in this session, so a slow load cannot overwrite the choice.
  let locationTouched = false;
  let storeTouched = false;
  // Writes run one after another so the last choice is the one that stays stored.
  let writes: Promise<void> = Promise.resolve();

  const notify = (): void => {
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        console.error('[omnishelf] location listener failed', error);
      }
    }
  };

  const persist = (write: () => Promise<void>): Promise<void> => {
    writes = writes.then(write).catch((error: unknown) => {
      console.warn('[omnishelf] could not remember the location choice', error);
    });
    return writes;
  };

  const read = async (key: string): Promise<unknown> => {
    try {
      return await prefs.get<unknown>(key);
    } catch {
      return undefined;
    }
  };

  const ready = Promise.all([read(LOCATION_PREF_KEY), read(MY_STORE_PREF_KEY)]).then(
    ([storedLocation, storedStoreId]) => {
      let changed = false;
      const location = sanitizeShopperLocation(storedLocation);
      if (!locationTouched && location) {
        shopperLocation = location;
        changed = true;
      }
      const storeId = sanitizeStoreId(storedStoreId);
      if (!storeTouched && storeId) {
        shopperStoreId = storeId;
        changed = true;
      }
      if (changed) notify();
    },
  );

  const service: LocationService = {
    ready,
    get location() {
      return shopperLocation ?? defaultLocation;
    },
    get isShopperChoice() {
      return shopperLocation !== undefined;
    },
    get myStoreId() {
      return shopperStoreId ?? defaultStoreId;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    setLocation(location) {
      const clean = sanitizeShopperLocation(location);
      if (!clean) return Promise.reject(new TypeError('Invalid shopper location'));
      locationTouched = true;
      if (sameLocation(clean, shopperLocation)) return writes;
      shopperLocation = clean;
      notify();
      return persist(() => prefs.set(LOCATION_PREF_KEY, clean));
    },
    async locate() {
      const position = await getCurrentPosition({ geolocation: options.geolocation });
      const location: ShopperLocation = {
        kind: 'coords',
        lat: roundCoord(position.lat),
        lng: roundCoord(position.lng),
      };
      await service.setLocation(location);
      return location;
    },
    setMyStore(storeId) {
      const clean = storeId === undefined ? undefined : sanitizeStoreId(storeId);
      if (storeId !== undefined && !clean) {
        return Promise.reject(new TypeError('Invalid store id'));
      }
      storeTouched = true;
      if (clean === shopperStoreId) return writes;
      shopperStoreId = clean;
      notify();
      return persist(() =>
        clean === undefined ? prefs.delete(MY_STORE_PREF_KEY) : prefs.set(MY_STORE_PREF_KEY, clean),
      );
    },
  };
  return service;
}

/**
 * A view of a shared location service with its own merchant defaults: the shopper's choices are
 * shared by every widget on the page, while each configuration (page, provider) can name its own
 * default location and store, and change them later.
 */
export function withDefaults(
  base: LocationService,
  defaults: Pick<LocationServiceOptions, 'defaultLocation' | 'defaultStoreId'>,
): LocationService {
  const defaultLocation = sanitizeShopperLocation(defaults.defaultLocation);
  const defaultStoreId = sanitizeStoreId(defaults.defaultStoreId);
  if (!defaultLocation && !defaultStoreId) return base;
  return {
    ready: base.ready,
    get location() {
      return base.location ?? defaultLocation;
    },
    get isShopperChoice() {
      return base.isShopperChoice;
    },
    get myStoreId() {
      return base.myStoreId ?? defaultStoreId;
    },
    subscribe: (listener) => base.subscribe(listener),
    setLocation: (location) => base.setLocation(location),
    locate: () => base.locate(),
    setMyStore: (storeId) => base.setMyStore(storeId),
  };
}
