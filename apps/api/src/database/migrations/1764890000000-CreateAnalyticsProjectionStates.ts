import { MESSAGE_PLATFORMS } from '@ticklegram/domain-models';
import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columns, dialectOf } from '../column-types';

/**
 * Where each conversation's analytics rows stand, so the projector adds a new message to them instead of reading the
 * conversation's messages again (`modules/analytics`, "Incremental projection"). Empty at first: a conversation
 * without a row is recomputed in full on its next change, which writes its row.
 */
export class CreateAnalyticsProjectionStates1764890000000 implements MigrationInterface {
  name = 'CreateAnalyticsProjectionStates1764890000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(dialectOf(queryRunner.connection.driver.options.type));
    await queryRunner.createTable(
      new Table({
        name: 'analytics_projection_states',
        columns: [
          c.uuidPrimary('conversation_id'),
          c.boolean('complete', { default: false }),
          c.uuid('channel_id', { isNullable: true }),
          c.enum('platform', MESSAGE_PLATFORMS, { isNullable: true }),
          c.uuid('assignee_id', { isNullable: true }),
          c.boolean('from_ad', { default: false }),
          c.timestamp('projected_at', { isNullable: true }),
          c.uuid('last_message_id', { isNullable: true }),
          c.timestamp('last_message_at', { isNullable: true }),
          c.string('last_message_effect', 24, { default: "'none'" }),
          c.timestamp('last_customer_at', { isNullable: true }),
          c.string('hours_key', 500, { default: "''" }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('analytics_projection_states');
  }
}
