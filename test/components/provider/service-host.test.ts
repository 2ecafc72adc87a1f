import { expect } from '@open-wc/testing';
import { createContext } from '@lit/context';
import {
  hostSettingsContext,
  ServiceHost,
  type HostSettings,
} from '../../../src/components/provider/service-host.js';
import type { BackendClient } from '../../../src/core/api/backend-client.js';
import { resolveConfig, type OmniConfig } from '../../../src/core/config.js';
import { configContext } from '../../../src/core/context.js';
import { defineService } from '../../../src/core/services/registry.js';
import { consumerIn, ServiceConsumer } from '../../helpers/service-consumer.js';

interface Instance {
  currency: string;
  backend: BackendClient | undefined;
}

let counter = 0;

/** A registered service keyed by currency, counting the instances its factory makes. */
function service(options: { fail?: (config: OmniConfig) => boolean } = {}) {
  const context = createContext<Instance>(Symbol(`service-host-test-${counter++}`));
  const calls: OmniConfig[] = [];
  defineService<Instance>({
    name: `test service ${counter}`,
    context,
    key: (c) => c.currency,
    perBackend: true,
    create: ({ config, backend }) => {
      calls.push(config);
      if (options.fail?.(config)) throw new Error(`no service for ${config.currency}`);
      return { currency: config.currency, backend };
    },
  });
  return { context, calls };
}

const settings = (config: Partial<OmniConfig> = {}, backend?: BackendClient): HostSettings => ({
  config: resolveConfig(config),
  ...(backend ? { backend } : {}),
});

describe('ServiceHost', () => {
  let root: HTMLElement;

  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => root.remove());

  /** A host on a new element inside `parent`. */
  function host(parent: Element, hostSettings: HostSettings): ServiceHost {
    const element = document.createElement('div');
    parent.append(element);
    return new ServiceHost(element, hostSettings, {});
  }

  const consumer = consumerIn;

  const elementOf = (h: ServiceHost) => (h as unknown as { element: HTMLElement }).element;

  it('gives a consumer below it the service for its settings, and the request goes no further', () => {
    const { context } = service();
    const reachedAbove: Event[] = [];
    root.addEventListener('context-request', (event) => reachedAbove.push(event));
    const client: BackendClient = { cacheKey: 'own' };
    const h = host(root, settings({ currency: 'KES' }, client));
    const el = consumer(elementOf(h), context);
    expect(el.value).to.deep.equal({ currency: 'KES', backend: client });
    expect(reachedAbove).to.have.length(0);
  });

  it('provides its configuration and settings', () => {
    const hostSettings = settings({ currency: 'NOK' });
    const h = host(root, hostSettings);
    expect(consumer(elementOf(h), configContext).value).to.equal(hostSettings.config);
    expect(consumer(elementOf(h), hostSettingsContext).value).to.equal(hostSettings);
  });

  it('creates a service on the first request for its key, once for every consumer', () => {
    const { context, calls } = service();
    const h = host(root, settings());
    expect(calls).to.have.length(0);
    const a = consumer(elementOf(h), context);
    const b = consumer(elementOf(h), context);
    expect(calls).to.have.length(1);
    expect(b.value).to.equal(a.value);
  });

  it('leaves a key nobody registered to the hosts above', () => {
    const unknown = createContext<string>(Symbol('not registered'));
    const reachedAbove: Event[] = [];
    root.addEventListener('context-request', (event) => reachedAbove.push(event));
    const h = host(root, settings());
    expect(consumer(elementOf(h), unknown).value).to.equal(undefined);
    expect(reachedAbove).to.have.length(1);
  });

  it("passes its own element's requests up (a nested provider inherits the settings above)", () => {
    const outerSettings = settings({ currency: 'EUR' });
    const outer = host(root, outerSettings);
    const inner = new ServiceConsumer().consume(hostSettingsContext);
    new ServiceHost(inner, settings({ currency: 'KES' }), {});
    elementOf(outer).append(inner);
    expect(inner.value).to.equal(outerSettings);
  });

  describe('update', () => {
    it('hands subscribers a new instance only when the settings key changed', () => {
      const { context, calls } = service();
      const h = host(root, settings({ currency: 'EUR' }));
      const el = consumer(elementOf(h), context);
      const config = consumer(elementOf(h), configContext);
      const first = el.value;

      h.update(settings({ currency: 'EUR', locale: 'ar' }));
      expect(el.seen).to.deep.equal([first]);
      expect((config.value as OmniConfig).locale).to.equal('ar');

      h.update(settings({ currency: 'KES', locale: 'ar' }));
      expect(el.seen).to.have.length(2);
      expect(el.value).to.not.equal(first);
      expect(el.value).to.deep.equal({ currency: 'KES', backend: undefined });
      expect(calls.map((c) => c.currency)).to.deep.equal(['EUR', 'KES']);
      expect(h.settings.config.currency).to.equal('KES');
    });

    it('hands subscribers a new instance when the custom backend changed', () => {
      const { context } = service();
      const h = host(root, settings({}, { cacheKey: 'a' }));
      const el = consumer(elementOf(h), context);
      const other: BackendClient = { cacheKey: 'b' };
      h.update(settings({}, other));
      expect(el.seen).to.have.length(2);
      expect((el.value as Instance).backend).to.equal(other);
    });
  });

  describe('announce', () => {
    it('takes over the consumers below it that subscribed to a host above before it arrived', () => {
      const { context } = service();
      const outer = host(root, settings({ currency: 'EUR' }));
      const wrapper = document.createElement('section');
      elementOf(outer).append(wrapper);
      const below = consumer(wrapper, context);
      const belowConfig = consumer(wrapper, configContext);
      const beside = consumer(elementOf(outer), context);
      expect((below.value as Instance).currency).to.equal('EUR');

      // The nested host upgrades around the consumers that are already there.
      const inner = new ServiceHost(wrapper, settings({ currency: 'KES' }), {});
      inner.announce();

      expect((below.value as Instance).currency).to.equal('KES');
      expect((belowConfig.value as OmniConfig).currency).to.equal('KES');
      expect((beside.value as Instance).currency).to.equal('EUR');
      // The outer host no longer drives them: its changes reach only its own consumers.
      outer.update(settings({ currency: 'NOK' }));
      expect((below.value as Instance).currency).to.equal('KES');
      expect((beside.value as Instance).currency).to.equal('NOK');
    });
  });

  describe('a factory that throws', () => {
    let errors: unknown[][];
    const original = console.error;
    beforeEach(() => {
      errors = [];
      console.error = (...args: unknown[]) => void errors.push(args);
    });
    afterEach(() => {
      console.error = original;
    });

    it('is reported once, and its consumers get nothing rather than the service of a host above', () => {
      const { context, calls } = service({ fail: (c) => c.currency === 'XXX' });
      const outer = host(root, settings({ currency: 'EUR' }));
      const inner = host(elementOf(outer), settings({ currency: 'XXX' }));
      const a = consumer(elementOf(inner), context);
      const b = consumer(elementOf(inner), context);
      // Another service of the same host still works.
      const config = consumer(elementOf(inner), configContext);

      expect(a.value).to.equal(undefined);
      expect(b.value).to.equal(undefined);
      expect((config.value as OmniConfig).currency).to.equal('XXX');
      expect(calls.map((c) => c.currency)).to.deep.equal(['XXX']);
      expect(errors).to.have.length(1);
      expect(String(errors[0][0])).to.contain('could not be created');
      expect(String(errors[0][1])).to.contain('no service for XXX');
    });

    it('is tried again when the settings change, and its consumers then get the service', () => {
      const { context } = service({ fail: (c) => c.currency === 'XXX' });
      const h = host(root, settings({ currency: 'XXX' }));
      const el = consumer(elementOf(h), context);
      expect(el.value).to.equal(undefined);
      h.update(settings({ currency: 'KES' }));
      expect((el.value as Instance).currency).to.equal('KES');
      expect(errors).to.have.length(1);
    });

    it('never leaves consumers with the service of settings that no longer apply', () => {
      const { context } = service({ fail: (c) => c.currency === 'XXX' });
      const h = host(root, settings({ currency: 'KES' }));
      const el = consumer(elementOf(h), context);
      expect((el.value as Instance).currency).to.equal('KES');
      h.update(settings({ currency: 'XXX' }));
      expect(el.value).to.equal(undefined);
      expect(errors).to.have.length(1);
    });
  });
});
