import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, noChange } from 'lit';
import { property } from 'lit/decorators.js';
import { clockLine } from '../../src/controllers/clock-line.js';
import { createTestClock, type Clock, type TickUnit } from '../../src/core/time/index.js';

const START = Date.parse('2026-06-10T12:00:30Z');

/** A test clock that counts its live subscriptions. */
function countingClock() {
  const clock = createTestClock(START);
  let active = 0;
  const counted: Clock & { advance(ms: number): void } = {
    now: () => clock.now(),
    advance: (ms) => clock.advance(ms),
    subscribe(listener, unit?: TickUnit) {
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
  return { clock: counted, active: () => active };
}

class LineHost extends LitElement {
  @property({ attribute: false }) clock: Clock | undefined;
  @property() label = 'at';
  renders = 0;

  protected override render(): unknown {
    this.renders++;
    const label = this.label;
    return html`<p>
      ${clockLine(this.clock, (now) =>
        label === 'frozen' ? noChange : `${label} ${new Date(now).toISOString().slice(11, 16)}`,
      )}
    </p>`;
  }
}
customElements.define('clock-line-host', LineHost);

const text = (el: LineHost) => el.shadowRoot!.querySelector('p')!.textContent!.trim();

describe('clockLine', () => {
  it('renders at once and at each minute, without re-rendering its element', async () => {
    const { clock } = countingClock();
    const el = await fixture<LineHost>(html`<clock-line-host .clock=${clock}></clock-line-host>`);
    expect(text(el)).to.equal('at 12:00');
    expect(el.renders).to.equal(1);
    clock.advance(29_999);
    expect(text(el)).to.equal('at 12:00');
    clock.advance(1);
    expect(text(el)).to.equal('at 12:01');
    clock.advance(60_000);
    expect(text(el)).to.equal('at 12:02');
    await el.updateComplete;
    expect(el.renders).to.equal(1);
  });

  it('uses the newest render function after its element renders again', async () => {
    const { clock } = countingClock();
    const el = await fixture<LineHost>(html`<clock-line-host .clock=${clock}></clock-line-host>`);
    el.label = 'now';
    await el.updateComplete;
    expect(text(el)).to.equal('now 12:00');
    clock.advance(60_000);
    expect(text(el)).to.equal('now 12:01');
    el.label = 'frozen';
    await el.updateComplete;
    clock.advance(60_000);
    expect(text(el)).to.equal('now 12:01');
  });

  it('subscribes while connected only, and catches up when reconnected', async () => {
    const { clock, active } = countingClock();
    const el = await fixture<LineHost>(html`<clock-line-host .clock=${clock}></clock-line-host>`);
    expect(active()).to.equal(1);
    const parent = el.parentElement!;
    el.remove();
    expect(active()).to.equal(0);
    clock.advance(5 * 60_000);
    parent.append(el);
    expect(active()).to.equal(1);
    expect(text(el)).to.equal('at 12:05');
  });

  it('moves to a new clock, leaving the old one', async () => {
    const first = countingClock();
    const second = countingClock();
    const el = await fixture<LineHost>(
      html`<clock-line-host .clock=${first.clock}></clock-line-host>`,
    );
    second.clock.advance(3_600_000);
    el.clock = second.clock;
    await el.updateComplete;
    expect(first.active()).to.equal(0);
    expect(second.active()).to.equal(1);
    expect(text(el)).to.equal('at 13:00');
  });

  it('renders once from the device time without a clock', async () => {
    const el = await fixture<LineHost>(html`<clock-line-host></clock-line-host>`);
    expect(text(el)).to.match(/^at \d\d:\d\d$/);
  });
});
