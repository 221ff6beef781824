import type { MessagePlatform } from '@ticklegram/domain-models';
import { UNASSIGNED_KEY } from '../entities/analytics-message-total.entity';
import type { BucketRow } from './conversation-projection';

export const TOTAL_SUMS = ['messagesIn', 'messagesOut', 'repliesWindow', 'repliesHumanAgent', 'repliesTemplate', 'repliesOther'] as const;
type SumKey = (typeof TOTAL_SUMS)[number];

/** A change to one row of a totals table: added to it (negative values subtract). */
export interface TotalDelta extends Record<SumKey, number> {
  bucketAt: Date;
  channelId: string;
  /** The assignee's id or `UNASSIGNED_KEY`; null in a table without assignees. */
  assigneeKey: string | null;
  platform: MessagePlatform;
}

type Bucket = Pick<BucketRow, 'bucketAt' | 'channelId' | 'assigneeId' | 'platform' | SumKey>;

/**
 * What replacing `before` with `after` (per-conversation buckets) changes in the totals: one delta per
 * (bucket, channel, assignee), rows that add up to nothing left out, in key order (upserts in one order
 * cannot deadlock each other).
 */
export function totalsDelta(before: Bucket[], after: Bucket[]): TotalDelta[] {
  const deltas = new Map<string, TotalDelta>();
  const add = (b: Bucket, sign: 1 | -1) => {
    const assigneeKey = b.assigneeId ?? UNASSIGNED_KEY;
    const key = `${b.bucketAt.toISOString()}|${b.channelId}|${assigneeKey}`;
    let d = deltas.get(key);
    if (!d) {
      d = { bucketAt: b.bucketAt, channelId: b.channelId, assigneeKey, platform: b.platform, ...zeros() };
      deltas.set(key, d);
    }
    for (const s of TOTAL_SUMS) d[s] += sign * b[s];
  };
  for (const b of before) add(b, -1);
  for (const b of after) add(b, 1);
  return [...deltas.entries()]
    .filter(([, d]) => TOTAL_SUMS.some((s) => d[s] !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => d);
}

/** The UTC spans a totals table's time column can stand for: the 15-minute bucket, its hour, its day. */
const SPAN_MS = { bucket: 0, hour: 3_600_000, day: 86_400_000 } as const;

/**
 * The same deltas added up for a coarser totals table: per UTC hour or day (`bucketAt` = the hour's or day's
 * start) and/or across assignees (`assigneeKey` null); rows that add up to nothing left out, in key order.
 */
export function rollUpDelta(deltas: TotalDelta[], to: { per: keyof typeof SPAN_MS; perAssignee: boolean }): TotalDelta[] {
  const rows = new Map<string, TotalDelta>();
  const span = SPAN_MS[to.per];
  for (const d of deltas) {
    const bucketAt = span ? new Date(Math.floor(d.bucketAt.getTime() / span) * span) : d.bucketAt;
    const assigneeKey = to.perAssignee ? d.assigneeKey : null;
    const key = `${bucketAt.toISOString()}|${d.channelId}|${assigneeKey ?? ''}`;
    let row = rows.get(key);
    if (!row) {
      row = { ...d, bucketAt, assigneeKey, ...zeros() };
      rows.set(key, row);
    }
    for (const s of TOTAL_SUMS) row[s] += d[s];
  }
  return [...rows.entries()]
    .filter(([, d]) => TOTAL_SUMS.some((s) => d[s] !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => d);
}

const zeros = (): Record<SumKey, number> => ({ messagesIn: 0, messagesOut: 0, repliesWindow: 0, repliesHumanAgent: 0, repliesTemplate: 0, repliesOther: 0 });
