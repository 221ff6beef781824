import { MessagePlatform } from '@ticklegram/domain-models';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { MessageCountColumns } from './message-count-columns';

/** `assigneeKey` of unassigned conversations (a key column cannot be NULL on MySQL). */
export const UNASSIGNED_KEY = '';

/**
 * The message buckets of every conversation added up per 15-minute UTC bucket, channel and current
 * assignee: what the overview sums without a label filter (a few rows per bucket instead of one per
 * conversation). Kept equal to `SUM(analytics_message_buckets)` by the projector's diffs, rebuildable.
 * The primary key leads with the time, so a range is one walk of the clustered index on MySQL.
 */
@Entity({ name: 'analytics_message_totals' })
// an agent's own sums: their rows of the range only, read from the index alone (covering)
@Index('idx_analytics_message_totals_assignee_covering', [
  'assigneeKey',
  'bucketAt',
  'channelId',
  'platform',
  'messagesIn',
  'messagesOut',
  'repliesWindow',
  'repliesHumanAgent',
  'repliesTemplate',
  'repliesOther',
])
export class AnalyticsMessageTotalEntity extends MessageCountColumns {
  @PrimaryColumn({ name: 'bucket_at', type: 'datetime', precision: 3 })
  bucketAt!: Date;

  @PrimaryColumn({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  /** The assignee's id, or `UNASSIGNED_KEY`. */
  @PrimaryColumn({ name: 'assignee_key', type: 'varchar', length: 36 })
  assigneeKey!: string;

  @Column({ type: 'simple-enum', enum: MessagePlatform })
  platform!: MessagePlatform;
}
