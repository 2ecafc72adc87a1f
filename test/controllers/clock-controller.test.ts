import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { ClockController } from '../../src/controllers/clock-controller.js';
import { documentVisibility } from '../../src/controllers/document-visibility.js';
import { createTestClock, type Clock, type TickUnit } from '../../src/core/time/index.js';

/** A test clock that also counts its live subscriptions and their units. */
function countingClock(start: string) {
  const clock = createTestClock(Date.parse(start));
  const units: TickUnit[] = [];
  let active = 0;
  const counted: Clock & { advance(ms: number): void } = {
    now: () => clock.now(),
    advance: (ms) => clock.advance(ms),
    subscribe(listener, unit = 'minute') {
      units.push(unit);
      active++;
      const stop = clock.subscribe(listener, unit);
      let stopped = false;
      return () => {
        if (!stopped) active--;
        stopped = true;
        stop();
      };
    },
  };
  return { clock: counted, units, active: () => active };
}

class ClockHost extends LitElement {
  @property({ attribute: false }) clock: Clock | undefined;
  @property() unit: TickUnit = 'minute';
  renders = 0;
  clockController!: ClockController;

  override connectedCallback(): void {
    this.clockController ??= new ClockController(this, { unit: this.unit });
    super.connectedCallback();
  }

  protected override willUpdate(): void {
    this.clockController.setClock(this.clock);
  }

  protected override render() {
    this.renders++;
    return html`<p>${new Date(this.clockController.now).toISOString()}</p>`;
  }
}
customElements.define('test-clock-host', ClockHost);

const shown = (el: ClockHost): string => el.shadowRoot!.querySelector('p')!.textContent!;

describe('ClockController', () => {
  it("renders the clock's time and re-renders at each minute boundary only", async () => {
    const { clock } = countingClock('2026-06-10T12:00:30Z');
    const el = await fixture<ClockHost>(html`<test-clock-host .clock=${clock}></test-clock-host>`);
    expect(shown(el)).to.equal('2026-06-10T12:00:30.000Z');
    const renders = el.renders;

    clock.advance(20_000);
    await el.updateComplete;
    expect(el.renders).to.equal(renders);
    expect(shown(el)).to.equal('2026-06-10T12:00:30.000Z');

    clock.advance(10_000);
    await el.updateComplete;
    expect(el.renders).to.equal(renders + 1);
    expect(shown(el)).to.equal('2026-06-10T12:01:00.000Z');
  });

  it('subscribes with its unit', async () => {
    const { clock, units } = countingClock('2026-06-10T12:00:30Z');
    const el = await fixture<ClockHost>(
      html`<test-clock-host unit="second" .clock=${clock}></test-clock-host>`,
    );
    expect(units).to.deep.equal(['second']);
    clock.advance(1000);
    await el.updateComplete;
    expect(shown(el)).to.equal('2026-06-10T12:00:31.000Z');
  });

  it('unsubscribes when disconnected and resubscribes, showing the current time, on reconnect', async () => {
    const { clock, active } = countingClock('2026-06-10T12:00:30Z');
    const el = await fixture<ClockHost>(html`<test-clock-host .clock=${clock}></test-clock-host>`);
    expect(active()).to.equal(1);
    const parent = el.parentNode!;
    el.remove();
    expect(active()).to.equal(0);
    const renders = el.renders;
    clock.advance(5 * 60_000);
    await el.updateComplete;
    expect(el.renders).to.equal(renders);

    parent.appendChild(el);
    expect(active()).to.equal(1);
    await el.updateComplete;
    expect(shown(el)).to.equal('2026-06-10T12:05:30.000Z');
  });

  it('moves its subscription to a newly injected clock', async () => {
    const first = countingClock('2026-06-10T12:00:30Z');
    const second = countingClock('2030-01-01T00:00:00Z');
    const el = await fixture<ClockHost>(
      html`<test-clock-host .clock=${first.clock}></test-clock-host>`,
    );
    el.clock = second.clock;
    await el.updateComplete;
    expect([first.active(), second.active()]).to.deep.equal([0, 1]);
    expect(shown(el)).to.equal('2030-01-01T00:00:00.000Z');

    const renders = el.renders;
    first.clock.advance(60_000);
    await el.updateComplete;
    expect(el.renders).to.equal(renders);
    second.clock.advance(60_000);
    await el.updateComplete;
    expect(shown(el)).to.equal('2030-01-01T00:01:00.000Z');

    el.clock = undefined;
    await el.updateComplete;
    expect(second.active()).to.equal(0);
  });

  it('falls back to Date.now() without a clock', async () => {
    const el = await fixture<ClockHost>(html`<test-clock-host></test-clock-host>`);
    const before = Date.now();
    const now = el.clockController.now;
    expect(now).to.be.within(before, Date.now());
  });
});

describe('documentVisibility', () => {
  it('reports the document state and every visibilitychange until unsubscribed', () => {
    const doc = document.implementation.createHTMLDocument('visibility');
    let state: DocumentVisibilityState = 'visible';
    Object.defineProperty(doc, 'visibilityState', { get: () => state });
    const source = documentVisibility(doc);
    expect(source.hidden).to.equal(false);
    state = 'hidden';
    expect(source.hidden).to.equal(true);

    let calls = 0;
    const stop = source.subscribe(() => calls++);
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(calls).to.equal(1);
    stop();
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(calls).to.equal(1);
  });

  it('defaults to the page document', () => {
    expect(documentVisibility().hidden).to.equal(document.visibilityState === 'hidden');
  });
});
