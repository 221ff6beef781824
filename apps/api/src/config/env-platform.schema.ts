import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';

export const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
export const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  const text = String(value).toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(text)) return true;
  if (['false', '0', 'no', 'off'].includes(text)) return false;
  return value;
};

/** The variables of the platform core (server, database, auth, Meta, channels, insights, templates); {@link EnvVars} adds the rest. */
export class PlatformEnvVars {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  /** `sandbox` (embedded SQLite, generated secrets, Meta simulator) or `production`; defaults to `production` when NODE_ENV=production. */
  @IsOptional()
  @IsIn(['sandbox', 'production'])
  APP_MODE?: 'sandbox' | 'production';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  API_PORT?: number;

  @IsOptional()
  @IsString()
  API_HOST?: string;

  @IsOptional()
  @IsString()
  DATA_DIR?: string;

  @ValidateIf((env: PlatformEnvVars) => env.APP_MODE === 'production' || env.DATABASE_URL !== undefined)
  @Matches(/^(mysql|mariadb):\/\/.+/, { message: 'DATABASE_URL must look like mysql://user:password@host:3306/database' })
  DATABASE_URL?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  DB_RUN_MIGRATIONS?: boolean;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  DB_LOGGING?: boolean;

  @ValidateIf((env: PlatformEnvVars) => env.APP_MODE === 'production' || env.JWT_SECRET !== undefined)
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  JWT_ACCESS_TTL_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  JWT_REFRESH_TTL_DAYS?: number;

  @ValidateIf((env: PlatformEnvVars) => env.APP_MODE === 'production' || env.TOKEN_ENCRYPTION_KEY !== undefined)
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'TOKEN_ENCRYPTION_KEY must be 32 random bytes, base64-encoded (openssl rand -base64 32)' })
  TOKEN_ENCRYPTION_KEY?: string;

  @IsOptional()
  @IsString()
  WEB_ORIGIN?: string;

  /**
   * The api's public origin, as Meta and browsers reach it: signed upload links handed to the Send API
   * are built from it (never from the request's Host header). The web server reads the same variable
   * for the realtime socket.
   */
  @ValidateIf((env: PlatformEnvVars) => env.APP_MODE === 'production' || env.API_PUBLIC_URL !== undefined)
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'API_PUBLIC_URL must be the api origin as Meta reaches it, e.g. https://api.inbox.example.com' },
  )
  API_PUBLIC_URL?: string;

  /**
   * Proxies whose X-Forwarded-For is believed for the client IP (login throttle, audit log): Express
   * `trust proxy` values, comma-separated (`loopback`, `uniquelocal`, addresses, CIDRs). Default `loopback`.
   */
  @IsOptional()
  @Matches(/^[\w.:/-]+(\s*,\s*[\w.:/-]+)*$/, { message: 'TRUSTED_PROXIES must be comma-separated addresses, CIDRs or loopback/linklocal/uniquelocal' })
  TRUSTED_PROXIES?: string;

  /** OpenAPI docs at /api/docs: `public`, or `off` (the default in production). */
  @IsOptional()
  @IsIn(['public', 'off'])
  API_DOCS?: 'public' | 'off';

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  COOKIE_SECURE?: boolean;

  @IsOptional()
  @IsString()
  ADMIN_EMAIL?: string;

  @ValidateIf((env: PlatformEnvVars) => env.ADMIN_EMAIL !== undefined)
  @IsString()
  @MinLength(10, { message: 'ADMIN_PASSWORD must be at least 10 characters (required with ADMIN_EMAIL)' })
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsString()
  ADMIN_NAME?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  LOG_PRETTY?: boolean;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  THROTTLE_LOGIN_LIMIT?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  THROTTLE_LOGIN_TTL_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  THROTTLE_LOGIN_ACCOUNT_LIMIT?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  THROTTLE_LOGIN_ACCOUNT_TTL_SECONDS?: number;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['redis', 'rediss'] })
  REDIS_URL?: string;

  /** Prefix of every key the api writes to Redis (rate limits); lets several deployments share one Redis. */
  @IsOptional()
  @Matches(/^[\w:.-]{1,64}$/, { message: 'REDIS_KEY_PREFIX must be 1–64 letters, digits or : . _ -' })
  REDIS_KEY_PREFIX?: string;

  // ── Meta ──────────────────────────────────────────────────────────────────────────────
  @ValidateIf((env: PlatformEnvVars) => env.APP_MODE === 'production' || env.FACEBOOK_APP_ID !== undefined)
  @Matches(/^\d{5,20}$/, { message: 'FACEBOOK_APP_ID must be the numeric app id from the Meta App Dashboard' })
  FACEBOOK_APP_ID?: string;

  @ValidateIf((env: PlatformEnvVars) => env.APP_MODE === 'production' || env.FACEBOOK_APP_SECRET !== undefined)
  @IsString()
  @MinLength(16, { message: 'FACEBOOK_APP_SECRET must be the app secret from the Meta App Dashboard' })
  FACEBOOK_APP_SECRET?: string;

  @IsOptional()
  @Matches(/^\d{5,20}$/, { message: 'INSTAGRAM_APP_ID must be numeric (Instagram Login app id); defaults to FACEBOOK_APP_ID' })
  INSTAGRAM_APP_ID?: string;

  @IsOptional()
  @IsString()
  @MinLength(16)
  INSTAGRAM_APP_SECRET?: string;

  @ValidateIf((env: PlatformEnvVars) => env.APP_MODE === 'production' || env.META_WEBHOOK_VERIFY_TOKEN !== undefined)
  @IsString()
  @MinLength(8, { message: 'META_WEBHOOK_VERIFY_TOKEN must be at least 8 characters (the string typed in the App Dashboard)' })
  META_WEBHOOK_VERIFY_TOKEN?: string;

  @IsOptional()
  @Matches(/^v\d+\.\d+$/, { message: 'META_API_VERSION must look like v25.0' })
  META_API_VERSION?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  META_GRAPH_URL?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  META_INSTAGRAM_GRAPH_URL?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  META_INSTAGRAM_OAUTH_URL?: string;

  /** Where the browser is sent for Facebook Login / Instagram Login dialogs. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  META_FACEBOOK_DIALOG_URL?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  META_INSTAGRAM_DIALOG_URL?: string;

  /** Sandbox: the Meta simulator's base URL (its media host is then allowed for downloads). */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  META_SIM_URL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(60000)
  META_GRAPH_TIMEOUT_MS?: number;

  // ── Channels ──────────────────────────────────────────────────────────────────────────
  /** Sandbox: connect the simulator's seeded Instagram account and Page at first start (default true in sandbox). */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  SANDBOX_AUTOCONNECT?: boolean;

  /** Legacy single-account fallback: a Page token connected at boot when no channel exists (also connects the Page's Instagram account). */
  @IsOptional()
  @IsString()
  @MinLength(20)
  INSTAGRAM_PAGE_ACCESS_TOKEN?: string;

  /** Legacy single-account fallback: an Instagram Login (graph.instagram.com) user token connected at boot when no channel exists. */
  @IsOptional()
  @IsString()
  @MinLength(20)
  INSTAGRAM_ACCESS_TOKEN?: string;

  /** Refresh Instagram Login tokens this many days before they expire (they live 60 days). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(59)
  CHANNELS_TOKEN_REFRESH_DAYS?: number;

  /** How often tokens near expiry are refreshed. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10080)
  CHANNELS_TOKEN_REFRESH_INTERVAL_MINUTES?: number;

  /** How often every channel's token is checked (`debug_token`) and its webhook subscription reconciled. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10080)
  CHANNELS_HEALTH_CHECK_INTERVAL_MINUTES?: number;

  // ── Insights ──────────────────────────────────────────────────────────────────────────
  /** Run the scheduled Instagram insights sync in this process (default true). */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  INSIGHTS_SYNC_ENABLED?: boolean;

  /** How old an account's last insights sync may get before the next one runs. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(10080)
  INSIGHTS_SYNC_INTERVAL_MINUTES?: number;

  /** How often the scheduler looks for accounts due (new connections are picked up within this time). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(3600)
  INSIGHTS_SYNC_TICK_SECONDS?: number;

  /** Days of account history read at the first sync of an account. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(730)
  INSIGHTS_BACKFILL_DAYS?: number;

  /** Newest posts/reels/carousels whose metrics each sync refreshes. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  INSIGHTS_MEDIA_LIMIT?: number;

  // ── Utility templates ─────────────────────────────────────────────────────────────────
  /** How often templates in Meta's review are polled (the fallback for the status webhook); 0 turns polling off. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86400)
  TEMPLATES_POLL_INTERVAL_SECONDS?: number;

  /** How often each Page's whole template list is read from Meta (imports, deletions made elsewhere). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10080)
  TEMPLATES_SYNC_INTERVAL_MINUTES?: number;
}
