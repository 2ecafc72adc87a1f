/**
 * The demo's page-clock control: moves the time of every widget on the page to just before or
 * just after the shipping estimator's cutoff (the instant its promise holds until), or back to
 * real time, through the page clock's offset (`PageClock.setOffset`). The clock is obtained the
 * way any widget gets it, with a context request; nothing here reaches into the widgets.
 */
import { ContextEvent } from '@lit/context';
import { clockContext, type Clock } from '../src/core/context.js';
import type { PageClock } from '../src/core/time/clock.js';

const MINUTE = 60_000;

/** How far before and after the cutoff the buttons put the clock ("Order within 2 min"). */
export const BEFORE_MS = 2.5 * MINUTE;
export const AFTER_MS = MINUTE;

export function isPageClock(clock: Clock | undefined): clock is PageClock {
  return typeof (clock as PageClock | undefined)?.setOffset === 'function';
}

/** The page clock that `element` is given (through its provider), if it can be had now. */
export function pageClockOf(element: Element): PageClock | undefined {
  let found: Clock | undefined;
  element.dispatchEvent(new ContextEvent(clockContext, element, (clock) => (found = clock), false));
  return isPageClock(found) ? found : undefined;
}

export interface ClockTargets {
  clock(): PageClock | undefined;
  /** The instant the shown promise holds until (the next cutoff), if there is one. */
  cutoff(): Date | undefined;
}

/**
 * Moves `clock` relative to one cutoff: the one on screen when first asked, kept until `reset`
 * (after "just after", the widget already shows the next promise; "just before" again goes back
 * to the same cutoff, so the promise can be watched moving both ways).
 */
export function createClockControl(targets: ClockTargets) {
  let cutoff: number | undefined;

  const moveTo = (offsetFromCutoff: number): boolean => {
    const clock = targets.clock();
    cutoff ??= targets.cutoff()?.getTime();
    if (!clock || cutoff === undefined || !Number.isFinite(cutoff)) return false;
    // The device's time is the page clock's without its offset.
    const deviceNow = clock.now() - clock.offsetMs;
    clock.setOffset(cutoff + offsetFromCutoff - deviceNow);
    return true;
  };

  return {
    /** The cutoff being demonstrated, once one was picked. */
    get cutoff(): Date | undefined {
      return cutoff === undefined ? undefined : new Date(cutoff);
    },
    /** Two and a half minutes before the cutoff: the promise holds, the countdown runs. */
    justBefore: () => moveTo(-BEFORE_MS),
    /** A minute after it: the promise has rolled over to the next one. */
    justAfter: () => moveTo(AFTER_MS),
    /** Real time again; the next press picks the cutoff then on screen. */
    reset(): void {
      cutoff = undefined;
      targets.clock()?.setOffset(0);
    },
  };
}

const STRINGS = {
  en: {
    title: 'Demo: page clock',
    before: 'Just before the cutoff',
    after: 'Just after the cutoff',
    reset: 'Real time',
    now: (time: string) => `Page clock: ${time}`,
    shifted: (time: string) => `Page clock: ${time} (moved for the demo)`,
    noCutoff: 'No cutoff to move to yet.',
  },
  ar: {
    title: 'تجربة: ساعة الصفحة',
    before: 'قبل موعد الطلب الأخير بقليل',
    after: 'بعد موعد الطلب الأخير بقليل',
    reset: 'الوقت الحقيقي',
    now: (time: string) => `ساعة الصفحة: ${time}`,
    shifted: (time: string) => `ساعة الصفحة: ${time} (مُعدّلة للتجربة)`,
    noCutoff: 'لا يوجد موعد طلب أخير بعد.',
  },
} as const;

export type DemoLang = keyof typeof STRINGS;

/**
 * Wires the control in `container` (buttons `[data-clock=before|after|reset]`, a title
 * `[data-clock=title]` and a status `[data-clock=status]`) to the page clock of `estimator`.
 * Returns a function that renders its text again (call it after a language switch).
 */
export function initClockControl(
  container: HTMLElement,
  estimator: Element & { promise?: { orderBy: Date } },
  lang: () => DemoLang,
): () => void {
  let clock: PageClock | undefined;
  let unsubscribe: (() => void) | undefined;
  const getClock = (): PageClock | undefined => {
    if (!clock) {
      clock = pageClockOf(estimator);
      unsubscribe = clock?.subscribe(() => showTime());
    }
    return clock;
  };
  const control = createClockControl({
    clock: getClock,
    cutoff: () => estimator.promise?.orderBy,
  });
  const part = (name: string) => container.querySelector<HTMLElement>(`[data-clock="${name}"]`)!;
  const status = part('status');

  function showTime(): void {
    const strings = STRINGS[lang()];
    const current = clock ?? getClock();
    if (!current) return;
    const time = new Intl.DateTimeFormat(lang(), {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: 'numeric',
      minute: '2-digit',
    }).format(current.now());
    status.textContent = current.offsetMs === 0 ? strings.now(time) : strings.shifted(time);
  }

  function render(): void {
    const strings = STRINGS[lang()];
    part('title').textContent = strings.title;
    part('before').textContent = strings.before;
    part('after').textContent = strings.after;
    part('reset').textContent = strings.reset;
    showTime();
  }

  const press = (move: () => boolean) => () => {
    if (move()) showTime();
    else status.textContent = STRINGS[lang()].noCutoff;
  };
  part('before').addEventListener('click', press(control.justBefore));
  part('after').addEventListener('click', press(control.justAfter));
  part('reset').addEventListener('click', () => {
    control.reset();
    showTime();
  });
  // Unsubscribes if the demo removes the control (never, on the demo page; tests do).
  container.addEventListener('demo-clock-dispose', () => unsubscribe?.(), { once: true });
  render();
  // The page host answers once the estimator's code has arrived: show the time from then on.
  void customElements.whenDefined(estimator.localName).then(showTime);
  return render;
}
