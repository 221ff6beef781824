import { MessagePlatform } from '@ticklegram/domain-models';
import { Column, Entity, Index, Unique } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';
import { TimestampedEntity } from '../../../database/base.entity';

export type CommentKind = 'comment' | 'live_comment' | 'mention' | 'post';
export const COMMENT_KINDS: CommentKind[] = ['comment', 'live_comment', 'mention', 'post'];

/**
 * Instagram comments / live comments / mentions and Facebook feed comments, replies, visitor posts and
 * Page mentions, for moderation. `external_id` is Meta's comment (or post, or `mention:<media>`) id.
 */
@Entity({ name: 'comments' })
@Unique('uq_comments_channel_external', ['channelId', 'externalId'])
@Index('idx_comments_channel_commented', ['channelId', 'commentedAt'])
@Index('idx_comments_object', ['objectExternalId'])
@Index('idx_comments_platform_author', ['platform', 'authorExternalId', 'commentedAt'])
export class CommentEntity extends TimestampedEntity {
  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ type: 'simple-enum', enum: MessagePlatform })
  platform!: MessagePlatform;

  @Column({ type: 'simple-enum', enum: COMMENT_KINDS })
  kind!: CommentKind;

  @Column({ name: 'external_id', type: 'varchar', length: 191 })
  externalId!: string;

  /** Parent comment id for replies, null for top-level comments. */
  @Column({ name: 'parent_external_id', type: 'varchar', length: 191, nullable: true })
  parentExternalId!: string | null;

  /** The media (IG) or post (FB) commented on. */
  @Column({ name: 'object_external_id', type: 'varchar', length: 191, nullable: true })
  objectExternalId!: string | null;

  @Column({ name: 'media_product_type', type: 'varchar', length: 32, nullable: true })
  mediaProductType!: string | null;

  @Column({ name: 'ad_id', type: 'varchar', length: 64, nullable: true })
  adId!: string | null;

  @Column({ name: 'author_external_id', type: 'varchar', length: 64, nullable: true })
  authorExternalId!: string | null;

  @Column({ name: 'author_name', type: 'varchar', length: 160, nullable: true })
  authorName!: string | null;

  @Column({ name: 'author_username', type: 'varchar', length: 64, nullable: true })
  authorUsername!: string | null;

  @Column({ name: 'is_from_business', type: 'boolean', default: false })
  isFromBusiness!: boolean;

  @Column({ type: 'text', nullable: true })
  text!: string | null;

  @Column({ name: 'is_hidden', type: 'boolean', default: false })
  isHidden!: boolean;

  @TimestampColumn({ name: 'removed_at', nullable: true })
  removedAt!: Date | null;

  @TimestampColumn({ name: 'edited_at', nullable: true })
  editedAt!: Date | null;

  @Column({ name: 'permalink_url', type: 'varchar', length: 1024, nullable: true })
  permalinkUrl!: string | null;

  @TimestampColumn({ name: 'commented_at' })
  commentedAt!: Date;

  /** Send time of the last change applied (repeatable changes such as hide/unhide apply in this order). */
  @TimestampColumn({ name: 'last_event_at', nullable: true })
  lastEventAt!: Date | null;

}
