import type { SimMedia } from '../state/model';
import type { SimContext } from '../sim-context';
import { storyInsightsEvent } from '../webhooks/events';

/**
 * Story lifecycle: a story lives 24 h; about 1 h after it expires Meta sends `story_insights`
 * (Facebook Login accounts only, counts below 5 as -1 — reference §3.2, §3.4). A timer checks
 * every `STORY_CHECK_MS`; the control API can post, expire and report stories on demand.
 */

const HOUR = 3_600_000;
export const STORY_CHECK_MS = 60_000;

function value(ctx: SimContext, storyId: string, metric: string): number {
  const v = ctx.store.insights.find((i) => i.objectId === storyId && i.metric === metric)?.lifetime ?? 0;
  return v < 5 ? -1 : v;
}

export function sendStoryInsights(ctx: SimContext, story: SimMedia): Record<string, number> {
  const metrics = {
    exits: value(ctx, story.id, 'exits'),
    replies: value(ctx, story.id, 'replies'),
    reach: value(ctx, story.id, 'reach'),
    taps_forward: value(ctx, story.id, 'taps_forward'),
    taps_back: value(ctx, story.id, 'taps_back'),
    impressions: value(ctx, story.id, 'views'),
  };
  const account = ctx.store.instagramAccounts.get(story.accountId);
  // Insights webhooks exist only for Instagram API with Facebook Login (reference §3.2).
  if (account?.via === 'page') ctx.webhooks.enqueue(storyInsightsEvent(story.accountId, story.id, metrics));
  story.storyInsightsSentAt = Date.now();
  return metrics;
}

/** Sends `story_insights` for every story that expired more than an hour ago and wasn't reported yet. */
export function sendDueStoryInsights(ctx: SimContext, now = Date.now()): number {
  let sent = 0;
  for (const m of ctx.store.media.values()) {
    if (m.mediaProductType === 'STORY' && !m.storyInsightsSentAt && now - m.createdAt >= 25 * HOUR) {
      sendStoryInsights(ctx, m);
      sent++;
    }
  }
  return sent;
}

/** The business posts a story; its metrics grow from its id so every run sees the same numbers. */
export function postStory(ctx: SimContext, accountId: string): SimMedia {
  const s = ctx.store;
  const account = s.instagramAccounts.get(accountId);
  if (!account) throw new Error(`Unknown IG account ${accountId}`);
  const id = s.newNumericId('story', 18000000000060000n);
  const story: SimMedia = {
    id,
    accountId,
    ownerUsername: account.username,
    caption: '',
    mediaType: 'IMAGE',
    mediaProductType: 'STORY',
    mediaUrl: `${s.settings.publicUrl}/cdn/media/${id}.png`,
    permalink: `https://www.instagram.com/stories/${account.username}/${id}/`,
    createdAt: Date.now(),
    likeCount: 0,
    mentions: [],
  };
  s.media.set(id, story);
  const seed = Number(id.slice(-3));
  const reach = 120 + ((seed * 37) % 300);
  const metrics: Record<string, number> = {
    reach,
    views: Math.round(reach * 1.3),
    replies: 5 + (seed % 6),
    navigation: Math.round(reach * 0.4),
    shares: 5 + (seed % 4),
    follows: 5 + (seed % 3),
    profile_visits: 8 + (seed % 9),
    profile_activity: 5 + (seed % 4),
    total_interactions: 20 + (seed % 10),
    link_clicks: 6 + (seed % 7),
    exits: 10 + (seed % 12),
    taps_forward: Math.round(reach * 0.3),
    taps_back: 6 + (seed % 8),
  };
  for (const [metric, lifetime] of Object.entries(metrics)) s.insights.push({ objectId: id, metric, daily: [], lifetime });
  s.changed('media', id);
  return story;
}

/** Ages a story past expiry and reports it now (what Meta does about an hour after it expires). */
export function expireStory(ctx: SimContext, story: SimMedia): Record<string, number> {
  story.createdAt = Math.min(story.createdAt, Date.now() - 25 * HOUR);
  ctx.store.changed('media', story.id);
  return sendStoryInsights(ctx, story);
}
