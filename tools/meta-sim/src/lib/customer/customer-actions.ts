import type { SimAttachment, SimCustomer, SimMessage } from '../state/model';
import type { SimContext } from '../sim-context';
import { editEvent, inboundMessageEvent, postbackEvent, reactionEvent, readEvent, referralEvent, unsendEvent } from '../webhooks/events';
import { deliverOutbound } from '../graph/send-api';
import { PAGE_INBOX_APP_ID } from '../messenger/thread-control';

/** What a customer can do; each action updates state and emits the webhook Meta would send. */

export class CustomerActionError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface CustomerMessageInput {
  text?: string;
  attachments?: Array<{ type: string; url?: string; title?: string; extra?: Record<string, unknown> }>;
  quickReplyPayload?: string;
  replyToMid?: string;
  /** Reply to one of the business's stories (IG). */
  storyId?: string;
  /** The customer mentioned the business in their story (IG). */
  storyMention?: boolean;
  referral?: Record<string, unknown>;
}

const EMOJI: Record<string, string> = { love: '❤️', like: '👍', laugh: '😂', wow: '😮', sad: '😢', angry: '😠', smile: '😊' };

export function customer(ctx: SimContext, id: string): SimCustomer {
  const c = ctx.store.customers.get(id);
  if (!c) throw new CustomerActionError(404, `Unknown customer ${id}`);
  return c;
}

function ownMessage(ctx: SimContext, c: SimCustomer, mid: string, direction?: 'inbound' | 'outbound'): SimMessage {
  const m = ctx.store.messages.get(mid);
  const conv = ctx.store.conversationOf(c);
  if (!m || m.conversationId !== conv.id || (direction && m.direction !== direction))
    throw new CustomerActionError(404, `Unknown message ${mid} in this conversation`);
  return m;
}

export function cdn(ctx: SimContext, path: string): string {
  return `${ctx.store.settings.publicUrl}/cdn/${path}`;
}

export function customerSends(ctx: SimContext, customerId: string, input: CustomerMessageInput): SimMessage {
  const s = ctx.store;
  const c = customer(ctx, customerId);
  const conv = s.conversationOf(c);
  const now = Date.now();
  const attachments: SimAttachment[] = (input.attachments ?? []).map((a) => ({
    type: a.type,
    url:
      a.url ??
      cdn(
        ctx,
        a.type === 'image' || a.type === 'sticker'
          ? 'samples/photo-1.png'
          : a.type === 'video'
            ? 'samples/clip.mp4'
            : a.type === 'audio'
              ? 'samples/voice.m4a'
              : 'samples/invoice.pdf',
      ),
    title: a.title,
    extra: a.extra,
  }));
  if (input.storyMention) {
    if (c.platform !== 'instagram') throw new CustomerActionError(400, 'Story mentions exist only on Instagram');
    attachments.push({ type: 'story_mention', url: cdn(ctx, `media/story-${c.id}-${now}.png`) });
  }
  if (input.storyId) {
    const story = s.media.get(input.storyId);
    if (!story || story.mediaProductType !== 'STORY') throw new CustomerActionError(404, `Unknown story ${input.storyId}`);
    attachments.push({ type: 'story_reply', url: story.mediaUrl, extra: { story_id: story.id } });
  }
  if (!input.text && attachments.filter((a) => a.type !== 'story_reply').length === 0) {
    throw new CustomerActionError(400, 'A message needs text or attachments');
  }
  if (input.replyToMid) ownMessage(ctx, c, input.replyToMid);
  const m: SimMessage = {
    mid: s.newMid(c.platform),
    conversationId: conv.id,
    direction: 'inbound',
    senderId: c.id,
    recipientId: c.accountId,
    createdAt: now,
    text: input.text,
    attachments,
    quickReplyPayload: input.quickReplyPayload,
    replyToMid: input.replyToMid,
    isDeleted: false,
    numEdit: 0,
    reactions: {},
    referral: input.referral,
  };
  s.addMessage(m);
  if (input.referral) conv.referrals.push({ at: now, referral: input.referral });
  conv.lastCustomerActivityAt = now;
  // Sending implies the customer saw everything before it.
  conv.customerReadAt = now;
  ctx.webhooks.enqueue(inboundMessageEvent(c, m, input.referral));
  return m;
}

/**
 * Meta delivers the customer's latest message again — same mid, original time — as it does when it
 * retries a delivery the app missed. Puts a seeded (old) conversation into the app's inbox as it was.
 */
export function redeliverLatestMessage(ctx: SimContext, customerId: string): SimMessage {
  const c = customer(ctx, customerId);
  const conv = ctx.store.conversationOf(c);
  const latest = [...ctx.store.messages.values()]
    .filter((m) => m.conversationId === conv.id && m.direction === 'inbound' && !m.isDeleted)
    .sort((a, b) => b.createdAt - a.createdAt)[0];
  if (!latest) throw new CustomerActionError(404, 'This customer has not written yet');
  ctx.webhooks.enqueue(inboundMessageEvent(c, latest, latest.referral));
  return latest;
}

export { PAGE_INBOX_APP_ID };

/**
 * A human replies from Meta's own inbox (Business Suite / Instagram app), or another app on the Page
 * (`appId`, e.g. the bot) sends: only the echo reaches our app.
 */
export function businessRepliesInMetaInbox(ctx: SimContext, customerId: string, text: string, appId: string = PAGE_INBOX_APP_ID): SimMessage {
  const s = ctx.store;
  const c = customer(ctx, customerId);
  const conv = s.conversationOf(c);
  const m: SimMessage = {
    mid: s.newMid(c.platform),
    conversationId: conv.id,
    direction: 'outbound',
    senderId: c.accountId,
    recipientId: c.id,
    createdAt: Date.now(),
    text,
    attachments: [],
    isDeleted: false,
    numEdit: 0,
    reactions: {},
    appId,
  };
  deliverOutbound(ctx, c, m);
  return m;
}

export function customerReacts(ctx: SimContext, customerId: string, mid: string, action: 'react' | 'unreact', reaction = 'love', emoji?: string): void {
  const c = customer(ctx, customerId);
  const m = ownMessage(ctx, c, mid);
  const now = Date.now();
  if (action === 'react') m.reactions[c.id] = { reaction, emoji: emoji ?? EMOJI[reaction] ?? '❤️' };
  else delete m.reactions[c.id];
  const conv = ctx.store.conversationOf(c);
  conv.lastCustomerActivityAt = now;
  ctx.webhooks.enqueue(reactionEvent(c, now, mid, action, reaction, action === 'react' ? (emoji ?? EMOJI[reaction] ?? '❤️') : undefined));
  ctx.store.changed('conversation', conv.id);
}

export function customerUnsends(ctx: SimContext, customerId: string, mid: string): void {
  const c = customer(ctx, customerId);
  const m = ownMessage(ctx, c, mid, 'inbound');
  m.isDeleted = true;
  ctx.webhooks.enqueue(unsendEvent(c, Date.now(), mid));
  ctx.store.changed('conversation', m.conversationId);
}

export function customerEdits(ctx: SimContext, customerId: string, mid: string, text: string): void {
  const c = customer(ctx, customerId);
  const m = ownMessage(ctx, c, mid, 'inbound');
  if (m.numEdit >= 5) throw new CustomerActionError(400, 'A message can be edited at most 5 times');
  m.numEdit++;
  m.text = text;
  ctx.webhooks.enqueue(editEvent(c, Date.now(), mid, text, m.numEdit));
  ctx.store.changed('conversation', m.conversationId);
}

export function customerPostback(ctx: SimContext, customerId: string, title: string, payload: string, referral?: Record<string, unknown>): string {
  const c = customer(ctx, customerId);
  const conv = ctx.store.conversationOf(c);
  const now = Date.now();
  const mid = ctx.store.newMid(c.platform);
  conv.lastCustomerActivityAt = now;
  ctx.webhooks.enqueue(postbackEvent(c, now, mid, title, payload, referral));
  return mid;
}

export function customerReferral(ctx: SimContext, customerId: string, referral: Record<string, unknown>): void {
  const c = customer(ctx, customerId);
  const conv = ctx.store.conversationOf(c);
  const now = Date.now();
  conv.lastCustomerActivityAt = now;
  conv.referrals.push({ at: now, referral: { type: 'OPEN_THREAD', ...referral } });
  ctx.webhooks.enqueue(referralEvent(c, now, { type: 'OPEN_THREAD', ...referral }));
  ctx.store.changed('conversation', conv.id);
}

/** The customer opened the conversation: business messages become read. */
export function customerReads(ctx: SimContext, customerId: string): { read: number } {
  const c = customer(ctx, customerId);
  const conv = ctx.store.conversationOf(c);
  const now = Date.now();
  const unread = ctx.store.conversationMessages(conv).filter((m) => m.direction === 'outbound' && !m.readAt);
  if (unread.length === 0) return { read: 0 };
  unread.forEach((m) => (m.readAt = now));
  conv.customerReadAt = now;
  const last = unread[unread.length - 1];
  if (last) ctx.webhooks.enqueue(readEvent(c, now, last.mid));
  ctx.store.changed('conversation', conv.id);
  return { read: unread.length };
}

/**
 * The customer taps "Send message" on a click-to-message ad: a new thread's first message carries
 * `message.referral`; an existing thread gets a `referral` event (reopening the window), then the text.
 */
export function customerOpensChatFromAd(
  ctx: SimContext,
  customerId: string,
  adId: string,
  text?: string,
): { mid?: string; newThread: boolean; referral: Record<string, unknown> } {
  const s = ctx.store;
  const c = customer(ctx, customerId);
  const ad = s.ads.get(adId);
  if (!ad || ad.accountId !== c.accountId) throw new CustomerActionError(404, `Unknown ad ${adId} for this account`);
  const context: Record<string, unknown> = { ad_title: ad.title, photo_url: ad.imageUrl };
  if (ad.platform === 'messenger' && ad.objectId) context['post_id'] = ad.objectId;
  const referral = { ref: ad.ref, ad_id: ad.id, source: 'ADS', type: 'OPEN_THREAD', ads_context_data: context };
  const newThread = s.conversationOf(c).messageMids.length === 0;
  if (newThread) {
    const m = customerSends(ctx, customerId, { text: text ?? `Hi! I saw your ad "${ad.title}".`, referral });
    return { mid: m.mid, newThread, referral };
  }
  customerReferral(ctx, customerId, referral);
  const m = text ? customerSends(ctx, customerId, { text }) : undefined;
  return { mid: m?.mid, newThread, referral };
}
