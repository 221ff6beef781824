import { MessagePlatform, StoredCommentStatus } from '@ticklegram/domain-models';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { COMMENT_KINDS, CommentKind, STORED_COMMENT_STATUSES } from './comment.entity';

/**
 * `comment_counts` without the post: comments per (channel, kind, reply, ad, assignee, status), kept by
 * `CommentCounters` in the same transaction as every comment write. The desk's counts without a post
 * filter sum these few hundred rows instead of the tens of thousands of per-post rows. Each key is split
 * over `slot`s (on MySQL/MariaDB the writer's connection id modulo {@link COMMENT_COUNT_SLOTS}, on SQLite
 * 0) so that concurrent transactions of one channel increment different rows instead of queuing on (or
 * deadlocking over) one hot row; a key's count is the sum of its slots — one slot alone may be negative.
 */
@Entity({ name: 'comment_channel_counts' })
export class CommentChannelCountEntity {
  @PrimaryColumn({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

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

  @PrimaryColumn({ type: 'int' })
  slot!: number;

  @Column({ type: 'simple-enum', enum: MessagePlatform })
  platform!: MessagePlatform;

  @Column({ type: 'int', default: 0 })
  n!: number;
}

/** Rows per key of `comment_channel_counts` at most (concurrent writers spread over them). */
export const COMMENT_COUNT_SLOTS = 16;
