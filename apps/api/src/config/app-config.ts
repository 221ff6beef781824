/** The api's configuration, parsed and validated once at boot, grouped by concern. */
export interface AppConfig {
  mode: 'sandbox' | 'production';
  env: 'development' | 'production' | 'test';
  version: string;
  http: {
    port: number;
    host: string;
    webOrigins: string[];
    cookieSecure: boolean;
    /** The api's public origin (no trailing slash): signed upload links for Meta are built from it. */
    publicApiUrl: string;
    /** Express `trust proxy`: whose X-Forwarded-For is believed for the client IP. */
    trustedProxies: string[];
    /** Serve the OpenAPI docs at /api/docs. */
    docs: 'public' | 'off';
  };
  dataDir: string;
  database:
    | { type: 'sqlite'; path: string; runMigrations: boolean; logging: boolean }
    | { type: 'mysql'; url: string; runMigrations: boolean; logging: boolean };
  auth: {
    jwtSecret: string;
    accessTtlSeconds: number;
    refreshTtlDays: number;
    loginThrottle: { limit: number; ttlSeconds: number; accountLimit: number; accountTtlSeconds: number };
  };
  /** 32-byte key for AES-256-GCM encryption of Meta tokens at rest. */
  tokenEncryptionKey: Buffer;
  initialAdmin: { email: string; password: string; name: string } | null;
  log: { level: string; pretty: boolean };
  redisUrl: string | null;
  /** Prefix of every key the api writes to Redis. */
  redisKeyPrefix: string;
  /** Days to keep each kind of data (0 = forever), pruned in batches by the retention jobs. */
  retention: {
    uploadsDays: number;
    mediaDays: number;
    webhookEventsDays: number;
    appliedEventsDays: number;
    refreshTokensDays: number;
    batchSize: number;
    intervalMinutes: number;
  };
  channels: {
    /** Sandbox: connect the simulator's seeded accounts at first start through the normal connect path. */
    sandboxAutoConnect: boolean;
    /** Tokens connected at boot when no channel exists: sandbox seed tokens, or the legacy env fallbacks. */
    bootstrapTokens: { pageToken: string | null; instagramLoginToken: string | null };
    tokenRefreshDays: number;
    tokenRefreshIntervalMinutes: number;
    healthCheckIntervalMinutes: number;
  };
  insights: {
    syncEnabled: boolean;
    syncIntervalMinutes: number;
    tickSeconds: number;
    backfillDays: number;
    mediaLimit: number;
  };
  capi: {
    /** Outbox check interval (0: the sender is off). */
    sendIntervalMs: number;
    retryBaseMs: number;
    maxAttempts: number;
    /** Sandbox: configure the simulator's datasets and open a conversation from an ad at start. */
    sandboxSeed: boolean;
  };
  templates: {
    /** Poll templates in review this often (0: never); the status webhook is the fast path. */
    pollIntervalSeconds: number;
    /** Read each Page's whole template list this often. */
    syncIntervalMinutes: number;
  };
  /** Public URL of the dashboard. */
  publicWebUrl: string;
  /** What this process runs: everything, the HTTP side only (API + webhook intake), or the workers only. */
  role: 'all' | 'receiver' | 'worker';
  webhooks: {
    /** Run the in-process worker that applies stored webhook events (off: another process does it). */
    workerEnabled: boolean;
    /** Parallel claim loops per process on MySQL (SQLite always runs one). */
    workerConcurrency: number;
    /** Rows claimed per round trip. */
    claimBatch: number;
    /** Deliveries arriving this close together (ms) are stored by one INSERT; a lone one at once (0: never wait). */
    storeCoalesceMs: number;
    maxAttempts: number;
    retryBaseMs: number;
    /** How long a claimed row stays leased before another worker may take it (a crashed worker's rows). */
    leaseMs: number;
    pollIntervalMs: number;
    bodyLimitBytes: number;
    /** Webhook POSTs per client IP per second (0: unlimited). */
    rateLimitPerSecond: number;
    /** Bad signatures per client IP per minute before its POSTs are refused unread. */
    badSignatureLimitPerMinute: number;
  };
  /** Sends Meta never answered: when a pending one counts as interrupted, and how they are reconciled. */
  outbound: {
    stuckPendingMs: number;
    reconcileIntervalMs: number;
    /** Before this, a send missing from Meta's thread may still be on its way (its echo too). */
    reconcileGraceMs: number;
  };
  media: {
    /** Largest attachment downloaded (bytes). */
    maxBytes: number;
    timeoutMs: number;
    /** Download attachments after they land (off: only on first view). */
    downloadOnIngest: boolean;
  };
  history: {
    importOnConnect: boolean;
    importDays: number;
    gapCheckMinutes: number;
    gapGraceSeconds: number;
    pageSize: number;
  };
  comments: {
    privateRepliesPerHour: number;
    queuePollMs: number;
    backfillOnConnect: boolean;
  };
  meta: {
    appId: string;
    appSecret: string;
    instagramAppId: string;
    instagramAppSecret: string;
    webhookVerifyToken: string;
    apiVersion: string | undefined;
    graphUrl: string;
    instagramGraphUrl: string;
    instagramOAuthUrl: string;
    facebookDialogUrl: string;
    instagramDialogUrl: string;
    timeoutMs: number;
    /** Set in sandbox mode: the Meta simulator standing in for Meta. */
    simUrl: string | null;
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
