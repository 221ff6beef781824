import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex, TableUnique } from 'typeorm';
import { columns, dialectOf } from '../column-types';

/**
 * Instagram insights: daily account snapshots, follower demographics, media metrics, the sync state
 * per account, and what `story_insights` needs to show a story (picture, link, when it was posted, source).
 */
export class CreateInsights1763870000000 implements MigrationInterface {
  name = 'CreateInsights1763870000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(dialectOf(queryRunner.connection.driver.options.type));
    await queryRunner.createTable(
      new Table({
        name: 'insight_snapshots',
        columns: [c.incrementPrimary(), c.uuid('channel_id'), c.string('metric', 48), c.string('day', 10), c.int('value'), c.timestamp('fetched_at')],
        uniques: [new TableUnique({ name: 'uq_insight_snapshots_channel_metric_day', columnNames: ['channel_id', 'metric', 'day'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'insight_demographics',
        columns: [
          c.incrementPrimary(),
          c.uuid('channel_id'),
          c.string('metric', 48),
          c.string('breakdown', 24),
          c.string('captured_on', 10),
          c.json('counts'),
          c.timestamp('fetched_at'),
        ],
        uniques: [
          new TableUnique({ name: 'uq_insight_demographics_channel_breakdown_day', columnNames: ['channel_id', 'metric', 'breakdown', 'captured_on'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'media_insights',
        columns: [
          c.incrementPrimary(),
          c.uuid('channel_id'),
          c.string('media_id', 64),
          c.string('product_type', 16),
          c.string('media_type', 24),
          { name: 'caption', type: 'text', isNullable: true },
          c.string('permalink', 512, { isNullable: true }),
          { name: 'thumbnail_url', type: 'text', isNullable: true },
          c.timestamp('posted_at'),
          ...['views', 'reach', 'likes', 'comments', 'shares', 'saves', 'total_interactions'].map((name) => c.int(name, { isNullable: true })),
          c.json('extra'),
          c.string('unavailable_reason', 255, { isNullable: true }),
          c.timestamp('fetched_at'),
        ],
        uniques: [new TableUnique({ name: 'uq_media_insights_channel_media', columnNames: ['channel_id', 'media_id'] })],
      }),
    );
    await queryRunner.createIndex('media_insights', new TableIndex({ name: 'idx_media_insights_channel_posted', columnNames: ['channel_id', 'posted_at'] }));
    await queryRunner.createTable(
      new Table({
        name: 'insight_sync_states',
        columns: [
          { ...c.uuid('channel_id'), isPrimary: true },
          c.enum('state', ['idle', 'running', 'failed'], { default: "'idle'" }),
          c.string('phase', 24, { isNullable: true }),
          c.int('progress_done', { default: 0 }),
          c.int('progress_total', { default: 0 }),
          c.timestamp('started_at', { isNullable: true }),
          c.timestamp('lease_until', { isNullable: true }),
          c.timestamp('last_synced_at', { isNullable: true }),
          c.string('last_error', 500, { isNullable: true }),
          c.string('account_synced_through', 10, { isNullable: true }),
          c.timestamp('updated_at'),
        ],
      }),
    );
    await queryRunner.addColumns('story_insights', [
      new TableColumn(c.enum('source', ['webhook', 'api'], { default: "'webhook'" })),
      new TableColumn(c.string('media_type', 24, { isNullable: true })),
      new TableColumn({ name: 'thumbnail_url', type: 'text', isNullable: true }),
      new TableColumn(c.string('permalink', 512, { isNullable: true })),
      new TableColumn(c.timestamp('posted_at', { isNullable: true })),
    ]);
    await queryRunner.createIndex(
      'story_insights',
      new TableIndex({ name: 'idx_story_insights_channel_received', columnNames: ['channel_id', 'received_at'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('story_insights', 'idx_story_insights_channel_received');
    for (const column of ['posted_at', 'permalink', 'thumbnail_url', 'media_type', 'source']) await queryRunner.dropColumn('story_insights', column);
    await queryRunner.dropTable('insight_sync_states');
    await queryRunner.dropIndex('media_insights', 'idx_media_insights_channel_posted');
    await queryRunner.dropTable('media_insights');
    await queryRunner.dropTable('insight_demographics');
    await queryRunner.dropTable('insight_snapshots');
  }
}
