/**
 * The shipping service behind `<omni-shipping-estimator>`: the delivery-date rules of a
 * destination country, cached long with stale-while-revalidate (a repeat view renders with no
 * request; with the backend down, rules seen before still give an estimate, marked stale), and
 * checked on every read by `validateShippingRules`, whose problems reach the console once each.
 */
import * as v from 'valibot';
import type { RequestOptions, ShippingCapability } from '../api/backend-client.js';
import { ShippingRulesSchema } from '../api/schemas/shipping.js';
import type { ShippingRules, UncheckedShippingRules } from '../api/types.js';
import type { ReadOptions } from '../cache/swr.js';
import type { Fresh, SwrResult } from '../cache/types.js';
import { validateShippingRules } from './rules.js';

/** Rules of one destination country, checked. */
export interface CheckedShippingRules {
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  /** Only the origins and methods that can be used exactly (see `validateShippingRules`). */
  rules: ShippingRules;
  /** What was left out or is worth knowing, one sentence each (reported in the console once). */
  problems: readonly string[];
}

/** What the shipping widgets consume. */
export interface ShippingService {
  /**
   * The checked rules for `country`. Fresh in the cache: no request. Stale (older than a day,
   * younger than a week): served at once with a `revalidation`. Otherwise fetched. Rejects with
   * an `OmniError`: `http` with code `unsupported_country` when the merchant does not ship there,
   * `network`, `timeout`, `invalid_response` (not even the three lists), `unsupported` (a custom
   * backend without the shipping capability) or `aborted`.
   */
  rules(country: string, options?: RequestOptions): Promise<SwrResult<CheckedShippingRules>>;
}

/** The part of the SWR reader this service needs (see cache/swr.ts). */
export interface ShippingSwrReader {
  read<T>(
    kind: 'shipping',
    key: string,
    fetcher: (signal?: AbortSignal) => Promise<T>,
    options: ReadOptions<T>,
  ): Promise<SwrResult<T>>;
}

export interface ShippingServiceDeps {
  backend: ShippingCapability;
  swr: ShippingSwrReader;
  /** Where problems with the rules go, once each per page (default `console.warn`). */
  report?: (message: string) => void;
}

// A cached answer must still have the three lists; its entries are checked like a fresh one's.
const isUnchecked = (value: unknown): value is UncheckedShippingRules =>
  v.is(ShippingRulesSchema, value);

/** Problems reported on this page: each once, whichever service instance or widget met it. */
const reported = new Set<string>();

export function createShippingService({
  backend,
  swr,
  report = (message) => console.warn(message),
}: ShippingServiceDeps): ShippingService {
  function check(country: string, raw: UncheckedShippingRules): CheckedShippingRules {
    const { rules, problems } = validateShippingRules(raw);
    for (const problem of problems) {
      const key = `${country}|${problem}`;
      if (reported.has(key)) continue;
      reported.add(key);
      report(`[omnishelf] Shipping rules for ${country}: ${problem}`);
    }
    return { country, rules, problems };
  }

  const checked = (country: string, fresh: Fresh<UncheckedShippingRules>) => ({
    ...fresh,
    value: check(country, fresh.value),
  });

  return {
    async rules(country, { signal } = {}) {
      const code = country.trim().toUpperCase();
      const read = await swr.read<UncheckedShippingRules>(
        'shipping',
        code,
        (s) => backend.getShippingRules(code, { signal: s }),
        { signal, check: isUnchecked },
      );
      const result: SwrResult<CheckedShippingRules> = checked(code, read);
      if (read.revalidation) {
        result.revalidation = read.revalidation.then((fresh) => checked(code, fresh));
        // Callers that never await the revalidation must not see an unhandled rejection.
        result.revalidation.catch(() => undefined);
      }
      return result;
    },
  };
}
