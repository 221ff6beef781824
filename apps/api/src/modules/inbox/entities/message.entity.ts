import {
  AttributionDto,
  InboxMessageDirection,
  InboxMessageKind,
  InboxMessageSource,
  InboxMessageStatus,
  MessageEditDto,
  MessagePlatform,
  MessageReactionDto,
  NormalizedAttachment,
} from '@ticklegram/domain-models';
import { Column, Entity, Index, Unique } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';
import { TimestampedEntity } from '../../../database/base.entity';

export const MESSAGE_DIRECTIONS: InboxMessageDirection[] = ['inbound', 'outbound'];
export const MESSAGE_STATUSES: InboxMessageStatus[] = ['received', 'pending', 'sent', 'delivered', 'read', 'failed', 'unknown'];
export const MESSAGE_SOURCES: InboxMessageSource[] = ['customer', 'agent', 'native_app', 'automation'];
export const MESSAGE_KINDS: InboxMessageKind[] = ['message', 'postback', 'story_mention'];

/** A stored attachment: Meta's normalised attachment plus where our copy lives. */
export interface StoredAttachment extends NormalizedAttachment {
  /** File name under DATA_DIR/media once downloaded. */
  storedFile?: string;
  contentType?: string;
  /** Story mention whose link stopped working. */
  expired?: boolean;
}

/**
 * One message of any platform. `mid` is unique per channel (Meta's id; the echo of our own send and
 * every retry carry the same one); outbound messages stored before the Send API answers have no mid
 * yet and are found by `client_key`.
 */
@Entity({ name: 'messages' })
@Unique('uq_messages_channel_mid', ['channelId', 'mid'])
@Unique('uq_messages_conversation_client_key', ['conversationId', 'clientKey'])
@Index('idx_messages_conversation_sent', ['conversationId', 'sentAt'])
export class MessageEntity extends TimestampedEntity {
  @Column({ name: 'conversation_id', type: 'varchar', length: 36 })
  conversationId!: string;

  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ type: 'simple-enum', enum: MessagePlatform })
  platform!: MessagePlatform;

  @Column({ type: 'varchar', length: 191, nullable: true })
  mid!: string | null;

  @Column({ type: 'simple-enum', enum: MESSAGE_DIRECTIONS })
  direction!: InboxMessageDirection;

  @Column({ type: 'simple-enum', enum: MESSAGE_STATUSES })
  status!: InboxMessageStatus;

  @Column({ type: 'simple-enum', enum: MESSAGE_SOURCES })
  source!: InboxMessageSource;

  @Column({ type: 'simple-enum', enum: MESSAGE_KINDS, default: 'message' })
  kind!: InboxMessageKind;

  /** The agent who sent it (outbound from TickleGram). */
  @Column({ name: 'sender_user_id', type: 'varchar', length: 36, nullable: true })
  senderUserId!: string | null;

  /** Client idempotency key of an outbound send. */
  @Column({ name: 'client_key', type: 'varchar', length: 64, nullable: true })
  clientKey!: string | null;

  @Column({ type: 'text', nullable: true })
  text!: string | null;

  @Column({ type: 'json', nullable: true })
  attachments!: StoredAttachment[] | null;

  @Column({ name: 'reply_to_mid', type: 'varchar', length: 191, nullable: true })
  replyToMid!: string | null;

  @Column({ name: 'reply_to_story', type: 'json', nullable: true })
  replyToStory!: { id: string | null; url: string | null } | null;

  @Column({ name: 'quick_reply_payload', type: 'varchar', length: 1000, nullable: true })
  quickReplyPayload!: string | null;

  @Column({ name: 'postback_payload', type: 'varchar', length: 1000, nullable: true })
  postbackPayload!: string | null;

  @Column({ type: 'json', nullable: true })
  referral!: AttributionDto | null;

  /** Send-API `metadata` echoed back. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  metadata!: string | null;

  @Column({ type: 'json', nullable: true })
  reactions!: MessageReactionDto[] | null;

  /** Previous texts, oldest first (the current text is `text`). */
  @Column({ name: 'edit_history', type: 'json', nullable: true })
  editHistory!: MessageEditDto[] | null;

  @Column({ name: 'edit_count', type: 'int', default: 0 })
  editCount!: number;

  @TimestampColumn({ name: 'edited_at', nullable: true })
  editedAt!: Date | null;

  @TimestampColumn({ name: 'unsent_at', nullable: true })
  unsentAt!: Date | null;

  @Column({ type: 'boolean', default: false })
  unsupported!: boolean;

  @Column({ name: 'error_code', type: 'varchar', length: 40, nullable: true })
  errorCode!: string | null;

  @Column({ name: 'error_message', type: 'varchar', length: 500, nullable: true })
  errorMessage!: string | null;

  /** When the message was sent (Meta's timestamp for webhooks). */
  @TimestampColumn({ name: 'sent_at' })
  sentAt!: Date;

  @TimestampColumn({ name: 'delivered_at', nullable: true })
  deliveredAt!: Date | null;

  @TimestampColumn({ name: 'read_at', nullable: true })
  readAt!: Date | null;
}
