import { CommentBackfillStatus } from '@ticklegram/domain-models';
import { Column, Entity, Index } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';
import { TimestampedEntity } from '../../../database/base.entity';

/** One run of fetching a channel's recent posts and comments from Graph, with its progress. */
@Entity({ name: 'comment_backfills' })
@Index('idx_comment_backfills_channel', ['channelId', 'startedAt'])
export class CommentBackfillEntity extends TimestampedEntity {
  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ type: 'simple-enum', enum: ['connect', 'manual'] })
  trigger!: 'connect' | 'manual';

  @Column({ type: 'simple-enum', enum: ['running', 'done', 'failed'] })
  status!: CommentBackfillStatus;

  @Column({ name: 'requested_by', type: 'varchar', length: 36, nullable: true })
  requestedBy!: string | null;

  @Column({ name: 'posts_done', type: 'int', default: 0 })
  postsDone!: number;

  @Column({ name: 'comments_seen', type: 'int', default: 0 })
  commentsSeen!: number;

  @Column({ name: 'comments_added', type: 'int', default: 0 })
  commentsAdded!: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error!: string | null;

  @TimestampColumn({ name: 'started_at' })
  startedAt!: Date;

  @TimestampColumn({ name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}
