import { Entity, Index, PrimaryColumn } from 'typeorm';

/** The labels a conversation carries now, copied for the label filter (the labels module owns the truth). */
@Entity({ name: 'analytics_conversation_labels' })
@Index('idx_analytics_conversation_labels_label', ['labelId'])
export class AnalyticsConversationLabelEntity {
  @PrimaryColumn({ name: 'conversation_id', type: 'varchar', length: 36 })
  conversationId!: string;

  @PrimaryColumn({ name: 'label_id', type: 'varchar', length: 36 })
  labelId!: string;
}
