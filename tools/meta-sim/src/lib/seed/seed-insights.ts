import type { SimMedia } from '../state/model';
import type { SimStore } from '../state/store';
import { SIM_SEED } from './seed-data';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** History depth of account insights: ≥ 90 days so the sandbox's charts have a quarter to show. */
export const INSIGHTS_HISTORY_DAYS = 120;

function unit(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619) >>> 0;
  return (Math.imul(h ^ (h >>> 13), 3266489909) >>> 0) / 4294967296;
}

/** Older posts, reels and carousels so "top posts" and per-media charts have a quarter of content. */
const ARCHIVE: Array<[id: string, daysAgo: number, type: SimMedia['mediaType'], product: SimMedia['mediaProductType'], caption: string, likes: number]> = [
  ['18000000000000110', 14, 'IMAGE', 'FEED', 'Which colour should we restock next? 👇', 96],
  ['18000000000000111', 21, 'VIDEO', 'REELS', 'How we waterproof every seam 🧵', 530],
  ['18000000000000112', 28, 'CAROUSEL_ALBUM', 'FEED', 'April lookbook, part 1', 142],
  ['18000000000000113', 35, 'IMAGE', 'FEED', 'Meet the team behind the counter 👋', 77],
  ['18000000000000114', 45, 'VIDEO', 'REELS', 'Rain test: 10 minutes under the shower 🚿', 812],
  ['18000000000000115', 55, 'IMAGE', 'FEED', 'Customer photo of the week 📸', 64],
  ['18000000000000116', 65, 'CAROUSEL_ALBUM', 'FEED', 'Care guide: washing your rain jacket', 118],
  ['18000000000000117', 75, 'IMAGE', 'FEED', 'Last days of the winter collection', 58],
  ['18000000000000118', 85, 'VIDEO', 'REELS', 'Packing orders on a Monday morning 📦', 301],
  ['18000000000000119', 100, 'IMAGE', 'FEED', 'We are open in the new store!', 205],
];

function put(store: SimStore, objectId: string, metric: string, lifetime: number): void {
  store.insights.push({ objectId, metric, daily: [], lifetime: Math.max(0, Math.round(lifetime)) });
}

/** Lifetime metrics of one post / reel / carousel / ad, consistent with its likes and comments. */
function mediaMetrics(store: SimStore, m: SimMedia): void {
  const r = (k: string): number => unit(`${m.id}:${k}`);
  const comments = [...store.comments.values()].filter((c) => c.objectId === m.id && !c.deleted).length;
  const reels = m.mediaProductType === 'REELS' || m.mediaProductType === 'LIVE';
  const reach = m.likeCount * (9 + 5 * r('reach')) + 20;
  const views = reach * (reels ? 2.8 + r('views') : 1.4 + 0.8 * r('views'));
  const shares = m.likeCount * (0.03 + 0.05 * r('shares'));
  const saved = m.likeCount * (0.05 + 0.07 * r('saved'));
  const visits = reach * (0.02 + 0.02 * r('visits'));
  const values: Record<string, number> = {
    views,
    reach,
    likes: m.likeCount,
    comments,
    shares,
    saved,
    total_interactions: m.likeCount + comments + Math.round(shares) + Math.round(saved),
    follows: reach * (0.003 + 0.004 * r('follows')),
    profile_visits: visits,
    profile_activity: visits * (0.3 + 0.2 * r('activity')),
    reposts: shares * (0.2 + 0.3 * r('reposts')),
    total_likes: m.likeCount * (m.adId ? 3.5 : 1),
    total_comments: comments,
    total_views: views * (m.adId ? 4 : 1),
  };
  if (reels) {
    const avgMs = 4000 + 5000 * r('watch');
    Object.assign(values, {
      ig_reels_avg_watch_time: avgMs,
      ig_reels_video_view_total_time: views * avgMs,
      reels_skip_rate: 20 + 25 * r('skip'),
      crossposted_views: views * 0.1,
      facebook_views: views * 0.08,
    });
  }
  for (const [metric, value] of Object.entries(values)) put(store, m.id, metric, value);
}

/**
 * Insights the sandbox shows on first start: account history since 120 days ago (computed per day by
 * graph/insights-history), archive media, per-media lifetime metrics, and stories with their metrics
 * (one fresh, one from earlier today, one expired whose `story_insights` webhook already went out).
 */
export function seedInsights(store: SimStore, now: number): void {
  const s = SIM_SEED;
  const cdn = `${store.settings.publicUrl}/cdn`;
  const since = Math.floor((now - INSIGHTS_HISTORY_DAYS * DAY) / DAY) * DAY;
  for (const ig of store.instagramAccounts.values()) ig.insightsSince = since;
  for (const [id, daysAgo, type, product, caption, likes] of ARCHIVE) {
    store.media.set(id, {
      id,
      accountId: s.instagram.id,
      ownerUsername: s.instagram.username,
      caption,
      mediaType: type,
      mediaProductType: product,
      mediaUrl: `${cdn}/media/${id}.png`,
      permalink: `https://www.instagram.com/p/SIM${id.slice(-6)}/`,
      createdAt: now - daysAgo * DAY - 5 * HOUR,
      likeCount: likes,
      mentions: [],
    });
  }
  const story = (id: string, hoursAgo: number, metrics: Record<string, number>, sent: boolean): void => {
    if (!store.media.has(id)) {
      store.media.set(id, {
        id,
        accountId: s.instagram.id,
        ownerUsername: s.instagram.username,
        caption: '',
        mediaType: 'IMAGE',
        mediaProductType: 'STORY',
        mediaUrl: `${cdn}/media/${id}.png`,
        permalink: `https://www.instagram.com/stories/${s.instagram.username}/${id}/`,
        createdAt: now - hoursAgo * HOUR,
        likeCount: 0,
        mentions: [],
      });
    }
    const media = store.media.get(id);
    if (media && sent) media.storyInsightsSentAt = now - (hoursAgo - 25) * HOUR;
    for (const [metric, value] of Object.entries(metrics)) put(store, id, metric, value);
  };
  // The fresh seeded story keeps its small numbers (replies < 5 → "Not enough viewers").
  story(
    s.media.story,
    0.2 * 24,
    {
      views: 190,
      reach: 152,
      replies: 1,
      navigation: 49,
      shares: 3,
      follows: 2,
      profile_visits: 4,
      total_interactions: 6,
      exits: 3,
      taps_forward: 40,
      taps_back: 6,
    },
    false,
  );
  story(
    s.media.storyMorning,
    3,
    {
      views: 412,
      reach: 318,
      replies: 9,
      navigation: 122,
      shares: 11,
      follows: 6,
      profile_visits: 17,
      profile_activity: 8,
      total_interactions: 26,
      link_clicks: 14,
      exits: 21,
      taps_forward: 88,
      taps_back: 13,
    },
    false,
  );
  story(
    s.media.storyExpired,
    30,
    {
      views: 655,
      reach: 501,
      replies: 12,
      navigation: 203,
      shares: 15,
      follows: 9,
      profile_visits: 22,
      profile_activity: 10,
      total_interactions: 36,
      link_clicks: 19,
      exits: 34,
      taps_forward: 150,
      taps_back: 19,
    },
    true,
  );
  for (const m of store.media.values()) {
    if (m.accountId !== 'external' && m.mediaProductType !== 'STORY') mediaMetrics(store, m);
  }
}
