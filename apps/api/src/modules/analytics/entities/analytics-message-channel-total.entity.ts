import { MessagePlatform } from '@ticklegram/domain-models';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { MessageCountColumns } from './message-count-columns';

/**
 * `analytics_message_totals` added up across assignees, per 15-minute UTC bucket and channel: the per-bucket
 * sums of a range without an agent filter (volume, heatmap, summary) read one or two rows per bucket here
 * instead of one per assignee. Kept by the same diffs, rebuildable.
 */
@Entity({ name: 'analytics_message_channel_totals' })
export class AnalyticsMessageChannelTotalEntity extends MessageCountColumns {
  @PrimaryColumn({ name: 'bucket_at', type: 'datetime', precision: 3 })
  bucketAt!: Date;

  @PrimaryColumn({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ type: 'simple-enum', enum: MessagePlatform })
  platform!: MessagePlatform;
}
