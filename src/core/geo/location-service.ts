/**
 * The shopper's location, shared by every widget and remembered across visits through a
 * `PreferenceStore`. Memory is the source of truth for the session; storage is best-effort, so a
 * failing IndexedDB never breaks the page. ("My store" is its own service: `stores/my-store.ts`.)
 */
import type { PreferenceStore } from '../cache/types.js';
import { createListeners, serialWrites } from '../listeners.js';
import type { LocationService, ShopperLocation } from './location.js';

/** Preference key this service owns. */
export const LOCATION_PREF_KEY = 'location';

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
  /** Injected for tests and embedders; defaults to `navigator.geolocation`. */
  geolocation?: Geolocation;
}

/**
 * Builds the `LocationService`. `ready` resolves once the remembered location is loaded (also when
 * storage fails: the default applies), or at once when none can be stored (a first visit).
 * Setters update memory and notify subscribers synchronously, then persist; a persist failure is
 * swallowed. A location chosen before `ready` wins over the stored one.
 */
export function createLocationService(
  prefs: PreferenceStore,
  options: LocationServiceOptions = {},
): LocationService {
  const defaultLocation = sanitizeShopperLocation(options.defaultLocation);
  const listeners = createListeners('location');
  const notify = () => listeners.notify();
  const writes = serialWrites('the location choice');
  const persist = writes.persist;
  let shopperLocation: ShopperLocation | undefined;
  // Set once the shopper chooses in this session, so a slow load cannot overwrite the choice.
  let locationTouched = false;

  const isLocation = (value: unknown): value is ShopperLocation =>
    sanitizeShopperLocation(value) !== undefined;

  let loaded = false;
  const load = prefs
    .get(LOCATION_PREF_KEY, isLocation)
    .catch(() => undefined)
    .then((stored) => {
      loaded = true;
      const location = sanitizeShopperLocation(stored);
      if (!locationTouched && location) {
        shopperLocation = location;
        notify();
      }
    });
  // Nothing stored yet (a first visit): the default applies at once, instead of after IndexedDB
  // has opened to say so. A location stored after all (by a version before the marker) still
  // arrives and is applied, like a choice made in another tab.
  const nothingStored = prefs.mayHave?.(LOCATION_PREF_KEY) === false;
  if (nothingStored) loaded = true;
  const ready = nothingStored ? Promise.resolve() : load;

  const service: LocationService = {
    ready,
    get loaded() {
      return loaded;
    },
    get location() {
      return shopperLocation ?? defaultLocation;
    },
    get isShopperChoice() {
      return shopperLocation !== undefined;
    },
    subscribe: (listener) => listeners.add(listener),
    setLocation(location) {
      const clean = sanitizeShopperLocation(location);
      if (!clean) return Promise.reject(new TypeError('Invalid shopper location'));
      locationTouched = true;
      if (sameLocation(clean, shopperLocation)) return writes.settled;
      shopperLocation = clean;
      notify();
      return persist(() => prefs.set(LOCATION_PREF_KEY, clean));
    },
    clearLocation() {
      locationTouched = true;
      if (shopperLocation === undefined) return writes.settled;
      shopperLocation = undefined;
      notify();
      return persist(() => prefs.delete(LOCATION_PREF_KEY));
    },
    async locate() {
      // Loaded when the shopper asks: pages that never locate (badges) never load it.
      const { getCurrentPosition } = await import('./geolocation.js');
      const position = await getCurrentPosition({ geolocation: options.geolocation });
      const location: ShopperLocation = {
        kind: 'coords',
        lat: roundCoord(position.lat),
        lng: roundCoord(position.lng),
      };
      await service.setLocation(location);
      return location;
    },
  };
  return service;
}

/**
 * A view of a shared location service with its own merchant default: the shopper's choice is
 * shared by every widget on the page, while each configuration (page, provider) can name its own
 * default location, and change it later.
 */
export function withDefaults(
  base: LocationService,
  defaults: Pick<LocationServiceOptions, 'defaultLocation'>,
): LocationService {
  const defaultLocation = sanitizeShopperLocation(defaults.defaultLocation);
  if (!defaultLocation) return base;
  return {
    ready: base.ready,
    get loaded() {
      return base.loaded;
    },
    get location() {
      return base.location ?? defaultLocation;
    },
    get isShopperChoice() {
      return base.isShopperChoice;
    },
    subscribe: (listener) => base.subscribe(listener),
    setLocation: (location) => base.setLocation(location),
    clearLocation: () => base.clearLocation(),
    locate: () => base.locate(),
  };
}
