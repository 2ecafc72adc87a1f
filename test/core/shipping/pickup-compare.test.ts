import { expect } from '@open-wc/testing';
import type { DayOfWeek, OpeningHours } from '../../../src/core/api/types.js';
import { pickupReadyTime, type PickupHours } from '../../../src/core/shipping/pickup-compare.js';

const ALL: DayOfWeek[] = [0, 1, 2, 3, 4, 5, 6];

/** The same hours every day; `closed` weekdays have none. */
function week(open: string, close: string, closed: DayOfWeek[] = []): OpeningHours[] {
  return ALL.filter((day) => !closed.includes(day)).map((day) => ({ day, open, close }));
}

function store(
  timezone: string,
  hours: OpeningHours[],
  leadTimeMinutes: number,
  options: { closures?: string[]; enabled?: boolean } = {},
): PickupHours {
  return {
    timezone,
    hours,
    closures: options.closures ?? [],
    pickup: { enabled: options.enabled ?? true, leadTimeMinutes },
  };
}

const at = (iso: string): number => new Date(iso).getTime();

// 2026-02-02 is a Monday. Nairobi is UTC+3 all year.
const NAIROBI = week('08:00', '21:00');

describe('pickupReadyTime', () => {
  it('is now + lead time while the store is open, rounded up to the minute', () => {
    const ready = pickupReadyTime(
      store('Africa/Nairobi', NAIROBI, 60),
      at('2026-02-02T14:29:40+03:00'),
    );
    expect(ready).to.deep.equal({
      at: at('2026-02-02T15:29:40+03:00'),
      date: '2026-02-02',
      time: '15:30',
      dayOffset: 0,
      atOpening: false,
    });
  });

  it('is the opening when now + lead time falls before it', () => {
    const ready = pickupReadyTime(
      store('Africa/Nairobi', NAIROBI, 30),
      at('2026-02-02T07:00:00+03:00'),
    );
    expect(ready).to.deep.equal({
      at: at('2026-02-02T08:00:00+03:00'),
      date: '2026-02-02',
      time: '08:00',
      dayOffset: 0,
      atOpening: true,
    });
  });

  it('is the next opening when the lead time runs past closing (half-open hours)', () => {
    // 20:00 + 60 min = 21:00: closed at 21:00 exactly.
    const ready = pickupReadyTime(
      store('Africa/Nairobi', NAIROBI, 60),
      at('2026-02-02T20:00:00+03:00'),
    );
    expect(ready).to.deep.equal({
      at: at('2026-02-03T08:00:00+03:00'),
      date: '2026-02-03',
      time: '08:00',
      dayOffset: 1,
      atOpening: true,
    });
    // A minute earlier it is still ready the same day, at 20:59.
    expect(
      pickupReadyTime(store('Africa/Nairobi', NAIROBI, 60), at('2026-02-02T19:59:00+03:00'))?.time,
    ).to.equal('20:59');
  });

  it("counts days on the store's calendar, not the browser's or UTC", () => {
    // 22:30Z on Sunday is 06:30 on Monday in Manila (UTC+8): the store opens "today" at 09:00.
    const ready = pickupReadyTime(
      store('Asia/Manila', week('09:00', '18:00'), 0),
      at('2026-02-01T22:30:00Z'),
    );
    expect(ready?.date).to.equal('2026-02-02');
    expect(ready?.dayOffset).to.equal(0);
    expect(ready?.time).to.equal('09:00');
    expect(ready?.at).to.equal(at('2026-02-02T09:00:00+08:00'));
  });

  it('skips closures and closed weekdays', () => {
    // Saturday evening; closed on Sundays and on Monday 2026-02-02 (a closure).
    const ready = pickupReadyTime(
      store('Africa/Nairobi', week('08:00', '21:00', [0]), 15, { closures: ['2026-02-02'] }),
      at('2026-01-31T20:50:00+03:00'),
    );
    expect(ready).to.include({ date: '2026-02-03', time: '08:00', dayOffset: 3, atOpening: true });
  });

  it('follows a DST change on the store wall clock (Europe/Oslo, 29 Mar 2026)', () => {
    // Saturday 28 Mar 17:30 CET + 60 min is past closing (18:00); Sunday closed; Monday 09:00 CEST.
    const ready = pickupReadyTime(
      store('Europe/Oslo', week('09:00', '18:00', [0]), 60),
      at('2026-03-28T17:30:00+01:00'),
    );
    expect(ready).to.deep.equal({
      at: at('2026-03-30T09:00:00+02:00'),
      date: '2026-03-30',
      time: '09:00',
      dayOffset: 2,
      atOpening: true,
    });
  });

  it('is undefined when pickup is off, hours are unknown or the input is bad', () => {
    const now = at('2026-02-02T12:00:00+03:00');
    expect(pickupReadyTime(store('Africa/Nairobi', NAIROBI, 60, { enabled: false }), now)).to.equal(
      undefined,
    );
    expect(pickupReadyTime(store('Africa/Nairobi', [], 60), now)).to.equal(undefined);
    expect(pickupReadyTime(store('Mars/Olympus', NAIROBI, 60), now)).to.equal(undefined);
    expect(pickupReadyTime(store('Africa/Nairobi', NAIROBI, 60), NaN)).to.equal(undefined);
    // Closed for the whole look-ahead.
    const closures = Array.from(
      { length: 20 },
      (_, i) => `2026-02-${String(i + 2).padStart(2, '0')}`,
    );
    expect(pickupReadyTime(store('Africa/Nairobi', NAIROBI, 60, { closures }), now)).to.equal(
      undefined,
    );
  });

  it('treats a missing or negative lead time as none', () => {
    const now = at('2026-02-02T12:00:00+03:00');
    const noLead = { ...store('Africa/Nairobi', NAIROBI, 0), pickup: { enabled: true } };
    expect(pickupReadyTime(noLead as PickupHours, now)?.time).to.equal('12:00');
    expect(pickupReadyTime(store('Africa/Nairobi', NAIROBI, -30), now)?.time).to.equal('12:00');
  });
});
