import type { InsightAccountMetric, InsightMediaSort } from '@ticklegram/domain-models';

/** Ranges the page offers, in days ending today (UTC, the days Meta reports). */
export const RANGE_PRESETS = [7, 28, 90] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_RANGE: RangePreset = 28;

export function parseRange(value: string | null): RangePreset {
  const days = Number(value);
  return (RANGE_PRESETS as readonly number[]).includes(days) ? (days as RangePreset) : DEFAULT_RANGE;
}

/** Inclusive `YYYY-MM-DD` bounds of the last `days` days up to `today`. */
export function rangeFor(days: number, today: Date = new Date()): { from: string; to: string } {
  const to = today.toISOString().slice(0, 10);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

export const METRIC_LABEL: Record<InsightAccountMetric, string> = {
  views: 'Views',
  reach: 'Accounts reached',
  accounts_engaged: 'Accounts engaged',
  total_interactions: 'Interactions',
  likes: 'Likes',
  comments: 'Comments',
  shares: 'Shares',
  saves: 'Saves',
  replies: 'Replies',
  reposts: 'Reposts',
  follows_and_unfollows: 'Follows & unfollows',
  profile_links_taps: 'Profile link taps',
  follower_count: 'New followers',
  followers_total: 'Followers',
};

export const MEDIA_SORT_LABEL: Record<InsightMediaSort, string> = {
  posted_at: 'Newest',
  views: 'Views',
  reach: 'Reach',
  total_interactions: 'Interactions',
  likes: 'Likes',
  comments: 'Comments',
  shares: 'Shares',
  saves: 'Saves',
};

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en');

/** `—` for unknown; full digits below 10 000, compact (12.3K) above. */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return Math.abs(value) < 10_000 ? whole.format(value) : compact.format(value);
}

export interface ChangeView {
  label: string;
  tone: 'up' | 'down' | 'flat';
}

/** `+12.5%` / `−3%` against the previous period; `null` when there is nothing to compare. */
export function formatChange(change: number | null): ChangeView | null {
  if (change === null || !Number.isFinite(change)) return null;
  const percent = Math.round(change * 1000) / 10;
  if (percent === 0) return { label: '0%', tone: 'flat' };
  return { label: `${percent > 0 ? '+' : '−'}${Math.abs(percent)}%`, tone: percent > 0 ? 'up' : 'down' };
}

/** `Dec 3` for chart axes. */
export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** "5 minutes ago" style, for the last sync. */
export function formatAgo(iso: string | null, now: number = Date.now()): string {
  if (!iso) return 'never';
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `${Math.round(hours / 24)} d ago`;
}
