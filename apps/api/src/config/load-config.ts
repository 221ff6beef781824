import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { isAbsolute, join, resolve } from 'node:path';
import { AppConfig } from './app-config';
import { ConfigValidationError } from './config.exception';
import { EnvVars } from './env.schema';
import { loadOrCreateSandboxSecrets } from './sandbox-secrets';

const API_VERSION = '0.1.0';

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((error) =>
    Object.values(error.constraints ?? { invalid: `${error.property} is invalid` }).map((message) =>
      message.startsWith(error.property) ? message : `${error.property}: ${message}`,
    ),
  );
}

/** Parses and validates the environment once. Throws {@link ConfigValidationError} naming every bad variable. */
export function loadConfig(rawEnv: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const blankless = Object.fromEntries(Object.entries(rawEnv).filter(([, value]) => value !== undefined && value !== ''));
  const env = plainToInstance(EnvVars, blankless, { excludeExtraneousValues: false });
  const problems = describe(validateSync(env, { whitelist: false }));
  if (problems.length > 0) throw new ConfigValidationError(problems);

  const mode = env.APP_MODE ?? 'sandbox';
  const nodeEnv = (env.NODE_ENV ?? (mode === 'production' ? 'production' : 'development')) as AppConfig['env'];
  const dataDir = resolve(cwd, env.DATA_DIR ?? 'data');
  const secrets =
    env.JWT_SECRET && env.TOKEN_ENCRYPTION_KEY
      ? { jwtSecret: env.JWT_SECRET, tokenEncryptionKey: env.TOKEN_ENCRYPTION_KEY }
      : { ...loadOrCreateSandboxSecrets(dataDir), ...(env.JWT_SECRET ? { jwtSecret: env.JWT_SECRET } : {}), ...(env.TOKEN_ENCRYPTION_KEY ? { tokenEncryptionKey: env.TOKEN_ENCRYPTION_KEY } : {}) };

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
      webOrigins: (env.WEB_ORIGIN ?? 'http://localhost:3000,http://127.0.0.1:3000').split(',').map((o) => o.trim()).filter(Boolean),
      cookieSecure: env.COOKIE_SECURE ?? mode === 'production',
    },
    dataDir,
    database: env.DATABASE_URL
      ? { type: 'mysql', url: env.DATABASE_URL, runMigrations, logging }
      : { type: 'sqlite', path: sqlitePath('ticklegram.sqlite'), runMigrations, logging },
    auth: {
      jwtSecret: secrets.jwtSecret,
      accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS ?? 900,
      refreshTtlDays: env.JWT_REFRESH_TTL_DAYS ?? 30,
      loginThrottle: { limit: env.THROTTLE_LOGIN_LIMIT ?? 5, ttlSeconds: env.THROTTLE_LOGIN_TTL_SECONDS ?? 60 },
    },
    tokenEncryptionKey: Buffer.from(secrets.tokenEncryptionKey, 'base64'),
    initialAdmin:
      env.ADMIN_EMAIL && env.ADMIN_PASSWORD
        ? { email: env.ADMIN_EMAIL.trim().toLowerCase(), password: env.ADMIN_PASSWORD, name: env.ADMIN_NAME ?? 'Admin' }
        : null,
    log: { level: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'), pretty: env.LOG_PRETTY ?? false },
    redisUrl: env.REDIS_URL ?? null,
  };
}
