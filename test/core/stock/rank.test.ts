import { expect } from '@open-wc/testing';
import type { Availability, StockStatus, Store } from '../../../src/core/api/types.js';
import {
  effectiveStatus,
  isAvailable,
  quantityView,
  rankStores,
} from '../../../src/core/stock/rank.js';
import type { StoreStock } from '../../../src/core/stock/types.js';

const availability = (status: StockStatus, quantity?: number): Availability => ({
  sku: 'SKU-1',
  storeId: 's',
  status,
  quantity,
  updatedAt: '2026-06-10T06:30:00Z',
});

const entry = (id: string, status: StockStatus | undefined, distanceKm?: number): StoreStock => ({
  store: {
    id,
    name: id,
    address: { line1: '1 Main St', city: 'Nairobi', postalCode: '00100', country: 'KE' },
    location: { lat: 0, lng: 0 },
    timezone: 'Africa/Nairobi',
    hours: [],
    closures: [],
    pickup: { enabled: true, leadTimeMinutes: 60 },
    distanceKm,
  } satisfies Store,
  availability: status === undefined ? undefined : availability(status),
});

const ids = (stores: StoreStock[]): string[] => stores.map((s) => s.store.id);

describe('effectiveStatus / isAvailable', () => {
  it('counts a missing record as out of stock', () => {
    expect(effectiveStatus(undefined)).to.equal('out_of_stock');
    expect(isAvailable(undefined)).to.equal(false);
  });

  it('treats only in_stock and low_stock as having the item', () => {
    const expected: Record<StockStatus, boolean> = {
      in_stock: true,
      low_stock: true,
      out_of_stock: false,
      backorder: false,
      preorder: false,
    };
    for (const [status, available] of Object.entries(expected)) {
      expect(isAvailable(availability(status as StockStatus)), status).to.equal(available);
      expect(effectiveStatus(availability(status as StockStatus))).to.equal(status);
    }
  });
});

describe('rankStores', () => {
  it('puts stores with the item first, nearest first, then orderable, then out of stock', () => {
    const ranked = rankStores([
      entry('out-near', 'out_of_stock', 1),
      entry('back-near', 'backorder', 2),
      entry('in-far', 'in_stock', 30),
      entry('low-near', 'low_stock', 5),
      entry('missing', undefined, 0.5),
      entry('pre-far', 'preorder', 40),
      entry('out-far', 'out_of_stock', 20),
    ]);
    expect(ids(ranked)).to.deep.equal([
      'low-near',
      'in-far',
      'back-near',
      'pre-far',
      'missing',
      'out-near',
      'out-far',
    ]);
  });

  it('puts unknown distances after known ones within a group', () => {
    const ranked = rankStores([
      entry('unknown', 'in_stock'),
      entry('far', 'in_stock', 12),
      entry('near', 'in_stock', 3),
    ]);
    expect(ids(ranked)).to.deep.equal(['near', 'far', 'unknown']);
  });

  it('is stable for equal status and distance', () => {
    const ranked = rankStores([
      entry('a', 'in_stock', 2),
      entry('b', 'low_stock', 2),
      entry('c', 'in_stock'),
      entry('d', 'in_stock'),
    ]);
    expect(ids(ranked)).to.deep.equal(['a', 'b', 'c', 'd']);
  });

  it('does not mutate its input', () => {
    const input = Object.freeze([entry('out', 'out_of_stock', 1), entry('in', 'in_stock', 9)]);
    const ranked = rankStores(input);
    expect(ids([...input])).to.deep.equal(['out', 'in']);
    expect(ids(ranked)).to.deep.equal(['in', 'out']);
    expect(ranked).not.to.equal(input);
  });
});

describe('quantityView', () => {
  it('exact: shows the count when known', () => {
    expect(quantityView(availability('in_stock', 42), 'exact', 5)).to.deep.equal({
      kind: 'count',
      count: 42,
    });
    expect(quantityView(availability('in_stock'), 'exact', 5)).to.deep.equal({ kind: 'none' });
  });

  it('threshold: "only N left" at or below the threshold, nothing above', () => {
    expect(quantityView(availability('low_stock', 5), 'threshold', 5)).to.deep.equal({
      kind: 'only_left',
      count: 5,
    });
    expect(quantityView(availability('low_stock', 1), 'threshold', 5)).to.deep.equal({
      kind: 'only_left',
      count: 1,
    });
    expect(quantityView(availability('in_stock', 6), 'threshold', 5)).to.deep.equal({
      kind: 'none',
    });
    expect(quantityView(availability('in_stock', 0), 'threshold', 5)).to.deep.equal({
      kind: 'none',
    });
  });

  it('status: never shows a quantity', () => {
    expect(quantityView(availability('low_stock', 2), 'status', 5)).to.deep.equal({
      kind: 'none',
    });
  });

  it('shows nothing for stores without the item, whatever the count', () => {
    for (const status of ['out_of_stock', 'backorder', 'preorder'] as const) {
      expect(quantityView(availability(status, 3), 'exact', 5)).to.deep.equal({ kind: 'none' });
      expect(quantityView(availability(status, 3), 'threshold', 5)).to.deep.equal({
        kind: 'none',
      });
    }
    expect(quantityView(undefined, 'exact', 5)).to.deep.equal({ kind: 'none' });
  });
});
