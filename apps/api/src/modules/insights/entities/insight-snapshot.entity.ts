import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';

/**
 * One account metric for one day, as Meta reported it. Kept for good, so charts outlive Meta's
 * retention window; a later sync of the same day replaces the value (Meta fills days in up to 48 h late).
 */
@Entity({ name: 'insight_snapshots' })
@Unique('uq_insight_snapshots_channel_metric_day', ['channelId', 'metric', 'day'])
export class InsightSnapshotEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ type: 'varchar', length: 48 })
  metric!: string;

  /** `YYYY-MM-DD` (UTC): sorts and compares as text on every database. */
  @Column({ type: 'varchar', length: 10 })
  day!: string;

  @Column({ type: 'int' })
  value!: number;

  @TimestampColumn({ name: 'fetched_at' })
  fetchedAt!: Date;
}
