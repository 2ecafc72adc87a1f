/**
 * Backend contract v1, as TypeScript types. `docs/openapi.yaml` is the normative text; the
 * runtime schemas in `schemas.ts` validate every response against these shapes.
 */

/** Decimal string amount plus ISO 4217 currency, e.g. `{ amount: "12.99", currency: "EUR" }`. */
export interface Money {
  amount: string;
  currency: string;
}

/** Local clock time "HH:MM". */
export type ClockTime = string;
/** Calendar date "YYYY-MM-DD". */
export type IsoDate = string;
/** ISO 8601 timestamp with offset. */
export type IsoDateTime = string;
/** 0 (Sunday) to 6 (Saturday). */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface Address {
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode: string;
  country: string;
}

export interface LatLng {
  lat: number;
  lng: number;
}

export interface OpeningHours {
  day: DayOfWeek;
  open: ClockTime;
  close: ClockTime;
}

export interface Store {
  id: string;
  name: string;
  address: Address;
  location: LatLng;
  /** IANA timezone, e.g. "Africa/Nairobi". */
  timezone: string;
  phone?: string;
  hours: OpeningHours[];
  closures: IsoDate[];
  pickup: { enabled: boolean; leadTimeMinutes: number };
  /** Present when the request gave a position or postal code. */
  distanceKm?: number;
}

export type StockStatus = 'in_stock' | 'low_stock' | 'out_of_stock' | 'backorder' | 'preorder';

export interface Availability {
  sku: string;
  /** null means online (warehouse) stock. */
  storeId: string | null;
  status: StockStatus;
  /** Omitted when the merchant hides counts. */
  quantity?: number;
  restockAt?: IsoDateTime;
  updatedAt: IsoDateTime;
}

/** Where the shopper is: coordinates, or a postal code the backend geocodes. */
export type StoreQuery =
  | { near: LatLng; radiusKm?: number; limit?: number }
  | { postalCode: string; country: string; radiusKm?: number; limit?: number };

/** `GET /stores?ids=`: stores by id, with `distanceKm` when a position or postal code is given. */
export type StoreIdsQuery =
  | { ids: string[] }
  | { ids: string[]; near: LatLng }
  | { ids: string[]; postalCode: string; country: string };

export interface AvailabilityQuery {
  skus: string[];
  /** Without store ids, online stock only. */
  storeIds?: string[];
}

export interface BackInStockRequest {
  sku: string;
  email: string;
  storeId?: string;
}

/** `GET /pickup/slots`. */
export interface PickupSlotQuery {
  storeId: string;
  /** 1 to 100 skus to collect. */
  skus: string[];
  /** First local date at the store; default today there. */
  from?: IsoDate;
  /** Days from `from`, 1 to 14 (default 7). */
  days?: number;
}

/** Body of `POST /pickup/reservations`. */
export interface PickupReservationRequest {
  slotId: string;
  storeId: string;
  skus: string[];
  cartId?: string;
}

export interface PickupSlot {
  id: string;
  start: IsoDateTime;
  end: IsoDateTime;
  capacity: number;
  remaining: number;
}

export interface PickupReservation {
  id: string;
  slotId: string;
  /**
   * When the hold lapses. Contract v1 requires it; clients read a missing or malformed one as
   * "unknown" (the hold is kept and released as usual, shown without a countdown).
   */
  expiresAt?: IsoDateTime;
}

export interface ShippingOrigin {
  id: string;
  timezone: string;
  cutoffs: { day: DayOfWeek; time: ClockTime }[];
  handlingDays: { min: number; max: number };
  workdays: DayOfWeek[];
  closures: IsoDate[];
}

export interface ShippingMethod {
  id: string;
  label: string;
  carrier: string;
  price: Money;
  freeOver?: Money;
  transitDays: { min: number; max: number };
  deliveryDays: DayOfWeek[];
  zones?: { postalPrefix: string; transitDays: { min: number; max: number } }[];
}

export interface ShippingRules {
  origins: ShippingOrigin[];
  methods: ShippingMethod[];
  holidays: IsoDate[];
}

/**
 * Shipping rules as a backend sends them: an object with the three lists, each entry not yet
 * checked. `validateShippingRules` (core/shipping) checks every origin, method and holiday and
 * leaves out only what is wrong, so that one bad method never costs the shopper the others.
 * `ShippingRules` is assignable to it.
 */
export interface UncheckedShippingRules {
  origins: readonly unknown[];
  methods: readonly unknown[];
  holidays: readonly unknown[];
}

export type Fulfillment = { type: 'ship' } | { type: 'pickup'; storeId: string };

export interface CartLine {
  id: string;
  sku: string;
  title: string;
  qty: number;
  unitPrice: Money;
  fulfillment: Fulfillment;
}

export interface Cart {
  id: string;
  version: number;
  currency: string;
  lines: CartLine[];
  subtotal: Money;
  updatedAt: IsoDateTime;
}

export type CartOp =
  | { op: 'add'; sku: string; qty: number; fulfillment?: Fulfillment }
  | { op: 'setQty'; lineId: string; qty: number }
  | { op: 'remove'; lineId: string }
  | { op: 'setFulfillment'; lineId: string; fulfillment: Fulfillment };

export interface CartHandoff {
  code: string;
  url: string;
  expiresAt: IsoDateTime;
}

export type MergeStrategy = 'combine' | 'replace' | 'keep';

/** Error body: `{"error": {"code": "...", "message": "..."}}`. */
export interface ErrorBody {
  error: { code: string; message: string };
}

/** Contract limits for one `GET /availability` request. */
export const AVAILABILITY_MAX_SKUS = 100;
export const AVAILABILITY_MAX_STORES = 50;
/** Contract limit of a sku's length; skus never contain a comma. */
export const MAX_SKU_LENGTH = 64;
/** True for a sku the contract can carry: 1 to 64 characters, no comma, no control characters. */
export function isValidSku(sku: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  return sku.length > 0 && sku.length <= MAX_SKU_LENGTH && !/[,\u0000-\u001f\u007f]/.test(sku);
}

/** Clients keep request URLs under this many characters, splitting long lists. */
export const MAX_URL_LENGTH = 4000;

/** Contract limit of `GET /stores?ids=`. */
export const STORE_IDS_MAX = 50;
