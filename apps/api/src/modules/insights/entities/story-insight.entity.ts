import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';

/** Instagram `story_insights` webhook: a story's final metrics (−1 means fewer than 5). */
@Entity({ name: 'story_insights' })
@Unique('uq_story_insights_channel_media', ['channelId', 'mediaId'])
export class StoryInsightEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ name: 'media_id', type: 'varchar', length: 64 })
  mediaId!: string;

  @Column({ type: 'json' })
  metrics!: Record<string, number>;

  @TimestampColumn({ name: 'received_at' })
  receivedAt!: Date;
}
