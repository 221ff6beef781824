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

/** The rows' durations (nulls left out), ascending. */
export function sortedDurations<R>(rows: readonly R[], valueOf: (row: R) => number | null): Float64Array {
  let n = 0;
  for (const row of rows) if (valueOf(row) !== null) n++;
  const out = new Float64Array(n);
  let i = 0;
  for (const row of rows) {
    const v = valueOf(row);
    if (v !== null) out[i++] = v;
  }
  return out.sort();
}

export interface DurationGroup {
  /** Rows with the key, with or without a duration. */
  rows: number;
  /** Their durations, ascending. */
  sorted: Float64Array;
}

/**
 * Rows counted and their durations sorted per key: all durations go into one typed array, grouped by key,
 * and each key's slice is sorted once. A null key: the row belongs to no group.
 */
export function groupDurations<R>(rows: readonly R[], keyOf: (row: R) => string | null, valueOf: (row: R) => number | null): Map<string, DurationGroup> {
  const slots = new Map<string, { rows: number; values: number; next: number }>();
  const slotOf: ({ values: number; next: number } | null)[] = new Array(rows.length);
  let total = 0;
  for (let i = 0; i < rows.length; i++) {
    const key = keyOf(rows[i]);
    if (key === null) {
      slotOf[i] = null;
      continue;
    }
    let slot = slots.get(key);
    if (!slot) slots.set(key, (slot = { rows: 0, values: 0, next: 0 }));
    slot.rows += 1;
    if (valueOf(rows[i]) !== null) {
      slot.values += 1;
      total += 1;
    }
    slotOf[i] = slot;
  }
  let offset = 0;
  for (const slot of slots.values()) {
    slot.next = offset;
    offset += slot.values;
  }
  const all = new Float64Array(total);
  for (let i = 0; i < rows.length; i++) {
    const slot = slotOf[i];
    const v = slot ? valueOf(rows[i]) : null;
    if (slot && v !== null) all[slot.next++] = v;
  }
  const groups = new Map<string, DurationGroup>();
  for (const [key, slot] of slots) groups.set(key, { rows: slot.rows, sorted: all.subarray(slot.next - slot.values, slot.next).sort() });
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
