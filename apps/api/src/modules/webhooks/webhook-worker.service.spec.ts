import { AppConfig } from '../../config/app-config';
import { WebhookEventRepository } from './repositories/webhook-event.repository';
import { WebhookProcessor } from './webhook-processor.service';
import { WebhookWorker } from './webhook-worker.service';

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
    const events = {
      isMysql: true,
      claim: async (_worker: string, limit: number) => {
        stats.claims += 1;
        const rows = queue.splice(0, limit).map((id) => ({ id }));
        if (!rows.length) stats.empty += 1;
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
    return { worker, stats, store, drained };
  }

  it('wakes one sleeping loop per stored row, and none while a loop is busy: that loop takes the rows that arrived meanwhile', async () => {
    const { worker, stats, store, drained } = harness(30);
    await worker.start();
    // the four loops' first claims find nothing: all asleep
    await new Promise((r) => setTimeout(r, 20));
    const before = { claims: stats.claims, empty: stats.empty };
    store(1);
    await new Promise((r) => setTimeout(r, 5));
    // rows stored while the first batch is applied: no other loop wakes for them
    store(1);
    store(1);
    await drained();
    await worker.stop();
    // woken loop: 1 row; then the same loop: the 2 rows stored meanwhile; then one empty claim before it sleeps
    expect(stats.batches).toEqual([1, 2]);
    expect(stats.maxInFlight).toBe(1);
    expect(stats.claims - before.claims).toBe(3);
    expect(stats.empty - before.empty).toBe(1);
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
});
