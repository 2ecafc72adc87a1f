import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { ServiceController, type Subscribable } from '../../src/controllers/service-controller.js';

/** A service whose remembered values load when `load()` is called (or are loaded already). */
function service(loaded: boolean) {
  let load!: () => void;
  const ready = loaded ? Promise.resolve() : new Promise<void>((resolve) => (load = resolve));
  const s: Subscribable & { load(): void } = {
    ready,
    ...(loaded ? { loaded: true } : {}),
    subscribe: () => () => {},
    load: () => load?.(),
  };
  return s;
}

class ServiceHost extends LitElement {
  @property({ attribute: false }) service: Subscribable | undefined;
  /** What `ready` was at each render. */
  readonly seen: boolean[] = [];
  readonly controller = new ServiceController<Subscribable>(this);

  protected override willUpdate(): void {
    this.controller.setService(this.service);
  }

  protected override render() {
    this.seen.push(this.controller.ready);
    return html`<p>${this.controller.ready ? 'ready' : 'loading'}</p>`;
  }
}
customElements.define('test-service-host', ServiceHost);

describe('ServiceController', () => {
  it('is ready in the first update when the service is loaded already, with no second render', async () => {
    const el = await fixture<ServiceHost>(
      html`<test-service-host .service=${service(true)}></test-service-host>`,
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(el.seen).to.deep.equal([true]);
  });

  it('renders loading, then ready once the remembered values are loaded', async () => {
    const s = service(false);
    const el = await fixture<ServiceHost>(
      html`<test-service-host .service=${s}></test-service-host>`,
    );
    expect(el.seen).to.deep.equal([false]);
    s.load();
    await waitUntil(() => el.seen.length === 2, 'no update once loaded');
    expect(el.seen).to.deep.equal([false, true]);
  });
});
