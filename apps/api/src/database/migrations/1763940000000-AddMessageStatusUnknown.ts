import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columns, dialectOf } from '../column-types';

const BEFORE = ['received', 'pending', 'sent', 'delivered', 'read', 'failed'];

/** `messages.status` gains `unknown`: a send Meta may have delivered although it never answered. */
export class AddMessageStatusUnknown1763940000000 implements MigrationInterface {
  name = 'AddMessageStatusUnknown1763940000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(dialectOf(queryRunner.connection.driver.options.type));
    await queryRunner.changeColumn('messages', 'status', new TableColumn(c.enum('status', [...BEFORE, 'unknown'])));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const c = columns(dialectOf(queryRunner.connection.driver.options.type));
    // an unconfirmed send is the closest the old set has: failed, with the reason kept
    await queryRunner.query(`UPDATE messages SET status = 'failed' WHERE status = 'unknown'`);
    await queryRunner.changeColumn('messages', 'status', new TableColumn(c.enum('status', BEFORE)));
  }
}
