import { ChannelStatus, ChannelSubscriptionState } from '@ticklegram/domain-models';
import { BeforeInsert, Column } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';
import { TimestampedEntity } from '../../../database/base.entity';
import type { ChannelIdentity, ChannelRestriction } from '../channel-identity';

/** The last Graph error seen for a channel (no tokens, no raw Graph text). */
export interface StoredGraphError {
  code: number | null;
  subcode: number | null;
  kind: string;
  message: string;
}

/**
 * Columns every channel table shares: token (encrypted), status and health. Not an entity itself; the
 * platform modules' `instagram_accounts` and `facebook_pages` extend it and say who they are in
 * {@link identity}.
 */
export abstract class ChannelBaseEntity extends TimestampedEntity {
  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ name: 'picture_url', type: 'varchar', length: 1024, nullable: true })
  pictureUrl!: string | null;

  /** AES-256-GCM ciphertext (see TokenCipher); null once disconnected. Never selected by default. */
  @Column({ name: 'access_token_enc', type: 'varchar', length: 2048, nullable: true, select: false })
  accessTokenEnc!: string | null;

  @TimestampColumn({ name: 'token_expires_at', nullable: true })
  tokenExpiresAt!: Date | null;

  @TimestampColumn({ name: 'token_issued_at', nullable: true })
  tokenIssuedAt!: Date | null;

  @TimestampColumn({ name: 'token_checked_at', nullable: true })
  tokenCheckedAt!: Date | null;

  @Column({ type: 'json' })
  scopes!: string[];

  @Column({ type: 'simple-enum', enum: ChannelStatus })
  status!: ChannelStatus;

  @Column({ name: 'status_reason', type: 'varchar', length: 500, nullable: true })
  statusReason!: string | null;

  @Column({ name: 'human_agent_enabled', type: 'boolean', default: true })
  humanAgentEnabled!: boolean;

  @TimestampColumn({ name: 'last_webhook_at', nullable: true })
  lastWebhookAt!: Date | null;

  @TimestampColumn({ name: 'last_graph_error_at', nullable: true })
  lastGraphErrorAt!: Date | null;

  @Column({ name: 'last_graph_error', type: 'json', nullable: true })
  lastGraphError!: StoredGraphError | null;

  @Column({ name: 'subscription_state', type: 'simple-enum', enum: ['subscribed', 'missing', 'unknown'] })
  subscriptionState!: ChannelSubscriptionState;

  @Column({ name: 'subscribed_fields', type: 'json' })
  subscribedFields!: string[];

  @TimestampColumn({ name: 'subscription_checked_at', nullable: true })
  subscriptionCheckedAt!: Date | null;

  @Column({ name: 'connected_by_id', type: 'varchar', length: 36, nullable: true })
  connectedById!: string | null;

  @TimestampColumn({ name: 'connected_at' })
  connectedAt!: Date;

  abstract identity(): ChannelIdentity;

  /** Meta's policy enforcement on this channel (Facebook Pages); none by default. */
  restriction(): ChannelRestriction | null {
    return null;
  }

  /** This app's Handover Protocol roles on the channel (Facebook Pages); none by default. */
  handoverRoles(): string[] {
    return [];
  }

  @BeforeInsert()
  protected stampConnectedAt(): void {
    this.connectedAt ??= new Date();
  }
}
