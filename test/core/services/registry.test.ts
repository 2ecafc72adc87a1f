import { expect } from '@open-wc/testing';
import { createContext } from '@lit/context';
import type { BackendClient } from '../../../src/core/api/backend-client.js';
import { resolveConfig, type OmniConfig } from '../../../src/core/config.js';
import {
  defineService,
  onServiceDefined,
  registeredServices,
  resolveService,
  serviceFor,
  type ServiceDefinition,
  type ServiceEnv,
} from '../../../src/core/services/registry.js';

let counter = 0;
/** A context key of its own for each test, so that the page-wide registry never mixes tests. */
const freshContext = <T>() => createContext<T>(Symbol(`test-service-${counter++}`));

/** What a test factory made, with the environment it was given. */
interface Made {
  serial: number;
  env: ServiceEnv;
}

/** A definition keyed by currency that counts its instances. */
function counted(extra: Partial<ServiceDefinition<Made>> = {}) {
  let serial = 0;
  const definition: ServiceDefinition<Made> = {
    name: `counted-${counter++}`,
    key: (c) => c.currency,
    create: (env) => ({ serial: ++serial, env }),
    ...extra,
  };
  return { definition, made: () => serial };
}

const config = (extra: Partial<OmniConfig> = {}) => resolveConfig(extra);
const backend = (): BackendClient => ({ cacheKey: `b${counter++}` });

describe('services/registry', () => {
  describe('resolveService', () => {
    it('gives the same instance for the same settings key, whatever else differs', () => {
      const { definition, made } = counted();
      const a = resolveService(definition, config({ currency: 'EUR' }), undefined);
      const b = resolveService(definition, config({ currency: 'EUR', locale: 'ar' }), undefined);
      expect(b).to.equal(a);
      expect(made()).to.equal(1);
    });

    it('gives another instance for another settings key', () => {
      const { definition, made } = counted();
      const eur = resolveService(definition, config({ currency: 'EUR' }), undefined);
      const kes = resolveService(definition, config({ currency: 'KES' }), undefined);
      expect(kes).to.not.equal(eur);
      expect(made()).to.equal(2);
      // And the first one is still shared.
      expect(resolveService(definition, config({ currency: 'EUR' }), undefined)).to.equal(eur);
    });

    it('gives each custom backend its own instance when the definition is per backend', () => {
      const { definition } = counted({ perBackend: true });
      const one = backend();
      const two = backend();
      const rest = resolveService(definition, config(), undefined);
      const a = resolveService(definition, config(), one);
      const b = resolveService(definition, config(), two);
      expect(new Set([rest, a, b]).size).to.equal(3);
      expect(resolveService(definition, config(), one)).to.equal(a);
      expect(a.env.backend).to.equal(one);
      expect(rest.env.backend).to.equal(undefined);
    });

    it('shares one instance between backends when the definition is not per backend', () => {
      const { definition, made } = counted();
      const a = resolveService(definition, config(), backend());
      const b = resolveService(definition, config(), backend());
      expect(b).to.equal(a);
      expect(made()).to.equal(1);
    });

    it('passes the configuration and platform, and resolves dependencies for the same settings', () => {
      const inner = counted({ perBackend: true });
      const outer = defineService<{ dependency: Made; env: ServiceEnv }>({
        name: 'outer',
        key: (c) => c.currency,
        perBackend: true,
        create: (env) => ({ dependency: env.get(inner.definition), env }),
      });
      const platform = { channel: () => undefined };
      const client = backend();
      const settings = config({ currency: 'NOK' });
      const made = resolveService(outer, settings, client, platform);
      expect(made.env.config).to.equal(settings);
      expect(made.env.platform).to.equal(platform);
      expect(made.dependency).to.equal(resolveService(inner.definition, settings, client));
      expect(made.dependency.env.backend).to.equal(client);
    });

    it('rethrows what a factory throws and caches nothing, so a later call can succeed', () => {
      let fail = true;
      const definition: ServiceDefinition<object> = {
        name: 'flaky',
        key: () => '',
        create: () => {
          if (fail) throw new Error('factory broke');
          return {};
        },
      };
      expect(() => resolveService(definition, config(), undefined)).to.throw('factory broke');
      fail = false;
      const made = resolveService(definition, config(), undefined);
      expect(made).to.be.an('object');
      expect(resolveService(definition, config(), undefined)).to.equal(made);
    });
  });

  describe('defineService', () => {
    it('registers a definition with a context page-wide, and the first one of a key wins', () => {
      const context = freshContext<Made>();
      const first = counted({ context }).definition;
      const second = counted({ context }).definition;
      expect(defineService(first)).to.equal(first);
      expect(defineService(second)).to.equal(second);
      expect(serviceFor(context)).to.equal(first);
      expect(registeredServices()).to.include(first);
      expect(registeredServices()).to.not.include(second);
    });

    it('keeps internal definitions (no context) out of the registry', () => {
      const internal = counted().definition;
      const before = registeredServices().length;
      defineService(internal);
      expect(registeredServices()).to.have.length(before);
      expect(registeredServices()).to.not.include(internal);
    });

    it('shares the registry with other bundles through a global symbol', () => {
      const context = freshContext<Made>();
      const definition = defineService(counted({ context }).definition);
      const page = (globalThis as unknown as Record<symbol, { byContext: Map<unknown, unknown> }>)[
        Symbol.for('omnishelf:services')
      ];
      expect(page.byContext.get(context)).to.equal(definition);
    });
  });

  describe('onServiceDefined', () => {
    it('tells listeners about each new definition with a context, until they unsubscribe', () => {
      const heard: ServiceDefinition<unknown>[] = [];
      const unsubscribe = onServiceDefined((definition) => heard.push(definition));
      const context = freshContext<Made>();
      const a = defineService(counted({ context }).definition);
      defineService(counted({ context }).definition); // a second copy of the same key: ignored
      defineService(counted().definition); // internal: nothing to announce
      unsubscribe();
      defineService(counted({ context: freshContext<Made>() }).definition);
      expect(heard).to.deep.equal([a]);
    });
  });
});
