import { expect } from '@open-wc/testing';
import type { PreferenceStore } from '../../../src/core/cache/types.js';
import { GeolocationError, getCurrentPosition } from '../../../src/core/geo/geolocation.js';
import type { ShopperLocation } from '../../../src/core/geo/location.js';
import {
  createLocationService,
  sanitizeShopperLocation,
} from '../../../src/core/geo/location-service.js';

/** A PreferenceStore in a Map, with switches to make reads or writes fail. */
class FakePrefs implements PreferenceStore {
  readonly data = new Map<string, unknown>();
  /** Says that nothing can be stored (a first visit). */
  empty = false;
  failReads = false;
  failWrites = false;
  /** Delays every read until `release()` is called. */
  private gate: Promise<void> | undefined;
  private openGate: (() => void) | undefined;

  constructor(initial: Record<string, unknown> = {}) {
    for (const [key, value] of Object.entries(initial)) this.data.set(key, value);
  }

  mayHave(): boolean {
    return !this.empty;
  }

  hold(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  release(): void {
    this.openGate?.();
  }

  async get<T>(key: string, check: (value: unknown) => value is T): Promise<T | undefined> {
    await this.gate;
    if (this.failReads) throw new DOMException('blocked', 'UnknownError');
    const value: unknown = structuredClone(this.data.get(key));
    if (value === undefined) return undefined;
    if (check(value)) return value;
    this.data.delete(key);
    return undefined;
  }

  async set<T>(key: string, value: T): Promise<void> {
    if (this.failWrites) throw new DOMException('quota', 'QuotaExceededError');
    this.data.set(key, structuredClone(value));
  }

  async delete(key: string): Promise<void> {
    if (this.failWrites) throw new DOMException('quota', 'QuotaExceededError');
    this.data.delete(key);
  }
}

type Outcome =
  { ok: true; lat: number; lng: number } | { ok: false; code: number } | { hang: true };

/** A Geolocation that answers every request with `outcome` (asynchronously, like browsers). */
function fakeGeolocation(outcome: Outcome): Geolocation & { lastOptions?: PositionOptions } {
  const fake = {
    lastOptions: undefined as PositionOptions | undefined,
    getCurrentPosition(
      success: PositionCallback,
      failure?: PositionErrorCallback | null,
      options?: PositionOptions,
    ) {
      fake.lastOptions = options;
      if ('hang' in outcome) return;
      setTimeout(() => {
        if (outcome.ok) {
          success({
            coords: { latitude: outcome.lat, longitude: outcome.lng, accuracy: 1500 },
            timestamp: Date.now(),
          } as GeolocationPosition);
        } else {
          failure?.({ code: outcome.code, message: '' } as GeolocationPositionError);
        }
      });
    },
    watchPosition: () => 0,
    clearWatch: () => {},
  };
  return fake as unknown as Geolocation & { lastOptions?: PositionOptions };
}

const NAIROBI: ShopperLocation = { kind: 'coords', lat: -1.292, lng: 36.822 };
const POSTAL: ShopperLocation = { kind: 'postal', postalCode: '00100', country: 'KE' };

describe('getCurrentPosition', () => {
  it('resolves with the coordinates and asks for a coarse, cached fix', async () => {
    const geolocation = fakeGeolocation({ ok: true, lat: 14.5995, lng: 120.9842 });
    const position = await getCurrentPosition({ geolocation, timeoutMs: 5000 });
    expect(position).to.deep.equal({ lat: 14.5995, lng: 120.9842 });
    expect(geolocation.lastOptions).to.deep.equal({
      enableHighAccuracy: false,
      maximumAge: 600000,
      timeout: 5000,
    });
  });

  for (const [code, kind] of [
    [1, 'denied'],
    [2, 'unavailable'],
    [3, 'timeout'],
  ] as const) {
    it(`rejects with kind '${kind}' for error code ${code}`, async () => {
      const error = await getCurrentPosition({
        geolocation: fakeGeolocation({ ok: false, code }),
      }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(GeolocationError);
      expect((error as GeolocationError).kind).to.equal(kind);
    });
  }

  it('rejects (never throws) with unsupported when the API throws', async () => {
    const geolocation = {
      getCurrentPosition() {
        throw new Error('blocked by permissions policy');
      },
    } as unknown as Geolocation;
    let promise: Promise<unknown> | undefined;
    expect(() => (promise = getCurrentPosition({ geolocation }))).not.to.throw();
    const error = await promise!.catch((e: unknown) => e);
    expect((error as GeolocationError).kind).to.equal('unsupported');
  });

  it('rejects with timeout when the permission prompt is never answered', async () => {
    const error = await getCurrentPosition({
      geolocation: fakeGeolocation({ hang: true }),
      timeoutMs: 10,
      promptTimeoutMs: 10,
    }).catch((e: unknown) => e);
    expect((error as GeolocationError).kind).to.equal('timeout');
  });
});

describe('createLocationService', () => {
  describe('defaults and remembered values', () => {
    it('uses the merchant default until the shopper chooses', async () => {
      const service = createLocationService(new FakePrefs(), { defaultLocation: POSTAL });
      await service.ready;
      expect(service.location).to.deep.equal(POSTAL);
      expect(service.isShopperChoice).to.equal(false);
    });

    it('has no location at all without defaults or a remembered value', async () => {
      const service = createLocationService(new FakePrefs());
      await service.ready;
      expect(service.location).to.equal(undefined);
    });

    it('loads the remembered location, which wins over the default', async () => {
      const prefs = new FakePrefs({ location: NAIROBI });
      const service = createLocationService(prefs, { defaultLocation: POSTAL });
      await service.ready;
      expect(service.location).to.deep.equal(NAIROBI);
      expect(service.isShopperChoice).to.equal(true);
    });

    it('notifies subscribers when remembered values arrive', async () => {
      const service = createLocationService(new FakePrefs({ location: NAIROBI }));
      let calls = 0;
      service.subscribe(() => calls++);
      await service.ready;
      expect(calls).to.equal(1);
    });

    it('ignores a corrupt stored value, and deletes it', async () => {
      const prefs = new FakePrefs({ location: { kind: 'coords', lat: 'x', lng: 500 } });
      const service = createLocationService(prefs);
      await service.ready;
      expect(service.location).to.equal(undefined);
      expect(service.isShopperChoice).to.equal(false);
      expect(prefs.data.has('location')).to.equal(false);
    });

    it('resolves ready with the defaults when storage cannot be read', async () => {
      const prefs = new FakePrefs({ location: NAIROBI });
      prefs.failReads = true;
      const service = createLocationService(prefs, { defaultLocation: POSTAL });
      await service.ready;
      expect(service.location).to.deep.equal(POSTAL);
    });

    it('keeps a choice made before the remembered values finished loading', async () => {
      const prefs = new FakePrefs({ location: NAIROBI });
      prefs.hold();
      const service = createLocationService(prefs);
      await service.setLocation(POSTAL);
      prefs.release();
      await service.ready;
      expect(service.location).to.deep.equal(POSTAL);
    });

    it('is loaded at once, with the default, when nothing is probably stored (a first visit)', async () => {
      const prefs = new FakePrefs();
      prefs.empty = true;
      prefs.hold(); // IndexedDB still opening
      const service = createLocationService(prefs, { defaultLocation: POSTAL });
      expect(service.loaded).to.equal(true);
      expect(service.location).to.deep.equal(POSTAL);
      let ready = false;
      void service.ready.then(() => (ready = true));
      await Promise.resolve();
      expect(ready).to.equal(true);
    });

    it('still applies a location stored after all (by an older version), and notifies', async () => {
      const prefs = new FakePrefs({ location: NAIROBI });
      prefs.empty = true;
      prefs.hold();
      const service = createLocationService(prefs, { defaultLocation: POSTAL });
      let calls = 0;
      service.subscribe(() => calls++);
      await service.ready;
      expect(service.location).to.deep.equal(POSTAL);
      prefs.release();
      await new Promise((r) => setTimeout(r, 0));
      expect(service.location).to.deep.equal(NAIROBI);
      expect(calls).to.equal(1);
    });

    it('is loaded only once remembered values are read when something may be stored', async () => {
      const prefs = new FakePrefs({ location: NAIROBI });
      prefs.hold();
      const service = createLocationService(prefs, { defaultLocation: POSTAL });
      expect(service.loaded).to.equal(false);
      prefs.release();
      await service.ready;
      expect(service.loaded).to.equal(true);
      expect(service.location).to.deep.equal(NAIROBI);
    });
  });

  describe('choices', () => {
    it('updates memory and notifies in the same tick, then persists', async () => {
      const prefs = new FakePrefs();
      const service = createLocationService(prefs, { defaultLocation: NAIROBI });
      await service.ready;
      let seen: ShopperLocation | undefined;
      service.subscribe(() => (seen = service.location));
      const done = service.setLocation(POSTAL);
      expect(seen).to.deep.equal(POSTAL);
      expect(service.isShopperChoice).to.equal(true);
      await done;
      expect(prefs.data.get('location')).to.deep.equal(POSTAL);
    });

    it("forgets the shopper's location again (the default then applies)", async () => {
      const prefs = new FakePrefs();
      const service = createLocationService(prefs, { defaultLocation: NAIROBI });
      await service.ready;
      await service.setLocation(POSTAL);
      expect(prefs.data.get('location')).to.deep.equal(POSTAL);
      await service.clearLocation();
      expect(service.location).to.deep.equal(NAIROBI);
      expect(service.isShopperChoice).to.equal(false);
      expect(prefs.data.has('location')).to.equal(false);
    });

    it('keeps working for the session when storage writes fail', async () => {
      const prefs = new FakePrefs();
      prefs.failWrites = true;
      const service = createLocationService(prefs);
      await service.ready;
      await service.setLocation(POSTAL);
      expect(service.location).to.deep.equal(POSTAL);
    });

    it('stops notifying after unsubscribe and survives a throwing listener', async () => {
      const service = createLocationService(new FakePrefs());
      await service.ready;
      let calls = 0;
      service.subscribe(() => {
        throw new Error('listener bug');
      });
      const unsubscribe = service.subscribe(() => calls++);
      await service.setLocation(POSTAL);
      unsubscribe();
      await service.setLocation(NAIROBI);
      expect(calls).to.equal(1);
    });

    it('rejects an invalid location and keeps the previous one', async () => {
      const service = createLocationService(new FakePrefs());
      await service.ready;
      await service.setLocation(POSTAL);
      const bad = { kind: 'coords', lat: 123, lng: 0 } as ShopperLocation;
      const error = await service.setLocation(bad).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(TypeError);
      expect(service.location).to.deep.equal(POSTAL);
    });

    it('keeps the last of several quick choices in storage', async () => {
      const prefs = new FakePrefs();
      const service = createLocationService(prefs);
      await service.ready;
      void service.setLocation(POSTAL);
      await service.setLocation(NAIROBI);
      expect(prefs.data.get('location')).to.deep.equal(NAIROBI);
    });
  });

  describe('locate', () => {
    it('sets and remembers the browser position, rounded to 3 decimals', async () => {
      const prefs = new FakePrefs();
      const service = createLocationService(prefs, {
        geolocation: fakeGeolocation({ ok: true, lat: -1.292066, lng: 36.821945 }),
      });
      await service.ready;
      const location = await service.locate();
      const expected = { kind: 'coords', lat: -1.292, lng: 36.822 };
      expect(location).to.deep.equal(expected);
      expect(service.location).to.deep.equal(expected);
      expect(service.isShopperChoice).to.equal(true);
      expect(prefs.data.get('location')).to.deep.equal(expected);
    });

    it('rejects with denied and leaves the location unchanged', async () => {
      const service = createLocationService(new FakePrefs(), {
        defaultLocation: POSTAL,
        geolocation: fakeGeolocation({ ok: false, code: 1 }),
      });
      await service.ready;
      const error = await service.locate().catch((e: unknown) => e);
      expect(error).to.be.instanceOf(GeolocationError);
      expect((error as GeolocationError).kind).to.equal('denied');
      expect(service.location).to.deep.equal(POSTAL);
      expect(service.isShopperChoice).to.equal(false);
    });

    it('rejects with timeout when the browser times out', async () => {
      const service = createLocationService(new FakePrefs(), {
        geolocation: fakeGeolocation({ ok: false, code: 3 }),
      });
      await service.ready;
      const error = await service.locate().catch((e: unknown) => e);
      expect((error as GeolocationError).kind).to.equal('timeout');
      expect(service.location).to.equal(undefined);
    });
  });
});

describe('sanitizeShopperLocation', () => {
  it('normalizes a postal location and drops unknown fields', () => {
    expect(
      sanitizeShopperLocation({ kind: 'postal', postalCode: ' 00100 ', country: 'ke', x: 1 }),
    ).to.deep.equal({ kind: 'postal', postalCode: '00100', country: 'KE' });
  });

  it('rejects malformed values', () => {
    for (const value of [
      null,
      'Nairobi',
      { kind: 'coords', lat: NaN, lng: 0 },
      { kind: 'postal', postalCode: '', country: 'KE' },
      { kind: 'postal', postalCode: '1', country: 'Kenya' },
      { kind: 'gps', lat: 0, lng: 0 },
    ]) {
      expect(sanitizeShopperLocation(value), JSON.stringify(value)).to.equal(undefined);
    }
  });
});
