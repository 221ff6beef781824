import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';

/** When a snoozed conversation reopens (one row per snoozed conversation; deleted on wake-up or status change). */
@Entity({ name: 'conversation_snoozes' })
@Index('idx_conversation_snoozes_until', ['snoozedUntil'])
export class ConversationSnoozeEntity {
  @PrimaryColumn({ name: 'conversation_id', type: 'varchar', length: 36 })
  conversationId!: string;

  @TimestampColumn({ name: 'snoozed_until' })
  snoozedUntil!: Date;

  @Column({ name: 'snoozed_by', type: 'varchar', length: 36, nullable: true })
  snoozedBy!: string | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;
}
