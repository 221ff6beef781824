import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columns, dialectOf } from '../column-types';

/**
 * `users.session_version`: stamped into every access token and bumped when a password is reset or the
 * account deactivated, so tokens issued before are refused at once.
 */
export class AddUserSessionVersion1763840000000 implements MigrationInterface {
  name = 'AddUserSessionVersion1763840000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(dialectOf(queryRunner.connection.driver.options.type));
    await queryRunner.addColumn('users', new TableColumn(c.int('session_version', { default: 0 })));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('users', 'session_version');
  }
}
