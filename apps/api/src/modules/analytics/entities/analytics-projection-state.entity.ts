import { MessagePlatform } from '@ticklegram/domain-models';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';
import type { MessageEffect } from '../calculators/incremental-projection';

/**
 * Where a conversation's rollup rows stand (`ProjectionState`): what the projector needs to add a new message or
 * status change to them without reading the conversation's messages again. Its row is also what a pass locks
 * (MySQL) so that two processes never project the same conversation at once. `complete` false: a row taken only
 * for that lock — the next pass recomputes the conversation in full.
 */
@Entity({ name: 'analytics_projection_states' })
export class AnalyticsProjectionStateEntity {
  @PrimaryColumn({ name: 'conversation_id', type: 'varchar', length: 36 })
  conversationId!: string;

  @Column({ type: 'boolean', default: false })
  complete!: boolean;

  @Column({ name: 'channel_id', type: 'varchar', length: 36, nullable: true })
  channelId!: string | null;

  @Column({ type: 'simple-enum', enum: MessagePlatform, nullable: true })
  platform!: MessagePlatform | null;

  @Column({ name: 'assignee_id', type: 'varchar', length: 36, nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'from_ad', type: 'boolean', default: false })
  fromAd!: boolean;

  @TimestampColumn({ name: 'projected_at', nullable: true })
  projectedAt!: Date | null;

  @Column({ name: 'last_message_id', type: 'varchar', length: 36, nullable: true })
  lastMessageId!: string | null;

  @TimestampColumn({ name: 'last_message_at', nullable: true })
  lastMessageAt!: Date | null;

  @Column({ name: 'last_message_effect', type: 'varchar', length: 24, default: 'none' })
  lastMessageEffect!: MessageEffect;

  @TimestampColumn({ name: 'last_customer_at', nullable: true })
  lastCustomerAt!: Date | null;

  @Column({ name: 'hours_key', type: 'varchar', length: 500, default: '' })
  hoursKey!: string;
}
