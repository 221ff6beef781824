import { Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { WebhookProcessor } from './webhook-processor.service';
import { NewWebhookEvent, WebhookEventRepository } from './repositories/webhook-event.repository';
import { CLAIM_WAIT_MS, LATENCY_LOOPS, WebhookWorker } from './webhook-worker.service';

const config = {
  webhooks: {
    workerEnabled: true,
    workerConcurrency: 1,
    claimBatch: 10,
    maxAttempts: 3,
    retryBaseMs: 10,
    leaseMs: 30_000,
    pollIntervalMs: 60_000,
    bodyLimitBytes: 1,
  },
} as unknown as AppConfig;

describe('WebhookWorker', () => {
  it('claims again at once when a row lands while it is busy claiming, instead of sleeping a whole poll interval', async () => {
    const row = { id: 1 };
    let claims = 0;
    const ref: { worker?: WebhookWorker } = {};
    const events = {
      isMysql: false,
      releaseAll: async () => 0,
      claim: async () => {
        claims += 1;
        // the receiver stores a row (and wakes the worker) while this SELECT is in flight
        if (claims === 1) ref.worker?.wake();
        return { rows: claims === 2 ? [row] : [], dead: [] };
      },
    } as unknown as WebhookEventRepository;
    const processed: unknown[] = [];
    const processor = { processBatch: async (rows: unknown[]) => void processed.push(...rows) } as unknown as WebhookProcessor;
    const worker = new WebhookWorker(config, events, processor);
    ref.worker = worker;

    const started = Date.now();
    await worker.start();
    while (processed.length === 0 && Date.now() - started < 2_000) await new Promise((r) => setTimeout(r, 5));
    await worker.stop();

    expect(processed).toEqual([row]);
    expect(Date.now() - started).toBeLessThan(2_000); // far below the 60 s poll interval
  });
});

describe('WebhookWorker wake-ups with several loops', () => {
  const fourLoops = { ...config, webhooks: { ...config.webhooks, workerConcurrency: 4 } } as AppConfig;

  /** A queue the fake claim takes rows from; `claims` counts every claim and which found nothing. */
  function harness(applyMs: number) {
    const queue: number[] = [];
    const stats = { claims: 0, empty: 0, batches: [] as number[], inFlight: 0, maxInFlight: 0 };
    /** When each non-empty claim returned. */
    const claimedAt: number[] = [];
    const events = {
      isMysql: true,
      claim: async (_worker: string, limit: number) => {
        stats.claims += 1;
        const rows = queue.splice(0, limit).map((id) => ({ id }));
        if (!rows.length) stats.empty += 1;
        else claimedAt.push(Date.now());
        return { rows, dead: [] };
      },
      extendLeases: async () => undefined,
    } as unknown as WebhookEventRepository;
    const processor = {
      processBatch: async (rows: unknown[]) => {
        stats.batches.push(rows.length);
        stats.inFlight += 1;
        stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
        await new Promise((r) => setTimeout(r, applyMs));
        stats.inFlight -= 1;
      },
    } as unknown as WebhookProcessor;
    const worker = new WebhookWorker(fourLoops, events, processor);
    const store = (n: number) => {
      for (let i = 0; i < n; i += 1) queue.push(queue.length + 1);
      worker.wake();
    };
    const drained = async () => {
      const started = Date.now();
      while ((queue.length || stats.batches.length === 0) && Date.now() - started < 2_000) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, 3 * applyMs));
    };
    return { worker, stats, store, drained, claimedAt };
  }

  it('wakes one sleeping loop per stored row; rows stored during a short batch go to that loop next, with no empty claim after', async () => {
    const { worker, stats, store, drained } = harness(4);
    await worker.start();
    // the four loops' first claims find nothing: all asleep
    await new Promise((r) => setTimeout(r, 20));
    const before = { claims: stats.claims, empty: stats.empty };
    store(1);
    await new Promise((r) => setTimeout(r, 1));
    // stored while the first batch (shorter than CLAIM_WAIT_MS) is applied: no other loop wakes for them
    store(1);
    store(1);
    await drained();
    await worker.stop();
    // woken loop: 1 row; then the same loop: the 2 rows stored meanwhile; nothing stored since that claim: it sleeps
    expect(stats.batches).toEqual([1, 2]);
    expect(stats.maxInFlight).toBe(1);
    expect(stats.claims - before.claims).toBe(2);
    expect(stats.empty - before.empty).toBe(0);
  });

  it(`a row stored during a long batch waits at most CLAIM_WAIT_MS (${CLAIM_WAIT_MS} ms) before a sleeping loop claims it`, async () => {
    const { worker, stats, store, drained, claimedAt } = harness(80);
    await worker.start();
    await new Promise((r) => setTimeout(r, 20));
    store(1);
    await new Promise((r) => setTimeout(r, 5));
    const storedAt = Date.now();
    store(1);
    await drained();
    await worker.stop();
    expect(stats.batches).toEqual([1, 1]);
    expect(stats.maxInFlight).toBe(2);
    // claimed long before the first batch (80 ms) ended
    expect(claimedAt[1] - storedAt).toBeGreaterThanOrEqual(CLAIM_WAIT_MS - 2);
    expect(claimedAt[1] - storedAt).toBeLessThan(CLAIM_WAIT_MS + 40);
  });

  it('a claim that finds a backlog wakes another loop, which takes the next batch meanwhile', async () => {
    const { worker, stats, store, drained } = harness(30);
    await worker.start();
    await new Promise((r) => setTimeout(r, 20));
    store(25);
    await drained();
    await worker.stop();
    // claim batch 10: a full batch wakes the next loop, and that one's full batch the next (10 + 10 + 5)
    expect([...stats.batches].sort((a, b) => b - a)).toEqual([10, 10, 5]);
    expect(stats.maxInFlight).toBe(3);
  });

  it(`rows waiting behind long batches wake at most ${LATENCY_LOOPS} loops; more join only for a backlog`, async () => {
    const { worker, stats, store, drained } = harness(80);
    await worker.start();
    await new Promise((r) => setTimeout(r, 20));
    store(1);
    await new Promise((r) => setTimeout(r, 5));
    store(1);
    await new Promise((r) => setTimeout(r, 2 * CLAIM_WAIT_MS + 5));
    // two loops are applying: this row waits for one of them instead of waking a third
    store(1);
    await drained();
    await worker.stop();
    expect(stats.batches).toEqual([1, 1, 1]);
    expect(stats.maxInFlight).toBe(LATENCY_LOOPS);
  });
});

describe('WebhookWorker rows stored claimed by the receiver', () => {
  const delivery: NewWebhookEvent = { endpoint: 'facebook', object: 'page', channelExternalId: 'p', entryCount: 1, rawBody: '{}', status: 'pending' };
  const deliveries = (n: number) => Array.from({ length: n }, () => delivery);
  const oneLoop = { ...config, webhooks: { ...config.webhooks, workerConcurrency: 1 } } as AppConfig;

  function harnessOf(applyMs: number, settings: AppConfig) {
    const stats = { claims: 0, batches: [] as number[], holders: [] as string[], released: [] as number[] };
    let nextId = 0;
    const events = {
      isMysql: true,
      returnsInsertedIds: true,
      claim: async () => {
        stats.claims += 1;
        return { rows: [], dead: [] };
      },
      extendLeases: async () => undefined,
      insertClaimed: async (rows: NewWebhookEvent[], holder: string) => rows.map(() => ({ id: (nextId += 1), lockedBy: holder })),
      release: async (ids: number[]) => void stats.released.push(...ids),
    } as unknown as WebhookEventRepository;
    const processor = {
      processBatch: async (rows: unknown[], holder: string) => {
        stats.batches.push(rows.length);
        stats.holders.push(holder);
        await new Promise((r) => setTimeout(r, applyMs));
      },
    } as unknown as WebhookProcessor;
    return { worker: new WebhookWorker(settings, events, processor), events, stats };
  }

  it('applies them from memory, held by its hand-off id, without a claim', async () => {
    const { worker, stats } = harnessOf(5, oneLoop);
    await worker.start();
    await new Promise((r) => setTimeout(r, 20));
    const claimsBefore = stats.claims;
    await expect(worker.storeClaimed(deliveries(3))).resolves.toBe(true);
    const started = Date.now();
    while (stats.batches.length === 0 && Date.now() - started < 2_000) await new Promise((r) => setTimeout(r, 2));
    await worker.stop();
    expect(stats.batches).toEqual([3]);
    expect(stats.holders[0]).toMatch(/#h$/);
    expect(stats.claims).toBe(claimsBefore);
    expect(stats.released).toEqual([]);
  });

  it('refuses them (the caller stores them pending) when the queue holds a batch per loop, the worker is stopped, or the database cannot return ids', async () => {
    const slow = harnessOf(200, oneLoop);
    await expect(slow.worker.storeClaimed(deliveries(1))).resolves.toBe(false); // not started
    await slow.worker.start();
    // claim batch 10, one loop: 10 rows in memory at most (the first 10 are taken by the loop at once)
    await expect(slow.worker.storeClaimed(deliveries(10))).resolves.toBe(true);
    await new Promise((r) => setTimeout(r, 5));
    await expect(slow.worker.storeClaimed(deliveries(10))).resolves.toBe(true);
    await expect(slow.worker.storeClaimed(deliveries(1))).resolves.toBe(false);
    await slow.worker.stop();

    const mysql = harnessOf(5, oneLoop);
    Object.defineProperty(mysql.events, 'returnsInsertedIds', { value: false });
    await mysql.worker.start();
    await expect(mysql.worker.storeClaimed(deliveries(1))).resolves.toBe(false);
    await mysql.worker.stop();
  });

  it('refuses them when the server turns out not to parse INSERT … RETURNING (nothing stored: the caller stores them pending)', async () => {
    const { worker, events, stats } = harnessOf(5, oneLoop);
    Object.defineProperty(events, 'insertClaimed', { value: async () => null });
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      await worker.start();
      await expect(worker.storeClaimed(deliveries(2))).resolves.toBe(false);
      await worker.stop();
      expect(stats.batches).toEqual([]);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('cannot return the ids of new rows'));
    } finally {
      warn.mockRestore();
    }
  });

  it('stopping releases the rows no loop has started, so they do not wait for their lease', async () => {
    const { worker, stats } = harnessOf(100, oneLoop);
    await worker.start();
    await worker.storeClaimed(deliveries(2));
    await new Promise((r) => setTimeout(r, 10));
    // the loop is applying the first two: these wait in memory
    await worker.storeClaimed(deliveries(3));
    await worker.stop();
    expect(stats.batches).toEqual([2]);
    expect(stats.released).toEqual([3, 4, 5]);
  });
});
