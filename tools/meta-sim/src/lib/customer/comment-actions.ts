import type { SimComment, SimCustomer, SimPost } from '../state/model';
import type { SimContext } from '../sim-context';
import { feedCommentEvent, feedPostEvent, feedReactionEvent, igCommentEvent, igMentionEvent, pageMentionEvent } from '../webhooks/events';
import { cdn, customer, CustomerActionError } from './customer-actions';

/** What a customer does in public: comments, replies, edits/removals, mentions, visitor posts, reactions. */

function igComment(ctx: SimContext, c: SimCustomer, accountId: string, objectId: string, text: string, parentId?: string, mentions: string[] = []): SimComment {
  return {
    id: ctx.store.newNumericId('ig-comment', 18000000000090000n),
    platform: 'instagram',
    accountId,
    objectId,
    parentId,
    fromId: c.id,
    fromName: c.name,
    fromUsername: c.username,
    text,
    createdAt: Date.now(),
    hidden: false,
    deleted: false,
    likeCount: 0,
    mentions,
  };
}

function publish(ctx: SimContext, comment: SimComment): void {
  ctx.store.comments.set(comment.id, comment);
  ctx.webhooks.enqueue(comment.platform === 'instagram' ? igCommentEvent(ctx.store, comment) : feedCommentEvent(ctx.store, comment, 'add'));
  ctx.store.changed('comment', comment.id);
}

/** Comment (or reply) on the business's media / post: posts, reels, carousels, stories, ads, a Live on air. */
export function customerComments(ctx: SimContext, customerId: string, objectId: string, text: string, parentId?: string): SimComment {
  const s = ctx.store;
  const c = customer(ctx, customerId);
  const media = s.media.get(objectId);
  const post = s.posts.get(objectId);
  const parent = parentId ? s.comments.get(parentId) : undefined;
  if (parentId && (!parent || parent.deleted || parent.objectId !== objectId))
    throw new CustomerActionError(400, 'parentId must be a comment on the same object');
  // Meta threads are one level deep: a reply to a reply belongs to the top-level comment.
  const threadParent = parent ? (parent.parentId ?? parent.id) : undefined;
  let comment: SimComment;
  if (media) {
    if (c.platform !== 'instagram' || media.accountId !== c.accountId) throw new CustomerActionError(400, 'This customer cannot comment on that media');
    if (media.mediaProductType === 'LIVE' && media.liveStatus !== 'live') throw new CustomerActionError(400, 'The live broadcast has ended');
    comment = igComment(ctx, c, media.accountId, objectId, text, threadParent);
  } else if (post && !post.deleted) {
    if (c.platform !== 'messenger' || post.pageId !== c.accountId) throw new CustomerActionError(400, 'This customer cannot comment on that post');
    const postPart = post.id.split('_')[1] ?? post.id;
    comment = {
      id: `${postPart}_${s.newNumericId('fb-comment', 900000000090000n)}`,
      platform: 'messenger',
      accountId: post.pageId,
      objectId,
      parentId: threadParent,
      fromId: c.feedUserId ?? c.id,
      fromName: c.name,
      text,
      createdAt: Date.now(),
      hidden: false,
      deleted: false,
      likeCount: 0,
      mentions: [],
    };
  } else {
    throw new CustomerActionError(404, `Unknown media or post ${objectId}`);
  }
  publish(ctx, comment);
  return comment;
}

function authorsComment(ctx: SimContext, commentId: string): SimComment {
  const comment = ctx.store.comments.get(commentId);
  if (!comment || comment.deleted) throw new CustomerActionError(404, `Unknown comment ${commentId}`);
  return comment;
}

/** Facebook lets authors edit comments (feed `edited`); Instagram does not. */
export function customerEditsComment(ctx: SimContext, commentId: string, text: string): void {
  const comment = authorsComment(ctx, commentId);
  if (comment.platform === 'instagram') throw new CustomerActionError(400, 'Instagram comments cannot be edited');
  comment.text = text;
  ctx.webhooks.enqueue(feedCommentEvent(ctx.store, comment, 'edited'));
  ctx.store.changed('comment', comment.id);
}

/** The author removes their comment: Facebook sends feed `remove`; Instagram sends nothing. */
export function customerDeletesComment(ctx: SimContext, commentId: string): void {
  const comment = authorsComment(ctx, commentId);
  comment.deleted = true;
  comment.deletedBy = 'author';
  if (comment.platform === 'messenger') ctx.webhooks.enqueue(feedCommentEvent(ctx.store, comment, 'remove'));
  ctx.store.changed('comment', comment.id);
}

function externalMedia(ctx: SimContext, byUsername: string, caption: string, mentions: string[]): string {
  const s = ctx.store;
  const id = s.newNumericId('media', 18000000000080000n);
  s.media.set(id, {
    id,
    accountId: 'external',
    ownerUsername: byUsername,
    caption,
    mediaType: 'IMAGE',
    mediaProductType: 'FEED',
    mediaUrl: cdn(ctx, `media/${id}.png`),
    permalink: `https://www.instagram.com/p/SIM${id.slice(-6)}/`,
    createdAt: Date.now(),
    likeCount: 0,
    mentions,
  });
  return id;
}

/**
 * Another account @mentions the IG account: in a caption (`mentions` value `{media_id}`) or, with
 * `commentText`, in a comment on their own media (`{comment_id, media_id}`).
 */
export function mentionInMedia(
  ctx: SimContext,
  accountId: string,
  byUsername: string,
  caption: string,
  commentText?: string,
): { mediaId: string; commentId?: string } {
  const s = ctx.store;
  if (!s.instagramAccounts.has(accountId)) throw new CustomerActionError(404, `Unknown IG account ${accountId}`);
  const mediaId = externalMedia(ctx, byUsername, caption, commentText ? [] : [accountId]);
  if (!commentText) {
    ctx.webhooks.enqueue(igMentionEvent(accountId, mediaId));
    return { mediaId };
  }
  const commentId = s.newNumericId('ig-comment', 18000000000090000n);
  s.comments.set(commentId, {
    id: commentId,
    platform: 'instagram',
    accountId: 'external',
    objectId: mediaId,
    fromId: `ext_${byUsername}`,
    fromName: byUsername,
    fromUsername: byUsername,
    text: commentText,
    createdAt: Date.now(),
    hidden: false,
    deleted: false,
    likeCount: 0,
    mentions: [accountId],
  });
  ctx.webhooks.enqueue(igMentionEvent(accountId, mediaId, commentId));
  return { mediaId, commentId };
}

/**
 * The customer @mentions the business on their own profile. Instagram: a post caption (`mentions`
 * `{media_id}`) or a comment (`{comment_id, media_id}`). Facebook: a timeline post or a comment (`mention`).
 */
export function customerMentionsBusiness(
  ctx: SimContext,
  customerId: string,
  input: { caption?: string; commentText?: string },
): { mediaId?: string; postId?: string; commentId?: string } {
  const s = ctx.store;
  const c = customer(ctx, customerId);
  const business = s.accountName(c.accountId);
  const handle = business.username ?? business.name;
  if (c.platform === 'instagram') {
    const caption = input.caption ?? (input.commentText ? 'New in 🛍️' : `Loving my new jacket from @${handle}!`);
    const mediaId = externalMedia(ctx, c.username ?? c.name, caption, input.commentText ? [] : [c.accountId]);
    if (!input.commentText) {
      ctx.webhooks.enqueue(igMentionEvent(c.accountId, mediaId));
      s.changed('media', mediaId);
      return { mediaId };
    }
    const comment = igComment(ctx, c, 'external', mediaId, input.commentText, undefined, [c.accountId]);
    s.comments.set(comment.id, comment);
    ctx.webhooks.enqueue(igMentionEvent(c.accountId, mediaId, comment.id));
    s.changed('comment', comment.id);
    return { mediaId, commentId: comment.id };
  }
  const fromId = c.feedUserId ?? c.id;
  const id = `${fromId}_${s.newNumericId('post', 122100000000080000n)}`;
  const post: SimPost = {
    id,
    pageId: 'external',
    fromId,
    fromName: c.name,
    message: input.caption ?? (input.commentText ? 'Weekend finds' : `Great service from ${handle} today!`),
    statusType: 'mobile_status_update',
    permalinkUrl: `https://www.facebook.com/${id}`,
    createdAt: Date.now(),
    reactionCount: 0,
    isHidden: false,
    deleted: false,
    mentions: input.commentText ? [] : [c.accountId],
  };
  s.posts.set(id, post);
  if (!input.commentText) {
    ctx.webhooks.enqueue(pageMentionEvent(c.accountId, post));
    s.changed('post', id);
    return { postId: id };
  }
  const comment: SimComment = {
    id: `${id.split('_')[1]}_${s.newNumericId('fb-comment', 900000000090000n)}`,
    platform: 'messenger',
    accountId: 'external',
    objectId: id,
    fromId,
    fromName: c.name,
    text: input.commentText,
    createdAt: Date.now(),
    hidden: false,
    deleted: false,
    likeCount: 0,
    mentions: [c.accountId],
  };
  s.comments.set(comment.id, comment);
  post.mentions = [c.accountId];
  ctx.webhooks.enqueue(pageMentionEvent(c.accountId, post, comment));
  s.changed('comment', comment.id);
  return { postId: id, commentId: comment.id };
}

export function visitorPost(ctx: SimContext, customerId: string, message: string): string {
  const s = ctx.store;
  const c = customer(ctx, customerId);
  if (c.platform !== 'messenger') throw new CustomerActionError(400, 'Visitor posts exist only on Facebook Pages');
  const id = `${c.accountId}_${s.newNumericId('post', 122100000000090000n)}`;
  const post: SimPost = {
    id,
    pageId: c.accountId,
    fromId: c.feedUserId ?? c.id,
    fromName: c.name,
    message,
    statusType: 'wall_post',
    permalinkUrl: `https://www.facebook.com/${id}`,
    createdAt: Date.now(),
    reactionCount: 0,
    isHidden: false,
    deleted: false,
  };
  s.posts.set(id, post);
  ctx.webhooks.enqueue(feedPostEvent(post, 'add'));
  s.changed('post', id);
  return id;
}

export function reactToPost(ctx: SimContext, customerId: string, postId: string, reactionType: string): void {
  const c = customer(ctx, customerId);
  const post = ctx.store.posts.get(postId);
  if (!post || post.pageId !== c.accountId) throw new CustomerActionError(404, `Unknown post ${postId}`);
  post.reactionCount++;
  ctx.webhooks.enqueue(feedReactionEvent(post.pageId, post.id, { id: c.feedUserId ?? c.id, name: c.name }, reactionType, Date.now()));
}

/** The business goes live on Instagram (or ends the broadcast): comments and private replies only while on air. */
export function setLive(ctx: SimContext, accountId: string, live: boolean, mediaId?: string, caption?: string): string {
  const s = ctx.store;
  if (!s.instagramAccounts.has(accountId)) throw new CustomerActionError(404, `Unknown IG account ${accountId}`);
  if (!live) {
    const media = mediaId ? s.media.get(mediaId) : undefined;
    if (!media || media.mediaProductType !== 'LIVE') throw new CustomerActionError(404, `Unknown live broadcast ${mediaId ?? ''}`);
    media.liveStatus = 'ended';
    s.changed('media', media.id);
    return media.id;
  }
  const id = s.newNumericId('media', 18000000000070000n);
  const account = s.instagramAccounts.get(accountId);
  s.media.set(id, {
    id,
    accountId,
    ownerUsername: account?.username ?? '',
    caption: caption ?? 'Live now 🎥',
    mediaType: 'VIDEO',
    mediaProductType: 'LIVE',
    mediaUrl: cdn(ctx, `media/${id}.png`),
    permalink: `https://www.instagram.com/p/SIM${id.slice(-6)}/`,
    createdAt: Date.now(),
    likeCount: 0,
    mentions: [],
    liveStatus: 'live',
  });
  s.changed('media', id);
  return id;
}
