import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Sidebar counts from one index: every column the counts query reads (`status`, `platform`,
 * `assignee_id`, `unread_count`, `last_message_at`), in GROUP BY order, so the count is an index-only
 * scan aggregated as it streams (no table rows, no temporary table, no sort).
 */
const INDEX = new TableIndex({ name: 'idx_conversations_counts', columnNames: ['status', 'platform', 'assignee_id', 'unread_count', 'last_message_at'] });

export class AddConversationCountsIndex1763920000001 implements MigrationInterface {
  name = 'AddConversationCountsIndex1763920000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('conversations', INDEX);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('conversations', INDEX.name as string);
  }
}
