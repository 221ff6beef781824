/**
 * Deterministic Instagram account history: a calendar day gets the same numbers on every run and
 * every restart (a pure function of account, metric and epoch day), shaped like a real account — a
 * weekly rhythm, a yearly swell, a campaign week every five weeks — and internally consistent
 * (views > reach > accounts engaged, total interactions = likes + comments + shares + saves + replies + reposts).
 */

export const DAY = 86_400_000;

function unit(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 3266489909) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

export interface DayMetrics {
  reach: number;
  views: number;
  accounts_engaged: number;
  likes: number;
  comments: number;
  shares: number;
  saves: number;
  replies: number;
  reposts: number;
  total_interactions: number;
  follows: number;
  unfollows: number;
  follows_and_unfollows: number;
  follower_count: number;
  profile_links_taps: number;
}

export interface AccountProfile {
  id: string;
  followers: number;
  /** First day (ms, UTC midnight) with insights data. */
  since: number;
}

/** All account metrics of one UTC day (`dayStart` = midnight ms). */
export function dayMetrics(account: AccountProfile, dayStart: number): DayMetrics {
  const day = Math.floor(dayStart / DAY);
  const r = (metric: string): number => unit(`${account.id}:${metric}:${day}`);
  const scale = Math.max(0.05, account.followers / 1500);
  const growth = 1 + 0.18 * Math.sin((2 * Math.PI * day) / 365);
  const weekday = new Date(dayStart).getUTCDay();
  const weekly = [1.18, 0.92, 0.9, 0.95, 1.0, 1.08, 1.22][weekday] ?? 1;
  const campaign = Math.floor(day / 7) % 5 === 0 ? 1.45 : 1;
  const reach = Math.round(380 * scale * growth * weekly * campaign * (0.85 + 0.3 * r('reach')));
  const views = Math.round(reach * (2.5 + 0.6 * r('views')));
  const engaged = Math.round(reach * (0.1 + 0.05 * r('engaged')));
  const likes = Math.round(engaged * (1.1 + 0.5 * r('likes')));
  const comments = Math.round(likes * (0.06 + 0.06 * r('comments')));
  const shares = Math.round(likes * (0.04 + 0.05 * r('shares')));
  const saves = Math.round(likes * (0.05 + 0.06 * r('saves')));
  const replies = Math.round(engaged * (0.03 + 0.04 * r('replies')));
  const reposts = Math.round(shares * (0.2 + 0.3 * r('reposts')));
  const follows = Math.round(reach * (0.008 + 0.01 * r('follows')) * (campaign > 1 ? 1.3 : 1));
  const unfollows = Math.round(follows * (0.2 + 0.3 * r('unfollows')));
  return {
    reach,
    views,
    accounts_engaged: engaged,
    likes,
    comments,
    shares,
    saves,
    replies,
    reposts,
    total_interactions: likes + comments + shares + saves + replies + reposts,
    follows,
    unfollows,
    follows_and_unfollows: follows + unfollows,
    follower_count: follows,
    profile_links_taps: Math.round(engaged * (0.04 + 0.05 * r('taps'))),
  };
}

/** Unique-people metrics can't be summed over days: the union grows slower than the sum. */
export const UNIQUE_METRICS = ['reach', 'accounts_engaged'];

export function rangeTotal(metric: keyof DayMetrics, days: DayMetrics[]): number {
  const values = days.map((d) => d[metric]);
  const sum = values.reduce((a, b) => a + b, 0);
  if (!UNIQUE_METRICS.includes(metric) || values.length <= 1) return sum;
  const max = Math.max(...values);
  return Math.round(max + (sum - max) * 0.38);
}

/** Splits `total` into integer parts by `weights` (parts sum to total). */
export function split(total: number, weights: Array<[string, number]>): Array<{ dimension_values: string[]; value: number }> {
  const sum = weights.reduce((a, [, w]) => a + w, 0);
  const parts = weights.map(([k, w]) => ({ dimension_values: [k], value: Math.floor((total * w) / sum) }));
  const rest = total - parts.reduce((a, p) => a + p.value, 0);
  if (parts[0]) parts[0].value += rest;
  return parts.filter((p) => p.value > 0);
}

/** Followers online per hour of a day (`online_followers`), a daytime curve peaking in the evening. */
export function onlineFollowers(account: AccountProfile, dayStart: number): Record<string, number> {
  const out: Record<string, number> = {};
  const day = Math.floor(dayStart / DAY);
  for (let h = 0; h < 24; h++) {
    const curve = 0.15 + 0.85 * Math.max(0, Math.sin(((h - 5) / 19) * Math.PI)) ** 1.5;
    out[String(h)] = Math.round(account.followers * 0.32 * curve * (0.9 + 0.2 * unit(`${account.id}:online:${day}:${h}`)));
  }
  return out;
}

const DEMOGRAPHICS: Record<string, Array<[string, number]>> = {
  age: [
    ['13-17', 2],
    ['18-24', 19],
    ['25-34', 37],
    ['35-44', 24],
    ['45-54', 11],
    ['55-64', 5],
    ['65+', 2],
  ],
  gender: [
    ['F', 58],
    ['M', 38],
    ['U', 4],
  ],
  country: [
    ['AT', 34],
    ['DE', 29],
    ['CH', 9],
    ['IT', 6],
    ['US', 5],
    ['ES', 4],
    ['GB', 3],
    ['FR', 3],
    ['NL', 2],
    ['JP', 2],
    ['PL', 2],
    ['CZ', 1],
  ],
  city: [
    ['Vienna, Vienna', 19],
    ['Graz, Styria', 7],
    ['Munich, Bavaria', 8],
    ['Berlin, Berlin', 7],
    ['Linz, Upper Austria', 5],
    ['Salzburg, Salzburg', 4],
    ['Zürich, Zurich', 4],
    ['Hamburg, Hamburg', 3],
    ['Innsbruck, Tyrol', 3],
    ['Milan, Lombardy', 2],
  ],
};

export function demographics(breakdown: string, total: number): Array<{ dimension_values: string[]; value: number }> | undefined {
  const weights = DEMOGRAPHICS[breakdown];
  return weights ? split(total, weights).slice(0, 45) : undefined;
}
