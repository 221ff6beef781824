import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';

/**
 * A reaction, edit, unsend, read or delivery that arrived before the message it refers to. Applied
 * (and deleted) in the transaction that stores the message.
 */
@Entity({ name: 'pending_message_events' })
@Unique('uq_pending_message_events_dedupe', ['dedupeKey'])
@Index('idx_pending_message_events_mid', ['channelId', 'mid'])
export class PendingMessageEventEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ type: 'varchar', length: 191 })
  mid!: string;

  @Column({ type: 'varchar', length: 40 })
  type!: string;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 191 })
  dedupeKey!: string;

  /** The normalised event (without `raw`). */
  @Column({ type: 'json' })
  event!: Record<string, unknown>;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;
}
