import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { searchSql } from '../../common/search/search-sql';
import { searchDocument } from '../../common/search/search-text';
import { columns, dialectOf } from '../column-types';

const BATCH = 500;

/**
 * Full-text search over message text and contact names (see `common/search/search-text.ts`):
 * `message_search` and `contact_search` hold each row's terms, indexed by FULLTEXT on MySQL/MariaDB and by
 * FTS5 on SQLite, and are filled here from the existing rows.
 *
 * SQLite: the FTS5 tables are external-content tables kept by triggers on `*_search`; a later migration
 * that rebuilds one of those tables (TypeORM recreates a table to alter it) must run `searchSql.create`
 * again.
 */
export class CreateSearchIndex1763920000000 implements MigrationInterface {
  name = 'CreateSearchIndex1763920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner.connection.options.type);
    const c = columns(dialect);
    await queryRunner.createTable(
      new Table({
        name: 'message_search',
        columns: [c.uuidPrimary('message_id'), c.uuid('conversation_id'), c.timestamp('sent_at'), { name: 'body', type: 'text' }],
        indices: [new TableIndex({ name: 'idx_message_search_conversation', columnNames: ['conversation_id', 'sent_at'] })],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_message_search_message',
            columnNames: ['message_id'],
            referencedTableName: 'messages',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'contact_search',
        columns: [c.uuidPrimary('contact_id'), { name: 'body', type: 'text' }],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_contact_search_contact',
            columnNames: ['contact_id'],
            referencedTableName: 'contacts',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );
    await this.backfill(
      queryRunner,
      'SELECT id, conversation_id, sent_at, text FROM messages WHERE text IS NOT NULL',
      'message_search (message_id, conversation_id, sent_at, body)',
      (r) => {
        const body = searchDocument(r['text'] as string);
        return body ? [r['id'], r['conversation_id'], r['sent_at'], body] : null;
      },
    );
    await this.backfill(queryRunner, 'SELECT id, display_name, name, username FROM contacts WHERE 1 = 1', 'contact_search (contact_id, body)', (r) => [
      r['id'],
      searchDocument(r['display_name'] as string, r['name'] as string | null, r['username'] as string | null),
    ]);
    // the index is built once over the filled tables (faster than maintaining it row by row)
    await searchSql.create(queryRunner, dialect, 'message_search');
    await searchSql.create(queryRunner, dialect, 'contact_search');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner.connection.options.type);
    await searchSql.drop(queryRunner, dialect, 'contact_search');
    await searchSql.drop(queryRunner, dialect, 'message_search');
    await queryRunner.dropTable('contact_search');
    await queryRunner.dropTable('message_search');
  }

  /** Reads `select` by id pages and inserts the mapped rows in multi-row batches. */
  private async backfill(queryRunner: QueryRunner, select: string, into: string, map: (row: Record<string, unknown>) => unknown[] | null): Promise<void> {
    let after = '';
    for (;;) {
      const rows = (await queryRunner.query(`${select} AND id > ? ORDER BY id LIMIT ${BATCH}`, [after])) as Record<string, unknown>[];
      if (!rows.length) return;
      after = rows[rows.length - 1]['id'] as string;
      const values = rows.map(map).filter((v): v is unknown[] => v !== null);
      if (values.length) {
        const tuple = `(${values[0].map(() => '?').join(', ')})`;
        await queryRunner.query(`INSERT INTO ${into} VALUES ${values.map(() => tuple).join(', ')}`, values.flat());
      }
    }
  }
}
