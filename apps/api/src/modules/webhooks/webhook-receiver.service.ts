import { Inject, Injectable } from '@nestjs/common';
import { describeDelivery, verifyMetaSignature } from '@ticklegram/webhook-normalizer';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { WebhooksException, WebhooksExceptionCode } from './webhooks.exception';
import { WebhookEventRepository } from './repositories/webhook-event.repository';
import { WebhookWorker } from './webhook-worker.service';

export type WebhookEndpoint = 'instagram' | 'facebook' | 'alias';

/** The hot path: verify, store the raw body, return. Everything else happens in the worker. */
@Injectable()
export class WebhookReceiver {
  private readonly secrets: string[];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: WebhookEventRepository,
    private readonly worker: WebhookWorker,
  ) {
    // Instagram Login apps sign with the Instagram app secret
    this.secrets = [...new Set([config.meta.appSecret, config.meta.instagramAppSecret].filter(Boolean))];
  }

  /** `GET` handshake: the challenge when the token matches, otherwise 403. */
  verifyChallenge(mode: string | undefined, token: string | undefined, challenge: string | undefined): string {
    if (mode !== 'subscribe' || !token || token !== this.config.meta.webhookVerifyToken || !challenge) {
      throw new WebhooksException(WebhooksExceptionCode.WEBHOOKS_VERIFY_TOKEN_MISMATCH, 'The verify token does not match');
    }
    return challenge;
  }

  /** Stores one signed delivery; returns its id. Throws 401 (nothing stored) or 400 (stored as rejected). */
  async receive(endpoint: WebhookEndpoint, rawBody: Buffer | undefined, sha256: string | undefined, sha1: string | undefined): Promise<number> {
    const body = rawBody ?? Buffer.alloc(0);
    if (!this.secrets.some((secret) => verifyMetaSignature(body, sha256, sha1, secret))) {
      throw new WebhooksException(WebhooksExceptionCode.WEBHOOKS_BAD_SIGNATURE, 'Missing or invalid X-Hub-Signature-256');
    }
    const text = body.toString('utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      await this.events.insert({ endpoint, object: null, channelExternalId: null, entryCount: 0, rawBody: text, status: 'rejected', lastError: 'body is not JSON' });
      throw new WebhooksException(WebhooksExceptionCode.WEBHOOKS_NOT_JSON, 'The body is not JSON');
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
    return id;
  }
}
