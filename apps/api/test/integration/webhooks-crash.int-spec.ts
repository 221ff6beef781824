import { ClientToServerEvents, ServerToClientEvents } from '@ticklegram/domain-models';
import { Socket } from 'socket.io-client';
import { ApiCluster, dashboardSocket } from '../utils/api-process';
import { STREAM_CUSTOMERS, waitFor } from '../utils/webhooks-harness';

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
  // MySQL: two replicas with a short lease, so the survivor takes over the killed one's claimed rows within the test
  const cluster = new ApiCluster({
    layout: (db) => (db.kind === 'mysql' ? { replicas: 2, admin: ADMIN, env: { WEBHOOK_LEASE_MS: '3000' } } : { replicas: 1, admin: ADMIN }),
  });
  let socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;

  beforeAll(() => cluster.start(), 300_000);

  afterAll(async () => {
    socket?.disconnect();
    await cluster.close();
  });

  it('applies every acknowledged event exactly once', async () => {
    const { sim, replicas, mysql } = cluster;
    const stream = cluster.stream('crash');
    const victim = replicas[0];
    // a dashboard on the api that will be killed: it reconnects on its own (socket.io's backoff, same token)
    socket = (await dashboardSocket(victim, ADMIN)).socket;
    const sessions: number[] = [];
    const events: { at: number; text: string | null }[] = [];
    socket.on('session.ready', () => sessions.push(Date.now()));
    socket.on('message.created', (payload) => events.push({ at: Date.now(), text: payload.message.text }));
    await waitFor(async () => sessions.length === 1, 20_000, 'the dashboard socket to connect');

    let restartedAt = 0;
    let killedAt = 0;
    for (let i = 0; i < TOTAL; i += 1) {
      if (i === KILL_AT) {
        victim.kill();
        killedAt = Date.now();
      }
      if (i === RESTART_AT) {
        await victim.start();
        restartedAt = Date.now();
      }
      stream.send();
      await new Promise((r) => setTimeout(r, 8));
    }
    await cluster.drain(60_000);

    const outcome = await cluster.outcome(stream);
    // the kill really interrupted deliveries, and Meta's retries then got everything through
    expect(outcome.refused).toBeGreaterThan(0);
    expect(outcome).toMatchObject({ unacknowledged: [], notAppliedOnce: [], applied: TOTAL, dead: 0 });
    if (mysql) expect(replicas.every((r) => r.running)).toBe(true);

    // the socket reconnected to the restarted api and receives live events again (a session after the kill is the
    // restarted api's; it may begin before start() saw the api healthy)
    const reconnectedAt = await waitFor(async () => sessions.find((at) => at > killedAt), 20_000, 'the dashboard socket to reconnect');
    expect(socket?.connected).toBe(true);
    const before = new Set(events.filter((e) => e.at < reconnectedAt).map((e) => e.text)).size;
    const after = new Set(events.filter((e) => e.at >= reconnectedAt).map((e) => e.text)).size;
    // (two replicas without Redis: only what the restarted one applies reaches its sockets, so B steps aside)
    if (replicas[1]) replicas[1].kill();
    sim.customerSends(STREAM_CUSTOMERS[0], { text: 'after the restart' });
    await waitFor(async () => events.some((e) => e.text === 'after the restart'), 20_000, 'an event on the reconnected socket');
    console.info(
      `[webhooks-crash] socket: ${sessions.length} sessions, reconnected ${reconnectedAt - restartedAt} ms after the restart; message.created received: ${before} before, ${after} after`,
    );
  }, 300_000);
});
