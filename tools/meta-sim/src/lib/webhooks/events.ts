import type { Platform, SimAttachment, SimComment, SimCustomer, SimMessage, SimPost, SimTemplate, WebhookObject } from '../state/model';
import type { SimStore } from '../state/store';
import type { WebhookEvent } from './webhook-event';

/** Builders for webhook items in the shapes of reference §2–§3 and the shared fixtures. */

const objectOf = (platform: Platform): WebhookObject => (platform === 'instagram' ? 'instagram' : 'page');

export function attachmentPayload(a: SimAttachment): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  if (a.url !== undefined) payload['url'] = a.url;
  if (a.title !== undefined) payload['title'] = a.title;
  Object.assign(payload, a.extra ?? {});
  return { type: a.type, payload };
}

function messageBody(m: SimMessage): Record<string, unknown> {
  const body: Record<string, unknown> = { mid: m.mid };
  if (m.text !== undefined) body['text'] = m.text;
  const visible = m.attachments.filter((a) => a.type !== 'story_reply');
  if (visible.length) body['attachments'] = visible.map(attachmentPayload);
  if (m.quickReplyPayload !== undefined) body['quick_reply'] = { payload: m.quickReplyPayload };
  const storyReply = m.attachments.find((a) => a.type === 'story_reply');
  if (storyReply) body['reply_to'] = { story: { url: storyReply.url, id: storyReply.extra?.['story_id'] } };
  else if (m.replyToMid) body['reply_to'] = { mid: m.replyToMid };
  return body;
}

export function inboundMessageEvent(c: SimCustomer, m: SimMessage, referral?: Record<string, unknown>): WebhookEvent {
  const message = messageBody(m);
  if (m.replyToMid && c.platform === 'messenger') message['reply_to'] = { mid: m.replyToMid, is_self_reply: false };
  if (referral) message['referral'] = referral;
  return {
    object: objectOf(c.platform),
    accountId: c.accountId,
    field: 'messages',
    kind: 'messaging',
    item: { sender: { id: c.id }, recipient: { id: c.accountId }, timestamp: m.createdAt, message },
  };
}

export function echoEvent(store: SimStore, c: SimCustomer, m: SimMessage): WebhookEvent {
  const message: Record<string, unknown> = { ...messageBody(m), is_echo: true };
  delete message['quick_reply'];
  if (c.platform === 'messenger') {
    message['app_id'] = Number(m.appId ?? store.settings.appId);
    if (m.metadata !== undefined) message['metadata'] = m.metadata;
  }
  return {
    object: objectOf(c.platform),
    accountId: c.accountId,
    field: 'message_echoes',
    kind: 'messaging',
    item: { sender: { id: c.accountId }, recipient: { id: c.id }, timestamp: m.createdAt, message },
  };
}

export function deliveryEvent(c: SimCustomer, mids: string[], watermark: number): WebhookEvent {
  return {
    object: 'page',
    accountId: c.accountId,
    field: 'message_deliveries',
    kind: 'messaging',
    item: { sender: { id: c.id }, recipient: { id: c.accountId }, delivery: { mids, watermark } },
  };
}

export function readEvent(c: SimCustomer, at: number, lastMid: string): WebhookEvent {
  if (c.platform === 'instagram') {
    return {
      object: 'instagram',
      accountId: c.accountId,
      field: 'messaging_seen',
      kind: 'messaging',
      item: { sender: { id: c.id }, recipient: { id: c.accountId }, timestamp: at, read: { mid: lastMid } },
    };
  }
  return {
    object: 'page',
    accountId: c.accountId,
    field: 'message_reads',
    kind: 'messaging',
    item: { sender: { id: c.id }, recipient: { id: c.accountId }, timestamp: at, read: { watermark: at } },
  };
}

export function reactionEvent(c: SimCustomer, at: number, mid: string, action: 'react' | 'unreact', reaction?: string, emoji?: string): WebhookEvent {
  const body: Record<string, unknown> = { mid, action };
  if (action === 'react') {
    body['reaction'] = reaction ?? 'other';
    if (emoji) body['emoji'] = emoji;
  }
  return {
    object: objectOf(c.platform),
    accountId: c.accountId,
    field: 'message_reactions',
    kind: 'messaging',
    item: { sender: { id: c.id }, recipient: { id: c.accountId }, timestamp: at, reaction: body },
  };
}

export function unsendEvent(c: SimCustomer, at: number, mid: string): WebhookEvent {
  return {
    object: objectOf(c.platform),
    accountId: c.accountId,
    field: 'messages',
    kind: 'messaging',
    item: { sender: { id: c.id }, recipient: { id: c.accountId }, timestamp: at, message: { mid, is_deleted: true } },
  };
}

export function editEvent(c: SimCustomer, at: number, mid: string, text: string, numEdit: number): WebhookEvent {
  return {
    object: objectOf(c.platform),
    accountId: c.accountId,
    field: c.platform === 'instagram' ? 'message_edit' : 'message_edits',
    kind: 'messaging',
    item: { sender: { id: c.id }, recipient: { id: c.accountId }, timestamp: at, message_edit: { mid, text, num_edit: numEdit } },
  };
}

export function postbackEvent(c: SimCustomer, at: number, mid: string, title: string, payload: string, referral?: Record<string, unknown>): WebhookEvent {
  const postback: Record<string, unknown> = { mid, title, payload };
  if (referral) postback['referral'] = referral;
  return {
    object: objectOf(c.platform),
    accountId: c.accountId,
    field: 'messaging_postbacks',
    kind: 'messaging',
    item: { sender: { id: c.id }, recipient: { id: c.accountId }, timestamp: at, postback },
  };
}

export function referralEvent(c: SimCustomer, at: number, referral: Record<string, unknown>): WebhookEvent {
  return {
    object: objectOf(c.platform),
    accountId: c.accountId,
    field: c.platform === 'instagram' ? 'messaging_referral' : 'messaging_referrals',
    kind: 'messaging',
    item: { sender: { id: c.id }, recipient: { id: c.accountId }, timestamp: at, referral },
  };
}

/** `comments` (or `live_comments` during a Live); ad media add `ad_id`/`ad_title` (reference §3.4). */
export function igCommentEvent(store: SimStore, comment: SimComment): WebhookEvent {
  const media = store.media.get(comment.objectId);
  const from: Record<string, unknown> = { id: comment.fromId, username: comment.fromUsername };
  // The account's own comments carry its IG-scoped id too (see ig-comment-self fixture).
  if (comment.fromId === comment.accountId) from['self_ig_scoped_id'] = `65${comment.accountId.slice(-14)}`;
  const mediaValue: Record<string, unknown> = { id: comment.objectId, media_product_type: media?.mediaProductType ?? 'FEED' };
  const ad = media?.adId ? store.ads.get(media.adId) : undefined;
  if (media?.adId) {
    mediaValue['ad_id'] = media.adId;
    mediaValue['ad_title'] = ad?.title ?? '';
    if (media.originalMediaId) mediaValue['original_media_id'] = media.originalMediaId;
  }
  const value: Record<string, unknown> = { from, media: mediaValue, id: comment.id, text: comment.text };
  if (comment.parentId) value['parent_id'] = comment.parentId;
  const field = media?.mediaProductType === 'LIVE' ? 'live_comments' : 'comments';
  return { object: 'instagram', accountId: comment.accountId, field, kind: 'changes', item: { field, value } };
}

export function igMentionEvent(accountId: string, mediaId: string, commentId?: string): WebhookEvent {
  const value: Record<string, unknown> = commentId ? { comment_id: commentId, media_id: mediaId } : { media_id: mediaId };
  return { object: 'instagram', accountId, field: 'mentions', kind: 'changes', item: { field: 'mentions', value } };
}

export function feedCommentEvent(store: SimStore, comment: SimComment, verb: 'add' | 'edited' | 'remove' | 'hide' | 'unhide'): WebhookEvent {
  const post = store.posts.get(comment.objectId);
  const value: Record<string, unknown> = { from: { id: comment.fromId, name: comment.fromName } };
  if (post && verb === 'add') {
    value['post'] = {
      status_type: post.statusType,
      is_published: post.isPublished ?? true,
      updated_time: new Date(post.createdAt).toISOString().replace(/\.\d{3}Z$/, '+0000'),
      permalink_url: post.permalinkUrl,
      promotion_status: post.adId ? 'active' : 'inactive',
      id: post.id,
    };
  }
  if (verb !== 'remove') value['message'] = comment.text;
  Object.assign(value, {
    post_id: comment.objectId,
    comment_id: comment.id,
    created_time: Math.floor(comment.createdAt / 1000),
    item: 'comment',
    parent_id: comment.parentId ?? comment.objectId,
    verb,
  });
  return { object: 'page', accountId: comment.accountId, field: 'feed', kind: 'changes', item: { field: 'feed', value } };
}

/** Page `mention` field: someone @mentions the Page in a post or a comment on their own timeline. */
export function pageMentionEvent(pageId: string, post: SimPost, comment?: SimComment): WebhookEvent {
  const value: Record<string, unknown> = comment
    ? {
        post_id: post.id,
        comment_id: comment.id,
        sender_name: comment.fromName,
        sender_id: comment.fromId,
        item: 'comment',
        verb: 'add',
        message: comment.text,
        created_time: Math.floor(comment.createdAt / 1000),
      }
    : {
        post_id: post.id,
        sender_name: post.fromName,
        sender_id: post.fromId,
        item: 'post',
        verb: 'add',
        message: post.message,
        created_time: Math.floor(post.createdAt / 1000),
      };
  return { object: 'page', accountId: pageId, field: 'mention', kind: 'changes', item: { field: 'mention', value } };
}

export function feedPostEvent(post: SimPost, verb: 'add' | 'remove'): WebhookEvent {
  const value: Record<string, unknown> = { from: { id: post.fromId, name: post.fromName }, post_id: post.id };
  if (verb === 'add') Object.assign(value, { is_hidden: post.isHidden, message: post.message });
  Object.assign(value, { created_time: Math.floor(post.createdAt / 1000), item: 'post', verb });
  return { object: 'page', accountId: post.pageId, field: 'feed', kind: 'changes', item: { field: 'feed', value } };
}

export function feedReactionEvent(pageId: string, postId: string, from: { id: string; name: string }, reactionType: string, at: number): WebhookEvent {
  return {
    object: 'page',
    accountId: pageId,
    field: 'feed',
    kind: 'changes',
    item: {
      field: 'feed',
      value: { from, post_id: postId, parent_id: postId, created_time: Math.floor(at / 1000), item: 'reaction', reaction_type: reactionType, verb: 'add' },
    },
  };
}

export function templateStatusEvent(t: SimTemplate): WebhookEvent {
  return {
    object: 'page',
    accountId: t.pageId,
    field: 'messenger_template_status_update',
    kind: 'changes',
    item: {
      field: 'messenger_template_status_update',
      value: {
        event: t.status,
        message_template_id: t.id,
        message_template_name: t.name,
        message_template_language: t.language,
        reason: t.status === 'REJECTED' ? (t.rejectedReason ?? 'INCORRECT_PARAMS') : 'NONE',
      },
    },
  };
}

export function storyInsightsEvent(accountId: string, mediaId: string, metrics: Record<string, number>): WebhookEvent {
  return {
    object: 'instagram',
    accountId,
    field: 'story_insights',
    kind: 'changes',
    item: { field: 'story_insights', value: { media_id: mediaId, ...metrics } },
  };
}
