import { MigrationInterface, QueryRunner, Table, TableForeignKey } from 'typeorm';
import { searchSql } from '../../common/search/search-sql';
import { searchDocument } from '../../common/search/search-text';
import { columns, dialectOf } from '../column-types';

const BATCH = 500;

/** The comments desk's text search on the inbox's full-text mechanism (see 1763920000000), filled from existing comments. */
export class CreateCommentSearch1763920000002 implements MigrationInterface {
  name = 'CreateCommentSearch1763920000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner.connection.options.type);
    const c = columns(dialect);
    await queryRunner.createTable(
      new Table({
        name: 'comment_search',
        columns: [c.uuidPrimary('comment_id'), { name: 'body', type: 'text' }],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_comment_search_comment',
            columnNames: ['comment_id'],
            referencedTableName: 'comments',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );
    let after = '';
    for (;;) {
      const rows = (await queryRunner.query(`SELECT id, text, author_name, author_username FROM comments WHERE id > ? ORDER BY id LIMIT ${BATCH}`, [
        after,
      ])) as Record<string, string | null>[];
      if (!rows.length) break;
      after = rows[rows.length - 1]['id'] as string;
      const values = rows.map((r) => [r['id'], searchDocument(r['text'], r['author_name'], r['author_username'])]).filter(([, body]) => body);
      if (values.length)
        await queryRunner.query(`INSERT INTO comment_search (comment_id, body) VALUES ${values.map(() => '(?, ?)').join(', ')}`, values.flat());
    }
    await searchSql.create(queryRunner, dialect, 'comment_search');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await searchSql.drop(queryRunner, dialectOf(queryRunner.connection.options.type), 'comment_search');
    await queryRunner.dropTable('comment_search');
  }
}
