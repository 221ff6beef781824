import { MigrationInterface, QueryRunner } from 'typeorm';
import { conversationTermsSql } from '../../modules/inbox/search/conversation-terms.sql';
import { dialectOf } from '../column-types';

/**
 * The search walk's per-conversation terms (`modules/inbox/search/conversation-terms.sql.ts`): the table,
 * filled from the existing message documents.
 */
export class CreateConversationTerms1764830000000 implements MigrationInterface {
  name = 'CreateConversationTerms1764830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await conversationTermsSql.create(queryRunner, dialectOf(queryRunner.connection.options.type));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await conversationTermsSql.drop(queryRunner);
  }
}
