import { startTestApp, TestApp } from '../utils/test-app';

/**
 * The schema is built only by migrations; entities must describe exactly that schema, on SQLite and on
 * MySQL/MariaDB. If this fails, a migration and an entity disagree (see `npm run db:migration:generate`).
 */
describe('database schema (integration)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('matches the entities after all migrations ran', async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('reverts every migration and applies them again', async () => {
    const count = t.dataSource.migrations.length;
    for (let i = 0; i < count; i += 1) await t.dataSource.undoLastMigration({ transaction: 'each' });
    const tables = await t.dataSource.createQueryRunner().getTables(['users']);
    expect(tables).toHaveLength(0);
    const applied = await t.dataSource.runMigrations({ transaction: 'each' });
    expect(applied).toHaveLength(count);
  });
});
