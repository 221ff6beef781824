import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';

export type StoryInsightSource = 'webhook' | 'api';
export const STORY_INSIGHT_SOURCES: readonly StoryInsightSource[] = ['webhook', 'api'];

/**
 * One story's metrics: fetched while it is live (Meta keeps story insights for 24 h only) and replaced
 * by the `story_insights` webhook's final figures at expiry (−1 there means fewer than 5).
 */
@Entity({ name: 'story_insights' })
@Unique('uq_story_insights_channel_media', ['channelId', 'mediaId'])
@Index('idx_story_insights_channel_received', ['channelId', 'receivedAt'])
export class StoryInsightEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ name: 'media_id', type: 'varchar', length: 64 })
  mediaId!: string;

  @Column({ type: 'json' })
  metrics!: Record<string, number>;

  /** When the metrics were last written. */
  @TimestampColumn({ name: 'received_at' })
  receivedAt!: Date;

  @Column({ type: 'simple-enum', enum: STORY_INSIGHT_SOURCES as StoryInsightSource[], default: 'webhook' })
  source!: StoryInsightSource;

  @Column({ name: 'media_type', type: 'varchar', length: 24, nullable: true })
  mediaType!: string | null;

  @Column({ name: 'thumbnail_url', type: 'text', nullable: true })
  thumbnailUrl!: string | null;

  @Column({ type: 'varchar', length: 512, nullable: true })
  permalink!: string | null;

  @TimestampColumn({ name: 'posted_at', nullable: true })
  postedAt!: Date | null;
}
