import {
  AttributionDto,
  CONVERSATION_PRIORITIES,
  CONVERSATION_STATUSES,
  ConversationPriority,
  ConversationStatus,
  InboxMessageDirection,
  MessagePlatform,
  THREAD_OWNERS,
  ThreadOwner,
} from '@ticklegram/domain-models';
import { Column, Entity, Index, Unique } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';
import { TimestampedEntity } from '../../../database/base.entity';

/** One DM thread per (channel, customer). */
@Entity({ name: 'conversations' })
@Unique('uq_conversations_channel_customer', ['channelId', 'customerExternalId'])
@Index('idx_conversations_last_message_scope', ['lastMessageAt', 'id', 'assigneeId', 'contactId'])
@Index('idx_conversations_contact', ['contactId'])
@Index('idx_conversations_status_last', ['status', 'lastMessageAt', 'id'])
@Index('idx_conversations_assignee_last', ['assigneeId', 'lastMessageAt', 'id'])
@Index('idx_conversations_channel_last', ['channelId', 'lastMessageAt', 'id'])
@Index('idx_conversations_platform_last', ['platform', 'lastMessageAt', 'id'])
@Index('idx_conversations_platform_customer', ['platform', 'customerExternalId'])
@Index('idx_conversations_counts', ['assigneeId', 'status', 'platform', 'unreadCount', 'lastMessageAt'])
@Index('idx_conversations_waiting', ['lastMessageDirection', 'lastCustomerMessageAt', 'id'])
@Index('idx_conversations_status_assignee', ['status', 'assigneeId'])
export class ConversationEntity extends TimestampedEntity {
  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ type: 'simple-enum', enum: MessagePlatform })
  platform!: MessagePlatform;

  @Column({ name: 'contact_id', type: 'varchar', length: 36 })
  contactId!: string;

  @Column({ name: 'customer_external_id', type: 'varchar', length: 64 })
  customerExternalId!: string;

  @Column({ type: 'simple-enum', enum: CONVERSATION_STATUSES as ConversationStatus[], default: 'open' })
  status!: ConversationStatus;

  @Column({ type: 'simple-enum', enum: CONVERSATION_PRIORITIES as readonly string[] as ConversationPriority[], default: 'none' })
  priority!: ConversationPriority;

  @Column({ name: 'assignee_id', type: 'varchar', length: 36, nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'unread_count', type: 'int', default: 0 })
  unreadCount!: number;

  @TimestampColumn({ name: 'last_message_at', nullable: true })
  lastMessageAt!: Date | null;

  @Column({ name: 'last_message_preview', type: 'varchar', length: 255, nullable: true })
  lastMessagePreview!: string | null;

  @Column({ name: 'last_message_direction', type: 'varchar', length: 8, nullable: true })
  lastMessageDirection!: InboxMessageDirection | null;

  /** The customer's last message or other qualifying action (postback, reaction, link/ad referral). */
  @TimestampColumn({ name: 'last_customer_message_at', nullable: true })
  lastCustomerMessageAt!: Date | null;

  /** Customer's read watermark: outbound messages sent at or before it are read (also those that land later). */
  @TimestampColumn({ name: 'customer_read_at', nullable: true })
  customerReadAt!: Date | null;

  /** Customer's delivery watermark. */
  @TimestampColumn({ name: 'customer_delivered_at', nullable: true })
  customerDeliveredAt!: Date | null;

  /** First attribution (ad / link / Shops); later referrals do not overwrite it. */
  @Column({ type: 'json', nullable: true })
  referral!: AttributionDto | null;

  /**
   * Who receives the customer's messages: this app, or another app on the Page (Handover Protocol on
   * Messenger, Conversation Routing on Instagram). Another app's thread reaches us on `standby`.
   */
  @Column({ name: 'thread_owner', type: 'simple-enum', enum: THREAD_OWNERS, default: 'this_app' })
  threadOwner!: ThreadOwner;

  /** The owning app when Meta named it (handover events); null when only standby told us. */
  @Column({ name: 'thread_owner_app_id', type: 'varchar', length: 32, nullable: true })
  threadOwnerAppId!: string | null;

  /** Time of the event that set the owner; older events do not overwrite it. */
  @TimestampColumn({ name: 'thread_owner_at', nullable: true })
  threadOwnerAt!: Date | null;
}
