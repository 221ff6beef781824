import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUrl, Max, Min, ValidateIf } from 'class-validator';
import { PlatformEnvVars, toBool, toInt } from './env-platform.schema';

/**
 * Every environment variable the api reads, validated once at boot. Code never reads `process.env`
 * directly: it asks {@link AppConfig}. Documented in `.env.example`.
 */
export class EnvVars extends PlatformEnvVars {
  // ── Conversions API ───────────────────────────────────────────────────────────────────
  /** How often the Conversions API outbox is checked for due events (ms); 0 turns the sender off. A new outcome wakes it at once. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  CAPI_SEND_INTERVAL_MS?: number;

  /** First retry delay after a temporary Meta error (ms); doubles per attempt, with jitter, up to an hour. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  CAPI_RETRY_BASE_MS?: number;

  /** Attempts before an event that keeps meeting temporary errors is marked failed. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  CAPI_MAX_ATTEMPTS?: number;

  /** Sandbox: pick the simulator's datasets and open one conversation from an ad at start (default true in sandbox). */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  CAPI_SANDBOX_SEED?: boolean;

  // ── Webhook ingestion ─────────────────────────────────────────────────────────────────
  /**
   * What this process runs (same image): `all` (default) serves the API and webhooks and applies
   * stored events; `receiver` serves the API and webhooks only; `worker` applies stored events and
   * runs the background jobs, answering only `/api/health` over HTTP.
   */
  @IsOptional()
  @IsIn(['all', 'receiver', 'worker'])
  API_ROLE?: 'all' | 'receiver' | 'worker';

  /** Apply stored webhook events in this process (default true). */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  WEBHOOK_WORKER_ENABLED?: boolean;

  /** Parallel worker loops per process on MySQL (SQLite always uses one). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(32)
  WEBHOOK_WORKER_CONCURRENCY?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  WEBHOOK_CLAIM_BATCH?: number;

  /** Deliveries arriving this close together (ms) share one INSERT; a lone delivery is stored at once (0: never wait). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(50)
  WEBHOOK_STORE_COALESCE_MS?: number;

  /** Attempts before a webhook event is `dead`. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  WEBHOOK_MAX_ATTEMPTS?: number;

  /** First retry delay; doubles per attempt (with jitter, capped at 10 minutes). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(600000)
  WEBHOOK_RETRY_BASE_MS?: number;

  /** Lease of a claimed row; a crashed worker's rows are re-claimed after it. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(500)
  @Max(3600000)
  WEBHOOK_LEASE_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(60000)
  WEBHOOK_POLL_INTERVAL_MS?: number;

  /** Largest webhook body accepted (413 above); Meta batches up to 1000 updates. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(65536)
  @Max(104857600)
  WEBHOOK_BODY_LIMIT_BYTES?: number;

  /** Webhook POSTs accepted per client IP per second before 429 (0: no limit); shared through Redis when set. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1000000)
  WEBHOOK_RATE_LIMIT_PER_SECOND?: number;

  /** Bad or missing signatures per client IP per minute; past it the IP's webhook POSTs get 429 unread. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  WEBHOOK_BAD_SIGNATURE_LIMIT_PER_MINUTE?: number;

  /** Largest attachment downloaded to media storage. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(209715200)
  MEDIA_MAX_BYTES?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(500)
  @Max(120000)
  MEDIA_DOWNLOAD_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  MEDIA_DOWNLOAD_ON_INGEST?: boolean;

  /** Private replies per hour per Page / Instagram account before the comments queue waits (Meta: 750). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(750)
  COMMENTS_PRIVATE_REPLIES_PER_HOUR?: number;

  /** How often the comments action queue looks for due work (it is also woken when work is queued). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(600000)
  COMMENTS_QUEUE_POLL_MS?: number;

  /** Backfill recent posts and comments of channels that were never backfilled (on connect and at boot). */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  COMMENTS_BACKFILL_ON_CONNECT?: boolean;

  // ── History import and gap recovery (history module) ──────────────────────────────────
  /** Import each channel's recent conversations from the Conversations API when it is connected (and at first sandbox start). */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  HISTORY_IMPORT_ON_CONNECT?: boolean;

  /** How far back the history import reads (days). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  HISTORY_IMPORT_DAYS?: number;

  /** How often each active channel is compared with the Conversations API for messages no webhook brought (minutes; 0 turns the periodic check off; the check at boot and "Recover now" stay). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1440)
  HISTORY_GAP_CHECK_MINUTES?: number;

  /** The periodic check leaves messages younger than this to the webhooks that may still be on their way (seconds). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3600)
  HISTORY_GAP_GRACE_SECONDS?: number;

  /** Conversations and messages per Conversations API page (Meta's default is 25). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  HISTORY_PAGE_SIZE?: number;

  /** Public URL of the dashboard (OAuth redirect URIs, links in notifications). */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_WEB_URL?: string;

  // ── Retention (days; 0 keeps forever) ─────────────────────────────────────────────────
  /** Uploaded outbound attachments (the message keeps its own copy under media). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3650)
  RETENTION_UPLOADS_DAYS?: number;

  /** Attachment files copied from Meta's CDN into DATA_DIR/media. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3650)
  RETENTION_MEDIA_DAYS?: number;

  /** Processed webhook rows (dead ones are kept for admins to inspect). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3650)
  RETENTION_WEBHOOK_EVENTS_DAYS?: number;

  /** Idempotency keys of applied events; must outlast Meta's redelivery window (36 hours), so 0 or at least 2. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Max(3650)
  @ValidateIf((env: EnvVars) => env.RETENTION_APPLIED_EVENTS_DAYS !== 0)
  @Min(2, { message: 'RETENTION_APPLIED_EVENTS_DAYS must be 0 (keep) or at least 2: Meta redelivers webhooks for 36 hours' })
  RETENTION_APPLIED_EVENTS_DAYS?: number;

  /** Expired or revoked refresh tokens. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3650)
  RETENTION_REFRESH_TOKENS_DAYS?: number;

  /** Rows deleted per statement by the retention jobs. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(100000)
  RETENTION_BATCH_SIZE?: number;

  /** How often the retention jobs run. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10080)
  RETENTION_INTERVAL_MINUTES?: number;

  // Outbound sends whose outcome is unknown (reconciled with Meta before any retry)

  /** A send still pending this long after it was stored, with no process answering for it, is treated as interrupted (at boot). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(86400000)
  OUTBOUND_STUCK_PENDING_MS?: number;

  /** How often unconfirmed sends are checked against Meta. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(200)
  @Max(3600000)
  OUTBOUND_RECONCILE_INTERVAL_MS?: number;

  /** How long after an unanswered send its absence from Meta's thread is not yet taken as "not delivered" (its echo may be on the way). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3600000)
  OUTBOUND_RECONCILE_GRACE_MS?: number;
}
