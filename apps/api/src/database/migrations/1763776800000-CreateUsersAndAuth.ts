import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { columns, dialectOf } from '../column-types';

export class CreateUsersAndAuth1763776800000 implements MigrationInterface {
  name = 'CreateUsersAndAuth1763776800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(dialectOf(queryRunner.connection.driver.options.type));

    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          c.uuidPrimary(),
          c.string('email', 320),
          c.string('name', 120),
          c.enum('role', ['ADMIN', 'AGENT']),
          c.boolean('active', { default: true }),
          c.string('password_hash', 100),
          c.timestamp('last_login_at', { isNullable: true }),
          c.timestamp('created_at'),
          c.timestamp('updated_at'),
        ],
        uniques: [{ name: 'uq_users_email', columnNames: ['email'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [
          c.uuidPrimary(),
          c.uuid('user_id'),
          c.uuid('family_id'),
          c.string('token_hash', 64),
          c.timestamp('expires_at'),
          c.timestamp('revoked_at', { isNullable: true }),
          c.uuid('replaced_by_id', { isNullable: true }),
          c.string('user_agent', 255, { isNullable: true }),
          c.string('ip', 64, { isNullable: true }),
          c.timestamp('created_at'),
        ],
        uniques: [{ name: 'uq_refresh_tokens_token_hash', columnNames: ['token_hash'] }],
      }),
    );
    await queryRunner.createIndex('refresh_tokens', new TableIndex({ name: 'idx_refresh_tokens_family', columnNames: ['family_id'] }));
    await queryRunner.createIndex('refresh_tokens', new TableIndex({ name: 'idx_refresh_tokens_user', columnNames: ['user_id'] }));
    await queryRunner.createForeignKey(
      'refresh_tokens',
      new TableForeignKey({
        name: 'fk_refresh_tokens_user',
        columnNames: ['user_id'],
        referencedTableName: 'users',
        referencedColumnNames: ['id'],
        onDelete: 'CASCADE',
        onUpdate: 'NO ACTION',
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          c.incrementPrimary(),
          c.uuid('actor_id', { isNullable: true }),
          c.string('actor_email', 320, { isNullable: true }),
          c.string('action', 80),
          c.string('target_type', 60, { isNullable: true }),
          c.string('target_id', 120, { isNullable: true }),
          c.json('details', { isNullable: true }),
          c.string('ip', 64, { isNullable: true }),
          c.timestamp('created_at'),
        ],
      }),
    );
    await queryRunner.createIndex('audit_log', new TableIndex({ name: 'idx_audit_log_created', columnNames: ['created_at'] }));
    await queryRunner.createIndex('audit_log', new TableIndex({ name: 'idx_audit_log_target', columnNames: ['target_type', 'target_id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_log');
    await queryRunner.dropTable('refresh_tokens');
    await queryRunner.dropTable('users');
  }
}
