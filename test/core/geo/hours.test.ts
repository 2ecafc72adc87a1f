import { expect } from '@open-wc/testing';
import type { OpeningHours, Store } from '../../../src/core/api/types.js';
import { storeOpenState, zonedDateTime } from '../../../src/core/geo/hours.js';

type HoursStore = Pick<Store, 'timezone' | 'hours' | 'closures'>;

const everyDay = (open: string, close: string): OpeningHours[] =>
  ([0, 1, 2, 3, 4, 5, 6] as const).map((day) => ({ day, open, close }));

const store = (timezone: string, hours: OpeningHours[], closures: string[] = []): HoursStore => ({
  timezone,
  hours,
  closures,
});

describe('storeOpenState', () => {
  describe('store timezone, not the browser', () => {
    // 2026-06-10 is a Wednesday. 06:30Z is 09:30 in Nairobi (UTC+3), 14:30 in Manila (UTC+8).
    const now = new Date('2026-06-10T06:30:00Z');

    it('is open in Nairobi at 09:30 local with 09:00-18:00 hours', () => {
      const state = storeOpenState(store('Africa/Nairobi', everyDay('09:00', '18:00')), now);
      expect(state).to.deep.equal({ open: true, closedToday: false, closesAt: '18:00' });
    });

    it('is closed in Nairobi at 08:59 local and opens later today', () => {
      const state = storeOpenState(
        store('Africa/Nairobi', everyDay('09:00', '18:00')),
        new Date('2026-06-10T05:59:00Z'),
      );
      expect(state).to.deep.equal({
        open: false,
        closedToday: false,
        opensAt: { time: '09:00', dayOffset: 0 },
      });
    });

    it('is closed in Manila at 14:30 local with 09:00-12:00 hours, opening tomorrow', () => {
      const state = storeOpenState(store('Asia/Manila', everyDay('09:00', '12:00')), now);
      expect(state).to.deep.equal({
        open: false,
        closedToday: false,
        opensAt: { time: '09:00', dayOffset: 1 },
      });
    });

    it('uses the store-local weekday, which can differ from the UTC one', () => {
      // 2026-06-10T20:00Z is Thursday 04:00 in Manila; only Thursday has (early) hours.
      const hours: OpeningHours[] = [{ day: 4, open: '03:00', close: '05:00' }];
      const state = storeOpenState(store('Asia/Manila', hours), new Date('2026-06-10T20:00:00Z'));
      expect(state.open).to.equal(true);
      expect(state.closesAt).to.equal('05:00');
    });
  });

  describe('several ranges per day', () => {
    const hours: OpeningHours[] = [
      { day: 3, open: '09:00', close: '12:00' },
      { day: 3, open: '14:00', close: '18:00' },
    ];

    it('is closed over lunch and reopens later today', () => {
      const state = storeOpenState(
        store('Africa/Nairobi', hours),
        new Date('2026-06-10T10:00:00Z'), // 13:00 Nairobi
      );
      expect(state).to.deep.equal({
        open: false,
        closedToday: false,
        opensAt: { time: '14:00', dayOffset: 0 },
      });
    });

    it('reports the closing time of the range that is running', () => {
      const state = storeOpenState(
        store('Africa/Nairobi', hours),
        new Date('2026-06-10T12:00:00Z'), // 15:00 Nairobi
      );
      expect(state.closesAt).to.equal('18:00');
    });

    it('merges touching ranges into one closing time', () => {
      const touching: OpeningHours[] = [
        { day: 3, open: '09:00', close: '12:00' },
        { day: 3, open: '12:00', close: '20:00' },
      ];
      const state = storeOpenState(
        store('Africa/Nairobi', touching),
        new Date('2026-06-10T07:00:00Z'), // 10:00 Nairobi
      );
      expect(state.closesAt).to.equal('20:00');
    });

    it('after the last range, next week is found for a one-day-a-week store', () => {
      const state = storeOpenState(
        store('Africa/Nairobi', hours),
        new Date('2026-06-10T16:00:00Z'), // 19:00 Wednesday Nairobi
      );
      expect(state).to.deep.equal({
        open: false,
        closedToday: false,
        opensAt: { time: '09:00', dayOffset: 7 },
      });
    });
  });

  describe('overnight hours', () => {
    // Tuesday 18:00 to Wednesday 02:00 only.
    const hours: OpeningHours[] = [{ day: 2, open: '18:00', close: '02:00' }];

    it('is open at 01:00 the next day', () => {
      const state = storeOpenState(
        store('Asia/Manila', hours),
        new Date('2026-06-09T17:00:00Z'), // Wednesday 01:00 Manila
      );
      expect(state).to.deep.equal({ open: true, closedToday: false, closesAt: '02:00' });
    });

    it('is closed at 03:00 the next day, which has no hours of its own', () => {
      const state = storeOpenState(
        store('Asia/Manila', hours),
        new Date('2026-06-09T19:00:00Z'), // Wednesday 03:00 Manila
      );
      expect(state).to.deep.equal({
        open: false,
        closedToday: true,
        opensAt: { time: '18:00', dayOffset: 6 },
      });
    });

    it('is open at 23:00 on the opening day', () => {
      const state = storeOpenState(
        store('Asia/Manila', hours),
        new Date('2026-06-09T15:00:00Z'), // Tuesday 23:00 Manila
      );
      expect(state.open).to.equal(true);
      expect(state.closesAt).to.equal('02:00');
    });

    it('treats 00:00-00:00 every day as open around the clock', () => {
      const state = storeOpenState(store('Asia/Manila', everyDay('00:00', '00:00')), new Date());
      expect(state).to.deep.equal({ open: true, closedToday: false });
    });
  });

  describe('closures', () => {
    const hours = everyDay('09:00', '18:00');

    it('is closed all day on a store-local closure date and opens the next day', () => {
      // 2026-12-24T22:00Z is already 2026-12-25 01:00 in Nairobi.
      const state = storeOpenState(
        store('Africa/Nairobi', hours, ['2026-12-25']),
        new Date('2026-12-25T07:00:00Z'), // 10:00 Nairobi, would be open
      );
      expect(state).to.deep.equal({
        open: false,
        closedToday: true,
        opensAt: { time: '09:00', dayOffset: 1 },
      });
    });

    it('uses the store-local date for closures, not the UTC date', () => {
      // 2026-12-24T23:30Z is 2026-12-25 07:30 in Manila: the closure applies there.
      const state = storeOpenState(
        store('Asia/Manila', everyDay('07:00', '20:00'), ['2026-12-25']),
        new Date('2026-12-24T23:30:00Z'),
      );
      expect(state.open).to.equal(false);
      expect(state.closedToday).to.equal(true);
    });

    it('skips consecutive closure dates when looking for the next opening', () => {
      const state = storeOpenState(
        store('Africa/Nairobi', hours, ['2026-12-25', '2026-12-26']),
        new Date('2026-12-25T07:00:00Z'),
      );
      expect(state.opensAt).to.deep.equal({ time: '09:00', dayOffset: 2 });
    });

    it('reports closedToday when today has no hours for its weekday', () => {
      const weekdaysOnly = everyDay('09:00', '18:00').filter((h) => h.day !== 0 && h.day !== 6);
      const state = storeOpenState(
        store('Africa/Nairobi', weekdaysOnly),
        new Date('2026-06-13T08:00:00Z'), // Saturday 11:00 Nairobi
      );
      expect(state).to.deep.equal({
        open: false,
        closedToday: true,
        opensAt: { time: '09:00', dayOffset: 2 },
      });
    });
  });

  describe('DST (America/New_York)', () => {
    // DST starts Sunday 2026-03-08 at 02:00 EST -> 03:00 EDT (UTC-5 -> UTC-4).
    it('is open at 09:30 EDT on the day DST starts', () => {
      const state = storeOpenState(
        store('America/New_York', everyDay('09:00', '17:00')),
        new Date('2026-03-08T13:30:00Z'), // 09:30 EDT (would be 08:30 in EST)
      );
      expect(state).to.deep.equal({ open: true, closedToday: false, closesAt: '17:00' });
    });

    it('is closed at 08:30 EST the day before DST starts', () => {
      const state = storeOpenState(
        store('America/New_York', everyDay('09:00', '17:00')),
        new Date('2026-03-07T13:30:00Z'), // 08:30 EST
      );
      expect(state.open).to.equal(false);
      expect(state.opensAt).to.deep.equal({ time: '09:00', dayOffset: 0 });
    });

    it('keeps an overnight range open across the DST jump', () => {
      // Saturday 20:00 to Sunday 04:00; 07:30Z on the Sunday is 03:30 EDT.
      const hours: OpeningHours[] = [{ day: 6, open: '20:00', close: '04:00' }];
      const state = storeOpenState(
        store('America/New_York', hours),
        new Date('2026-03-08T07:30:00Z'),
      );
      expect(state).to.deep.equal({ open: true, closedToday: false, closesAt: '04:00' });
    });

    it('follows the end of DST: open at 16:30 EST, closed at 17:30 EST', () => {
      // DST ends Sunday 2026-11-01 (UTC-4 -> UTC-5); in EDT 21:30Z would read 17:30, closed.
      const state = storeOpenState(
        store('America/New_York', everyDay('09:00', '17:00')),
        new Date('2026-11-01T21:30:00Z'), // 16:30 EST
      );
      expect(state.open).to.equal(true);
      const later = storeOpenState(
        store('America/New_York', everyDay('09:00', '17:00')),
        new Date('2026-11-01T22:30:00Z'), // 17:30 EST
      );
      expect(later.open).to.equal(false);
    });
  });

  describe('unknown state', () => {
    it('does not throw on an invalid timezone and reports unknown', () => {
      const state = storeOpenState(store('Mars/Olympus_Mons', everyDay('00:00', '00:00')));
      expect(state).to.deep.equal({ open: false, closedToday: false, unknown: true });
    });

    it('treats an empty timezone as unknown rather than using the browser zone', () => {
      const state = storeOpenState(store('', everyDay('00:00', '00:00')));
      expect(state.unknown).to.equal(true);
    });

    it('reports unknown for a store without any hours', () => {
      const state = storeOpenState(store('Africa/Nairobi', []));
      expect(state).to.deep.equal({ open: false, closedToday: false, unknown: true });
    });

    it('ignores malformed ranges from the backend', () => {
      const hours = [
        { day: 3, open: 'nine', close: '18:00' },
        { day: 3, open: '25:00', close: '26:00' },
        { day: 3, open: '10:00', close: '11:00' },
      ] as OpeningHours[];
      const state = storeOpenState(
        store('Africa/Nairobi', hours),
        new Date('2026-06-10T06:30:00Z'), // 09:30 Nairobi
      );
      expect(state.open).to.equal(false);
      expect(state.opensAt).to.deep.equal({ time: '10:00', dayOffset: 0 });
    });
  });
});

describe('zonedDateTime', () => {
  it('gives the wall clock and weekday in the zone', () => {
    expect(zonedDateTime(new Date('2026-06-10T20:00:00Z'), 'Asia/Manila')).to.deep.equal({
      year: 2026,
      month: 6,
      day: 11,
      hour: 4,
      minute: 0,
      weekday: 4,
    });
  });

  it('gives midnight as hour 0', () => {
    expect(zonedDateTime(new Date('2026-06-10T21:00:00Z'), 'Africa/Nairobi')?.hour).to.equal(0);
  });

  it('returns undefined for an invalid timezone', () => {
    expect(zonedDateTime(new Date(), 'Not/A_Zone')).to.equal(undefined);
  });
});
