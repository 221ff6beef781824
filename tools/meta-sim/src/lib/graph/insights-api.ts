import type { SimContext } from '../sim-context';
import { str } from '../http/request';
import type { AuthContext } from './auth';
import { isoTime } from './fields';
import { Errors, GraphError } from './graph-error';

const DAY = 86_400_000;

const ACCOUNT_METRICS = [
  'reach', 'views', 'accounts_engaged', 'total_interactions', 'likes', 'comments', 'shares', 'saves', 'replies', 'reposts',
  'follows_and_unfollows', 'profile_links_taps', 'follower_count', 'online_followers',
  'engaged_audience_demographics', 'reached_audience_demographics', 'follower_demographics',
];
const ACCOUNT_DEPRECATED: Record<string, string> = {
  impressions: 'v22.0 and for all versions on April 21, 2025',
  email_contacts: 'v21.0 and for all versions on January 8, 2025',
  get_directions_clicks: 'v21.0 and for all versions on January 8, 2025',
  phone_call_clicks: 'v21.0 and for all versions on January 8, 2025',
  text_message_clicks: 'v21.0 and for all versions on January 8, 2025',
  website_clicks: 'v21.0 and for all versions on January 8, 2025',
  profile_views: 'v21.0 and for all versions on January 8, 2025',
};
const TIME_SERIES_OK = ['reach', 'follower_count', 'online_followers'];
const DEMOGRAPHICS = ['engaged_audience_demographics', 'reached_audience_demographics', 'follower_demographics'];

const MEDIA_METRICS: Record<string, string[]> = {
  FEED: ['views', 'reach', 'likes', 'comments', 'shares', 'saved', 'total_interactions', 'follows', 'profile_visits', 'profile_activity', 'reposts'],
  REELS: ['views', 'reach', 'likes', 'comments', 'shares', 'saved', 'total_interactions', 'reposts', 'ig_reels_avg_watch_time', 'ig_reels_video_view_total_time', 'reels_skip_rate', 'crossposted_views', 'facebook_views'],
  STORY: ['views', 'reach', 'replies', 'navigation', 'shares', 'follows', 'profile_visits', 'profile_activity', 'total_interactions', 'link_clicks'],
};
const MEDIA_DEPRECATED = ['impressions', 'plays', 'clips_replays_count', 'ig_reels_aggregated_all_plays_count', 'video_views'];

function title(metric: string): string {
  return metric.split('_').map((w, i) => (i === 0 ? w[0]?.toUpperCase() + w.slice(1) : w)).join(' ');
}

function deprecatedError(metric: string, when: string): GraphError {
  return Errors.param(`Starting from ${when}, the ${metric} metric is no longer supported. Please use the views metric instead.`, undefined, `The ${metric} metric has been deprecated.`);
}

function metricsParam(params: Record<string, unknown>): string[] {
  const raw = str(params['metric']);
  if (!raw) throw Errors.param('The parameter metric is required');
  return raw.split(',').map((m) => m.trim()).filter(Boolean);
}

function series(ctx: SimContext, objectId: string, metric: string): { daily: number[]; lifetime: number } | undefined {
  return ctx.store.insights.find((i) => i.objectId === objectId && i.metric === metric);
}

export function accountInsights(ctx: SimContext, auth: AuthContext, igId: string, params: Record<string, unknown>): Record<string, unknown> {
  if (!auth.accountIds.has(igId) || !ctx.store.instagramAccounts.has(igId)) throw Errors.unsupportedGet(`${igId}/insights`);
  const metrics = metricsParam(params);
  metrics.forEach((m) => {
    const dep = ACCOUNT_DEPRECATED[m];
    if (dep) throw deprecatedError(m, dep);
  });
  metrics.forEach((m, i) => {
    if (!ACCOUNT_METRICS.includes(m)) throw Errors.param(`metric[${i}] must be one of the following values: ${ACCOUNT_METRICS.join(', ')}`);
  });
  const period = str(params['period']) ?? 'day';
  if (!['day', 'week', 'days_28', 'month', 'lifetime'].includes(period)) throw Errors.param('period must be one of the following values: day, week, days_28, month, lifetime');
  const metricType = str(params['metric_type']) ?? 'time_series';
  const needTotal = metrics.filter((m) => !TIME_SERIES_OK.includes(m));
  if (metricType !== 'total_value' && needTotal.length) {
    throw Errors.param(`The following metrics (${needTotal.join(', ')}) should be specified with parameter metric_type=total_value`);
  }
  const now = Date.now();
  const today = Math.floor(now / DAY) * DAY;
  const until = str(params['until']) ? Number(params['until']) * 1000 : today;
  const since = str(params['since']) ? Number(params['since']) * 1000 : until - 2 * DAY;
  if (!Number.isFinite(since) || !Number.isFinite(until) || since > until) throw Errors.param('Invalid since/until');
  if (until - since > 30 * DAY) throw Errors.param('There cannot be more than 30 days (2592000 s) between since and until');
  const firstDay = today - 29 * DAY;
  const data = metrics.map((m) => {
    const s = series(ctx, igId, m) ?? { daily: new Array<number>(30).fill(0), lifetime: 0 };
    const days: Array<{ day: number; value: number }> = [];
    for (let d = Math.floor(since / DAY) * DAY; d < until; d += DAY) {
      const idx = Math.round((d - firstDay) / DAY);
      const value = s.daily[idx];
      if (value !== undefined) days.push({ day: d, value });
    }
    const base = { name: m, period, title: title(m), description: `Simulated ${m} for the account.`, id: `${igId}/insights/${m}/${period}` };
    if (DEMOGRAPHICS.includes(m)) {
      const breakdown = str(params['breakdown']) ?? 'country';
      return { ...base, total_value: { breakdowns: [{ dimension_keys: [breakdown], results: [{ dimension_values: ['AT'], value: 120 }, { dimension_values: ['DE'], value: 95 }, { dimension_values: ['US'], value: 40 }] }] } };
    }
    if (metricType === 'total_value') {
      const total = days.reduce((a, b) => a + b.value, 0);
      const tv: Record<string, unknown> = { value: total };
      const breakdown = str(params['breakdown']);
      if (breakdown) {
        tv['breakdowns'] = [{ dimension_keys: [breakdown], results: [{ dimension_values: ['FEED'], value: Math.round(total * 0.6) }, { dimension_values: ['REELS'], value: total - Math.round(total * 0.6) }] }];
      }
      return { ...base, total_value: tv };
    }
    return { ...base, values: days.map((d) => ({ value: d.value, end_time: isoTime(d.day + DAY + 8 * 3_600_000) })) };
  });
  return {
    data,
    paging: {
      previous: `${ctx.store.settings.publicUrl}/insights?since=${Math.floor((since - (until - since)) / 1000)}&until=${Math.floor(since / 1000)}`,
      next: `${ctx.store.settings.publicUrl}/insights?since=${Math.floor(until / 1000)}&until=${Math.floor((until + (until - since)) / 1000)}`,
    },
  };
}

export function mediaInsights(ctx: SimContext, auth: AuthContext, mediaId: string, params: Record<string, unknown>): Record<string, unknown> {
  const media = ctx.store.media.get(mediaId);
  if (!media || !auth.accountIds.has(media.accountId)) throw Errors.unsupportedGet(`${mediaId}/insights`);
  const metrics = metricsParam(params);
  metrics.forEach((m) => {
    if (MEDIA_DEPRECATED.includes(m)) throw deprecatedError(m, 'v22.0 and for all versions on April 21, 2025');
  });
  const product = media.mediaProductType === 'AD' ? 'FEED' : media.mediaProductType;
  const allowed = MEDIA_METRICS[product] ?? [];
  metrics.forEach((m) => {
    if (!allowed.includes(m)) throw Errors.param(`The Media Insights API does not support the ${m} metric for this media product type.`);
  });
  if (product === 'STORY' && Date.now() - media.createdAt > DAY) {
    throw Errors.param('Insights for stories are only available for 24 hours after the story was posted');
  }
  const data = metrics.map((m) => {
    const value = series(ctx, mediaId, m)?.lifetime ?? 0;
    if (product === 'STORY' && value < 5) throw Errors.permission('Not enough viewers for the media to show insights');
    return { name: m, period: 'lifetime', values: [{ value }], title: title(m), description: `Simulated ${m} for the media.`, id: `${mediaId}/insights/${m}/lifetime` };
  });
  return { data };
}
