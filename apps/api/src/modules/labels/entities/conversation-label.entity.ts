import { Entity, Index, PrimaryColumn } from 'typeorm';

/** A label on a conversation. */
@Entity({ name: 'conversation_labels' })
@Index('idx_conversation_labels_label', ['labelId'])
export class ConversationLabelEntity {
  @PrimaryColumn({ name: 'conversation_id', type: 'varchar', length: 36 })
  conversationId!: string;

  @PrimaryColumn({ name: 'label_id', type: 'varchar', length: 36 })
  labelId!: string;
}
