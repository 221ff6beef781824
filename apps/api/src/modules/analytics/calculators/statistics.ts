import { DurationStats, FRT_BUCKET_LOWER_BOUNDS, FRT_BUCKETS, FrtBucket } from '@ticklegram/domain-models';

/** Nearest-rank percentile (`p` in (0, 1]) of ascending values; null for none. */
export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1];
}

export function durationStats(values: number[]): DurationStats {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, median: percentile(sorted, 0.5), p90: percentile(sorted, 0.9) };
}

export function frtBucketOf(seconds: number): FrtBucket {
  let bucket: FrtBucket = FRT_BUCKETS[0];
  for (const b of FRT_BUCKETS) if (seconds >= FRT_BUCKET_LOWER_BOUNDS[b]) bucket = b;
  return bucket;
}

export function frtDistribution(values: number[]): { bucket: FrtBucket; count: number }[] {
  const counts = new Map<FrtBucket, number>(FRT_BUCKETS.map((b) => [b, 0]));
  for (const v of values) counts.set(frtBucketOf(v), (counts.get(frtBucketOf(v)) ?? 0) + 1);
  return FRT_BUCKETS.map((bucket) => ({ bucket, count: counts.get(bucket) ?? 0 }));
}
