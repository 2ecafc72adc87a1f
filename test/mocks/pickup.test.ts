import { expect } from '@open-wc/testing';
import type { Store } from '../../src/core/api/types.js';
import { createDemoDb, DemoError } from '../../src/mocks/db.js';

/** A store open around the clock in Oslo, for the DST nights. */
const OSLO_24H: Store = {
  id: 'no-osl-night',
  name: 'Oslo Night',
  address: { line1: 'Karl Johans gate 1', city: 'Oslo', postalCode: '0154', country: 'NO' },
  location: { lat: 59.91, lng: 10.75 },
  timezone: 'Europe/Oslo',
  hours: [0, 1, 2, 3, 4, 5, 6].map((day) => ({
    day: day as Store['hours'][number]['day'],
    open: '00:00',
    close: '00:00',
  })),
  closures: [],
  pickup: { enabled: true, leadTimeMinutes: 60 },
};

function thrown(run: () => unknown): DemoError {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(DemoError);
    return error as DemoError;
  }
  expect.fail('expected a DemoError');
}

describe('demo backend pickup rules', () => {
  let clock = Date.parse('2026-03-27T12:00:00Z');
  const db = createDemoDb(7, { now: () => new Date(clock) });
  db.stores.push(structuredClone(OSLO_24H));
  beforeEach(() => {
    clock = Date.parse('2026-03-27T12:00:00Z');
    db.reservations.clear();
  });

  it('offers no slot in the hour a DST gap skips, and none that ends where it starts', () => {
    const slots = db.listSlots(OSLO_24H.id, [], '2026-03-29', 1);
    const starts = slots.map((s) => s.start.slice(11, 16));
    expect(starts).to.not.include('02:00');
    expect(starts.slice(0, 3)).to.deep.equal(['00:00', '01:00', '03:00']);
    expect(slots.every((s) => Date.parse(s.end) > Date.parse(s.start))).to.equal(true);
    expect(new Set(slots.map((s) => s.start)).size).to.equal(slots.length);
  });

  it('answers 410 slot_expired for a slot that starts too soon now, 422 for one that never was', () => {
    const [slot] = db.listSlots(OSLO_24H.id, [], '2026-03-27', 1);
    const request = { slotId: slot!.id, storeId: OSLO_24H.id, skus: [] };
    expect(db.reserve(request).slotId).to.equal(slot!.id);
    clock = Date.parse(slot!.start); // the lead time has run out for it
    const gone = thrown(() => db.reserve(request));
    expect([gone.status, gone.code]).to.deep.equal([410, 'slot_expired']);
    const unknown = thrown(() =>
      db.reserve({ ...request, slotId: `${OSLO_24H.id}_20260328_1234` }),
    );
    expect(unknown.code).to.equal('unknown_slot');
  });

  it('answers 410 reservation_expired for releasing a lapsed hold, and forgets it', () => {
    const [slot] = db.listSlots(OSLO_24H.id, [], '2026-03-28', 1);
    const hold = db.reserve({ slotId: slot!.id, storeId: OSLO_24H.id, skus: [] });
    clock += db.options.reservationTtlMs;
    const lapsed = thrown(() => db.cancelReservation(hold.id));
    expect([lapsed.status, lapsed.code]).to.deep.equal([410, 'reservation_expired']);
    expect(thrown(() => db.cancelReservation(hold.id)).status).to.equal(404);
  });
});
