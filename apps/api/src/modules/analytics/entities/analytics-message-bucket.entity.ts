import { MessagePlatform } from '@ticklegram/domain-models';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { MessageCountColumns } from './message-count-columns';

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
export class AnalyticsMessageBucketEntity extends MessageCountColumns {
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
}
