/**
 * Instagram insights as the api serves them: daily account snapshots kept in our database (so history
 * outlives Meta's retention), media and story metrics, and the state of the background sync.
 * Only Meta's current metric names appear here (no `impressions`, `plays`, `profile_views`, …).
 */

/** Daily account metrics we snapshot (`period=day`, `metric_type=total_value`), plus the follower total. */
export const INSIGHT_ACCOUNT_METRICS = [
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
  /** New followers that day (`follower_count`, time series; only for accounts with ≥ 100 followers). */
  'follower_count',
  /** The follower total as read from the profile on the day of a sync (`followers_count`). */
  'followers_total',
] as const;
export type InsightAccountMetric = (typeof INSIGHT_ACCOUNT_METRICS)[number];

/** Media metrics kept as sortable columns. */
export const INSIGHT_MEDIA_SORTS = ['posted_at', 'views', 'reach', 'likes', 'comments', 'shares', 'saves', 'total_interactions'] as const;
export type InsightMediaSort = (typeof INSIGHT_MEDIA_SORTS)[number];

export type InsightMediaProductType = 'FEED' | 'REELS' | 'AD';

export interface InsightDayValue {
  /** `YYYY-MM-DD` (UTC day Meta reported). */
  date: string;
  /** `null` when Meta had no value for that day (missing is not zero). */
  value: number | null;
}

export interface InsightMetricSeries {
  metric: InsightAccountMetric;
  /** Sum over the range (for `followers_total`: the last known value). */
  total: number | null;
  /** The same figure for the preceding range of equal length. */
  previousTotal: number | null;
  /** (total − previous) / previous; `null` when there is nothing to compare with. */
  change: number | null;
  series: InsightDayValue[];
}

export interface InsightDemographicsDto {
  /** `country`, `city`, `age` or `gender`. */
  breakdown: string;
  capturedOn: string;
  /** Largest first. */
  values: { key: string; value: number }[];
}

export interface AccountInsightsResponse {
  channelId: string;
  /** Inclusive `YYYY-MM-DD` bounds. */
  range: { from: string; to: string };
  previousRange: { from: string; to: string };
  metrics: InsightMetricSeries[];
  /** Follower demographics, where the account qualifies (≥ 100 followers). */
  demographics: InsightDemographicsDto[];
  lastSyncedAt: string | null;
}

export interface MediaInsightDto {
  channelId: string;
  mediaId: string;
  productType: InsightMediaProductType;
  /** IMAGE, VIDEO or CAROUSEL_ALBUM. */
  mediaType: string;
  caption: string | null;
  permalink: string | null;
  /** A picture to show (the video thumbnail for reels); Meta's CDN links expire, so it may fail to load. */
  thumbnailUrl: string | null;
  postedAt: string;
  views: number | null;
  reach: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  totalInteractions: number | null;
  /** Other current metrics Meta returned (e.g. `ig_reels_avg_watch_time` in ms). */
  extra: Record<string, number>;
  /** Why metrics are missing, in plain words (e.g. an album item, or Meta refused). */
  unavailableReason: string | null;
  fetchedAt: string;
}

export interface MediaInsightsResponse {
  items: MediaInsightDto[];
  sort: InsightMediaSort;
  order: 'asc' | 'desc';
}

export interface StoryInsightDto {
  channelId: string;
  mediaId: string;
  mediaType: string | null;
  thumbnailUrl: string | null;
  permalink: string | null;
  postedAt: string | null;
  /**
   * Current story metrics (`views`, `reach`, `replies`, `shares`, `follows`, `profile_visits`,
   * `total_interactions`, `navigation`) and the webhook's navigation counts (`taps_forward`,
   * `taps_back`, `exits`). Meta hides values under 5: those are absent.
   */
  metrics: Record<string, number>;
  /** Where the figures came from: the `story_insights` webhook at expiry, or our fetch while it was live. */
  source: 'webhook' | 'api';
  updatedAt: string;
}

export interface StoryInsightsResponse {
  items: StoryInsightDto[];
}

export type InsightSyncState = 'idle' | 'running' | 'failed';

export interface InsightSyncProgress {
  /** e.g. `account`, `media`, `stories`. */
  phase: string;
  done: number;
  total: number;
}

/** One Instagram account's insights sync, as the Insights page shows it. */
export interface InsightSyncStatusDto {
  channelId: string;
  name: string;
  username: string | null;
  pictureUrl: string | null;
  state: InsightSyncState;
  progress: InsightSyncProgress | null;
  startedAt: string | null;
  lastSyncedAt: string | null;
  /** The last failure in plain words (cleared by the next success). */
  lastError: string | null;
  /** Days of account history we hold. */
  daysStored: number;
}

export interface InsightsSyncRequest {
  /** One account; omitted = every connected Instagram account. */
  channelId?: string;
}

/** `insights.sync_progress` and `insights.synced` payload. */
export interface InsightsSyncEvent {
  status: InsightSyncStatusDto;
}
