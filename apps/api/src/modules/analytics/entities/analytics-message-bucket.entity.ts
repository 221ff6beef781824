import { MessagePlatform } from '@ticklegram/domain-models';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A conversation's messages in one 15-minute UTC bucket: counts only, recomputed from `messages`. */
@Entity({ name: 'analytics_message_buckets' })
// covering: a range of buckets is summed from the index alone
@Index('idx_analytics_buckets_bucket', [
  'bucketAt',
  'channelId',
  'assigneeId',
  'platform',
  'messagesIn',
  'messagesOut',
  'repliesWindow',
  'repliesHumanAgent',
  'repliesTemplate',
  'repliesOther',
])
@Index('idx_analytics_buckets_channel_bucket', ['channelId', 'bucketAt'])
@Index('idx_analytics_buckets_assignee_bucket', ['assigneeId', 'bucketAt'])
export class AnalyticsMessageBucketEntity {
  @PrimaryColumn({ name: 'conversation_id', type: 'varchar', length: 36 })
  conversationId!: string;

  @PrimaryColumn({ name: 'bucket_at', type: 'datetime', precision: 3 })
  bucketAt!: Date;

  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ type: 'simple-enum', enum: MessagePlatform })
  platform!: MessagePlatform;

  @Column({ name: 'assignee_id', type: 'varchar', length: 36, nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'messages_in', type: 'int', default: 0 })
  messagesIn!: number;

  @Column({ name: 'messages_out', type: 'int', default: 0 })
  messagesOut!: number;

  @Column({ name: 'replies_window', type: 'int', default: 0 })
  repliesWindow!: number;

  @Column({ name: 'replies_human_agent', type: 'int', default: 0 })
  repliesHumanAgent!: number;

  @Column({ name: 'replies_template', type: 'int', default: 0 })
  repliesTemplate!: number;

  @Column({ name: 'replies_other', type: 'int', default: 0 })
  repliesOther!: number;
}
