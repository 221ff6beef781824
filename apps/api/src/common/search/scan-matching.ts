/**
 * The "common word" half of a text search: instead of asking the full-text index for every row holding
 * the word (tens of thousands for a common one, which InnoDB and FTS5 both read in full before the list can
 * sort them), walk the list's own ordered index a chunk at a time and test each row's documents in memory
 * (`documentMatches`), until the page is full. Used by the comments desk and the inbox.
 */

/** How far a walk has got: rows read and rows that matched. */
export interface ScanProgress {
  scanned: number;
  found: number;
}

export interface ScanPlan<T> {
  /** The next `size` rows of the list after `after` (from the list's start when undefined), in list order. */
  chunk(after: T | undefined, size: number): Promise<T[]>;
  /** The rows among `rows` whose documents match (by identity). */
  matching(rows: T[]): Promise<Set<T>>;
  /** Rows wanted. */
  want: number;
  /** Rows of the first chunk. */
  chunkSize: number;
  /** Rows of each later chunk (default `chunkSize`): a caller that can estimate the rows still needed reads them in one step. */
  nextSize?(progress: ScanProgress): number;
  /** Asked after every chunk that did not fill the page: false stops the walk (the caller then asks the index). */
  keepGoing(progress: ScanProgress): boolean;
}

export interface ScanResult<T> {
  /** Matching rows in list order (at most `want`). */
  found: T[];
  /** The last row read: where an index search takes over when the walk stopped early. */
  last: T | undefined;
  /** The page is full or the list ended: `found` is the whole answer. */
  complete: boolean;
}

/** Walks from the start of the list, or after `from` (a row an earlier walk stopped at). */
export async function scanMatching<T>(plan: ScanPlan<T>, from?: T): Promise<ScanResult<T>> {
  const found: T[] = [];
  let last = from;
  let scanned = 0;
  let size = plan.chunkSize;
  for (;;) {
    const rows = await plan.chunk(last, size);
    scanned += rows.length;
    const hits = rows.length ? await plan.matching(rows) : new Set<T>();
    for (const row of rows) if (hits.has(row) && found.length < plan.want) found.push(row);
    last = rows[rows.length - 1] ?? last;
    if (found.length >= plan.want || rows.length < size) return { found, last, complete: true };
    const progress = { scanned, found: found.length };
    if (!plan.keepGoing(progress)) return { found, last, complete: false };
    size = plan.nextSize?.(progress) ?? plan.chunkSize;
  }
}
