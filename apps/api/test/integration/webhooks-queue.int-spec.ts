import { AppConfig } from '../../src/config/app-config';
import { ChannelsService } from '../../src/modules/channels/channels.service';
import { WebhookEventEntity } from '../../src/modules/webhooks/entities/webhook-event.entity';
import { WebhookEventRepository } from '../../src/modules/webhooks/repositories/webhook-event.repository';
import { WebhookProcessor } from '../../src/modules/webhooks/webhook-processor.service';
import { WebhookWorker } from '../../src/modules/webhooks/webhook-worker.service';
import { startTestApp, TestApp } from '../utils/test-app';
import { waitFor } from '../utils/webhooks-harness';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pageDelivery = (i: number) =>
  JSON.stringify({
    object: 'page',
    entry: [
      {
        id: 'queue-test-page',
        time: Date.now(),
        messaging: [{ sender: { id: `c${i}` }, recipient: { id: 'queue-test-page' }, timestamp: Date.now(), message: { mid: `m-queue-${i}`, text: 'hi' } }],
      },
    ],
  });

/**
 * The work queue itself (`webhook_events` claims, leases, attempt caps) on the real database — SQLite,
 * and MySQL/MariaDB with TEST_DATABASE_URL. The app's own worker is off; each test drives a worker.
 */
describe('webhook work queue (integration)', () => {
  let t: TestApp;
  let events: WebhookEventRepository;

  const insert = (i: number) =>
    events.insert({ endpoint: 'facebook', object: 'page', channelExternalId: 'queue-test-page', entryCount: 1, rawBody: pageDelivery(i), status: 'pending' });
  const row = async (id: number) => (await events.findById(id)) as WebhookEventEntity;
  const withWebhooks = (webhooks: Partial<AppConfig['webhooks']>): AppConfig => ({ ...t.config, webhooks: { ...t.config.webhooks, ...webhooks } });

  beforeAll(async () => {
    t = await startTestApp({ WEBHOOK_WORKER_ENABLED: 'false', WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_RETRY_BASE_MS: '20' });
    events = t.app.get(WebhookEventRepository);
  });
  afterAll(() => t?.close());
  beforeEach(() => t.dataSource.query('DELETE FROM webhook_events'));

  it('keeps renewing the lease of a batch slower than one lease, so no other worker claims its rows mid-batch', async () => {
    const ids = [await insert(1), await insert(2), await insert(3), await insert(4)];
    const processed: number[] = [];
    // each row takes 400 ms: the batch needs 1.6 s, three times the 500 ms lease
    const slow = {
      processBatch: async (claimed: WebhookEventEntity[], workerId: string) => {
        for (const one of claimed) {
          processed.push(one.id);
          await sleep(400);
          await events.finish(one.id, workerId, { status: 'processed', items: [], eventCount: 0, unsupportedCount: 0 });
        }
      },
      announceDead: async () => undefined,
    } as unknown as WebhookProcessor;
    const worker = new WebhookWorker(withWebhooks({ leaseMs: 500, claimBatch: 10, workerConcurrency: 1, pollIntervalMs: 50 }), events, slow);
    const stolen: number[] = [];
    await worker.start();
    try {
      await waitFor(async () => processed.length > 0, 5000, 'the batch to start');
      // another worker polls the queue for the whole batch
      const deadline = Date.now() + 2000;
      while (Date.now() < deadline) {
        stolen.push(...(await events.claim('intruder', 10, 500, 8)).rows.map((r) => r.id));
        await sleep(50);
      }
      await waitFor(async () => processed.length === ids.length && (await row(ids[3])).status === 'processed', 5000, 'the batch to finish');
    } finally {
      await worker.stop();
    }
    expect(stolen).toEqual([]);
    expect(processed).toEqual(ids);
    for (const id of ids) expect((await row(id)).status).toBe('processed');
  });

  it('a claim returns whole rows exactly as its UPDATE left them (no second read), in id order, a retry among them', async () => {
    const fresh = [await insert(11), await insert(12)];
    const retry = await insert(13);
    await t.dataSource.getRepository(WebhookEventEntity).update({ id: retry }, { status: 'failed', attempts: 1, nextAttemptAt: new Date(Date.now() - 1000) });
    const { rows } = await events.claim('claimer', 10, 60_000, 5);
    expect(rows.map((r) => r.id)).toEqual([...fresh, retry]);
    for (const claimed of rows) {
      const stored = await row(claimed.id);
      expect(claimed).toEqual(stored);
      expect(stored).toMatchObject({ status: 'processing', lockedBy: 'claimer' });
    }
    expect(rows.map((r) => r.attempts)).toEqual([1, 1, 2]);
    expect(JSON.parse(rows[0].rawBody).entry[0].messaging[0].message.mid).toBe('m-queue-11');
  });

  it("finishing a batch writes each row's outcome in one statement and leaves alone a row the worker no longer holds", async () => {
    const [mine, taken] = [await insert(21), await insert(22)];
    await events.claim('finisher', 10, 60_000, 5);
    // its lease ran out and another worker claimed it meanwhile
    await t.dataSource.getRepository(WebhookEventEntity).update({ id: taken }, { lockedBy: 'other' });
    const items = [{ type: 'message', dedupeKey: 'k-21', channelExternalId: 'queue-test-page', outcome: 'unsupported' as const }];
    await t.dataSource.transaction((m) =>
      events.finishMany(
        [
          { id: mine, status: 'unsupported', items, eventCount: 1, unsupportedCount: 1 },
          { id: taken, status: 'processed', items: [], eventCount: 0, unsupportedCount: 0 },
        ],
        'finisher',
        m,
      ),
    );
    expect(await row(mine)).toMatchObject({
      status: 'unsupported',
      items,
      eventCount: 1,
      unsupportedCount: 1,
      lockedBy: null,
      lockedUntil: null,
      lastError: null,
    });
    expect((await row(mine)).processedAt).toBeInstanceOf(Date);
    expect(await row(taken)).toMatchObject({ status: 'processing', lockedBy: 'other', items: null, processedAt: null });
  });

  it('stores deliveries claimed for this process (ids in order, processing, first attempt, leased) and releases the ones no loop started', async () => {
    const bodies = [pageDelivery(31), pageDelivery(32), pageDelivery(33)];
    const delivery = (rawBody: string) => ({
      endpoint: 'facebook',
      object: 'page',
      channelExternalId: 'queue-test-page',
      entryCount: 1,
      rawBody,
      status: 'pending' as const,
    });
    if (!events.returnsInsertedIds) {
      // MySQL has no INSERT … RETURNING: the receiver stores deliveries pending and the worker claims them
      expect(t.dataSource.options.type).toBe('mysql');
      const idle = { processBatch: async () => undefined, announceDead: async () => undefined } as unknown as WebhookProcessor;
      const worker = new WebhookWorker(withWebhooks({ workerConcurrency: 1 }), events, idle);
      await worker.start();
      await expect(worker.storeClaimed(bodies.map(delivery)))
        .resolves.toBe(false)
        .finally(() => worker.stop());
      return;
    }
    const before = Date.now();
    const stored = await events.insertClaimed(bodies.map(delivery), 'holder#h', 60_000);
    if (!stored) throw new Error('MariaDB and SQLite parse INSERT … RETURNING: nothing may be refused here');
    const ids = stored.map((r) => r.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    for (const [i, one] of stored.entries()) {
      const inDb = await row(one.id);
      // the row in memory is the row in the table: the worker applies it without reading it
      expect(inDb).toMatchObject({ status: 'processing', lockedBy: 'holder#h', attempts: 1, rawBody: bodies[i] });
      expect(one).toMatchObject({ status: inDb.status, lockedBy: inDb.lockedBy, attempts: inDb.attempts, rawBody: inDb.rawBody, endpoint: inDb.endpoint });
      expect(inDb.lockedUntil?.getTime()).toBeGreaterThanOrEqual(before + 59_000);
      expect(inDb.nextAttemptAt.getTime()).toBe(inDb.lockedUntil?.getTime());
    }
    // nothing to claim while they are held
    expect((await events.claim('other', 10, 1000, 8)).rows).toEqual([]);
    await events.release([ids[1], ids[2]], 'holder#h');
    await events.release([ids[0]], 'someone-else');
    expect(await row(ids[0])).toMatchObject({ status: 'processing', lockedBy: 'holder#h', attempts: 1 });
    expect(await row(ids[1])).toMatchObject({ status: 'pending', lockedBy: null, lockedUntil: null, attempts: 0 });
    // released: due now, a first attempt for whoever claims them
    const claimed = await events.claim('other', 10, 1000, 8);
    expect(claimed.rows.map((r) => [r.id, r.attempts])).toEqual([
      [ids[1], 1],
      [ids[2], 1],
    ]);
  });

  it('a row whose workers keep dying is not claimed again after the last attempt: the claim makes it dead', async () => {
    const id = await insert(5);
    // as left by a killed worker on its last attempt: processing, lease expired
    await t.dataSource
      .getRepository(WebhookEventEntity)
      .update({ id }, { status: 'processing', attempts: 3, lockedBy: 'gone', nextAttemptAt: new Date(Date.now() - 1000) });
    const { rows, dead } = await events.claim('survivor', 10, 500, 3);
    expect(rows).toEqual([]);
    expect(dead).toEqual([id]);
    const after = await row(id);
    expect(after.status).toBe('dead');
    expect(after.lockedBy).toBeNull();
    expect(after.lastError).toMatch(/gave up after 3 attempts/);
    // and nobody claims it later
    expect((await events.claim('later', 10, 500, 3)).rows).toEqual([]);
  });

  it('a delivery that fails outside its events is retried with backoff and goes dead after the last attempt', async () => {
    const id = await insert(6);
    const channels = t.app.get(ChannelsService);
    const spy = jest.spyOn(channels, 'resolveByExternalId').mockRejectedValue(new Error('channel directory unreachable'));
    const worker = new WebhookWorker(withWebhooks({ leaseMs: 60_000, pollIntervalMs: 30 }), events, t.app.get(WebhookProcessor));
    await worker.start();
    try {
      // without a recorded failure the row would sit `processing` for the whole 60 s lease
      await waitFor(async () => (await row(id)).status === 'dead', 8000, 'the delivery to go dead');
    } finally {
      await worker.stop();
      spy.mockRestore();
    }
    const after = await row(id);
    expect(after.attempts).toBe(3);
    expect(after.lastError).toMatch(/channel directory unreachable/);
  });
});
