import { expect } from '@open-wc/testing';
import { OmniError } from '../../../src/core/api/errors.js';
import {
  AvailabilityResponseSchema,
  CartHandoffSchema,
  CartSchema,
  ErrorBodySchema,
  parseResponse,
  PickupReservationSchema,
  PickupSlotsResponseSchema,
  ShippingRulesSchema,
  StoresResponseSchema,
} from '../../../src/core/api/schemas.js';

const HOSTILE = '<img src=x onerror="alert(1)">Main St & <b>Co</b>';

function store(overrides: Record<string, unknown> = {}) {
  return {
    id: 'st-1',
    name: 'Downtown',
    address: { line1: '1 Main St', city: 'Nairobi', postalCode: '00100', country: 'KE' },
    location: { lat: -1.28, lng: 36.82 },
    timezone: 'Africa/Nairobi',
    hours: [
      { day: 1, open: '09:00', close: '18:00' },
      { day: 6, open: '10:00', close: '24:00' },
    ],
    closures: ['2026-12-25'],
    pickup: { enabled: true, leadTimeMinutes: 60 },
    distanceKm: 1.5,
    ...overrides,
  };
}

const money = (amount: string) => ({ amount, currency: 'EUR' });

function cart() {
  return {
    id: 'c1',
    version: 3,
    currency: 'EUR',
    lines: [
      {
        id: 'l1',
        sku: 'A',
        title: 'Mug',
        qty: 2,
        unitPrice: money('4.50'),
        fulfillment: { type: 'ship' },
      },
      {
        id: 'l2',
        sku: 'B',
        title: 'Tea',
        qty: 1,
        unitPrice: money('3'),
        fulfillment: { type: 'pickup', storeId: 'st-1' },
      },
    ],
    subtotal: money('12.00'),
    updatedAt: '2026-11-24T10:00:00+03:00',
  };
}

function shippingRules() {
  return {
    origins: [
      {
        id: 'wh',
        timezone: 'Europe/Berlin',
        cutoffs: [{ day: 1, time: '14:00' }],
        handlingDays: { min: 0, max: 1 },
        workdays: [1, 2, 3, 4, 5],
        closures: [],
      },
    ],
    methods: [
      {
        id: 'std',
        label: 'Standard',
        carrier: 'DHL',
        price: money('4.99'),
        freeOver: money('50.00'),
        transitDays: { min: 1, max: 3 },
        deliveryDays: [1, 2, 3, 4, 5, 6],
        zones: [{ postalPrefix: '8', transitDays: { min: 2, max: 4 } }],
      },
    ],
    holidays: ['2026-12-25'],
  };
}

/** The OmniError thrown by `fn`, or a failure when nothing is thrown. */
function thrown(fn: () => unknown): OmniError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(OmniError);
    return error as OmniError;
  }
  expect.fail('expected an OmniError');
}

describe('api/schemas', () => {
  describe('good data', () => {
    it('reads null in optional fields as absent instead of rejecting the answer', () => {
      const body = {
        stores: [
          {
            ...store(),
            phone: null,
            distanceKm: null,
            address: { ...store().address, line2: null, region: null },
          },
        ],
      };
      const [parsed] = parseResponse(StoresResponseSchema, body, 200).stores;
      expect(parsed.phone).to.equal(undefined);
      expect(parsed.distanceKm).to.equal(undefined);
      expect(parsed.address.line2).to.equal(undefined);
      const record = {
        sku: 'A',
        storeId: 's1',
        status: 'in_stock',
        updatedAt: '2026-11-24T08:00:00Z',
      };
      const [stock] = parseResponse(
        AvailabilityResponseSchema,
        { availability: [{ ...record, quantity: null, restockAt: null }] },
        200,
      ).availability;
      expect(stock.quantity).to.equal(undefined);
      expect(stock.restockAt).to.equal(undefined);
    });

    it('parses a stores list and drops unknown fields', () => {
      const body = { stores: [{ ...store(), internalRank: 7 }], next: 'x' };
      const out = parseResponse(StoresResponseSchema, body, 200);
      expect(out).to.deep.equal({ stores: [store()] });
      expect(out.stores[0]).not.to.have.property('internalRank');
    });

    it('parses availability, including online stock (storeId null) and hidden counts', () => {
      const body = {
        availability: [
          {
            sku: 'A',
            storeId: 'st-1',
            status: 'low_stock',
            quantity: 2,
            updatedAt: '2026-11-24T08:00:00Z',
          },
          {
            sku: 'A',
            storeId: null,
            status: 'backorder',
            restockAt: '2026-12-01T00:00:00.000+01:00',
            updatedAt: '2026-11-24T08:00Z',
          },
        ],
      };
      expect(parseResponse(AvailabilityResponseSchema, body, 200)).to.deep.equal(body);
    });

    it('parses pickup slots, a reservation, shipping rules, a cart and a handoff', () => {
      const slots = {
        slots: [
          {
            id: 's1',
            start: '2026-11-24T10:00:00Z',
            end: '2026-11-24T10:30:00Z',
            capacity: 4,
            remaining: 1,
          },
        ],
      };
      const reservation = { id: 'r1', slotId: 's1', expiresAt: '2026-11-24T10:15:00Z' };
      const handoff = {
        code: 'K7Q2',
        url: 'https://shop.example/c/K7Q2',
        expiresAt: '2026-11-24T11:00:00Z',
      };
      expect(parseResponse(PickupSlotsResponseSchema, slots, 200)).to.deep.equal(slots);
      expect(parseResponse(PickupReservationSchema, reservation, 201)).to.deep.equal(reservation);
      expect(parseResponse(ShippingRulesSchema, shippingRules(), 200)).to.deep.equal(
        shippingRules(),
      );
      expect(parseResponse(CartSchema, cart(), 200)).to.deep.equal(cart());
      expect(parseResponse(CartHandoffSchema, handoff, 201)).to.deep.equal(handoff);
    });

    it('parses the error body', () => {
      const body = { error: { code: 'unknown_postal_code', message: 'No such postal code' } };
      expect(parseResponse(ErrorBodySchema, body, 404)).to.deep.equal(body);
    });

    it('keeps HTML in names as the exact string', () => {
      const body = {
        stores: [store({ name: HOSTILE, address: { ...store().address, line1: HOSTILE } })],
      };
      const out = parseResponse(StoresResponseSchema, body, 200);
      expect(out.stores[0].name).to.equal(HOSTILE);
      expect(out.stores[0].address.line1).to.equal(HOSTILE);
      const lines = cart().lines.map((line) => ({ ...line, title: HOSTILE }));
      expect(parseResponse(CartSchema, { ...cart(), lines }, 200).lines[0].title).to.equal(HOSTILE);
    });
  });

  describe('malformed data', () => {
    it('rejects a body that is not an object, with status and a short message', () => {
      for (const body of [null, 'ok', [], 42]) {
        const error = thrown(() => parseResponse(StoresResponseSchema, body, 200));
        expect(error.kind).to.equal('invalid_response');
        expect(error.status).to.equal(200);
      }
    });

    it('names the path of the first issue for a missing field', () => {
      const { location: _omit, ...noLocation } = store();
      const error = thrown(() =>
        parseResponse(StoresResponseSchema, { stores: [noLocation] }, 200),
      );
      expect(error.kind).to.equal('invalid_response');
      expect(error.message).to.contain('stores.0.location');
    });

    it('rejects a missing list', () => {
      const error = thrown(() => parseResponse(AvailabilityResponseSchema, {}, 200));
      expect(error.message).to.contain('availability');
    });

    it('rejects an unknown stock status', () => {
      const body = {
        availability: [
          { sku: 'A', storeId: null, status: 'plenty', updatedAt: '2026-11-24T08:00:00Z' },
        ],
      };
      const error = thrown(() => parseResponse(AvailabilityResponseSchema, body, 200));
      expect(error.message).to.contain('availability.0.status');
    });

    it('rejects a wrong fulfillment type', () => {
      const lines = [{ ...cart().lines[0], fulfillment: { type: 'drone' } }];
      const error = thrown(() => parseResponse(CartSchema, { ...cart(), lines }, 200));
      expect(error.message).to.contain('lines.0.fulfillment');
    });

    const storeCases: [string, Record<string, unknown>, string][] = [
      ['day 7', { hours: [{ day: 7, open: '09:00', close: '18:00' }] }, 'stores.0.hours.0.day'],
      [
        'time "9:00"',
        { hours: [{ day: 1, open: '9:00', close: '18:00' }] },
        'stores.0.hours.0.open',
      ],
      [
        'time "25:00"',
        { hours: [{ day: 1, open: '09:00', close: '25:00' }] },
        'stores.0.hours.0.close',
      ],
      ['date "2026-13-01"', { closures: ['2026-13-01'] }, 'stores.0.closures.0'],
      ['lat 91', { location: { lat: 91, lng: 0 } }, 'stores.0.location.lat'],
      ['lng -181', { location: { lat: 0, lng: -181 } }, 'stores.0.location.lng'],
      ['lat NaN', { location: { lat: Number.NaN, lng: 0 } }, 'stores.0.location.lat'],
      ['distance Infinity', { distanceKm: Number.POSITIVE_INFINITY }, 'stores.0.distanceKm'],
      ['name as number', { name: 42 }, 'stores.0.name'],
      [
        'lead time 1.5',
        { pickup: { enabled: true, leadTimeMinutes: 1.5 } },
        'stores.0.pickup.leadTimeMinutes',
      ],
    ];
    for (const [label, overrides, path] of storeCases) {
      it(`rejects a store with ${label}`, () => {
        const error = thrown(() =>
          parseResponse(StoresResponseSchema, { stores: [store(overrides)] }, 200),
        );
        expect(error.kind).to.equal('invalid_response');
        expect(error.message).to.contain(path);
      });
    }

    for (const amount of ['12,99', '1e3', '-1.00', '', '12.']) {
      it(`rejects the money amount "${amount}"`, () => {
        const error = thrown(() =>
          parseResponse(CartSchema, { ...cart(), subtotal: money(amount) }, 200),
        );
        expect(error.message).to.contain('subtotal.amount');
      });
    }

    it('rejects a number as money amount and a lower-case currency', () => {
      expect(() =>
        parseResponse(CartSchema, { ...cart(), subtotal: { amount: 12, currency: 'EUR' } }, 200),
      ).to.throw(OmniError);
      expect(() => parseResponse(CartSchema, { ...cart(), currency: 'eur' }, 200)).to.throw(
        OmniError,
      );
    });

    it('rejects a timestamp without offset', () => {
      const slot = {
        id: 's1',
        start: '2026-11-24T10:00:00',
        end: '2026-11-24T10:30:00Z',
        capacity: 1,
        remaining: 1,
      };
      expect(
        thrown(() => parseResponse(PickupSlotsResponseSchema, { slots: [slot] }, 200)).message,
      ).to.contain('slots.0.start');
    });

    it('leaves the entries of shipping rules to validateShippingRules, but not the lists', () => {
      // One bad method must cost only itself: the engine's check leaves it out with a reason.
      const rules = shippingRules();
      rules.methods[0].transitDays = { min: 5, max: 2 };
      expect(parseResponse(ShippingRulesSchema, rules, 200)).to.deep.equal(rules);
      const { methods, ...noMethods } = shippingRules();
      expect(methods).to.have.length(1);
      expect(thrown(() => parseResponse(ShippingRulesSchema, noMethods, 200)).message).to.contain(
        'methods',
      );
      expect(
        thrown(() => parseResponse(ShippingRulesSchema, { ...rules, holidays: 'none' }, 200))
          .message,
      ).to.contain('holidays');
    });

    it('rejects a handoff URL that is not http(s)', () => {
      const handoff = { code: 'K', url: 'javascript:alert(1)', expiresAt: '2026-11-24T11:00:00Z' };
      expect(thrown(() => parseResponse(CartHandoffSchema, handoff, 201)).message).to.contain(
        'url',
      );
    });

    it('rejects an error body without a code', () => {
      expect(() => parseResponse(ErrorBodySchema, { error: { message: 'x' } }, 500)).to.throw(
        OmniError,
      );
    });
  });
});
