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
});
