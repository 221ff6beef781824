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
