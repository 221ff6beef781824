import { ClientToServerEvents, ServerToClientEvents } from '@ticklegram/domain-models';
import { RunningMetaSim, SIM_SEED, startMetaSim } from '@ticklegram/meta-sim';
import { io, Socket } from 'socket.io-client';
import { ApiProcess, builtApi, freePort, SharedDatabase, sharedDatabase, sharedEnv } from '../utils/api-process';
import { PrivateMariadb, PrivateRedis } from '../utils/private-servers';
import { waitFor } from '../utils/webhooks-harness';

/** `npm run chaos` runs this with CHAOS_SCALE=2: Redis gone for a minute. */
const SCALE = Math.max(1, Number(process.env['CHAOS_SCALE'] ?? 1));
const DOWN_MS = 30_000 * SCALE;
const ADMIN = { email: 'admin@redis-chaos.test', password: 'redis-chaos-password-1' };

/**
 * Two api replicas sharing a database (a private `mariadbd` on 4315) and Redis (a private `redis-server`
 * on 4316: Socket.IO fan-out between replicas, shared rate limits). Redis is killed while Meta delivers a
 * steady stream to both replicas (Instagram to A, Page to B) and comes back empty after a while. The
 * replicas must keep ingesting without it (rate limits fall back to in-process ones); afterwards every
 * acknowledged webhook is applied exactly once, no row is stuck, and a dashboard socket on replica A
 * again receives what replica B applies.
 */
describe('chaos: Redis gone with two api replicas (built api, private redis-server and mariadbd)', () => {
  const mariadb = new PrivateMariadb();
  const redis = new PrivateRedis();
  const previousUrl = process.env['TEST_DATABASE_URL'];
  let sim: RunningMetaSim;
  let shared: SharedDatabase;
  let build: ReturnType<typeof builtApi>;
  const replicas: ApiProcess[] = [];
  let socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;

  beforeAll(async () => {
    await Promise.all([mariadb.start(), redis.start()]);
    process.env['TEST_DATABASE_URL'] = mariadb.url;
    build = builtApi();
    const { db, connect } = await sharedDatabase();
    sim = await startMetaSim({
      port: 0,
      deliveryDelayMs: 5,
      retryDelaysMs: [200, 400, 800, 1500, 2500, 4000, 6000, 8000, 10000, 15000, 20000, 30000, 30000],
      webhookTimeoutMs: 5000,
    });
    const env = { ...sharedEnv(db, sim.url), REDIS_URL: redis.url, WEBHOOK_LEASE_MS: '3000', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password };
    replicas.push(new ApiProcess(build.file, await freePort(), env), new ApiProcess(build.file, await freePort(), env));
    await replicas[0].start();
    shared = await connect();
    await waitFor(
      async () =>
        (await shared.count('SELECT COUNT(*) AS n FROM facebook_pages')) > 0 && (await shared.count('SELECT COUNT(*) AS n FROM instagram_accounts')) > 0,
      45_000,
      'the sandbox channels',
    );
    await replicas[1].start();
    sim.setWebhookUrls({ instagram: `${replicas[0].url}/webhooks/instagram`, page: `${replicas[1].url}/webhooks/facebook` });
  }, 300_000);

  afterAll(async () => {
    socket?.disconnect();
    for (const replica of replicas) replica.kill();
    await shared?.close().catch(() => undefined);
    await sim?.close();
    build?.dispose();
    await Promise.all([redis.dispose(), mariadb.dispose()]);
    if (previousUrl === undefined) delete process.env['TEST_DATABASE_URL'];
    else process.env['TEST_DATABASE_URL'] = previousUrl;
  });

  it('keeps ingesting without Redis, applies every acknowledged event once, and fans out again once it is back', async () => {
    const login = await fetch(`${replicas[0].url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const events: string[] = [];
    socket = io(replicas[0].url, { transports: ['websocket'], auth: { token: accessToken }, reconnectionDelayMax: 1000, forceNew: true });
    socket.on('message.created', (payload) => events.push(payload.message.text ?? ''));
    const sessions: number[] = [];
    socket.on('session.ready', () => sessions.push(Date.now()));
    // like the dashboard (realtime-provider.tsx): a socket the server closed connects again
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') socket?.connect();
    });
    const updates: string[] = [];
    socket.on('conversation.updated', (payload) => updates.push(payload.conversation.priority ?? ''));
    await new Promise<void>((resolve) => socket?.once('session.ready', () => resolve()));
    // a customer outside the stream below: only our priority changes touch the conversation
    const page = SIM_SEED.newCustomers.messenger.psid;
    sim.customerSends(page, { text: 'a conversation to update' });
    let toggles = 0;
    const conversationId = await waitFor(async () => {
      const rows: { id: string }[] = await shared.connection.query('SELECT id FROM conversations WHERE customer_external_id = ?', [page]);
      return rows[0]?.id;
    }, 20_000);
    /** A change made through replica B reaches the socket on replica A only through Redis; pub/sub keeps nothing, so ask again until one arrives. */
    const fannedOut = (what: string) =>
      waitFor(
        async () => {
          const priority = toggles++ % 2 === 0 ? 'high' : 'low';
          const mark = updates.length;
          await fetch(`${replicas[1].url}/api/conversations/${conversationId}/priority`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
            body: JSON.stringify({ priority }),
          });
          return waitFor(async () => updates.slice(mark).includes(priority), 1_000).catch(() => false);
        },
        30_000,
        what,
      );
    await fannedOut('a change on replica B to reach the socket on A before the outage');

    const customers = [...SIM_SEED.instagramCustomers.map((c) => c.igsid), ...SIM_SEED.messengerCustomers.map((c) => c.psid)];
    const sent: string[] = [];
    /** One customer message every `gapMs` until `until()` says stop. */
    const stream = async (gapMs: number, until: () => boolean) => {
      while (!until()) {
        const i = sent.length;
        sent.push(sim.customerSends(customers[i % customers.length], { text: `redis-${i}` }).mid);
        await new Promise((r) => setTimeout(r, gapMs));
      }
    };
    await stream(25, () => sent.length >= 40);
    await redis.stop('SIGKILL');
    const stoppedAt = Date.now();
    await stream(100, () => Date.now() - stoppedAt >= DOWN_MS);
    const duringOutage = sent.length - 40;
    // the replicas kept applying while Redis was gone
    const lastOfOutage = `redis-${sent.length - 1}`;
    await waitFor(
      async () => (await shared.count(`SELECT COUNT(*) AS n FROM messages WHERE text = '${lastOfOutage}'`)) === 1,
      30_000,
      'the last message of the outage to be applied before Redis is back',
    );
    await redis.start();
    const redisBackAt = Date.now();
    const resumedAt = sent.length;
    await stream(25, () => sent.length >= resumedAt + 40);
    await sim.flushWebhooks();
    await waitFor(
      async () => (await shared.count(`SELECT COUNT(*) AS n FROM webhook_events WHERE status IN ('pending','processing','failed')`)) === 0,
      90_000,
      'the workers to drain',
    );

    const acked = new Set<string>();
    for (const delivery of sim.deliveries()) {
      if (!delivery.ok) continue;
      for (const match of delivery.body.matchAll(/"mid":"([^"]+)"/g)) acked.add(match[1]);
    }
    const rows: { mid: string; n: number | string }[] = await shared.connection.query(
      `SELECT mid, COUNT(*) AS n FROM messages WHERE text LIKE 'redis-%' GROUP BY mid`,
    );
    const counts = new Map(rows.map((r) => [r.mid, Number(r.n)]));
    expect(sent.filter((mid) => !acked.has(mid))).toEqual([]);
    expect(sent.filter((mid) => counts.get(mid) !== 1)).toEqual([]);
    expect(await shared.count(`SELECT COUNT(*) AS n FROM webhook_events WHERE status = 'dead'`)).toBe(0);
    expect(replicas.every((r) => r.running)).toBe(true);

    // A's socket missed what B applied during the outage: A closes it once its subscriber is back, the
    // client reconnects (and a dashboard refetches on connect)
    await waitFor(async () => sessions.some((at) => at >= redisBackAt), 30_000, 'the socket on A to be reconnected after Redis came back');
    // fan-out is back: a change made through replica B reaches the socket on A again
    const updatesBefore = updates.length;
    const fanOutStarted = Date.now();
    await fannedOut('a change on replica B to reach the socket on A after Redis came back');
    expect(updates.length).toBeGreaterThan(updatesBefore);
    // and new customer messages reach it, whichever replica applies them
    const after = [0, 1, 2, 3].map((n) => `after the outage ${n}`);
    for (const text of after) sim.customerSends(page, { text });
    await waitFor(async () => after.every((text) => events.includes(text)), 20_000, 'the message events after Redis came back').catch(
      async (error: unknown) => {
        const applied = await Promise.all(after.map((text) => shared.count(`SELECT COUNT(*) AS n FROM messages WHERE text = '${text}'`)));
        throw new Error(`${String(error)}: applied ${JSON.stringify(applied)}, received ${JSON.stringify(after.map((text) => events.includes(text)))}`);
      },
    );
    const refused = sim.deliveries().filter((d) => !d.ok).length;
    console.info(
      `[chaos redis-outage] two replicas; Redis down ${DOWN_MS} ms (SIGKILL, restarted empty); ${sent.length} customer messages (${duringOutage} during the outage); deliveries refused: ${refused}; applied exactly once: ${counts.size}/${sent.length}; socket on A reconnected ${(sessions.find((at) => at >= redisBackAt) ?? 0) - redisBackAt} ms after Redis was back; a change on replica B reached it ${Date.now() - fanOutStarted} ms after the stream ended`,
    );
  }, 300_000);
});
