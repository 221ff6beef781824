import { MigrationInterface, QueryRunner, Table, TableUnique } from 'typeorm';
import { columns, dialectOf } from '../column-types';

/** History import progress, resume cursor, lease and last gap recovery per channel (history module). */
export class CreateChannelHistory1763930000000 implements MigrationInterface {
  name = 'CreateChannelHistory1763930000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(dialectOf(queryRunner.connection.driver.options.type));
    await queryRunner.createTable(
      new Table({
        name: 'channel_history',
        columns: [
          c.uuidPrimary(),
          c.uuid('channel_id'),
          c.enum('import_status', ['pending', 'running', 'done', 'failed']),
          c.timestamp('import_since', { isNullable: true }),
          c.string('import_cursor', 1024, { isNullable: true }),
          c.int('import_page_offset', { default: 0 }),
          c.int('conversations_done', { default: 0 }),
          c.int('messages_imported', { default: 0 }),
          c.timestamp('import_started_at', { isNullable: true }),
          c.timestamp('import_finished_at', { isNullable: true }),
          c.string('import_error', 500, { isNullable: true }),
          c.timestamp('lease_until', { isNullable: true }),
          c.timestamp('synced_until', { isNullable: true }),
          c.enum('recovery_trigger', ['manual', 'boot', 'periodic', 'subscription'], { isNullable: true }),
          c.timestamp('recovery_since', { isNullable: true }),
          c.timestamp('recovery_at', { isNullable: true }),
          c.int('recovery_added', { default: 0 }),
          c.int('recovery_conversations', { default: 0 }),
          c.boolean('recovery_resubscribed', { default: false }),
          c.string('recovery_error', 500, { isNullable: true }),
          c.timestamp('created_at'),
          c.timestamp('updated_at'),
        ],
        uniques: [new TableUnique({ name: 'uq_channel_history_channel', columnNames: ['channel_id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('channel_history');
  }
}
