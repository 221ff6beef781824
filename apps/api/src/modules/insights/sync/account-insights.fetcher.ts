import { Injectable } from '@nestjs/common';
import { IgAccountMetric } from '@ticklegram/meta-graph';
import { MetaGraph } from '../../meta/meta.module';
import { addDays, dayOfEndTime, dayStartMs, dayWindows, eachDay } from '../insight-days';
import { InsightSnapshotRepository, SnapshotRow } from '../repositories/insight-snapshot.repository';
import { InsightSyncStateRepository } from '../repositories/insight-sync-state.repository';
import { endsSync, metricNumber, plainReason, ProgressFn, SyncTarget } from './sync-target';

/** Interaction metrics read one day at a time (`period=day`, `metric_type=total_value`). */
export const DAILY_ACCOUNT_METRICS: readonly IgAccountMetric[] = [
  'views',
  'reach',
  'accounts_engaged',
  'total_interactions',
  'likes',
  'comments',
  'shares',
  'saves',
  'replies',
  'reposts',
  'follows_and_unfollows',
  'profile_links_taps',
];
export const DEMOGRAPHIC_BREAKDOWNS = ['country', 'age', 'gender'] as const;
/** Meta allows at most 30 days between `since` and `until`. */
const MAX_WINDOW_DAYS = 30;
const FOLLOWER_COUNT_DAYS = 30;

export interface AccountSyncReport {
  days: number;
  /** Optional reads Meta refused (e.g. follower metrics below 100 followers), in plain words. */
  notes: string[];
}

/** Reads account insights into daily snapshots, day by day, recording how far it got after each day. */
@Injectable()
export class AccountInsightsFetcher {
  constructor(
    private readonly graph: MetaGraph,
    private readonly snapshots: InsightSnapshotRepository,
    private readonly states: InsightSyncStateRepository,
  ) {}

  async sync(target: SyncTarget, from: string, to: string, today: string, progress: ProgressFn): Promise<AccountSyncReport> {
    const days = eachDay(from, to);
    const notes: string[] = [];
    const total = days.length + 2;
    for (const [index, day] of days.entries()) {
      await this.snapshots.upsert(target.channelId, await this.readDay(target, day));
      await this.states.accountSyncedThrough(target.channelId, day);
      await progress(index + 1, total);
    }
    // Meta serves follower_count for the last 30 days only (and refuses a window reaching further back)
    const followersFrom = from > addDays(today, -FOLLOWER_COUNT_DAYS + 1) ? from : addDays(today, -FOLLOWER_COUNT_DAYS + 1);
    await this.optional(notes, () => this.syncNewFollowers(target, followersFrom, to));
    await this.optional(notes, () => this.syncFollowerTotal(target, today));
    await progress(days.length + 1, total);
    for (const breakdown of DEMOGRAPHIC_BREAKDOWNS) await this.optional(notes, () => this.syncDemographics(target, breakdown, today));
    await progress(total, total);
    return { days: days.length, notes: [...new Set(notes)] };
  }

  private async readDay(target: SyncTarget, day: string): Promise<SnapshotRow[]> {
    const res = await this.graph.insights.getAccountInsights(target.auth, target.igUserId, {
      metrics: DAILY_ACCOUNT_METRICS,
      period: 'day',
      metricType: 'total_value',
      since: dayStartMs(day) / 1000,
      until: dayStartMs(addDays(day, 1)) / 1000,
    });
    const rows: SnapshotRow[] = [];
    for (const wire of res.data) {
      const value = metricNumber(wire);
      // missing data is an empty answer, not zero: store nothing for it
      if (value !== null) rows.push({ metric: wire.name, day, value });
    }
    return rows;
  }

  /** `follower_count` is new followers per day, a time series (accounts with ≥ 100 followers only). */
  private async syncNewFollowers(target: SyncTarget, from: string, to: string): Promise<void> {
    for (const window of dayWindows(from, to, MAX_WINDOW_DAYS)) {
      const res = await this.graph.insights.getAccountInsights(target.auth, target.igUserId, {
        metrics: ['follower_count'],
        period: 'day',
        metricType: 'time_series',
        since: dayStartMs(window.from) / 1000,
        until: dayStartMs(addDays(window.to, 1)) / 1000,
      });
      const rows: SnapshotRow[] = [];
      for (const point of res.data.find((m) => m.name === 'follower_count')?.values ?? []) {
        const day = point.end_time ? dayOfEndTime(point.end_time) : null;
        if (day && day >= window.from && day <= window.to && typeof point.value === 'number') rows.push({ metric: 'follower_count', day, value: point.value });
      }
      await this.snapshots.upsert(target.channelId, rows);
    }
  }

  private async syncFollowerTotal(target: SyncTarget, today: string): Promise<void> {
    const account = await this.graph.profiles.getInstagramAccount(target.auth, target.igUserId, 'id,followers_count');
    if (typeof account.followers_count === 'number') {
      await this.snapshots.upsert(target.channelId, [{ metric: 'followers_total', day: today, value: account.followers_count }]);
    }
  }

  private async syncDemographics(target: SyncTarget, breakdown: string, today: string): Promise<void> {
    const res = await this.graph.insights.getAccountInsights(target.auth, target.igUserId, {
      metrics: ['follower_demographics'],
      period: 'lifetime',
      metricType: 'total_value',
      breakdown,
      timeframe: 'this_month',
    });
    const results = res.data[0]?.total_value?.breakdowns?.[0]?.results ?? [];
    const counts: Record<string, number> = {};
    for (const result of results) {
      const key = result.dimension_values.join(' · ');
      if (key && typeof result.value === 'number') counts[key] = result.value;
    }
    if (Object.keys(counts).length > 0) await this.snapshots.upsertDemographics(target.channelId, 'follower_demographics', breakdown, today, counts);
  }

  private async optional(notes: string[], read: () => Promise<void>): Promise<void> {
    try {
      await read();
    } catch (error) {
      if (endsSync(error)) throw error;
      notes.push(plainReason(error));
    }
  }
}
