import { Inject, Injectable } from '@nestjs/common';
import { describeDelivery } from '@ticklegram/webhook-normalizer';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { WebhooksException, WebhooksExceptionCode } from './webhooks.exception';
import { WebhookEventRepository } from './repositories/webhook-event.repository';
import { WebhookWorker } from './webhook-worker.service';

export type WebhookEndpoint = 'instagram' | 'facebook' | 'alias';

/** The hot path behind WebhookIntake (which checks the signature): store the raw body, wake the worker. */
@Injectable()
export class WebhookReceiver {
  /** App secrets whose signature is accepted: Instagram Login apps sign with the Instagram app secret. */
  readonly secrets: readonly string[];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: WebhookEventRepository,
    private readonly worker: WebhookWorker,
  ) {
    this.secrets = [...new Set([config.meta.appSecret, config.meta.instagramAppSecret].filter(Boolean))];
  }

  /** `GET` handshake: the challenge when the token matches, otherwise 403. */
  verifyChallenge(mode: string | undefined, token: string | undefined, challenge: string | undefined): string {
    if (mode !== 'subscribe' || !token || token !== this.config.meta.webhookVerifyToken || !challenge) {
      throw new WebhooksException(WebhooksExceptionCode.WEBHOOKS_VERIFY_TOKEN_MISMATCH, 'The verify token does not match');
    }
    return challenge;
  }

  /**
   * Stores one delivery whose signature was verified: `pending` (and the worker woken), or `rejected`
   * when the body is not JSON (kept for inspection; `ok: false`).
   */
  async store(endpoint: WebhookEndpoint, body: Buffer): Promise<{ ok: true; id: number } | { ok: false; id: number }> {
    const text = body.toString('utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      const id = await this.events.insert({
        endpoint,
        object: null,
        channelExternalId: null,
        entryCount: 0,
        rawBody: text,
        status: 'rejected',
        lastError: 'body is not JSON',
      });
      return { ok: false, id };
    }
    const { object, firstEntryId, entryCount } = describeDelivery(parsed);
    const id = await this.events.insert({
      endpoint,
      object: object?.slice(0, 32) ?? null,
      channelExternalId: firstEntryId?.slice(0, 64) ?? null,
      entryCount,
      rawBody: text,
      status: 'pending',
    });
    this.worker.wake();
    return { ok: true, id };
  }
}
