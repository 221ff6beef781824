import { WebhookEventItemDto, WebhookEventStatus, WEBHOOK_EVENT_STATUSES } from '@ticklegram/domain-models';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';

const RAW_BODY = {
  to: (value: string | undefined) => (value === undefined ? undefined : { raw: value }),
  from: (value: unknown) =>
    typeof value === 'object' && value !== null && 'raw' in value ? String((value as { raw: unknown }).raw) : typeof value === 'string' ? value : '',
};

/** One POST from Meta, stored verbatim before it is acknowledged; the worker queue claims these rows. */
@Entity({ name: 'webhook_events' })
@Index('idx_webhook_events_claim', ['status', 'nextAttemptAt'])
@Index('idx_webhook_events_received', ['receivedAt'])
@Index('idx_webhook_events_channel', ['channelExternalId', 'receivedAt'])
export class WebhookEventEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  /** `instagram` or `facebook`: the path Meta posted to. */
  @Column({ type: 'varchar', length: 16 })
  endpoint!: string;

  /** Meta's `object` (`page`, `instagram`), null when the body was not JSON. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  object!: string | null;

  /** The first entry's id (Page / IG account); for filtering. */
  @Column({ name: 'channel_external_id', type: 'varchar', length: 64, nullable: true })
  channelExternalId!: string | null;

  @Column({ name: 'entry_count', type: 'int', default: 0 })
  entryCount!: number;

  /**
   * The exact text received, so a replay normalises exactly what Meta signed. Stored inside a JSON
   * document `{"raw": "<text>"}`: JSON is the one portable column type without MySQL TEXT's 64 KB cap
   * (1000-entry batches are larger), and wrapping keeps the bytes exact (MySQL normalises JSON documents)
   * and lets a body that is not JSON be kept too.
   */
  @Column({ name: 'raw_body', type: 'json', transformer: RAW_BODY })
  rawBody!: string;

  @Column({ type: 'simple-enum', enum: WEBHOOK_EVENT_STATUSES as WebhookEventStatus[], default: 'pending' })
  status!: WebhookEventStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @TimestampColumn({ name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  /** Lease of the worker processing the row; an expired lease makes the row claimable again. */
  @TimestampColumn({ name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'locked_by', type: 'varchar', length: 64, nullable: true })
  lockedBy!: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'event_count', type: 'int', nullable: true })
  eventCount!: number | null;

  @Column({ name: 'unsupported_count', type: 'int', default: 0 })
  unsupportedCount!: number;

  /** Per normalised event: type, dedupe key and what happened to it. */
  @Column({ type: 'json', nullable: true })
  items!: WebhookEventItemDto[] | null;

  @TimestampColumn({ name: 'received_at' })
  receivedAt!: Date;

  @TimestampColumn({ name: 'processed_at', nullable: true })
  processedAt!: Date | null;
}
