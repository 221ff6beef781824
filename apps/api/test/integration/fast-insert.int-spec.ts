import { isDuplicateKeyError, isSyntaxError } from '../../src/database/database-errors';
import { upsertRows } from '../../src/database/fast-insert';
import { AppliedEventEntity } from '../../src/modules/webhooks/entities/applied-event.entity';
import { startTestApp, TestApp } from '../utils/test-app';

/** The hand-built multi-row statements of the hot paths, on the real database (SQLite, and MySQL/MariaDB with TEST_DATABASE_URL). */
describe('fast multi-row writes (integration)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ WEBHOOK_WORKER_ENABLED: 'false' });
  });
  afterAll(() => t?.close());

  it('upsertRows inserts new keys and overwrites the other columns of existing ones, in one statement', async () => {
    const at = new Date('2026-12-01T10:00:00.123Z');
    const row = (key: string, type: string, webhookEventId: number): AppliedEventEntity => ({ dedupeKey: key, type, webhookEventId, appliedAt: at });
    await upsertRows(t.dataSource.manager, AppliedEventEntity, [row('up-1', 'message', 1), row('up-2', 'message', 2)], ['dedupeKey']);
    await upsertRows(t.dataSource.manager, AppliedEventEntity, [row('up-2', 'reaction', 20), row('up-3', 'read', 3)], ['dedupeKey']);
    const stored = await t.dataSource.getRepository(AppliedEventEntity).find({ order: { dedupeKey: 'ASC' } });
    expect(stored.filter((r) => r.dedupeKey.startsWith('up-'))).toEqual([row('up-1', 'message', 1), row('up-2', 'reaction', 20), row('up-3', 'read', 3)]);
  });

  it('tells a statement the server cannot parse (a MySQL server given INSERT … RETURNING) from other failures', async () => {
    const failure = (sql: string) =>
      t.dataSource.query(sql).then(
        () => null,
        (error: unknown) => error,
      );
    const unparsable = await failure('INSERT INTO applied_events (dedupe_key) VALUES (1) RETURNING RETURNING');
    expect(isSyntaxError(unparsable)).toBe(true);
    await t.dataSource.query(
      "INSERT INTO applied_events (dedupe_key, type, webhook_event_id, applied_at) VALUES ('syntax-1', 'message', 1, '2026-12-01 10:00:00')",
    );
    const duplicate = await failure(
      "INSERT INTO applied_events (dedupe_key, type, webhook_event_id, applied_at) VALUES ('syntax-1', 'message', 1, '2026-12-01 10:00:00')",
    );
    expect(isDuplicateKeyError(duplicate)).toBe(true);
    expect(isSyntaxError(duplicate)).toBe(false);
  });
});
