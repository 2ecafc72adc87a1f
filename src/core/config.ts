/**
 * Configuration model and how it is read. Three sources, later ones winning:
 * 1. defaults below;
 * 2. a page block `<script type="application/json" id="omnishelf-config">{...}</script>`;
 * 3. `configure({...})` from JavaScript (the only way to inject a custom `BackendClient`);
 * and `<omni-provider>` attributes for the widgets inside it.
 */
import type { BackendClient } from './api/backend-client.js';
import type { ShopperLocation } from './geo/location.js';

/** How much of the stock count shoppers see. */
export type StockDisplay = 'exact' | 'threshold' | 'status';
/** 'auto' picks miles for en-US, en-GB and my (Myanmar)/LR locales, kilometres elsewhere. */
export type DistanceUnit = 'auto' | 'km' | 'mi';

export interface OmniConfig {
  /** Base URL of contract v1, e.g. "https://shop.example/api/omni/v1". */
  apiBase: string;
  /** BCP 47 tag; 'auto' follows `<html lang>`, then the browser. */
  locale: string;
  /** ISO 4217 currency code for prices. */
  currency: string;
  /** ISO 3166 alpha-2 country for postal codes the shopper types (the default of `countries`). */
  country: string;
  /**
   * Every country whose postal codes shoppers may type; with more than one, the location
   * controls offer a choice. Empty: only `country`.
   */
  countries: string[];
  units: DistanceUnit;
  stockDisplay: StockDisplay;
  /** With `stockDisplay: 'threshold'`, counts at or below this show "Only N left". */
  lowStockThreshold: number;
  radiusKm: number;
  storeLimit: number;
  /** The merchant's default store, used until the shopper picks one. */
  defaultStoreId?: string;
  /** The merchant's default location, used until the shopper gives one. */
  defaultLocation?: ShopperLocation;
  /** Per-request timeout. */
  timeoutMs: number;
  /** Retries after the first attempt for network errors, 408, 429 and 5xx. */
  retries: number;
  /**
   * IndexedDB database name; also names the marker `omnishelf:stored:<name>` in localStorage, which
   * tells a first visit (nothing to read from the cache) from a later one.
   */
  cacheName: string;
  /**
   * The merchant's checkout page for `<omni-cart>`'s checkout link: http(s) or relative; `{cartId}`
   * is replaced by the cart id, else `cartId=<id>` is added to the query.
   */
  checkoutUrl?: string;
  /**
   * The origin whose `postMessage({ type: 'omnishelf:checkout-complete', cartId })` clears the
   * cart (a checkout in a popup or frame). Default: the origin of `checkoutUrl`.
   */
  checkoutOrigin?: string;
}

export interface ConfigureOptions extends Partial<OmniConfig> {
  /** Replaces `RestBackend`: for merchants whose platform speaks another API. */
  backend?: BackendClient;
}

export const DEFAULT_CONFIG: OmniConfig = {
  apiBase: '/api/omni/v1',
  locale: 'auto',
  currency: 'USD',
  country: 'US',
  countries: [],
  units: 'auto',
  stockDisplay: 'threshold',
  lowStockThreshold: 5,
  radiusKm: 50,
  storeLimit: 5,
  timeoutMs: 8000,
  retries: 3,
  cacheName: 'omnishelf',
};

export const CONFIG_SCRIPT_ID = 'omnishelf-config';

/** Bounds of `timeoutMs`. */
export const MIN_TIMEOUT_MS = 1000;
export const MAX_TIMEOUT_MS = 60_000;

/**
 * A base URL the widgets may call: an absolute http(s) URL, or a path on the page's own origin.
 * Anything else (`data:`, `javascript:`, `blob:`, protocol-relative `//host`) is refused.
 */
function isApiBase(value: string): boolean {
  if (/^https?:\/\/[^/\s]/i.test(value)) {
    try {
      return new URL(value).protocol.startsWith('http');
    } catch {
      return false;
    }
  }
  return !/^[a-z][a-z\d+.-]*:/i.test(value) && !value.startsWith('//') && !/\s/.test(value);
}

/** The contract's largest search radius (half the Earth's circumference). */
export const MAX_RADIUS_KM = 20100;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function positive(value: unknown, min = 0): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= min ? n : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * An http(s) URL, or one relative to the page (never `javascript:` or `data:`); with `origin`, an
 * absolute URL reduced to its origin.
 */
function webUrl(value: unknown, origin = false): string | undefined {
  const raw = text(value);
  if (!raw || raw.length > 2000 || /[\s\\]/.test(raw)) return undefined;
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(raw)?.[1]?.toLowerCase();
  if (origin) {
    if (scheme !== 'http' && scheme !== 'https') return undefined;
    try {
      return new URL(raw).origin;
    } catch {
      return undefined;
    }
  }
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return undefined;
  return raw.startsWith('//') ? undefined : raw;
}

function parseLocation(value: unknown): ShopperLocation | undefined {
  if (!isObject(value)) return undefined;
  const lat = positive(value.lat, -90);
  const lng = positive(value.lng, -180);
  if (lat !== undefined && lng !== undefined && lat <= 90 && lng <= 180) {
    return { kind: 'coords', lat, lng };
  }
  const postalCode = text(value.postalCode);
  const country = text(value.country);
  if (postalCode && country) return { kind: 'postal', postalCode, country: country.toUpperCase() };
  return undefined;
}

function oneOf<T extends string>(value: unknown, options: readonly T[]): T | undefined {
  return options.includes(value as T) ? (value as T) : undefined;
}

/** A list of ISO 3166 alpha-2 codes, as an array or comma-separated; undefined if any is bad. */
function countryList(value: unknown): string[] | undefined {
  const items = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(items)) return undefined;
  const codes = items.map((item) => (typeof item === 'string' ? item.trim().toUpperCase() : ''));
  if (codes.length === 0 || codes.length > 250 || !codes.every((c) => /^[A-Z]{2}$/.test(c))) {
    return undefined;
  }
  return [...new Set(codes)];
}

/**
 * The countries shoppers may choose for postal codes, the default first: `countries` (with
 * `country` first when it is among them), else `country` alone.
 */
export function postalCountries(config: Pick<OmniConfig, 'country' | 'countries'>): string[] {
  const list = config.countries.length > 0 ? config.countries : [config.country];
  return list.includes(config.country)
    ? [config.country, ...list.filter((c) => c !== config.country)]
    : list;
}

const warned = new Set<string>();

/**
 * Turns untrusted input (JSON block, attributes, JS) into a partial config, dropping any field
 * that is missing or of the wrong type, so one typo never breaks the page.
 */
export function sanitizeConfig(input: unknown): Partial<OmniConfig> {
  if (!isObject(input)) return {};
  const out: Partial<OmniConfig> = {};
  const apiBase = text(input.apiBase);
  if (apiBase && isApiBase(apiBase)) out.apiBase = apiBase.replace(/\/+$/, '');
  const locale = text(input.locale);
  if (locale) out.locale = locale;
  const currency = text(input.currency);
  if (currency && /^[A-Za-z]{3}$/.test(currency)) out.currency = currency.toUpperCase();
  const country = text(input.country);
  if (country && /^[A-Za-z]{2}$/.test(country)) out.country = country.toUpperCase();
  const countries = countryList(input.countries);
  if (countries) out.countries = countries;
  const units = oneOf(input.units, ['auto', 'km', 'mi'] as const);
  if (units) out.units = units;
  const stockDisplay = oneOf(input.stockDisplay, ['exact', 'threshold', 'status'] as const);
  if (stockDisplay) out.stockDisplay = stockDisplay;
  const threshold = positive(input.lowStockThreshold);
  if (threshold !== undefined) out.lowStockThreshold = Math.floor(threshold);
  const radiusKm = positive(input.radiusKm, 0.1);
  if (radiusKm !== undefined) out.radiusKm = Math.min(MAX_RADIUS_KM, radiusKm);
  const storeLimit = positive(input.storeLimit, 1);
  if (storeLimit !== undefined) out.storeLimit = Math.min(50, Math.floor(storeLimit));
  const defaultStoreId = text(input.defaultStoreId);
  if (defaultStoreId) out.defaultStoreId = defaultStoreId;
  const defaultLocation = parseLocation(input.defaultLocation);
  if (defaultLocation) out.defaultLocation = defaultLocation;
  const timeoutMs = positive(input.timeoutMs, 100);
  // Clamped: a timer cannot wait longer than 2^31 - 1 ms (it would fire at once), and no shopper
  // waits a minute for stock.
  if (timeoutMs !== undefined)
    out.timeoutMs = Math.min(MAX_TIMEOUT_MS, Math.max(MIN_TIMEOUT_MS, timeoutMs));
  const retries = positive(input.retries);
  if (retries !== undefined) out.retries = Math.min(10, Math.floor(retries));
  const cacheName = text(input.cacheName);
  if (cacheName) out.cacheName = cacheName;
  const checkoutUrl = webUrl(input.checkoutUrl);
  if (checkoutUrl) out.checkoutUrl = checkoutUrl;
  const checkoutOrigin = webUrl(input.checkoutOrigin, true);
  if (checkoutOrigin) out.checkoutOrigin = checkoutOrigin;
  const ignored = Object.keys(input).filter(
    (key) => input[key] != null && key !== 'backend' && !(key in out),
  );
  if (ignored.length > 0) {
    const message = `[omnishelf] ignored configuration (unknown key or invalid value): ${ignored
      .map((key) => `${key}=${JSON.stringify(input[key])}`)
      .join(', ')}`;
    // Once per distinct mistake: providers and configure() sanitize the same input again.
    if (!warned.has(message)) {
      warned.add(message);
      console.warn(message);
    }
  }
  return out;
}

/** The last block read, so that a mistake in it is reported once, not on every read. */
let lastRead: { text: string; config: Partial<OmniConfig> } | undefined;

/** Reads the page's JSON block; a malformed block is reported once and ignored. */
export function readPageConfig(doc: Document = document): Partial<OmniConfig> {
  const text = doc.getElementById(CONFIG_SCRIPT_ID)?.textContent ?? '';
  if (!text.trim()) return {};
  if (lastRead?.text !== text) {
    let config: Partial<OmniConfig> = {};
    try {
      config = sanitizeConfig(JSON.parse(text));
    } catch (error) {
      console.warn(`[omnishelf] #${CONFIG_SCRIPT_ID} is not valid JSON; using defaults.`, error);
    }
    lastRead = { text, config };
  }
  return lastRead.config;
}

export function resolveConfig(...layers: Partial<OmniConfig>[]): OmniConfig {
  return Object.assign({}, DEFAULT_CONFIG, ...layers) as OmniConfig;
}
