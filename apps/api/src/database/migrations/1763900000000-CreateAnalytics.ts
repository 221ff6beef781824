import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { CONVERSATION_STATUSES, MESSAGE_PLATFORMS } from '@ticklegram/domain-models';
import { columns, dialectOf } from '../column-types';

/**
 * Team analytics (docs/analytics.md): the status log the inbox announces, one row per conversation cycle,
 * per-conversation 15-minute message buckets, a copy of conversation labels for the label filter, and the
 * workspace's analytics settings. Everything but the status log and the settings is rebuildable.
 */
export class CreateAnalytics1763900000000 implements MigrationInterface {
  name = 'CreateAnalytics1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(dialectOf(queryRunner.connection.driver.options.type));
    await queryRunner.createTable(
      new Table({
        name: 'analytics_status_changes',
        columns: [c.incrementPrimary(), c.uuid('conversation_id'), c.enum('status', CONVERSATION_STATUSES), c.timestamp('changed_at')],
        indices: [new TableIndex({ name: 'idx_analytics_status_changes_conversation', columnNames: ['conversation_id', 'changed_at'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'analytics_conversation_cycles',
        columns: [
          c.uuid('conversation_id', { isPrimary: true }),
          c.int('cycle_no', { isPrimary: true }),
          c.uuid('channel_id'),
          c.enum('platform', MESSAGE_PLATFORMS),
          c.uuid('assignee_id', { isNullable: true }),
          c.timestamp('opened_at'),
          c.timestamp('first_response_at', { isNullable: true }),
          c.int('frt_seconds', { isNullable: true }),
          c.int('frt_business_seconds', { isNullable: true }),
          c.timestamp('resolved_at', { isNullable: true }),
          c.int('resolution_seconds', { isNullable: true }),
          c.int('resolution_business_seconds', { isNullable: true }),
          c.boolean('from_ad', { default: false }),
        ],
        indices: [
          new TableIndex({ name: 'idx_analytics_cycles_opened', columnNames: ['opened_at'] }),
          new TableIndex({ name: 'idx_analytics_cycles_resolved', columnNames: ['resolved_at'] }),
          new TableIndex({ name: 'idx_analytics_cycles_channel_opened', columnNames: ['channel_id', 'opened_at'] }),
          new TableIndex({ name: 'idx_analytics_cycles_assignee_opened', columnNames: ['assignee_id', 'opened_at'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'analytics_message_buckets',
        columns: [
          c.uuid('conversation_id', { isPrimary: true }),
          c.timestamp('bucket_at', { isPrimary: true }),
          c.uuid('channel_id'),
          c.enum('platform', MESSAGE_PLATFORMS),
          c.uuid('assignee_id', { isNullable: true }),
          ...['messages_in', 'messages_out', 'replies_window', 'replies_human_agent', 'replies_template', 'replies_other'].map((name) =>
            c.int(name, { default: 0 }),
          ),
        ],
        indices: [
          new TableIndex({
            name: 'idx_analytics_buckets_bucket',
            columnNames: [
              'bucket_at',
              'channel_id',
              'assignee_id',
              'platform',
              'messages_in',
              'messages_out',
              'replies_window',
              'replies_human_agent',
              'replies_template',
              'replies_other',
            ],
          }),
          new TableIndex({ name: 'idx_analytics_buckets_channel_bucket', columnNames: ['channel_id', 'bucket_at'] }),
          new TableIndex({ name: 'idx_analytics_buckets_assignee_bucket', columnNames: ['assignee_id', 'bucket_at'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'analytics_conversation_labels',
        columns: [c.uuid('conversation_id', { isPrimary: true }), c.uuid('label_id', { isPrimary: true })],
        indices: [new TableIndex({ name: 'idx_analytics_conversation_labels_label', columnNames: ['label_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'analytics_settings',
        columns: [
          c.string('key', 32, { isPrimary: true }),
          c.json('business_hours', { isNullable: true }),
          c.timestamp('rebuilt_at', { isNullable: true }),
          c.uuid('updated_by', { isNullable: true }),
          c.timestamp('updated_at'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'analytics_settings',
      'analytics_conversation_labels',
      'analytics_message_buckets',
      'analytics_conversation_cycles',
      'analytics_status_changes',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
