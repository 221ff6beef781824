/** The api's configuration, parsed and validated once at boot, grouped by concern. */
export interface AppConfig {
  mode: 'sandbox' | 'production';
  env: 'development' | 'production' | 'test';
  version: string;
  http: { port: number; host: string; webOrigins: string[]; cookieSecure: boolean };
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
  channels: {
    /** Sandbox: connect the simulator's seeded accounts at first start through the normal connect path. */
    sandboxAutoConnect: boolean;
    /** Tokens connected at boot when no channel exists: sandbox seed tokens, or the legacy env fallbacks. */
    bootstrapTokens: { pageToken: string | null; instagramLoginToken: string | null };
    tokenRefreshDays: number;
    tokenRefreshIntervalMinutes: number;
    healthCheckIntervalMinutes: number;
  };
  /** Public URL of the dashboard. */
  publicWebUrl: string;
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
