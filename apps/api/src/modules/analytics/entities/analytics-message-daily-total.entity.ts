import { MessagePlatform } from '@ticklegram/domain-models';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { MessageCountColumns } from './message-count-columns';

/**
 * `analytics_message_totals` added up per UTC day: the per-channel and per-agent sums of a range read these
 * for the whole UTC days inside it and the 15-minute totals only for the edges (a 90-day range: ~90 rows
 * per channel and assignee instead of ~8,600). Kept by the same diffs, rebuildable.
 */
@Entity({ name: 'analytics_message_daily_totals' })
// the per-(channel, assignee) sums of a long range: the index walked in pair order, no temporary table (covering)
@Index('idx_analytics_message_daily_totals_pair', [
  'channelId',
  'assigneeKey',
  'dayAt',
  'platform',
  'messagesIn',
  'messagesOut',
  'repliesWindow',
  'repliesHumanAgent',
  'repliesTemplate',
  'repliesOther',
])
export class AnalyticsMessageDailyTotalEntity extends MessageCountColumns {
  /** UTC midnight. */
  @PrimaryColumn({ name: 'day_at', type: 'datetime', precision: 3 })
  dayAt!: Date;

  @PrimaryColumn({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  /** The assignee's id, or `UNASSIGNED_KEY`. */
  @PrimaryColumn({ name: 'assignee_key', type: 'varchar', length: 36 })
  assigneeKey!: string;

  @Column({ type: 'simple-enum', enum: MessagePlatform })
  platform!: MessagePlatform;
}
