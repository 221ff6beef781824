import { CommentActionDto, CommentBackfillDto, CommentDto, CommentPostDto } from '@ticklegram/domain-models';
import { CommentActionEntity } from './entities/comment-action.entity';
import { CommentBackfillEntity } from './entities/comment-backfill.entity';
import { CommentPostEntity } from './entities/comment-post.entity';
import { CommentEntity } from './entities/comment.entity';

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

export function toCommentDto(c: CommentEntity): CommentDto {
  return {
    id: c.id,
    channelId: c.channelId,
    platform: c.platform,
    kind: c.kind,
    isReply: c.isReply,
    externalId: c.externalId,
    parentExternalId: c.parentExternalId,
    postExternalId: c.objectExternalId,
    mediaProductType: c.mediaProductType,
    source: c.isAd ? 'ad' : 'organic',
    adId: c.adId,
    adTitle: c.adTitle,
    author: { externalId: c.authorExternalId, name: c.authorName, username: c.authorUsername },
    isFromBusiness: c.isFromBusiness,
    // a removed comment's text is not shown again
    text: c.removedAt ? null : c.text,
    status: c.status,
    isHidden: c.isHidden,
    removed: c.removedAt !== null,
    removedBy: c.removedAt ? c.removedBy : null,
    editedAt: iso(c.editedAt),
    commentedAt: c.commentedAt.toISOString(),
    permalinkUrl: c.permalinkUrl,
    assigneeId: c.assigneeId,
    labelIds: c.labelIds ?? [],
    repliedAt: iso(c.repliedAt),
    privateReply: c.privateRepliedAt ? { sentAt: c.privateRepliedAt.toISOString(), mid: c.privateReplyMid, recipientId: c.privateReplyRecipientId } : null,
    privateReplyQueued: c.privateReplyQueued,
    doneAt: iso(c.doneAt),
  };
}

export function toCommentPostDto(p: CommentPostEntity, counts: { total: number; needsReply: number } = { total: 0, needsReply: 0 }): CommentPostDto {
  return {
    id: p.id,
    channelId: p.channelId,
    platform: p.platform,
    externalId: p.externalId,
    productType: p.productType,
    isAd: p.isAd,
    adTitle: p.adTitle,
    caption: p.caption,
    permalinkUrl: p.permalinkUrl,
    thumbnailUrl: p.thumbnailUrl,
    postedAt: iso(p.postedAt),
    commentCount: counts.total,
    needsReplyCount: counts.needsReply,
    lastCommentAt: iso(p.lastCommentAt),
    liveEnded: p.productType === 'LIVE' && p.liveEndedAt !== null,
  };
}

/** `names`: display names of the users and rules the actions name. */
export function toCommentActionDto(a: CommentActionEntity, names: ReadonlyMap<string, string>): CommentActionDto {
  const actor: CommentActionDto['actor'] = a.ruleId
    ? { type: 'rule', id: a.ruleId, name: names.get(a.ruleId) ?? null }
    : a.actorUserId
      ? { type: 'user', id: a.actorUserId, name: names.get(a.actorUserId) ?? null }
      : { type: 'system' };
  const payload = a.payload ?? {};
  const detail =
    payload.text ??
    (payload.assigneeId !== undefined
      ? payload.assigneeId
        ? (names.get(payload.assigneeId) ?? payload.assigneeId)
        : 'nobody'
      : payload.labelId
        ? (names.get(payload.labelId) ?? payload.labelId)
        : null);
  return {
    id: a.id,
    commentId: a.commentId,
    action: a.action,
    status: a.status,
    actor,
    detail,
    reason: a.errorMessage,
    createdAt: a.createdAt.toISOString(),
    finishedAt: iso(a.finishedAt),
    nextAttemptAt: a.status === 'queued' ? iso(a.nextAttemptAt) : null,
  };
}

export function toBackfillDto(b: CommentBackfillEntity): CommentBackfillDto {
  return {
    id: b.id,
    channelId: b.channelId,
    trigger: b.trigger,
    status: b.status,
    postsDone: b.postsDone,
    commentsSeen: b.commentsSeen,
    commentsAdded: b.commentsAdded,
    error: b.error,
    startedAt: b.startedAt.toISOString(),
    finishedAt: iso(b.finishedAt),
  };
}
