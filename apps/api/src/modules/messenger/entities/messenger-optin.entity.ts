import { Column, Entity, Index, Unique } from 'typeorm';
import { TimestampedEntity } from '../../../database/base.entity';
import { TimestampColumn } from '../../../database/timestamp.column';

export type MessengerOptinStatus = 'active' | 'stopped';

/**
 * A customer's Messenger opt-in (`messaging_optins`), one per (Page, PSID, kind, topic): marketing
 * "notification messages" with their token (encrypted, never returned), or a plugin / Send-to-Messenger
 * opt-in with its `ref`. Stopping and resuming keep the row.
 */
@Entity({ name: 'messenger_optins' })
@Unique('uq_messenger_optins_channel_psid_topic', ['channelId', 'psid', 'kind', 'topic'])
@Index('idx_messenger_optins_channel_status', ['channelId', 'status'])
export class MessengerOptinEntity extends TimestampedEntity {
  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ type: 'varchar', length: 64 })
  psid!: string;

  /** Meta's `optin.type` (`notification_messages`, …) or `send_to_messenger` for a plain `optin{ref}`. */
  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  /** What the customer subscribed to: the title, else the payload or ref ('' when Meta named none). */
  @Column({ type: 'varchar', length: 150 })
  topic!: string;

  @Column({ type: 'simple-enum', enum: ['active', 'stopped'] })
  status!: MessengerOptinStatus;

  @Column({ type: 'varchar', length: 255, nullable: true })
  title!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  payload!: string | null;

  /** `notification_messages_token`, AES-256-GCM (TokenCipher); never selected by default. */
  @Column({ name: 'token_enc', type: 'varchar', length: 2048, nullable: true, select: false })
  tokenEnc!: string | null;

  @TimestampColumn({ name: 'token_expires_at', nullable: true })
  tokenExpiresAt!: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  timezone!: string | null;

  @TimestampColumn({ name: 'opted_in_at' })
  optedInAt!: Date;

  /** Time of the last opt-in event applied; older events do not overwrite the row. */
  @TimestampColumn({ name: 'last_event_at' })
  lastEventAt!: Date;
}
