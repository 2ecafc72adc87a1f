import { expect } from '@open-wc/testing';
import {
  addDays,
  compareDates,
  dateInZone,
  daysBetween,
  formatClockTime24,
  formatInZone,
  isIsoDate,
  isValidTimeZone,
  offsetMinutes,
  parseClockTime,
  parseIsoDate,
  wallTimeToInstant,
  weekdayOf,
  zonedParts,
  type Disambiguation,
} from '../../../src/core/time/index.js';

const at = (iso: string): number => Date.parse(iso);

/** The instants where the zone's offset changes between `from` and `to` (found, not assumed). */
function transitions(timeZone: string, from: string, to: string): string[] {
  const found: string[] = [];
  const step = 15 * 60_000;
  let previous = offsetMinutes(at(from), timeZone)!;
  for (let t = at(from) + step; t <= at(to); t += step) {
    const offset = offsetMinutes(t, timeZone)!;
    if (offset === previous) continue;
    // Narrow to the minute.
    let lo = t - step;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetMinutes(mid, timeZone) === previous) lo = mid;
      else hi = mid;
    }
    found.push(`${new Date(hi).toISOString()} ${previous} -> ${offset}`);
    previous = offset;
  }
  return found;
}

describe('core/time zoned', () => {
  describe('the DST transitions the tables below rely on (computed from the engine)', () => {
    const cases: [string, string[]][] = [
      ['Europe/Oslo', ['2026-03-29T01:00:00.000Z 60 -> 120', '2026-10-25T01:00:00.000Z 120 -> 60']],
      [
        'America/New_York',
        ['2026-03-08T07:00:00.000Z -300 -> -240', '2026-11-01T06:00:00.000Z -240 -> -300'],
      ],
      [
        'Australia/Lord_Howe',
        ['2026-04-04T15:00:00.000Z 660 -> 630', '2026-10-03T15:30:00.000Z 630 -> 660'],
      ],
      [
        'Pacific/Chatham',
        ['2026-04-04T14:00:00.000Z 825 -> 765', '2026-09-26T14:00:00.000Z 765 -> 825'],
      ],
      [
        'America/Santiago',
        ['2026-04-05T03:00:00.000Z -180 -> -240', '2026-09-06T04:00:00.000Z -240 -> -180'],
      ],
      ['Asia/Kolkata', []],
      ['Asia/Kathmandu', []],
      ['UTC', []],
    ];
    for (const [zone, expected] of cases) {
      it(`${zone} in 2026`, () => {
        expect(transitions(zone, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')).to.deep.equal(
          expected,
        );
      });
    }
  });

  describe('isValidTimeZone', () => {
    it('accepts IANA names, links, any case and UTC', () => {
      for (const zone of ['Europe/Oslo', 'Asia/Calcutta', 'europe/oslo', 'UTC', 'Etc/GMT+5']) {
        expect(isValidTimeZone(zone), zone).to.equal(true);
      }
    });

    it('rejects unknown names, empty strings and non-strings without throwing', () => {
      for (const zone of ['Not/A_Zone', '', '   ', 'Europe/Osl', 42, null, undefined, {}]) {
        expect(isValidTimeZone(zone), String(zone)).to.equal(false);
      }
    });
  });

  describe('zonedParts', () => {
    it('gives every field in the zone', () => {
      expect(zonedParts(at('2026-06-10T20:15:42.999Z'), 'Asia/Manila')).to.deep.equal({
        year: 2026,
        month: 6,
        day: 11,
        hour: 4,
        minute: 15,
        second: 42,
        weekday: 4,
        date: '2026-06-11',
        minutes: 255,
      });
    });

    it('takes a Date as well as a number', () => {
      expect(zonedParts(new Date('2026-12-31T23:30:00Z'), 'Asia/Kathmandu')?.date).to.equal(
        '2027-01-01',
      );
    });

    it('gives midnight as hour 0, not 24', () => {
      const parts = zonedParts(at('2026-06-10T21:00:00Z'), 'Africa/Nairobi');
      expect([parts?.hour, parts?.minutes, parts?.date]).to.deep.equal([0, 0, '2026-06-11']);
    });

    it('handles 30- and 45-minute offsets', () => {
      expect(zonedParts(at('2026-06-10T18:29:00Z'), 'Asia/Kolkata')?.minutes).to.equal(
        23 * 60 + 59,
      );
      expect(zonedParts(at('2026-06-10T18:15:00Z'), 'Asia/Kathmandu')?.date).to.equal('2026-06-11');
      expect(zonedParts(at('2026-06-10T11:14:00Z'), 'Pacific/Chatham')?.date).to.equal(
        '2026-06-10',
      );
      expect(zonedParts(at('2026-06-10T11:15:00Z'), 'Pacific/Chatham')?.date).to.equal(
        '2026-06-11',
      );
    });

    it('floors instants before 1970 to the second below', () => {
      expect(zonedParts(-1, 'UTC')).to.deep.include({
        date: '1969-12-31',
        hour: 23,
        minute: 59,
        second: 59,
        weekday: 3,
      });
    });

    it('reads proleptic Gregorian years down to 0000', () => {
      expect(zonedParts(Date.UTC(1600, 1, 29, 12), 'UTC')?.date).to.equal('1600-02-29');
      const yearZero = new Date(Date.UTC(2000, 0, 1));
      yearZero.setUTCFullYear(0);
      expect(zonedParts(yearZero, 'UTC')).to.deep.include({ year: 0, date: '0000-01-01' });
      expect(zonedParts(yearZero.getTime() - 1, 'UTC')).to.equal(undefined);
    });

    it('returns undefined for an invalid zone or instant', () => {
      expect(zonedParts(0, 'Not/A_Zone')).to.equal(undefined);
      expect(zonedParts(0, '')).to.equal(undefined);
      expect(zonedParts(NaN, 'UTC')).to.equal(undefined);
      expect(zonedParts(new Date('nope'), 'UTC')).to.equal(undefined);
      expect(zonedParts(8.64e15 + 1, 'UTC')).to.equal(undefined);
      expect(zonedParts('2026-01-01' as unknown as number, 'UTC')).to.equal(undefined);
    });
  });

  describe('dateInZone', () => {
    it('is the zone-local calendar date on both sides of the date line', () => {
      const instant = at('2026-06-10T11:00:00Z');
      expect(dateInZone(instant, 'Pacific/Kiritimati')).to.equal('2026-06-11');
      expect(dateInZone(instant, 'Pacific/Pago_Pago')).to.equal('2026-06-10');
      expect(dateInZone(instant, 'Nope')).to.equal(undefined);
    });
  });

  describe('offsetMinutes', () => {
    const cases: [string, string, number][] = [
      ['UTC', '2026-06-10T12:00:00Z', 0],
      ['Asia/Kolkata', '2026-06-10T12:00:00Z', 330],
      ['Asia/Kathmandu', '2026-06-10T12:00:00Z', 345],
      ['America/St_Johns', '2026-01-10T12:00:00Z', -210],
      ['Pacific/Chatham', '2026-01-10T12:00:00Z', 825],
      ['Pacific/Chatham', '2026-06-10T12:00:00Z', 765],
      ['Australia/Lord_Howe', '2026-01-10T12:00:00Z', 660],
      ['Australia/Lord_Howe', '2026-06-10T12:00:00Z', 630],
      ['Europe/Oslo', '2026-03-29T00:59:59Z', 60],
      ['Europe/Oslo', '2026-03-29T01:00:00Z', 120],
      ['America/New_York', '2026-11-01T05:59:59Z', -240],
      ['America/New_York', '2026-11-01T06:00:00Z', -300],
      // Local mean times that are not whole minutes.
      ['Asia/Kolkata', '1900-01-01T00:00:00Z', 321 + 10 / 60],
      ['Africa/Monrovia', '1972-01-01T00:00:00Z', -44.5],
    ];
    for (const [zone, iso, expected] of cases) {
      it(`${zone} at ${iso} is ${expected}`, () => {
        expect(offsetMinutes(at(iso), zone)).to.be.closeTo(expected, 1e-9);
      });
    }

    it('returns undefined for an invalid zone or instant', () => {
      expect(offsetMinutes(0, 'Mars/Olympus_Mons')).to.equal(undefined);
      expect(offsetMinutes(Infinity, 'UTC')).to.equal(undefined);
    });
  });

  describe('wallTimeToInstant', () => {
    type Row = [
      zone: string,
      date: string,
      time: string,
      compatible: string,
      earlier: string,
      later: string,
    ];
    const rows: Row[] = [
      // Plain times.
      ['UTC', '2026-06-10', '12:00', '2026-06-10T12:00:00Z', '', ''],
      ['Asia/Kolkata', '2026-06-10', '00:00', '2026-06-09T18:30:00Z', '', ''],
      ['Asia/Kathmandu', '2026-06-10', '09:15', '2026-06-10T03:30:00Z', '', ''],
      ['Europe/Oslo', '2026-03-29', '01:59', '2026-03-29T00:59:00Z', '', ''],
      ['Europe/Oslo', '2026-03-29', '03:00', '2026-03-29T01:00:00Z', '', ''],
      // Gaps: 'compatible' and 'later' forward by the gap, 'earlier' back by it.
      [
        'Europe/Oslo',
        '2026-03-29',
        '02:30',
        '2026-03-29T01:30:00Z',
        '2026-03-29T00:30:00Z',
        '2026-03-29T01:30:00Z',
      ],
      [
        'Europe/Oslo',
        '2026-03-29',
        '02:00',
        '2026-03-29T01:00:00Z',
        '2026-03-29T00:00:00Z',
        '2026-03-29T01:00:00Z',
      ],
      [
        'America/New_York',
        '2026-03-08',
        '02:30',
        '2026-03-08T07:30:00Z',
        '2026-03-08T06:30:00Z',
        '2026-03-08T07:30:00Z',
      ],
      [
        'Australia/Lord_Howe',
        '2026-10-04',
        '02:15',
        '2026-10-03T15:45:00Z',
        '2026-10-03T15:15:00Z',
        '2026-10-03T15:45:00Z',
      ],
      [
        'Pacific/Chatham',
        '2026-09-27',
        '03:00',
        '2026-09-26T14:15:00Z',
        '2026-09-26T13:15:00Z',
        '2026-09-26T14:15:00Z',
      ],
      // Overlaps: 'compatible' and 'earlier' the first occurrence, 'later' the second.
      [
        'Europe/Oslo',
        '2026-10-25',
        '02:30',
        '2026-10-25T00:30:00Z',
        '2026-10-25T00:30:00Z',
        '2026-10-25T01:30:00Z',
      ],
      [
        'America/New_York',
        '2026-11-01',
        '01:30',
        '2026-11-01T05:30:00Z',
        '2026-11-01T05:30:00Z',
        '2026-11-01T06:30:00Z',
      ],
      [
        'Australia/Lord_Howe',
        '2026-04-05',
        '01:45',
        '2026-04-04T14:45:00Z',
        '2026-04-04T14:45:00Z',
        '2026-04-04T15:15:00Z',
      ],
      [
        'Pacific/Chatham',
        '2026-04-05',
        '03:00',
        '2026-04-04T13:15:00Z',
        '2026-04-04T13:15:00Z',
        '2026-04-04T14:15:00Z',
      ],
      // Just outside the overlap: one instant whatever the disambiguation.
      ['Europe/Oslo', '2026-10-25', '03:00', '2026-10-25T02:00:00Z', '', ''],
      ['Europe/Oslo', '2026-10-25', '01:59', '2026-10-24T23:59:00Z', '', ''],
      // Midnight skipped (Chile starts DST at 24:00): '24:00' is 00:00 of the next date.
      [
        'America/Santiago',
        '2026-09-05',
        '24:00',
        '2026-09-06T04:00:00Z',
        '2026-09-06T03:00:00Z',
        '2026-09-06T04:00:00Z',
      ],
      ['UTC', '2026-12-31', '24:00', '2027-01-01T00:00:00Z', '', ''],
      ['Asia/Kathmandu', '2028-02-28', '24:00', '2028-02-28T18:15:00Z', '', ''],
      // A whole day skipped: Samoa moved across the date line, 2011-12-30 never happened.
      [
        'Pacific/Apia',
        '2011-12-30',
        '12:00',
        '2011-12-30T22:00:00Z',
        '2011-12-29T22:00:00Z',
        '2011-12-30T22:00:00Z',
      ],
    ];
    for (const [zone, date, time, compatible, earlier, later] of rows) {
      it(`${date} ${time} in ${zone}`, () => {
        const expected: Record<Disambiguation, string> = {
          compatible,
          earlier: earlier || compatible,
          later: later || compatible,
        };
        const actual = (d: Disambiguation): string => {
          const instant = wallTimeToInstant(date, time, zone, d);
          return instant === undefined ? 'undefined' : new Date(instant).toISOString();
        };
        expect({
          default: actual('compatible'),
          compatible: actual('compatible'),
          earlier: actual('earlier'),
          later: actual('later'),
        }).to.deep.equal({
          default: new Date(compatible).toISOString(),
          compatible: new Date(expected.compatible).toISOString(),
          earlier: new Date(expected.earlier).toISOString(),
          later: new Date(expected.later).toISOString(),
        });
        expect(wallTimeToInstant(date, time, zone)).to.equal(at(compatible));
      });
    }

    it('shows a gap time at the new offset, moved by the gap (formatInZone round trip)', () => {
      const show = (zone: string, date: string, time: string, d: Disambiguation): string =>
        formatInZone(wallTimeToInstant(date, time, zone, d)!, zone);
      expect(show('Europe/Oslo', '2026-03-29', '02:30', 'compatible')).to.equal(
        '2026-03-29T03:30:00+02:00',
      );
      expect(show('Europe/Oslo', '2026-03-29', '02:30', 'earlier')).to.equal(
        '2026-03-29T01:30:00+01:00',
      );
      expect(show('Australia/Lord_Howe', '2026-10-04', '02:15', 'compatible')).to.equal(
        '2026-10-04T02:45:00+11:00',
      );
      expect(show('Pacific/Chatham', '2026-09-27', '03:00', 'earlier')).to.equal(
        '2026-09-27T02:00:00+12:45',
      );
      expect(show('Pacific/Chatham', '2026-04-05', '03:00', 'later')).to.equal(
        '2026-04-05T03:00:00+12:45',
      );
    });

    it('round-trips every quarter hour around each 2026 transition in odd-offset zones', () => {
      for (const zone of ['Australia/Lord_Howe', 'Pacific/Chatham', 'America/Santiago']) {
        const changes = transitions(zone, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z');
        expect(changes, zone).to.have.length(2);
        let checked = 0;
        const mismatches: string[] = [];
        for (const change of changes) {
          const instant = at(change.split(' ')[0]!);
          for (let t = instant - 86_400_000; t <= instant + 86_400_000; t += 15 * 60_000) {
            const parts = zonedParts(t, zone)!;
            const time = formatClockTime24(parts.minutes);
            const back = [
              wallTimeToInstant(parts.date, time, zone, 'earlier'),
              wallTimeToInstant(parts.date, time, zone, 'later'),
            ];
            checked++;
            if (!back.includes(t)) mismatches.push(new Date(t).toISOString());
          }
        }
        expect(checked).to.equal(2 * 193);
        expect(mismatches, zone).to.deep.equal([]);
      }
    });

    it('returns undefined for an invalid date, time, zone or disambiguation', () => {
      expect(wallTimeToInstant('2026-02-29', '12:00', 'UTC')).to.equal(undefined);
      expect(wallTimeToInstant('2026-1-01', '12:00', 'UTC')).to.equal(undefined);
      expect(wallTimeToInstant('2026-06-10', '25:00', 'UTC')).to.equal(undefined);
      expect(wallTimeToInstant('2026-06-10', '24:01', 'UTC')).to.equal(undefined);
      expect(wallTimeToInstant('2026-06-10', '9:30', 'UTC')).to.equal(undefined);
      expect(wallTimeToInstant('2026-06-10', '12:00', 'Not/A_Zone')).to.equal(undefined);
      expect(wallTimeToInstant('2026-06-10', '12:00', 'UTC', 'reject' as Disambiguation)).to.equal(
        undefined,
      );
    });
  });

  describe('formatInZone', () => {
    const cases: [number, string, string][] = [
      [at('2026-11-25T07:00:00Z'), 'Africa/Nairobi', '2026-11-25T10:00:00+03:00'],
      [at('2026-06-10T12:00:00.999Z'), 'UTC', '2026-06-10T12:00:00+00:00'],
      [at('2026-06-10T12:00:00Z'), 'Asia/Kolkata', '2026-06-10T17:30:00+05:30'],
      [at('2026-06-10T12:00:00Z'), 'Asia/Kathmandu', '2026-06-10T17:45:00+05:45'],
      [at('2026-01-10T12:00:00Z'), 'Pacific/Chatham', '2026-01-11T01:45:00+13:45'],
      [at('2026-01-10T12:00:00Z'), 'America/St_Johns', '2026-01-10T08:30:00-03:30'],
      [at('2026-11-01T05:30:00Z'), 'America/New_York', '2026-11-01T01:30:00-04:00'],
      [at('2026-11-01T06:30:00Z'), 'America/New_York', '2026-11-01T01:30:00-05:00'],
      [-1, 'UTC', '1969-12-31T23:59:59+00:00'],
      // Offsets with seconds: rounded to the minute, the string still names the exact instant.
      [at('1900-01-01T00:00:00Z'), 'Asia/Kolkata', '1900-01-01T05:21:00+05:21'],
    ];
    for (const [instant, zone, expected] of cases) {
      it(`${expected} in ${zone}`, () => {
        expect(formatInZone(instant, zone)).to.equal(expected);
        expect(Date.parse(expected)).to.equal(Math.floor(instant / 1000) * 1000);
      });
    }

    it("returns '' for an invalid zone or instant", () => {
      expect(formatInZone(0, 'Not/A_Zone')).to.equal('');
      expect(formatInZone(NaN, 'UTC')).to.equal('');
    });
  });

  describe('ISO dates', () => {
    it('parses real dates only, strictly', () => {
      expect(parseIsoDate('2028-02-29')).to.deep.equal({ year: 2028, month: 2, day: 29 });
      expect(parseIsoDate('2000-02-29')).to.deep.equal({ year: 2000, month: 2, day: 29 });
      for (const bad of [
        '2026-02-29',
        '1900-02-29',
        '2026-04-31',
        '2026-13-01',
        '2026-00-10',
        '2026-01-00',
        '2026-1-01',
        '26-01-01',
        ' 2026-01-01',
        '2026-01-01T00:00',
        '+002026-01-01',
        '',
        20260101,
        null,
      ]) {
        expect(parseIsoDate(bad), String(bad)).to.equal(undefined);
        expect(isIsoDate(bad), String(bad)).to.equal(false);
      }
      expect(isIsoDate('2026-12-31')).to.equal(true);
    });

    it('adds days across month, year and leap-day ends', () => {
      expect(addDays('2026-01-31', 1)).to.equal('2026-02-01');
      expect(addDays('2026-02-28', 1)).to.equal('2026-03-01');
      expect(addDays('2028-02-28', 1)).to.equal('2028-02-29');
      expect(addDays('2028-02-29', 1)).to.equal('2028-03-01');
      expect(addDays('2100-02-28', 1)).to.equal('2100-03-01');
      expect(addDays('2000-02-28', 1)).to.equal('2000-02-29');
      expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
      expect(addDays('2027-01-01', -1)).to.equal('2026-12-31');
      expect(addDays('2026-03-01', -1)).to.equal('2026-02-28');
      expect(addDays('2026-06-10', 0)).to.equal('2026-06-10');
      expect(addDays('2026-06-10', 365)).to.equal('2027-06-10');
      expect(addDays('2028-01-01', 366)).to.equal('2029-01-01');
      expect(addDays('0050-01-01', 1)).to.equal('0050-01-02');
      expect(addDays('1970-01-01', -719528)).to.equal('0000-01-01');
    });

    it("gives '' for an invalid date, a fractional step or a year out of range", () => {
      expect(addDays('2026-02-30', 1)).to.equal('');
      expect(addDays('2026-06-10', 1.5)).to.equal('');
      expect(addDays('2026-06-10', NaN)).to.equal('');
      expect(addDays('9999-12-31', 1)).to.equal('');
      expect(addDays('0000-01-01', -1)).to.equal('');
    });

    it('gives the weekday of a date', () => {
      expect(weekdayOf('2026-06-10')).to.equal(3);
      expect(weekdayOf('2026-06-14')).to.equal(0);
      expect(weekdayOf('2026-06-13')).to.equal(6);
      expect(weekdayOf('2000-01-01')).to.equal(6);
      expect(weekdayOf('1969-12-31')).to.equal(3);
      expect(weekdayOf('2028-02-29')).to.equal(2);
      expect(weekdayOf('2026-02-29')).to.equal(undefined);
    });

    it('compares dates and counts the days between them', () => {
      expect(compareDates('2026-06-10', '2026-06-11')).to.be.lessThan(0);
      expect(compareDates('2026-06-11', '2026-06-10')).to.be.greaterThan(0);
      expect(compareDates('2026-06-10', '2026-06-10')).to.equal(0);
      expect(compareDates('2026-06-10', 'tomorrow')).to.be.NaN;
      expect(daysBetween('2026-12-31', '2027-01-01')).to.equal(1);
      expect(daysBetween('2028-03-01', '2028-02-28')).to.equal(-2);
      expect(daysBetween('2026-01-01', '2027-01-01')).to.equal(365);
      expect(daysBetween('2028-01-01', '2029-01-01')).to.equal(366);
      expect(daysBetween('1970-01-01', '2000-01-01')).to.equal(10957);
      expect(daysBetween('2026-02-29', '2026-03-01')).to.be.NaN;
    });
  });

  describe('clock times', () => {
    it('parses strict HH:MM, with 24:00 as the end of the day', () => {
      expect(parseClockTime('00:00')).to.equal(0);
      expect(parseClockTime('09:05')).to.equal(545);
      expect(parseClockTime('23:59')).to.equal(1439);
      expect(parseClockTime('24:00')).to.equal(1440);
      for (const bad of [
        '25:00',
        '24:01',
        '9:5',
        '9:05',
        '12:60',
        '12:5',
        ' 12:00',
        '12:00:00',
        '',
        'noon',
        720,
        null,
      ]) {
        expect(parseClockTime(bad), String(bad)).to.equal(undefined);
      }
    });

    it('formats minutes as HH:MM, wrapped to one day', () => {
      expect(formatClockTime24(0)).to.equal('00:00');
      expect(formatClockTime24(545)).to.equal('09:05');
      expect(formatClockTime24(1439)).to.equal('23:59');
      expect(formatClockTime24(1440)).to.equal('00:00');
      expect(formatClockTime24(1440 + 120)).to.equal('02:00');
      expect(formatClockTime24(-1)).to.equal('23:59');
      expect(formatClockTime24(61.9)).to.equal('01:01');
      expect(formatClockTime24(NaN)).to.equal('');
    });
  });
});
