import { MigrationInterface, QueryRunner, Table, TableIndex, TableUnique } from 'typeorm';
import { columns, dialectOf } from '../column-types';

const STATUSES = ['DRAFT', 'PENDING', 'APPROVED', 'REJECTED', 'PAUSED', 'DISABLED'];

/** Utility message templates of Facebook Pages, and which template each sent message used. */
export class CreateMessageTemplates1763860000000 implements MigrationInterface {
  name = 'CreateMessageTemplates1763860000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(dialectOf(queryRunner.connection.driver.options.type));
    await queryRunner.createTable(
      new Table({
        name: 'message_templates',
        columns: [
          c.uuidPrimary(),
          c.uuid('channel_id'),
          c.string('external_id', 64, { isNullable: true }),
          c.string('name', 512),
          c.string('language', 16),
          c.enum('status', STATUSES),
          c.string('status_reason_code', 191, { isNullable: true }),
          c.json('content'),
          c.string('library_template_name', 191, { isNullable: true }),
          c.uuid('created_by_id', { isNullable: true }),
          c.timestamp('submitted_at', { isNullable: true }),
          c.timestamp('status_updated_at', { isNullable: true }),
          c.timestamp('meta_status_at', { isNullable: true }),
          c.timestamp('created_at'),
          c.timestamp('updated_at'),
        ],
        uniques: [
          new TableUnique({ name: 'uq_message_templates_channel_external', columnNames: ['channel_id', 'external_id'] }),
          new TableUnique({ name: 'uq_message_templates_channel_name_language', columnNames: ['channel_id', 'name', 'language'] }),
        ],
      }),
    );
    await queryRunner.createIndex('message_templates', new TableIndex({ name: 'idx_message_templates_channel_status', columnNames: ['channel_id', 'status'] }));
    await queryRunner.createTable(
      new Table({
        name: 'message_template_sends',
        columns: [
          { ...c.uuid('message_id'), isPrimary: true },
          c.uuid('template_id'),
          c.json('parameters'),
          c.string('url_suffix', 1000, { isNullable: true }),
          c.timestamp('created_at'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('message_template_sends');
    await queryRunner.dropIndex('message_templates', 'idx_message_templates_channel_status');
    await queryRunner.dropTable('message_templates');
  }
}
