import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  const text = String(value).toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(text)) return true;
  if (['false', '0', 'no', 'off'].includes(text)) return false;
  return value;
};

/**
 * Every environment variable the api reads, validated once at boot. Code never reads `process.env`
 * directly: it asks {@link AppConfig}. Documented in `.env.example`.
 */
export class EnvVars {
  @IsOptional() @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  /** `sandbox` (embedded SQLite, generated secrets, Meta simulator) or `production`; defaults to `production` when NODE_ENV=production. */
  @IsOptional() @IsIn(['sandbox', 'production'])
  APP_MODE?: 'sandbox' | 'production';

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  API_PORT?: number;

  @IsOptional() @IsString()
  API_HOST?: string;

  @IsOptional() @IsString()
  DATA_DIR?: string;

  @ValidateIf((env: EnvVars) => env.APP_MODE === 'production' || env.DATABASE_URL !== undefined)
  @Matches(/^(mysql|mariadb):\/\/.+/, { message: 'DATABASE_URL must look like mysql://user:password@host:3306/database' })
  DATABASE_URL?: string;

  @IsOptional() @Transform(toBool) @IsBoolean()
  DB_RUN_MIGRATIONS?: boolean;

  @IsOptional() @Transform(toBool) @IsBoolean()
  DB_LOGGING?: boolean;

  @ValidateIf((env: EnvVars) => env.APP_MODE === 'production' || env.JWT_SECRET !== undefined)
  @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(60) @Max(86400)
  JWT_ACCESS_TTL_SECONDS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(365)
  JWT_REFRESH_TTL_DAYS?: number;

  @ValidateIf((env: EnvVars) => env.APP_MODE === 'production' || env.TOKEN_ENCRYPTION_KEY !== undefined)
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'TOKEN_ENCRYPTION_KEY must be 32 random bytes, base64-encoded (openssl rand -base64 32)' })
  TOKEN_ENCRYPTION_KEY?: string;

  @IsOptional() @IsString()
  WEB_ORIGIN?: string;

  /**
   * The api's public origin, as Meta and browsers reach it: signed upload links handed to the Send API
   * are built from it (never from the request's Host header). The web server reads the same variable
   * for the realtime socket.
   */
  @ValidateIf((env: EnvVars) => env.APP_MODE === 'production' || env.API_PUBLIC_URL !== undefined)
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'API_PUBLIC_URL must be the api origin as Meta reaches it, e.g. https://api.inbox.example.com' })
  API_PUBLIC_URL?: string;

  /**
   * Proxies whose X-Forwarded-For is believed for the client IP (login throttle, audit log): Express
   * `trust proxy` values, comma-separated (`loopback`, `uniquelocal`, addresses, CIDRs). Default `loopback`.
   */
  @IsOptional() @Matches(/^[\w.:/-]+(\s*,\s*[\w.:/-]+)*$/, { message: 'TRUSTED_PROXIES must be comma-separated addresses, CIDRs or loopback/linklocal/uniquelocal' })
  TRUSTED_PROXIES?: string;

  /** OpenAPI docs at /api/docs: `public`, or `off` (the default in production). */
  @IsOptional() @IsIn(['public', 'off'])
  API_DOCS?: 'public' | 'off';

  @IsOptional() @Transform(toBool) @IsBoolean()
  COOKIE_SECURE?: boolean;

  @IsOptional() @IsString()
  ADMIN_EMAIL?: string;

  @ValidateIf((env: EnvVars) => env.ADMIN_EMAIL !== undefined)
  @IsString() @MinLength(10, { message: 'ADMIN_PASSWORD must be at least 10 characters (required with ADMIN_EMAIL)' })
  ADMIN_PASSWORD?: string;

  @IsOptional() @IsString()
  ADMIN_NAME?: string;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional() @Transform(toBool) @IsBoolean()
  LOG_PRETTY?: boolean;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  THROTTLE_LOGIN_LIMIT?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  THROTTLE_LOGIN_TTL_SECONDS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  THROTTLE_LOGIN_ACCOUNT_LIMIT?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  THROTTLE_LOGIN_ACCOUNT_TTL_SECONDS?: number;

  @IsOptional() @IsUrl({ require_tld: false, protocols: ['redis', 'rediss'] })
  REDIS_URL?: string;

  /** Prefix of every key the api writes to Redis (rate limits); lets several deployments share one Redis. */
  @IsOptional() @Matches(/^[\w:.-]{1,64}$/, { message: 'REDIS_KEY_PREFIX must be 1–64 letters, digits or : . _ -' })
  REDIS_KEY_PREFIX?: string;

  // ── Meta ──────────────────────────────────────────────────────────────────────────────
  @ValidateIf((env: EnvVars) => env.APP_MODE === 'production' || env.FACEBOOK_APP_ID !== undefined)
  @Matches(/^\d{5,20}$/, { message: 'FACEBOOK_APP_ID must be the numeric app id from the Meta App Dashboard' })
  FACEBOOK_APP_ID?: string;

  @ValidateIf((env: EnvVars) => env.APP_MODE === 'production' || env.FACEBOOK_APP_SECRET !== undefined)
  @IsString() @MinLength(16, { message: 'FACEBOOK_APP_SECRET must be the app secret from the Meta App Dashboard' })
  FACEBOOK_APP_SECRET?: string;

  @IsOptional() @Matches(/^\d{5,20}$/, { message: 'INSTAGRAM_APP_ID must be numeric (Instagram Login app id); defaults to FACEBOOK_APP_ID' })
  INSTAGRAM_APP_ID?: string;

  @IsOptional() @IsString() @MinLength(16)
  INSTAGRAM_APP_SECRET?: string;

  @ValidateIf((env: EnvVars) => env.APP_MODE === 'production' || env.META_WEBHOOK_VERIFY_TOKEN !== undefined)
  @IsString() @MinLength(8, { message: 'META_WEBHOOK_VERIFY_TOKEN must be at least 8 characters (the string typed in the App Dashboard)' })
  META_WEBHOOK_VERIFY_TOKEN?: string;

  @IsOptional() @Matches(/^v\d+\.\d+$/, { message: 'META_API_VERSION must look like v25.0' })
  META_API_VERSION?: string;

  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true })
  META_GRAPH_URL?: string;

  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true })
  META_INSTAGRAM_GRAPH_URL?: string;

  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true })
  META_INSTAGRAM_OAUTH_URL?: string;

  /** Where the browser is sent for Facebook Login / Instagram Login dialogs. */
  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true })
  META_FACEBOOK_DIALOG_URL?: string;

  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true })
  META_INSTAGRAM_DIALOG_URL?: string;

  /** Sandbox: the Meta simulator's base URL (its media host is then allowed for downloads). */
  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true })
  META_SIM_URL?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1000) @Max(60000)
  META_GRAPH_TIMEOUT_MS?: number;

  // ── Channels ──────────────────────────────────────────────────────────────────────────
  /** Sandbox: connect the simulator's seeded Instagram account and Page at first start (default true in sandbox). */
  @IsOptional() @Transform(toBool) @IsBoolean()
  SANDBOX_AUTOCONNECT?: boolean;

  /** Legacy single-account fallback: a Page token connected at boot when no channel exists (also connects the Page's Instagram account). */
  @IsOptional() @IsString() @MinLength(20)
  INSTAGRAM_PAGE_ACCESS_TOKEN?: string;

  /** Legacy single-account fallback: an Instagram Login (graph.instagram.com) user token connected at boot when no channel exists. */
  @IsOptional() @IsString() @MinLength(20)
  INSTAGRAM_ACCESS_TOKEN?: string;

  /** Refresh Instagram Login tokens this many days before they expire (they live 60 days). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(59)
  CHANNELS_TOKEN_REFRESH_DAYS?: number;

  /** How often tokens near expiry are refreshed. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10080)
  CHANNELS_TOKEN_REFRESH_INTERVAL_MINUTES?: number;

  /** How often every channel's token is checked (`debug_token`) and its webhook subscription reconciled. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10080)
  CHANNELS_HEALTH_CHECK_INTERVAL_MINUTES?: number;

  // ── Insights ──────────────────────────────────────────────────────────────────────────
  /** Run the scheduled Instagram insights sync in this process (default true). */
  @IsOptional() @Transform(toBool) @IsBoolean()
  INSIGHTS_SYNC_ENABLED?: boolean;

  /** How old an account's last insights sync may get before the next one runs. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(5) @Max(10080)
  INSIGHTS_SYNC_INTERVAL_MINUTES?: number;

  /** How often the scheduler looks for accounts due (new connections are picked up within this time). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(5) @Max(3600)
  INSIGHTS_SYNC_TICK_SECONDS?: number;

  /** Days of account history read at the first sync of an account. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(730)
  INSIGHTS_BACKFILL_DAYS?: number;

  /** Newest posts/reels/carousels whose metrics each sync refreshes. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(500)
  INSIGHTS_MEDIA_LIMIT?: number;

  // ── Utility templates ─────────────────────────────────────────────────────────────────
  /** How often templates in Meta's review are polled (the fallback for the status webhook); 0 turns polling off. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(86400)
  TEMPLATES_POLL_INTERVAL_SECONDS?: number;

  /** How often each Page's whole template list is read from Meta (imports, deletions made elsewhere). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10080)
  TEMPLATES_SYNC_INTERVAL_MINUTES?: number;

  // ── Conversions API ───────────────────────────────────────────────────────────────────
  /** How often the Conversions API outbox is checked for due events (ms); 0 turns the sender off. A new outcome wakes it at once. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(3_600_000)
  CAPI_SEND_INTERVAL_MS?: number;

  /** First retry delay after a temporary Meta error (ms); doubles per attempt, with jitter, up to an hour. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(10) @Max(3_600_000)
  CAPI_RETRY_BASE_MS?: number;

  /** Attempts before an event that keeps meeting temporary errors is marked failed. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(20)
  CAPI_MAX_ATTEMPTS?: number;

  /** Sandbox: pick the simulator's datasets and open one conversation from an ad at start (default true in sandbox). */
  @IsOptional() @Transform(toBool) @IsBoolean()
  CAPI_SANDBOX_SEED?: boolean;

  // ── Webhook ingestion ─────────────────────────────────────────────────────────────────
  /**
   * What this process runs (same image): `all` (default) serves the API and webhooks and applies
   * stored events; `receiver` serves the API and webhooks only; `worker` applies stored events and
   * runs the background jobs, answering only `/api/health` over HTTP.
   */
  @IsOptional() @IsIn(['all', 'receiver', 'worker'])
  API_ROLE?: 'all' | 'receiver' | 'worker';

  /** Apply stored webhook events in this process (default true). */
  @IsOptional() @Transform(toBool) @IsBoolean()
  WEBHOOK_WORKER_ENABLED?: boolean;

  /** Parallel worker loops per process on MySQL (SQLite always uses one). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(32)
  WEBHOOK_WORKER_CONCURRENCY?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(500)
  WEBHOOK_CLAIM_BATCH?: number;

  /** Attempts before a webhook event is `dead`. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(50)
  WEBHOOK_MAX_ATTEMPTS?: number;

  /** First retry delay; doubles per attempt (with jitter, capped at 10 minutes). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(10) @Max(600000)
  WEBHOOK_RETRY_BASE_MS?: number;

  /** Lease of a claimed row; a crashed worker's rows are re-claimed after it. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(500) @Max(3600000)
  WEBHOOK_LEASE_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(10) @Max(60000)
  WEBHOOK_POLL_INTERVAL_MS?: number;

  /** Largest webhook body accepted (413 above); Meta batches up to 1000 updates. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(65536) @Max(104857600)
  WEBHOOK_BODY_LIMIT_BYTES?: number;

  /** Webhook POSTs accepted per client IP per second before 429 (0: no limit); shared through Redis when set. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(1000000)
  WEBHOOK_RATE_LIMIT_PER_SECOND?: number;

  /** Bad or missing signatures per client IP per minute; past it the IP's webhook POSTs get 429 unread. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100000)
  WEBHOOK_BAD_SIGNATURE_LIMIT_PER_MINUTE?: number;

  /** Largest attachment downloaded to media storage. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1024) @Max(209715200)
  MEDIA_MAX_BYTES?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(500) @Max(120000)
  MEDIA_DOWNLOAD_TIMEOUT_MS?: number;

  @IsOptional() @Transform(toBool) @IsBoolean()
  MEDIA_DOWNLOAD_ON_INGEST?: boolean;

  /** Private replies per hour per Page / Instagram account before the comments queue waits (Meta: 750). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(750)
  COMMENTS_PRIVATE_REPLIES_PER_HOUR?: number;

  /** How often the comments action queue looks for due work (it is also woken when work is queued). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(50) @Max(600000)
  COMMENTS_QUEUE_POLL_MS?: number;

  /** Backfill recent posts and comments of channels that were never backfilled (on connect and at boot). */
  @IsOptional() @Transform(toBool) @IsBoolean()
  COMMENTS_BACKFILL_ON_CONNECT?: boolean;

  // ── History import and gap recovery (history module) ──────────────────────────────────
  /** Import each channel's recent conversations from the Conversations API when it is connected (and at first sandbox start). */
  @IsOptional() @Transform(toBool) @IsBoolean()
  HISTORY_IMPORT_ON_CONNECT?: boolean;

  /** How far back the history import reads (days). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(365)
  HISTORY_IMPORT_DAYS?: number;

  /** How often each active channel is compared with the Conversations API for messages no webhook brought (minutes; 0 turns the periodic check off; the check at boot and "Recover now" stay). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(1440)
  HISTORY_GAP_CHECK_MINUTES?: number;

  /** The periodic check leaves messages younger than this to the webhooks that may still be on their way (seconds). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(3600)
  HISTORY_GAP_GRACE_SECONDS?: number;

  /** Conversations and messages per Conversations API page (Meta's default is 25). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100)
  HISTORY_PAGE_SIZE?: number;

  /** Public URL of the dashboard (OAuth redirect URIs, links in notifications). */
  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_WEB_URL?: string;

  // ── Retention (days; 0 keeps forever) ─────────────────────────────────────────────────
  /** Uploaded outbound attachments (the message keeps its own copy under media). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(3650)
  RETENTION_UPLOADS_DAYS?: number;

  /** Attachment files copied from Meta's CDN into DATA_DIR/media. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(3650)
  RETENTION_MEDIA_DAYS?: number;

  /** Processed webhook rows (dead ones are kept for admins to inspect). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(3650)
  RETENTION_WEBHOOK_EVENTS_DAYS?: number;

  /** Idempotency keys of applied events; must outlast Meta's redelivery window (36 hours), so 0 or at least 2. */
  @IsOptional() @Transform(toInt) @IsInt() @Max(3650)
  @ValidateIf((env: EnvVars) => env.RETENTION_APPLIED_EVENTS_DAYS !== 0)
  @Min(2, { message: "RETENTION_APPLIED_EVENTS_DAYS must be 0 (keep) or at least 2: Meta redelivers webhooks for 36 hours" })
  RETENTION_APPLIED_EVENTS_DAYS?: number;

  /** Expired or revoked refresh tokens. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(3650)
  RETENTION_REFRESH_TOKENS_DAYS?: number;

  /** Rows deleted per statement by the retention jobs. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(10) @Max(100000)
  RETENTION_BATCH_SIZE?: number;

  /** How often the retention jobs run. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10080)
  RETENTION_INTERVAL_MINUTES?: number;

  // Outbound sends whose outcome is unknown (reconciled with Meta before any retry)

  /** A send still pending this long after it was stored, with no process answering for it, is treated as interrupted (at boot). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1000) @Max(86400000)
  OUTBOUND_STUCK_PENDING_MS?: number;

  /** How often unconfirmed sends are checked against Meta. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(200) @Max(3600000)
  OUTBOUND_RECONCILE_INTERVAL_MS?: number;

  /** How long after an unanswered send its absence from Meta's thread is not yet taken as "not delivered" (its echo may be on the way). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1000) @Max(3600000)
  OUTBOUND_RECONCILE_GRACE_MS?: number;
}
