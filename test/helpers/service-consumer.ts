/** A bare context consumer for tests of the service hosts: records every value it receives. */
import { ContextConsumer, type Context } from '@lit/context';
import { ReactiveElement } from 'lit';

export type AnyContext = Context<unknown, unknown>;

export class ServiceConsumer extends ReactiveElement {
  readonly seen: unknown[] = [];
  private consumer?: ContextConsumer<AnyContext, this>;

  /** Call before connecting: the (subscribing) request goes out when the element connects. */
  consume(context: unknown): this {
    this.consumer = new ContextConsumer(this, {
      context: context as AnyContext,
      subscribe: true,
      callback: (value) => this.seen.push(value),
    });
    return this;
  }

  get value(): unknown {
    return this.consumer?.value;
  }
}

if (!customElements.get('test-service-consumer')) {
  customElements.define('test-service-consumer', ServiceConsumer);
}

/** A consumer of `context`, connected inside `parent`. */
export function consumerIn(parent: Element, context: unknown): ServiceConsumer {
  const el = new ServiceConsumer().consume(context);
  parent.append(el);
  return el;
}
