import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex, TableUnique } from 'typeorm';
import { columns, dialectOf } from '../column-types';

const PRIORITIES = ['none', 'low', 'medium', 'high', 'urgent'];

/** Canned responses, private notes, labels (+ conversation links), conversation priority. */
export class CreateCollaborationTools1763820000000 implements MigrationInterface {
  name = 'CreateCollaborationTools1763820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(dialectOf(queryRunner.connection.driver.options.type));
    await queryRunner.createTable(
      new Table({
        name: 'canned_responses',
        columns: [
          c.uuidPrimary(),
          c.string('shortcut', 32),
          c.string('title', 120),
          { name: 'body', type: 'text' },
          c.uuid('created_by', { isNullable: true }),
          c.timestamp('created_at'),
          c.timestamp('updated_at'),
        ],
        uniques: [new TableUnique({ name: 'uq_canned_responses_shortcut', columnNames: ['shortcut'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'conversation_notes',
        columns: [
          c.uuidPrimary(),
          c.uuid('conversation_id'),
          c.uuid('author_id'),
          { name: 'body', type: 'text' },
          c.json('mention_user_ids'),
          c.timestamp('created_at'),
        ],
      }),
    );
    await queryRunner.createIndex(
      'conversation_notes',
      new TableIndex({ name: 'idx_conversation_notes_conversation', columnNames: ['conversation_id', 'created_at'] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'labels',
        columns: [c.uuidPrimary(), c.string('name', 50), c.string('color', 7), c.timestamp('created_at'), c.timestamp('updated_at')],
        uniques: [new TableUnique({ name: 'uq_labels_name', columnNames: ['name'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'conversation_labels',
        columns: [
          { ...c.uuid('conversation_id'), isPrimary: true },
          { ...c.uuid('label_id'), isPrimary: true },
        ],
      }),
    );
    await queryRunner.createIndex('conversation_labels', new TableIndex({ name: 'idx_conversation_labels_label', columnNames: ['label_id'] }));
    await queryRunner.addColumn('conversations', new TableColumn(c.enum('priority', PRIORITIES, { default: "'none'" })));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('conversations', 'priority');
    await queryRunner.dropIndex('conversation_labels', 'idx_conversation_labels_label');
    await queryRunner.dropTable('conversation_labels');
    await queryRunner.dropTable('labels');
    await queryRunner.dropIndex('conversation_notes', 'idx_conversation_notes_conversation');
    await queryRunner.dropTable('conversation_notes');
    await queryRunner.dropTable('canned_responses');
  }
}
