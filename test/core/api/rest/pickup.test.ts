import { expect } from '@open-wc/testing';
import { http as mock, HttpResponse } from 'msw';
import { Http } from '../../../../src/core/api/rest/http.js';
import { restPickup } from '../../../../src/core/api/rest/pickup.js';
import type { PickupReservation, PickupSlot } from '../../../../src/core/api/types.js';
import { errorBody, fetchSpy, useWorker } from '../../../helpers/msw.js';
import { rejection } from '../../../helpers/rejection.js';

const BASE = '/api/omni/v1';

const slot: PickupSlot = {
  id: 'slot-1',
  start: '2026-11-24T10:00:00+03:00',
  end: '2026-11-24T11:00:00+03:00',
  capacity: 4,
  remaining: 1,
};
const reservation: PickupReservation = {
  id: 'res/1',
  slotId: 'slot-1',
  expiresAt: '2026-11-24T09:15:00+03:00',
};

const client = (retries = 0, fetch?: typeof globalThis.fetch) =>
  restPickup(new Http({ apiBase: BASE, timeoutMs: 2000, retries, fetch }));

describe('api/rest/pickup', () => {
  const worker = useWorker();

  describe('getPickupSlots', () => {
    it('GETs the slots of a store for the skus, leaving out what is not given', async () => {
      const seen: URL[] = [];
      worker.use(
        mock.get(`${BASE}/pickup/slots`, ({ request }) => {
          seen.push(new URL(request.url));
          return HttpResponse.json({ slots: [slot] });
        }),
      );
      const query = { storeId: 'st 1', skus: ['A', 'B'], from: '2026-11-24', days: 3 };
      expect(await client().getPickupSlots(query)).to.deep.equal([slot]);
      expect(Object.fromEntries(seen[0].searchParams)).to.deep.equal({
        storeId: 'st 1',
        skus: 'A,B',
        from: '2026-11-24',
        days: '3',
      });
      await client().getPickupSlots({ storeId: 'st-1', skus: ['A'] });
      expect(Object.fromEntries(seen[1].searchParams)).to.deep.equal({
        storeId: 'st-1',
        skus: 'A',
      });
    });

    it('retries a 503: reading slots is safe to repeat', async () => {
      let calls = 0;
      worker.use(
        mock.get(`${BASE}/pickup/slots`, () =>
          ++calls === 1
            ? new HttpResponse(null, { status: 503 })
            : HttpResponse.json({ slots: [] }),
        ),
      );
      expect(await client(1).getPickupSlots({ storeId: 's', skus: ['A'] })).to.deep.equal([]);
      expect(calls).to.equal(2);
    });
  });

  describe('reservePickupSlot', () => {
    const request = { slotId: 'slot-1', storeId: 'st-1', skus: ['A'], cartId: 'c1' };

    it('POSTs the hold and answers the reservation', async () => {
      let body: unknown;
      worker.use(
        mock.post(`${BASE}/pickup/reservations`, async ({ request: r }) => {
          body = await r.json();
          return HttpResponse.json(reservation, { status: 201 });
        }),
      );
      expect(await client().reservePickupSlot(request)).to.deep.equal(reservation);
      expect(body).to.deep.equal(request);
    });

    it('maps 409 slot_full', async () => {
      worker.use(
        mock.post(`${BASE}/pickup/reservations`, () =>
          HttpResponse.json(errorBody('slot_full', 'That slot is full.'), { status: 409 }),
        ),
      );
      const error = await rejection(client().reservePickupSlot(request));
      expect([error.kind, error.status, error.code]).to.deep.equal(['http', 409, 'slot_full']);
    });

    it('is never retried: a hold that timed out may exist', async () => {
      let posts = 0;
      worker.use(
        mock.post(`${BASE}/pickup/reservations`, () => {
          posts++;
          return new HttpResponse(null, { status: 503 });
        }),
      );
      expect((await rejection(client(3).reservePickupSlot(request))).status).to.equal(503);
      expect(posts).to.equal(1);
    });
  });

  describe('cancelPickupReservation', () => {
    it('DELETEs the reservation by its encoded id', async () => {
      const paths: string[] = [];
      worker.use(
        mock.delete(`${BASE}/pickup/reservations/:id`, ({ request }) => {
          paths.push(new URL(request.url).pathname);
          return new HttpResponse(null, { status: 204 });
        }),
      );
      expect(await client().cancelPickupReservation('res/1')).to.equal(undefined);
      expect(paths).to.deep.equal(['/api/omni/v1/pickup/reservations/res%2F1']);
    });

    it('resolves when the reservation is already gone (reservation_not_found)', async () => {
      worker.use(
        mock.delete(`${BASE}/pickup/reservations/:id`, () =>
          HttpResponse.json(errorBody('reservation_not_found'), { status: 404 }),
        ),
      );
      expect(await client().cancelPickupReservation('expired')).to.equal(undefined);
    });

    it('rejects with any other error, e.g. a 404 from outside the contract', async () => {
      worker.use(
        mock.delete(`${BASE}/pickup/reservations/:id`, () =>
          HttpResponse.json(errorBody('not_found'), { status: 404 }),
        ),
      );
      const error = await rejection(client().cancelPickupReservation('r'));
      expect(error.code).to.equal('not_found');
    });

    it('passes keepalive to fetch, so that a hold is released on pagehide', async () => {
      worker.use(
        mock.delete(
          `${BASE}/pickup/reservations/:id`,
          () => new HttpResponse(null, { status: 204 }),
        ),
      );
      const spy = fetchSpy();
      await client(0, spy.fetch).cancelPickupReservation('r', { keepalive: true });
      expect(spy.keepalive).to.deep.equal([true]);
    });
  });
});
