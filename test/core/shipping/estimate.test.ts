/**
 * Table tests for the delivery-date engine, one section per rule of issue 8. Every expected date
 * and instant is worked out by hand in the comment above it, from these calendars and offsets:
 *
 *      November 2026          December 2026          January 2027          March 2026
 *   Su Mo Tu We Th Fr Sa   Su Mo Tu We Th Fr Sa   Su Mo Tu We Th Fr Sa   Su Mo Tu We Th Fr Sa
 *    1  2  3  4  5  6  7          1  2  3  4  5                   1  2    1  2  3  4  5  6  7
 *    8  9 10 11 12 13 14    6  7  8  9 10 11 12    3  4  5  6  7  8  9    8  9 10 11 12 13 14
 *   15 16 17 18 19 20 21   13 14 15 16 17 18 19   10 11 12 13 14 15 16   15 16 17 18 19 20 21
 *   22 23 24 25 26 27 28   20 21 22 23 24 25 26                          22 23 24 25 26 27 28
 *   29 30                  27 28 29 30 31                                29 30 31
 *
 *   Europe/Oslo          CET +01:00; CEST +02:00 from Sun 2026-03-29 02:00 (-> 03:00) to
 *                        Sun 2026-10-25 03:00 (-> 02:00).
 *   America/New_York     EST -05:00; EDT -04:00 from Sun 2026-03-08 02:00 (-> 03:00) to
 *                        Sun 2026-11-01 02:00 (-> 01:00).
 *   Australia/Lord_Howe  +10:30 standard; +11:00 summer time, ending Sun 2026-04-05 02:00
 *                        (-> 01:30) and starting Sun 2026-10-04 02:00 (-> 02:30): 30 minutes.
 *   America/Santiago     -04:00 winter; -03:00 summer from Sun 2026-09-06 00:00 (-> 01:00).
 *   Asia/Dubai +04:00, Asia/Kathmandu +05:45, no DST.
 */
import { expect } from '@open-wc/testing';
import {
  estimateDelivery,
  type DayOfWeek,
  type DeliveryEstimate,
  type DeliveryInput,
  type Money,
  type ShippingMethod,
  type ShippingOrigin,
  type ShippingRules,
} from '../../../src/core/shipping/index.js';

const MON_FRI: DayOfWeek[] = [1, 2, 3, 4, 5];
const MON_SAT: DayOfWeek[] = [1, 2, 3, 4, 5, 6];
const EVERY_DAY: DayOfWeek[] = [0, 1, 2, 3, 4, 5, 6];

const eur = (amount: string): Money => ({ amount, currency: 'EUR' });
const at = (iso: string): Date => new Date(iso);

function cutoffs(days: DayOfWeek[], time: string): ShippingOrigin['cutoffs'] {
  return days.map((day) => ({ day, time }));
}

/** A UTC warehouse working Monday to Friday, cutoff 15:00, shipping the order day itself. */
function origin(overrides: Partial<ShippingOrigin> = {}): ShippingOrigin {
  return {
    id: 'wh',
    timezone: 'UTC',
    cutoffs: cutoffs(MON_FRI, '15:00'),
    handlingDays: { min: 0, max: 0 },
    workdays: MON_FRI,
    closures: [],
    ...overrides,
  };
}

/** A carrier delivering Monday to Saturday, on the ship date itself (transit 0). */
function method(overrides: Partial<ShippingMethod> = {}): ShippingMethod {
  return {
    id: 'std',
    label: 'Standard',
    carrier: 'Posten',
    price: eur('4.90'),
    transitDays: { min: 0, max: 0 },
    deliveryDays: MON_SAT,
    ...overrides,
  };
}

function rules(parts: Partial<ShippingRules> = {}): ShippingRules {
  return { origins: [origin()], methods: [method()], holidays: [], ...parts };
}

/** The estimate with `orderBy` as an ISO string, so failures read well. */
type Readable =
  | { methodId: string; earliest: string; latest: string; orderBy: string; price: Money }
  | { methodId: string; none: string };

function readable(result: DeliveryEstimate): Readable {
  return 'none' in result ? result : { ...result, orderBy: result.orderBy.toISOString() };
}

function estimateAll(shipping: ShippingRules, input: DeliveryInput): Readable[] {
  return estimateDelivery(shipping, input).map(readable);
}

/** The one method's estimate. */
function estimate(shipping: ShippingRules, input: DeliveryInput): Readable {
  const all = estimateAll(shipping, input);
  expect(all).to.have.length(1);
  return all[0]!;
}

/** The one method's dates and order-by instant. */
function dates(
  shipping: ShippingRules,
  input: DeliveryInput,
): { earliest: string; latest: string; orderBy: string } | { none: string } {
  const result = estimate(shipping, input);
  if ('none' in result) return { none: result.none };
  return { earliest: result.earliest, latest: result.latest, orderBy: result.orderBy };
}

/** `count` consecutive dates from `first`, by UTC calendar arithmetic (test-side, not the engine). */
function dateRun(first: string, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) =>
    new Date(start + i * 86_400_000).toISOString().slice(0, 10),
  );
}

describe('estimateDelivery', () => {
  describe('the answer', () => {
    it('gives one entry per method, in order, with its id, dates, order-by and price', () => {
      const shipping = rules({
        methods: [method({ id: 'b' }), method({ id: 'a', price: eur('9.50') })],
      });
      // Mon 2026-11-23 10:00 UTC, before the 15:00 cutoff: order and ship Monday, transit 0,
      // Monday is a delivery day.
      const result = estimateDelivery(shipping, { now: at('2026-11-23T10:00:00Z') });
      expect(result).to.deep.equal([
        {
          methodId: 'b',
          earliest: '2026-11-23',
          latest: '2026-11-23',
          orderBy: at('2026-11-23T15:00:00Z'),
          price: eur('4.90'),
        },
        {
          methodId: 'a',
          earliest: '2026-11-23',
          latest: '2026-11-23',
          orderBy: at('2026-11-23T15:00:00Z'),
          price: eur('9.50'),
        },
      ]);
      expect((result[0] as { orderBy: unknown }).orderBy).to.be.instanceOf(Date);
    });

    it('gives an empty list for rules without methods', () => {
      expect(
        estimateDelivery(rules({ methods: [] }), { now: at('2026-11-23T10:00:00Z') }),
      ).to.deep.equal([]);
    });
  });

  describe('rule 1: working days', () => {
    it('skips weekends and closures', () => {
      // Tue 24 Nov after the cutoff; Wed 25 is closed, so Thu 26 is the next working day.
      expect(
        dates(rules({ origins: [origin({ closures: ['2026-11-25'] })] }), {
          now: at('2026-11-24T16:00:00Z'),
        }),
      ).to.deep.equal({
        earliest: '2026-11-26',
        latest: '2026-11-26',
        orderBy: '2026-11-26T15:00:00.000Z',
      });
      // Fri 27 Nov after the cutoff: Sat 28 and Sun 29 are not workdays, so Mon 30.
      expect(dates(rules(), { now: at('2026-11-27T16:00:00Z') })).to.deep.equal({
        earliest: '2026-11-30',
        latest: '2026-11-30',
        orderBy: '2026-11-30T15:00:00.000Z',
      });
    });

    it('works a Sunday-to-Thursday week', () => {
      const dubai = origin({
        timezone: 'Asia/Dubai',
        workdays: [0, 1, 2, 3, 4],
        cutoffs: cutoffs([0, 1, 2, 3, 4], '14:00'),
        handlingDays: { min: 1, max: 1 },
      });
      const courier = method({ deliveryDays: [0, 1, 2, 3, 4], transitDays: { min: 1, max: 2 } });
      const shipping = rules({ origins: [dubai], methods: [courier] });
      // Thu 26 Nov 11:00Z is 15:00 in Dubai (+04:00), after the 14:00 cutoff. Fri 27 and Sat 28
      // are the weekend, so the order day is Sun 29 (cutoff 14:00 +04:00 = 10:00Z). One handling
      // day: ships Mon 30. Transit 1-2 delivery days (Sun-Thu) after Mon 30: Tue 1 and Wed 2 Dec.
      const expected = {
        earliest: '2026-12-01',
        latest: '2026-12-02',
        orderBy: '2026-11-29T10:00:00.000Z',
      };
      expect(dates(shipping, { now: at('2026-11-26T11:00:00Z') })).to.deep.equal(expected);
      // Friday morning in Dubai is the same: Friday is not a workday.
      expect(dates(shipping, { now: at('2026-11-27T05:00:00Z') })).to.deep.equal(expected);
      // Sun 29 09:59Z (13:59 in Dubai) still makes Sunday's cutoff.
      expect(dates(shipping, { now: at('2026-11-29T09:59:00Z') })).to.deep.equal(expected);
    });

    it('waits out a closure run across New Year', () => {
      const closures = [
        ...['2026-12-24', '2026-12-25', '2026-12-28', '2026-12-29', '2026-12-30'],
        ...['2026-12-31', '2027-01-01'],
      ];
      const shipping = rules({
        origins: [origin({ closures, handlingDays: { min: 0, max: 1 } })],
        methods: [method({ deliveryDays: MON_FRI, transitDays: { min: 1, max: 1 } })],
        holidays: ['2027-01-01', '2027-01-06'],
      });
      // Wed 23 Dec after the cutoff. Thu 24 to Fri 1 Jan are closed or weekend, Sat 2 and Sun 3
      // are the weekend: the order day is Mon 4 Jan 2027. Ships Mon 4 to Tue 5 (handling 0-1).
      // Earliest: 1 delivery day after Mon 4 = Tue 5. Latest: 1 after Tue 5 = Wed 6, a holiday,
      // so Thu 7.
      expect(dates(shipping, { now: at('2026-12-23T16:00:00Z') })).to.deep.equal({
        earliest: '2027-01-05',
        latest: '2027-01-07',
        orderBy: '2027-01-04T15:00:00.000Z',
      });
    });
  });

  describe('rule 2: cutoffs', () => {
    it('uses the cutoff of the weekday', () => {
      const shipping = rules({
        origins: [
          origin({ cutoffs: [...cutoffs([1, 2, 3, 4], '15:00'), { day: 5, time: '12:00' }] }),
        ],
      });
      // Fri 27 Nov 13:00Z is past Friday's 12:00 cutoff: Mon 30.
      expect(dates(shipping, { now: at('2026-11-27T13:00:00Z') })).to.deep.equal({
        earliest: '2026-11-30',
        latest: '2026-11-30',
        orderBy: '2026-11-30T15:00:00.000Z',
      });
      // Thu 26 Nov 14:59Z is before Thursday's 15:00 cutoff: Thursday.
      expect(dates(shipping, { now: at('2026-11-26T14:59:00Z') })).to.deep.equal({
        earliest: '2026-11-26',
        latest: '2026-11-26',
        orderBy: '2026-11-26T15:00:00.000Z',
      });
    });

    it('takes orders until the end of a working day without a cutoff', () => {
      const shipping = rules({ origins: [origin({ cutoffs: cutoffs([1], '15:00') })] });
      // Tuesday has no cutoff: orders count until Wed 25 00:00 UTC.
      expect(dates(shipping, { now: at('2026-11-24T23:59:59.999Z') })).to.deep.equal({
        earliest: '2026-11-24',
        latest: '2026-11-24',
        orderBy: '2026-11-25T00:00:00.000Z',
      });
    });

    it("reads the cutoff in the origin's timezone", () => {
      const oslo = origin({ timezone: 'Europe/Oslo' });
      // 14:30Z is 15:30 in Oslo (+01:00), past 15:00: Wed 25, cutoff 15:00 CET = 14:00Z.
      expect(dates(rules({ origins: [oslo] }), { now: at('2026-11-24T14:30:00Z') })).to.deep.equal({
        earliest: '2026-11-25',
        latest: '2026-11-25',
        orderBy: '2026-11-25T14:00:00.000Z',
      });
    });

    it('uses the new offset on the working day after a DST change (Oslo, New York, Lord Howe)', () => {
      // Oslo: Sat 28 Mar is not a workday; Mon 30 Mar 15:00 is CEST (+02:00) = 13:00Z, not the
      // 14:00Z it was on Friday.
      expect(
        dates(rules({ origins: [origin({ timezone: 'Europe/Oslo' })] }), {
          now: at('2026-03-28T12:00:00Z'),
        }),
      ).to.deep.equal({
        earliest: '2026-03-30',
        latest: '2026-03-30',
        orderBy: '2026-03-30T13:00:00.000Z',
      });
      // New York: Sat 31 Oct (EDT); Mon 2 Nov 15:00 is EST (-05:00) = 20:00Z.
      expect(
        dates(rules({ origins: [origin({ timezone: 'America/New_York' })] }), {
          now: at('2026-10-31T16:00:00Z'),
        }),
      ).to.deep.equal({
        earliest: '2026-11-02',
        latest: '2026-11-02',
        orderBy: '2026-11-02T20:00:00.000Z',
      });
      // Lord Howe: Sat 3 Oct (+10:30); Mon 5 Oct 15:00 is +11:00 = 04:00Z (04:30Z before).
      expect(
        dates(rules({ origins: [origin({ timezone: 'Australia/Lord_Howe' })] }), {
          now: at('2026-10-03T00:00:00Z'),
        }),
      ).to.deep.equal({
        earliest: '2026-10-05',
        latest: '2026-10-05',
        orderBy: '2026-10-05T04:00:00.000Z',
      });
    });

    describe('a cutoff in a DST gap moves forward by the gap', () => {
      const sunday = (timezone: string, time: string): ShippingRules =>
        rules({
          origins: [origin({ timezone, workdays: EVERY_DAY, cutoffs: cutoffs(EVERY_DAY, time) })],
          methods: [method({ deliveryDays: EVERY_DAY })],
        });

      it('Europe/Oslo: 02:30 on 29 Mar is 03:30 CEST = 01:30Z', () => {
        // 01:15Z is 03:15 CEST: the wall clock is past 02:30, but the cutoff is still ahead.
        expect(
          dates(sunday('Europe/Oslo', '02:30'), { now: at('2026-03-29T01:15:00Z') }),
        ).to.deep.equal({
          earliest: '2026-03-29',
          latest: '2026-03-29',
          orderBy: '2026-03-29T01:30:00.000Z',
        });
        // At 01:30Z it has passed: Monday, 02:30 CEST = 00:30Z.
        expect(
          dates(sunday('Europe/Oslo', '02:30'), { now: at('2026-03-29T01:30:00Z') }),
        ).to.deep.equal({
          earliest: '2026-03-30',
          latest: '2026-03-30',
          orderBy: '2026-03-30T00:30:00.000Z',
        });
      });

      it('America/New_York: 02:30 on 8 Mar is 03:30 EDT = 07:30Z', () => {
        expect(
          dates(sunday('America/New_York', '02:30'), { now: at('2026-03-08T07:00:00Z') }),
        ).to.deep.equal({
          earliest: '2026-03-08',
          latest: '2026-03-08',
          orderBy: '2026-03-08T07:30:00.000Z',
        });
      });

      it('Australia/Lord_Howe: 02:15 on 4 Oct is 02:45 (+11:00) = 3 Oct 15:45Z', () => {
        // 15:35Z is 02:35 on the new wall clock, already past 02:15 as written.
        expect(
          dates(sunday('Australia/Lord_Howe', '02:15'), { now: at('2026-10-03T15:35:00Z') }),
        ).to.deep.equal({
          earliest: '2026-10-04',
          latest: '2026-10-04',
          orderBy: '2026-10-03T15:45:00.000Z',
        });
      });

      it('America/Santiago: the end of Sat 5 Sep is 01:00 (-03:00) on Sunday = 04:00Z', () => {
        // Saturday has no cutoff: orders count until Sunday 00:00, which does not exist; it moves
        // forward by the one-hour gap to 01:00 -03:00 = 04:00Z, the very end of Saturday.
        const santiago = origin({ timezone: 'America/Santiago', workdays: [6], cutoffs: [] });
        expect(
          dates(rules({ origins: [santiago] }), { now: at('2026-09-05T20:00:00Z') }),
        ).to.deep.equal({
          earliest: '2026-09-05',
          latest: '2026-09-05',
          orderBy: '2026-09-06T04:00:00.000Z',
        });
      });
    });

    describe('a cutoff repeated by a DST overlap is the earlier instant', () => {
      const sunday = (timezone: string, time: string): ShippingRules =>
        rules({
          origins: [origin({ timezone, workdays: [0], cutoffs: cutoffs([0], time) })],
          methods: [method({ deliveryDays: EVERY_DAY })],
        });
      const cases: [string, string, string, string, string][] = [
        // zone, Sunday, cutoff, now (before the first instant), the first of the two instants
        // Oslo, 25 Oct: 02:30 CEST (+02:00) = 00:30Z, then 02:30 CET = 01:30Z.
        ['Europe/Oslo', '2026-10-25', '02:30', '2026-10-25T00:00:00Z', '2026-10-25T00:30:00.000Z'],
        // New York, 1 Nov: 01:30 EDT (-04:00) = 05:30Z, then 01:30 EST = 06:30Z.
        [
          'America/New_York',
          '2026-11-01',
          '01:30',
          '2026-11-01T05:00:00Z',
          '2026-11-01T05:30:00.000Z',
        ],
        // Lord Howe, 5 Apr: 01:45 +11:00 = 4 Apr 14:45Z, then 01:45 +10:30 = 15:15Z.
        [
          'Australia/Lord_Howe',
          '2026-04-05',
          '01:45',
          '2026-04-04T14:00:00Z',
          '2026-04-04T14:45:00.000Z',
        ],
      ];
      for (const [zone, date, time, now, first] of cases) {
        it(`${zone}: ${time} on ${date}, the day the clock falls back`, () => {
          expect(dates(sunday(zone, time), { now: at(now) })).to.deep.equal({
            earliest: date,
            latest: date,
            orderBy: first,
          });
        });
      }

      it('orders between the two instants count for the next week (Oslo)', () => {
        // 01:00Z is 02:00 CET, after the first 02:30: the next Sunday, 1 Nov, 02:30 CET = 01:30Z.
        expect(
          dates(sunday('Europe/Oslo', '02:30'), { now: at('2026-10-25T01:00:00Z') }),
        ).to.deep.equal({
          earliest: '2026-11-01',
          latest: '2026-11-01',
          orderBy: '2026-11-01T01:30:00.000Z',
        });
      });
    });
  });

  describe('rule 3: the order day', () => {
    it('moves to the next working day exactly at the cutoff, not a millisecond before', () => {
      expect(dates(rules(), { now: at('2026-11-24T14:59:59.999Z') })).to.deep.equal({
        earliest: '2026-11-24',
        latest: '2026-11-24',
        orderBy: '2026-11-24T15:00:00.000Z',
      });
      expect(dates(rules(), { now: at('2026-11-24T15:00:00.000Z') })).to.deep.equal({
        earliest: '2026-11-25',
        latest: '2026-11-25',
        orderBy: '2026-11-25T15:00:00.000Z',
      });
    });

    it("starts from the date in the origin's timezone, not UTC", () => {
      // 03:00Z on Wed 25 is still Tue 24, 22:00 in New York (-05:00). Without cutoffs orders
      // count until midnight: order day Tue 24, until Wed 25 00:00 EST = 05:00Z. (The UTC date
      // would give Wed 25, until Thu 26 05:00Z.)
      const ny = origin({ timezone: 'America/New_York', cutoffs: [] });
      expect(dates(rules({ origins: [ny] }), { now: at('2026-11-25T03:00:00Z') })).to.deep.equal({
        earliest: '2026-11-24',
        latest: '2026-11-24',
        orderBy: '2026-11-25T05:00:00.000Z',
      });
      // 18:20Z on Tue 24 is already Wed 25, 00:05 in Kathmandu (+05:45): Wednesday, before its
      // cutoff 15:00 +05:45 = 09:15Z.
      const kathmandu = origin({ timezone: 'Asia/Kathmandu' });
      expect(
        dates(rules({ origins: [kathmandu] }), { now: at('2026-11-24T18:20:00Z') }),
      ).to.deep.equal({
        earliest: '2026-11-25',
        latest: '2026-11-25',
        orderBy: '2026-11-25T09:15:00.000Z',
      });
    });
  });

  describe('rule 4: ship dates', () => {
    it('adds handling working days, skipping weekends and closures', () => {
      // Order day Fri 27 Nov. Handling 1: Mon 30 (not Sat 28). Handling 3: Mon 30, Tue 1 Dec,
      // Wed 2. Transit 0, delivered the same day (Mon-Sat).
      const handling = origin({ handlingDays: { min: 1, max: 3 } });
      expect(
        dates(rules({ origins: [handling] }), { now: at('2026-11-27T10:00:00Z') }),
      ).to.deep.equal({
        earliest: '2026-11-30',
        latest: '2026-12-02',
        orderBy: '2026-11-27T15:00:00.000Z',
      });
      // Mon 30 closed: handling 1 is Tue 1 Dec; handling 3 is Tue 1, Wed 2, Thu 3.
      const closed = origin({ handlingDays: { min: 1, max: 3 }, closures: ['2026-11-30'] });
      expect(
        dates(rules({ origins: [closed] }), { now: at('2026-11-27T10:00:00Z') }),
      ).to.deep.equal({
        earliest: '2026-12-01',
        latest: '2026-12-03',
        orderBy: '2026-11-27T15:00:00.000Z',
      });
    });

    it('ships the order day itself with handling 0', () => {
      const handling = origin({ handlingDays: { min: 0, max: 1 } });
      // Order day Thu 26: ships Thu 26 to Fri 27.
      expect(
        dates(rules({ origins: [handling] }), { now: at('2026-11-26T10:00:00Z') }),
      ).to.deep.equal({
        earliest: '2026-11-26',
        latest: '2026-11-27',
        orderBy: '2026-11-26T15:00:00.000Z',
      });
    });
  });

  describe('rules 5 and 7: delivery days and dates', () => {
    it('skips days the carrier does not deliver and holidays', () => {
      const saturdayWarehouse = origin({ workdays: MON_SAT, cutoffs: cutoffs(MON_SAT, '15:00') });
      const shipping = rules({
        origins: [saturdayWarehouse],
        methods: [method({ deliveryDays: MON_FRI, transitDays: { min: 0, max: 2 } })],
        holidays: ['2026-11-30'],
      });
      // Ships Sat 28. Earliest (transit 0): the first delivery day on or after Sat 28; Sun 29 is
      // not one, Mon 30 is a holiday: Tue 1 Dec. Latest: the 2nd delivery day after Sat 28:
      // Tue 1, Wed 2.
      expect(dates(shipping, { now: at('2026-11-28T10:00:00Z') })).to.deep.equal({
        earliest: '2026-12-01',
        latest: '2026-12-02',
        orderBy: '2026-11-28T15:00:00.000Z',
      });
    });

    it('counts transit 0 from the ship date itself and transit n strictly after it', () => {
      // Ships Wed 25. Transit 0: Wed 25. Transit 1: Thu 26.
      expect(
        dates(rules({ methods: [method({ transitDays: { min: 0, max: 1 } })] }), {
          now: at('2026-11-25T10:00:00Z'),
        }),
      ).to.deep.equal({
        earliest: '2026-11-25',
        latest: '2026-11-26',
        orderBy: '2026-11-25T15:00:00.000Z',
      });
    });
  });

  describe('rule 6: transit by postal zone', () => {
    // Ships Mon 23 Nov (10:00Z, before the cutoff); delivery Mon-Sat. The n-th delivery day
    // after Mon 23: 1 Tue 24, 2 Wed 25, 3 Thu 26, 4 Fri 27, 5 Sat 28, 6 Mon 30, 7 Tue 1 Dec,
    // 8 Wed 2, 9 Thu 3.
    const zoned = rules({
      methods: [
        method({
          transitDays: { min: 3, max: 5 },
          zones: [
            { postalPrefix: '0', transitDays: { min: 2, max: 2 } },
            { postalPrefix: '01', transitDays: { min: 1, max: 1 } },
            // The same prefix as '01' once spaces and hyphens go: listed later, never used.
            { postalPrefix: ' 0-1 ', transitDays: { min: 9, max: 9 } },
            { postalPrefix: 'sw1a', transitDays: { min: 4, max: 4 } },
          ],
        }),
      ],
    });
    const now = at('2026-11-23T10:00:00Z');
    const range = (postalCode: string | undefined): string => {
      const result = dates(zoned, { now, ...(postalCode === undefined ? {} : { postalCode }) });
      return 'none' in result ? result.none : `${result.earliest}..${result.latest}`;
    };

    it('uses the longest matching prefix, the first listed among equals', () => {
      expect(range('0150')).to.equal('2026-11-24..2026-11-24'); // '01': 1-1
      expect(range('0999')).to.equal('2026-11-25..2026-11-25'); // '0': 2-2
      expect(range('0')).to.equal('2026-11-25..2026-11-25'); // '01' is longer than the code
    });

    it('compares upper-cased, without spaces and hyphens', () => {
      expect(range('0-1 50')).to.equal('2026-11-24..2026-11-24'); // '01'
      expect(range(' 01-50 ')).to.equal('2026-11-24..2026-11-24'); // '01'
      expect(range('SW1A 1AA')).to.equal('2026-11-27..2026-11-27'); // 'sw1a': 4-4
      expect(range('sw1a-1aa')).to.equal('2026-11-27..2026-11-27');
    });

    it('uses the base transit when no zone matches', () => {
      expect(range('5000')).to.equal('2026-11-26..2026-11-28'); // base 3-5
      expect(range('W1A')).to.equal('2026-11-26..2026-11-28');
    });

    it('spans the base and every zone without a postal code', () => {
      // Smallest min: 1 ('01'); largest max: 9 (the shadowed ' 0-1 ' is still a zone).
      expect(range(undefined)).to.equal('2026-11-24..2026-12-03');
      expect(range('')).to.equal('2026-11-24..2026-12-03');
      expect(range(' - ')).to.equal('2026-11-24..2026-12-03');
    });

    it('uses the base transit alone when there are no zones', () => {
      // 2-4 delivery days after Mon 23: Wed 25 to Fri 27.
      const plain = rules({ methods: [method({ transitDays: { min: 2, max: 4 } })] });
      expect(dates(plain, { now })).to.deep.include({
        earliest: '2026-11-25',
        latest: '2026-11-27',
      });
    });

    it('finds the right zone among thousands', () => {
      // 5000 four-digit prefixes '1000'..'5999' with transit 2-2, and one '4242' listed first
      // with 1-1; code '4242 77' matches '4242' (first listed) -> Tue 24.
      const zones = [
        { postalPrefix: '4242', transitDays: { min: 1, max: 1 } },
        ...Array.from({ length: 5000 }, (_, i) => ({
          postalPrefix: String(1000 + i),
          transitDays: { min: 2, max: 2 },
        })),
      ];
      const many = rules({ methods: [method({ transitDays: { min: 3, max: 3 }, zones })] });
      expect(dates(many, { now, postalCode: '4242 77' })).to.deep.include({
        earliest: '2026-11-24',
        latest: '2026-11-24',
      });
      // '1234' (a zone) -> 2-2: Wed 25. '9999' (none) -> base 3: Thu 26.
      expect(dates(many, { now, postalCode: '1234' })).to.deep.include({ earliest: '2026-11-25' });
      expect(dates(many, { now, postalCode: '9999' })).to.deep.include({ earliest: '2026-11-26' });
    });
  });

  describe('rules 8 and 9: several origins', () => {
    // A: UTC, cutoff 15:00, handling 0. B: New York, cutoff 12:00 (17:00Z in November), handling
    // 2-3. Transit 1 delivery day (Mon-Sat).
    const a = origin({ id: 'a' });
    const b = origin({
      id: 'b',
      timezone: 'America/New_York',
      cutoffs: cutoffs(MON_FRI, '12:00'),
      handlingDays: { min: 2, max: 3 },
    });
    const transit1 = method({ transitDays: { min: 1, max: 1 } });

    it('takes the earliest earliest, the latest latest and the earliest cutoff', () => {
      // Mon 23, 10:00Z (05:00 in New York): both order on Mon 23. A ships Mon 23, arrives Tue 24.
      // B ships Wed 25 to Thu 26, arrives Thu 26 to Fri 27. orderBy: min(15:00Z, 17:00Z).
      expect(
        dates(rules({ origins: [a, b], methods: [transit1] }), {
          now: at('2026-11-23T10:00:00Z'),
        }),
      ).to.deep.equal({
        earliest: '2026-11-24',
        latest: '2026-11-27',
        orderBy: '2026-11-23T15:00:00.000Z',
      });
    });

    it("takes the other origin's cutoff when it comes first", () => {
      // Mon 23, 16:00Z: A has passed its cutoff (order day Tue 24, cutoff Tue 15:00Z, ships
      // Tue 24, arrives Wed 25); B (11:00 in New York) still orders Monday, cutoff 17:00Z,
      // arrives Thu 26 to Fri 27.
      expect(
        dates(rules({ origins: [a, b], methods: [transit1] }), {
          now: at('2026-11-23T16:00:00Z'),
        }),
      ).to.deep.equal({
        earliest: '2026-11-25',
        latest: '2026-11-27',
        orderBy: '2026-11-23T17:00:00.000Z',
      });
    });
  });

  describe('rule 10: price', () => {
    const free = rules({ methods: [method({ price: eur('4.90'), freeOver: eur('50.00') })] });
    const now = at('2026-11-23T10:00:00Z');
    const price = (subtotal?: Money): Money | string => {
      const result = estimate(free, { now, ...(subtotal ? { subtotal } : {}) });
      return 'none' in result ? result.none : result.price;
    };

    it('is zero from freeOver up, compared as decimals', () => {
      expect(price(eur('49.99'))).to.deep.equal(eur('4.90'));
      expect(price(eur('49.999'))).to.deep.equal(eur('4.90'));
      // The same binary float as 50, but less than 50.
      expect(price(eur('49.99999999999999999'))).to.deep.equal(eur('4.90'));
      expect(price(eur('50'))).to.deep.equal(eur('0'));
      expect(price(eur('50.000'))).to.deep.equal(eur('0'));
      expect(price(eur('50.01'))).to.deep.equal(eur('0'));
      expect(price(eur('120'))).to.deep.equal(eur('0'));
    });

    it('is the price for a subtotal in another currency, or none', () => {
      expect(price({ amount: '100', currency: 'USD' })).to.deep.equal(eur('4.90'));
      expect(price()).to.deep.equal(eur('4.90'));
    });

    it("is zero in the price's currency", () => {
      // A USD threshold for a EUR price (odd, but allowed): reached by a USD subtotal, the
      // method costs EUR 0.
      const mixed = rules({
        methods: [method({ price: eur('4.90'), freeOver: { amount: '60', currency: 'USD' } })],
      });
      const result = estimate(mixed, { now, subtotal: { amount: '60', currency: 'USD' } });
      expect(result).to.deep.include({ price: eur('0') });
    });

    it('is the price when the method has no freeOver', () => {
      const paid = rules({ methods: [method({ price: eur('4.90') })] });
      const result = estimate(paid, { now, subtotal: eur('1000') });
      expect(result).to.deep.include({ price: eur('4.90') });
    });
  });

  describe('rule 11: no promise', () => {
    const now = at('2026-11-23T16:00:00Z'); // Mon 23, after the cutoff

    it('is no-working-day when no origin has workdays', () => {
      const idle = rules({
        origins: [origin({ workdays: [] })],
        methods: [method(), method({ id: 'x' })],
      });
      expect(estimateAll(idle, { now })).to.deep.equal([
        { methodId: 'std', none: 'no-working-day' },
        { methodId: 'x', none: 'no-working-day' },
      ]);
      expect(estimateAll(rules({ origins: [] }), { now })).to.deep.equal([
        { methodId: 'std', none: 'no-working-day' },
      ]);
    });

    it('finds a working day 366 days after the date it starts from, not 367', () => {
      const everyDay = (closures: string[]): ShippingRules =>
        rules({
          origins: [
            origin({ workdays: EVERY_DAY, cutoffs: cutoffs(EVERY_DAY, '15:00'), closures }),
          ],
          methods: [method({ deliveryDays: EVERY_DAY })],
        });
      // Closed Tue 24 Nov 2026 (day 1) to day 365: day 366 after Mon 23 Nov 2026 is
      // Tue 24 Nov 2027 (2027 has 365 days: Mon 23 Nov 2027 is day 365).
      expect(dates(everyDay(dateRun('2026-11-24', 365)), { now })).to.deep.equal({
        earliest: '2027-11-24',
        latest: '2027-11-24',
        orderBy: '2027-11-24T15:00:00.000Z',
      });
      expect(dates(everyDay(dateRun('2026-11-24', 366)), { now })).to.deep.equal({
        none: 'no-working-day',
      });
    });

    it('leaves out an origin without a working day and uses the others', () => {
      const idle = origin({ id: 'idle', workdays: [] });
      expect(dates(rules({ origins: [idle, origin()] }), { now })).to.deep.equal({
        earliest: '2026-11-24',
        latest: '2026-11-24',
        orderBy: '2026-11-24T15:00:00.000Z',
      });
    });

    it('leaves out an origin whose handling days do not fit in 366 days', () => {
      // 300 working days (Mon-Fri) need about 420 calendar days.
      const slow = origin({ handlingDays: { min: 0, max: 300 } });
      expect(dates(rules({ origins: [slow] }), { now })).to.deep.equal({ none: 'no-working-day' });
    });

    it('is no-delivery-day without delivery days, or when a remaining origin finds none', () => {
      expect(dates(rules({ methods: [method({ deliveryDays: [] })] }), { now })).to.deep.equal({
        none: 'no-delivery-day',
      });
      // Both origins order and ship on Tue 24 at the earliest. The first ships by Tue 24 and
      // delivers Tue 24. The second ships by Tue 1 Dec (handling 5: Wed 25, Thu 26, Fri 27,
      // Mon 30, Tue 1), inside 400 holidays from Thu 26 Nov: no delivery day within 366 days
      // of Tue 1 Dec, so the method has none, although the first origin alone would have one.
      const late = origin({ id: 'late', handlingDays: { min: 0, max: 5 } });
      const holidays = dateRun('2026-11-26', 400);
      expect(dates(rules({ origins: [origin(), late], holidays }), { now })).to.deep.equal({
        none: 'no-delivery-day',
      });
      expect(dates(rules({ origins: [origin()], holidays }), { now })).to.deep.include({
        earliest: '2026-11-24',
      });
    });

    it('finds a delivery day 366 days after the ship date, not 367', () => {
      const shipping = (holidays: string[]): ShippingRules =>
        rules({ methods: [method({ deliveryDays: EVERY_DAY })], holidays });
      // Ships Tue 24 Nov 2026 (day 0); transit 0 looks at days 0 to 366. Day 365 is
      // Wed 24 Nov 2027 (no 29 February in between), day 366 is Thu 25 Nov 2027. Holidays on
      // days 0-365 leave day 366; on days 0-366, nothing.
      expect(dates(shipping(dateRun('2026-11-24', 366)), { now })).to.deep.include({
        earliest: '2027-11-25',
      });
      expect(dates(shipping(dateRun('2026-11-24', 367)), { now })).to.deep.equal({
        none: 'no-delivery-day',
      });
    });

    it('keeps methods independent', () => {
      const shipping = rules({
        methods: [method({ id: 'never', deliveryDays: [] }), method({ id: 'ok' })],
      });
      expect(estimateAll(shipping, { now })).to.deep.equal([
        { methodId: 'never', none: 'no-delivery-day' },
        {
          methodId: 'ok',
          earliest: '2026-11-24',
          latest: '2026-11-24',
          orderBy: '2026-11-24T15:00:00.000Z',
          price: eur('4.90'),
        },
      ]);
    });
  });
});
