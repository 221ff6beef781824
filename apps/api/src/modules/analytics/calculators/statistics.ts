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

/** The durations of some groups, all ascending, and the group each came from. */
export interface SortedDurations {
  values: Float64Array;
  groups: Int32Array;
}

const GROUP_BITS = 2 ** 21;

/**
 * Sorts the groups' durations once, keeping each value's group: whole seconds (within 2³² of each other) and
 * groups (fewer than 2²¹) are packed into one exact double, value above group, and sorted without a
 * comparator; other input takes a comparator sort. Groups of groups then take their slices in this order
 * (`dealDurations`).
 */
export function sortedDurations(groups: readonly ArrayLike<number>[]): SortedDurations {
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (const values of groups) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v < min) min = v;
      if (v > max) max = v;
      if (!Number.isInteger(v)) whole = false;
    }
    n += values.length;
  }
  const values = new Float64Array(n);
  const from = new Int32Array(n);
  if (whole && max - min < 2 ** 32 && groups.length < GROUP_BITS) {
    const packed = new Float64Array(n);
    let j = 0;
    groups.forEach((group, g) => {
      for (let i = 0; i < group.length; i++) packed[j++] = (group[i] - min) * GROUP_BITS + g;
    });
    packed.sort();
    for (let k = 0; k < n; k++) {
      const g = packed[k] % GROUP_BITS;
      from[k] = g;
      values[k] = (packed[k] - g) / GROUP_BITS + min;
    }
    return { values, groups: from };
  }
  const all: { value: number; group: number }[] = [];
  groups.forEach((group, g) => {
    for (let i = 0; i < group.length; i++) all.push({ value: group[i], group: g });
  });
  all.sort((a, b) => a.value - b.value);
  all.forEach((entry, k) => {
    values[k] = entry.value;
    from[k] = entry.group;
  });
  return { values, groups: from };
}

/**
 * The sorted durations dealt out, in order, to `slots` slots by their group (`slotOfGroup[group]`; -1 leaves
 * the group out): each slot ascending without another sort, all in one typed array.
 */
export function dealDurations(durations: SortedDurations, slotOfGroup: ArrayLike<number>, slots: number): Float64Array[] {
  const sizes = new Int32Array(slots);
  for (let k = 0; k < durations.groups.length; k++) {
    const slot = slotOfGroup[durations.groups[k]];
    if (slot >= 0) sizes[slot] += 1;
  }
  const starts = new Int32Array(slots + 1);
  for (let s = 0; s < slots; s++) starts[s + 1] = starts[s] + sizes[s];
  const next = starts.slice(0, slots);
  const all = new Float64Array(starts[slots]);
  for (let k = 0; k < durations.groups.length; k++) {
    const slot = slotOfGroup[durations.groups[k]];
    if (slot >= 0) all[next[slot]++] = durations.values[k];
  }
  return Array.from({ length: slots }, (_, s) => all.subarray(starts[s], starts[s + 1]));
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
