import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columns, dialectOf } from '../column-types';

/** Which api process runs each background job (`modules/jobs`): one row per job, taken and renewed by its runs. */
export class CreateJobLeases1764880000000 implements MigrationInterface {
  name = 'CreateJobLeases1764880000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(dialectOf(queryRunner.connection.driver.options.type));
    await queryRunner.createTable(
      new Table({
        name: 'job_leases',
        columns: [{ ...c.string('job', 64), isPrimary: true }, c.string('holder', 100), c.timestamp('locked_until')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('job_leases');
  }
}
