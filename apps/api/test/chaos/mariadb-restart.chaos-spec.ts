import { ApiCluster } from '../utils/api-process';
import { PrivateMariadb } from '../utils/private-servers';

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
  // the test's own connection dies with the server too: its reads are retried until it answers
  const cluster = new ApiCluster({ serverUrl: mariadb.url, retryReadsMs: 30_000, layout: { env: { WEBHOOK_LEASE_MS: '3000' } } });

  beforeAll(async () => {
    await mariadb.start();
    await cluster.start();
  }, 300_000);

  afterAll(async () => {
    await cluster.close();
    await mariadb.dispose();
  });

  it('applies every acknowledged event exactly once after the database came back', async () => {
    const stream = cluster.stream('dbcrash');
    let stoppedAt = 0;
    let restarting: Promise<void> | null = null;
    for (let i = 0; i < TOTAL; i += 1) {
      if (i === STOP_AT) {
        await mariadb.stop('SIGKILL');
        stoppedAt = Date.now();
      }
      if (stoppedAt && !restarting && Date.now() - stoppedAt >= DOWN_MS) restarting = mariadb.start();
      stream.send();
      await new Promise((r) => setTimeout(r, 25 * SCALE));
    }
    if (!restarting) {
      await new Promise((r) => setTimeout(r, Math.max(0, DOWN_MS - (Date.now() - stoppedAt))));
      restarting = mariadb.start();
    }
    await restarting;
    const downMs = Date.now() - stoppedAt;
    await cluster.drain(90_000);

    const outcome = await cluster.outcome(stream);
    // the outage was felt (deliveries refused), and Meta's retries then got everything through
    expect(outcome.refused).toBeGreaterThan(0);
    expect(outcome).toMatchObject({ unacknowledged: [], notAppliedOnce: [], applied: TOTAL, dead: 0 });
    // the api lived through it (no restart of the api was needed)
    expect(cluster.replicas[0].running).toBe(true);
    console.info(
      `[chaos mariadb-restart] ${TOTAL} customer messages; database down ${downMs} ms (SIGKILL, then restart); deliveries refused meanwhile: ${outcome.refused}; applied exactly once: ${outcome.applied}/${TOTAL}`,
    );
  }, 300_000);
});
