/**
 * Property tests for the delivery-date engine (issue 8) over random rules, real IANA timezones
 * (with 30- and 45-minute offsets and changes, and DST at midnight) and instants, biased
 * towards the days clocks change.
 *
 * Runs are reproducible: every property uses `SEED`. fast-check prints the seed and the
 * counterexample's path on failure; to replay one, set `SEED` (and `path` in `params`) to them.
 * For a longer search, raise `RUNS` or change `SEED`.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  estimateDelivery,
  type DayOfWeek,
  type DeliveryEstimate,
  type DeliveryInput,
  type ShippingMethod,
  type ShippingOrigin,
  type ShippingRules,
} from '../../../src/core/shipping/index.js';

const SEED = 20_260_008;
/** Runs per property: 4 x 400 take about 1-3 s in headless Chromium on a busy 2-core machine. */
const RUNS = 400;
const params: fc.Parameters<unknown> = { seed: SEED, numRuns: RUNS };

const DAY_MS = 86_400_000;

const ZONES = [
  'Europe/Oslo',
  'America/New_York',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kathmandu',
  'America/Santiago',
  'UTC',
];

/** UTC dates on which one of those zones changes its offset (found with Intl for 2026-2027). */
const CHANGE_DAYS = [
  ...['2026-03-08', '2026-03-29', '2026-04-04', '2026-04-05', '2026-09-06', '2026-09-26'],
  ...['2026-10-03', '2026-10-25', '2026-11-01', '2027-03-14', '2027-03-28', '2027-04-03'],
  ...['2027-04-04', '2027-09-05', '2027-09-25', '2027-10-02', '2027-10-31', '2027-11-07'],
];

const PREFIXES = ['0', '01', '012', '1', '1-2', ' 12', '9', 'a', 'A1', ''];
const CODES = ['0123', '01 99', '0', '1-234', '12', '9', 'A1B', 'a1-b2', 'Z', ' '];

// -- test-side calendar helpers (plain UTC arithmetic, not the engine's) ----------------------

const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const isoDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

// -- arbitraries --------------------------------------------------------------------------------

const weekdays = (minLength: number): fc.Arbitrary<DayOfWeek[]> =>
  fc.subarray([0, 1, 2, 3, 4, 5, 6] as DayOfWeek[], { minLength }).map((days) => [...days].sort());

/** "HH:MM", half the time in the small hours where DST changes happen (00:00-03:59). */
const clockTime = fc
  .oneof(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 239 }))
  .map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

const dayRange = (most: number, spread: number): fc.Arbitrary<{ min: number; max: number }> =>
  fc
    .tuple(fc.integer({ min: 0, max: most }), fc.integer({ min: 0, max: spread }))
    .map(([min, extra]) => ({ min, max: min + extra }));

/** Dates around `base`: from 3 days before to 30 after. */
const datesNear = (base: number, maxLength: number): fc.Arbitrary<string[]> =>
  fc
    .uniqueArray(fc.integer({ min: -3, max: 30 }), { maxLength })
    .map((offsets) => offsets.map((offset) => isoDate(base + offset)));

const origin = (base: number, id: string): fc.Arbitrary<ShippingOrigin> =>
  fc.record({
    id: fc.constant(id),
    timezone: fc.constantFrom(...ZONES),
    cutoffs: fc
      .array(fc.option(clockTime, { nil: undefined }), { minLength: 7, maxLength: 7 })
      .map((times) =>
        times.flatMap((time, day) => (time ? [{ day: day as DayOfWeek, time }] : [])),
      ),
    handlingDays: dayRange(3, 3),
    workdays: weekdays(1),
    closures: datesNear(base, 6),
  });

const zone = fc.record({
  postalPrefix: fc.constantFrom(...PREFIXES),
  transitDays: dayRange(4, 3),
});

const method = (id: string): fc.Arbitrary<ShippingMethod> =>
  fc.record({
    id: fc.constant(id),
    label: fc.constant(id),
    carrier: fc.constant('Carrier'),
    price: fc.constant({ amount: '4.90', currency: 'EUR' }),
    transitDays: dayRange(3, 4),
    deliveryDays: weekdays(1),
    zones: fc.array(zone, { maxLength: 4 }),
  });

interface Scenario {
  rules: ShippingRules;
  input: DeliveryInput;
}

/** Rules and an order moment near a day some zone changes its clock, or any day in 2026-2027. */
const scenario: fc.Arbitrary<Scenario> = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(...CHANGE_DAYS).map(dayNumber),
      fc.integer({ min: dayNumber('2026-01-01'), max: dayNumber('2027-12-31') }),
    ),
    fc.integer({ min: -2 * DAY_MS, max: 3 * DAY_MS }),
  )
  .chain(([base, offset]) =>
    fc.record({
      rules: fc.record({
        origins: fc
          .integer({ min: 1, max: 3 })
          .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => origin(base, `o${i}`)))),
        methods: fc.tuple(method('m0'), method('m1')),
        holidays: datesNear(base, 6),
      }),
      input: fc.record({
        now: fc.constant(new Date(base * DAY_MS + offset)),
        postalCode: fc.option(fc.constantFrom(...CODES), { nil: undefined }),
      }),
    }),
  );

// -- helpers ------------------------------------------------------------------------------------

type Promised = Extract<DeliveryEstimate, { orderBy: Date }>;

const promised = (result: DeliveryEstimate): result is Promised => !('none' in result);

/** The order-by instant all promises share, or undefined when there is no promise. */
function orderByOf(results: DeliveryEstimate[]): number | undefined {
  const times = results.filter(promised).map((r) => r.orderBy.getTime());
  if (times.length === 0) return undefined;
  expect(new Set(times).size, 'one orderBy for all methods').to.equal(1);
  return times[0];
}

const readable = (results: DeliveryEstimate[]): unknown[] =>
  results.map((r) => (promised(r) ? { ...r, orderBy: r.orderBy.toISOString() } : r));

function at(s: Scenario, now: number): DeliveryEstimate[] {
  return estimateDelivery(s.rules, { ...s.input, now: new Date(now) });
}

/**
 * Each method's promise in `after` (a later order) is never earlier than in `before`, when both
 * promise; returns how many methods were compared.
 */
function neverEarlier(before: DeliveryEstimate[], after: DeliveryEstimate[]): number {
  let compared = 0;
  before.forEach((first, i) => {
    const second = after[i]!;
    expect(second.methodId).to.equal(first.methodId);
    if (!promised(first) || !promised(second)) return;
    compared++;
    expect(second.earliest >= first.earliest, `earliest ${first.earliest} -> ${second.earliest}`).to
      .be.true;
    expect(second.latest >= first.latest, `latest ${first.latest} -> ${second.latest}`).to.be.true;
    expect(second.orderBy.getTime()).to.be.at.least(first.orderBy.getTime());
  });
  return compared;
}

/** How many runs a property made, and how many of them had a promise to check. */
interface Tally {
  runs: number;
  checked: number;
}

/** A property that only ever met "no promise" proves nothing: most runs must have checked one. */
function expectMostlyChecked({ runs, checked }: Tally): void {
  expect(runs).to.equal(RUNS);
  expect(checked, `${checked} of ${runs} runs had promises to check`).to.be.above(runs * 0.6);
}

describe('estimateDelivery properties', () => {
  it('promises earliest <= latest, both delivery days, and orderBy after now', () => {
    const tally: Tally = { runs: 0, checked: 0 };
    fc.assert(
      fc.property(scenario, (s) => {
        tally.runs++;
        const results = estimateDelivery(s.rules, s.input);
        expect(results.map((r) => r.methodId)).to.deep.equal(['m0', 'm1']);
        const holidays = new Set(s.rules.holidays);
        let any = false;
        results.forEach((result, i) => {
          if (!promised(result)) return;
          any = true;
          const { deliveryDays } = s.rules.methods[i]!;
          expect(result.earliest <= result.latest, `${result.earliest} <= ${result.latest}`).to.be
            .true;
          for (const date of [result.earliest, result.latest]) {
            expect(deliveryDays, `weekday of ${date}`).to.include(weekday(date));
            expect(holidays.has(date), `${date} is a holiday`).to.be.false;
          }
          expect(result.orderBy.getTime()).to.be.above(s.input.now.getTime());
        });
        if (any) tally.checked++;
      }),
      params,
    );
    expectMostlyChecked(tally);
  });

  it('gives the same answer for any instant in [now, orderBy)', () => {
    const tally: Tally = { runs: 0, checked: 0 };
    fc.assert(
      fc.property(
        scenario,
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (s, fraction) => {
          tally.runs++;
          const now = s.input.now.getTime();
          const first = at(s, now);
          const orderBy = orderByOf(first);
          if (orderBy === undefined) return;
          tally.checked++;
          const within = now + Math.min(Math.floor(fraction * (orderBy - now)), orderBy - now - 1);
          expect(readable(at(s, within)), `at ${new Date(within).toISOString()}`).to.deep.equal(
            readable(first),
          );
          expect(readable(at(s, orderBy - 1)), 'a millisecond before orderBy').to.deep.equal(
            readable(first),
          );
        },
      ),
      params,
    );
    expectMostlyChecked(tally);
  });

  it('is never earlier at orderBy and later', () => {
    const tally: Tally = { runs: 0, checked: 0 };
    fc.assert(
      fc.property(
        scenario,
        fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10 * DAY_MS })),
        (s, delay) => {
          tally.runs++;
          const first = at(s, s.input.now.getTime());
          const orderBy = orderByOf(first);
          if (orderBy === undefined) return;
          const later = at(s, orderBy + delay);
          if (neverEarlier(first, later) > 0) tally.checked++;
          // Past orderBy, a new orderBy lies ahead.
          const next = orderByOf(later);
          if (next !== undefined) expect(next).to.be.above(orderBy + delay);
        },
      ),
      params,
    );
    expectMostlyChecked(tally);
  });

  it('never promises earlier to a later order', () => {
    const tally: Tally = { runs: 0, checked: 0 };
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 20 * DAY_MS }), (s, delay) => {
        tally.runs++;
        const now = s.input.now.getTime();
        if (neverEarlier(at(s, now), at(s, now + delay)) > 0) tally.checked++;
      }),
      params,
    );
    expectMostlyChecked(tally);
  });
});
