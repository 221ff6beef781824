import { ClientToServerEvents, Role, ServerToClientEvents, SessionReadyEvent } from '@ticklegram/domain-models';
import { io, Socket } from 'socket.io-client';
import { RealtimeService } from '../../src/modules/realtime/realtime.service';
import { startTestApp, TEST_ADMIN, TestApp } from '../utils/test-app';

/**
 * With REDIS_URL set, two api replicas share Socket.IO rooms through the Redis adapter. This file runs
 * only when TEST_REDIS_URL points at a Redis server (jest.int.config.cts leaves it out otherwise; CI sets it).
 */
const redisUrl = process.env['TEST_REDIS_URL'] as string;

describe('realtime across replicas through Redis (e2e)', () => {
  let replicaA: TestApp;
  let replicaB: TestApp;
  let socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;

  beforeAll(async () => {
    replicaA = await startTestApp({ REDIS_URL: redisUrl });
    replicaB = await startTestApp({ REDIS_URL: redisUrl });
  });
  afterAll(async () => {
    socket?.disconnect();
    await Promise.all([replicaA?.close(), replicaB?.close()]);
  });

  it('delivers an event emitted on one replica to a socket connected to the other', async () => {
    const admin = await replicaB.login(TEST_ADMIN.email, TEST_ADMIN.password);
    socket = io(replicaB.url, { transports: ['websocket'], auth: { token: admin.accessToken }, reconnection: false, forceNew: true });
    await new Promise((resolve, reject) => {
      socket?.once('session.ready', resolve);
      socket?.once('connect_error', reject);
    });
    const received = new Promise<SessionReadyEvent>((resolve) => socket?.on('session.ready', resolve));
    // the adapters' Redis subscriptions settle asynchronously after boot: publish until one lands
    const publish = () => replicaA.app.get(RealtimeService).toRole(Role.ADMIN, 'session.ready', { userId: 'from-replica-a', role: Role.ADMIN, rooms: [] });
    publish();
    const timer = setInterval(publish, 200);
    try {
      await expect(received).resolves.toMatchObject({ userId: 'from-replica-a' });
    } finally {
      clearInterval(timer);
    }
  });
});
