import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * The desk's counts for one post (`postId` filter, the posts column's counts) read `comment_counts` by post,
 * which its primary key (channel first) cannot serve: at 2,000 posts that was a scan of ~53k rows per request.
 */
export class IndexCommentCountsByPost1764820000000 implements MigrationInterface {
  name = 'IndexCommentCountsByPost1764820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('comment_counts', new TableIndex({ name: 'idx_comment_counts_object', columnNames: ['object_external_id', 'channel_id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('comment_counts', 'idx_comment_counts_object');
  }
}
