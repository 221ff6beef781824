import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { freePort } from '../utils/free-port';
import { join, resolve } from 'node:path';
import { RunningMetaSim, SIM_SEED, startMetaSim } from '@ticklegram/meta-sim';
import { ConfigValidationError } from '../../src/config/config.exception';
import { loadConfig } from '../../src/config/load-config';
import { createTestDatabase, TestDatabase } from '../utils/test-database';
import { waitFor } from '../utils/webhooks-harness';

const ROOT = resolve(__dirname, '../../../..');
const BUILT = join(ROOT, 'dist/apps/api/main.js');
const MESSAGES = 30;

const isMysql = Boolean(process.env['TEST_DATABASE_URL']);

/**
 * Receivers and workers as separate processes of the same build (`API_ROLE`). On MySQL/MariaDB
 * (TEST_DATABASE_URL): a receiver-only and a worker-only api on one database, Meta's webhooks sent to
 * the receiver, applied by the worker. On SQLite (one process by design) the split is refused at boot.
 */
describe('API_ROLE: receiver and worker processes', () => {
  if (!isMysql) {
    it('is refused without DATABASE_URL: embedded SQLite runs as one process', () => {
      for (const role of ['receiver', 'worker']) {
        expect(() => loadConfig({ API_ROLE: role, DATA_DIR: join(ROOT, 'tmp') })).toThrow(ConfigValidationError);
        expect(() => loadConfig({ API_ROLE: role, DATA_DIR: join(ROOT, 'tmp') })).toThrow(/API_ROLE=.* needs DATABASE_URL/);
      }
      expect(loadConfig({ API_ROLE: 'all', DATA_DIR: join(ROOT, 'tmp') }).webhooks.workerEnabled).toBe(true);
    });
    return;
  }

  let sim: RunningMetaSim;
  let db: TestDatabase;
  let runDir: string;
  const procs: ChildProcess[] = [];
  let receiverPort: number;
  let workerPort: number;

  const start = async (role: 'receiver' | 'worker', port: number): Promise<void> => {
    const child = spawn(process.execPath, [join(runDir, 'main.js')], {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'test',
        APP_MODE: 'sandbox',
        API_ROLE: role,
        API_HOST: '127.0.0.1',
        API_PORT: String(port),
        DATABASE_URL: db.url,
        DATA_DIR: db.dataDir,
        META_SIM_URL: sim.url,
        // one process connects the sandbox channels; the other finds them in the database
        SANDBOX_AUTOCONNECT: role === 'receiver' ? 'true' : 'false',
        LOG_LEVEL: 'silent',
        WEBHOOK_POLL_INTERVAL_MS: '100',
        MEDIA_DOWNLOAD_ON_INGEST: 'false',
        INSIGHTS_SYNC_ENABLED: 'false',
        COMMENTS_BACKFILL_ON_CONNECT: 'false',
      },
      stdio: 'ignore',
    });
    procs.push(child);
    await waitFor(
      async () => {
        try {
          return (await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200;
        } catch {
          return false;
        }
      },
      90_000,
      `the ${role} to listen`,
    );
  };

  beforeAll(async () => {
    if (process.env['TG_SKIP_API_BUILD'] !== '1' || !existsSync(BUILT)) {
      execFileSync('npx', ['nx', 'build', 'api'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NX_DAEMON: 'false' } });
    }
    mkdirSync(join(ROOT, 'tmp'), { recursive: true });
    runDir = mkdtempSync(join(ROOT, 'tmp', 'tg-roles-'));
    copyFileSync(BUILT, join(runDir, 'main.js'));
    db = await createTestDatabase();
    sim = await startMetaSim({ port: 0, deliveryDelayMs: 5, retryDelaysMs: [200, 500, 1000] });
    receiverPort = await freePort();
    workerPort = await freePort();
    // the receiver runs the migrations and connects the channels first; then the worker joins
    await start('receiver', receiverPort);
    await start('worker', workerPort);
    sim.setWebhookUrls({ instagram: `http://127.0.0.1:${receiverPort}/webhooks/instagram`, page: `http://127.0.0.1:${receiverPort}/webhooks/facebook` });
  }, 240_000);

  afterAll(async () => {
    for (const child of procs) child.kill('SIGKILL');
    await sim?.close();
    await db?.drop();
    if (runDir) rmSync(runDir, { recursive: true, force: true });
  });

  it('the receiver stores and acknowledges, the worker applies, and each answers only its part', async () => {
    const { createConnection } = await import('mysql2/promise');
    const conn = await createConnection({ uri: db.url as string });
    const count = async (sql: string) => Number(((await conn.query(sql)) as unknown as [{ n: number }[]])[0][0].n);
    try {
      await waitFor(async () => (await count('SELECT COUNT(*) AS n FROM instagram_accounts')) > 0, 60_000, 'the sandbox channels');
      const customers = [...SIM_SEED.instagramCustomers.map((c) => c.igsid), ...SIM_SEED.messengerCustomers.map((c) => c.psid)];
      for (let i = 0; i < MESSAGES; i += 1) sim.customerSends(customers[i % customers.length], { text: `roles-${i}` });
      await sim.flushWebhooks();
      expect(sim.deliveries().filter((d) => !d.ok)).toEqual([]);
      await waitFor(
        async () => (await count(`SELECT COUNT(*) AS n FROM messages WHERE text LIKE 'roles-%'`)) === MESSAGES,
        60_000,
        'the worker to apply every message',
      );
      // other rows of the stream (receipts, the sandbox's own webhooks) may still be in flight: every one must end applied
      await waitFor(
        async () => (await count(`SELECT COUNT(*) AS n FROM webhook_events WHERE status NOT IN ('processed', 'unsupported')`)) === 0,
        30_000,
        'every stored webhook to be applied',
      );

      // the worker is not an entry point for Meta or the dashboard
      const atWorker = await fetch(`http://127.0.0.1:${workerPort}/webhooks/instagram`, { method: 'POST', body: '{}' });
      expect(atWorker.status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${workerPort}/api/conversations`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${workerPort}/api/health`)).status).toBe(200);
      // the receiver still serves the dashboard API (401: it wants a token)
      expect((await fetch(`http://127.0.0.1:${receiverPort}/api/conversations`)).status).toBe(401);
    } finally {
      await conn.end();
    }
  }, 180_000);
});
