import { CommentActionStatus, CommentActionType } from '@ticklegram/domain-models';
import { Column, Entity, Index } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';
import { TimestampedEntity } from '../../../database/base.entity';

export const COMMENT_ACTION_TYPES: CommentActionType[] = ['public_reply', 'private_reply', 'hide', 'unhide', 'delete', 'assign', 'done', 'reopen', 'label'];
export const COMMENT_ACTION_STATUSES: CommentActionStatus[] = ['queued', 'running', 'done', 'failed', 'skipped'];

export interface CommentActionPayload {
  text?: string;
  assigneeId?: string | null;
  labelId?: string;
}

/**
 * Everything done to a comment, by an agent or a rule: the thread's activity, a rule's log, and the
 * queue of Graph actions rules (or Meta's hourly private-reply limit) deferred — `queued` rows are
 * claimed by `CommentActionWorker` (compare-and-set to `running` with a lease).
 */
@Entity({ name: 'comment_actions' })
@Index('idx_comment_actions_comment', ['commentId', 'createdAt'])
@Index('idx_comment_actions_rule', ['ruleId', 'createdAt'])
@Index('idx_comment_actions_due', ['status', 'nextAttemptAt'])
@Index('idx_comment_actions_budget', ['channelId', 'action', 'status', 'finishedAt'])
export class CommentActionEntity extends TimestampedEntity {
  @Column({ name: 'comment_id', type: 'varchar', length: 36 })
  commentId!: string;

  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ type: 'simple-enum', enum: COMMENT_ACTION_TYPES })
  action!: CommentActionType;

  @Column({ type: 'simple-enum', enum: COMMENT_ACTION_STATUSES })
  status!: CommentActionStatus;

  @Column({ name: 'actor_user_id', type: 'varchar', length: 36, nullable: true })
  actorUserId!: string | null;

  @Column({ name: 'rule_id', type: 'varchar', length: 36, nullable: true })
  ruleId!: string | null;

  @Column({ type: 'json', nullable: true })
  payload!: CommentActionPayload | null;

  /** What Meta returned: the reply's comment id, the private reply's mid. */
  @Column({ name: 'result_external_id', type: 'varchar', length: 191, nullable: true })
  resultExternalId!: string | null;

  @Column({ name: 'error_code', type: 'varchar', length: 40, nullable: true })
  errorCode!: string | null;

  @Column({ name: 'error_message', type: 'varchar', length: 500, nullable: true })
  errorMessage!: string | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @TimestampColumn({ name: 'next_attempt_at', nullable: true })
  nextAttemptAt!: Date | null;

  @TimestampColumn({ name: 'lease_until', nullable: true })
  leaseUntil!: Date | null;

  @TimestampColumn({ name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}
