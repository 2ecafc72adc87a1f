/**
 * What every `RecordStore` promises (IndexedDB and memory alike), as one suite that each
 * storage's test file runs against itself.
 */
import { expect } from '@open-wc/testing';
import { anyValue, type RecordStore } from '../../src/core/cache/types.js';

interface Entry {
  n: number;
}
const isEntry = (value: unknown): value is Entry =>
  typeof value === 'object' && value !== null && typeof (value as Entry).n === 'number';

/** `make` returns a new, empty record store for each test (its teardown is the caller's). */
export function runRecordStoreSuite(name: string, make: () => RecordStore): void {
  describe(`${name}: records`, () => {
    it('reads back what was written, as a copy', async () => {
      const records = make();
      const value = { n: 1 };
      await records.write([{ put: 'a', value }]);
      value.n = 2;
      const read = await records.get('a', isEntry);
      expect(read).to.deep.equal({ n: 1 });
      read!.n = 3;
      expect(await records.get('a', isEntry)).to.deep.equal({ n: 1 });
      expect(await records.get('missing', isEntry)).to.equal(undefined);
    });

    it('treats a record of the wrong shape as missing, and deletes it', async () => {
      const records = make();
      await records.write([{ put: 'a', value: { n: 'one' } }]);
      expect(await records.get('a', isEntry)).to.equal(undefined);
      expect(await records.get('a', anyValue)).to.equal(undefined);
    });

    it('lists the records under a prefix in key order; wrong shapes are deleted and reported', async () => {
      const records = make();
      await records.write([
        { put: 'outbox:3', value: { n: 3 } },
        { put: 'outbox:1', value: { n: 1 } },
        { put: 'outbox:2', value: { n: 'two' } },
        { put: 'outbox:10', value: { n: 10 } },
        { put: 'outboxer', value: { n: 0 } },
        { put: 'cart', value: { n: 0 } },
      ]);
      const invalid: [string, unknown][] = [];
      const listed = await records.list('outbox:', isEntry, (key, value) =>
        invalid.push([key, value]),
      );
      expect(listed).to.deep.equal([
        { key: 'outbox:1', value: { n: 1 } },
        { key: 'outbox:10', value: { n: 10 } },
        { key: 'outbox:3', value: { n: 3 } },
      ]);
      expect(invalid).to.deep.equal([['outbox:2', { n: 'two' }]]);
      expect(await records.get('outbox:2', anyValue)).to.equal(undefined);
      expect(await records.get('outboxer', isEntry)).to.deep.equal({ n: 0 });
    });

    it('applies puts and deletes of one write together', async () => {
      const records = make();
      await records.write([
        { put: 'a', value: { n: 1 } },
        { put: 'b', value: { n: 2 } },
      ]);
      await records.write([
        { delete: 'a' },
        { put: 'b', value: { n: 3 } },
        { put: 'c', value: { n: 4 } },
      ]);
      expect((await records.list('', isEntry)).map((r) => [r.key, r.value.n])).to.deep.equal([
        ['b', 3],
        ['c', 4],
      ]);
    });

    it('changes nothing when one change of a write fails (a value that cannot be stored)', async () => {
      const records = make();
      await records.write([{ put: 'kept', value: { n: 1 } }]);
      let error: unknown;
      await records
        .write([
          { put: 'first', value: { n: 2 } },
          { delete: 'kept' },
          { put: 'broken', value: { n: 3, callback: () => undefined } },
        ])
        .catch((e: unknown) => (error = e));
      expect((error as DOMException | undefined)?.name).to.equal('DataCloneError');
      expect(await records.get('first', anyValue)).to.equal(undefined);
      expect(await records.get('kept', isEntry)).to.deep.equal({ n: 1 });
      expect(await records.get('broken', anyValue)).to.equal(undefined);
    });
  });
}
