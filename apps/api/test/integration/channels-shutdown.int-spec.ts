import { ChannelsService } from '../../src/modules/channels/channels.service';
import { startTestApp } from '../utils/test-app';
import { createTestDatabase, TestDatabase } from '../utils/test-database';

/** What the api still holds in memory when it stops is written before its database connection closes. */
describe('channel webhook counts at shutdown (integration)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  it('writes the webhook counts and time not flushed yet while closing, not after the database is gone', async () => {
    const channelId = '00000000-0000-4000-8000-00000000beef';
    const first = await startTestApp({}, { db, keepDatabase: true });
    const channels = first.app.get(ChannelsService);
    await channels.recordWebhookReceived(channelId, new Date());
    await channels.recordWebhookReceived(channelId, new Date());
    await first.close();

    const second = await startTestApp({}, { db });
    try {
      const rows: { n: number | string | null }[] = await second.dataSource.query('SELECT SUM(count) AS n FROM channel_webhook_minutes WHERE channel_id = ?', [
        channelId,
      ]);
      expect(Number(rows[0]?.n)).toBe(2);
    } finally {
      await second.close();
    }
  });
});
