import { CONVERSATION_STATUSES, ConversationStatus } from '@ticklegram/domain-models';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';

/** A conversation's status changes as the inbox announced them (the inbox keeps only the current status). */
@Entity({ name: 'analytics_status_changes' })
@Index('idx_analytics_status_changes_conversation', ['conversationId', 'changedAt'])
export class AnalyticsStatusChangeEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'conversation_id', type: 'varchar', length: 36 })
  conversationId!: string;

  @Column({ type: 'simple-enum', enum: CONVERSATION_STATUSES as ConversationStatus[] })
  status!: ConversationStatus;

  @TimestampColumn({ name: 'changed_at' })
  changedAt!: Date;
}
