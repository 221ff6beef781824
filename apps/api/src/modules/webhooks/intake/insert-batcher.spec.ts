import { InsertBatcher } from './insert-batcher';

/** A write whose calls stay open until released, recording the rows of each call. */
function heldWrites(refuse: (row: string) => boolean = () => false) {
  const calls: string[][] = [];
  const open: (() => void)[] = [];
  const write = (rows: string[]) => {
    calls.push(rows);
    return new Promise<void>((resolve, reject) =>
      open.push(() =>
        (rows.length > 1 && rows.some(refuse)) || (rows.length === 1 && refuse(rows[0])) ? reject(new Error(`refused ${rows.join(',')}`)) : resolve(),
      ),
    );
  };
  const releaseAll = async () => {
    while (open.length) {
      open.splice(0).forEach((release) => release());
      await new Promise((r) => setImmediate(r));
    }
  };
  return { calls, write, releaseAll };
}

describe('InsertBatcher', () => {
  it('writes a row at once when a slot is free (no waiting for company)', async () => {
    const w = heldWrites();
    const batcher = new InsertBatcher(w.write, { maxRows: 10, maxBytes: 1000, maxInFlight: 1, coalesceMs: 0 });
    const done = batcher.add('a', 1);
    expect(w.calls).toEqual([['a']]);
    await w.releaseAll();
    await expect(done).resolves.toBeUndefined();
  });

  it('rows arriving while the slots are busy go together in the next INSERT, and each caller waits for its own row', async () => {
    const w = heldWrites();
    const batcher = new InsertBatcher(w.write, { maxRows: 10, maxBytes: 1000, maxInFlight: 1, coalesceMs: 0 });
    let settled = 0;
    const all = ['a', 'b', 'c', 'd'].map((row) => batcher.add(row, 1).then(() => (settled += 1)));
    expect(w.calls).toEqual([['a']]);
    expect(settled).toBe(0);
    await w.releaseAll();
    await Promise.all(all);
    expect(w.calls).toEqual([['a'], ['b', 'c', 'd']]);
    expect(settled).toBe(4);
  });

  it('caps an INSERT by rows and by bytes; a row larger than the byte cap still goes, alone', async () => {
    const w = heldWrites();
    const batcher = new InsertBatcher(w.write, { maxRows: 2, maxBytes: 10, maxInFlight: 1, coalesceMs: 0 });
    const all = [
      batcher.add('first', 1),
      batcher.add('r1', 1),
      batcher.add('r2', 1),
      batcher.add('r3', 1),
      batcher.add('big', 50),
      batcher.add('s1', 6),
      batcher.add('s2', 6),
    ];
    await w.releaseAll();
    await Promise.all(all);
    expect(w.calls).toEqual([['first'], ['r1', 'r2'], ['r3'], ['big'], ['s1'], ['s2']]);
  });

  it('runs up to maxInFlight INSERTs at once', async () => {
    const w = heldWrites();
    const batcher = new InsertBatcher(w.write, { maxRows: 10, maxBytes: 1000, maxInFlight: 2, coalesceMs: 0 });
    const all = ['a', 'b', 'c', 'd'].map((row) => batcher.add(row, 1));
    expect(w.calls).toEqual([['a'], ['b']]);
    await w.releaseAll();
    await Promise.all(all);
    expect(w.calls).toEqual([['a'], ['b'], ['c', 'd']]);
  });

  it('a refused multi-row INSERT is retried row by row: only the refused row fails', async () => {
    const w = heldWrites((row) => row === 'bad');
    const batcher = new InsertBatcher(w.write, { maxRows: 10, maxBytes: 1000, maxInFlight: 1, coalesceMs: 0 });
    const first = batcher.add('a', 1);
    const rest = ['b', 'bad', 'c'].map((row) =>
      batcher.add(row, 1).then(
        () => 'stored',
        (error: Error) => error.message,
      ),
    );
    await w.releaseAll();
    await first;
    expect(await Promise.all(rest)).toEqual(['stored', 'refused bad', 'stored']);
    expect(w.calls).toEqual([['a'], ['b', 'bad', 'c'], ['b'], ['bad'], ['c']]);
  });

  describe('coalescing (rows arriving close together share an INSERT)', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());
    const limits = { maxRows: 3, maxBytes: 1000, maxInFlight: 2, coalesceMs: 2 };

    it('writes a row after a quiet gap at once, even with free slots and coalescing on', () => {
      const w = heldWrites();
      const batcher = new InsertBatcher(w.write, limits);
      void batcher.add('a', 1);
      expect(w.calls).toEqual([['a']]);
      jest.advanceTimersByTime(10);
      void batcher.add('b', 1);
      expect(w.calls).toEqual([['a'], ['b']]);
    });

    it('holds rows that follow each other closely until the oldest is coalesceMs old, then writes them together', async () => {
      const w = heldWrites();
      const batcher = new InsertBatcher(w.write, limits);
      const all = [batcher.add('a', 1)];
      jest.advanceTimersByTime(1);
      all.push(batcher.add('b', 1));
      expect(w.calls).toEqual([['a']]);
      jest.advanceTimersByTime(1);
      all.push(batcher.add('c', 1));
      // a slot is free, but b is not 2 ms old yet
      expect(w.calls).toEqual([['a']]);
      jest.advanceTimersByTime(1);
      expect(w.calls).toEqual([['a'], ['b', 'c']]);
      jest.useRealTimers();
      await w.releaseAll();
      await Promise.all(all);
    });

    it('writes at once when a full INSERT is waiting', () => {
      const w = heldWrites();
      const batcher = new InsertBatcher(w.write, limits);
      for (const row of ['a', 'b', 'c', 'd']) void batcher.add(row, 1);
      expect(w.calls).toEqual([['a'], ['b', 'c', 'd']]);
    });

    it('writes at once when the waiting rows reach the byte cap', () => {
      const w = heldWrites();
      const batcher = new InsertBatcher(w.write, { ...limits, maxBytes: 10 });
      void batcher.add('a', 1);
      void batcher.add('b', 4);
      expect(w.calls).toEqual([['a']]);
      void batcher.add('c', 6);
      expect(w.calls).toEqual([['a'], ['b', 'c']]);
    });
  });
});
