import { expect } from '@open-wc/testing';
import type { DayOfWeek, OpeningHours } from '../../../src/core/api/types.js';
import type { PickupSlot } from '../../../src/core/api/types.js';
import {
  firstBookable,
  hoursOn,
  readyTime,
  type PickupHours,
} from '../../../src/core/pickup/ready-time.js';

const ALL: DayOfWeek[] = [0, 1, 2, 3, 4, 5, 6];

/** The same period every day, with overrides (null: closed that weekday). */
function week(
  open: string,
  close: string,
  overrides: Partial<Record<DayOfWeek, [string, string][] | null>> = {},
): OpeningHours[] {
  return ALL.flatMap((day) => {
    const override = overrides[day];
    if (override === null) return [];
    return (override ?? [[open, close]]).map(([o, c]) => ({ day, open: o, close: c }));
  });
}

function store(
  timezone: string,
  hours: OpeningHours[],
  leadTimeMinutes: number,
  closures: string[] = [],
): PickupHours {
  return { timezone, hours, closures, pickup: { enabled: true, leadTimeMinutes } };
}

interface Row {
  name: string;
  store: PickupHours;
  /** "now", with the offset it has at the store. */
  now: string;
  /** The expected instant (any offset), store-local date and time, day offset, and kind. */
  at: string;
  date: string;
  time: string;
  dayOffset: number;
  atOpening: boolean;
}

const NAIROBI = week('08:00', '21:00');

const rows: Row[] = [
  // Ordinary days (Africa/Nairobi, UTC+3, no DST). 2026-02-02 is a Monday.
  {
    name: 'open now: ready after now + lead',
    store: store('Africa/Nairobi', NAIROBI, 60),
    now: '2026-02-02T11:30:00+03:00',
    at: '2026-02-02T12:30:00+03:00',
    date: '2026-02-02',
    time: '12:30',
    dayOffset: 0,
    atOpening: false,
  },
  {
    name: 'now exactly at opening, no lead: ready at the opening',
    store: store('Africa/Nairobi', NAIROBI, 0),
    now: '2026-02-02T08:00:00+03:00',
    at: '2026-02-02T08:00:00+03:00',
    date: '2026-02-02',
    time: '08:00',
    dayOffset: 0,
    atOpening: true,
  },
  {
    name: 'now exactly at closing, no lead: closed (half-open), ready at the next opening',
    store: store('Africa/Nairobi', NAIROBI, 0),
    now: '2026-02-02T21:00:00+03:00',
    at: '2026-02-03T08:00:00+03:00',
    date: '2026-02-03',
    time: '08:00',
    dayOffset: 1,
    atOpening: true,
  },
  {
    name: 'one millisecond before closing, no lead: still open',
    store: store('Africa/Nairobi', NAIROBI, 0),
    now: '2026-02-02T20:59:59.999+03:00',
    at: '2026-02-02T20:59:59.999+03:00',
    date: '2026-02-02',
    // Shown rounded up to the minute, never earlier than the instant.
    time: '21:00',
    dayOffset: 0,
    atOpening: false,
  },
  {
    name: 'now + lead lands exactly on closing: the next opening',
    store: store('Africa/Nairobi', NAIROBI, 60),
    now: '2026-02-02T20:00:00+03:00',
    at: '2026-02-03T08:00:00+03:00',
    date: '2026-02-03',
    time: '08:00',
    dayOffset: 1,
    atOpening: true,
  },
  {
    name: 'before opening: lead ends before the store opens',
    store: store('Africa/Nairobi', NAIROBI, 30),
    now: '2026-02-02T06:00:00+03:00',
    at: '2026-02-02T08:00:00+03:00',
    date: '2026-02-02',
    time: '08:00',
    dayOffset: 0,
    atOpening: true,
  },
  {
    name: 'seconds round the shown time up to the minute',
    store: store('Africa/Nairobi', NAIROBI, 45),
    now: '2026-02-02T14:42:13+03:00',
    at: '2026-02-02T15:27:13+03:00',
    date: '2026-02-02',
    time: '15:28',
    dayOffset: 0,
    atOpening: false,
  },
  {
    name: 'split day: lead runs into the lunch break',
    store: store(
      'Africa/Nairobi',
      week('09:00', '12:00', {
        1: [
          ['14:00', '18:00'],
          ['09:00', '12:00'],
        ],
      }),
      45,
    ),
    now: '2026-02-02T11:30:00+03:00',
    at: '2026-02-02T14:00:00+03:00',
    date: '2026-02-02',
    time: '14:00',
    dayOffset: 0,
    atOpening: true,
  },
  {
    name: 'a closed weekday and a short Saturday (Oslo shops on a Saturday evening)',
    store: store('Europe/Oslo', week('10:00', '20:00', { 0: null, 6: [['10:00', '18:00']] }), 60),
    now: '2026-02-07T17:30:00+01:00',
    at: '2026-02-09T10:00:00+01:00',
    date: '2026-02-09',
    time: '10:00',
    dayOffset: 2,
    atOpening: true,
  },

  // Overnight hours, midnight and closures.
  {
    name: 'overnight: Friday 10:00-02:00 is open at 01:00 on Saturday',
    store: store('Asia/Manila', week('10:00', '23:00', { 5: [['10:00', '02:00']] }), 30),
    now: '2026-02-07T01:00:00+08:00',
    at: '2026-02-07T01:30:00+08:00',
    date: '2026-02-07',
    time: '01:30',
    dayOffset: 0,
    atOpening: false,
  },
  {
    name: 'overnight: lead past the overnight close waits for the day opening',
    store: store('Asia/Manila', week('10:00', '23:00', { 5: [['10:00', '02:00']] }), 90),
    now: '2026-02-07T01:00:00+08:00',
    at: '2026-02-07T10:00:00+08:00',
    date: '2026-02-07',
    time: '10:00',
    dayOffset: 0,
    atOpening: true,
  },
  {
    name: "a closure keeps the previous evening's overnight period and cancels its own",
    store: store(
      'Asia/Manila',
      week('10:00', '23:00', { 5: [['10:00', '02:00']] }),
      0,
      ['2026-02-07'], // Saturday
    ),
    now: '2026-02-07T00:30:00+08:00',
    at: '2026-02-07T00:30:00+08:00',
    date: '2026-02-07',
    time: '00:30',
    dayOffset: 0,
    atOpening: false,
  },
  {
    name: "a closure cancels the day's periods: ready on the next open day",
    store: store('Asia/Manila', week('10:00', '23:00', { 5: [['10:00', '02:00']] }), 0, [
      '2026-02-07',
    ]),
    now: '2026-02-07T03:00:00+08:00',
    at: '2026-02-08T10:00:00+08:00',
    date: '2026-02-08',
    time: '10:00',
    dayOffset: 1,
    atOpening: true,
  },
  {
    name: 'a closure cancels an overnight period starting on it, also past midnight',
    store: store('Asia/Dubai', week('10:00', '01:00'), 0, ['2026-02-02']),
    now: '2026-02-03T00:30:00+04:00',
    at: '2026-02-03T10:00:00+04:00',
    date: '2026-02-03',
    time: '10:00',
    dayOffset: 0,
    atOpening: true,
  },
  {
    name: '"24:00" is the following midnight: open at 23:45',
    store: store('Asia/Dubai', week('10:00', '24:00'), 15),
    now: '2026-02-02T23:30:00+04:00',
    at: '2026-02-02T23:45:00+04:00',
    date: '2026-02-02',
    time: '23:45',
    dayOffset: 0,
    atOpening: false,
  },
  {
    name: '"24:00": closed at midnight, so past it the next opening',
    store: store('Asia/Dubai', week('10:00', '24:00'), 15),
    now: '2026-02-02T23:50:00+04:00',
    at: '2026-02-03T10:00:00+04:00',
    date: '2026-02-03',
    time: '10:00',
    dayOffset: 1,
    atOpening: true,
  },
  {
    name: '00:00-00:00 is open around the clock',
    store: store('Africa/Cairo', week('00:00', '00:00'), 120),
    now: '2026-02-02T23:10:00+02:00',
    at: '2026-02-03T01:10:00+02:00',
    date: '2026-02-03',
    time: '01:10',
    dayOffset: 1,
    atOpening: false,
  },

  // America/New_York: DST starts 2026-03-08 02:00 -> 03:00, ends 2026-11-01 02:00 -> 01:00.
  {
    name: 'New York: an opening in the spring gap moves forward by the gap (02:30 -> 03:30 EDT)',
    store: store('America/New_York', week('09:00', '21:00', { 0: [['02:30', '10:00']] }), 0),
    now: '2026-03-08T01:00:00-05:00',
    at: '2026-03-08T03:30:00-04:00',
    date: '2026-03-08',
    time: '03:30',
    dayOffset: 0,
    atOpening: true,
  },
  {
    name: 'New York: a Saturday evening order is ready Sunday 09:00 EDT',
    store: store('America/New_York', week('09:00', '21:00'), 60),
    now: '2026-03-07T22:00:00-05:00',
    at: '2026-03-08T09:00:00-04:00',
    date: '2026-03-08',
    time: '09:00',
    dayOffset: 1,
    atOpening: true,
  },
  {
    name: 'New York: the lead is elapsed time across the autumn overlap (01:30 EDT + 1 h = 01:30 EST)',
    store: store('America/New_York', week('00:00', '00:00'), 60),
    now: '2026-11-01T01:30:00-04:00',
    at: '2026-11-01T01:30:00-05:00',
    date: '2026-11-01',
    time: '01:30',
    dayOffset: 0,
    atOpening: false,
  },
  {
    name: 'New York: an opening in the repeated hour is its first occurrence',
    store: store('America/New_York', week('09:00', '21:00', { 0: [['01:30', '12:00']] }), 0),
    now: '2026-11-01T00:00:00-04:00',
    at: '2026-11-01T01:30:00-04:00',
    date: '2026-11-01',
    time: '01:30',
    dayOffset: 0,
    atOpening: true,
  },

  // Europe/Oslo: DST starts 2026-03-29 02:00 -> 03:00, ends 2026-10-25 03:00 -> 02:00.
  {
    name: 'Oslo: Saturday after closing, Sunday closed: ready Monday at opening',
    store: store('Europe/Oslo', week('10:00', '20:00', { 0: null, 6: [['10:00', '18:00']] }), 60),
    now: '2026-03-28T19:00:00+01:00',
    at: '2026-03-30T10:00:00+02:00',
    date: '2026-03-30',
    time: '10:00',
    dayOffset: 2,
    atOpening: true,
  },
  {
    name: 'Oslo: one hour of lead across the spring jump reads 01:30 -> 03:30 on the wall',
    store: store('Europe/Oslo', week('00:00', '00:00'), 60),
    now: '2026-03-29T01:30:00+01:00',
    at: '2026-03-29T03:30:00+02:00',
    date: '2026-03-29',
    time: '03:30',
    dayOffset: 0,
    atOpening: false,
  },
  {
    name: 'Oslo: a period that ends inside the gap still closes on time',
    store: store('Europe/Oslo', week('10:00', '20:00', { 0: [['00:00', '02:30']] }), 0),
    now: '2026-03-29T01:45:00+01:00',
    at: '2026-03-29T01:45:00+01:00',
    date: '2026-03-29',
    time: '01:45',
    dayOffset: 0,
    atOpening: false,
  },
  {
    name: 'Oslo: one hour of lead across the autumn fall-back reads 02:30 -> 02:30',
    store: store('Europe/Oslo', week('00:00', '00:00'), 60),
    now: '2026-10-25T02:30:00+02:00',
    at: '2026-10-25T02:30:00+01:00',
    date: '2026-10-25',
    time: '02:30',
    dayOffset: 0,
    atOpening: false,
  },

  // Pacific/Chatham (+12:45 / +13:45): DST ends 2026-04-05 03:45 -> 02:45, starts 2026-09-27
  // 02:45 -> 03:45.
  {
    name: 'Chatham: a Saturday afternoon order is ready Sunday 09:00, after DST ended',
    store: store('Pacific/Chatham', week('09:00', '17:00'), 90),
    now: '2026-04-04T16:00:00+13:45',
    at: '2026-04-05T09:00:00+12:45',
    date: '2026-04-05',
    time: '09:00',
    dayOffset: 1,
    atOpening: true,
  },
  {
    name: 'Chatham: an opening at 03:00 in the spring gap opens at 04:00 (+13:45)',
    store: store('Pacific/Chatham', week('09:00', '17:00', { 0: [['03:00', '12:00']] }), 0),
    now: '2026-09-27T01:00:00+12:45',
    at: '2026-09-27T04:00:00+13:45',
    date: '2026-09-27',
    time: '04:00',
    dayOffset: 0,
    atOpening: true,
  },
  {
    name: 'Chatham: the lead counts elapsed time, not wall time, across the jump',
    store: store('Pacific/Chatham', week('00:00', '00:00'), 30),
    now: '2026-09-27T02:30:00+12:45',
    at: '2026-09-27T04:00:00+13:45',
    date: '2026-09-27',
    time: '04:00',
    dayOffset: 0,
    atOpening: false,
  },
];

describe('core/pickup readyTime', () => {
  for (const row of rows) {
    it(`${row.name} (${row.store.timezone})`, () => {
      const ready = readyTime(row.store, Date.parse(row.now));
      expect(ready, 'a ready time').to.not.equal(undefined);
      expect({
        at: new Date(ready!.at).toISOString(),
        date: ready!.date,
        time: ready!.time,
        dayOffset: ready!.dayOffset,
        atOpening: ready!.atOpening,
      }).to.deep.equal({
        at: new Date(Date.parse(row.at)).toISOString(),
        date: row.date,
        time: row.time,
        dayOffset: row.dayOffset,
        atOpening: row.atOpening,
      });
    });
  }

  it('is in the store timezone, not the browser’s: the same instant, two stores', () => {
    const now = Date.parse('2026-02-02T06:30:00Z');
    // 09:30 in Nairobi (open), 14:30 in Manila (open), 07:30 in Oslo (closed until 10:00).
    expect(readyTime(store('Africa/Nairobi', NAIROBI, 0), now)!.time).to.equal('09:30');
    expect(readyTime(store('Asia/Manila', NAIROBI, 0), now)!.time).to.equal('14:30');
    const oslo = readyTime(store('Europe/Oslo', week('10:00', '20:00'), 0), now)!;
    expect([oslo.time, oslo.atOpening]).to.deep.equal(['10:00', true]);
  });

  it('gives no ready time when nothing can be known', () => {
    const now = Date.parse('2026-02-02T10:00:00Z');
    expect(readyTime(store('Mars/Olympus_Mons', NAIROBI, 0), now)).to.equal(undefined);
    expect(readyTime(store('', NAIROBI, 0), now)).to.equal(undefined);
    expect(readyTime(store('Africa/Nairobi', [], 0), now)).to.equal(undefined);
    expect(readyTime(store('Africa/Nairobi', NAIROBI, 0), NaN)).to.equal(undefined);
    const garbage = [{ day: 1, open: '9am', close: '25:00' }] as unknown as OpeningHours[];
    expect(readyTime(store('Africa/Nairobi', garbage, 0), now)).to.equal(undefined);
    // Closed for three weeks: beyond the two-week look-ahead.
    const closures = Array.from({ length: 21 }, (_, i) => {
      const d = new Date(Date.UTC(2026, 1, 2 + i));
      return d.toISOString().slice(0, 10);
    });
    expect(readyTime(store('Africa/Nairobi', NAIROBI, 0, closures), now)).to.equal(undefined);
  });

  it('reads a missing or invalid lead time as none', () => {
    const now = Date.parse('2026-02-02T11:30:00+03:00');
    const base = store('Africa/Nairobi', NAIROBI, 0);
    for (const lead of [-30, NaN, undefined]) {
      const odd = { ...base, pickup: { enabled: true, leadTimeMinutes: lead as number } };
      expect(readyTime(odd, now)!.time, String(lead)).to.equal('11:30');
    }
  });
});

describe('core/pickup hoursOn', () => {
  it("lists the periods that start on the store's today, in order", () => {
    const hours = week('10:00', '23:00', {
      5: [
        ['17:00', '02:00'],
        ['10:00', '14:00'],
      ],
    });
    const friday = Date.parse('2026-02-06T12:00:00+08:00');
    expect(hoursOn(store('Asia/Manila', hours, 0), friday)).to.deep.equal([
      { open: '10:00', close: '14:00' },
      { open: '17:00', close: '02:00' },
    ]);
    // 01:00 on Saturday in Manila: Saturday's own hours, not Friday's overnight period.
    const early = Date.parse('2026-02-07T01:00:00+08:00');
    expect(hoursOn(store('Asia/Manila', hours, 0), early)).to.deep.equal([
      { open: '10:00', close: '23:00' },
    ]);
    expect(hoursOn(store('Asia/Manila', hours, 0, ['2026-02-06']), friday)).to.deep.equal([]);
    expect(hoursOn(store('Nowhere/Invalid', hours, 0), friday)).to.deep.equal([]);
  });
});

describe('core/pickup firstBookable', () => {
  /** An hour-long slot of a Nairobi store (UTC+3) starting at `start` (store-local ISO). */
  const slot = (id: string, start: string, remaining = 2): PickupSlot => ({
    id,
    start: `${start}+03:00`,
    end: new Date(Date.parse(`${start}+03:00`) + 3_600_000).toISOString(),
    capacity: 4,
    remaining,
  });
  const NOW = Date.parse('2026-12-04T05:10:00+03:00'); // a Friday morning in Nairobi
  const ZONE = 'Africa/Nairobi';

  it('is the first time that can be booked: a full first time is not', () => {
    const slots = [slot('a', '2026-12-04T08:00:00', 0), slot('b', '2026-12-04T09:00:00')];
    expect(firstBookable(slots, ZONE, NOW)).to.deep.equal({
      at: Date.parse('2026-12-04T09:00:00+03:00'),
      date: '2026-12-04',
      time: '09:00',
      dayOffset: 0,
      atOpening: true,
    });
    // The shopper's own hold of the last place counts.
    expect(firstBookable(slots, ZONE, NOW, 'a')?.time).to.equal('08:00');
  });

  it('skips times that have begun, and says tomorrow by the store’s date', () => {
    const slots = [slot('a', '2026-12-04T05:00:00'), slot('b', '2026-12-05T08:00:00')];
    expect(firstBookable(slots, ZONE, NOW)).to.include({ date: '2026-12-05', dayOffset: 1 });
  });

  it('is undefined when no time can be booked, or the timezone is unknown', () => {
    expect(firstBookable([], ZONE, NOW)).to.equal(undefined);
    expect(firstBookable([slot('a', '2026-12-04T09:00:00', 0)], ZONE, NOW)).to.equal(undefined);
    expect(firstBookable([slot('b', '2026-12-04T09:00:00')], 'Mars/Base', NOW)).to.equal(undefined);
  });
});
