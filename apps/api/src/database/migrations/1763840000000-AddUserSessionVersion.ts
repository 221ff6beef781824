import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columns, dialectOf } from '../column-types';

/**
 * `users.session_version`: stamped into every access token and bumped when a password is reset or the
 * account deactivated, so tokens issued before are refused at once.
 */
export class AddUserSessionVersion1763840000000 implements MigrationInterface {
  name = 'AddUserSessionVersion1763840000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner.connection.driver.options.type);
    // createTable turns SQLite's `int` into `integer`; addColumn does not, so name it as createTable would
    const column = { ...columns(dialect).int('session_version', { default: 0 }), ...(dialect === 'sqlite' && { type: 'integer' }) };
    await queryRunner.addColumn('users', new TableColumn(column));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('users', 'session_version');
  }
}
