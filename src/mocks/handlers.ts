/**
 * MSW request handlers implementing backend contract v1 (docs/openapi.yaml) over the demo db.
 * The same handlers run in the browser (service worker, `browser.ts`) and in Node over real HTTP
 * (`vite-plugin.ts`, through @mswjs/http-middleware).
 *
 * URL matching: MSW resolves a relative handler path against `location` in the browser and keeps
 * it relative in Node (where http-middleware rebases it on the server origin). A relative
 * `baseUrl` is therefore registered as `*<baseUrl>/...`, which matches that path on any origin in
 * both environments; an absolute `baseUrl` matches that origin only.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type {
  Availability,
  BackInStockRequest,
  Cart,
  CartOp,
  ErrorBody,
  Fulfillment,
  LatLng,
  MergeStrategy,
  Store,
} from '../core/api/types.js';
import {
  AVAILABILITY_MAX_SKUS,
  AVAILABILITY_MAX_STORES,
  STORE_IDS_MAX,
} from '../core/api/types.js';
import { haversineKm } from '../core/geo/distance.js';
import { addDays, dateInZone } from '../core/time/index.js';
import { geocodePostalCode } from './data/stores.js';
import { getShippingRules } from './data/shipping.js';
import { createDemoDb, DemoError, MAX_LINE_QTY, MAX_SLOT_DAYS, type DemoDb } from './db.js';
import { CORS_HEADERS, PREFLIGHT_HEADERS } from './cors.js';
import { applyFaults, faultState, type FaultState } from './faults.js';

export const DEFAULT_BASE_URL = '/api/omni/v1';

export interface HandlerOptions {
  /** Where contract v1 lives; relative ("/api/omni/v1") or absolute. */
  baseUrl?: string;
  db?: DemoDb;
  faults?: FaultState;
  /** Random source for `errorRate`; inject for deterministic tests. */
  random?: () => number;
}

const STORES_DEFAULT_LIMIT = 10;
const STORES_MAX_LIMIT = 100;
/** Half the Earth's circumference, rounded up: every place is within this distance. */
const MAX_RADIUS_KM = 20_100;
const MAX_POSTAL_CODE_LENGTH = 16;
const MAX_OPS = 50;
const SLOT_DEFAULT_DAYS = 7;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SKU = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,127}$/;

/** Turns a configured base URL into the MSW path prefix described in the module comment. */
export function handlerPrefix(baseUrl: string = DEFAULT_BASE_URL): string {
  const trimmed = baseUrl.trim().replace(/\/+$/, '');
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(trimmed)) return trimmed;
  return `*${trimmed.startsWith('/') ? '' : '/'}${trimmed}`;
}

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return HttpResponse.json(body as Record<string, unknown>, {
    status,
    headers: { ...CORS_HEADERS, ...headers },
  });
}

function error(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
) {
  const body: ErrorBody = { error: { code, message } };
  return json(body, status, headers);
}

const bad = (message: string) => new DemoError(400, 'invalid_request', message);

function etag(cart: Cart): string {
  return `"${cart.id}.v${cart.version}"`;
}

function cartResponse(cart: Cart, status = 200, extra: Record<string, string> = {}): Response {
  return json(cart, status, { ETag: etag(cart), 'Cache-Control': 'no-cache', ...extra });
}

// ---------------------------------------------------------------------------------------------
// Input parsing (throws DemoError 400 invalid_request)
// ---------------------------------------------------------------------------------------------

function list(params: URLSearchParams, name: string): string[] | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const items = [
    ...new Set(
      raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (items.length === 0) throw bad(`"${name}" must list at least one value.`);
  return items;
}

/**
 * A numeric query parameter from `min` to `max`; with `exclusiveMin`, it must be greater than
 * `min` (the contract's `exclusiveMinimum`).
 */
function number(
  params: URLSearchParams,
  name: string,
  { min, max, integer = false, exclusiveMin = false }: NumberBounds,
) {
  const raw = params.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (
    !Number.isFinite(value) ||
    (exclusiveMin ? value <= min : value < min) ||
    value > max ||
    (integer && !Number.isInteger(value))
  ) {
    const kind = integer ? 'an integer' : 'a number';
    const range = exclusiveMin ? `greater than ${min} and at most ${max}` : `from ${min} to ${max}`;
    throw bad(`"${name}" must be ${kind} ${range}.`);
  }
  return value;
}

interface NumberBounds {
  min: number;
  max: number;
  integer?: boolean;
  exclusiveMin?: boolean;
}

function parseLatLng(raw: string): LatLng {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(raw);
  const lat = match ? Number(match[1]) : NaN;
  const lng = match ? Number(match[2]) : NaN;
  if (!match || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    throw bad('"near" must be "LAT,LNG" in decimal degrees.');
  }
  return { lat, lng };
}

function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

async function readJson(request: Request): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw bad('The request body must be a JSON object.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw bad('The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

function requireString(body: Record<string, unknown>, name: string, pattern = ID): string {
  const value = body[name];
  if (typeof value !== 'string' || !pattern.test(value)) throw bad(`"${name}" is required.`);
  return value;
}

function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  return body[name] === undefined ? undefined : requireString(body, name);
}

function skuList(value: unknown, name = 'skus'): string[] {
  if (!Array.isArray(value) || !value.every((s) => typeof s === 'string' && SKU.test(s))) {
    throw bad(`"${name}" must be an array of skus.`);
  }
  if (value.length > AVAILABILITY_MAX_SKUS) throw bad(`At most ${AVAILABILITY_MAX_SKUS} skus.`);
  return [...new Set(value as string[])];
}

function parseFulfillment(value: unknown): Fulfillment {
  const f = value as Partial<{ type: unknown; storeId: unknown }> | null;
  if (f && typeof f === 'object' && f.type === 'ship') return { type: 'ship' };
  if (
    f &&
    typeof f === 'object' &&
    f.type === 'pickup' &&
    typeof f.storeId === 'string' &&
    f.storeId
  ) {
    return { type: 'pickup', storeId: f.storeId };
  }
  throw bad('"fulfillment" must be {"type":"ship"} or {"type":"pickup","storeId":"..."}.');
}

function qty(value: unknown, min: number): number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < min ||
    value > MAX_LINE_QTY
  ) {
    throw bad(`"qty" must be an integer from ${min} to ${MAX_LINE_QTY}.`);
  }
  return value;
}

function parseOps(body: Record<string, unknown>): CartOp[] {
  const ops = body['ops'];
  if (!Array.isArray(ops) || ops.length > MAX_OPS) {
    throw bad(`"ops" must be an array of at most ${MAX_OPS} operations.`);
  }
  return ops.map((raw: unknown, index): CartOp => {
    if (typeof raw !== 'object' || raw === null) throw bad(`ops[${index}] must be an object.`);
    const op = raw as Record<string, unknown>;
    switch (op['op']) {
      case 'add': {
        const out: CartOp = {
          op: 'add',
          sku: requireString(op, 'sku', SKU),
          qty: qty(op['qty'], 1),
        };
        if (op['fulfillment'] !== undefined) out.fulfillment = parseFulfillment(op['fulfillment']);
        return out;
      }
      case 'setQty':
        return { op: 'setQty', lineId: requireString(op, 'lineId'), qty: qty(op['qty'], 0) };
      case 'remove':
        return { op: 'remove', lineId: requireString(op, 'lineId') };
      case 'setFulfillment':
        return {
          op: 'setFulfillment',
          lineId: requireString(op, 'lineId'),
          fulfillment: parseFulfillment(op['fulfillment']),
        };
      default:
        throw bad(`ops[${index}].op must be one of add, setQty, remove, setFulfillment.`);
    }
  });
}

/**
 * The page a handoff URL should open: the storefront page that asked for the code (its
 * `Referer`), else the site root of the backend's origin.
 */
function handoffPage(request: Request): string {
  const candidates = [request.headers.get('Referer'), request.referrer];
  for (const candidate of candidates) {
    if (!candidate || candidate === 'about:client') continue;
    try {
      const url = new URL(candidate);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      /* not a URL */
    }
  }
  return new URL('/', request.url).href;
}

// ---------------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------------

type Resolver = (info: {
  request: Request;
  params: Record<string, string | readonly string[] | undefined>;
}) => Response | Promise<Response>;

export function createHandlers(options: HandlerOptions = {}): HttpHandler[] {
  const prefix = handlerPrefix(options.baseUrl);
  const db = options.db ?? createDemoDb();
  const faults = options.faults ?? faultState;
  const random = options.random ?? Math.random;

  /** Faults first, then the resolver; DemoErrors become contract error bodies. */
  const wrap =
    (resolver: Resolver): Resolver =>
    async (info) => {
      const faulty = await applyFaults(faults.getFaults(), random);
      if (faulty) return faulty;
      try {
        return await resolver(info);
      } catch (caught) {
        if (caught instanceof DemoError) return error(caught.status, caught.code, caught.message);
        console.error('[omni demo backend]', caught);
        return error(500, 'internal_error', 'The demo backend failed unexpectedly.');
      }
    };

  const param = (params: Record<string, string | readonly string[] | undefined>, name: string) =>
    String(params[name] ?? '');

  const url = (path: string) => `${prefix}${path}`;

  return [
    http.options(
      url('/*'),
      () => new HttpResponse(null, { status: 204, headers: PREFLIGHT_HEADERS }),
    ),

    // -- Stores --------------------------------------------------------------------------------
    http.get(
      url('/stores'),
      wrap(({ request }) => {
        const params = new URL(request.url).searchParams;
        const near = params.get('near');
        const postalCode = params.get('postalCode');
        const country = params.get('country');
        const ids = list(params, 'ids');
        if (ids && ids.length > STORE_IDS_MAX) {
          throw bad(`At most ${STORE_IDS_MAX} ids per request (got ${ids.length}).`);
        }
        if (ids && (params.has('radiusKm') || params.has('limit'))) {
          throw bad('"ids" cannot be combined with "radiusKm" or "limit".');
        }
        const radiusKm = number(params, 'radiusKm', {
          min: 0,
          max: MAX_RADIUS_KM,
          exclusiveMin: true,
        });
        const limit =
          number(params, 'limit', { min: 1, max: STORES_MAX_LIMIT, integer: true }) ??
          STORES_DEFAULT_LIMIT;
        if (near !== null && postalCode !== null)
          throw bad('Give "near" or "postalCode", not both.');

        let origin: LatLng | undefined;
        if (near !== null) {
          origin = parseLatLng(near);
        } else if (postalCode !== null) {
          if (!postalCode.trim()) throw bad('"postalCode" must not be empty.');
          if (postalCode.length > MAX_POSTAL_CODE_LENGTH) {
            throw bad(`"postalCode" must be at most ${MAX_POSTAL_CODE_LENGTH} characters.`);
          }
          if (!country || !/^[A-Za-z]{2}$/.test(country.trim())) {
            throw bad('"country" (ISO 3166-1 alpha-2) is required with "postalCode".');
          }
          origin = geocodePostalCode(postalCode, country);
          if (!origin) {
            throw new DemoError(
              404,
              'unknown_postal_code',
              `Unknown postal code "${postalCode}" in ${country}.`,
            );
          }
        } else if (radiusKm !== undefined) {
          throw bad('"radiusKm" needs "near" or "postalCode".');
        }

        let stores: Store[] = structuredClone(db.stores);
        if (ids) {
          // By id: in the order asked, unknown ids left out, distances when a place is given.
          const wanted = new Set(ids);
          stores = ids
            .map((id) => stores.find((store) => store.id === id))
            .filter((store): store is Store => store !== undefined && wanted.has(store.id));
          if (origin) {
            const from = origin;
            stores = stores.map((store) => ({
              ...store,
              distanceKm: Math.round(haversineKm(from, store.location) * 10) / 10,
            }));
          }
          return json({ stores });
        }
        if (origin) {
          const from = origin;
          stores = stores
            .map((store) => ({
              ...store,
              distanceKm: Math.round(haversineKm(from, store.location) * 10) / 10,
            }))
            .filter((store) => radiusKm === undefined || store.distanceKm <= radiusKm)
            .sort((a, b) => a.distanceKm - b.distanceKm);
        }
        return json({ stores: stores.slice(0, limit) });
      }),
    ),

    // -- Availability --------------------------------------------------------------------------
    http.get(
      url('/availability'),
      wrap(({ request }) => {
        const params = new URL(request.url).searchParams;
        const skus = list(params, 'skus');
        if (!skus) throw bad('"skus" is required.');
        if (skus.length > AVAILABILITY_MAX_SKUS) {
          throw bad(`At most ${AVAILABILITY_MAX_SKUS} skus per request (got ${skus.length}).`);
        }
        const storeIds = list(params, 'storeIds');
        if (storeIds && storeIds.length > AVAILABILITY_MAX_STORES) {
          throw bad(
            `At most ${AVAILABILITY_MAX_STORES} stores per request (got ${storeIds.length}).`,
          );
        }
        const locations: (string | null)[] = storeIds ?? [null];
        const availability: Availability[] = [];
        for (const sku of skus) {
          for (const storeId of locations) {
            const entry = db.availability(sku, storeId);
            if (entry) availability.push(entry);
          }
        }
        return json({ availability });
      }),
    ),

    // -- Pickup --------------------------------------------------------------------------------
    http.get(
      url('/pickup/slots'),
      wrap(({ request }) => {
        const params = new URL(request.url).searchParams;
        const storeId = params.get('storeId');
        if (!storeId) throw bad('"storeId" is required.');
        const skus = list(params, 'skus');
        if (!skus) throw bad('"skus" is required.');
        if (skus.length > AVAILABILITY_MAX_SKUS)
          throw bad(`At most ${AVAILABILITY_MAX_SKUS} skus.`);
        const days =
          number(params, 'days', { min: 1, max: MAX_SLOT_DAYS, integer: true }) ??
          SLOT_DEFAULT_DAYS;
        const store = db.findStore(storeId);
        if (!store) throw new DemoError(404, 'store_not_found', `No store "${storeId}".`);
        const today = dateInZone(db.now(), store.timezone);
        if (today === undefined) throw new Error(`Invalid timezone for store "${storeId}".`);
        const fromParam = params.get('from');
        if (fromParam !== null && !isValidDate(fromParam))
          throw bad('"from" must be a date YYYY-MM-DD.');
        // Days before today have no slots left; start the window today.
        let from = fromParam ?? today;
        let span = days;
        if (from < today) {
          const skipped = Math.round((Date.parse(today) - Date.parse(from)) / 86_400_000);
          span = Math.max(0, days - skipped);
          from = today;
        }
        if (from > addDays(today, 90)) throw bad('"from" must be within 90 days.');
        return json({ slots: span > 0 ? db.listSlots(storeId, skus, from, span) : [] });
      }),
    ),

    http.post(
      url('/pickup/reservations'),
      wrap(async ({ request }) => {
        const body = await readJson(request);
        const reservation = db.reserve({
          slotId: requireString(body, 'slotId'),
          storeId: requireString(body, 'storeId'),
          skus: skuList(body['skus']),
          ...(body['cartId'] !== undefined ? { cartId: optionalString(body, 'cartId')! } : {}),
        });
        return json(reservation, 201, {
          Location: `${new URL(request.url).pathname}/${reservation.id}`,
        });
      }),
    ),

    http.delete(
      url('/pickup/reservations/:id'),
      wrap(({ params }) => {
        db.cancelReservation(param(params, 'id'));
        return new HttpResponse(null, { status: 204, headers: CORS_HEADERS });
      }),
    ),

    // -- Shipping ------------------------------------------------------------------------------
    http.get(
      url('/shipping/rules'),
      wrap(({ request }) => {
        const country = new URL(request.url).searchParams.get('country')?.trim() ?? '';
        if (!/^[A-Za-z]{2}$/.test(country))
          throw bad('"country" (ISO 3166-1 alpha-2) is required.');
        const rules = getShippingRules(country);
        if (!rules) {
          throw new DemoError(
            404,
            'unsupported_country',
            `No shipping to "${country.toUpperCase()}".`,
          );
        }
        return json(rules, 200, { 'Cache-Control': 'max-age=3600' });
      }),
    ),

    // -- Carts ---------------------------------------------------------------------------------
    http.post(
      url('/carts'),
      wrap(({ request }) => {
        const cart = db.createCart();
        return cartResponse(cart, 201, { Location: `${new URL(request.url).pathname}/${cart.id}` });
      }),
    ),

    http.post(
      url('/carts/claim'),
      wrap(async ({ request }) => {
        const body = await readJson(request);
        const code = body['code'];
        if (typeof code !== 'string' || !code.trim()) throw bad('"code" is required.');
        return cartResponse(db.claim(code));
      }),
    ),

    http.get(
      url('/carts/:id'),
      wrap(({ request, params }) => {
        const cart = db.getCart(param(params, 'id'));
        const tag = etag(cart);
        const ifNoneMatch = request.headers.get('If-None-Match');
        if (
          ifNoneMatch &&
          ifNoneMatch.split(',').some((t) => t.trim() === tag || t.trim() === '*')
        ) {
          return new HttpResponse(null, { status: 304, headers: { ...CORS_HEADERS, ETag: tag } });
        }
        return cartResponse(cart);
      }),
    ),

    http.post(
      url('/carts/:id/ops'),
      wrap(async ({ request, params }) => {
        const cartId = param(params, 'id');
        const key = request.headers.get('Idempotency-Key')?.trim();
        if (!key) throw bad('The "Idempotency-Key" header is required.');
        if (key.length > 255) throw bad('"Idempotency-Key" must be at most 255 characters.');
        const current = db.getCart(cartId); // 404 cart_not_found first
        const body = await readJson(request);
        const fingerprint = JSON.stringify(body['ops'] ?? null);
        const stored = db.idempotency.get(`${cartId}|${key}`);
        if (stored) {
          if (stored.fingerprint !== fingerprint) {
            throw new DemoError(
              422,
              'idempotency_key_reused',
              'This Idempotency-Key was already used with a different request body.',
            );
          }
          const replay = stored.body as Cart;
          return cartResponse(replay, stored.status, { 'Idempotent-Replayed': 'true' });
        }
        const ops = parseOps(body);
        const ifMatch = request.headers.get('If-Match');
        if (ifMatch && ifMatch.trim() !== '*' && ifMatch.trim() !== etag(current)) {
          throw new DemoError(412, 'version_conflict', 'The cart changed since it was read.');
        }
        const cart = db.applyOps(cartId, ops);
        db.idempotency.set(`${cartId}|${key}`, { fingerprint, status: 200, body: cart });
        return cartResponse(cart);
      }),
    ),

    http.post(
      url('/carts/:id/handoff'),
      wrap(({ request, params }) => {
        const handoff = db.createHandoff(param(params, 'id'), handoffPage(request));
        return json(handoff, 200, { 'Cache-Control': 'no-store' });
      }),
    ),

    http.post(
      url('/carts/:id/merge'),
      wrap(async ({ request, params }) => {
        const body = await readJson(request);
        const sourceCartId = requireString(body, 'sourceCartId');
        const strategy = body['strategy'];
        if (strategy !== 'combine' && strategy !== 'replace' && strategy !== 'keep') {
          throw bad('"strategy" must be one of combine, replace, keep.');
        }
        return cartResponse(db.merge(param(params, 'id'), sourceCartId, strategy as MergeStrategy));
      }),
    ),

    // -- Notifications -------------------------------------------------------------------------
    http.post(
      url('/notify/back-in-stock'),
      wrap(async ({ request }) => {
        const body = await readJson(request);
        const sku = requireString(body, 'sku', SKU);
        const email = body['email'];
        if (typeof email !== 'string' || !EMAIL.test(email.trim()) || email.length > 254) {
          throw new DemoError(422, 'invalid_email', 'That email address does not look valid.');
        }
        const request_: BackInStockRequest = { sku, email: email.trim() };
        const storeId = optionalString(body, 'storeId');
        if (storeId !== undefined) request_.storeId = storeId;
        db.addNotification(request_);
        return new HttpResponse(null, { status: 202, headers: CORS_HEADERS });
      }),
    ),

    // -- Anything else under the base URL --------------------------------------------------------
    http.all(
      url('/*'),
      wrap(({ request }) =>
        error(404, 'not_found', `No route ${request.method} ${new URL(request.url).pathname}.`),
      ),
    ),
  ];
}
