import { Role, SessionReadyEvent } from '@ticklegram/domain-models';
import { io, Socket } from 'socket.io-client';
import { startTestApp, TEST_ADMIN, TestApp } from '../utils/test-app';
import { waitFor } from '../utils/webhooks-harness';

/**
 * An access change made on one replica closes the user's sockets on every replica (the Redis adapter
 * carries the disconnect). Runs only with TEST_REDIS_URL (jest.redis.config.cts).
 */
const redisUrl = process.env['TEST_REDIS_URL'] as string;

describe('sessions end on every replica (e2e, Redis)', () => {
  let replicaA: TestApp;
  let replicaB: TestApp;
  let socket: Socket | undefined;

  beforeAll(async () => {
    replicaA = await startTestApp({ REDIS_URL: redisUrl });
    replicaB = await startTestApp({ REDIS_URL: redisUrl, DATABASE_URL: replicaA.db.url ?? '', DATA_DIR: replicaA.db.dataDir });
  });
  afterAll(async () => {
    socket?.disconnect();
    await replicaB?.close();
    await replicaA?.close();
  });

  it('deactivating a user through replica A closes their socket on replica B', async () => {
    const agent = await replicaA.createUser(Role.AGENT);
    socket = io(replicaB.url, { transports: ['websocket'], auth: { token: agent.accessToken }, reconnection: false, forceNew: true });
    await new Promise<SessionReadyEvent>((resolve, reject) => {
      socket?.once('session.ready', resolve);
      socket?.once('connect_error', reject);
    });
    const closed = new Promise<string>((resolve) => {
      const timer = setTimeout(() => resolve('still connected'), 5_000);
      socket?.once('disconnect', (reason) => {
        clearTimeout(timer);
        resolve(reason);
      });
    });
    const admin = await replicaA.login(TEST_ADMIN.email, TEST_ADMIN.password);
    await replicaA.http.patch(`/api/users/${agent.user.id}`).set('Authorization', `Bearer ${admin.accessToken}`).send({ active: false }).expect(200);
    expect(await closed).toBe('io server disconnect');
    // let both replicas finish the presence round trips the disconnect started before they shut down
    for (const replica of [replicaB, replicaA]) {
      const online = async () => {
        const res = await replica.http.get('/api/presence/online').set('Authorization', `Bearer ${admin.accessToken}`);
        return (res.body as { users: { userId: string }[] }).users.some((u) => u.userId === agent.user.id);
      };
      await waitFor(async () => !(await online()), 10_000, 'the agent to be offline on every replica');
    }
  });
});
