import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';
import { ContactEntity } from './contact.entity';
import { MessageEntity } from './message.entity';

/**
 * Full-text documents (terms of `common/search/search-text.ts`), one per message with text and one per
 * contact. Written by `SearchIndexer` in the same transaction as the row they describe, removed with it
 * (foreign key cascade). Searched through FULLTEXT `ft_*_body` on MySQL/MariaDB and the FTS5 tables
 * `*_fts` (external content, kept by triggers) on SQLite — both created by migration 1763920000000 and
 * invisible to TypeORM, hence `synchronize: false`.
 */
@Entity({ name: 'message_search' })
@Index('idx_message_search_conversation', ['conversationId', 'sentAt'])
export class MessageSearchEntity {
  @PrimaryColumn({ name: 'message_id', type: 'varchar', length: 36 })
  messageId!: string;

  @Column({ name: 'conversation_id', type: 'varchar', length: 36 })
  conversationId!: string;

  @TimestampColumn({ name: 'sent_at' })
  sentAt!: Date;

  @Index('ft_message_search_body', { synchronize: false })
  @Column({ type: 'text' })
  body!: string;

  @ManyToOne(() => MessageEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'message_id', foreignKeyConstraintName: 'fk_message_search_message' })
  message?: MessageEntity;
}

@Entity({ name: 'contact_search' })
export class ContactSearchEntity {
  @PrimaryColumn({ name: 'contact_id', type: 'varchar', length: 36 })
  contactId!: string;

  @Index('ft_contact_search_body', { synchronize: false })
  @Column({ type: 'text' })
  body!: string;

  @ManyToOne(() => ContactEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'contact_id', foreignKeyConstraintName: 'fk_contact_search_contact' })
  contact?: ContactEntity;
}
