/**
 * Demo stores for the embedded backend: real coordinates and IANA timezones in the cities of
 * our languages, plus a small postal-code table the demo backend geocodes with.
 *
 * Hours: a `close` earlier than `open` means the store closes after midnight (overnight).
 */
import type { DayOfWeek, LatLng, OpeningHours, Store } from '../../core/api/types.js';

const ALL_DAYS: DayOfWeek[] = [0, 1, 2, 3, 4, 5, 6];

/** The same hours every day except the days listed in `overrides` (null = closed). */
function week(
  open: string,
  close: string,
  overrides: Partial<Record<DayOfWeek, [string, string] | null>> = {},
): OpeningHours[] {
  const hours: OpeningHours[] = [];
  for (const day of ALL_DAYS) {
    const override = overrides[day];
    if (override === null) continue;
    const [o, c] = override ?? [open, close];
    hours.push({ day, open: o, close: c });
  }
  return hours;
}

/** Stores as the backend holds them (`distanceKm` is added per request). */
export const STORES: readonly Store[] = [
  {
    id: 'ke-nbo-westlands',
    name: 'Westlands',
    address: {
      line1: 'Sarit Centre, Karuna Road',
      city: 'Nairobi',
      region: 'Nairobi County',
      postalCode: '00800',
      country: 'KE',
    },
    location: { lat: -1.2609, lng: 36.8024 },
    timezone: 'Africa/Nairobi',
    phone: '+254 20 374 1200',
    hours: week('08:00', '21:00', { 0: ['10:00', '18:00'] }),
    closures: ['2026-12-12'], // Jamhuri Day
    pickup: { enabled: true, leadTimeMinutes: 60 },
  },
  {
    id: 'ke-nbo-cbd',
    name: 'Nairobi CBD',
    address: {
      line1: '14 Kenyatta Avenue',
      city: 'Nairobi',
      region: 'Nairobi County',
      postalCode: '00100',
      country: 'KE',
    },
    location: { lat: -1.2841, lng: 36.8219 },
    timezone: 'Africa/Nairobi',
    phone: '+254 20 221 6400',
    hours: week('07:30', '20:00', { 0: ['09:00', '17:00'] }),
    closures: ['2026-12-25'], // Christmas Day
    pickup: { enabled: true, leadTimeMinutes: 30 },
  },
  {
    id: 'ke-mba-moi',
    name: 'Mombasa',
    address: {
      line1: '120 Moi Avenue',
      city: 'Mombasa',
      region: 'Mombasa County',
      postalCode: '80100',
      country: 'KE',
    },
    location: { lat: -4.0622, lng: 39.6737 },
    timezone: 'Africa/Nairobi',
    phone: '+254 41 222 5580',
    hours: week('09:00', '22:00'),
    closures: ['2026-12-12'], // Jamhuri Day
    pickup: { enabled: true, leadTimeMinutes: 120 },
  },
  {
    id: 'ph-mnl-ermita',
    name: 'Manila Ermita',
    address: {
      line1: '1535 M. H. del Pilar Street',
      line2: 'Ermita',
      city: 'Manila',
      region: 'Metro Manila',
      postalCode: '1000',
      country: 'PH',
    },
    location: { lat: 14.5776, lng: 120.9823 },
    timezone: 'Asia/Manila',
    phone: '+63 2 8524 3100',
    // Late-night store: open until 02:00 Friday and Saturday nights.
    hours: week('10:00', '23:00', { 5: ['10:00', '02:00'], 6: ['10:00', '02:00'] }),
    closures: ['2026-11-30'], // Bonifacio Day
    pickup: { enabled: true, leadTimeMinutes: 45 },
  },
  {
    id: 'ph-ceb-itpark',
    name: 'Cebu IT Park',
    address: {
      line1: 'Geonzon Street, Cebu IT Park',
      line2: 'Apas',
      city: 'Cebu City',
      region: 'Cebu',
      postalCode: '6000',
      country: 'PH',
    },
    location: { lat: 10.3304, lng: 123.9063 },
    timezone: 'Asia/Manila',
    phone: '+63 32 231 7788',
    // Open around the clock on weekdays (BPO district), ordinary hours at weekends.
    hours: week('00:00', '23:59', { 0: ['10:00', '21:00'], 6: ['10:00', '21:00'] }),
    closures: ['2026-12-30'], // Rizal Day
    pickup: { enabled: true, leadTimeMinutes: 30 },
  },
  {
    id: 'no-osl-karljohan',
    name: 'Oslo Karl Johan',
    address: {
      line1: 'Karl Johans gate 16',
      city: 'Oslo',
      postalCode: '0154',
      country: 'NO',
    },
    location: { lat: 59.9114, lng: 10.7468 },
    timezone: 'Europe/Oslo',
    phone: '+47 22 33 41 00',
    // Closed on Sundays, as most Norwegian shops are.
    hours: week('10:00', '20:00', { 0: null, 6: ['10:00', '18:00'] }),
    closures: ['2026-12-26'], // Second day of Christmas
    pickup: { enabled: true, leadTimeMinutes: 60 },
  },
  {
    id: 'no-bgo-torget',
    name: 'Bergen Torgallmenningen',
    address: {
      line1: 'Torgallmenningen 8',
      city: 'Bergen',
      postalCode: '5014',
      country: 'NO',
    },
    location: { lat: 60.3928, lng: 5.3238 },
    timezone: 'Europe/Oslo',
    phone: '+47 55 21 60 00',
    hours: week('09:00', '21:00', { 0: ['12:00', '18:00'], 6: ['09:00', '18:00'] }),
    closures: ['2026-12-25'], // Christmas Day
    pickup: { enabled: true, leadTimeMinutes: 90 },
  },
  {
    id: 'lt-vno-gedimino',
    name: 'Vilnius Gedimino',
    address: {
      line1: 'Gedimino pr. 9',
      city: 'Vilnius',
      postalCode: 'LT-01103',
      country: 'LT',
    },
    location: { lat: 54.6872, lng: 25.2797 },
    timezone: 'Europe/Vilnius',
    phone: '+370 5 212 3400',
    hours: week('10:00', '21:00', { 0: ['10:00', '18:00'] }),
    closures: ['2026-12-24'], // Christmas Eve (public holiday in Lithuania)
    pickup: { enabled: true, leadTimeMinutes: 60 },
  },
  {
    id: 'lt-kun-laisves',
    name: 'Kaunas Laisvės alėja',
    address: {
      line1: 'Laisvės al. 76',
      city: 'Kaunas',
      postalCode: 'LT-44250',
      country: 'LT',
    },
    location: { lat: 54.8972, lng: 23.9136 },
    timezone: 'Europe/Vilnius',
    phone: '+370 37 20 1500',
    hours: week('10:00', '20:00', { 0: ['11:00', '17:00'] }),
    closures: ['2026-12-25'], // Christmas Day
    pickup: { enabled: false, leadTimeMinutes: 0 },
  },
  {
    id: 'ae-dxb-downtown',
    name: 'Dubai Downtown',
    address: {
      line1: 'Financial Center Street, Downtown Dubai',
      city: 'Dubai',
      region: 'Dubai',
      postalCode: '00000',
      country: 'AE',
    },
    location: { lat: 25.1985, lng: 55.2796 },
    timezone: 'Asia/Dubai',
    phone: '+971 4 339 8800',
    // Mall hours: until midnight, until 01:00 on Friday and Saturday nights.
    hours: week('10:00', '00:00', { 5: ['10:00', '01:00'], 6: ['10:00', '01:00'] }),
    closures: ['2026-12-02'], // UAE National Day (Eid Al Etihad)
    pickup: { enabled: true, leadTimeMinutes: 60 },
  },
  {
    id: 'eg-cai-zamalek',
    name: 'Cairo Zamalek',
    address: {
      line1: '26th of July Street 157',
      line2: 'Zamalek',
      city: 'Cairo',
      region: 'Cairo Governorate',
      postalCode: '11211',
      country: 'EG',
    },
    location: { lat: 30.0609, lng: 31.2197 },
    timezone: 'Africa/Cairo',
    phone: '+20 2 2735 0900',
    // Closed Friday mornings, open late every night.
    hours: week('10:00', '23:00', { 5: ['14:00', '23:30'] }),
    closures: ['2027-01-07'], // Coptic Christmas
    pickup: { enabled: true, leadTimeMinutes: 120 },
  },
  {
    id: 'us-sea-pike',
    name: 'Seattle Pike Street',
    address: {
      line1: '1520 Pike Place',
      city: 'Seattle',
      region: 'WA',
      postalCode: '98101',
      country: 'US',
    },
    location: { lat: 47.6097, lng: -122.3422 },
    timezone: 'America/Los_Angeles',
    phone: '+1 206 555 0142',
    hours: week('09:00', '21:00', { 0: ['10:00', '19:00'] }),
    closures: ['2026-11-26'], // Thanksgiving
    pickup: { enabled: true, leadTimeMinutes: 30 },
  },
  {
    id: 'us-aus-congress',
    name: 'Austin Congress Avenue',
    address: {
      line1: '600 Congress Avenue',
      city: 'Austin',
      region: 'TX',
      postalCode: '78701',
      country: 'US',
    },
    location: { lat: 30.2686, lng: -97.7428 },
    timezone: 'America/Chicago',
    phone: '+1 512 555 0187',
    hours: week('09:00', '22:00', { 0: ['11:00', '19:00'] }),
    closures: ['2026-12-25'], // Christmas Day
    pickup: { enabled: true, leadTimeMinutes: 45 },
  },
  {
    id: 'ke-nbo-karen',
    name: 'Karen',
    address: {
      line1: 'The Hub, Dagoretti Road',
      city: 'Nairobi',
      region: 'Nairobi County',
      postalCode: '00502',
      country: 'KE',
    },
    location: { lat: -1.3197, lng: 36.7073 },
    timezone: 'Africa/Nairobi',
    phone: '+254 20 389 0100',
    hours: week('09:00', '20:00', { 0: ['10:00', '17:00'] }),
    closures: ['2026-12-25'],
    pickup: { enabled: true, leadTimeMinutes: 90 },
  },
];

export interface PostalCodeEntry {
  country: string;
  code: string;
  location: LatLng;
}

/** Postal codes the demo backend can geocode; anything else is `unknown_postal_code`. */
export const POSTAL_CODES: readonly PostalCodeEntry[] = [
  // Kenya (5-digit postal codes of post offices)
  { country: 'KE', code: '00100', location: { lat: -1.2864, lng: 36.8172 } }, // Nairobi GPO
  { country: 'KE', code: '00800', location: { lat: -1.2676, lng: 36.8108 } }, // Westlands
  { country: 'KE', code: '00200', location: { lat: -1.3031, lng: 36.8286 } }, // City Square
  { country: 'KE', code: '00505', location: { lat: -1.3001, lng: 36.7848 } }, // Ngong Road
  { country: 'KE', code: '80100', location: { lat: -4.0435, lng: 39.6682 } }, // Mombasa GPO
  { country: 'KE', code: '80102', location: { lat: -4.0547, lng: 39.6636 } }, // Kilindini
  // Philippines (4 digits)
  { country: 'PH', code: '1000', location: { lat: 14.5833, lng: 120.9847 } }, // Ermita, Manila
  { country: 'PH', code: '1004', location: { lat: 14.5764, lng: 120.9881 } }, // Malate
  { country: 'PH', code: '1226', location: { lat: 14.5547, lng: 121.0244 } }, // Makati
  { country: 'PH', code: '6000', location: { lat: 10.3157, lng: 123.8854 } }, // Cebu City
  { country: 'PH', code: '6014', location: { lat: 10.3236, lng: 123.9223 } }, // Mandaue
  // Norway (4 digits)
  { country: 'NO', code: '0150', location: { lat: 59.9099, lng: 10.7489 } }, // Oslo sentrum
  { country: 'NO', code: '0154', location: { lat: 59.9114, lng: 10.7468 } },
  { country: 'NO', code: '0250', location: { lat: 59.9111, lng: 10.7267 } }, // Aker Brygge
  { country: 'NO', code: '5003', location: { lat: 60.3971, lng: 5.3226 } }, // Bergen Bryggen
  { country: 'NO', code: '5014', location: { lat: 60.3928, lng: 5.3238 } },
  // Lithuania ("LT-" + 5 digits; the prefix is optional when matching)
  { country: 'LT', code: 'LT-01100', location: { lat: 54.6871, lng: 25.2866 } }, // Vilnius old town
  { country: 'LT', code: 'LT-01103', location: { lat: 54.6872, lng: 25.2797 } },
  { country: 'LT', code: 'LT-03101', location: { lat: 54.6782, lng: 25.2867 } }, // Vilnius Naujamiestis
  { country: 'LT', code: 'LT-44250', location: { lat: 54.8972, lng: 23.9136 } }, // Kaunas centre
  { country: 'LT', code: 'LT-44280', location: { lat: 54.8985, lng: 23.9036 } },
  // UAE (no postal codes in everyday use; "00000" is what forms accept)
  { country: 'AE', code: '00000', location: { lat: 25.2048, lng: 55.2708 } }, // Dubai
  // Egypt (5 digits)
  { country: 'EG', code: '11211', location: { lat: 30.0609, lng: 31.2197 } }, // Zamalek
  { country: 'EG', code: '11511', location: { lat: 30.0444, lng: 31.2357 } }, // Cairo centre
  // United States (ZIP)
  { country: 'US', code: '98101', location: { lat: 47.6101, lng: -122.3364 } }, // Seattle
  { country: 'US', code: '98104', location: { lat: 47.6026, lng: -122.3284 } },
  { country: 'US', code: '78701', location: { lat: 30.2711, lng: -97.7437 } }, // Austin
  { country: 'US', code: '78704', location: { lat: 30.2428, lng: -97.7658 } },
];

/** Upper-case, without spaces or hyphens, without a leading country prefix ("LT-01100" -> "01100"). */
export function normalizePostalCode(code: string, country: string): string {
  const cc = country.trim().toUpperCase();
  let out = code.toUpperCase().replace(/[\s-]+/g, '');
  if (cc && out.startsWith(cc) && out.length > cc.length) out = out.slice(cc.length);
  return out;
}

/** Geocodes a postal code (case-, space- and hyphen-insensitive); undefined when unknown. */
export function geocodePostalCode(code: string, country: string): LatLng | undefined {
  const cc = country.trim().toUpperCase();
  const wanted = normalizePostalCode(code, cc);
  const hit = POSTAL_CODES.find(
    (entry) => entry.country === cc && normalizePostalCode(entry.code, cc) === wanted,
  );
  return hit ? { ...hit.location } : undefined;
}
