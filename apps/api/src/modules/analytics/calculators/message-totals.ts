import type { MessagePlatform } from '@ticklegram/domain-models';
import { UNASSIGNED_KEY } from '../entities/analytics-message-total.entity';
import type { BucketRow } from './conversation-projection';

export const TOTAL_SUMS = ['messagesIn', 'messagesOut', 'repliesWindow', 'repliesHumanAgent', 'repliesTemplate', 'repliesOther'] as const;
type SumKey = (typeof TOTAL_SUMS)[number];

/** A change to one row of `analytics_message_totals`: added to it (negative values subtract). */
export interface TotalDelta extends Record<SumKey, number> {
  bucketAt: Date;
  channelId: string;
  assigneeKey: string;
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

const DAY_MS = 86_400_000;

/** The same deltas added up per UTC day (`bucketAt` = the day's midnight), for `analytics_message_daily_totals`. */
export function dailyDelta(deltas: TotalDelta[]): TotalDelta[] {
  const days = new Map<string, TotalDelta>();
  for (const d of deltas) {
    const dayAt = new Date(Math.floor(d.bucketAt.getTime() / DAY_MS) * DAY_MS);
    const key = `${dayAt.toISOString()}|${d.channelId}|${d.assigneeKey}`;
    let day = days.get(key);
    if (!day) {
      day = { ...d, bucketAt: dayAt, ...zeros() };
      days.set(key, day);
    }
    for (const s of TOTAL_SUMS) day[s] += d[s];
  }
  return [...days.entries()]
    .filter(([, d]) => TOTAL_SUMS.some((s) => d[s] !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => d);
}

const zeros = (): Record<SumKey, number> => ({ messagesIn: 0, messagesOut: 0, repliesWindow: 0, repliesHumanAgent: 0, repliesTemplate: 0, repliesOther: 0 });
