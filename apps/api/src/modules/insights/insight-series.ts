import { InsightAccountMetric, InsightMetricSeries } from '@ticklegram/domain-models';
import { eachDay } from './insight-days';

export interface DayRange {
  from: string;
  to: string;
}

export interface SnapshotValue {
  metric: string;
  day: string;
  value: number;
}

/** Metrics that are a level (the last value counts), not a daily flow (the sum counts). */
const LEVEL_METRICS: ReadonlySet<InsightAccountMetric> = new Set(['followers_total']);

function aggregate(metric: InsightAccountMetric, values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return null;
  return LEVEL_METRICS.has(metric) ? (known[known.length - 1] as number) : known.reduce((a, b) => a + b, 0);
}

/** Relative change; `null` when there is no base to compare with (no previous value, or zero). */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}

/**
 * One series per metric for the range (a point per day, `null` where Meta had no value) with its total
 * and the change against the previous range of the same length.
 */
export function buildSeries(
  metrics: readonly InsightAccountMetric[],
  range: DayRange,
  previous: DayRange,
  rows: readonly SnapshotValue[],
): InsightMetricSeries[] {
  const byMetric = new Map<string, Map<string, number>>();
  for (const row of rows) {
    let days = byMetric.get(row.metric);
    if (!days) byMetric.set(row.metric, (days = new Map()));
    days.set(row.day, row.value);
  }
  const days = eachDay(range.from, range.to);
  const previousDays = eachDay(previous.from, previous.to);
  return metrics.map((metric) => {
    const values = byMetric.get(metric) ?? new Map<string, number>();
    const series = days.map((date) => ({ date, value: values.get(date) ?? null }));
    const total = aggregate(
      metric,
      series.map((p) => p.value),
    );
    const previousTotal = aggregate(
      metric,
      previousDays.map((d) => values.get(d) ?? null),
    );
    return { metric, total, previousTotal, change: relativeChange(total, previousTotal), series };
  });
}
