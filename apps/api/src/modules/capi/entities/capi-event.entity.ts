import { CAPI_EVENT_STATUSES, CapiEventStatus, MESSAGE_PLATFORMS, MessagePlatform, OUTCOME_TYPES, OutcomeType } from '@ticklegram/domain-models';
import type { CapiEventInput } from '@ticklegram/meta-graph';
import { Column, Entity, Index, Unique } from 'typeorm';
import { TimestampedEntity } from '../../../database/base.entity';
import { TimestampColumn } from '../../../database/timestamp.column';

/**
 * The outbox: one Conversions API event per outcome. The state machine (queued → sending → accepted,
 * retrying, failed, uncertain) and the unique `event_id` make sure an event Meta accepted is never sent again.
 */
@Entity({ name: 'capi_events' })
@Unique('uq_capi_events_outcome', ['outcomeId'])
@Unique('uq_capi_events_event_id', ['eventId'])
@Index('idx_capi_events_status_due', ['status', 'nextAttemptAt'])
@Index('idx_capi_events_created', ['createdAt', 'id'])
@Index('idx_capi_events_claim', ['claimToken'])
export class CapiEventEntity extends TimestampedEntity {
  @Column({ name: 'outcome_id', type: 'varchar', length: 36 })
  outcomeId!: string;

  /** Sent as `event_id`. */
  @Column({ name: 'event_id', type: 'varchar', length: 64 })
  eventId!: string;

  @Column({ name: 'conversation_id', type: 'varchar', length: 36 })
  conversationId!: string;

  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ type: 'simple-enum', enum: MESSAGE_PLATFORMS })
  platform!: MessagePlatform;

  @Column({ name: 'event_name', type: 'simple-enum', enum: OUTCOME_TYPES })
  eventName!: OutcomeType;

  @Column({ type: 'simple-enum', enum: CAPI_EVENT_STATUSES, default: 'queued' })
  status!: CapiEventStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @TimestampColumn({ name: 'next_attempt_at', nullable: true })
  nextAttemptAt!: Date | null;

  /** Which worker pass holds it while `sending`. */
  @Column({ name: 'claim_token', type: 'varchar', length: 36, nullable: true })
  claimToken!: string | null;

  @TimestampColumn({ name: 'claimed_at', nullable: true })
  claimedAt!: Date | null;

  /** The event as sent (email/phone already hashed); dataset and test code are read at send time. */
  @Column({ type: 'json' })
  payload!: CapiEventInput;

  @Column({ name: 'dataset_id', type: 'varchar', length: 64, nullable: true })
  datasetId!: string | null;

  @Column({ name: 'test_event_code', type: 'varchar', length: 64, nullable: true })
  testEventCode!: string | null;

  /** Meta's refusal or why it was not sent, in plain words. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  message!: string | null;

  @Column({ name: 'events_received', type: 'int', nullable: true })
  eventsReceived!: number | null;

  @Column({ name: 'fbtrace_id', type: 'varchar', length: 64, nullable: true })
  fbtraceId!: string | null;

  @TimestampColumn({ name: 'sent_at', nullable: true })
  sentAt!: Date | null;
}
