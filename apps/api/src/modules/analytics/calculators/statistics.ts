import { DurationStats, FRT_BUCKET_LOWER_BOUNDS, FRT_BUCKETS, FrtBucket } from '@ticklegram/domain-models';

/** Nearest-rank percentile (`p` in (0, 1]) of ascending values; null for none. */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1];
}

/** Count, median and p90 of values already in ascending order. */
export function statsOfSorted(sorted: ArrayLike<number>): DurationStats {
  return { count: sorted.length, median: percentile(sorted, 0.5), p90: percentile(sorted, 0.9) };
}

/** A typed copy sorts numerically without a comparator (tens of thousands of cycles per overview). */
export function durationStats(values: ArrayLike<number>): DurationStats {
  return statsOfSorted(Float64Array.from(values).sort());
}

/** The durations of some rows, ascending (nulls left out), and the row each came from. */
export interface SortedDurations {
  values: Float64Array;
  rows: Int32Array;
}

const ROW_BITS = 2 ** 21;

/**
 * Sorts the rows' durations once, keeping each value's row: whole seconds (within 2³² of each other) and
 * rows (fewer than 2²¹) are packed into one exact double, value above row, and sorted without a comparator;
 * other input takes a comparator sort. Groups then take their slices in this order (`groupDurations`).
 */
export function sortedDurations<R>(rows: readonly R[], valueOf: (row: R) => number | null): SortedDurations {
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (const row of rows) {
    const v = valueOf(row);
    if (v === null) continue;
    n++;
    if (v < min) min = v;
    if (v > max) max = v;
    if (!Number.isInteger(v)) whole = false;
  }
  const values = new Float64Array(n);
  const from = new Int32Array(n);
  if (whole && max - min < 2 ** 32 && rows.length < ROW_BITS) {
    const packed = new Float64Array(n);
    for (let i = 0, j = 0; i < rows.length; i++) {
      const v = valueOf(rows[i]);
      if (v !== null) packed[j++] = (v - min) * ROW_BITS + i;
    }
    packed.sort();
    for (let j = 0; j < n; j++) {
      const row = packed[j] % ROW_BITS;
      from[j] = row;
      values[j] = (packed[j] - row) / ROW_BITS + min;
    }
    return { values, rows: from };
  }
  const order: number[] = [];
  for (let i = 0; i < rows.length; i++) if (valueOf(rows[i]) !== null) order.push(i);
  order.sort((a, b) => (valueOf(rows[a]) as number) - (valueOf(rows[b]) as number));
  order.forEach((row, j) => {
    from[j] = row;
    values[j] = valueOf(rows[row]) as number;
  });
  return { values, rows: from };
}

export interface DurationGroup {
  /** Rows with the key, with or without a duration. */
  rows: number;
  /** Their durations, ascending. */
  sorted: Float64Array;
}

/**
 * Rows counted and their durations per key, ascending without another sort: the rows' sorted durations are
 * dealt out in order, all into one typed array where each key has its slice. A null key: no group.
 */
export function groupDurations<R>(rows: readonly R[], keyOf: (row: R) => string | null, durations: SortedDurations): Map<string, DurationGroup> {
  const slots = new Map<string, number>();
  const counts: number[] = [];
  const slotOfRow = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const key = keyOf(rows[i]);
    if (key === null) {
      slotOfRow[i] = -1;
      continue;
    }
    let slot = slots.get(key);
    if (slot === undefined) {
      slots.set(key, (slot = counts.length));
      counts.push(0);
    }
    counts[slot] += 1;
    slotOfRow[i] = slot;
  }
  const sizes = new Int32Array(counts.length);
  for (let j = 0; j < durations.rows.length; j++) {
    const slot = slotOfRow[durations.rows[j]];
    if (slot >= 0) sizes[slot] += 1;
  }
  const starts = new Int32Array(counts.length + 1);
  for (let k = 0; k < counts.length; k++) starts[k + 1] = starts[k] + sizes[k];
  const next = starts.slice(0, counts.length);
  const all = new Float64Array(starts[counts.length]);
  for (let j = 0; j < durations.rows.length; j++) {
    const slot = slotOfRow[durations.rows[j]];
    if (slot >= 0) all[next[slot]++] = durations.values[j];
  }
  const groups = new Map<string, DurationGroup>();
  for (const [key, slot] of slots) groups.set(key, { rows: counts[slot], sorted: all.subarray(starts[slot], starts[slot + 1]) });
  return groups;
}

const BOUNDS = FRT_BUCKETS.map((b) => FRT_BUCKET_LOWER_BOUNDS[b]);

function frtBucketIndex(seconds: number): number {
  let i = BOUNDS.length - 1;
  while (i > 0 && seconds < BOUNDS[i]) i--;
  return i;
}

export function frtBucketOf(seconds: number): FrtBucket {
  return FRT_BUCKETS[frtBucketIndex(seconds)];
}

export function frtDistribution(values: ArrayLike<number>): { bucket: FrtBucket; count: number }[] {
  const counts = FRT_BUCKETS.map(() => 0);
  for (let i = 0; i < values.length; i++) counts[frtBucketIndex(values[i])] += 1;
  return FRT_BUCKETS.map((bucket, i) => ({ bucket, count: counts[i] }));
}
