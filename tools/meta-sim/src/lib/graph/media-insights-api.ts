import type { SimContext } from '../sim-context';
import { str } from '../http/request';
import type { AuthContext } from './auth';
import { Errors, GraphError } from './graph-error';
import { deprecatedError, metricsParam } from './insights-api';
import { split } from './insights-history';

/**
 * `GET /{ig-media-id}/insights` (reference §8.2): metrics per media product type, lifetime values,
 * `breakdown` only where Meta has one (profile_activity → action_type, navigation →
 * story_navigation_action_type; other breakdowns answer Meta's "unknown error", code 1), `total_*` (ads
 * included) only with Facebook Login, stories only for 24 h and `10` "Not enough viewers" below 5.
 */

const FEED = ['views', 'reach', 'likes', 'comments', 'shares', 'saved', 'total_interactions', 'follows', 'profile_visits', 'profile_activity', 'reposts'];
const MEDIA_METRICS: Record<string, string[]> = {
  FEED,
  REELS: [
    'views',
    'reach',
    'likes',
    'comments',
    'shares',
    'saved',
    'total_interactions',
    'reposts',
    'ig_reels_avg_watch_time',
    'ig_reels_video_view_total_time',
    'reels_skip_rate',
    'crossposted_views',
    'facebook_views',
  ],
  STORY: ['views', 'reach', 'replies', 'navigation', 'shares', 'follows', 'profile_visits', 'profile_activity', 'total_interactions', 'link_clicks'],
};
const FACEBOOK_LOGIN_TOTALS = ['total_likes', 'total_comments', 'total_views'];
const MEDIA_DEPRECATED = ['impressions', 'plays', 'clips_replays_count', 'ig_reels_aggregated_all_plays_count', 'video_views'];
const BREAKDOWNS: Record<string, { key: string; split: Array<[string, number]> }> = {
  profile_activity: {
    key: 'action_type',
    split: [
      ['BIO_LINK_CLICKED', 45],
      ['DIRECTION', 18],
      ['CALL', 12],
      ['EMAIL', 10],
      ['TEXT', 8],
      ['OTHER', 7],
    ],
  },
  navigation: {
    key: 'story_navigation_action_type',
    split: [
      ['TAP_FORWARD', 70],
      ['TAP_BACK', 12],
      ['TAP_EXIT', 10],
      ['SWIPE_FORWARD', 8],
    ],
  },
};

function title(metric: string): string {
  return metric
    .split('_')
    .map((w, i) => (i === 0 ? w[0]?.toUpperCase() + w.slice(1) : w))
    .join(' ');
}

export function mediaValue(ctx: SimContext, mediaId: string, metric: string): number {
  return ctx.store.insights.find((i) => i.objectId === mediaId && i.metric === metric)?.lifetime ?? 0;
}

export function mediaInsights(ctx: SimContext, auth: AuthContext, mediaId: string, params: Record<string, unknown>): Record<string, unknown> {
  const media = ctx.store.media.get(mediaId);
  if (!media || !auth.accountIds.has(media.accountId)) throw Errors.unsupportedGet(`${mediaId}/insights`);
  const metrics = metricsParam(params);
  metrics.forEach((m) => {
    if (MEDIA_DEPRECATED.includes(m)) throw deprecatedError(m, 'v22.0 and for all versions on April 21, 2025');
  });
  const product = media.mediaProductType === 'AD' ? 'FEED' : media.mediaProductType === 'LIVE' ? 'REELS' : media.mediaProductType;
  const allowed = [...(MEDIA_METRICS[product] ?? []), ...(auth.host === 'facebook' ? FACEBOOK_LOGIN_TOTALS : [])];
  metrics.forEach((m) => {
    if (!allowed.includes(m)) {
      const hint = FACEBOOK_LOGIN_TOTALS.includes(m) ? ' (only with Instagram API with Facebook Login)' : '';
      throw Errors.param(`The Media Insights API does not support the ${m} metric for this media product type${hint}.`);
    }
  });
  if (product === 'STORY' && Date.now() - media.createdAt > 86_400_000) {
    throw Errors.param('Insights for stories are only available for 24 hours after the story was posted');
  }
  const breakdown = str(params['breakdown']);
  if (breakdown && metrics.some((m) => BREAKDOWNS[m]?.key !== breakdown)) {
    throw new GraphError(500, 1, 'An unknown error occurred', 'OAuthException');
  }
  const data = metrics.map((m) => {
    const value = mediaValue(ctx, mediaId, m);
    if (product === 'STORY' && value < 5) throw Errors.permission('Not enough viewers for the media to show insights');
    const out: Record<string, unknown> = {
      name: m,
      period: 'lifetime',
      values: [{ value }],
      title: title(m),
      description: `Simulated ${m} for the media.`,
      id: `${mediaId}/insights/${m}/lifetime`,
    };
    const spec = BREAKDOWNS[m];
    if (breakdown && spec) out['total_value'] = { value, breakdowns: [{ dimension_keys: [spec.key], results: split(value, spec.split) }] };
    return out;
  });
  return { data };
}
