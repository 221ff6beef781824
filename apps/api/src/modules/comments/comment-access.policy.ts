import { SelectQueryBuilder } from 'typeorm';
import { Caller, ConversationAccessPolicy } from '../inbox/conversation-access.policy';
import type { CommentEntity } from './entities/comment.entity';

export type { Caller };

/**
 * Who may see a comment: the inbox's rule applied to the comment's assignee — admins all of them,
 * agents those assigned to them and unassigned ones.
 */
export const CommentAccessPolicy = {
  canSee(caller: Caller, comment: Pick<CommentEntity, 'assigneeId'>): boolean {
    return ConversationAccessPolicy.canSee(caller, comment);
  },

  /** Adds the scope to a query over comments aliased `alias`. */
  applyTo(qb: SelectQueryBuilder<CommentEntity>, caller: Caller, alias = 'comment'): SelectQueryBuilder<CommentEntity> {
    ConversationAccessPolicy.applyTo(qb, caller, alias);
    return qb;
  },
} as const;
