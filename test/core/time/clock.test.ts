import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import {
  createPageClock,
  createTestClock,
  type Timers,
  type VisibilitySource,
} from '../../../src/core/time/index.js';

const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString();

/** A VisibilitySource whose state the test sets; `show()`/`hide()` notify like visibilitychange. */
class FakeVisibility implements VisibilitySource {
  hidden = false;
  readonly listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  hide(): void {
    this.hidden = true;
    for (const listener of [...this.listeners]) listener();
  }

  show(): void {
    this.hidden = false;
    for (const listener of [...this.listeners]) listener();
  }
}

/** Records the times each listener was called with, as ISO strings. */
function recorder(): { calls: string[]; listener: (now: number) => void } {
  const calls: string[] = [];
  return { calls, listener: (now) => calls.push(iso(now)) };
}

describe('createPageClock', () => {
  let fake: sinon.SinonFakeTimers;

  beforeEach(() => {
    fake = sinon.useFakeTimers({
      now: at('2026-06-10T12:00:30.250Z'),
      toFake: ['setTimeout', 'clearTimeout', 'Date'],
    });
  });

  afterEach(() => {
    fake.restore();
    sinon.restore();
  });

  it('tells the current time', () => {
    const clock = createPageClock();
    expect(clock.now()).to.equal(at('2026-06-10T12:00:30.250Z'));
    fake.tick(1000);
    expect(clock.now()).to.equal(at('2026-06-10T12:00:31.250Z'));
  });

  it('keeps no timer without subscribers', () => {
    createPageClock();
    expect(fake.countTimers()).to.equal(0);
  });

  it('keeps one timer for many subscribers', () => {
    const clock = createPageClock();
    const records = Array.from({ length: 5 }, () => recorder());
    for (const { listener } of records) clock.subscribe(listener);
    expect(fake.countTimers()).to.equal(1);
    fake.tick(60_000);
    expect(fake.countTimers()).to.equal(1);
    for (const { calls } of records) expect(calls).to.deep.equal(['2026-06-10T12:01:00.000Z']);
  });

  it('calls minute subscribers exactly on minute boundaries, not on subscribing', () => {
    const clock = createPageClock();
    const { calls, listener } = recorder();
    clock.subscribe(listener);
    expect(calls).to.deep.equal([]);
    fake.tick(29_749);
    expect(calls).to.deep.equal([]);
    fake.tick(1);
    expect(calls).to.deep.equal(['2026-06-10T12:01:00.000Z']);
    fake.tick(120_000);
    expect(calls).to.deep.equal([
      '2026-06-10T12:01:00.000Z',
      '2026-06-10T12:02:00.000Z',
      '2026-06-10T12:03:00.000Z',
    ]);
  });

  it('ticks every second while a second subscriber exists; minute subscribers stay on minutes', () => {
    const clock = createPageClock();
    const minutes = recorder();
    const seconds = recorder();
    clock.subscribe(minutes.listener, 'minute');
    const stopSeconds = clock.subscribe(seconds.listener, 'second');
    expect(fake.countTimers()).to.equal(1);
    fake.tick(749);
    expect(seconds.calls).to.deep.equal([]);
    fake.tick(1);
    expect(seconds.calls).to.deep.equal(['2026-06-10T12:00:31.000Z']);
    fake.tick(29_000);
    expect(seconds.calls).to.have.length(30);
    expect(seconds.calls.at(-1)).to.equal('2026-06-10T12:01:00.000Z');
    expect(minutes.calls).to.deep.equal(['2026-06-10T12:01:00.000Z']);
    expect(fake.countTimers()).to.equal(1);

    // Back to minute ticks: nothing more until 12:02:00.
    stopSeconds();
    expect(fake.countTimers()).to.equal(1);
    fake.tick(59_999);
    expect(minutes.calls).to.deep.equal(['2026-06-10T12:01:00.000Z']);
    expect(seconds.calls).to.have.length(30);
    fake.tick(1);
    expect(minutes.calls).to.deep.equal(['2026-06-10T12:01:00.000Z', '2026-06-10T12:02:00.000Z']);
  });

  it('stops the timer when the last subscriber leaves, and unsubscribing twice is harmless', () => {
    const clock = createPageClock();
    const first = recorder();
    const second = recorder();
    const stopFirst = clock.subscribe(first.listener);
    const stopSecond = clock.subscribe(second.listener);
    stopFirst();
    stopFirst();
    expect(fake.countTimers()).to.equal(1);
    stopSecond();
    expect(fake.countTimers()).to.equal(0);
    fake.tick(10 * 60_000);
    expect(first.calls).to.deep.equal([]);
    expect(second.calls).to.deep.equal([]);
  });

  it('lets a listener unsubscribe itself or another during a tick', () => {
    const clock = createPageClock();
    const calls: string[] = [];
    let stopB: () => void = () => undefined;
    const stopA = clock.subscribe(() => {
      calls.push('a');
      stopA();
      stopB();
    });
    stopB = clock.subscribe(() => calls.push('b'));
    fake.tick(60_000);
    expect(calls).to.deep.equal(['a']);
    expect(fake.countTimers()).to.equal(0);
  });

  it('logs a throwing listener and still calls the others', () => {
    const error = sinon.stub(console, 'error');
    const clock = createPageClock();
    const boom = new Error('boom');
    const { calls, listener } = recorder();
    clock.subscribe(() => {
      throw boom;
    });
    clock.subscribe(listener);
    fake.tick(30_000);
    expect(calls).to.deep.equal(['2026-06-10T12:01:00.000Z']);
    expect(error.calledOnceWithExactly(boom)).to.equal(true);
    fake.tick(60_000);
    expect(calls).to.have.length(2);
    expect(error.callCount).to.equal(2);
  });

  describe('visibility', () => {
    it('keeps no timer while hidden and catches up at once when shown', () => {
      const visibility = new FakeVisibility();
      const clock = createPageClock({ visibility });
      const minutes = recorder();
      clock.subscribe(minutes.listener);
      expect(fake.countTimers()).to.equal(1);

      visibility.hide();
      expect(fake.countTimers()).to.equal(0);
      fake.tick(5 * 60_000);
      expect(minutes.calls).to.deep.equal([]);

      visibility.show();
      expect(minutes.calls).to.deep.equal(['2026-06-10T12:05:30.250Z']);
      expect(fake.countTimers()).to.equal(1);
      fake.tick(29_750);
      expect(minutes.calls).to.deep.equal(['2026-06-10T12:05:30.250Z', '2026-06-10T12:06:00.000Z']);
    });

    it('does not call minute subscribers on showing when the minute has not changed', () => {
      const visibility = new FakeVisibility();
      const clock = createPageClock({ visibility });
      const minutes = recorder();
      const seconds = recorder();
      clock.subscribe(minutes.listener);
      clock.subscribe(seconds.listener, 'second');
      visibility.hide();
      fake.tick(10_000);
      visibility.show();
      expect(minutes.calls).to.deep.equal([]);
      expect(seconds.calls).to.deep.equal(['2026-06-10T12:00:40.250Z']);
    });

    it('starts no timer for a subscriber that arrives while hidden', () => {
      const visibility = new FakeVisibility();
      visibility.hidden = true;
      const clock = createPageClock({ visibility });
      const { calls, listener } = recorder();
      clock.subscribe(listener);
      expect(fake.countTimers()).to.equal(0);
      fake.tick(2 * 60_000);
      visibility.show();
      expect(calls).to.deep.equal(['2026-06-10T12:02:30.250Z']);
      expect(fake.countTimers()).to.equal(1);
    });

    it('listens to the visibility source only while it has subscribers', () => {
      const visibility = new FakeVisibility();
      const clock = createPageClock({ visibility });
      expect(visibility.listeners.size).to.equal(0);
      const stopA = clock.subscribe(() => undefined);
      const stopB = clock.subscribe(() => undefined);
      expect(visibility.listeners.size).to.equal(1);
      stopA();
      expect(visibility.listeners.size).to.equal(1);
      stopB();
      expect(visibility.listeners.size).to.equal(0);
      visibility.show();
      expect(fake.countTimers()).to.equal(0);
    });
  });
});

describe('createPageClock with timers that fire early or late', () => {
  /** Timers the test fires by hand, with a hand-set `now`. */
  function manual(start: number) {
    const state = {
      now: start,
      pending: [] as { fn: () => void; ms: number; handle: number }[],
      cleared: 0,
    };
    let next = 1;
    const timers: Timers = {
      setTimeout(fn, ms) {
        const handle = next++;
        state.pending.push({ fn, ms, handle });
        return handle;
      },
      clearTimeout(handle) {
        const before = state.pending.length;
        state.pending = state.pending.filter((t) => t.handle !== handle);
        state.cleared += before - state.pending.length;
      },
    };
    /** Fires the one pending timer with the clock set to `now`. */
    const fire = (now: number): void => {
      expect(state.pending).to.have.length(1);
      const [timer] = state.pending.splice(0, 1);
      state.now = now;
      timer!.fn();
    };
    return { state, timers, fire };
  }

  it('aims the first timer at the next minute boundary', () => {
    const { state, timers } = manual(at('2026-06-10T12:00:30.250Z'));
    const clock = createPageClock({ now: () => state.now, timers });
    clock.subscribe(() => undefined);
    expect(state.pending.map((t) => t.ms)).to.deep.equal([29_750]);
  });

  it('delivers nothing when a timer fires early, and aims again at the same boundary', () => {
    const { state, timers, fire } = manual(at('2026-06-10T12:00:30.000Z'));
    const clock = createPageClock({ now: () => state.now, timers });
    const { calls, listener } = recorder();
    clock.subscribe(listener);
    fire(at('2026-06-10T12:00:59.995Z'));
    expect(calls).to.deep.equal([]);
    expect(state.pending.map((t) => t.ms)).to.deep.equal([5]);
    fire(at('2026-06-10T12:01:00.000Z'));
    expect(calls).to.deep.equal(['2026-06-10T12:01:00.000Z']);
    expect(state.pending.map((t) => t.ms)).to.deep.equal([60_000]);
  });

  it('delivers once with the real time when a throttled timer fires minutes late', () => {
    const { state, timers, fire } = manual(at('2026-06-10T12:00:30.000Z'));
    const clock = createPageClock({ now: () => state.now, timers });
    const { calls, listener } = recorder();
    clock.subscribe(listener);
    fire(at('2026-06-10T12:03:10.000Z'));
    expect(calls).to.deep.equal(['2026-06-10T12:03:10.000Z']);
    expect(state.pending.map((t) => t.ms)).to.deep.equal([50_000]);
  });

  it('replaces a pending minute timer when a second subscriber arrives, never adding one', () => {
    const { state, timers } = manual(at('2026-06-10T12:00:30.250Z'));
    const clock = createPageClock({ now: () => state.now, timers });
    clock.subscribe(() => undefined);
    clock.subscribe(() => undefined);
    expect(state.cleared).to.equal(0);
    clock.subscribe(() => undefined, 'second');
    expect(state.cleared).to.equal(1);
    expect(state.pending.map((t) => t.ms)).to.deep.equal([750]);
  });
});

describe('createTestClock', () => {
  it('stands still until set or advanced', () => {
    const clock = createTestClock(new Date('2026-06-10T12:00:30Z'));
    expect(clock.now()).to.equal(at('2026-06-10T12:00:30Z'));
    clock.advance(1500);
    expect(clock.now()).to.equal(at('2026-06-10T12:00:31.500Z'));
    clock.set(new Date('2026-01-01T00:00:00Z'));
    expect(clock.now()).to.equal(at('2026-01-01T00:00:00Z'));
  });

  it('calls each listener once per change that crosses a boundary of its unit', () => {
    const clock = createTestClock(at('2026-06-10T12:00:30Z'));
    const minutes = recorder();
    const seconds = recorder();
    clock.subscribe(minutes.listener);
    clock.subscribe(seconds.listener, 'second');
    clock.advance(999);
    expect(seconds.calls).to.deep.equal([]);
    clock.advance(1);
    expect(seconds.calls).to.deep.equal(['2026-06-10T12:00:31.000Z']);
    expect(minutes.calls).to.deep.equal([]);
    clock.advance(29_000);
    expect(minutes.calls).to.deep.equal(['2026-06-10T12:01:00.000Z']);
    expect(seconds.calls).to.deep.equal(['2026-06-10T12:00:31.000Z', '2026-06-10T12:01:00.000Z']);
    clock.advance(3 * 60_000);
    expect(minutes.calls).to.deep.equal(['2026-06-10T12:01:00.000Z', '2026-06-10T12:04:00.000Z']);
    // Back across a boundary counts too.
    clock.set(at('2026-06-10T12:03:59Z'));
    expect(minutes.calls.at(-1)).to.equal('2026-06-10T12:03:59.000Z');
  });

  it('stops calling after unsubscribe, and logs a throwing listener without stopping others', () => {
    const error = sinon.stub(console, 'error');
    try {
      const clock = createTestClock(0);
      const { calls, listener } = recorder();
      clock.subscribe(() => {
        throw new Error('boom');
      });
      const stop = clock.subscribe(listener);
      clock.advance(60_000);
      expect(calls).to.deep.equal(['1970-01-01T00:01:00.000Z']);
      expect(error.callCount).to.equal(1);
      stop();
      clock.advance(60_000);
      expect(calls).to.have.length(1);
    } finally {
      error.restore();
    }
  });

  it('refuses a time that is not one', () => {
    expect(() => createTestClock(NaN)).to.throw(RangeError);
    const clock = createTestClock(0);
    expect(() => clock.set(new Date('nope'))).to.throw(RangeError);
    expect(clock.now()).to.equal(0);
  });
});
