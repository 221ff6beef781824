import { EntityManager, QueryRunner } from 'typeorm';
import { DeferredFlush, DeferredWrites } from './deferred-writes';

const managerOf = () =>
  ({
    queryRunner: { query: async () => [] } as unknown as QueryRunner,
    connection: { createEntityManager: (queryRunner: QueryRunner) => ({ queryRunner }) },
  }) as unknown as EntityManager;

describe('DeferredWrites', () => {
  it('collects per transaction and flushes each kind once, kinds in the order first queued', async () => {
    const m = managerOf();
    const calls: string[] = [];
    const docs: DeferredFlush<string> = async (_m, items) => void calls.push(`docs ${items.join(',')}`);
    const keys: DeferredFlush<string> = async (_m, items) => void calls.push(`keys ${items.join(',')}`);
    const writes = DeferredWrites.begin(m);
    expect(DeferredWrites.of(m)).toBe(writes);
    expect(DeferredWrites.of(managerOf())).toBeUndefined();
    writes.queue(keys, 'k1');
    writes.queue(docs, 'd1');
    writes.queue(keys, 'k2');
    expect(writes.queuedFor(keys)).toEqual(['k1', 'k2']);
    await writes.flush(m);
    expect(calls).toEqual(['keys k1,k2', 'docs d1']);
    expect(DeferredWrites.of(m)).toBeUndefined();
  });

  it('drops what was queued after a savepoint rolled back, and everything at end()', async () => {
    const m = managerOf();
    const written: string[][] = [];
    const rows: DeferredFlush<string> = async (_m, items) => void written.push(items);
    const writes = DeferredWrites.begin(m);
    writes.queue(rows, 'kept');
    const mark = writes.mark();
    writes.queue(rows, 'rolled back');
    writes.rollbackTo(mark);
    await writes.flush(m);
    expect(written).toEqual([['kept']]);

    const again = DeferredWrites.begin(m);
    again.queue(rows, 'lost with the transaction');
    DeferredWrites.end(m);
    expect(DeferredWrites.of(m)).toBeUndefined();
  });
});
