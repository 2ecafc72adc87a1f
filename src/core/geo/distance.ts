/** Distances between points, the unit shoppers expect, and links to directions. */
import type { LatLng, Store } from '../api/types.js';
import type { DistanceUnit } from '../config.js';

/** Mean Earth radius (IUGG), in kilometres. */
const EARTH_RADIUS_KM = 6371.0088;

const toRadians = (degrees: number): number => (degrees * Math.PI) / 180;

/** Great-circle distance in kilometres between two points (haversine formula). */
export function haversineKm(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  // min() guards against rounding pushing h a hair above 1 for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Regions that measure road distance in miles: the US, the UK, Liberia and Myanmar. */
const MILE_REGIONS: ReadonlySet<string> = new Set(['US', 'GB', 'LR', 'MM']);

/**
 * 'auto' -> 'mi' for en-US, en-GB, my, en-LR (and region US/GB/LR/MM), else 'km'.
 * Only an explicit region counts ("en" alone is 'km'); an invalid locale gives 'km'.
 */
export function resolveUnit(unit: DistanceUnit, locale: string): 'km' | 'mi' {
  if (unit === 'km' || unit === 'mi') return unit;
  try {
    const parsed = new Intl.Locale(locale);
    if (parsed.language === 'my') return 'mi';
    return parsed.region && MILE_REGIONS.has(parsed.region.toUpperCase()) ? 'mi' : 'km';
  } catch {
    return 'km';
  }
}

/**
 * A Google Maps directions link to the store, built with URLSearchParams: to its coordinates, or
 * to its name and address when the coordinates are missing or invalid.
 */
export function directionsUrl(store: Pick<Store, 'location' | 'name' | 'address'>): string {
  const { location, address } = store;
  const valid =
    location !== undefined &&
    Number.isFinite(location.lat) &&
    Number.isFinite(location.lng) &&
    Math.abs(location.lat) <= 90 &&
    Math.abs(location.lng) <= 180;
  const destination = valid
    ? `${location.lat},${location.lng}`
    : [store.name, address?.line1, address?.city, address?.postalCode, address?.country]
        .filter((part) => typeof part === 'string' && part.trim() !== '')
        .join(', ');
  const params = new URLSearchParams({ api: '1', destination });
  return `https://www.google.com/maps/dir/?${params.toString()}`;
}
