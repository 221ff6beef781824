import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CommentEntity } from './comment.entity';

/**
 * Full-text document of a comment (text, author name and username; terms of
 * `common/search/search-text.ts`), written by `CommentWriter` with the comment, removed with it. Searched
 * like the inbox's `message_search`: FULLTEXT on MySQL/MariaDB, FTS5 `comment_search_fts` on SQLite
 * (migration 1763920000002; invisible to TypeORM, hence `synchronize: false`).
 */
@Entity({ name: 'comment_search' })
export class CommentSearchEntity {
  @PrimaryColumn({ name: 'comment_id', type: 'varchar', length: 36 })
  commentId!: string;

  @Index('ft_comment_search_body', { synchronize: false })
  @Column({ type: 'text' })
  body!: string;

  @ManyToOne(() => CommentEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'comment_id', foreignKeyConstraintName: 'fk_comment_search_comment' })
  comment?: CommentEntity;
}
