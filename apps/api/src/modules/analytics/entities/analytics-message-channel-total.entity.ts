import { MessagePlatform } from '@ticklegram/domain-models';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * `analytics_message_totals` added up across assignees, per 15-minute UTC bucket and channel: the per-bucket
 * sums of a range without an agent filter (volume, heatmap, summary) read one or two rows per bucket here
 * instead of one per assignee. Kept by the same diffs, rebuildable.
 */
@Entity({ name: 'analytics_message_channel_totals' })
export class AnalyticsMessageChannelTotalEntity {
  @PrimaryColumn({ name: 'bucket_at', type: 'datetime', precision: 3 })
  bucketAt!: Date;

  @PrimaryColumn({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ type: 'simple-enum', enum: MessagePlatform })
  platform!: MessagePlatform;

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
