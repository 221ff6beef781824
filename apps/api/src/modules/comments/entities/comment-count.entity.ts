import { MessagePlatform, StoredCommentStatus } from '@ticklegram/domain-models';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { COMMENT_KINDS, CommentKind, STORED_COMMENT_STATUSES } from './comment.entity';

/**
 * How many comments share each combination of the stream's equality filters and status, kept by
 * `CommentCounters` in the same transaction as every comment write: the desk's counts per status are a
 * sum over a few thousand rows instead of a scan of every comment. `''` stands for "none" (no post, no
 * assignee) so the key can be the primary key.
 */
@Entity({ name: 'comment_counts' })
// one post's counts (the post filter, the posts column) without a scan: the primary key leads with the channel
@Index('idx_comment_counts_object', ['objectExternalId', 'channelId'])
export class CommentCountEntity {
  @PrimaryColumn({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @PrimaryColumn({ name: 'object_external_id', type: 'varchar', length: 191 })
  objectExternalId!: string;

  @PrimaryColumn({ type: 'simple-enum', enum: COMMENT_KINDS })
  kind!: CommentKind;

  @PrimaryColumn({ name: 'is_reply', type: 'boolean' })
  isReply!: boolean;

  @PrimaryColumn({ name: 'is_ad', type: 'boolean' })
  isAd!: boolean;

  @PrimaryColumn({ name: 'assignee_id', type: 'varchar', length: 36 })
  assigneeId!: string;

  @PrimaryColumn({ type: 'simple-enum', enum: STORED_COMMENT_STATUSES })
  status!: StoredCommentStatus;

  @Column({ type: 'simple-enum', enum: MessagePlatform })
  platform!: MessagePlatform;

  @Column({ type: 'int', default: 0 })
  n!: number;
}
