import { MessagePlatform } from '@ticklegram/domain-models';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * `analytics_message_totals` added up per UTC day: the per-channel and per-agent sums of a range read these
 * for the whole UTC days inside it and the 15-minute totals only for the edges (a 90-day range: ~90 rows
 * per channel and assignee instead of ~8,600). Kept by the same diffs, rebuildable.
 */
@Entity({ name: 'analytics_message_daily_totals' })
export class AnalyticsMessageDailyTotalEntity {
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
