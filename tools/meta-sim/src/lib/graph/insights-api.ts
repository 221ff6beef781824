import type { SimContext } from '../sim-context';
import { str } from '../http/request';
import type { AuthContext } from './auth';
import { isoTime } from './fields';
import { Errors, GraphError } from './graph-error';
import { DAY, dayMetrics, demographics, onlineFollowers, rangeTotal, split, type AccountProfile, type DayMetrics } from './insights-history';

/**
 * `GET /{ig-user-id}/insights` (reference §8.1): Meta's current metric set, `period`, `metric_type`,
 * `breakdown`, `timeframe`, `since`/`until` (≤ 30 days apart), data up to yesterday (Meta lags up to
 * 48 h), days before the account's history → no values. Deprecated metrics fail with `100`.
 */

const INTERACTION: Record<string, string[]> = {
  reach: ['media_product_type', 'follow_type'],
  views: ['follower_type', 'media_product_type'],
  accounts_engaged: [],
  total_interactions: ['media_product_type'],
  likes: ['media_product_type'],
  comments: ['media_product_type'],
  shares: ['media_product_type'],
  saves: ['media_product_type'],
  replies: ['media_product_type'],
  reposts: ['media_product_type'],
  follows_and_unfollows: ['follow_type'],
  profile_links_taps: ['contact_button_type'],
};
const DEMOGRAPHIC_METRICS = ['engaged_audience_demographics', 'reached_audience_demographics', 'follower_demographics'];
const ACCOUNT_METRICS = [...Object.keys(INTERACTION), 'follower_count', 'online_followers', ...DEMOGRAPHIC_METRICS];
const ACCOUNT_DEPRECATED: Record<string, string> = {
  impressions: 'v22.0 and for all versions on April 21, 2025',
  email_contacts: 'v21.0 and for all versions on January 8, 2025',
  get_directions_clicks: 'v21.0 and for all versions on January 8, 2025',
  phone_call_clicks: 'v21.0 and for all versions on January 8, 2025',
  text_message_clicks: 'v21.0 and for all versions on January 8, 2025',
  website_clicks: 'v21.0 and for all versions on January 8, 2025',
  profile_views: 'v21.0 and for all versions on January 8, 2025',
};
/** Only these work as `metric_type=time_series` (third-party reports, reference §8.1); the rest need total_value. */
const TIME_SERIES_OK = ['reach', 'follower_count', 'online_followers'];
const TIMEFRAMES: Record<string, number> = { this_week: 7, last_14_days: 14, last_30_days: 30, this_month: 30, prev_month: 30, last_90_days: 90 };
const SPLITS: Record<string, Array<[string, number]>> = {
  media_product_type: [
    ['FEED', 42],
    ['REELS', 38],
    ['STORY', 15],
    ['AD', 5],
  ],
  follower_type: [
    ['NON_FOLLOWER', 64],
    ['FOLLOWER', 36],
  ],
  contact_button_type: [
    ['UNDEFINED', 46],
    ['BOOK_NOW', 14],
    ['CALL', 12],
    ['DIRECTION', 11],
    ['EMAIL', 9],
    ['TEXT', 6],
    ['INSTANT_EXPERIENCE', 2],
  ],
};

function title(metric: string): string {
  return metric
    .split('_')
    .map((w, i) => (i === 0 ? w[0]?.toUpperCase() + w.slice(1) : w))
    .join(' ');
}

export function deprecatedError(metric: string, when: string): GraphError {
  return Errors.param(
    `Starting from ${when}, the ${metric} metric is no longer supported. Please use the views metric instead.`,
    undefined,
    `The ${metric} metric has been deprecated.`,
  );
}

export function metricsParam(params: Record<string, unknown>): string[] {
  const raw = str(params['metric']);
  if (!raw) throw Errors.param('The parameter metric is required');
  return raw
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean);
}

function profileOf(ctx: SimContext, igId: string): AccountProfile {
  const ig = ctx.store.instagramAccounts.get(igId);
  return { id: igId, followers: ig?.followersCount ?? 0, since: ig?.insightsSince ?? Date.now() };
}

function byBreakdown(metric: string, breakdown: string, total: number, days: DayMetrics[]): Array<{ dimension_values: string[]; value: number }> {
  if (breakdown === 'follow_type' && metric === 'follows_and_unfollows') {
    return [
      { dimension_values: ['FOLLOWER'], value: days.reduce((a, d) => a + d.follows, 0) },
      { dimension_values: ['NON_FOLLOWER'], value: days.reduce((a, d) => a + d.unfollows, 0) },
    ];
  }
  return split(total, SPLITS[breakdown === 'follow_type' ? 'follower_type' : breakdown] ?? []);
}

export function accountInsights(ctx: SimContext, auth: AuthContext, igId: string, params: Record<string, unknown>): Record<string, unknown> {
  const ig = ctx.store.instagramAccounts.get(igId);
  if (!auth.accountIds.has(igId) || !ig) throw Errors.unsupportedGet(`${igId}/insights`);
  const metrics = metricsParam(params);
  metrics.forEach((m) => {
    const dep = ACCOUNT_DEPRECATED[m];
    if (dep) throw deprecatedError(m, dep);
  });
  metrics.forEach((m, i) => {
    if (!ACCOUNT_METRICS.includes(m)) throw Errors.param(`metric[${i}] must be one of the following values: ${ACCOUNT_METRICS.join(', ')}`);
  });
  const period = str(params['period']) ?? 'day';
  if (!['day', 'week', 'days_28', 'month', 'lifetime'].includes(period))
    throw Errors.param('period must be one of the following values: day, week, days_28, month, lifetime');
  const metricType = str(params['metric_type']) ?? 'time_series';
  const breakdowns = (str(params['breakdown']) ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  const today = Math.floor(Date.now() / DAY) * DAY;
  const until = str(params['until']) ? Math.floor((Number(params['until']) * 1000) / DAY) * DAY : today;
  const since = str(params['since']) ? Math.floor((Number(params['since']) * 1000) / DAY) * DAY : until - 2 * DAY;
  if (!Number.isFinite(since) || !Number.isFinite(until) || since > until) throw Errors.param('Invalid since/until');
  if (until - since > 30 * DAY) throw Errors.param('There cannot be more than 30 days (2592000 s) between since and until');
  const profile = profileOf(ctx, igId);
  const available = (d: number): boolean => d >= Math.floor(profile.since / DAY) * DAY && d < today;
  const dayList: number[] = [];
  for (let d = since; d < until; d += DAY) if (available(d)) dayList.push(d);
  const days = dayList.map((d) => dayMetrics(profile, d));
  const needsFollowers = (m: string): void => {
    if (ig.followersCount < 100) throw Errors.param(`The ${m} metric is only available for accounts with at least 100 followers`);
  };

  const data = metrics.map((m) => {
    const base = { name: m, period, title: title(m), description: `Simulated ${m} for the account.`, id: `${igId}/insights/${m}/${period}` };
    if (DEMOGRAPHIC_METRICS.includes(m)) {
      needsFollowers(m);
      if (period !== 'lifetime' || metricType !== 'total_value') throw Errors.param(`The ${m} metric requires period=lifetime and metric_type=total_value`);
      if (breakdowns.length !== 1 || !demographics(breakdowns[0] ?? '', 1))
        throw Errors.param(`The ${m} metric requires one breakdown out of age, city, country, gender`);
      const timeframe = str(params['timeframe']) ?? 'last_30_days';
      const span = TIMEFRAMES[timeframe];
      if (!span) throw Errors.param(`timeframe must be one of ${Object.keys(TIMEFRAMES).join(', ')}`);
      const window = Array.from({ length: span }, (_, i) => today - (i + 1) * DAY)
        .filter(available)
        .map((d) => dayMetrics(profile, d));
      const total =
        m === 'follower_demographics' ? ig.followersCount : rangeTotal(m === 'engaged_audience_demographics' ? 'accounts_engaged' : 'reach', window);
      return { ...base, total_value: { breakdowns: [{ dimension_keys: [breakdowns[0]], results: demographics(breakdowns[0] ?? '', total) }] } };
    }
    if (m === 'online_followers') {
      needsFollowers(m);
      if (period !== 'lifetime') throw Errors.param('The online_followers metric requires period=lifetime');
      const recent = dayList.filter((d) => d >= today - 30 * DAY);
      return { ...base, values: recent.map((d) => ({ value: onlineFollowers(profile, d), end_time: isoTime(d + DAY + 7 * 3_600_000) })) };
    }
    if (m === 'follower_count') {
      needsFollowers(m);
      if (period !== 'day') throw Errors.param('The follower_count metric requires period=day');
      if (since < today - 30 * DAY) throw Errors.param('The follower_count metric only supports the last 30 days');
    } else if (period !== 'day' && !(m === 'reach' && (period === 'week' || period === 'days_28'))) {
      throw Errors.param(`The ${m} metric supports period=day${m === 'reach' ? ', week or days_28' : ''}`);
    }
    const allowed = INTERACTION[m] ?? [];
    const bad = breakdowns.find((b) => !allowed.includes(b));
    if (bad) throw Errors.param(`The ${m} metric does not support the breakdown ${bad}${allowed.length ? ` (use ${allowed.join(', ')})` : ''}`);
    if (metricType !== 'total_value' && !TIME_SERIES_OK.includes(m)) {
      throw Errors.param(`The following metrics (${m}) should be specified with parameter metric_type=total_value`);
    }
    const key = m as keyof DayMetrics;
    if (metricType === 'total_value') {
      const total = rangeTotal(key, days);
      const value: Record<string, unknown> = { value: total };
      if (breakdowns.length) value['breakdowns'] = breakdowns.map((b) => ({ dimension_keys: [b], results: byBreakdown(m, b, total, days) }));
      return { ...base, total_value: value };
    }
    const window = period === 'week' ? 7 : period === 'days_28' ? 28 : 1;
    return {
      ...base,
      values: dayList.map((d) => {
        const span = Array.from({ length: window }, (_, i) => d - i * DAY)
          .filter(available)
          .map((x) => dayMetrics(profile, x));
        return { value: rangeTotal(key, span), end_time: isoTime(d + DAY + 7 * 3_600_000) };
      }),
    };
  });
  const base = `${ctx.store.settings.publicUrl}/${ctx.store.settings.graphVersion}/${igId}/insights?metric=${metrics.join(',')}&period=${period}&metric_type=${metricType}`;
  return {
    data,
    paging: {
      previous: `${base}&since=${Math.floor((since - (until - since)) / 1000)}&until=${Math.floor(since / 1000)}`,
      next: `${base}&since=${Math.floor(until / 1000)}&until=${Math.floor((until + (until - since)) / 1000)}`,
    },
  };
}
