import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { RestBackend } from '../../../src/core/api/rest-backend.js';
import { rejection } from '../../helpers/rejection.js';

const BASE = '/api/omni/v1';
const worker = setupWorker();

function backend(retries = 0) {
  return new RestBackend({ apiBase: BASE, timeoutMs: 2000, retries });
}

const slot = (id: string, start: string, end: string) => ({
  id,
  start,
  end,
  capacity: 3,
  remaining: 1,
});

const error = (status: number, code: string) =>
  HttpResponse.json({ error: { code, message: code } }, { status });

describe('api/RestBackend pickup', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());

  it('asks for slots with storeId, skus, from and days', async () => {
    let seen: URL | undefined;
    worker.use(
      http.get(`${BASE}/pickup/slots`, ({ request }) => {
        seen = new URL(request.url);
        return HttpResponse.json({ slots: [] });
      }),
    );
    await backend().getPickupSlots({
      storeId: 'w 1',
      skus: ['A', 'B'],
      from: '2026-02-02',
      days: 3,
    });
    expect(Object.fromEntries(seen!.searchParams)).to.deep.equal({
      storeId: 'w 1',
      skus: 'A,B',
      from: '2026-02-02',
      days: '3',
    });
  });

  it('drops malformed slots and slots ending before they start, in start order', async () => {
    worker.use(
      http.get(`${BASE}/pickup/slots`, () =>
        HttpResponse.json({
          slots: [
            slot('late', '2026-02-02T12:00:00+03:00', '2026-02-02T13:00:00+03:00'),
            slot('backwards', '2026-02-02T12:00:00+03:00', '2026-02-02T11:00:00+03:00'),
            { id: 'no-offset', start: '2026-02-02T10:00:00', end: '2026-02-02T11:00:00' },
            slot('early', '2026-02-02T10:00:00+03:00', '2026-02-02T11:00:00+03:00'),
          ],
        }),
      ),
    );
    const slots = await backend().getPickupSlots({ storeId: 's', skus: ['A'] });
    expect(slots.map((s) => s.id)).to.deep.equal(['early', 'late']);
  });

  it('rejects a slot list that is not one, or has only broken slots', async () => {
    worker.use(
      http.get(`${BASE}/pickup/slots`, () => HttpResponse.json({ slots: { id: 's' } }), {
        once: true,
      }),
      http.get(`${BASE}/pickup/slots`, () => HttpResponse.json({ slots: [{ id: 7 }] })),
    );
    const query = { storeId: 's', skus: ['A'] };
    expect((await rejection(backend().getPickupSlots(query))).kind).to.equal('invalid_response');
    expect((await rejection(backend().getPickupSlots(query))).kind).to.equal('invalid_response');
  });

  it('maps 404 (vanished store) and 5xx on slots to OmniError http', async () => {
    worker.use(
      http.get(`${BASE}/pickup/slots`, () => error(404, 'store_not_found'), { once: true }),
      http.get(`${BASE}/pickup/slots`, () => error(503, 'service_unavailable')),
    );
    const query = { storeId: 'gone', skus: ['A'] };
    const gone = await rejection(backend().getPickupSlots(query));
    expect([gone.status, gone.code]).to.deep.equal([404, 'store_not_found']);
    expect((await rejection(backend().getPickupSlots(query))).status).to.equal(503);
  });

  it('posts a reservation once (never retried), and maps 409 and 410', async () => {
    let posts = 0;
    const bodies: unknown[] = [];
    worker.use(
      http.post(`${BASE}/pickup/reservations`, async ({ request }) => {
        posts++;
        bodies.push(await request.json());
        return [
          error(503, 'service_unavailable'),
          error(409, 'slot_full'),
          error(410, 'slot_expired'),
        ][posts - 1]!;
      }),
    );
    const request = { slotId: 's1', storeId: 'w', skus: ['A'] };
    expect((await rejection(backend(3).reservePickupSlot(request))).status).to.equal(503);
    expect(posts).to.equal(1);
    expect(bodies[0]).to.deep.equal(request);
    expect((await rejection(backend(3).reservePickupSlot(request))).code).to.equal('slot_full');
    const gone = await rejection(backend(3).reservePickupSlot(request));
    expect([gone.status, gone.code]).to.deep.equal([410, 'slot_expired']);
  });

  it('reads a reservation without (or with a malformed) expiresAt as a hold of unknown expiry', async () => {
    worker.use(
      http.post(
        `${BASE}/pickup/reservations`,
        () => HttpResponse.json({ id: 'r1', slotId: 's1' }, { status: 201 }),
        { once: true },
      ),
      http.post(`${BASE}/pickup/reservations`, () =>
        HttpResponse.json({ id: 'r2', slotId: 's1', expiresAt: 'soon' }, { status: 201 }),
      ),
    );
    const request = { slotId: 's1', storeId: 'w', skus: ['A'] };
    expect(await backend().reservePickupSlot(request)).to.deep.equal({ id: 'r1', slotId: 's1' });
    expect((await backend().reservePickupSlot(request)).expiresAt).to.equal(undefined);
  });

  it('treats releasing a hold that is gone (404) or lapsed (410) as done, and fails on 5xx', async () => {
    const answers = [
      new HttpResponse(null, { status: 204 }),
      error(404, 'reservation_not_found'),
      error(410, 'reservation_expired'),
      error(500, 'internal_error'),
    ];
    const paths: string[] = [];
    worker.use(
      http.delete(`${BASE}/pickup/reservations/:id`, ({ request }) => {
        paths.push(new URL(request.url).pathname);
        return answers.shift()!;
      }),
    );
    const client = backend();
    await client.cancelPickupReservation('r/1');
    await client.cancelPickupReservation('r2');
    await client.cancelPickupReservation('r3');
    expect((await rejection(client.cancelPickupReservation('r4'))).status).to.equal(500);
    expect(paths[0]).to.equal(`${BASE}/pickup/reservations/r%2F1`);
  });
});
