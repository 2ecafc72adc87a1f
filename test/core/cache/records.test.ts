/**
 * Durable records (`RecordStore`): what the cart's outbox relies on. `update` reads and writes in
 * one transaction, so that two tabs (two connections to one database) never both act on the same
 * read; invalid records are skipped and reported, never fatal.
 */
import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { openStorage, type PersistentStorage } from '../../../src/core/cache/idb-storage.js';
import { createMemoryStorage } from '../../../src/core/cache/memory-storage.js';
import type { RecordStore } from '../../../src/core/cache/types.js';

const isNumber = (value: unknown): value is number => typeof value === 'number';
let counter = 0;

/** Adds one to `counter` in one transaction; returns the value it read. */
const increment = (records: RecordStore) =>
  records.update('n:', isNumber, (found) => {
    const current = found.find((r) => r.key === 'n:counter')?.value ?? 0;
    return { changes: [{ put: 'n:counter', value: current + 1 }], result: current };
  });

describe('RecordStore', () => {
  describe('IndexedDB', () => {
    let name: string;
    let storages: PersistentStorage[];

    const open = (options: Partial<Parameters<typeof openStorage>[0]> = {}) => {
      const storage = openStorage({ name, ...options });
      storages.push(storage);
      return storage;
    };

    beforeEach(() => {
      name = `omnishelf-records-${Date.now()}-${counter++}`;
      storages = [];
    });

    afterEach(async () => {
      for (const storage of storages) storage.close();
      await deleteDB(name);
    });

    it('never lets two tabs act on the same read (update is a compare-and-set)', async () => {
      const a = open().records;
      const b = open().records;
      const seen = await Promise.all(
        Array.from({ length: 20 }, (_, i) => increment(i % 2 ? a : b)),
      );
      expect(await a.get('n:counter', isNumber)).to.equal(20);
      expect([...seen].sort((x, y) => x - y)).to.deep.equal(
        Array.from({ length: 20 }, (_, i) => i),
      );
      expect(a.durable && b.durable).to.equal(true);
    });

    it('skips and reports an invalid record, and keeps the others', async () => {
      const { records } = open();
      await records.write([
        { put: 'n:a', value: 1 },
        { put: 'n:b', value: 'corrupt' },
        { put: 'n:c', value: 3 },
      ]);
      const reported: string[] = [];
      const keys = await records.update(
        'n:',
        isNumber,
        (found) => ({ changes: [], result: found.map((r) => r.key) }),
        (key) => reported.push(key),
      );
      expect(keys).to.deep.equal(['n:a', 'n:c']);
      expect(reported).to.deep.equal(['n:b']);
      expect(await records.list('n:', isNumber)).to.have.length(2);
    });

    it('changes nothing when decide throws, and rethrows what it threw', async () => {
      const { records } = open();
      await records.write([{ put: 'n:a', value: 1 }]);
      const failure = new Error('decide failed');
      let caught: unknown;
      try {
        await records.update('n:', isNumber, () => {
          throw failure;
        });
      } catch (error) {
        caught = error;
      }
      expect(caught).to.equal(failure);
      expect(await records.get('n:a', isNumber)).to.equal(1);
      expect(records.durable).to.equal(true);
    });

    it('says once that records are volatile when a write cannot be stored', async () => {
      let full = false;
      const { records } = open({
        beforeWrite: (store) => {
          if (full && store === 'records') {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          }
        },
      });
      await increment(records);
      let told = 0;
      records.onVolatile(() => told++);
      full = true;
      expect(await increment(records)).to.equal(0); // memory starts empty
      expect(records.durable).to.equal(false);
      expect(told).to.equal(1);
    });
  });

  describe('memory', () => {
    it('updates, lists in key order and is not durable', async () => {
      const { records } = createMemoryStorage();
      await Promise.all([increment(records), increment(records), increment(records)]);
      await records.write([{ put: 'n:0', value: 0 }]);
      expect((await records.list('n:', isNumber)).map((r) => r.key)).to.deep.equal([
        'n:0',
        'n:counter',
      ]);
      expect(await records.get('n:counter', isNumber)).to.equal(3);
      expect(records.durable).to.equal(false);
    });
  });
});
