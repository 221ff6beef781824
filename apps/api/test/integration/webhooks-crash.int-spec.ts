import { RunningMetaSim, SIM_SEED, startMetaSim } from '@ticklegram/meta-sim';
import { ApiProcess, builtApi, freePort, SharedDatabase, sharedDatabase, sharedEnv } from '../utils/api-process';
import { waitFor } from '../utils/webhooks-harness';

const TOTAL = 240;
const KILL_AT = 80;
const RESTART_AT = 140;

/**
 * SIGKILL the built api while the simulator delivers a steady stream of messages, restart it, and count:
 * every delivery the api acknowledged is applied exactly once (and, thanks to Meta's retries, every
 * message sent arrives).
 *
 * SQLite: one api on the file. MySQL/MariaDB (TEST_DATABASE_URL): two replicas on one database, the way
 * production scales out — Instagram webhooks go to replica A, Page webhooks to B, both workers claim from
 * the shared table (FOR UPDATE SKIP LOCKED, leases). A is killed with rows claimed and half-applied;
 * B keeps going and takes them over when their lease runs out.
 */
describe('webhook ingestion survives SIGKILL (built api)', () => {
  let sim: RunningMetaSim;
  let shared: SharedDatabase;
  let build: ReturnType<typeof builtApi>;
  const replicas: ApiProcess[] = [];
  let mysql = false;

  beforeAll(async () => {
    build = builtApi();
    const { db, connect } = await sharedDatabase();
    mysql = db.kind === 'mysql';
    // Meta retries for hours; on a loaded machine the api can take a while to boot again
    sim = await startMetaSim({
      port: 0,
      deliveryDelayMs: 5,
      retryDelaysMs: [200, 400, 800, 1500, 2500, 4000, 6000, 8000, 10000, 15000, 20000, 30000, 30000],
      webhookTimeoutMs: 5000,
    });
    // two replicas: a short lease, so the survivor takes over the killed one's claimed rows within the test
    const env = { ...sharedEnv(db, sim.url), ...(mysql ? { WEBHOOK_LEASE_MS: '3000' } : {}) };
    replicas.push(new ApiProcess(build.file, await freePort(), env));
    if (mysql) replicas.push(new ApiProcess(build.file, await freePort(), env));
    // one replica connects the sandbox channels first; the second finds them there
    await replicas[0].start();
    shared = await connect();
    await waitFor(
      async () =>
        (await shared.count('SELECT COUNT(*) AS n FROM facebook_pages')) > 0 && (await shared.count('SELECT COUNT(*) AS n FROM instagram_accounts')) > 0,
      45_000,
      'the sandbox channels',
    );
    if (replicas[1]) await replicas[1].start();
    const other = replicas[1] ?? replicas[0];
    sim.setWebhookUrls({ instagram: `${replicas[0].url}/webhooks/instagram`, page: `${other.url}/webhooks/facebook` });
  }, 300_000);

  afterAll(async () => {
    for (const replica of replicas) replica.kill();
    await shared?.close();
    await sim?.close();
    build?.dispose();
  });

  it('applies every acknowledged event exactly once', async () => {
    const customers = [...SIM_SEED.instagramCustomers.map((c) => c.igsid), ...SIM_SEED.messengerCustomers.map((c) => c.psid)];
    const sent: string[] = [];
    const victim = replicas[0];
    for (let i = 0; i < TOTAL; i += 1) {
      if (i === KILL_AT) victim.kill();
      if (i === RESTART_AT) await victim.start();
      sent.push(sim.customerSends(customers[i % customers.length], { text: `crash-${i}` }).mid);
      await new Promise((r) => setTimeout(r, 8));
    }
    await sim.flushWebhooks();
    await waitFor(
      async () => (await shared.count(`SELECT COUNT(*) AS n FROM webhook_events WHERE status IN ('pending','processing','failed')`)) === 0,
      60_000,
      'the workers to drain',
    );

    const acked = new Set<string>();
    const refused = sim.deliveries().filter((d) => !d.ok).length;
    for (const delivery of sim.deliveries()) {
      if (!delivery.ok) continue;
      for (const match of delivery.body.matchAll(/"mid":"([^"]+)"/g)) acked.add(match[1]);
    }
    // the kill really interrupted deliveries, and Meta's retries then got everything through
    expect(refused).toBeGreaterThan(0);
    expect(acked.size).toBe(TOTAL);
    const rows: { mid: string; n: number | string }[] = await shared.connection.query(
      `SELECT mid, COUNT(*) AS n FROM messages WHERE text LIKE 'crash-%' GROUP BY mid`,
    );
    const counts = new Map(rows.map((r) => [r.mid, Number(r.n)]));
    const wrong = sent.filter((mid) => acked.has(mid) && counts.get(mid) !== 1);
    expect(wrong).toEqual([]);
    expect(counts.size).toBe(TOTAL);
    expect(await shared.count(`SELECT COUNT(*) AS n FROM webhook_events WHERE status = 'dead'`)).toBe(0);
    if (mysql) expect(replicas.every((r) => r.running)).toBe(true);
  }, 300_000);
});
