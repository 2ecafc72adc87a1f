import { expect } from '@open-wc/testing';
import type { PickupSlot } from '../../../src/core/api/types.js';
import { formatSlotTime } from '../../../src/core/pickup/format.js';

const slot = (start: string, end: string): PickupSlot => ({
  id: 's',
  start,
  end,
  capacity: 4,
  remaining: 2,
});

/** Spaces a line may break at: any but the no-break space. */
const BREAKABLE = /[ \u2009\u202f]/g;

describe('formatSlotTime', () => {
  it('breaks a range only beside its dash, never inside a time', () => {
    const cases: [string, PickupSlot][] = [
      ['en', slot('2026-11-23T11:00:00+03:00', '2026-11-23T12:00:00+03:00')],
      ['en', slot('2026-11-23T11:30:00+03:00', '2026-11-23T12:30:00+03:00')],
      ['ar', slot('2026-11-23T10:00:00+03:00', '2026-11-23T11:00:00+03:00')],
      ['sw', slot('2026-11-23T08:00:00+03:00', '2026-11-23T09:00:00+03:00')],
      ['fil', slot('2026-11-23T13:00:00+03:00', '2026-11-23T14:00:00+03:00')],
      ['nb', slot('2026-11-23T13:00:00+03:00', '2026-11-23T14:00:00+03:00')],
      ['lt', slot('2026-11-23T13:00:00+03:00', '2026-11-23T14:00:00+03:00')],
    ];
    for (const [locale, s] of cases) {
      const text = formatSlotTime(s, 'Africa/Nairobi', locale);
      expect(text, locale).to.match(/\d/);
      for (const match of text.matchAll(BREAKABLE)) {
        const beside = text.slice(Math.max(0, match.index - 1), match.index + 2);
        expect(beside, `${locale}: "${text}"`).to.match(/[–-]/);
      }
    }
    // A single time (no range) has no breakable space at all.
    const one = formatSlotTime(
      slot('2026-11-23T11:00:00+03:00', '2026-11-23T11:00:00+03:00'),
      'Africa/Nairobi',
      'en',
    );
    expect(one).to.match(/^11:00\u00a0AM$/);
  });
});
