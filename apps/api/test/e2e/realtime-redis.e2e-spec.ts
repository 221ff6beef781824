import { ClientToServerEvents, Role, ServerToClientEvents, SessionReadyEvent } from '@ticklegram/domain-models';
import { io, Socket } from 'socket.io-client';
import { RealtimeService } from '../../src/modules/realtime/realtime.service';
import { startTestApp, TEST_ADMIN, TestApp } from '../utils/test-app';

/**
 * With REDIS_URL set, two api replicas share Socket.IO rooms through the Redis adapter. This file runs
 * only when TEST_REDIS_URL points at a Redis server (jest.int.config.cts leaves it out otherwise; CI sets it).
 */
const redisUrl = process.env['TEST_REDIS_URL'] as string;

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

async function connectAdmin(app: TestApp): Promise<ClientSocket> {
  const admin = await app.login(TEST_ADMIN.email, TEST_ADMIN.password);
  const socket: ClientSocket = io(app.url, { transports: ['websocket'], auth: { token: admin.accessToken }, reconnection: false, forceNew: true });
  await new Promise((resolve, reject) => {
    socket.once('session.ready', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

describe('realtime across replicas through Redis (e2e)', () => {
  let replicaA: TestApp;
  let replicaB: TestApp;
  /** Another deployment on the same Redis (its own REDIS_KEY_PREFIX and database). */
  let otherDeployment: TestApp;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    replicaA = await startTestApp({ REDIS_URL: redisUrl });
    replicaB = await startTestApp({ REDIS_URL: redisUrl });
    otherDeployment = await startTestApp({ REDIS_URL: redisUrl, REDIS_KEY_PREFIX: `${replicaA.config.redisKeyPrefix}other:` });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await Promise.all([replicaA?.close(), replicaB?.close(), otherDeployment?.close()]);
  });

  it('delivers an event emitted on one replica to a socket connected to the other, and not to another deployment on the same Redis', async () => {
    const socket = await connectAdmin(replicaB);
    const stranger = await connectAdmin(otherDeployment);
    sockets.push(socket, stranger);
    const leaked: SessionReadyEvent[] = [];
    stranger.on('session.ready', (event) => leaked.push(event));
    const received = new Promise<SessionReadyEvent>((resolve) => socket.on('session.ready', resolve));
    // the adapters' Redis subscriptions settle asynchronously after boot: publish until one lands
    const publish = () => replicaA.app.get(RealtimeService).toRole(Role.ADMIN, 'session.ready', { userId: 'from-replica-a', role: Role.ADMIN, rooms: [] });
    publish();
    const timer = setInterval(publish, 200);
    try {
      await expect(received).resolves.toMatchObject({ userId: 'from-replica-a' });
      // the other deployment's adapter is subscribed by now too (it booted before the socket connected): keep publishing a while
      await new Promise((resolve) => setTimeout(resolve, 600));
    } finally {
      clearInterval(timer);
    }
    expect(leaked).toEqual([]);
  });
});
