/**
 * Runtime schemas (Valibot) for every contract v1 response body. Objects drop unknown fields, so
 * a backend may add fields without breaking old widgets. Strings are only type-checked: a store
 * name such as `<img onerror=...>` stays that exact string, and components render it as text.
 *
 * Each schema is checked at compile time (`satisfies Output<...>`) so that its output type is
 * assignable to the matching interface in `types.ts`.
 */
import * as v from 'valibot';
import { OmniError } from './errors.js';
import type {
  Availability,
  Cart,
  CartHandoff,
  ErrorBody,
  PickupReservation,
  PickupSlot,
  ShippingRules,
  Store,
} from './types.js';

/** A schema whose output is assignable to `T` (used with `satisfies` as a compile-time check). */
type Output<T> = v.GenericSchema<unknown, T>;

const CLOCK_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
/** Closing times may also be "24:00" (open until midnight). */
const CLOSING_TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const ISO_DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
const ISO_DATE_TIME =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;
const CURRENCY = /^[A-Z]{3}$/;

const id = v.pipe(v.string(), v.minLength(1, 'expected a non-empty id'));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const clockTime = v.pipe(v.string(), v.regex(CLOCK_TIME, 'expected "HH:MM"'));
const isoDate = v.pipe(v.string(), v.regex(ISO_DATE, 'expected "YYYY-MM-DD"'));
const isoDateTime = v.pipe(v.string(), v.regex(ISO_DATE_TIME, 'expected an ISO 8601 timestamp'));
const currency = v.pipe(v.string(), v.regex(CURRENCY, 'expected an ISO 4217 code'));
const dayOfWeek = v.picklist([0, 1, 2, 3, 4, 5, 6]);

/**
 * An optional field that backends often send as `null` ("phone": null): null reads as absent, so
 * one store without a phone does not invalidate the whole answer.
 */
const absentOr = <T extends v.GenericSchema>(schema: T) =>
  v.pipe(
    v.nullish(schema),
    v.transform((value) => value ?? undefined),
  );

const money = v.object({
  amount: v.pipe(v.string(), v.regex(DECIMAL, 'expected a decimal string')),
  currency,
});

const dayRange = v.pipe(
  v.object({ min: count, max: count }),
  v.check((range) => range.min <= range.max, 'expected min <= max'),
);

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
  distanceKm: absentOr(v.pipe(v.number(), v.finite(), v.minValue(0))),
}) satisfies Output<Store>;

/** Body of `GET /stores`. */
export const StoresResponseSchema = v.object({
  stores: v.array(StoreSchema),
}) satisfies Output<{ stores: Store[] }>;

/** One stock record, as in `GET /availability`. */
export const AvailabilitySchema = v.object({
  sku: id,
  storeId: v.nullable(id),
  status: v.picklist(['in_stock', 'low_stock', 'out_of_stock', 'backorder', 'preorder']),
  quantity: absentOr(count),
  restockAt: absentOr(isoDateTime),
  updatedAt: isoDateTime,
}) satisfies Output<Availability>;

/** Body of `GET /availability`. */
export const AvailabilityResponseSchema = v.object({
  availability: v.array(AvailabilitySchema),
}) satisfies Output<{ availability: Availability[] }>;

/** One pickup slot. */
export const PickupSlotSchema = v.object({
  id,
  start: isoDateTime,
  end: isoDateTime,
  capacity: count,
  remaining: count,
}) satisfies Output<PickupSlot>;

/** Body of the pickup slots list: `{ slots: PickupSlot[] }`. */
export const PickupSlotsResponseSchema = v.object({
  slots: v.array(PickupSlotSchema),
}) satisfies Output<{ slots: PickupSlot[] }>;

/** Body of a pickup reservation (the reservation itself). */
export const PickupReservationSchema = v.object({
  id,
  slotId: id,
  expiresAt: isoDateTime,
}) satisfies Output<PickupReservation>;

/** Body of the shipping rules (the rules object itself). */
export const ShippingRulesSchema = v.object({
  origins: v.array(
    v.object({
      id,
      timezone: v.pipe(v.string(), v.minLength(1)),
      cutoffs: v.array(v.object({ day: dayOfWeek, time: clockTime })),
      handlingDays: dayRange,
      workdays: v.array(dayOfWeek),
      closures: v.array(isoDate),
    }),
  ),
  methods: v.array(
    v.object({
      id,
      label: v.string(),
      carrier: v.string(),
      price: money,
      freeOver: v.optional(money),
      transitDays: dayRange,
      deliveryDays: v.array(dayOfWeek),
      zones: v.optional(v.array(v.object({ postalPrefix: v.string(), transitDays: dayRange }))),
    }),
  ),
  holidays: v.array(isoDate),
}) satisfies Output<ShippingRules>;

const fulfillment = v.variant('type', [
  v.object({ type: v.literal('ship') }),
  v.object({ type: v.literal('pickup'), storeId: id }),
]);

/** Body of every cart response (the cart itself). */
export const CartSchema = v.object({
  id,
  version: count,
  currency,
  lines: v.array(
    v.object({
      id,
      sku: id,
      title: v.string(),
      qty: v.pipe(count, v.minValue(1)),
      unitPrice: money,
      fulfillment,
    }),
  ),
  subtotal: money,
  updatedAt: isoDateTime,
}) satisfies Output<Cart>;

/**
 * Body of a cart handoff. `url` must be absolute http(s): components may put it in an `href`
 * or a QR code, so `javascript:` and relative URLs are rejected here.
 */
export const CartHandoffSchema = v.object({
  code: v.pipe(v.string(), v.minLength(1)),
  url: v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//i, 'expected an http(s) URL')),
  expiresAt: isoDateTime,
}) satisfies Output<CartHandoff>;

/** Error body of every non-2xx response: `{ error: { code, message } }`. */
export const ErrorBodySchema = v.object({
  error: v.object({ code: v.pipe(v.string(), v.minLength(1)), message: v.string() }),
}) satisfies Output<ErrorBody>;

/**
 * Validates a parsed response body. Returns the typed value, or throws
 * `OmniError('invalid_response')` naming the path of the first issue (for developers; the
 * received value is left out of the message, it may be large or hostile).
 */
export function parseResponse<const TSchema extends v.GenericSchema>(
  schema: TSchema,
  data: unknown,
  status: number,
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, data, { abortEarly: true });
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = v.getDotPath(issue) ?? '(body)';
  const detail =
    issue.type === 'regex' || issue.type === 'check'
      ? issue.message
      : issue.expected
        ? `expected ${issue.expected}`
        : `invalid ${issue.type}`;
  throw new OmniError(
    'invalid_response',
    `HTTP ${status} body does not match contract v1 at ${path}: ${detail}`,
    { status, cause: result.issues },
  );
}
