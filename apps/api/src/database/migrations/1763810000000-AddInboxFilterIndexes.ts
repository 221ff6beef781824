import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Indexes for the inbox list filters, counts and the contact panel. Each list filter is an equality on
 * the leading column followed by the list order (last_message_at DESC, id DESC), so a page is an index
 * range scan whatever the filter; the counts group by the same leading columns.
 */
const INDEXES: { table: string; index: TableIndex }[] = [
  { table: 'conversations', index: new TableIndex({ name: 'idx_conversations_status_last', columnNames: ['status', 'last_message_at', 'id'] }) },
  { table: 'conversations', index: new TableIndex({ name: 'idx_conversations_assignee_last', columnNames: ['assignee_id', 'last_message_at', 'id'] }) },
  { table: 'conversations', index: new TableIndex({ name: 'idx_conversations_channel_last', columnNames: ['channel_id', 'last_message_at', 'id'] }) },
  { table: 'conversations', index: new TableIndex({ name: 'idx_conversations_platform_last', columnNames: ['platform', 'last_message_at', 'id'] }) },
  // the same customer across channels (contact panel): linked by Meta's id on the same platform only
  { table: 'conversations', index: new TableIndex({ name: 'idx_conversations_platform_customer', columnNames: ['platform', 'customer_external_id'] }) },
  { table: 'comments', index: new TableIndex({ name: 'idx_comments_platform_author', columnNames: ['platform', 'author_external_id', 'commented_at'] }) },
];

export class AddInboxFilterIndexes1763810000000 implements MigrationInterface {
  name = 'AddInboxFilterIndexes1763810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, index } of INDEXES) await queryRunner.createIndex(table, index);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, index } of [...INDEXES].reverse()) await queryRunner.dropIndex(table, index.name as string);
  }
}
