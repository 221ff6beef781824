import { RunningMetaSim, SIM_SEED, startMetaSim } from '@ticklegram/meta-sim';
import { ApiProcess, builtApi, freePort, SharedDatabase, sharedDatabase, sharedEnv } from '../utils/api-process';
import { PrivateMariadb } from '../utils/private-servers';
import { waitFor } from '../utils/webhooks-harness';

/** `npm run chaos` runs this with CHAOS_SCALE=2 (a longer outage). */
const SCALE = Math.max(1, Number(process.env['CHAOS_SCALE'] ?? 1));
const TOTAL = 200;
const STOP_AT = 60;
const DOWN_MS = 5_000 * SCALE;

/**
 * The database crashes (SIGKILL of a private `mariadbd` on port 4315, its own data directory) while Meta
 * delivers a steady stream of customer messages to the built api, and comes back after a while. The api
 * must live through it: deliveries it cannot store are refused (Meta retries them), rows claimed when
 * the database died are taken over when their lease runs out. Afterwards every acknowledged webhook is
 * applied exactly once, every message arrives, and no row is left pending, processing, failed or dead.
 */
describe('chaos: MariaDB restarted mid-stream (built api, private mariadbd)', () => {
  const mariadb = new PrivateMariadb();
  const previousUrl = process.env['TEST_DATABASE_URL'];
  let sim: RunningMetaSim;
  let shared: SharedDatabase;
  let build: ReturnType<typeof builtApi>;
  let api: ApiProcess;
  /** The test's own connection dies with the server too: retry a read until it answers. */
  const count = (sql: string) =>
    waitFor(
      async () =>
        shared
          .count(sql)
          .then((n) => ({ n }))
          .catch(() => null),
      30_000,
      sql,
    ).then((r) => r.n);

  beforeAll(async () => {
    await mariadb.start();
    process.env['TEST_DATABASE_URL'] = mariadb.url;
    build = builtApi();
    const { db, connect } = await sharedDatabase();
    sim = await startMetaSim({
      port: 0,
      deliveryDelayMs: 5,
      retryDelaysMs: [200, 400, 800, 1500, 2500, 4000, 6000, 8000, 10000, 15000, 20000, 30000, 30000],
      webhookTimeoutMs: 5000,
    });
    api = new ApiProcess(build.file, await freePort(), { ...sharedEnv(db, sim.url), WEBHOOK_LEASE_MS: '3000' });
    await api.start();
    shared = await connect();
    await waitFor(
      async () =>
        (await shared.count('SELECT COUNT(*) AS n FROM facebook_pages')) > 0 && (await shared.count('SELECT COUNT(*) AS n FROM instagram_accounts')) > 0,
      45_000,
      'the sandbox channels',
    );
    sim.setWebhookUrls({ instagram: `${api.url}/webhooks/instagram`, page: `${api.url}/webhooks/facebook` });
  }, 300_000);

  afterAll(async () => {
    api?.kill();
    await shared?.close().catch(() => undefined);
    await sim?.close();
    build?.dispose();
    await mariadb.dispose();
    if (previousUrl === undefined) delete process.env['TEST_DATABASE_URL'];
    else process.env['TEST_DATABASE_URL'] = previousUrl;
  });

  it('applies every acknowledged event exactly once after the database came back', async () => {
    const customers = [...SIM_SEED.instagramCustomers.map((c) => c.igsid), ...SIM_SEED.messengerCustomers.map((c) => c.psid)];
    const sent: string[] = [];
    let stoppedAt = 0;
    let restarting: Promise<void> | null = null;
    for (let i = 0; i < TOTAL; i += 1) {
      if (i === STOP_AT) {
        await mariadb.stop('SIGKILL');
        stoppedAt = Date.now();
      }
      if (stoppedAt && !restarting && Date.now() - stoppedAt >= DOWN_MS) restarting = mariadb.start();
      sent.push(sim.customerSends(customers[i % customers.length], { text: `dbcrash-${i}` }).mid);
      await new Promise((r) => setTimeout(r, 25 * SCALE));
    }
    if (!restarting) {
      await new Promise((r) => setTimeout(r, Math.max(0, DOWN_MS - (Date.now() - stoppedAt))));
      restarting = mariadb.start();
    }
    await restarting;
    const downMs = Date.now() - stoppedAt;
    await sim.flushWebhooks();
    await waitFor(
      async () => (await count(`SELECT COUNT(*) AS n FROM webhook_events WHERE status IN ('pending','processing','failed')`)) === 0,
      90_000,
      'the worker to drain',
    );

    const acked = new Set<string>();
    const refused = sim.deliveries().filter((d) => !d.ok).length;
    for (const delivery of sim.deliveries()) {
      if (!delivery.ok) continue;
      for (const match of delivery.body.matchAll(/"mid":"([^"]+)"/g)) acked.add(match[1]);
    }
    // the outage was felt (deliveries refused), and Meta's retries then got everything through
    expect(refused).toBeGreaterThan(0);
    expect(acked.size).toBe(TOTAL);
    const rows: { mid: string; n: number | string }[] = await shared.connection.query(
      `SELECT mid, COUNT(*) AS n FROM messages WHERE text LIKE 'dbcrash-%' GROUP BY mid`,
    );
    const counts = new Map(rows.map((r) => [r.mid, Number(r.n)]));
    expect(sent.filter((mid) => counts.get(mid) !== 1)).toEqual([]);
    expect(counts.size).toBe(TOTAL);
    expect(await count(`SELECT COUNT(*) AS n FROM webhook_events WHERE status = 'dead'`)).toBe(0);
    // the api lived through it (no restart of the api was needed)
    expect(api.running).toBe(true);
    console.info(
      `[chaos mariadb-restart] ${TOTAL} customer messages; database down ${downMs} ms (SIGKILL, then restart); deliveries refused meanwhile: ${refused}; applied exactly once: ${counts.size}/${TOTAL}`,
    );
  }, 300_000);
});
