import { ContactCommentDto } from '@ticklegram/domain-models';
import { CommentEntity } from './entities/comment.entity';

export function toCommentDto(comment: CommentEntity): ContactCommentDto {
  return {
    id: comment.id,
    channelId: comment.channelId,
    platform: comment.platform,
    kind: comment.kind,
    // a removed comment's text is not shown again
    text: comment.removedAt ? null : comment.text,
    permalinkUrl: comment.permalinkUrl,
    objectExternalId: comment.objectExternalId,
    commentedAt: comment.commentedAt.toISOString(),
    isHidden: comment.isHidden,
    removed: comment.removedAt !== null,
  };
}
