import { expect } from '@open-wc/testing';
import { orderWithin } from '../../../src/core/shipping/index.js';

const at = (iso: string): Date => new Date(iso);
const orderBy = at('2026-11-23T15:00:00Z');

describe('orderWithin', () => {
  it('counts down hours and whole minutes under 24 hours', () => {
    // 3 h 12 min 30 s left: floored to 3 h 12 min, never promising time that is not there.
    expect(orderWithin(orderBy, at('2026-11-23T11:47:30Z'))).to.deep.equal({
      kind: 'countdown',
      hours: 3,
      minutes: 12,
    });
    // 23 h 59 min 59.999 s left.
    expect(orderWithin(orderBy, at('2026-11-22T15:00:00.001Z'))).to.deep.equal({
      kind: 'countdown',
      hours: 23,
      minutes: 59,
    });
    // 59 s left: the last minute.
    expect(orderWithin(orderBy, at('2026-11-23T14:59:01Z'))).to.deep.equal({
      kind: 'countdown',
      hours: 0,
      minutes: 0,
    });
  });

  it('names the moment from 24 hours on', () => {
    const result = orderWithin(orderBy, at('2026-11-22T15:00:00Z'));
    expect(result).to.deep.equal({ kind: 'by', date: orderBy });
    // A copy: changing it does not change the caller's date.
    if (result.kind === 'by') result.date.setTime(0);
    expect(orderBy.toISOString()).to.equal('2026-11-23T15:00:00.000Z');
    expect(orderWithin(orderBy, at('2026-11-20T09:00:00Z'))).to.deep.equal({
      kind: 'by',
      date: orderBy,
    });
  });

  it('has passed at orderBy and after, and for invalid dates', () => {
    expect(orderWithin(orderBy, orderBy)).to.deep.equal({ kind: 'passed' });
    expect(orderWithin(orderBy, at('2026-11-23T15:00:01Z'))).to.deep.equal({ kind: 'passed' });
    expect(orderWithin(new Date(NaN), orderBy)).to.deep.equal({ kind: 'passed' });
    expect(orderWithin(orderBy, new Date(NaN))).to.deep.equal({ kind: 'passed' });
  });
});
