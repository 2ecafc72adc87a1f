/** Contract v1 schemas of the stock capability: stores and availability. */
import * as v from 'valibot';
import { MAX_SKU_LENGTH, type Availability, type Store } from '../types.js';
import {
  absentOr,
  clockTime,
  CLOSING_TIME,
  count,
  dayOfWeek,
  id,
  isoDate,
  isoDateTime,
  type Output,
} from './common.js';

const address = v.object({
  line1: v.string(),
  line2: absentOr(v.string()),
  city: v.string(),
  region: absentOr(v.string()),
  postalCode: v.string(),
  country: v.string(),
});

const latLng = v.object({
  lat: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
  lng: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
});

/** One store, as in `GET /stores`. */
export const StoreSchema = v.object({
  id,
  name: v.string(),
  address,
  location: latLng,
  timezone: v.pipe(v.string(), v.minLength(1)),
  phone: absentOr(v.string()),
  hours: v.array(
    v.object({
      day: dayOfWeek,
      open: clockTime,
      close: v.pipe(v.string(), v.regex(CLOSING_TIME, 'expected "HH:MM"')),
    }),
  ),
  closures: v.array(isoDate),
  pickup: v.object({ enabled: v.boolean(), leadTimeMinutes: count }),
  distanceKm: absentOr(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(20100))),
}) satisfies Output<Store>;

/** Body of `GET /stores`. */
export const StoresResponseSchema = v.object({
  stores: v.array(StoreSchema),
}) satisfies Output<{ stores: Store[] }>;

/** One stock record, as in `GET /availability`. */
export const AvailabilitySchema = v.object({
  sku: v.pipe(id, v.maxLength(MAX_SKU_LENGTH)),
  storeId: v.nullable(id),
  status: v.picklist(['in_stock', 'low_stock', 'out_of_stock', 'backorder', 'preorder']),
  quantity: absentOr(v.pipe(count, v.maxValue(1_000_000_000))),
  restockAt: absentOr(isoDateTime),
  updatedAt: isoDateTime,
}) satisfies Output<Availability>;

/** Body of `GET /availability`. */
export const AvailabilityResponseSchema = v.object({
  availability: v.array(AvailabilitySchema),
}) satisfies Output<{ availability: Availability[] }>;
