import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';

/**
 * One row per normalised event ever applied, keyed by its dedupe key. Inserted in the same transaction
 * as the change it made, so a duplicate delivery (Meta's retries, a replay, two workers) hits the
 * primary key and becomes a no-op.
 */
@Entity({ name: 'applied_events' })
@Index('idx_applied_events_applied', ['appliedAt'])
export class AppliedEventEntity {
  @PrimaryColumn({ name: 'dedupe_key', type: 'varchar', length: 191 })
  dedupeKey!: string;

  @Column({ type: 'varchar', length: 40 })
  type!: string;

  @Column({ name: 'webhook_event_id', type: 'int' })
  webhookEventId!: number;

  @TimestampColumn({ name: 'applied_at' })
  appliedAt!: Date;
}
