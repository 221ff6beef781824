import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/** Indexes the retention jobs select by (their cut-off column), so pruning never scans a whole table. */
const INDEXES: { table: string; index: TableIndex }[] = [
  { table: 'applied_events', index: new TableIndex({ name: 'idx_applied_events_applied', columnNames: ['applied_at'] }) },
  { table: 'refresh_tokens', index: new TableIndex({ name: 'idx_refresh_tokens_expires', columnNames: ['expires_at'] }) },
  { table: 'refresh_tokens', index: new TableIndex({ name: 'idx_refresh_tokens_revoked', columnNames: ['revoked_at'] }) },
  { table: 'uploads', index: new TableIndex({ name: 'idx_uploads_created', columnNames: ['created_at'] }) },
];

export class AddRetentionIndexes1763850000000 implements MigrationInterface {
  name = 'AddRetentionIndexes1763850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, index } of INDEXES) await queryRunner.createIndex(table, index);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, index } of [...INDEXES].reverse()) await queryRunner.dropIndex(table, index.name as string);
  }
}
