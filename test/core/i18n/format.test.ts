import { expect } from '@open-wc/testing';
import {
  formatClockTime,
  formatDistance,
  formatNumber,
  formatRelativeTime,
  prepareDistanceFormat,
  safeLocale,
} from '../../../src/core/i18n/format.js';
import { formatDayOffset } from '../../../src/core/i18n/format-dates.js';

/** True when `text` contains Arabic-Indic digits (U+0660-U+0669) and no ASCII digits. */
const arabicDigits = (text: string): boolean => /[\u0660-\u0669]/.test(text) && !/\d/.test(text);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('prepareDistanceFormat', () => {
  it('builds the formatters of a unit and locale once, while the page is idle', async () => {
    const NumberFormat = Intl.NumberFormat;
    const built: unknown[] = [];
    Intl.NumberFormat = function (...args: ConstructorParameters<typeof NumberFormat>) {
      built.push(args);
      return new NumberFormat(...args);
    } as unknown as typeof Intl.NumberFormat;
    try {
      // A locale no other test formats distances in: nothing is cached for it yet.
      prepareDistanceFormat('mi', 'lt-LT');
      prepareDistanceFormat('mi', 'lt-LT');
      expect(built).to.have.length(0);
      await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 }));
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(built).to.have.length(2);
      // Both the one-decimal and the whole-number formatter are ready for the answers.
      expect(formatDistance(3.2, 'mi', 'lt-LT')).to.include('2,0');
      expect(formatDistance(32, 'mi', 'lt-LT')).to.include('20');
      expect(built).to.have.length(2);
    } finally {
      Intl.NumberFormat = NumberFormat;
    }
  });
});

describe('formatDistance', () => {
  it('shows one decimal below 10 and whole numbers from 10 (en)', () => {
    expect(formatDistance(2.14, 'km', 'en')).to.equal('2.1 km');
    expect(formatDistance(2, 'km', 'en')).to.equal('2.0 km');
    expect(formatDistance(12.6, 'km', 'en')).to.equal('13 km');
    expect(formatDistance(9.96, 'km', 'en')).to.equal('10 km');
    expect(formatDistance(0.02, 'km', 'en')).to.equal('0 km');
  });

  it('converts kilometres to miles for mi', () => {
    expect(formatDistance(2.1, 'mi', 'en-US')).to.equal('1.3 mi');
    expect(formatDistance(160.9344, 'mi', 'en-US')).to.equal('100 mi');
  });

  it('uses the locale digits and a unit in ar', () => {
    const ar = formatDistance(2.1, 'km', 'ar-EG');
    expect(ar).not.to.equal(formatDistance(2.1, 'km', 'en'));
    expect(arabicDigits(ar), ar).to.equal(true);
    expect(ar).to.include('كم');
  });

  it('returns an empty string for a negative or unknown distance', () => {
    expect(formatDistance(NaN, 'km', 'en')).to.equal('');
    expect(formatDistance(-1, 'km', 'en')).to.equal('');
  });

  it('falls back to en for an invalid locale without throwing', () => {
    expect(formatDistance(2.1, 'km', 'not a locale!')).to.equal('2.1 km');
  });
});

describe('formatClockTime', () => {
  it('uses a 12-hour clock in en-US', () => {
    expect(formatClockTime('21:00', 'en-US').replace(/\s/g, ' ')).to.equal('9:00 PM');
    expect(formatClockTime('00:30', 'en-US').replace(/\s/g, ' ')).to.equal('12:30 AM');
  });

  it('uses a 24-hour clock where the locale does', () => {
    expect(formatClockTime('21:00', 'en-GB')).to.equal('21:00');
    expect(formatClockTime('21:05', 'de-DE')).to.equal('21:05');
  });

  it('uses Arabic-Indic digits in ar-EG', () => {
    const ar = formatClockTime('21:00', 'ar-EG');
    expect(arabicDigits(ar), ar).to.equal(true);
  });

  it('does not depend on the browser timezone and returns malformed input unchanged', () => {
    expect(formatClockTime('23:59', 'en-GB')).to.equal('23:59');
    expect(formatClockTime('late', 'en-GB')).to.equal('late');
    expect(formatClockTime('25:00', 'en-GB')).to.equal('25:00');
  });
});

describe('formatRelativeTime', () => {
  const now = Date.UTC(2026, 5, 10, 12, 0);

  it('picks the unit (en)', () => {
    expect(formatRelativeTime(now - 20_000, now, 'en')).to.equal('now');
    expect(formatRelativeTime(now - 12 * MINUTE, now, 'en')).to.equal('12 minutes ago');
    expect(formatRelativeTime(now - 1 * MINUTE, now, 'en')).to.equal('1 minute ago');
    expect(formatRelativeTime(now - 2 * HOUR, now, 'en')).to.equal('2 hours ago');
    expect(formatRelativeTime(now - 59.7 * MINUTE, now, 'en')).to.equal('1 hour ago');
    expect(formatRelativeTime(now - 1 * DAY, now, 'en')).to.equal('yesterday');
    expect(formatRelativeTime(now - 3 * DAY, now, 'en')).to.equal('3 days ago');
    expect(formatRelativeTime(now + 2 * HOUR, now, 'en')).to.equal('in 2 hours');
  });

  it('is localized in ar', () => {
    const ar = formatRelativeTime(now - 12 * MINUTE, now, 'ar-EG');
    expect(ar).not.to.equal('12 minutes ago');
    expect(arabicDigits(ar), ar).to.equal(true);
  });
});

describe('formatNumber', () => {
  it('groups digits per locale', () => {
    expect(formatNumber(12345, 'en')).to.equal('12,345');
    expect(formatNumber(12345, 'de-DE')).to.equal('12.345');
    expect(arabicDigits(formatNumber(12345, 'ar-EG'))).to.equal(true);
  });
});

describe('formatDayOffset', () => {
  // Wednesday 2026-06-10 23:30 in Nairobi, still Wednesday 20:30 UTC.
  const from = new Date('2026-06-10T20:30:00Z');

  it('says today and tomorrow (en)', () => {
    expect(formatDayOffset(0, 'en')).to.equal('today');
    expect(formatDayOffset(1, 'en')).to.equal('tomorrow');
  });

  it('names the weekday for 2 to 6 days, counted on the given timezone calendar', () => {
    expect(formatDayOffset(2, 'en', { from, timeZone: 'Africa/Nairobi' })).to.equal('Friday');
    // In Manila it is already Thursday, so two days on is Saturday.
    expect(formatDayOffset(2, 'en', { from, timeZone: 'Asia/Manila' })).to.equal('Saturday');
    expect(formatDayOffset(6, 'en', { from, timeZone: 'Africa/Nairobi' })).to.equal('Tuesday');
  });

  it('uses relative text a week or more ahead and for an invalid timezone', () => {
    expect(formatDayOffset(8, 'en', { from, timeZone: 'Africa/Nairobi' })).to.equal('in 8 days');
    expect(formatDayOffset(3, 'en', { from, timeZone: 'Nope/Nowhere' })).to.equal('in 3 days');
  });

  it('is localized in ar', () => {
    expect(formatDayOffset(1, 'ar')).not.to.equal('tomorrow');
    const weekday = formatDayOffset(2, 'ar', { from, timeZone: 'Africa/Nairobi' });
    expect(weekday).not.to.equal('Friday');
    expect(weekday).to.include('الجمعة');
  });
});

describe('formatDayOffset in a language that declines weekdays', () => {
  it('names the date in Lithuanian, where a bare weekday name would be in the wrong case', () => {
    const from = new Date('2026-06-10T20:30:00Z');
    const day = formatDayOffset(2, 'lt', { from, timeZone: 'Africa/Nairobi' });
    // "birželio 12 d.", not "penktadienis" (the sentence wants "penktadienį").
    expect(day).to.equal(
      new Intl.DateTimeFormat('lt', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
        new Date(Date.UTC(2026, 5, 12, 12)),
      ),
    );
    expect(day).not.to.match(/dienis/);
    expect(formatDayOffset(2, 'nb', { from, timeZone: 'Africa/Nairobi' })).to.equal('fredag');
  });
});

describe('safeLocale', () => {
  it('canonicalizes valid tags and falls back to en', () => {
    expect(safeLocale('EN-us')).to.equal('en-US');
    expect(safeLocale('??')).to.equal('en');
  });
});
