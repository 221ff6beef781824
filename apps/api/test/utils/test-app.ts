import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Role, SessionResponse } from '@ticklegram/domain-models';
import { freePort } from './free-port';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap';
import { AppConfig } from '../../src/config/app-config';
import { loadConfig } from '../../src/config/load-config';
import { createTestDatabase, TestDatabase } from './test-database';

export const TEST_ADMIN = { email: 'admin@int.test', password: 'admin-password-123', name: 'Int Admin' };

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  config: AppConfig;
  db: TestDatabase;
  dataSource: DataSource;
  /** Base URL of the listening server (Socket.IO tests connect here). */
  url: string;
  /** Logs in and returns the session (access token + user). */
  login(email: string, password: string): Promise<SessionResponse>;
  /** Creates a user through the admin API and returns a session for it. */
  createUser(role: Role, overrides?: Partial<{ email: string; name: string; password: string }>): Promise<SessionResponse>;
  close(): Promise<void>;
}

let counter = 0;
/**
 * The Redis key and channel prefix of this test file's apps (Jest loads this module once per file): replicas started by one
 * file share their Socket.IO traffic and rate limits, and never see those of a file running in the other worker.
 */
const fileRedisPrefix = `tg-test-${randomUUID().slice(0, 8)}:`;

/** Boots the real api (real HTTP server, real database, migrations) the way `main.ts` does. */
export async function startTestApp(env: Record<string, string> = {}, options: { db?: TestDatabase; keepDatabase?: boolean } = {}): Promise<TestApp> {
  // `db`: start on a database an earlier app of the test used (a restart); `keepDatabase`: close() leaves it for the next one
  const db = options.db ?? (await createTestDatabase());
  const port = await freePort();
  const config = loadConfig({
    API_PUBLIC_URL: `http://127.0.0.1:${port}`,
    NODE_ENV: 'test',
    DATA_DIR: db.dataDir,
    ...(db.url ? { DATABASE_URL: db.url } : {}),
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    ADMIN_NAME: TEST_ADMIN.name,
    THROTTLE_LOGIN_LIMIT: '1000',
    THROTTLE_LOGIN_ACCOUNT_LIMIT: '1000',
    // hostile-input suites send many unsigned webhooks from loopback; the budget has its own test
    WEBHOOK_BAD_SIGNATURE_LIMIT_PER_MINUTE: '10000',
    // tests that want the sandbox channels start a simulator and turn this on
    SANDBOX_AUTOCONNECT: 'false',
    // the insights scheduler would call the sim in the background; insights tests turn it on
    INSIGHTS_SYNC_ENABLED: 'false',
    // a backfill at connect would add the simulator's seeded comments behind a test's back; tests start it themselves
    COMMENTS_BACKFILL_ON_CONNECT: 'false',
    // the history import at connect would fill the inbox with the simulator's seeded history behind a test's back;
    // history tests turn it on
    HISTORY_IMPORT_ON_CONNECT: 'false',
    // the sandbox's Conversions API seed (datasets + a conversation from an ad) would do the same; capi tests turn it on
    CAPI_SANDBOX_SEED: 'false',
    REDIS_KEY_PREFIX: fileRedisPrefix,
    ...env,
  });
  const app = await createApp(config);
  await app.listen(port, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const http = request(app.getHttpServer());

  const login = async (email: string, password: string): Promise<SessionResponse> => {
    const res = await http.post('/api/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as SessionResponse;
  };

  return {
    app,
    http,
    url,
    config,
    db,
    dataSource: app.get(DataSource),
    login,
    async createUser(role, overrides = {}) {
      // taken before any await: users created in parallel must not share a number (and an email)
      const n = (counter += 1);
      const admin = await login(TEST_ADMIN.email, TEST_ADMIN.password);
      const body = { email: `user${n}-${Date.now()}@int.test`, name: `User ${n}`, password: 'user-password-123', role, ...overrides };
      const res = await http.post('/api/users').set('Authorization', `Bearer ${admin.accessToken}`).send(body);
      if (res.status !== 201) throw new Error(`create user failed: ${res.status} ${JSON.stringify(res.body)}`);
      return login(body.email, body.password);
    },
    async close() {
      await app.close();
      if (!options.keepDatabase) await db.drop();
    },
  };
}
