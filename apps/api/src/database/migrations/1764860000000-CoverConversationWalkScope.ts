import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

const OLD_INDEX = new TableIndex({ name: 'idx_conversations_last_message', columnNames: ['last_message_at', 'id'] });
/**
 * The list order, then what the search walk reads of each conversation (`InboxReadRepository.listKeys`): an agent's
 * scope (`assignee_id` is theirs or none) is tested on the index entry, and the walk's keys come from the index alone.
 */
const COVERING_INDEX = new TableIndex({ name: 'idx_conversations_last_message_scope', columnNames: ['last_message_at', 'id', 'assignee_id', 'contact_id'] });

/**
 * An agent's search walk (issue 13) read conversations newest first through (last_message_at, id) and fetched every
 * one from the clustered index to test its assignee — about three rows for each one in scope (30 % unassigned plus
 * their own), mostly from disk at 100k conversations. Now the entry says whether the row is in scope and holds the
 * contact the walk joins, so only the conversations in scope are read at all.
 */
export class CoverConversationWalkScope1764860000000 implements MigrationInterface {
  name = 'CoverConversationWalkScope1764860000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('conversations', COVERING_INDEX);
    await queryRunner.dropIndex('conversations', OLD_INDEX.name as string);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('conversations', OLD_INDEX);
    await queryRunner.dropIndex('conversations', COVERING_INDEX.name as string);
  }
}
