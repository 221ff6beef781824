import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { MESSAGE_PLATFORMS } from '@ticklegram/domain-models';
import { columns, dialectOf } from '../column-types';

const SUMS = ['messages_in', 'messages_out', 'replies_window', 'replies_human_agent', 'replies_template', 'replies_other'];

/**
 * A year's overview (issue 12) grouped ~70k rows of `analytics_message_channel_totals` (15 minutes × channel) into
 * local hours through a temporary table. The same sums per UTC hour × channel (a quarter of the rows), filled here
 * from the 15-minute ones and then kept by the projector; the overview reads them when the time zone's offset is
 * whole hours over the range (`AnalyticsQueryRepository.hourSums`).
 */
export class AddAnalyticsChannelHourlyTotals1764850000000 implements MigrationInterface {
  name = 'AddAnalyticsChannelHourlyTotals1764850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner.connection.driver.options.type);
    const c = columns(dialect);
    await queryRunner.createTable(
      new Table({
        name: 'analytics_message_channel_hourly_totals',
        columns: [
          c.timestamp('hour_at', { isPrimary: true }),
          c.uuid('channel_id', { isPrimary: true }),
          c.enum('platform', MESSAGE_PLATFORMS),
          ...SUMS.map((sum) => c.int(sum, { default: 0 })),
        ],
      }),
    );
    // the UTC hour's start, in each database's datetime format
    const hour = dialect === 'mysql' ? "CAST(DATE_FORMAT(bucket_at, '%Y-%m-%d %H:00:00') AS DATETIME(3))" : "substr(bucket_at, 1, 13) || ':00:00.000'";
    await queryRunner.query(
      `INSERT INTO analytics_message_channel_hourly_totals (hour_at, channel_id, platform, ${SUMS.join(', ')})
       SELECT ${hour}, channel_id, MIN(platform), ${SUMS.map((sum) => `SUM(${sum})`).join(', ')}
       FROM analytics_message_channel_totals GROUP BY ${hour}, channel_id`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('analytics_message_channel_hourly_totals');
  }
}
