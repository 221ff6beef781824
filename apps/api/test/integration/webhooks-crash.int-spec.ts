import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { RunningMetaSim, SIM_SEED, startMetaSim } from '@ticklegram/meta-sim';
import { waitFor } from '../utils/webhooks-harness';

const ROOT = resolve(__dirname, '../../../..');
const BUILT = join(ROOT, 'dist/apps/api/main.js');
const TOTAL = 240;
const KILL_AT = 80;
const RESTART_AT = 140;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/**
 * SIGKILL the built api while the simulator delivers a steady stream of messages, restart it on the
 * same SQLite file, and count: every delivery the api acknowledged is applied exactly once (and, thanks
 * to Meta's retries, every message sent arrives).
 */
describe('webhook ingestion survives SIGKILL (built api, SQLite file)', () => {
  let sim: RunningMetaSim;
  let api: ChildProcess | null = null;
  let port: number;
  let dataDir: string;
  let runDir: string;
  let db: DataSource;
  const count = async (sql: string): Promise<number> => Number(((await db.query(sql)) as { n: number }[])[0]?.n ?? 0);

  const startApi = async (): Promise<void> => {
    api = spawn(process.execPath, [join(runDir, 'main.js')], {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'test',
        APP_MODE: 'sandbox',
        API_HOST: '127.0.0.1',
        API_PORT: String(port),
        DATA_DIR: dataDir,
        META_SIM_URL: sim.url,
        SANDBOX_AUTOCONNECT: 'true',
        LOG_LEVEL: 'silent',
        WEBHOOK_POLL_INTERVAL_MS: '50',
        MEDIA_DOWNLOAD_ON_INGEST: 'false',
        // this suite measures ingestion alone; the insights backfill would compete for the SQLite writer
        INSIGHTS_SYNC_ENABLED: 'false',
      },
      stdio: 'ignore',
    });
    await waitFor(async () => {
      try {
        return (await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200;
      } catch {
        return false;
      }
    }, 60_000, 'the api to listen');
  };

  beforeAll(async () => {
    // the suite runs the real build: compile it unless it is there (Nx caches unchanged sources)
    if (process.env['TG_SKIP_API_BUILD'] !== '1' || !existsSync(BUILT)) {
      execFileSync('npx', ['nx', 'build', 'api'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NX_DAEMON: 'false' } });
    }
    // a private copy: another build cleaning dist/ must not pull the file away mid-test
    mkdirSync(join(ROOT, 'tmp'), { recursive: true });
    runDir = mkdtempSync(join(ROOT, 'tmp', 'tg-crash-'));
    copyFileSync(BUILT, join(runDir, 'main.js'));
    dataDir = mkdtempSync(join(ROOT, 'tmp', 'tg-crash-data-'));
    port = await freePort();
    sim = await startMetaSim({ port: 0, deliveryDelayMs: 5, retryDelaysMs: [200, 400, 800, 1500, 2500, 4000, 6000, 8000, 10000, 15000], webhookTimeoutMs: 2000 });
    sim.setWebhookUrls({ instagram: `http://127.0.0.1:${port}/webhooks/instagram`, page: `http://127.0.0.1:${port}/webhooks/facebook` });
    await startApi();
    // a second connection to the api's file (WAL: reads do not block the api's writer)
    db = await new DataSource({ type: 'better-sqlite3', database: join(dataDir, 'ticklegram.sqlite'), readonly: true, timeout: 5000 }).initialize();
    await waitFor(async () => (await count('SELECT COUNT(*) AS n FROM facebook_pages')) > 0 && (await count('SELECT COUNT(*) AS n FROM instagram_accounts')) > 0, 45_000, 'the sandbox channels');
  }, 240_000);

  afterAll(async () => {
    api?.kill('SIGKILL');
    await db?.destroy();
    await sim?.close();
    if (runDir) rmSync(runDir, { recursive: true, force: true });
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('applies every acknowledged event exactly once', async () => {
    const customers = [...SIM_SEED.instagramCustomers.map((c) => c.igsid), ...SIM_SEED.messengerCustomers.map((c) => c.psid)];
    const sent: string[] = [];
    for (let i = 0; i < TOTAL; i += 1) {
      if (i === KILL_AT) api?.kill('SIGKILL');
      if (i === RESTART_AT) await startApi();
      sent.push(sim.customerSends(customers[i % customers.length], { text: `crash-${i}` }).mid);
      await new Promise((r) => setTimeout(r, 8));
    }
    await sim.flushWebhooks();
    await waitFor(async () => (await count(`SELECT COUNT(*) AS n FROM webhook_events WHERE status IN ('pending','processing','failed')`)) === 0, 45_000, 'the worker to drain');

    const acked = new Set<string>();
    const refused = sim.deliveries().filter((d) => !d.ok).length;
    for (const delivery of sim.deliveries()) {
      if (!delivery.ok) continue;
      for (const match of delivery.body.matchAll(/"mid":"([^"]+)"/g)) acked.add(match[1]);
    }
    // the kill really interrupted deliveries, and Meta's retries then got everything through
    expect(refused).toBeGreaterThan(0);
    expect(acked.size).toBe(TOTAL);
    const rows: { mid: string; n: number }[] = await db.query(`SELECT mid, COUNT(*) AS n FROM messages WHERE text LIKE 'crash-%' GROUP BY mid`);
    const counts = new Map(rows.map((r) => [r.mid, Number(r.n)]));
    const wrong = sent.filter((mid) => acked.has(mid) && counts.get(mid) !== 1);
    expect(wrong).toEqual([]);
    expect(counts.size).toBe(TOTAL);
    expect(await count(`SELECT COUNT(*) AS n FROM webhook_events WHERE status = 'dead'`)).toBe(0);
  }, 180_000);
});
