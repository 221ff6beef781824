import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Sidebar counts from one index holding every column the counts query reads, so it never touches table
 * rows: an agent's count reads only the entries of their own and unassigned conversations (`assignee_id`
 * leads: a ref-or-null range), an admin's is one scan of the index; either groups into at most
 * |statuses| × |platforms| rows.
 */
const INDEX = new TableIndex({ name: 'idx_conversations_counts', columnNames: ['assignee_id', 'status', 'platform', 'unread_count', 'last_message_at'] });

export class AddConversationCountsIndex1763920000001 implements MigrationInterface {
  name = 'AddConversationCountsIndex1763920000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('conversations', INDEX);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('conversations', INDEX.name as string);
  }
}
