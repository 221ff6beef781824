import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';
import { columns, dialectOf } from '../column-types';

/** Per-channel webhook counts per minute, shared by every api replica (channel health "deliveries in the last hour"). */
export class CreateChannelWebhookMinutes1763805000000 implements MigrationInterface {
  name = 'CreateChannelWebhookMinutes1763805000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner.connection.driver.options.type);
    const c = columns(dialect);
    // SQLite reads an INT column back as "int" but maps the entity's int to INTEGER: write INTEGER there
    const integer = (name: string, isPrimary = false): TableColumnOptions => ({ name, type: dialect === 'mysql' ? 'int' : 'integer', isPrimary });
    await queryRunner.createTable(
      new Table({
        name: 'channel_webhook_minutes',
        columns: [{ ...c.uuid('channel_id'), isPrimary: true }, integer('minute', true), integer('count')],
      }),
    );
    await queryRunner.createIndex('channel_webhook_minutes', new TableIndex({ name: 'idx_channel_webhook_minutes_minute', columnNames: ['minute'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('channel_webhook_minutes');
  }
}
