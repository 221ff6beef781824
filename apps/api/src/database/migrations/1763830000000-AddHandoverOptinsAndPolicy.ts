import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex, TableUnique } from 'typeorm';
import { columns, dialectOf } from '../column-types';

/**
 * Meta's platform events applied to tables: who controls a conversation (Handover Protocol, standby),
 * a Page restricted by policy enforcement and our app's handover roles on it, Messenger opt-ins per
 * customer (with the notification token encrypted).
 */
export class AddHandoverOptinsAndPolicy1763830000000 implements MigrationInterface {
  name = 'AddHandoverOptinsAndPolicy1763830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(dialectOf(queryRunner.connection.driver.options.type));
    await queryRunner.addColumns('conversations', [
      new TableColumn(c.enum('thread_owner', ['this_app', 'other_app'], { default: "'this_app'" })),
      new TableColumn(c.string('thread_owner_app_id', 32, { isNullable: true })),
      new TableColumn(c.timestamp('thread_owner_at', { isNullable: true })),
    ]);
    await queryRunner.addColumns('facebook_pages', [
      new TableColumn(c.string('restriction_action', 16, { isNullable: true })),
      new TableColumn(c.string('restriction_reason', 500, { isNullable: true })),
      new TableColumn(c.timestamp('restriction_at', { isNullable: true })),
      new TableColumn(c.json('app_roles', { isNullable: true })),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'messenger_optins',
        columns: [
          c.uuidPrimary(),
          c.uuid('channel_id'),
          c.string('psid', 64),
          c.string('kind', 40),
          c.string('topic', 150),
          c.enum('status', ['active', 'stopped']),
          c.string('title', 255, { isNullable: true }),
          c.string('payload', 1000, { isNullable: true }),
          c.string('token_enc', 2048, { isNullable: true }),
          c.timestamp('token_expires_at', { isNullable: true }),
          c.string('timezone', 64, { isNullable: true }),
          c.timestamp('opted_in_at'),
          c.timestamp('last_event_at'),
          c.timestamp('created_at'),
          c.timestamp('updated_at'),
        ],
        uniques: [new TableUnique({ name: 'uq_messenger_optins_channel_psid_topic', columnNames: ['channel_id', 'psid', 'kind', 'topic'] })],
      }),
    );
    await queryRunner.createIndex('messenger_optins', new TableIndex({ name: 'idx_messenger_optins_channel_status', columnNames: ['channel_id', 'status'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('messenger_optins', 'idx_messenger_optins_channel_status');
    await queryRunner.dropTable('messenger_optins');
    for (const column of ['app_roles', 'restriction_at', 'restriction_reason', 'restriction_action']) await queryRunner.dropColumn('facebook_pages', column);
    for (const column of ['thread_owner_at', 'thread_owner_app_id', 'thread_owner']) await queryRunner.dropColumn('conversations', column);
  }
}
