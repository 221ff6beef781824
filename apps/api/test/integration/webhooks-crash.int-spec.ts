import { ClientToServerEvents, ServerToClientEvents } from '@ticklegram/domain-models';
import { RunningMetaSim, SIM_SEED, startMetaSim } from '@ticklegram/meta-sim';
import { io, Socket } from 'socket.io-client';
import { ApiProcess, builtApi, freePort, SharedDatabase, sharedDatabase, sharedEnv } from '../utils/api-process';
import { waitFor } from '../utils/webhooks-harness';

const TOTAL = 240;
const KILL_AT = 80;
const RESTART_AT = 140;
const ADMIN = { email: 'admin@crash.test', password: 'crash-admin-password-1' };

/**
 * SIGKILL the built api while the simulator delivers a steady stream of messages, restart it, and count:
 * every delivery the api acknowledged is applied exactly once (and, thanks to Meta's retries, every
 * message sent arrives).
 *
 * SQLite: one api on the file. MySQL/MariaDB (TEST_DATABASE_URL): two replicas on one database, the way
 * production scales out — Instagram webhooks go to replica A, Page webhooks to B, both workers claim from
 * the shared table (FOR UPDATE SKIP LOCKED, leases). A is killed with rows claimed and half-applied;
 * B keeps going and takes them over when their lease runs out.
 *
 * A dashboard socket connected to the killed api reconnects by itself once it is back (same token: the
 * signing secret outlives the process) and receives the events of messages that arrive afterwards.
 */
describe('webhook ingestion survives SIGKILL (built api)', () => {
  let sim: RunningMetaSim;
  let shared: SharedDatabase;
  let build: ReturnType<typeof builtApi>;
  const replicas: ApiProcess[] = [];
  let mysql = false;
  let socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;

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
    const env = { ...sharedEnv(db, sim.url), ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...(mysql ? { WEBHOOK_LEASE_MS: '3000' } : {}) };
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
    socket?.disconnect();
    for (const replica of replicas) replica.kill();
    await shared?.close();
    await sim?.close();
    build?.dispose();
  });

  it('applies every acknowledged event exactly once', async () => {
    const customers = [...SIM_SEED.instagramCustomers.map((c) => c.igsid), ...SIM_SEED.messengerCustomers.map((c) => c.psid)];
    const sent: string[] = [];
    const victim = replicas[0];
    // a dashboard on the api that will be killed: it reconnects on its own (socket.io's backoff, same token)
    const login = await fetch(`${victim.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const sessions: number[] = [];
    const events: { at: number; text: string | null }[] = [];
    socket = io(victim.url, { transports: ['websocket'], auth: { token: accessToken }, reconnectionDelayMax: 1000, forceNew: true });
    socket.on('session.ready', () => sessions.push(Date.now()));
    socket.on('message.created', (payload) => events.push({ at: Date.now(), text: payload.message.text }));
    await waitFor(async () => sessions.length === 1, 20_000, 'the dashboard socket to connect');

    let restartedAt = 0;
    for (let i = 0; i < TOTAL; i += 1) {
      if (i === KILL_AT) victim.kill();
      if (i === RESTART_AT) {
        await victim.start();
        restartedAt = Date.now();
      }
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

    // the socket reconnected to the restarted api and receives live events again
    const reconnectedAt = await waitFor(async () => sessions.find((at) => at >= restartedAt), 20_000, 'the dashboard socket to reconnect');
    expect(socket?.connected).toBe(true);
    const before = new Set(events.filter((e) => e.at < reconnectedAt).map((e) => e.text)).size;
    const after = new Set(events.filter((e) => e.at >= reconnectedAt).map((e) => e.text)).size;
    // (two replicas without Redis: only what the restarted one applies reaches its sockets, so B steps aside)
    if (replicas[1]) replicas[1].kill();
    sim.customerSends(customers[0], { text: 'after the restart' });
    await waitFor(async () => events.some((e) => e.text === 'after the restart'), 20_000, 'an event on the reconnected socket');
    console.info(
      `[webhooks-crash] socket: ${sessions.length} sessions, reconnected ${reconnectedAt - restartedAt} ms after the restart; message.created received: ${before} before, ${after} after`,
    );
  }, 300_000);
});
