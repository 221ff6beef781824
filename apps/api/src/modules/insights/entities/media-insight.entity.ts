import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';

/** A post, reel or carousel with its lifetime metrics as of the last sync (the common ones as sortable columns). */
@Entity({ name: 'media_insights' })
@Unique('uq_media_insights_channel_media', ['channelId', 'mediaId'])
@Index('idx_media_insights_channel_posted', ['channelId', 'postedAt'])
export class MediaInsightEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ name: 'media_id', type: 'varchar', length: 64 })
  mediaId!: string;

  /** Meta's `media_product_type`: FEED, REELS or AD. */
  @Column({ name: 'product_type', type: 'varchar', length: 16 })
  productType!: string;

  /** IMAGE, VIDEO or CAROUSEL_ALBUM. */
  @Column({ name: 'media_type', type: 'varchar', length: 24 })
  mediaType!: string;

  @Column({ type: 'text', nullable: true })
  caption!: string | null;

  @Column({ type: 'varchar', length: 512, nullable: true })
  permalink!: string | null;

  @Column({ name: 'thumbnail_url', type: 'text', nullable: true })
  thumbnailUrl!: string | null;

  @TimestampColumn({ name: 'posted_at' })
  postedAt!: Date;

  @Column({ type: 'int', nullable: true })
  views!: number | null;

  @Column({ type: 'int', nullable: true })
  reach!: number | null;

  @Column({ type: 'int', nullable: true })
  likes!: number | null;

  @Column({ type: 'int', nullable: true })
  comments!: number | null;

  @Column({ type: 'int', nullable: true })
  shares!: number | null;

  /** Meta's `saved`. */
  @Column({ type: 'int', nullable: true })
  saves!: number | null;

  @Column({ name: 'total_interactions', type: 'int', nullable: true })
  totalInteractions!: number | null;

  /** Other current metrics Meta returned (reels watch time …). */
  @Column({ type: 'json' })
  extra!: Record<string, number>;

  @Column({ name: 'unavailable_reason', type: 'varchar', length: 255, nullable: true })
  unavailableReason!: string | null;

  @TimestampColumn({ name: 'fetched_at' })
  fetchedAt!: Date;
}
