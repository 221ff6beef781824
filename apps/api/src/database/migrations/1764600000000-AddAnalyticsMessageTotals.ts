import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { MESSAGE_PLATFORMS } from '@ticklegram/domain-models';
import { columns, dialectOf } from '../column-types';

const SUMS = ['messages_in', 'messages_out', 'replies_window', 'replies_human_agent', 'replies_template', 'replies_other'];

const OLD_CYCLE_INDEXES = [
  new TableIndex({ name: 'idx_analytics_cycles_opened', columnNames: ['opened_at'] }),
  new TableIndex({ name: 'idx_analytics_cycles_resolved', columnNames: ['resolved_at'] }),
];
/** Everything the overview reads of a cycle, so a range of cycles is read from the index alone. */
const COVERING_CYCLE_INDEXES = [
  new TableIndex({
    name: 'idx_analytics_cycles_opened_covering',
    columnNames: ['opened_at', 'channel_id', 'platform', 'assignee_id', 'frt_seconds', 'frt_business_seconds', 'from_ad'],
  }),
  new TableIndex({
    name: 'idx_analytics_cycles_resolved_covering',
    columnNames: ['resolved_at', 'channel_id', 'platform', 'assignee_id', 'resolution_seconds', 'resolution_business_seconds'],
  }),
];
const TOTALS_ASSIGNEE_INDEX = new TableIndex({ name: 'idx_analytics_message_totals_assignee', columnNames: ['assignee_key', 'bucket_at'] });
/** "Live now": the oldest waiting conversations in index order (no filesort), and the open counts. */
const CONVERSATION_INDEXES = [
  new TableIndex({ name: 'idx_conversations_waiting', columnNames: ['last_message_direction', 'last_customer_message_at', 'id'] }),
  new TableIndex({ name: 'idx_conversations_status_assignee', columnNames: ['status', 'assignee_id'] }),
];

/**
 * Analytics at scale (issue 12): message sums across conversations per 15-minute bucket × channel ×
 * assignee, per UTC day × channel × assignee and per 15-minute bucket × channel (filled here from the per-conversation buckets, then kept
 * by the projector), covering
 * indexes for the cycle reads, and the indexes of the live-now queries on `conversations`.
 */
export class AddAnalyticsMessageTotals1764600000000 implements MigrationInterface {
  name = 'AddAnalyticsMessageTotals1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner.connection.driver.options.type);
    const c = columns(dialect);
    const totalsTable = (name: string, timeColumn: string, perAssignee: boolean, indices: TableIndex[] = []) =>
      new Table({
        name,
        columns: [
          c.timestamp(timeColumn, { isPrimary: true }),
          c.uuid('channel_id', { isPrimary: true }),
          ...(perAssignee ? [c.uuid('assignee_key', { isPrimary: true })] : []),
          c.enum('platform', MESSAGE_PLATFORMS),
          ...SUMS.map((sum) => c.int(sum, { default: 0 })),
        ],
        indices,
      });
    await queryRunner.createTable(totalsTable('analytics_message_totals', 'bucket_at', true, [TOTALS_ASSIGNEE_INDEX]));
    await queryRunner.createTable(totalsTable('analytics_message_daily_totals', 'day_at', true));
    await queryRunner.createTable(totalsTable('analytics_message_channel_totals', 'bucket_at', false));
    const sums = SUMS.join(', ');
    const summed = SUMS.map((sum) => `SUM(${sum})`).join(', ');
    await queryRunner.query(
      `INSERT INTO analytics_message_totals (bucket_at, channel_id, assignee_key, platform, ${sums})
       SELECT bucket_at, channel_id, COALESCE(assignee_id, ''), MIN(platform), ${summed}
       FROM analytics_message_buckets GROUP BY bucket_at, channel_id, COALESCE(assignee_id, '')`,
    );
    // UTC midnight, in each database's datetime format
    const day = dialect === 'mysql' ? 'CAST(DATE(bucket_at) AS DATETIME(3))' : "substr(bucket_at, 1, 10) || ' 00:00:00.000'";
    await queryRunner.query(
      `INSERT INTO analytics_message_daily_totals (day_at, channel_id, assignee_key, platform, ${sums})
       SELECT ${day}, channel_id, assignee_key, MIN(platform), ${summed}
       FROM analytics_message_totals GROUP BY ${day}, channel_id, assignee_key`,
    );
    await queryRunner.query(
      `INSERT INTO analytics_message_channel_totals (bucket_at, channel_id, platform, ${sums})
       SELECT bucket_at, channel_id, MIN(platform), ${summed} FROM analytics_message_totals GROUP BY bucket_at, channel_id`,
    );
    for (const index of OLD_CYCLE_INDEXES) await queryRunner.dropIndex('analytics_conversation_cycles', index.name as string);
    for (const index of COVERING_CYCLE_INDEXES) await queryRunner.createIndex('analytics_conversation_cycles', index);
    for (const index of CONVERSATION_INDEXES) await queryRunner.createIndex('conversations', index);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of CONVERSATION_INDEXES) await queryRunner.dropIndex('conversations', index.name as string);
    for (const index of COVERING_CYCLE_INDEXES) await queryRunner.dropIndex('analytics_conversation_cycles', index.name as string);
    for (const index of OLD_CYCLE_INDEXES) await queryRunner.createIndex('analytics_conversation_cycles', index);
    await queryRunner.dropTable('analytics_message_channel_totals');
    await queryRunner.dropTable('analytics_message_daily_totals');
    await queryRunner.dropTable('analytics_message_totals');
  }
}
