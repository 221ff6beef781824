import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columns, dialectOf } from '../column-types';

const STATUSES = ['needs_reply', 'replied', 'done', 'hidden', 'deleted', 'own'];

/**
 * The comments desk's counts without a post filter (issue 10): `comment_channel_counts` is
 * `comment_counts` without the post in its key (a few hundred rows instead of one per post and key),
 * split into slots per writer connection (see `CommentChannelCountEntity`), filled here from `comments`
 * into slot 0 and then kept by `CommentCounters`.
 */
export class CreateCommentChannelCounts1764810000000 implements MigrationInterface {
  name = 'CreateCommentChannelCounts1764810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner.connection.driver.options.type);
    const c = columns(dialect);
    await queryRunner.createTable(
      new Table({
        name: 'comment_channel_counts',
        columns: [
          { ...c.uuid('channel_id'), isPrimary: true },
          { ...c.enum('kind', ['comment', 'live_comment', 'mention', 'post']), isPrimary: true },
          { ...c.boolean('is_reply'), isPrimary: true },
          { ...c.boolean('is_ad'), isPrimary: true },
          { ...c.uuid('assignee_id'), isPrimary: true },
          { ...c.enum('status', STATUSES), isPrimary: true },
          { ...c.int('slot'), isPrimary: true },
          c.enum('platform', ['INSTAGRAM', 'FACEBOOK']),
          c.int('n', { default: 0 }),
        ],
      }),
    );
    await queryRunner.query(`INSERT INTO comment_channel_counts (channel_id, kind, is_reply, is_ad, assignee_id, status, slot, platform, n)
      SELECT channel_id, kind, is_reply, is_ad, COALESCE(assignee_id, ''), status, 0, platform, COUNT(*)
      FROM comments GROUP BY channel_id, kind, is_reply, is_ad, COALESCE(assignee_id, ''), status, platform`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('comment_channel_counts');
  }
}
