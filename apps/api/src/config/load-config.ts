import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { isAbsolute, join, resolve } from 'node:path';
import { AppConfig } from './app-config';
import { ConfigValidationError } from './config.exception';
import { EnvVars } from './env.schema';
import { loadOrCreateSandboxSecrets } from './sandbox-secrets';
import { SANDBOX_META_APP, SANDBOX_META_TOKENS, sandboxValuesInProduction } from './sandbox-values';

const API_VERSION = '0.1.0';

const SANDBOX_SIM_URL = 'http://127.0.0.1:3002';
export { SANDBOX_META_APP, SANDBOX_META_TOKENS };

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((error) =>
    Object.values(error.constraints ?? { invalid: `${error.property} is invalid` }).map((message) =>
      message.startsWith(error.property) ? message : `${error.property}: ${message}`,
    ),
  );
}

/** Parses and validates the environment once. Throws {@link ConfigValidationError} naming every bad variable. */
export function loadConfig(rawEnv: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const blankless: Record<string, string | undefined> = Object.fromEntries(Object.entries(rawEnv).filter(([, value]) => value !== undefined && value !== ''));
  // a production build never falls back to the sandbox (generated secrets, the simulator's app) by accident
  blankless['APP_MODE'] ??= blankless['NODE_ENV'] === 'production' ? 'production' : 'sandbox';
  const env = plainToInstance(EnvVars, blankless, { excludeExtraneousValues: false });
  const problems = describe(validateSync(env, { whitelist: false }));
  if (env.APP_MODE === 'production') problems.push(...sandboxValuesInProduction(env));
  if (env.API_ROLE && env.API_ROLE !== 'all' && !env.DATABASE_URL) {
    problems.push(`API_ROLE=${env.API_ROLE} needs DATABASE_URL (MySQL/MariaDB): with embedded SQLite the api runs as one process (API_ROLE=all)`);
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);

  const mode = env.APP_MODE ?? 'sandbox';
  const nodeEnv = (env.NODE_ENV ?? (mode === 'production' ? 'production' : 'development')) as AppConfig['env'];
  const dataDir = resolve(cwd, env.DATA_DIR ?? 'data');
  const secrets =
    env.JWT_SECRET && env.TOKEN_ENCRYPTION_KEY
      ? { jwtSecret: env.JWT_SECRET, tokenEncryptionKey: env.TOKEN_ENCRYPTION_KEY }
      : {
          ...loadOrCreateSandboxSecrets(dataDir),
          ...(env.JWT_SECRET ? { jwtSecret: env.JWT_SECRET } : {}),
          ...(env.TOKEN_ENCRYPTION_KEY ? { tokenEncryptionKey: env.TOKEN_ENCRYPTION_KEY } : {}),
        };

  const runMigrations = env.DB_RUN_MIGRATIONS ?? true;
  const logging = env.DB_LOGGING ?? false;
  const sqlitePath = (name: string) => (isAbsolute(name) ? name : join(dataDir, name));

  return {
    mode,
    env: nodeEnv,
    version: API_VERSION,
    http: {
      port: env.API_PORT ?? 3001,
      host: env.API_HOST ?? '0.0.0.0',
      webOrigins: (env.WEB_ORIGIN ?? 'http://localhost:3000,http://127.0.0.1:3000')
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
      cookieSecure: env.COOKIE_SECURE ?? mode === 'production',
      publicApiUrl: (env.API_PUBLIC_URL ?? `http://127.0.0.1:${env.API_PORT ?? 3001}`).replace(/\/+$/, ''),
      trustedProxies: (env.TRUSTED_PROXIES ?? 'loopback')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
      docs: env.API_DOCS ?? (mode === 'production' ? 'off' : 'public'),
    },
    dataDir,
    database: env.DATABASE_URL
      ? { type: 'mysql', url: env.DATABASE_URL, runMigrations, logging }
      : { type: 'sqlite', path: sqlitePath('ticklegram.sqlite'), runMigrations, logging },
    auth: {
      jwtSecret: secrets.jwtSecret,
      accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS ?? 900,
      refreshTtlDays: env.JWT_REFRESH_TTL_DAYS ?? 30,
      loginThrottle: {
        limit: env.THROTTLE_LOGIN_LIMIT ?? 5,
        ttlSeconds: env.THROTTLE_LOGIN_TTL_SECONDS ?? 60,
        accountLimit: env.THROTTLE_LOGIN_ACCOUNT_LIMIT ?? 30,
        accountTtlSeconds: env.THROTTLE_LOGIN_ACCOUNT_TTL_SECONDS ?? 900,
      },
    },
    tokenEncryptionKey: Buffer.from(secrets.tokenEncryptionKey, 'base64'),
    initialAdmin:
      env.ADMIN_EMAIL && env.ADMIN_PASSWORD
        ? { email: env.ADMIN_EMAIL.trim().toLowerCase(), password: env.ADMIN_PASSWORD, name: env.ADMIN_NAME ?? 'Admin' }
        : null,
    log: { level: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'), pretty: env.LOG_PRETTY ?? false },
    redisUrl: env.REDIS_URL ?? null,
    role: env.API_ROLE ?? 'all',
    redisKeyPrefix: env.REDIS_KEY_PREFIX ?? 'ticklegram:',
    retention: {
      uploadsDays: env.RETENTION_UPLOADS_DAYS ?? 30,
      mediaDays: env.RETENTION_MEDIA_DAYS ?? 365,
      webhookEventsDays: env.RETENTION_WEBHOOK_EVENTS_DAYS ?? 14,
      appliedEventsDays: env.RETENTION_APPLIED_EVENTS_DAYS ?? 30,
      refreshTokensDays: env.RETENTION_REFRESH_TOKENS_DAYS ?? 7,
      batchSize: env.RETENTION_BATCH_SIZE ?? 1000,
      intervalMinutes: env.RETENTION_INTERVAL_MINUTES ?? 60,
    },
    publicWebUrl: (env.PUBLIC_WEB_URL ?? 'http://localhost:3000').replace(/\/$/, ''),
    meta: metaConfig(env, mode),
    webhooks: {
      // a receiver never applies; a worker always does
      workerEnabled: env.API_ROLE === 'worker' || (env.API_ROLE !== 'receiver' && (env.WEBHOOK_WORKER_ENABLED ?? true)),
      workerConcurrency: env.WEBHOOK_WORKER_CONCURRENCY ?? 4,
      claimBatch: env.WEBHOOK_CLAIM_BATCH ?? 20,
      storeCoalesceMs: env.WEBHOOK_STORE_COALESCE_MS ?? 5,
      maxAttempts: env.WEBHOOK_MAX_ATTEMPTS ?? 8,
      retryBaseMs: env.WEBHOOK_RETRY_BASE_MS ?? 2_000,
      leaseMs: env.WEBHOOK_LEASE_MS ?? 120_000,
      pollIntervalMs: env.WEBHOOK_POLL_INTERVAL_MS ?? 500,
      bodyLimitBytes: env.WEBHOOK_BODY_LIMIT_BYTES ?? 8 * 1024 * 1024,
      rateLimitPerSecond: env.WEBHOOK_RATE_LIMIT_PER_SECOND ?? 5000,
      badSignatureLimitPerMinute: env.WEBHOOK_BAD_SIGNATURE_LIMIT_PER_MINUTE ?? 60,
    },
    media: {
      maxBytes: env.MEDIA_MAX_BYTES ?? 26 * 1024 * 1024,
      timeoutMs: env.MEDIA_DOWNLOAD_TIMEOUT_MS ?? 20_000,
      downloadOnIngest: env.MEDIA_DOWNLOAD_ON_INGEST ?? true,
    },
    channels: channelsConfig(env, mode),
    insights: {
      syncEnabled: env.INSIGHTS_SYNC_ENABLED ?? true,
      syncIntervalMinutes: env.INSIGHTS_SYNC_INTERVAL_MINUTES ?? 360,
      tickSeconds: env.INSIGHTS_SYNC_TICK_SECONDS ?? 60,
      backfillDays: env.INSIGHTS_BACKFILL_DAYS ?? 90,
      mediaLimit: env.INSIGHTS_MEDIA_LIMIT ?? 50,
    },
    capi: {
      sendIntervalMs: env.CAPI_SEND_INTERVAL_MS ?? 5000,
      retryBaseMs: env.CAPI_RETRY_BASE_MS ?? 30_000,
      maxAttempts: env.CAPI_MAX_ATTEMPTS ?? 6,
      sandboxSeed: mode === 'sandbox' && (env.CAPI_SANDBOX_SEED ?? true),
    },
    templates: {
      pollIntervalSeconds: env.TEMPLATES_POLL_INTERVAL_SECONDS ?? 30,
      syncIntervalMinutes: env.TEMPLATES_SYNC_INTERVAL_MINUTES ?? 15,
    },
    history: {
      importOnConnect: env.HISTORY_IMPORT_ON_CONNECT ?? true,
      importDays: env.HISTORY_IMPORT_DAYS ?? 60,
      gapCheckMinutes: env.HISTORY_GAP_CHECK_MINUTES ?? 5,
      gapGraceSeconds: env.HISTORY_GAP_GRACE_SECONDS ?? 60,
      pageSize: env.HISTORY_PAGE_SIZE ?? 25,
    },
    comments: {
      privateRepliesPerHour: env.COMMENTS_PRIVATE_REPLIES_PER_HOUR ?? 750,
      queuePollMs: env.COMMENTS_QUEUE_POLL_MS ?? 5_000,
      backfillOnConnect: env.COMMENTS_BACKFILL_ON_CONNECT ?? true,
    },
    outbound: {
      stuckPendingMs: env.OUTBOUND_STUCK_PENDING_MS ?? 5 * 60_000,
      reconcileIntervalMs: env.OUTBOUND_RECONCILE_INTERVAL_MS ?? 15_000,
      reconcileGraceMs: env.OUTBOUND_RECONCILE_GRACE_MS ?? 20_000,
    },
  };
}

function metaConfig(env: EnvVars, mode: AppConfig['mode']): AppConfig['meta'] {
  const sandbox = mode === 'sandbox';
  const simUrl = sandbox ? (env.META_SIM_URL ?? SANDBOX_SIM_URL).replace(/\/$/, '') : null;
  const appId = env.FACEBOOK_APP_ID ?? SANDBOX_META_APP.id;
  const appSecret = env.FACEBOOK_APP_SECRET ?? SANDBOX_META_APP.secret;
  return {
    appId,
    appSecret,
    instagramAppId: env.INSTAGRAM_APP_ID ?? appId,
    instagramAppSecret: env.INSTAGRAM_APP_SECRET ?? appSecret,
    webhookVerifyToken: env.META_WEBHOOK_VERIFY_TOKEN ?? SANDBOX_META_APP.verifyToken,
    apiVersion: env.META_API_VERSION,
    graphUrl: env.META_GRAPH_URL ?? simUrl ?? 'https://graph.facebook.com',
    instagramGraphUrl: env.META_INSTAGRAM_GRAPH_URL ?? (simUrl ? `${simUrl}/ig` : 'https://graph.instagram.com'),
    instagramOAuthUrl: env.META_INSTAGRAM_OAUTH_URL ?? (simUrl ? `${simUrl}/ig` : 'https://api.instagram.com'),
    facebookDialogUrl: env.META_FACEBOOK_DIALOG_URL ?? simUrl ?? 'https://www.facebook.com',
    instagramDialogUrl: env.META_INSTAGRAM_DIALOG_URL ?? (simUrl ? `${simUrl}/ig` : 'https://www.instagram.com'),
    timeoutMs: env.META_GRAPH_TIMEOUT_MS ?? 15_000,
    simUrl,
  };
}

function channelsConfig(env: EnvVars, mode: AppConfig['mode']): AppConfig['channels'] {
  const sandboxAutoConnect = mode === 'sandbox' && (env.SANDBOX_AUTOCONNECT ?? true);
  const legacy = { pageToken: env.INSTAGRAM_PAGE_ACCESS_TOKEN ?? null, instagramLoginToken: env.INSTAGRAM_ACCESS_TOKEN ?? null };
  const useSandbox = sandboxAutoConnect && !legacy.pageToken && !legacy.instagramLoginToken;
  return {
    sandboxAutoConnect,
    bootstrapTokens: useSandbox ? { ...SANDBOX_META_TOKENS } : legacy,
    tokenRefreshDays: env.CHANNELS_TOKEN_REFRESH_DAYS ?? 10,
    tokenRefreshIntervalMinutes: env.CHANNELS_TOKEN_REFRESH_INTERVAL_MINUTES ?? 360,
    healthCheckIntervalMinutes: env.CHANNELS_HEALTH_CHECK_INTERVAL_MINUTES ?? 30,
  };
}
