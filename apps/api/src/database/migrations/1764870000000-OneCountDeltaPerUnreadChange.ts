import { MigrationInterface, QueryRunner } from 'typeorm';
import { COUNT_TRIGGERS, updateTriggerStatement, withTriggerPrivilege } from '../../modules/inbox/counts/conversation-counts.sql';
import { dialectOf } from '../column-types';

/**
 * The folder counts' AFTER UPDATE trigger appends ONE delta (the difference in unread) when a conversation keeps its
 * status, platform and assignee — every new message is such an update — instead of the old row out and the new row in.
 * Half the rows for the trigger to insert and the fold to delete. Without the TRIGGER grant nothing changes here: the
 * api's boot creates the missing triggers once it may (`ConversationCountsMaintainer`).
 */
export class OneCountDeltaPerUnreadChange1764870000000 implements MigrationInterface {
  name = 'OneCountDeltaPerUnreadChange1764870000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner.connection.options.type);
    await withTriggerPrivilege(async () => {
      await queryRunner.query(`DROP TRIGGER IF EXISTS ${COUNT_TRIGGERS[1]}`);
      await queryRunner.query(updateTriggerStatement(dialect));
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner.connection.options.type);
    const delta = (row: 'NEW' | 'OLD', sign: '' | '-') => {
      const insert = `INSERT INTO conversation_count_deltas (status, platform, assignee_id, n, unread, unread_messages)`;
      const values = `${row}.status, ${row}.platform, COALESCE(${row}.assignee_id, ''), ${sign}1, ${sign}(CASE WHEN ${row}.unread_count > 0 THEN 1 ELSE 0 END), ${sign}${row}.unread_count`;
      const visible = `${row}.last_message_at IS NOT NULL`;
      return dialect === 'mysql' ? `IF ${visible} THEN ${insert} VALUES (${values}); END IF` : `${insert} SELECT ${values} WHERE ${visible}`;
    };
    const same = dialect === 'mysql' ? '<=>' : 'IS';
    const unchanged = `(OLD.status ${same} NEW.status AND OLD.platform ${same} NEW.platform AND OLD.assignee_id ${same} NEW.assignee_id AND OLD.unread_count ${same} NEW.unread_count AND (OLD.last_message_at IS NULL) = (NEW.last_message_at IS NULL))`;
    const name = COUNT_TRIGGERS[1];
    await withTriggerPrivilege(async () => {
      await queryRunner.query(`DROP TRIGGER IF EXISTS ${name}`);
      await queryRunner.query(
        dialect === 'mysql'
          ? `CREATE TRIGGER ${name} AFTER UPDATE ON conversations FOR EACH ROW BEGIN IF NOT ${unchanged} THEN ${delta('OLD', '-')}; ${delta('NEW', '')}; END IF; END`
          : `CREATE TRIGGER ${name} AFTER UPDATE ON conversations WHEN NOT ${unchanged} BEGIN ${delta('OLD', '-')}; ${delta('NEW', '')}; END`,
      );
    });
  }
}
