/**
 * One clock for the whole page. Every element that shows "open until 21:00" or "order within
 * 2 h 10 min" subscribes to it instead of running its own interval: the clock keeps a single
 * timer aimed at the next minute (or second) boundary, none while nobody listens or the page is
 * hidden, and catches up at once when the page is shown again. Plain TypeScript: the page's
 * visibility comes in through `VisibilitySource` (see `controllers/document-visibility.ts`).
 */

/** The boundaries a subscriber is called on. */
export type TickUnit = 'minute' | 'second';

/** The current time, and ticks at unit boundaries. */
export interface Clock {
  /** The current time in epoch milliseconds. */
  now(): number;
  /**
   * Calls `listener(now)` at every boundary of `unit` (default `'minute'`): 12:01:00.000,
   * 12:02:00.000 ... It is not called on subscribing. Returns the unsubscribe function (safe to
   * call more than once).
   */
  subscribe(listener: (now: number) => void, unit?: TickUnit): () => void;
}

/** Whether the page is hidden, and when that changes (e.g. `document.visibilityState`). */
export interface VisibilitySource {
  readonly hidden: boolean;
  /** Calls `listener` whenever `hidden` may have changed; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** The timer functions the page clock uses (default: the global `setTimeout`/`clearTimeout`). */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * The page clock: the device's time plus an offset. The offset corrects a device clock known to
 * be wrong (from the server's `Date` header, say) so that "order within 2 h" counts down to the
 * merchant's real cutoff, and lets a demo show the page at another moment.
 */
export interface PageClock extends Clock {
  /** Milliseconds added to the device's time (default 0). */
  readonly offsetMs: number;
  /**
   * Sets the offset. Subscribers whose unit boundary the jump crossed (either way) are called at
   * once, with the new time, and the timer is aimed at the new next boundary; while the page is
   * hidden they hear it when it is shown again. Throws a `RangeError` for a non-finite number.
   */
  setOffset(ms: number): void;
}

/** A clock whose time moves only when told to, for tests and demos. */
export interface TestClock extends Clock {
  /** Sets the time; listeners whose unit boundary was crossed (either way) are called once. */
  set(ms: number | Date): void;
  /** Moves the time by `ms` (may be negative); as `set`. */
  advance(ms: number): void;
}

const UNIT_MS: Record<TickUnit, number> = { minute: 60_000, second: 1000 };

interface Subscription {
  listener: (now: number) => void;
  unitMs: number;
  /** The unit period (`floor(time / unitMs)`) the listener last saw. */
  period: number;
}

/** Calls every subscription whose period changed at `now`; a throwing listener is logged. */
function deliver(subscriptions: Set<Subscription>, now: number): void {
  for (const subscription of [...subscriptions]) {
    // Unsubscribed by an earlier listener during this tick.
    if (!subscriptions.has(subscription)) continue;
    const period = Math.floor(now / subscription.unitMs);
    if (period === subscription.period) continue;
    subscription.period = period;
    try {
      subscription.listener(now);
    } catch (error) {
      console.error(error);
    }
  }
}

function unitMs(unit: unknown): number {
  return unit === 'second' ? UNIT_MS.second : UNIT_MS.minute;
}

const globalTimers: Timers = {
  // Looked up on each call, so fake timers installed later are honoured.
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The page clock. It holds at most one timer, whatever the number of subscribers: aimed at the
 * next minute boundary, or the next second boundary while a `'second'` subscriber exists (minute
 * subscribers are still called only when the minute changes). Without subscribers, or while
 * `visibility.hidden`, it holds no timer; when the page is shown again it ticks at once (a minute
 * subscriber is called if the minute changed meanwhile) and reschedules. Boundaries come from
 * `now()`, not from counting timer callbacks, so a timer that fires early or late (throttled
 * background tabs, a sleeping laptop) still delivers the right ones. A listener that throws is
 * reported with `console.error` and the others still run. `setOffset` moves the whole page's time
 * (see `PageClock`).
 */
export function createPageClock(
  options: { now?: () => number; visibility?: VisibilitySource; timers?: Timers } = {},
): PageClock {
  const deviceNow = options.now ?? (() => Date.now());
  let offset = 0;
  const now = (): number => deviceNow() + offset;
  const visibility = options.visibility;
  const timers = options.timers ?? globalTimers;
  const subscriptions = new Set<Subscription>();
  let timer: unknown;
  let timerAt: number | undefined;
  let unwatchVisibility: (() => void) | undefined;

  function isHidden(): boolean {
    try {
      return visibility?.hidden === true;
    } catch {
      return false;
    }
  }

  function clear(): void {
    if (timerAt === undefined) return;
    timers.clearTimeout(timer);
    timer = undefined;
    timerAt = undefined;
  }

  /** Aims the one timer at the next boundary of the finest unit, or removes it. */
  function schedule(): void {
    if (subscriptions.size === 0 || isHidden()) {
      clear();
      return;
    }
    let step = UNIT_MS.minute;
    for (const subscription of subscriptions) step = Math.min(step, subscription.unitMs);
    const time = now();
    const at = (Math.floor(time / step) + 1) * step;
    if (at === timerAt) return;
    clear();
    timerAt = at;
    timer = timers.setTimeout(handleTimer, at - time);
  }

  function handleTimer(): void {
    timer = undefined;
    timerAt = undefined;
    // An early timer finds no changed period and simply aims again at the same boundary.
    deliver(subscriptions, now());
    schedule();
  }

  function handleVisibility(): void {
    if (isHidden()) {
      clear();
      return;
    }
    deliver(subscriptions, now());
    schedule();
  }

  function watchVisibility(): void {
    if (!visibility || unwatchVisibility) return;
    try {
      unwatchVisibility = visibility.subscribe(handleVisibility);
    } catch (error) {
      console.error(error);
    }
  }

  function unwatch(): void {
    const stop = unwatchVisibility;
    unwatchVisibility = undefined;
    try {
      stop?.();
    } catch (error) {
      console.error(error);
    }
  }

  return {
    now,
    get offsetMs() {
      return offset;
    },
    setOffset(ms) {
      if (typeof ms !== 'number' || !Number.isFinite(ms)) {
        throw new RangeError(`Not an offset: ${String(ms)}`);
      }
      offset = ms;
      // Aim again: the next boundary has moved. Hidden, the listeners catch up when shown.
      clear();
      if (isHidden()) return;
      deliver(subscriptions, now());
      schedule();
    },
    subscribe(listener, unit = 'minute') {
      const step = unitMs(unit);
      const subscription: Subscription = {
        listener,
        unitMs: step,
        period: Math.floor(now() / step),
      };
      subscriptions.add(subscription);
      watchVisibility();
      schedule();
      return () => {
        if (!subscriptions.delete(subscription)) return;
        if (subscriptions.size === 0) unwatch();
        schedule();
      };
    },
  };
}

/**
 * A clock that stands still until `set` or `advance`, which call (synchronously, once each) the
 * listeners whose unit boundary was crossed, with the new time. Throws a `RangeError` for a
 * start or new time that is not a finite number or a valid Date.
 */
export function createTestClock(start: number | Date): TestClock {
  const toMs = (value: number | Date): number => {
    const ms = value instanceof Date ? value.getTime() : value;
    if (typeof ms !== 'number' || !Number.isFinite(ms)) {
      throw new RangeError(`Not a time: ${String(value)}`);
    }
    return ms;
  };
  let current = toMs(start);
  const subscriptions = new Set<Subscription>();
  const clock: TestClock = {
    now: () => current,
    subscribe(listener, unit = 'minute') {
      const step = unitMs(unit);
      const subscription: Subscription = {
        listener,
        unitMs: step,
        period: Math.floor(current / step),
      };
      subscriptions.add(subscription);
      return () => {
        subscriptions.delete(subscription);
      };
    },
    set(ms) {
      current = toMs(ms);
      deliver(subscriptions, current);
    },
    advance(ms) {
      clock.set(current + ms);
    },
  };
  return clock;
}
