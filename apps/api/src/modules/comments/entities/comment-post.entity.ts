import { MessagePlatform } from '@ticklegram/domain-models';
import { Column, Entity, Index, Unique } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';
import { TimestampedEntity } from '../../../database/base.entity';

/**
 * A post or media comments were written on (Instagram media — feed, reels, stories, Live, ads — and
 * Facebook posts, dark ad posts, visitor posts, mentions). Created by the first comment webhook or by a
 * backfill, filled in from Graph afterwards; `last_comment_at` orders the desk's post list.
 */
@Entity({ name: 'comment_posts' })
@Unique('uq_comment_posts_channel_external', ['channelId', 'externalId'])
@Index('idx_comment_posts_last_comment', ['lastCommentAt', 'id'])
@Index('idx_comment_posts_channel_last_comment', ['channelId', 'lastCommentAt', 'id'])
export class CommentPostEntity extends TimestampedEntity {
  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ type: 'simple-enum', enum: MessagePlatform })
  platform!: MessagePlatform;

  @Column({ name: 'external_id', type: 'varchar', length: 191 })
  externalId!: string;

  /** Instagram `media_product_type` (FEED, REELS, STORY, AD, LIVE) or POST / VISITOR_POST / MENTION on Facebook. */
  @Column({ name: 'product_type', type: 'varchar', length: 32, nullable: true })
  productType!: string | null;

  @Column({ name: 'is_ad', type: 'boolean', default: false })
  isAd!: boolean;

  @Column({ name: 'ad_id', type: 'varchar', length: 64, nullable: true })
  adId!: string | null;

  @Column({ name: 'ad_title', type: 'varchar', length: 255, nullable: true })
  adTitle!: string | null;

  @Column({ type: 'text', nullable: true })
  caption!: string | null;

  @Column({ name: 'permalink_url', type: 'varchar', length: 1024, nullable: true })
  permalinkUrl!: string | null;

  @Column({ name: 'thumbnail_url', type: 'varchar', length: 2048, nullable: true })
  thumbnailUrl!: string | null;

  @TimestampColumn({ name: 'posted_at', nullable: true })
  postedAt!: Date | null;

  @TimestampColumn({ name: 'last_comment_at', nullable: true })
  lastCommentAt!: Date | null;

  /** Instagram Live: when we learned the broadcast was over (no longer in `/live_media`). */
  @TimestampColumn({ name: 'live_ended_at', nullable: true })
  liveEndedAt!: Date | null;

  /** Last time Graph details were read (null: only known from a webhook so far). */
  @TimestampColumn({ name: 'fetched_at', nullable: true })
  fetchedAt!: Date | null;
}
