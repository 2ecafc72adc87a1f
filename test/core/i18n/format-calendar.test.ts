import { expect } from '@open-wc/testing';
import {
  formatCalendarDate,
  formatCalendarRange,
  formatHoursMinutes,
  weekdayFitsSentence,
} from '../../../src/core/i18n/format-calendar.js';

const short = { weekday: 'short', day: 'numeric', month: 'short' } as const;

describe('formatCalendarDate / formatCalendarRange', () => {
  it('formats the calendar date itself, whatever the zone of the browser', () => {
    expect(formatCalendarDate('2026-11-26', 'en-GB', short)).to.equal('Thu 26 Nov');
    expect(formatCalendarDate('2026-11-26', 'en-US', short)).to.equal('Thu, Nov 26');
    // The first and last days of a year stay on their own day (noon UTC, formatted in UTC).
    expect(formatCalendarDate('2026-12-31', 'en-GB', { day: 'numeric', month: 'long' })).to.equal(
      '31 December',
    );
    expect(formatCalendarDate('2027-01-01', 'en-GB', { weekday: 'long' })).to.equal('Friday');
  });

  it('uses the calendar the locale asks for', () => {
    // 26 Nov 2026 is 16 Jumada II 1448 in the Umm al-Qura calendar.
    const hijri = formatCalendarDate('2026-11-26', 'en-u-ca-islamic-umalqura', {
      day: 'numeric',
      month: 'long',
    });
    expect(hijri).to.match(/^16 Jumada II$|^Jumada II 16$/);
  });

  it('ranges two dates, in either order, and gives one date when they are the same', () => {
    const options = { day: 'numeric', month: 'short' } as const;
    const range = formatCalendarRange('2026-11-27', '2026-12-01', 'en-GB', options);
    expect(range).to.match(/^27 Nov\s*–\s*1 Dec$/);
    expect(formatCalendarRange('2026-12-01', '2026-11-27', 'en-GB', options)).to.equal(range);
    expect(formatCalendarRange('2026-11-27', '2026-11-29', 'en-GB', options)).to.match(
      /^27\s*–\s*29 Nov$/,
    );
    expect(formatCalendarRange('2026-11-27', '2026-11-27', 'en-GB', options)).to.equal('27 Nov');
  });

  it('gives an empty string for dates that do not exist', () => {
    expect(formatCalendarDate('2026-02-30', 'en-GB', short)).to.equal('');
    expect(formatCalendarRange('2026-11-27', 'soon', 'en-GB', short)).to.equal('');
  });
});

describe('weekdayFitsSentence', () => {
  it('is false only where a weekday name would have to be declined (Lithuanian)', () => {
    for (const locale of ['en', 'en-GB', 'ar', 'sw', 'fil', 'nb-NO', 'not a locale']) {
      expect(weekdayFitsSentence(locale), locale).to.equal(true);
    }
    expect(weekdayFitsSentence('lt')).to.equal(false);
    expect(weekdayFitsSentence('lt-LT')).to.equal(false);
  });
});

describe('formatHoursMinutes', () => {
  it('says hours and minutes shortly, leaving out zero units', () => {
    expect(formatHoursMinutes(3, 12, 'en-GB')).to.match(/^3 hrs?, 12 mins?$/);
    expect(formatHoursMinutes(0, 12, 'en-GB')).to.match(/^12 mins?$/);
    expect(formatHoursMinutes(5, 0, 'en-GB')).to.match(/^5 hrs?$/);
  });

  it('gives an empty string for no time, negative or fractional counts', () => {
    expect(formatHoursMinutes(0, 0, 'en')).to.equal('');
    expect(formatHoursMinutes(-1, 5, 'en')).to.equal('');
    expect(formatHoursMinutes(1.5, 5, 'en')).to.equal('');
  });

  it('falls back to unit numbers without Intl.DurationFormat', () => {
    const intl = Intl as unknown as Record<string, unknown>;
    const had = Object.prototype.hasOwnProperty.call(intl, 'DurationFormat');
    const saved = intl.DurationFormat;
    try {
      Object.defineProperty(intl, 'DurationFormat', { value: undefined, configurable: true });
      expect(formatHoursMinutes(3, 12, 'en-GB')).to.match(/^3 hrs? 12 mins?$/);
      expect(formatHoursMinutes(0, 7, 'en-GB')).to.match(/^7 mins?$/);
    } finally {
      if (had) {
        Object.defineProperty(intl, 'DurationFormat', {
          value: saved,
          configurable: true,
          writable: true,
        });
      } else {
        delete intl.DurationFormat;
      }
    }
  });
});

describe('formatHoursMinutes in Arabic', () => {
  it('spells the units out, where the short ones are single letters', () => {
    const text = formatHoursMinutes(14, 22, 'ar');
    expect(text).to.contain('ساعة');
    expect(text).to.contain('دقيقة');
  });
});
