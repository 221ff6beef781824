import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';
import { columns, dialectOf } from '../column-types';

const PLATFORMS = ['INSTAGRAM', 'FACEBOOK'] as const;
const UPLOAD_KINDS = ['image', 'audio', 'video', 'file'] as const;

/** Uploads for outbound attachments, conversation snoozes, and the key/value app settings (assignment). */
export class CreateMessagingAndAssignment1763800000000 implements MigrationInterface {
  name = 'CreateMessagingAndAssignment1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner.connection.driver.options.type);
    const c = columns(dialect);
    // SQLite reads INT columns back as "integer"; declare them that way so the schema check stays quiet
    const int = (name: string): TableColumnOptions => ({ ...c.int(name), type: dialect === 'mysql' ? 'int' : 'integer' });
    await queryRunner.createTable(
      new Table({
        name: 'uploads',
        columns: [
          c.uuidPrimary(),
          c.uuid('user_id'),
          c.enum('platform', PLATFORMS),
          c.enum('kind', UPLOAD_KINDS),
          c.string('file_name', 255),
          c.string('mime_type', 127),
          int('size_bytes'),
          c.string('stored_file', 255),
          c.timestamp('created_at'),
        ],
      }),
    );
    await queryRunner.createIndex('uploads', new TableIndex({ name: 'idx_uploads_user', columnNames: ['user_id'] }));

    await queryRunner.createTable(
      new Table({
        name: 'conversation_snoozes',
        columns: [c.uuidPrimary('conversation_id'), c.timestamp('snoozed_until'), c.uuid('snoozed_by', { isNullable: true }), c.timestamp('created_at')],
      }),
    );
    await queryRunner.createIndex('conversation_snoozes', new TableIndex({ name: 'idx_conversation_snoozes_until', columnNames: ['snoozed_until'] }));

    await queryRunner.createTable(
      new Table({
        name: 'app_settings',
        columns: [
          { name: 'key', type: 'varchar', length: '64', isPrimary: true },
          c.json('value'),
          c.uuid('updated_by', { isNullable: true }),
          c.timestamp('updated_at'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('app_settings');
    await queryRunner.dropIndex('conversation_snoozes', 'idx_conversation_snoozes_until');
    await queryRunner.dropTable('conversation_snoozes');
    await queryRunner.dropIndex('uploads', 'idx_uploads_user');
    await queryRunner.dropTable('uploads');
  }
}
