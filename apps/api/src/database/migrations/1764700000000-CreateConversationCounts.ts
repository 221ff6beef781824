import { Logger } from '@nestjs/common';
import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  createCountTables,
  dropCountTables,
  dropCountTriggers,
  installCountTriggers,
  recountConversations,
} from '../../modules/inbox/counts/conversation-counts.sql';
import { dialectOf } from '../column-types';

/**
 * Maintained folder counts (`modules/inbox/counts`): the counter and delta tables, the triggers on
 * `conversations`, and the counters filled from the existing rows. A database user without the TRIGGER
 * grant does not stop the deploy: the api then counts by a scan and says so at boot, and creates the
 * triggers (and recounts) on the first boot that may.
 */
export class CreateConversationCounts1764700000000 implements MigrationInterface {
  name = 'CreateConversationCounts1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner.connection.options.type);
    await createCountTables(queryRunner, dialect);
    if (!(await installCountTriggers(queryRunner, dialect))) new Logger(this.name).warn('no privilege to create the conversation count triggers');
    await recountConversations(queryRunner, dialect);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropCountTriggers(queryRunner);
    await dropCountTables(queryRunner);
  }
}
