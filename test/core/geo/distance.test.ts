import { expect } from '@open-wc/testing';
import type { Store } from '../../../src/core/api/types.js';
import { directionsUrl, haversineKm, resolveUnit } from '../../../src/core/geo/distance.js';

describe('haversineKm', () => {
  it('is zero for the same point', () => {
    expect(haversineKm({ lat: -1.2921, lng: 36.8219 }, { lat: -1.2921, lng: 36.8219 })).to.equal(0);
  });

  it('measures Nairobi to Mombasa as about 440 km', () => {
    const km = haversineKm({ lat: -1.2921, lng: 36.8219 }, { lat: -4.0435, lng: 39.6682 });
    expect(km).to.be.within(435, 445);
  });

  it('measures London to New York as about 5570 km, the same both ways', () => {
    const london = { lat: 51.5074, lng: -0.1278 };
    const newYork = { lat: 40.7128, lng: -74.006 };
    expect(haversineKm(london, newYork)).to.be.within(5560, 5580);
    expect(haversineKm(newYork, london)).to.be.closeTo(haversineKm(london, newYork), 1e-9);
  });

  it('handles the antimeridian (a short hop, not around the world)', () => {
    expect(haversineKm({ lat: 0, lng: 179.9 }, { lat: 0, lng: -179.9 })).to.be.below(25);
  });

  it('gives half the circumference for antipodes', () => {
    expect(haversineKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).to.be.within(20010, 20020);
  });
});

describe('resolveUnit', () => {
  it('keeps an explicit unit whatever the locale', () => {
    expect(resolveUnit('km', 'en-US')).to.equal('km');
    expect(resolveUnit('mi', 'de-DE')).to.equal('mi');
  });

  for (const locale of ['en-US', 'en-GB', 'my', 'en-LR', 'es-US', 'my-MM', 'cy-GB']) {
    it(`picks miles for ${locale}`, () => {
      expect(resolveUnit('auto', locale)).to.equal('mi');
    });
  }

  for (const locale of ['en-KE', 'sw-KE', 'fil-PH', 'de-DE', 'en-AU', 'ar-EG', 'en']) {
    it(`picks kilometres for ${locale}`, () => {
      expect(resolveUnit('auto', locale)).to.equal('km');
    });
  }

  it('falls back to kilometres for an invalid locale without throwing', () => {
    expect(resolveUnit('auto', 'not a locale!')).to.equal('km');
    expect(resolveUnit('auto', '')).to.equal('km');
  });
});

describe('directionsUrl', () => {
  const store: Pick<Store, 'location' | 'name' | 'address'> = {
    name: 'Omni & Sons "Westlands"',
    location: { lat: -1.2676, lng: 36.8108 },
    address: { line1: 'Waiyaki Way 1', city: 'Nairobi', postalCode: '00100', country: 'KE' },
  };

  it('points Google Maps directions at the store coordinates', () => {
    const url = new URL(directionsUrl(store));
    expect(url.origin + url.pathname).to.equal('https://www.google.com/maps/dir/');
    expect(url.searchParams.get('api')).to.equal('1');
    expect(url.searchParams.get('destination')).to.equal('-1.2676,36.8108');
  });

  it('falls back to an encoded name and address when coordinates are invalid', () => {
    const url = new URL(directionsUrl({ ...store, location: { lat: NaN, lng: 36.8 } }));
    expect(url.searchParams.get('destination')).to.equal(
      'Omni & Sons "Westlands", Waiyaki Way 1, Nairobi, 00100, KE',
    );
    // The ampersand is encoded, so it does not start a new parameter.
    expect([...url.searchParams.keys()]).to.deep.equal(['api', 'destination']);
  });
});
