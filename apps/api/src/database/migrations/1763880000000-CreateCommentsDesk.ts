import { MigrationInterface, QueryRunner, Table, TableColumn, TableColumnOptions, TableIndex, TableUnique } from 'typeorm';
import { columns, dialectOf } from '../column-types';

const STATUSES = ['needs_reply', 'replied', 'done', 'hidden', 'deleted', 'own'];
const ACTIONS = ['public_reply', 'private_reply', 'hide', 'unhide', 'delete', 'assign', 'done', 'reopen', 'label'];
const ACTION_STATUSES = ['queued', 'running', 'done', 'failed', 'skipped'];

/** The comments desk: comment status/assignment/reply columns, posts, the action log + queue, rules, backfills, per-status counters. */
export class CreateCommentsDesk1763880000000 implements MigrationInterface {
  name = 'CreateCommentsDesk1763880000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner.connection.driver.options.type);
    const c = columns(dialect);
    const int = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
      ...c.int(name, extra),
      type: dialect === 'mysql' ? 'int' : 'integer',
    });
    const text = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'text', ...extra });

    await queryRunner.addColumns('comments', [
      new TableColumn(c.boolean('is_reply', { default: false })),
      new TableColumn(c.boolean('is_ad', { default: false })),
      new TableColumn(c.string('ad_title', 255, { isNullable: true })),
      new TableColumn(c.string('removed_by', 16, { isNullable: true })),
      new TableColumn(c.enum('status', STATUSES, { default: "'needs_reply'" })),
      new TableColumn(c.uuid('assignee_id', { isNullable: true })),
      new TableColumn(c.json('label_ids', { isNullable: true })),
      new TableColumn(c.timestamp('replied_at', { isNullable: true })),
      new TableColumn(c.timestamp('private_replied_at', { isNullable: true })),
      new TableColumn(c.string('private_reply_mid', 191, { isNullable: true })),
      new TableColumn(c.string('private_reply_recipient_id', 64, { isNullable: true })),
      new TableColumn(c.boolean('private_reply_queued', { default: false })),
      new TableColumn(c.timestamp('done_at', { isNullable: true })),
    ]);
    // rows stored before this migration: derive the new columns
    await queryRunner.query(`UPDATE comments SET is_reply = 1 WHERE parent_external_id IS NOT NULL`);
    await queryRunner.query(`UPDATE comments SET is_ad = 1 WHERE ad_id IS NOT NULL`);
    await queryRunner.query(`UPDATE comments SET status = 'hidden' WHERE is_hidden = 1`);
    await queryRunner.query(`UPDATE comments SET status = 'deleted' WHERE removed_at IS NOT NULL`);
    await queryRunner.query(`UPDATE comments SET status = 'own' WHERE is_from_business = 1`);

    await queryRunner.dropIndex('comments', 'idx_comments_object');
    const commentIndexes: [string, string[]][] = [
      ['idx_comments_status_commented', ['status', 'commented_at', 'id']],
      ['idx_comments_commented', ['commented_at', 'id']],
      ['idx_comments_channel_status', ['channel_id', 'status', 'commented_at', 'id']],
      ['idx_comments_object_status', ['object_external_id', 'status', 'commented_at', 'id']],
      ['idx_comments_kind_status', ['kind', 'status', 'commented_at', 'id']],
      ['idx_comments_assignee_status', ['assignee_id', 'status', 'commented_at', 'id']],
      ['idx_comments_private_recipient', ['channel_id', 'private_reply_recipient_id']],
    ];
    for (const [name, columnNames] of commentIndexes) await queryRunner.createIndex('comments', new TableIndex({ name, columnNames }));

    await queryRunner.createTable(
      new Table({
        name: 'comment_posts',
        columns: [
          c.uuidPrimary(),
          c.uuid('channel_id'),
          c.enum('platform', ['INSTAGRAM', 'FACEBOOK']),
          c.string('external_id', 191),
          c.string('product_type', 32, { isNullable: true }),
          c.boolean('is_ad', { default: false }),
          c.string('ad_id', 64, { isNullable: true }),
          c.string('ad_title', 255, { isNullable: true }),
          text('caption', { isNullable: true }),
          c.string('permalink_url', 1024, { isNullable: true }),
          c.string('thumbnail_url', 2048, { isNullable: true }),
          c.timestamp('posted_at', { isNullable: true }),
          c.timestamp('last_comment_at', { isNullable: true }),
          c.timestamp('live_ended_at', { isNullable: true }),
          c.timestamp('fetched_at', { isNullable: true }),
          c.timestamp('created_at'),
          c.timestamp('updated_at'),
        ],
        uniques: [new TableUnique({ name: 'uq_comment_posts_channel_external', columnNames: ['channel_id', 'external_id'] })],
      }),
    );
    await queryRunner.createIndex('comment_posts', new TableIndex({ name: 'idx_comment_posts_last_comment', columnNames: ['last_comment_at', 'id'] }));
    await queryRunner.createIndex(
      'comment_posts',
      new TableIndex({ name: 'idx_comment_posts_channel_last_comment', columnNames: ['channel_id', 'last_comment_at', 'id'] }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'comment_actions',
        columns: [
          c.uuidPrimary(),
          c.uuid('comment_id'),
          c.uuid('channel_id'),
          c.enum('action', ACTIONS),
          c.enum('status', ACTION_STATUSES),
          c.uuid('actor_user_id', { isNullable: true }),
          c.uuid('rule_id', { isNullable: true }),
          c.json('payload', { isNullable: true }),
          c.string('result_external_id', 191, { isNullable: true }),
          c.string('error_code', 40, { isNullable: true }),
          c.string('error_message', 500, { isNullable: true }),
          int('attempts', { default: 0 }),
          c.timestamp('next_attempt_at', { isNullable: true }),
          c.timestamp('lease_until', { isNullable: true }),
          c.timestamp('finished_at', { isNullable: true }),
          c.timestamp('created_at'),
          c.timestamp('updated_at'),
        ],
      }),
    );
    const actionIndexes: [string, string[]][] = [
      ['idx_comment_actions_comment', ['comment_id', 'created_at']],
      ['idx_comment_actions_rule', ['rule_id', 'created_at']],
      ['idx_comment_actions_due', ['status', 'next_attempt_at']],
      ['idx_comment_actions_budget', ['channel_id', 'action', 'status', 'finished_at']],
    ];
    for (const [name, columnNames] of actionIndexes) await queryRunner.createIndex('comment_actions', new TableIndex({ name, columnNames }));

    await queryRunner.createTable(
      new Table({
        name: 'comment_rules',
        columns: [
          c.uuidPrimary(),
          c.string('name', 120),
          c.boolean('enabled', { default: true }),
          int('position'),
          c.boolean('stop_processing', { default: false }),
          c.json('conditions'),
          c.json('actions'),
          c.uuid('created_by', { isNullable: true }),
          c.timestamp('created_at'),
          c.timestamp('updated_at'),
        ],
      }),
    );
    await queryRunner.createIndex('comment_rules', new TableIndex({ name: 'idx_comment_rules_position', columnNames: ['position'] }));

    await queryRunner.createTable(
      new Table({
        name: 'comment_backfills',
        columns: [
          c.uuidPrimary(),
          c.uuid('channel_id'),
          c.enum('trigger', ['connect', 'manual']),
          c.enum('status', ['running', 'done', 'failed']),
          c.uuid('requested_by', { isNullable: true }),
          int('posts_done', { default: 0 }),
          int('comments_seen', { default: 0 }),
          int('comments_added', { default: 0 }),
          c.string('error', 500, { isNullable: true }),
          c.timestamp('started_at'),
          c.timestamp('finished_at', { isNullable: true }),
          c.timestamp('created_at'),
          c.timestamp('updated_at'),
        ],
      }),
    );
    await queryRunner.createIndex('comment_backfills', new TableIndex({ name: 'idx_comment_backfills_channel', columnNames: ['channel_id', 'started_at'] }));

    await queryRunner.createTable(
      new Table({
        name: 'comment_counts',
        columns: [
          { ...c.uuid('channel_id'), isPrimary: true },
          { ...c.string('object_external_id', 191), isPrimary: true },
          { ...c.enum('kind', ['comment', 'live_comment', 'mention', 'post']), isPrimary: true },
          { ...c.boolean('is_reply'), isPrimary: true },
          { ...c.boolean('is_ad'), isPrimary: true },
          { ...c.uuid('assignee_id'), isPrimary: true },
          { ...c.enum('status', STATUSES), isPrimary: true },
          c.enum('platform', ['INSTAGRAM', 'FACEBOOK']),
          int('n', { default: 0 }),
        ],
      }),
    );
    await queryRunner.query(`INSERT INTO comment_counts (channel_id, object_external_id, kind, is_reply, is_ad, assignee_id, status, platform, n)
      SELECT channel_id, COALESCE(object_external_id, ''), kind, is_reply, is_ad, COALESCE(assignee_id, ''), status, platform, COUNT(*)
      FROM comments GROUP BY channel_id, COALESCE(object_external_id, ''), kind, is_reply, is_ad, COALESCE(assignee_id, ''), status, platform`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('comment_counts');
    await queryRunner.dropIndex('comment_backfills', 'idx_comment_backfills_channel');
    await queryRunner.dropTable('comment_backfills');
    await queryRunner.dropIndex('comment_rules', 'idx_comment_rules_position');
    await queryRunner.dropTable('comment_rules');
    for (const name of ['idx_comment_actions_comment', 'idx_comment_actions_rule', 'idx_comment_actions_due', 'idx_comment_actions_budget'])
      await queryRunner.dropIndex('comment_actions', name);
    await queryRunner.dropTable('comment_actions');
    await queryRunner.dropIndex('comment_posts', 'idx_comment_posts_last_comment');
    await queryRunner.dropIndex('comment_posts', 'idx_comment_posts_channel_last_comment');
    await queryRunner.dropTable('comment_posts');
    for (const name of [
      'idx_comments_status_commented',
      'idx_comments_commented',
      'idx_comments_channel_status',
      'idx_comments_object_status',
      'idx_comments_kind_status',
      'idx_comments_assignee_status',
      'idx_comments_private_recipient',
    ]) {
      await queryRunner.dropIndex('comments', name);
    }
    await queryRunner.createIndex('comments', new TableIndex({ name: 'idx_comments_object', columnNames: ['object_external_id'] }));
    for (const name of [
      'done_at',
      'private_reply_queued',
      'private_reply_recipient_id',
      'private_reply_mid',
      'private_replied_at',
      'replied_at',
      'label_ids',
      'assignee_id',
      'status',
      'removed_by',
      'ad_title',
      'is_ad',
      'is_reply',
    ]) {
      await queryRunner.dropColumn('comments', name);
    }
  }
}
