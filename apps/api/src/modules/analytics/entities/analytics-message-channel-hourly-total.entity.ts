import { MessagePlatform } from '@ticklegram/domain-models';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { MessageCountColumns } from './message-count-columns';

/**
 * `analytics_message_channel_totals` added up per UTC hour: the hourly sums of a range without an agent or label
 * filter read these (a quarter of the rows) whenever the time zone's offset is whole hours over the range, so
 * that every 15-minute bucket of a UTC hour falls in one local hour. Kept by the same diffs, rebuildable.
 */
@Entity({ name: 'analytics_message_channel_hourly_totals' })
export class AnalyticsMessageChannelHourlyTotalEntity extends MessageCountColumns {
  @PrimaryColumn({ name: 'hour_at', type: 'datetime', precision: 3 })
  hourAt!: Date;

  @PrimaryColumn({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ type: 'simple-enum', enum: MessagePlatform })
  platform!: MessagePlatform;
}
