import { GraphHttpClient } from '../core/graph-http.client';
import type { GraphPage } from '../core/pagination';
import type { IgMediaWire } from './comments.client';
import { GraphAuth } from './graph-auth';
import { hostOf } from './messaging.client';

/** Current Instagram account-level metrics (reference §8.1). */
export type IgAccountMetric =
  | 'reach'
  | 'views'
  | 'accounts_engaged'
  | 'total_interactions'
  | 'likes'
  | 'comments'
  | 'shares'
  | 'saves'
  | 'replies'
  | 'reposts'
  | 'follows_and_unfollows'
  | 'profile_links_taps'
  | 'follower_count'
  | 'online_followers'
  | 'engaged_audience_demographics'
  | 'reached_audience_demographics'
  | 'follower_demographics';

/** Current Instagram media / story metrics (reference §8.2). */
export type IgMediaMetric =
  | 'views'
  | 'reach'
  | 'likes'
  | 'comments'
  | 'shares'
  | 'saved'
  | 'total_interactions'
  | 'reposts'
  | 'follows'
  | 'profile_visits'
  | 'profile_activity'
  | 'navigation'
  | 'replies'
  | 'link_clicks'
  | 'ig_reels_avg_watch_time'
  | 'ig_reels_video_view_total_time'
  | 'reels_skip_rate'
  | 'crossposted_views'
  | 'facebook_views'
  | 'total_likes'
  | 'total_comments'
  | 'total_views';

/** Metrics Meta removed in 2025; requesting them fails, so we refuse before calling (reference §3.5, §8). */
export const DEPRECATED_IG_METRICS: readonly string[] = [
  'impressions',
  'plays',
  'clips_replays_count',
  'ig_reels_aggregated_all_plays_count',
  'video_views',
  'profile_views',
  'website_clicks',
  'email_contacts',
  'get_directions_clicks',
  'phone_call_clicks',
  'text_message_clicks',
];

export const DEFAULT_ACCOUNT_METRICS: readonly IgAccountMetric[] = [
  'reach',
  'views',
  'accounts_engaged',
  'total_interactions',
  'follows_and_unfollows',
  'profile_links_taps',
];
export const DEFAULT_MEDIA_METRICS: readonly IgMediaMetric[] = ['views', 'reach', 'likes', 'comments', 'shares', 'saved', 'total_interactions'];
/** Meta's (#10) "Not enough viewers": a story metric under 5 is withheld. */
export const NOT_ENOUGH_VIEWERS = 10;
export const DEFAULT_STORY_METRICS: readonly IgMediaMetric[] = [
  'views',
  'reach',
  'replies',
  'navigation',
  'shares',
  'total_interactions',
  'follows',
  'profile_visits',
];
/** Reels support the feed metrics plus watch time (reference §8.2). */
export const DEFAULT_REELS_METRICS: readonly IgMediaMetric[] = [...DEFAULT_MEDIA_METRICS, 'ig_reels_avg_watch_time'];

/** Fields a media grid needs: what it is, when it was posted, where it lives and a picture of it. */
export const IG_MEDIA_CARD_FIELDS = 'id,caption,media_type,media_product_type,media_url,thumbnail_url,permalink,timestamp';

export interface InsightValueWire {
  value: number | Record<string, number>;
  end_time?: string;
}

export interface InsightBreakdownResultWire {
  dimension_values: string[];
  value: number;
}

export interface InsightMetricWire {
  name: string;
  period: string;
  title?: string;
  description?: string;
  id?: string;
  values?: InsightValueWire[];
  total_value?: { value?: number; breakdowns?: { dimension_keys: string[]; results: InsightBreakdownResultWire[] }[] };
}

export interface InsightsResponse {
  data: InsightMetricWire[];
  paging?: { previous?: string; next?: string };
}

export interface AccountInsightsQuery {
  metrics?: readonly IgAccountMetric[];
  period?: 'day' | 'week' | 'days_28' | 'month' | 'lifetime';
  metricType?: 'total_value' | 'time_series';
  /** Unix seconds. */
  since?: number;
  until?: number;
  breakdown?: string;
  timeframe?: string;
}

export class InsightsMetricError extends Error {
  override readonly name = 'InsightsMetricError';
  constructor(readonly metrics: string[]) {
    super(
      `Deprecated Instagram insight metrics requested: ${metrics.join(', ')} (use views, reach, total_interactions, accounts_engaged, profile_links_taps, follows_and_unfollows)`,
    );
  }
}

function checkMetrics(metrics: readonly string[]): string {
  const bad = metrics.filter((m) => DEPRECATED_IG_METRICS.includes(m));
  if (bad.length > 0) throw new InsightsMetricError(bad);
  if (metrics.length === 0) throw new InsightsMetricError([]);
  return metrics.join(',');
}

export class InsightsClient {
  constructor(private readonly http: GraphHttpClient) {}

  /** `GET /<IG_ID>/insights` — account metrics (`period=day`, `metric_type=total_value` by default). */
  async getAccountInsights(auth: GraphAuth, igUserId: string, query: AccountInsightsQuery = {}): Promise<InsightsResponse> {
    const metric = checkMetrics(query.metrics ?? DEFAULT_ACCOUNT_METRICS);
    return this.get(auth, `/${encodeURIComponent(igUserId)}/insights`, {
      metric,
      period: query.period ?? 'day',
      metric_type: query.metricType ?? 'total_value',
      since: query.since,
      until: query.until,
      breakdown: query.breakdown,
      timeframe: query.timeframe,
    });
  }

  /** `GET /<MEDIA_ID>/insights` for a post or reel. */
  async getMediaInsights(
    auth: GraphAuth,
    mediaId: string,
    metrics: readonly IgMediaMetric[] = DEFAULT_MEDIA_METRICS,
    breakdown?: string,
  ): Promise<InsightsResponse> {
    return this.get(auth, `/${encodeURIComponent(mediaId)}/insights`, { metric: checkMetrics(metrics), breakdown });
  }

  /** `GET /<IG_ID>/stories` — the account's stories that are still live (they expire after 24 h). */
  async listStories(auth: GraphAuth, igUserId: string, fields = IG_MEDIA_CARD_FIELDS): Promise<GraphPage<IgMediaWire>> {
    const res = await this.http.request<GraphPage<IgMediaWire>>({
      method: 'GET',
      host: hostOf(auth),
      path: `/${encodeURIComponent(igUserId)}/stories`,
      accessToken: auth.accessToken,
      query: { fields },
      accountKey: auth.accountKey ?? igUserId,
      platform: 'instagram',
      rateClass: 'insights',
    });
    return res.data;
  }

  /** `GET /<STORY_ID>/insights` — only available for 24 h after posting. */
  async getStoryInsights(
    auth: GraphAuth,
    storyId: string,
    metrics: readonly IgMediaMetric[] = DEFAULT_STORY_METRICS,
    breakdown?: string,
  ): Promise<InsightsResponse> {
    // #10 "Not enough viewers": a metric under Meta's threshold is withheld — an answer, which the caller handles
    return this.get(auth, `/${encodeURIComponent(storyId)}/insights`, { metric: checkMetrics(metrics), breakdown }, [NOT_ENOUGH_VIEWERS]);
  }

  private async get(
    auth: GraphAuth,
    path: string,
    query: Record<string, string | number | undefined>,
    expectedErrorCodes?: readonly number[],
  ): Promise<InsightsResponse> {
    const res = await this.http.request<InsightsResponse>({
      method: 'GET',
      host: hostOf(auth),
      path,
      accessToken: auth.accessToken,
      query,
      accountKey: auth.accountKey,
      platform: 'instagram',
      rateClass: 'insights',
      expectedErrorCodes,
    });
    return res.data;
  }
}
