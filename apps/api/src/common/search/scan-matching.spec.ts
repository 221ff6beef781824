import { scanMatching } from './scan-matching';

/** A list of 0..n-1 read in chunks; even numbers match. */
function plan(n: number, want: number, chunkSize: number, keepGoing = () => true) {
  const reads: (number | undefined)[] = [];
  return {
    reads,
    plan: {
      chunk: async (after: number | undefined, size: number) => {
        reads.push(after);
        const from = after === undefined ? 0 : after + 1;
        return Array.from({ length: Math.max(0, Math.min(size, n - from)) }, (_, i) => from + i);
      },
      matching: async (rows: number[]) => new Set(rows.filter((r) => r % 2 === 0)),
      want,
      chunkSize,
      keepGoing,
    },
  };
}

describe('scanMatching', () => {
  it('reads chunks until the page is full', async () => {
    const { plan: p, reads } = plan(100, 5, 4);
    const result = await scanMatching(p);
    expect(result).toEqual({ found: [0, 2, 4, 6, 8], last: 11, complete: true });
    expect(reads).toEqual([undefined, 3, 7]);
  });

  it('is complete when the list ends before the page fills', async () => {
    expect(await scanMatching(plan(5, 10, 4).plan)).toEqual({ found: [0, 2, 4], last: 4, complete: true });
    expect(await scanMatching(plan(0, 10, 4).plan)).toEqual({ found: [], last: undefined, complete: true });
  });

  it('stops where keepGoing says, with the last row read for the index to continue from', async () => {
    const seen: { scanned: number; found: number }[] = [];
    const { plan: p } = plan(100, 50, 10);
    const result = await scanMatching({ ...p, keepGoing: (progress) => (seen.push(progress), seen.length < 2) });
    expect(result).toEqual({ found: [0, 2, 4, 6, 8, 10, 12, 14, 16, 18], last: 19, complete: false });
    expect(seen).toEqual([
      { scanned: 10, found: 5 },
      { scanned: 20, found: 10 },
    ]);
  });

  it('sizes later chunks by nextSize and resumes after a given row', async () => {
    const { plan: p, reads } = plan(100, 10, 4);
    const result = await scanMatching({ ...p, nextSize: ({ scanned, found }) => ((p.want - found) * scanned) / found }, 49);
    expect(result).toEqual({ found: [50, 52, 54, 56, 58, 60, 62, 64, 66, 68], last: 69, complete: true });
    expect(reads).toEqual([49, 53]); // 4 rows, then the 16 that two matches in four say the page needs
  });
});
