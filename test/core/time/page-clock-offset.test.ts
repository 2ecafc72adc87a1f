import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { createPageClock, type VisibilitySource } from '../../../src/core/time/index.js';

const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString();
const MINUTE = 60_000;

class FakeVisibility implements VisibilitySource {
  hidden = false;
  readonly listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(hidden: boolean): void {
    this.hidden = hidden;
    for (const listener of [...this.listeners]) listener();
  }
}

describe('createPageClock: offset', () => {
  let fake: sinon.SinonFakeTimers;

  beforeEach(() => {
    fake = sinon.useFakeTimers({
      now: at('2026-06-10T12:00:30.000Z'),
      toFake: ['setTimeout', 'clearTimeout', 'Date'],
    });
  });

  afterEach(() => fake.restore());

  it('adds the offset to the device time, 0 by default', () => {
    const clock = createPageClock();
    expect(clock.offsetMs).to.equal(0);
    clock.setOffset(90 * MINUTE);
    expect(clock.offsetMs).to.equal(90 * MINUTE);
    expect(iso(clock.now())).to.equal('2026-06-10T13:30:30.000Z');
    fake.tick(1000);
    expect(iso(clock.now())).to.equal('2026-06-10T13:30:31.000Z');
    clock.setOffset(0);
    expect(iso(clock.now())).to.equal('2026-06-10T12:00:31.000Z');
  });

  it('calls subscribers at once when the jump crosses their boundary, either way', () => {
    const clock = createPageClock();
    const calls: string[] = [];
    clock.subscribe((now) => calls.push(iso(now)));
    clock.setOffset(10_000); // 12:00:40, same minute: nothing to tell
    expect(calls).to.deep.equal([]);
    clock.setOffset(-2 * MINUTE); // back to 11:58:30
    expect(calls).to.deep.equal(['2026-06-10T11:58:30.000Z']);
    clock.setOffset(0);
    expect(calls).to.deep.equal(['2026-06-10T11:58:30.000Z', '2026-06-10T12:00:30.000Z']);
  });

  it('aims its one timer at the next boundary of the shifted time', () => {
    const clock = createPageClock();
    const calls: string[] = [];
    clock.subscribe((now) => calls.push(iso(now)));
    clock.setOffset(15_000); // 12:00:45: the next minute is 15 s away, not 30 s
    expect(fake.countTimers()).to.equal(1);
    fake.tick(14_999);
    expect(calls).to.deep.equal([]);
    fake.tick(1);
    expect(calls).to.deep.equal(['2026-06-10T12:01:00.000Z']);
    expect(fake.countTimers()).to.equal(1);
  });

  it('stays quiet while the page is hidden and catches up when shown', () => {
    const visibility = new FakeVisibility();
    const clock = createPageClock({ visibility });
    const calls: string[] = [];
    clock.subscribe((now) => calls.push(iso(now)));
    visibility.set(true);
    clock.setOffset(5 * MINUTE);
    expect(calls).to.deep.equal([]);
    expect(fake.countTimers()).to.equal(0);
    visibility.set(false);
    expect(calls).to.deep.equal(['2026-06-10T12:05:30.000Z']);
    expect(fake.countTimers()).to.equal(1);
  });

  it('refuses an offset that is not a finite number, keeping the old one', () => {
    const clock = createPageClock();
    clock.setOffset(MINUTE);
    expect(() => clock.setOffset(NaN)).to.throw(RangeError);
    expect(() => clock.setOffset(Infinity)).to.throw(RangeError);
    expect(() => clock.setOffset('5' as unknown as number)).to.throw(RangeError);
    expect(clock.offsetMs).to.equal(MINUTE);
  });
});
