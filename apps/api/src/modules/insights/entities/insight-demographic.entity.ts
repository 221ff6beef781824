import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';

/** Follower demographics for one breakdown (country, city, age, gender) as read on one day. */
@Entity({ name: 'insight_demographics' })
@Unique('uq_insight_demographics_channel_breakdown_day', ['channelId', 'metric', 'breakdown', 'capturedOn'])
export class InsightDemographicEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ type: 'varchar', length: 48 })
  metric!: string;

  @Column({ type: 'varchar', length: 24 })
  breakdown!: string;

  @Column({ name: 'captured_on', type: 'varchar', length: 10 })
  capturedOn!: string;

  /** Dimension value → count, as Meta returned them (top 45 at most). */
  @Column({ type: 'json' })
  counts!: Record<string, number>;

  @TimestampColumn({ name: 'fetched_at' })
  fetchedAt!: Date;
}
