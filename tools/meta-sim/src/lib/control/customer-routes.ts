import type { SimContext } from '../sim-context';
import { obj, str } from '../http/request';
import {
  businessRepliesInMetaInbox,
  CustomerActionError,
  customerEdits,
  customerPostback,
  customerReacts,
  customerReads,
  customerReferral,
  customerSends,
  customerUnsends,
  customerOpensChatFromAd,
  redeliverLatestMessage,
} from '../customer/customer-actions';
import { customerComments, customerMentionsBusiness, mentionInMedia, reactToPost, visitorPost } from '../customer/comment-actions';
import { isoTime } from '../graph/fields';
import { SIM_SEED } from '../seed/seed-data';
import { HOUR, num, required, type Body, type Route } from './control-kit';

/** Customers: what they do (messages, reactions, comments…) and how their conversation looks. */

function customerView(ctx: SimContext, id: string): Record<string, unknown> {
  const c = ctx.store.customers.get(id);
  if (!c) throw new CustomerActionError(404, `Unknown customer ${id}`);
  const conv = ctx.store.conversationOf(c);
  return {
    id: c.id,
    platform: c.platform,
    accountId: c.accountId,
    name: c.name,
    username: c.username,
    feedUserId: c.feedUserId,
    profilePicUrl: c.profilePicUrl,
    conversationId: conv.id,
    lastCustomerActivityAt: conv.lastCustomerActivityAt,
    windowOpen: conv.lastCustomerActivityAt !== undefined && Date.now() - conv.lastCustomerActivityAt <= 24 * HOUR,
    business: ctx.store.accountName(c.accountId),
  };
}

/** The comment (or post) a private reply answers, so the phone can quote it above the DM. */
function privateReplyContext(ctx: SimContext, id: string | undefined): Record<string, unknown> | undefined {
  if (!id) return undefined;
  const comment = ctx.store.comments.get(id);
  if (comment) return { id, text: comment.text, objectId: comment.objectId };
  const post = ctx.store.posts.get(id);
  return post ? { id, text: post.message, objectId: post.id } : undefined;
}

function conversationView(ctx: SimContext, customerId: string): Record<string, unknown> {
  const c = ctx.store.customers.get(customerId);
  if (!c) throw new CustomerActionError(404, `Unknown customer ${customerId}`);
  const conv = ctx.store.conversationOf(c);
  return {
    ...customerView(ctx, customerId),
    businessTyping: conv.businessTyping,
    referrals: conv.referrals,
    businessSeenAt: conv.businessSeenAt,
    optins: conv.optins,
    messages: ctx.store.conversationMessages(conv).map((m) => ({
      mid: m.mid,
      direction: m.direction,
      from: m.senderId,
      to: m.recipientId,
      createdAt: m.createdAt,
      time: isoTime(m.createdAt),
      text: m.text,
      attachments: m.attachments,
      quickReplies: m.quickReplies,
      replyToMid: m.replyToMid,
      tag: m.tag,
      messagingType: m.messagingType,
      metadata: m.metadata,
      templateName: m.templateName,
      isDeleted: m.isDeleted,
      numEdit: m.numEdit,
      reactions: m.reactions,
      readAt: m.readAt,
      deliveredAt: m.deliveredAt,
      privateReplyTo: m.isPrivateReplyTo,
      privateReplyToComment: privateReplyContext(ctx, m.isPrivateReplyTo),
      referral: m.referral,
    })),
  };
}

function shiftConversation(ctx: SimContext, customerId: string, body: Body): Record<string, unknown> {
  const c = ctx.store.customers.get(customerId);
  if (!c) throw new CustomerActionError(404, `Unknown customer ${customerId}`);
  const conv = ctx.store.conversationOf(c);
  const hoursAgo = num(body['lastCustomerMessageHoursAgo']) ?? num(body['hoursAgo']);
  if (hoursAgo === undefined) throw new CustomerActionError(400, 'lastCustomerMessageHoursAgo is required');
  const target = Date.now() - hoursAgo * HOUR;
  const current = conv.lastCustomerActivityAt ?? Date.now();
  const delta = current - target;
  // Shift the whole conversation so relative order stays intact.
  for (const m of ctx.store.conversationMessages(conv)) {
    m.createdAt -= delta;
    if (m.readAt) m.readAt -= delta;
    if (m.deliveredAt) m.deliveredAt -= delta;
  }
  conv.lastCustomerActivityAt = target;
  ctx.store.changed('conversation', conv.id);
  return customerView(ctx, customerId);
}

export const customerRoutes: Route[] = [
  // Customers and conversations
  [
    'GET',
    /^\/_sim\/customers$/,
    (ctx, _m, _b, url) => {
      const platform = url.searchParams.get('platform');
      return { data: [...ctx.store.customers.values()].filter((c) => !platform || c.platform === platform).map((c) => customerView(ctx, c.id)) };
    },
  ],
  ['GET', /^\/_sim\/customers\/([^/]+)$/, (ctx, m) => customerView(ctx, m[1] ?? '')],
  ['GET', /^\/_sim\/customers\/([^/]+)\/conversation$/, (ctx, m) => conversationView(ctx, m[1] ?? '')],
  [
    'GET',
    /^\/_sim\/customers\/([^/]+)\/inbox$/,
    (ctx, m) => {
      const view = conversationView(ctx, m[1] ?? '');
      return { ...view, messages: (view['messages'] as Array<{ direction: string }>).filter((x) => x.direction === 'outbound') };
    },
  ],
  [
    'POST',
    /^\/_sim\/customers\/([^/]+)\/messages$/,
    (ctx, m, body) => {
      const attachments = Array.isArray(body['attachments'])
        ? (body['attachments'] as unknown[])
            .map((a) => obj(a) ?? {})
            .map((a) => ({ type: str(a['type']) ?? 'image', url: str(a['url']), title: str(a['title']), extra: obj(a['payload']) }))
        : undefined;
      const msg = customerSends(ctx, m[1] ?? '', {
        text: str(body['text']),
        attachments,
        quickReplyPayload: str(body['quickReplyPayload']) ?? str(obj(body['quickReply'])?.['payload']),
        replyToMid: str(body['replyToMid']),
        storyId: str(body['storyId']),
        storyMention: body['storyMention'] === true,
        referral: obj(body['referral']),
      });
      return { mid: msg.mid, timestamp: msg.createdAt, conversationId: msg.conversationId };
    },
  ],
  [
    'POST',
    /^\/_sim\/customers\/([^/]+)\/inbox-reply$/,
    (ctx, m, body) => {
      const msg = businessRepliesInMetaInbox(ctx, m[1] ?? '', required(body, 'text'), str(body['appId']));
      return { mid: msg.mid, timestamp: msg.createdAt };
    },
  ],
  [
    'POST',
    /^\/_sim\/customers\/([^/]+)\/story-mention$/,
    (ctx, m) => {
      const msg = customerSends(ctx, m[1] ?? '', { storyMention: true });
      return { mid: msg.mid, timestamp: msg.createdAt };
    },
  ],
  [
    'POST',
    /^\/_sim\/customers\/([^/]+)\/reactions$/,
    (ctx, m, body) => {
      const action = str(body['action']) === 'unreact' ? 'unreact' : 'react';
      customerReacts(ctx, m[1] ?? '', required(body, 'mid'), action, str(body['reaction']) ?? 'love', str(body['emoji']));
      return { ok: true };
    },
  ],
  [
    'POST',
    /^\/_sim\/customers\/([^/]+)\/unsend$/,
    (ctx, m, body) => {
      customerUnsends(ctx, m[1] ?? '', required(body, 'mid'));
      return { ok: true };
    },
  ],
  [
    'POST',
    /^\/_sim\/customers\/([^/]+)\/edit$/,
    (ctx, m, body) => {
      customerEdits(ctx, m[1] ?? '', required(body, 'mid'), required(body, 'text'));
      return { ok: true };
    },
  ],
  [
    'POST',
    /^\/_sim\/customers\/([^/]+)\/postback$/,
    (ctx, m, body) => ({
      mid: customerPostback(ctx, m[1] ?? '', required(body, 'title'), required(body, 'payload'), obj(body['referral'])),
    }),
  ],
  [
    'POST',
    /^\/_sim\/customers\/([^/]+)\/referral$/,
    (ctx, m, body) => {
      const referral: Body = { ref: required(body, 'ref'), source: str(body['source']) ?? 'SHORTLINK', type: 'OPEN_THREAD' };
      if (str(body['adId'])) referral['ad_id'] = str(body['adId']);
      if (obj(body['adsContextData'])) referral['ads_context_data'] = obj(body['adsContextData']);
      if (str(body['refererUri'])) referral['referer_uri'] = str(body['refererUri']);
      customerReferral(ctx, m[1] ?? '', referral);
      return { ok: true };
    },
  ],
  ['POST', /^\/_sim\/customers\/([^/]+)\/ad-referral$/, (ctx, m, body) => customerOpensChatFromAd(ctx, m[1] ?? '', required(body, 'adId'), str(body['text']))],
  ['POST', /^\/_sim\/customers\/([^/]+)\/read$/, (ctx, m) => customerReads(ctx, m[1] ?? '')],
  [
    'POST',
    /^\/_sim\/customers\/([^/]+)\/comments$/,
    (ctx, m, body) => {
      const c = customerComments(ctx, m[1] ?? '', required(body, 'objectId'), required(body, 'text'), str(body['parentId']));
      return { id: c.id, objectId: c.objectId, createdAt: c.createdAt };
    },
  ],
  [
    'POST',
    /^\/_sim\/customers\/([^/]+)\/mentions$/,
    (ctx, m, body) => customerMentionsBusiness(ctx, m[1] ?? '', { caption: str(body['caption']), commentText: str(body['commentText']) }),
  ],
  ['POST', /^\/_sim\/customers\/([^/]+)\/posts$/, (ctx, m, body) => ({ id: visitorPost(ctx, m[1] ?? '', required(body, 'message')) })],
  [
    'POST',
    /^\/_sim\/customers\/([^/]+)\/post-reactions$/,
    (ctx, m, body) => {
      reactToPost(ctx, m[1] ?? '', required(body, 'postId'), str(body['reaction']) ?? 'like');
      return { ok: true };
    },
  ],
  ['POST', /^\/_sim\/customers\/([^/]+)\/clock$/, (ctx, m, body) => shiftConversation(ctx, m[1] ?? '', body)],
  [
    'POST',
    /^\/_sim\/customers\/([^/]+)\/redeliver$/,
    (ctx, m) => {
      const msg = redeliverLatestMessage(ctx, m[1] ?? '');
      return { mid: msg.mid, timestamp: msg.createdAt };
    },
  ],
  [
    'POST',
    /^\/_sim\/mentions$/,
    (ctx, _m, body) =>
      mentionInMedia(
        ctx,
        str(body['accountId']) ?? SIM_SEED.instagram.id,
        str(body['username']) ?? 'sofia.designs',
        str(body['caption']) ?? `Look what I got from @${SIM_SEED.instagram.username}!`,
        str(body['commentText']),
      ),
  ],
];
