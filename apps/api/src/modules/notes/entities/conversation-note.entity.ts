import { Column, Entity, Index } from 'typeorm';
import { CreatedEntity } from '../../../database/base.entity';

/** A private note on a conversation: visible to teammates only, never sent to Meta. */
@Entity({ name: 'conversation_notes' })
@Index('idx_conversation_notes_conversation', ['conversationId', 'createdAt'])
export class ConversationNoteEntity extends CreatedEntity {
  @Column({ name: 'conversation_id', type: 'varchar', length: 36 })
  conversationId!: string;

  @Column({ name: 'author_id', type: 'varchar', length: 36 })
  authorId!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'mention_user_ids', type: 'json' })
  mentionUserIds!: string[];
}
