import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';
import { columns, dialectOf } from '../column-types';

const STATUSES = ['active', 'needs_reauth', 'disconnected'] as const;
const SUBSCRIPTION_STATES = ['subscribed', 'missing', 'unknown'] as const;

export class CreateChannels1763780000000 implements MigrationInterface {
  name = 'CreateChannels1763780000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(dialectOf(queryRunner.connection.driver.options.type));
    const channelColumns = (): TableColumnOptions[] => [
      c.string('name', 255),
      c.string('picture_url', 1024, { isNullable: true }),
      c.string('access_token_enc', 2048, { isNullable: true }),
      c.timestamp('token_expires_at', { isNullable: true }),
      c.timestamp('token_issued_at', { isNullable: true }),
      c.timestamp('token_checked_at', { isNullable: true }),
      c.json('scopes'),
      c.enum('status', STATUSES),
      c.string('status_reason', 500, { isNullable: true }),
      c.boolean('human_agent_enabled', { default: true }),
      c.timestamp('last_webhook_at', { isNullable: true }),
      c.timestamp('last_graph_error_at', { isNullable: true }),
      c.json('last_graph_error', { isNullable: true }),
      c.enum('subscription_state', SUBSCRIPTION_STATES),
      c.json('subscribed_fields'),
      c.timestamp('subscription_checked_at', { isNullable: true }),
      c.uuid('connected_by_id', { isNullable: true }),
      c.timestamp('connected_at'),
      c.timestamp('created_at'),
      c.timestamp('updated_at'),
    ];
    const profileColumns = (): TableColumnOptions[] => [
      c.uuid('channel_id'),
      c.string('name', 255, { isNullable: true }),
      c.string('profile_pic_url', 2048, { isNullable: true }),
      c.timestamp('fetched_at', { isNullable: true }),
      c.timestamp('created_at'),
      c.timestamp('updated_at'),
    ];

    await queryRunner.createTable(
      new Table({
        name: 'instagram_accounts',
        columns: [
          c.uuidPrimary(),
          c.string('ig_user_id', 32),
          c.string('app_scoped_id', 32, { isNullable: true }),
          c.string('username', 64, { isNullable: true }),
          c.enum('connection', ['facebook_login', 'instagram_login']),
          c.string('linked_page_id', 32, { isNullable: true }),
          ...channelColumns(),
        ],
        uniques: [{ name: 'uq_instagram_accounts_ig_user_id', columnNames: ['ig_user_id'] }],
      }),
    );
    await queryRunner.createIndex('instagram_accounts', new TableIndex({ name: 'idx_instagram_accounts_linked_page', columnNames: ['linked_page_id'] }));

    await queryRunner.createTable(
      new Table({
        name: 'facebook_pages',
        columns: [c.uuidPrimary(), c.string('page_id', 32), c.string('username', 64, { isNullable: true }), ...channelColumns()],
        uniques: [{ name: 'uq_facebook_pages_page_id', columnNames: ['page_id'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'instagram_users',
        columns: [c.uuidPrimary(), c.string('igsid', 32), c.string('username', 64, { isNullable: true }), ...profileColumns()],
        uniques: [{ name: 'uq_instagram_users_channel_igsid', columnNames: ['channel_id', 'igsid'] }],
      }),
    );
    await queryRunner.createForeignKey(
      'instagram_users',
      new TableForeignKey({
        name: 'fk_instagram_users_channel',
        columnNames: ['channel_id'],
        referencedTableName: 'instagram_accounts',
        referencedColumnNames: ['id'],
        onDelete: 'CASCADE',
        onUpdate: 'NO ACTION',
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'facebook_users',
        columns: [c.uuidPrimary(), c.string('psid', 32), ...profileColumns()],
        uniques: [{ name: 'uq_facebook_users_channel_psid', columnNames: ['channel_id', 'psid'] }],
      }),
    );
    await queryRunner.createForeignKey(
      'facebook_users',
      new TableForeignKey({
        name: 'fk_facebook_users_channel',
        columnNames: ['channel_id'],
        referencedTableName: 'facebook_pages',
        referencedColumnNames: ['id'],
        onDelete: 'CASCADE',
        onUpdate: 'NO ACTION',
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('facebook_users');
    await queryRunner.dropTable('instagram_users');
    await queryRunner.dropTable('facebook_pages');
    await queryRunner.dropTable('instagram_accounts');
  }
}
