import { MessagePlatform, StoredCommentKind, StoredCommentStatus } from '@ticklegram/domain-models';
import { Column, Entity, Index, Unique } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';
import { TimestampedEntity } from '../../../database/base.entity';

export type CommentKind = StoredCommentKind;
export const COMMENT_KINDS: CommentKind[] = ['comment', 'live_comment', 'mention', 'post'];
export const STORED_COMMENT_STATUSES: StoredCommentStatus[] = ['needs_reply', 'replied', 'done', 'hidden', 'deleted', 'own'];

/**
 * Instagram comments / live comments / mentions and Facebook feed comments, replies, visitor posts and
 * Page mentions, for moderation. `external_id` is Meta's comment (or post, or `mention:<media>`) id.
 * `status` is derived from the other columns by `commentStatusOf` on every write (lists filter by it);
 * each list filter leads an index ending in (commented_at, id), the stream's order.
 */
@Entity({ name: 'comments' })
@Unique('uq_comments_channel_external', ['channelId', 'externalId'])
@Index('idx_comments_channel_commented', ['channelId', 'commentedAt'])
@Index('idx_comments_platform_author', ['platform', 'authorExternalId', 'commentedAt'])
@Index('idx_comments_status_commented', ['status', 'commentedAt', 'id'])
@Index('idx_comments_commented', ['commentedAt', 'id'])
@Index('idx_comments_channel_status', ['channelId', 'status', 'commentedAt', 'id'])
@Index('idx_comments_object_status', ['objectExternalId', 'status', 'commentedAt', 'id'])
@Index('idx_comments_kind_status', ['kind', 'status', 'commentedAt', 'id'])
@Index('idx_comments_assignee_status', ['assigneeId', 'status', 'commentedAt', 'id'])
@Index('idx_comments_private_recipient', ['channelId', 'privateReplyRecipientId'])
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

  @Column({ name: 'is_reply', type: 'boolean', default: false })
  isReply!: boolean;

  /** The media (IG) or post (FB) commented on. */
  @Column({ name: 'object_external_id', type: 'varchar', length: 191, nullable: true })
  objectExternalId!: string | null;

  @Column({ name: 'media_product_type', type: 'varchar', length: 32, nullable: true })
  mediaProductType!: string | null;

  @Column({ name: 'ad_id', type: 'varchar', length: 64, nullable: true })
  adId!: string | null;

  @Column({ name: 'is_ad', type: 'boolean', default: false })
  isAd!: boolean;

  @Column({ name: 'ad_title', type: 'varchar', length: 255, nullable: true })
  adTitle!: string | null;

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

  /** `author` or `business`. */
  @Column({ name: 'removed_by', type: 'varchar', length: 16, nullable: true })
  removedBy!: 'author' | 'business' | null;

  @TimestampColumn({ name: 'edited_at', nullable: true })
  editedAt!: Date | null;

  @Column({ name: 'permalink_url', type: 'varchar', length: 1024, nullable: true })
  permalinkUrl!: string | null;

  @TimestampColumn({ name: 'commented_at' })
  commentedAt!: Date;

  /** Send time of the last change applied (repeatable changes such as hide/unhide apply in this order). */
  @TimestampColumn({ name: 'last_event_at', nullable: true })
  lastEventAt!: Date | null;

  @Column({ type: 'simple-enum', enum: STORED_COMMENT_STATUSES, default: 'needs_reply' })
  status!: StoredCommentStatus;

  @Column({ name: 'assignee_id', type: 'varchar', length: 36, nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'label_ids', type: 'json', nullable: true })
  labelIds!: string[] | null;

  /** Our last public reply. */
  @TimestampColumn({ name: 'replied_at', nullable: true })
  repliedAt!: Date | null;

  @TimestampColumn({ name: 'private_replied_at', nullable: true })
  privateRepliedAt!: Date | null;

  @Column({ name: 'private_reply_mid', type: 'varchar', length: 191, nullable: true })
  privateReplyMid!: string | null;

  /** The PSID / IGSID Meta answered the private reply with: the author's DM identity. */
  @Column({ name: 'private_reply_recipient_id', type: 'varchar', length: 64, nullable: true })
  privateReplyRecipientId!: string | null;

  @Column({ name: 'private_reply_queued', type: 'boolean', default: false })
  privateReplyQueued!: boolean;

  @TimestampColumn({ name: 'done_at', nullable: true })
  doneAt!: Date | null;
}
