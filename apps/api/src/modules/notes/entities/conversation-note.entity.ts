import { BeforeInsert, Column, Entity, Index } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { TimestampColumn } from '../../../database/timestamp.column';
import { UuidPrimaryColumn } from '../../../database/uuid-primary.column';

/** A private note on a conversation: visible to teammates only, never sent to Meta. */
@Entity({ name: 'conversation_notes' })
@Index('idx_conversation_notes_conversation', ['conversationId', 'createdAt'])
export class ConversationNoteEntity {
  @UuidPrimaryColumn()
  id!: string;

  @Column({ name: 'conversation_id', type: 'varchar', length: 36 })
  conversationId!: string;

  @Column({ name: 'author_id', type: 'varchar', length: 36 })
  authorId!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'mention_user_ids', type: 'json' })
  mentionUserIds!: string[];

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @BeforeInsert()
  protected stampCreated(): void {
    this.id ??= randomUUID();
    this.createdAt ??= new Date();
  }
}
