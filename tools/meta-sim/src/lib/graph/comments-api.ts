import type { SimComment } from '../state/model';
import type { SimContext } from '../sim-context';
import { str } from '../http/request';
import { feedCommentEvent, igCommentEvent } from '../webhooks/events';
import type { AuthContext } from './auth';
import { Errors } from './graph-error';

/** Comment moderation and replies on Instagram media and Facebook posts/comments. */

function ownComment(ctx: SimContext, auth: AuthContext, id: string, method: string): SimComment {
  const c = ctx.store.comments.get(id);
  if (!c || c.deleted || !auth.accountIds.has(c.accountId)) throw Errors.unsupportedGet(id, method);
  return c;
}

function newCommentId(ctx: SimContext, c: { platform: 'instagram' | 'messenger'; objectId: string }): string {
  if (c.platform === 'instagram') return ctx.store.newNumericId('ig-comment', 18000000000090000n);
  const postPart = c.objectId.split('_')[1] ?? c.objectId;
  return `${postPart}_${ctx.store.newNumericId('fb-comment', 900000000090000n)}`;
}

function businessAuthor(ctx: SimContext, accountId: string): { id: string; name: string; username?: string } {
  const acc = ctx.store.accountName(accountId);
  return { id: accountId, name: acc.name, username: acc.username };
}

function requireMessage(params: Record<string, unknown>): string {
  const message = str(params['message']);
  if (!message) throw Errors.param('param message must be non-empty.');
  return message;
}

function publish(ctx: SimContext, comment: SimComment, verb: 'add' | 'edited' | 'remove' | 'hide' | 'unhide'): void {
  if (comment.platform === 'instagram') {
    if (verb === 'add') ctx.webhooks.enqueue(igCommentEvent(ctx.store, comment));
  } else {
    ctx.webhooks.enqueue(feedCommentEvent(ctx.store, comment, verb));
  }
  ctx.store.changed('comment', comment.id);
}

/** `POST /{ig-comment-id}/replies` (IG) */
export function replyToIgComment(ctx: SimContext, auth: AuthContext, commentId: string, params: Record<string, unknown>): Record<string, unknown> {
  const parent = ownComment(ctx, auth, commentId, 'post');
  if (parent.platform !== 'instagram') throw Errors.unsupportedGet(`${commentId}/replies`, 'post');
  const text = requireMessage(params);
  const author = businessAuthor(ctx, parent.accountId);
  const reply: SimComment = {
    id: newCommentId(ctx, parent),
    platform: 'instagram',
    accountId: parent.accountId,
    objectId: parent.objectId,
    parentId: parent.parentId ?? parent.id,
    fromId: author.id,
    fromName: author.name,
    fromUsername: author.username,
    text,
    createdAt: Date.now(),
    hidden: false,
    deleted: false,
    likeCount: 0,
    mentions: [],
  };
  ctx.store.comments.set(reply.id, reply);
  publish(ctx, reply, 'add');
  return { id: reply.id };
}

/** `POST /{media-id}/comments` (IG), `POST /{post-id}/comments` and `POST /{comment-id}/comments` (FB). */
export function createComment(ctx: SimContext, auth: AuthContext, objectId: string, params: Record<string, unknown>): Record<string, unknown> {
  const s = ctx.store;
  const text = requireMessage(params);
  const media = s.media.get(objectId);
  const post = s.posts.get(objectId);
  const parentComment = s.comments.get(objectId);
  let comment: SimComment;
  if (media && auth.accountIds.has(media.accountId)) {
    const author = businessAuthor(ctx, media.accountId);
    comment = {
      id: newCommentId(ctx, { platform: 'instagram', objectId }),
      platform: 'instagram',
      accountId: media.accountId,
      objectId,
      fromId: author.id,
      fromName: author.name,
      fromUsername: author.username,
      text,
      createdAt: Date.now(),
      hidden: false,
      deleted: false,
      likeCount: 0,
      mentions: [],
    };
  } else if (post && !post.deleted && auth.accountIds.has(post.pageId)) {
    const author = businessAuthor(ctx, post.pageId);
    comment = {
      id: newCommentId(ctx, { platform: 'messenger', objectId }),
      platform: 'messenger',
      accountId: post.pageId,
      objectId,
      fromId: author.id,
      fromName: author.name,
      text,
      createdAt: Date.now(),
      hidden: false,
      deleted: false,
      likeCount: 0,
      mentions: [],
    };
  } else if (parentComment && !parentComment.deleted && parentComment.platform === 'messenger' && auth.accountIds.has(parentComment.accountId)) {
    const author = businessAuthor(ctx, parentComment.accountId);
    comment = {
      id: newCommentId(ctx, { platform: 'messenger', objectId: parentComment.objectId }),
      platform: 'messenger',
      accountId: parentComment.accountId,
      objectId: parentComment.objectId,
      parentId: parentComment.parentId ?? parentComment.id,
      fromId: author.id,
      fromName: author.name,
      text,
      createdAt: Date.now(),
      hidden: false,
      deleted: false,
      likeCount: 0,
      mentions: [],
    };
  } else {
    throw Errors.unsupportedGet(objectId, 'post');
  }
  s.comments.set(comment.id, comment);
  publish(ctx, comment, 'add');
  return { id: comment.id };
}

/** `POST /{comment-id}?hide=true|false` (IG) or `?is_hidden=true|false` (FB). */
export function updateComment(ctx: SimContext, auth: AuthContext, commentId: string, params: Record<string, unknown>): Record<string, unknown> {
  const c = ownComment(ctx, auth, commentId, 'post');
  const flag = str(c.platform === 'instagram' ? params['hide'] : (params['is_hidden'] ?? params['hide']));
  const message = str(params['message']);
  if (flag === undefined && message === undefined)
    throw Errors.param(c.platform === 'instagram' ? 'param hide must be non-empty.' : 'param is_hidden or message must be non-empty.');
  if (flag !== undefined) {
    if (c.fromId === c.accountId) throw Errors.param('Cannot hide a comment made by the owner of the media', c.platform === 'instagram' ? 2534015 : undefined);
    const hidden = flag === 'true' || flag === '1';
    c.hidden = hidden;
    publish(ctx, c, hidden ? 'hide' : 'unhide');
  }
  if (message !== undefined) {
    if (c.fromId !== c.accountId) throw Errors.permission('Only the author can edit a comment');
    c.text = message;
    publish(ctx, c, 'edited');
  }
  return { success: true };
}

export function deleteComment(ctx: SimContext, auth: AuthContext, commentId: string): Record<string, unknown> {
  const c = ownComment(ctx, auth, commentId, 'delete');
  c.deleted = true;
  c.deletedBy = 'business';
  for (const r of ctx.store.comments.values()) {
    if (r.parentId === c.id && !r.deleted) {
      r.deleted = true;
      r.deletedBy = 'business';
    }
  }
  publish(ctx, c, 'remove');
  return { success: true };
}
