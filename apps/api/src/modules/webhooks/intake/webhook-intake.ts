import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import proxyAddr from 'proxy-addr';
import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { REDIS_CLIENT, RedisClient } from '../../../common/redis/redis.module';
import { sharedRateLimiter } from '../../../common/redis/shared-rate-limiter';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { WebhookEndpoint, WebhookReceiver } from '../webhook-receiver.service';
import { WebhooksExceptionCode } from '../webhooks.exception';
import { claimedSignature, StreamingSignature } from './streaming-signature';

/** Meta's callback paths (outside /api: the URLs typed into the App Dashboard). */
export const WEBHOOK_PATHS = ['webhooks/instagram', 'webhooks/facebook', 'webhook'] as const;

/** Which endpoint each of {@link WEBHOOK_PATHS} is (typed against it: a path added there must be named here). */
const ENDPOINT_OF: Record<(typeof WEBHOOK_PATHS)[number], WebhookEndpoint> = {
  'webhooks/instagram': 'instagram',
  'webhooks/facebook': 'facebook',
  webhook: 'alias',
};
const ENDPOINTS = new Map<string, WebhookEndpoint>(WEBHOOK_PATHS.map((path) => [`/${path}`, ENDPOINT_OF[path]]));

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;
/**
 * A client's bad-signature budget is read from Redis at most once per this interval per replica, not for every delivery
 * (Meta sends all of them from a few addresses): a client that ran out elsewhere is refused here at most this late.
 */
const BUDGET_READ_TTL_MS = 1000;
/** Budget readings kept at once; past this (many distinct addresses) they are forgotten and read again. */
const BUDGET_READS_MAX = 10_000;

const ACK_BODY = Buffer.from('EVENT_RECEIVED');
const ACK_HEADERS = { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(ACK_BODY.length) };

class Refusal {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly message: string,
    readonly retryAfterSeconds?: number,
  ) {}
}

/**
 * The POST side of Meta's callbacks, in front of Express and the dashboard's middleware (helmet, CORS,
 * cookies, per-request logging, body parsers, guards, pipes; see `routeWebhooksFirst`): an acknowledgement
 * is the signature over the raw bytes, one INSERT and a wake-up of the worker, nothing more.
 *
 * Nothing is buffered for a request that cannot be genuine: the declared length, the signature header
 * and the client's rate budget are checked before the body is read, and the body is counted while it
 * streams (413 the moment it passes the limit). The HMAC is computed chunk by chunk on the way in.
 * A client IP that keeps sending bad signatures runs out of its (small) budget and is refused before
 * its bodies are read. Budgets live in Redis when REDIS_URL is set, so every replica shares them.
 */
@Injectable()
export class WebhookIntake {
  private readonly logger = new Logger('WebhookIntake');
  private readonly perClient: RateLimiterAbstract | null;
  private readonly badSignatures: RateLimiterAbstract;
  private readonly limit: number;
  /** client → when its budget was read and how long it is still refused for (0: not refused). */
  private readonly budgetReads = new Map<string, { at: number; refusedForMs: number }>();
  /** Which peers may name the client in X-Forwarded-For: the same rule as Express's `trust proxy` for the dashboard. */
  private readonly trusted: (address: string, hop: number) => boolean;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(REDIS_CLIENT) redis: RedisClient,
    private readonly receiver: WebhookReceiver,
  ) {
    const { rateLimitPerSecond, badSignatureLimitPerMinute, bodyLimitBytes } = config.webhooks;
    this.limit = bodyLimitBytes;
    this.trusted = proxyAddr.compile(config.http.trustedProxies);
    this.perClient =
      rateLimitPerSecond > 0
        ? sharedRateLimiter(redis, config.redisKeyPrefix, { points: rateLimitPerSecond, durationSec: 1, keyPrefix: 'webhook-client' })
        : null;
    this.badSignatures = sharedRateLimiter(redis, config.redisKeyPrefix, {
      points: badSignatureLimitPerMinute,
      durationSec: 60,
      keyPrefix: 'webhook-bad-signature',
    });
  }

  /**
   * Takes a POST to one of {@link WEBHOOK_PATHS} (answered here, with node's own request and response: no Express, no
   * dashboard middleware); false for any other request, which the caller hands to the dashboard's stack.
   */
  tryHandle(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'POST') return false;
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const path = (query < 0 ? url : url.slice(0, query)).toLowerCase();
    const endpoint = ENDPOINTS.get(path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path);
    if (!endpoint) return false;
    void this.receive(req, res, endpoint, path);
    return true;
  }

  private async receive(req: IncomingMessage, res: ServerResponse, endpoint: WebhookEndpoint, path: string): Promise<void> {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const client = proxyAddr(req, this.trusted);
    try {
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > this.limit) throw this.tooLarge();
      await this.admit(client);
      const claimed = claimedSignature(header(req, 'x-hub-signature-256'), header(req, 'x-hub-signature'));
      if (!claimed) throw await this.badSignature(client);
      const signature = new StreamingSignature(claimed, this.receiver.secrets);
      const body = await this.readBody(req, (chunk) => signature.update(chunk));
      if (!signature.matches()) throw await this.badSignature(client);
      const stored = await this.receiver.store(endpoint, body);
      if (!stored.ok) throw new Refusal(400, WebhooksExceptionCode.WEBHOOKS_NOT_JSON, 'The body is not JSON');
      res.writeHead(200, ACK_HEADERS).end(ACK_BODY);
    } catch (error) {
      this.refuse(req, res, { requestId, client, path }, error);
    }
  }

  private async admit(client: string): Promise<void> {
    try {
      await this.perClient?.consume(client);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw this.rateLimited(error.msBeforeNext);
    }
    const refusedForMs = await this.badSignatureRefusal(client);
    if (refusedForMs > 0) throw this.rateLimited(refusedForMs);
  }

  private rateLimited(msBeforeNext: number): Refusal {
    return new Refusal(429, 'WEBHOOKS_RATE_LIMITED', 'Too many webhook requests from this address', Math.max(1, Math.ceil(msBeforeNext / 1000)));
  }

  /** How long the client is still refused for having sent too many bad signatures (0: not refused). */
  private async badSignatureRefusal(client: string): Promise<number> {
    const now = Date.now();
    const known = this.budgetReads.get(client);
    if (known && now - known.at < BUDGET_READ_TTL_MS) return Math.max(0, known.refusedForMs - (now - known.at));
    const spent = await this.badSignatures.get(client);
    const refusedForMs = spent && spent.remainingPoints <= 0 ? spent.msBeforeNext : 0;
    if (this.budgetReads.size >= BUDGET_READS_MAX) this.budgetReads.clear();
    this.budgetReads.set(client, { at: now, refusedForMs });
    return refusedForMs;
  }

  private async badSignature(client: string): Promise<Refusal> {
    await this.badSignatures.consume(client).catch(() => undefined);
    // its next delivery reads the budget it just spent
    this.budgetReads.delete(client);
    return new Refusal(401, WebhooksExceptionCode.WEBHOOKS_BAD_SIGNATURE, 'Missing or invalid X-Hub-Signature-256');
  }

  private tooLarge(): Refusal {
    return new Refusal(413, 'WEBHOOKS_BODY_TOO_LARGE', `The body is larger than ${this.limit} bytes`);
  }

  /** The body, counted as it arrives; rejects with 413 as soon as it passes the limit. */
  private readBody(req: IncomingMessage, onChunk: (chunk: Buffer) => void): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const cleanup = () => {
        req.off('data', onData);
        req.off('end', onEnd);
        req.off('error', onError);
        req.off('aborted', onAborted);
      };
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > this.limit) {
          cleanup();
          reject(this.tooLarge());
          return;
        }
        onChunk(chunk);
        chunks.push(chunk);
      };
      const onEnd = () => {
        cleanup();
        resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const onAborted = () => onError(new Error('the client aborted the request'));
      req.on('data', onData);
      req.on('end', onEnd);
      req.on('error', onError);
      req.on('aborted', onAborted);
    });
  }

  private refuse(req: IncomingMessage, res: ServerResponse, at: { requestId: string; client: string; path: string }, error: unknown): void {
    const { requestId, client, path } = at;
    const refusal = error instanceof Refusal ? error : null;
    if (refusal) {
      this.logger.warn({ requestId, client, path, status: refusal.status, code: refusal.code }, `webhook refused: ${refusal.message}`);
    } else {
      // storing failed (database away): Meta retries a 5xx
      this.logger.error({ requestId, client, path, err: error }, 'webhook could not be stored');
    }
    if (res.headersSent || res.destroyed) return;
    const status = refusal?.status ?? 500;
    const body = JSON.stringify({
      statusCode: status,
      code: refusal?.code ?? 'INTERNAL_ERROR',
      message: refusal?.message ?? `Internal error (request ${requestId})`,
    });
    if (refusal?.retryAfterSeconds) res.setHeader('Retry-After', String(refusal.retryAfterSeconds));
    if (!req.complete) {
      // the answer goes out now; the rest of the body is discarded unread so the client can see it,
      // then the connection closes. A client that keeps sending past the limit or for 5 s is cut off.
      res.setHeader('Connection', 'close');
      this.discard(req);
    }
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)) }).end(body);
  }

  private discard(req: IncomingMessage): void {
    let discarded = 0;
    const cutOff = setTimeout(() => req.destroy(), 5000);
    cutOff.unref();
    req.on('data', (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > this.limit) req.destroy();
    });
    req.once('close', () => clearTimeout(cutOff));
    req.resume();
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
