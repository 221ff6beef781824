import { MESSAGE_PLATFORMS, MessagePlatform, OUTCOME_TYPES, OutcomeType } from '@ticklegram/domain-models';
import { Column, Entity, Index } from 'typeorm';
import { CreatedEntity } from '../../../database/base.entity';
import { TimestampColumn } from '../../../database/timestamp.column';

/**
 * What an agent recorded on a conversation (a lead, a purchase…). The ad is copied from the
 * conversation's referral so attribution reads one table. Email/phone are kept only as Meta's SHA-256 hashes.
 */
@Entity({ name: 'conversion_outcomes' })
@Index('idx_conversion_outcomes_conversation', ['conversationId', 'occurredAt'])
@Index('idx_conversion_outcomes_ad', ['adId', 'occurredAt'])
@Index('idx_conversion_outcomes_occurred', ['occurredAt'])
export class ConversionOutcomeEntity extends CreatedEntity {
  @Column({ name: 'conversation_id', type: 'varchar', length: 36 })
  conversationId!: string;

  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ type: 'simple-enum', enum: MESSAGE_PLATFORMS })
  platform!: MessagePlatform;

  @Column({ type: 'simple-enum', enum: OUTCOME_TYPES })
  type!: OutcomeType;

  /** In the currency's minor units (cents); null when the outcome has no value. */
  @Column({ name: 'value_minor', type: 'int', nullable: true })
  valueMinor!: number | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  currency!: string | null;

  @Column({ name: 'email_hash', type: 'varchar', length: 64, nullable: true })
  emailHash!: string | null;

  @Column({ name: 'phone_hash', type: 'varchar', length: 64, nullable: true })
  phoneHash!: string | null;

  @Column({ name: 'ad_id', type: 'varchar', length: 64, nullable: true })
  adId!: string | null;

  @Column({ name: 'recorded_by_id', type: 'varchar', length: 36, nullable: true })
  recordedById!: string | null;

  @Column({ name: 'recorded_by_name', type: 'varchar', length: 160, nullable: true })
  recordedByName!: string | null;

  /** When it happened (sent to Meta as `event_time`). */
  @TimestampColumn({ name: 'occurred_at' })
  occurredAt!: Date;
}
