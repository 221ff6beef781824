import { Inject, Injectable } from '@nestjs/common';
import { describeDelivery } from '@ticklegram/webhook-normalizer';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { InsertBatcher } from './intake/insert-batcher';
import { WebhooksException, WebhooksExceptionCode } from './webhooks.exception';
import { NewWebhookEvent, WebhookEventRepository } from './repositories/webhook-event.repository';
import { WebhookWorker } from './webhook-worker.service';

export type WebhookEndpoint = 'instagram' | 'facebook' | 'alias';

/**
 * Rows per INSERT and bytes per INSERT stay far below MySQL's default `max_allowed_packet` (16–64 MB); two
 * INSERTs in flight keep the pool's other connections for the worker and the dashboard.
 */
const STORE_BATCH = { maxRows: 200, maxBytes: 4 * 1024 * 1024, maxInFlight: 2 };

/** The hot path behind WebhookIntake (which checks the signature): store the raw body, wake the worker. */
@Injectable()
export class WebhookReceiver {
  /** App secrets whose signature is accepted: Instagram Login apps sign with the Instagram app secret. */
  readonly secrets: readonly string[];
  private readonly batcher: InsertBatcher<NewWebhookEvent>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: WebhookEventRepository,
    private readonly worker: WebhookWorker,
  ) {
    this.secrets = [...new Set([config.meta.appSecret, config.meta.instagramAppSecret].filter(Boolean))];
    this.batcher = new InsertBatcher((rows) => this.write(rows), { ...STORE_BATCH, coalesceMs: config.webhooks.storeCoalesceMs });
  }

  /** Deliveries this process's worker takes are stored claimed by it (no claim to wait for); the others `pending`, the worker woken. */
  private async write(rows: NewWebhookEvent[]): Promise<void> {
    if (rows.every((row) => row.status === 'pending') && (await this.worker.storeClaimed(rows))) return;
    await this.events.insertMany(rows);
    if (rows.some((row) => row.status === 'pending')) this.worker.wake();
  }

  /** `GET` handshake: the challenge when the token matches, otherwise 403. */
  verifyChallenge(mode: string | undefined, token: string | undefined, challenge: string | undefined): string {
    if (mode !== 'subscribe' || !token || token !== this.config.meta.webhookVerifyToken || !challenge) {
      throw new WebhooksException(WebhooksExceptionCode.WEBHOOKS_VERIFY_TOKEN_MISMATCH, 'The verify token does not match');
    }
    return challenge;
  }

  /**
   * Stores one delivery whose signature was verified: for the worker (see {@link write}), or `rejected` when the
   * body is not JSON (kept for inspection; `ok: false`). Resolves once the row is committed — possibly by a
   * multi-row INSERT shared with deliveries that arrived at the same moment.
   */
  async store(endpoint: WebhookEndpoint, body: Buffer): Promise<{ ok: boolean }> {
    const text = body.toString('utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      const rejected: NewWebhookEvent = {
        endpoint,
        object: null,
        channelExternalId: null,
        entryCount: 0,
        rawBody: text,
        status: 'rejected',
        lastError: 'body is not JSON',
      };
      await this.batcher.add(rejected, body.length);
      return { ok: false };
    }
    const { object, firstEntryId, entryCount } = describeDelivery(parsed);
    await this.batcher.add(
      { endpoint, object: object?.slice(0, 32) ?? null, channelExternalId: firstEntryId?.slice(0, 64) ?? null, entryCount, rawBody: text, status: 'pending' },
      body.length,
    );
    return { ok: true };
  }
}
