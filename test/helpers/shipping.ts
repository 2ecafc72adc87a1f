/**
 * Fakes for the shipping estimator's tests: a shipping service with call recording and
 * controllable answers per destination country, and answers built from raw rules.
 */
import { OmniError } from '../../src/core/api/errors.js';
import type { SwrResult } from '../../src/core/cache/types.js';
import { validateShippingRules } from '../../src/core/shipping/index.js';
import type {
  CheckedShippingRules,
  ShippingService,
} from '../../src/core/shipping/shipping-service.js';

/** Rules as the shipping service hands them over: validated, for `country`. */
export function checked(rules: unknown, country = 'KE'): CheckedShippingRules {
  const { rules: clean, problems } = validateShippingRules(rules);
  return { country, rules: clean, problems };
}

/** A fresh answer from the network (override `stale`, `updatedAt`, `revalidation` ...). */
export function answer(
  rules: unknown,
  overrides: Partial<SwrResult<CheckedShippingRules>> = {},
  country = 'KE',
): SwrResult<CheckedShippingRules> {
  return {
    value: checked(rules, country),
    updatedAt: Date.now(),
    stale: false,
    source: 'network',
    ...overrides,
  };
}

export type RulesAnswer =
  | SwrResult<CheckedShippingRules>
  | ((country: string, signal?: AbortSignal) => Promise<SwrResult<CheckedShippingRules>>);

export interface FakeShipping extends ShippingService {
  /** Answers by country; a country without one rejects with 404 unsupported_country. */
  answers: Record<string, RulesAnswer>;
  /** The countries asked for, in order. */
  calls: string[];
}

export function fakeShipping(answers: Record<string, RulesAnswer>): FakeShipping {
  const service: FakeShipping = {
    answers,
    calls: [],
    rules(country, options) {
      service.calls.push(country);
      const found = service.answers[country];
      if (!found) {
        return Promise.reject(
          new OmniError('http', 'no', { status: 404, code: 'unsupported_country' }),
        );
      }
      return typeof found === 'function' ? found(country, options?.signal) : Promise.resolve(found);
    },
  };
  return service;
}
