import { CustomerActionError } from '../customer/customer-actions';
import { customerDeletesComment, customerEditsComment, setLive } from '../customer/comment-actions';
import { str } from '../http/request';
import { SIM_SEED } from '../seed/seed-data';
import { SAMPLE_FILES } from '../cdn/cdn';
import { expireStory, postStory, sendStoryInsights } from '../stories/story-insights';
import { HOUR, num, required, type Route } from './control-kit';

/** Published content: media, posts, comments, stories (read views, clocks, customer edits). */

export const contentRoutes: Route[] = [
  [
    'POST',
    /^\/_sim\/instagram-accounts\/([^/]+)$/,
    (ctx, m, body) => {
      const ig = ctx.store.instagramAccounts.get(m[1] ?? '');
      if (!ig) throw new CustomerActionError(404, 'Unknown Instagram account');
      const followers = num(body['followersCount']);
      if (followers !== undefined) ig.followersCount = followers;
      return ig;
    },
  ],
  ['POST', /^\/_sim\/stories$/, (ctx, _m, body) => postStory(ctx, str(body['accountId']) ?? SIM_SEED.instagram.id)],
  [
    'POST',
    /^\/_sim\/stories\/([^/]+)\/(insights-webhook|expire)$/,
    (ctx, m) => {
      const story = ctx.store.media.get(m[1] ?? '');
      if (!story || story.mediaProductType !== 'STORY') throw new CustomerActionError(404, 'Unknown story');
      const metrics = m[2] === 'expire' ? expireStory(ctx, story) : sendStoryInsights(ctx, story);
      return { ok: true, metrics };
    },
  ],

  // Comments, posts, media (read-only views + clock)
  ['GET', /^\/_sim\/media$/, (ctx) => ({ data: [...ctx.store.media.values()] })],
  ['GET', /^\/_sim\/posts$/, (ctx) => ({ data: [...ctx.store.posts.values()].filter((p) => !p.deleted) })],
  [
    'GET',
    /^\/_sim\/comments$/,
    (ctx, _m, _b, url) => {
      const objectId = url.searchParams.get('objectId');
      return { data: [...ctx.store.comments.values()].filter((c) => !objectId || c.objectId === objectId).sort((a, b) => a.createdAt - b.createdAt) };
    },
  ],
  [
    'POST',
    /^\/_sim\/comments\/([^/]+)\/clock$/,
    (ctx, m, body) => {
      const c = ctx.store.comments.get(m[1] ?? '');
      if (!c) throw new CustomerActionError(404, 'Unknown comment');
      c.createdAt = Date.now() - (num(body['hoursAgo']) ?? 0) * HOUR;
      return c;
    },
  ],
  [
    'POST',
    /^\/_sim\/comments\/([^/]+)\/edit$/,
    (ctx, m, body) => {
      customerEditsComment(ctx, m[1] ?? '', required(body, 'text'));
      return { ok: true };
    },
  ],
  [
    'POST',
    /^\/_sim\/comments\/([^/]+)\/delete$/,
    (ctx, m) => {
      customerDeletesComment(ctx, m[1] ?? '');
      return { ok: true };
    },
  ],
  [
    'POST',
    /^\/_sim\/lives$/,
    (ctx, _m, body) => ({ id: setLive(ctx, str(body['accountId']) ?? SIM_SEED.instagram.id, true, undefined, str(body['caption'])) }),
  ],
  [
    'POST',
    /^\/_sim\/lives\/([^/]+)\/end$/,
    (ctx, m) => {
      const media = ctx.store.media.get(m[1] ?? '');
      return { id: setLive(ctx, media?.accountId ?? '', false, m[1]) };
    },
  ],
  [
    'GET',
    /^\/_sim\/ads$/,
    (ctx) => ({
      data: [...ctx.store.ads.values()].map((ad) => ({ ...ad, adset: ctx.store.adsets.get(ad.adsetId), campaign: ctx.store.campaigns.get(ad.campaignId) })),
    }),
  ],
  [
    'GET',
    /^\/_sim\/samples$/,
    (ctx) => ({ data: Object.entries(SAMPLE_FILES).map(([name, meta]) => ({ name, ...meta, url: `${ctx.store.settings.publicUrl}/cdn/samples/${name}` })) }),
  ],
];
