import { ClientToServerEvents, ServerToClientEvents } from '@ticklegram/domain-models';
import { SIM_SEED } from '@ticklegram/meta-sim';
import { Socket } from 'socket.io-client';
import { ApiCluster, dashboardSocket } from '../utils/api-process';
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
  const cluster = new ApiCluster({
    serverUrl: mariadb.url,
    layout: { replicas: 2, admin: ADMIN, env: { REDIS_URL: redis.url, WEBHOOK_LEASE_MS: '3000' } },
  });
  let socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;

  beforeAll(async () => {
    await Promise.all([mariadb.start(), redis.start()]);
    await cluster.start();
  }, 300_000);

  afterAll(async () => {
    socket?.disconnect();
    await cluster.close();
    await Promise.all([redis.dispose(), mariadb.dispose()]);
  });

  it('keeps ingesting without Redis, applies every acknowledged event once, and fans out again once it is back', async () => {
    const { sim, shared, replicas } = cluster;
    const dashboard = await dashboardSocket(replicas[0], ADMIN);
    const { accessToken } = dashboard;
    socket = dashboard.socket;
    const events: string[] = [];
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

    const stream = cluster.stream('redis');
    const { sent } = stream;
    await stream.sendEvery(25, () => sent.length >= 40);
    await redis.stop('SIGKILL');
    const stoppedAt = Date.now();
    await stream.sendEvery(100, () => Date.now() - stoppedAt >= DOWN_MS);
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
    await stream.sendEvery(25, () => sent.length >= resumedAt + 40);
    await cluster.drain(90_000);

    const outcome = await cluster.outcome(stream);
    expect(outcome).toMatchObject({ unacknowledged: [], notAppliedOnce: [], dead: 0 });
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
    console.info(
      `[chaos redis-outage] two replicas; Redis down ${DOWN_MS} ms (SIGKILL, restarted empty); ${sent.length} customer messages (${duringOutage} during the outage); deliveries refused: ${outcome.refused}; applied exactly once: ${outcome.applied}/${sent.length}; socket on A reconnected ${(sessions.find((at) => at >= redisBackAt) ?? 0) - redisBackAt} ms after Redis was back; a change on replica B reached it ${Date.now() - fanOutStarted} ms after the stream ended`,
    );
  }, 300_000);
});
