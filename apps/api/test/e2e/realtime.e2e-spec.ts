import { ClientToServerEvents, Role, rooms, ServerToClientEvents, SessionReadyEvent } from '@ticklegram/domain-models';
import { io, Socket } from 'socket.io-client';
import { RealtimeService } from '../../src/modules/realtime/realtime.service';
import { startTestApp, TEST_ADMIN, TestApp } from '../utils/test-app';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('realtime gateway (e2e)', () => {
  let t: TestApp;
  const sockets: ClientSocket[] = [];

  const connect = (token?: string): ClientSocket => {
    const socket: ClientSocket = io(t.url, { transports: ['websocket'], auth: token ? { token } : {}, reconnection: false, forceNew: true });
    sockets.push(socket);
    return socket;
  };
  const ready = (socket: ClientSocket) =>
    new Promise<SessionReadyEvent>((resolve, reject) => {
      socket.once('session.ready', resolve);
      socket.once('connect_error', reject);
    });

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t.close();
  });

  it('refuses a handshake without a valid token', async () => {
    for (const token of [undefined, 'not-a-jwt']) {
      const error = await new Promise<Error>((resolve) => connect(token).once('connect_error', resolve));
      expect(error.message).toBe('AUTH_UNAUTHENTICATED');
    }
  });

  it('joins the user and role rooms and answers pings', async () => {
    const admin = await t.login(TEST_ADMIN.email, TEST_ADMIN.password);
    const socket = connect(admin.accessToken);
    const session = await ready(socket);
    expect(session).toEqual({ userId: admin.user.id, role: Role.ADMIN, rooms: [rooms.user(admin.user.id), rooms.role(Role.ADMIN)] });
    const serverTime = await socket.timeout(2000).emitWithAck('session.ping');
    expect(Math.abs(serverTime - Date.now())).toBeLessThan(5000);
  });

  it('delivers events only to the rooms they are addressed to', async () => {
    const admin = await t.login(TEST_ADMIN.email, TEST_ADMIN.password);
    const agent = await t.createUser(Role.AGENT);
    const adminSocket = connect(admin.accessToken);
    const agentSocket = connect(agent.accessToken);
    await Promise.all([ready(adminSocket), ready(agentSocket)]);

    const received: string[] = [];
    adminSocket.on('session.ready', (p) => received.push(`admin:${p.userId}`));
    agentSocket.on('session.ready', (p) => received.push(`agent:${p.userId}`));
    const realtime = t.app.get(RealtimeService);
    realtime.toRole(Role.ADMIN, 'session.ready', { userId: 'to-admins', role: Role.ADMIN, rooms: [] });
    realtime.toUser(agent.user.id, 'session.ready', { userId: 'to-agent', role: Role.AGENT, rooms: [] });
    await new Promise((r) => setTimeout(r, 300));
    expect(received.sort()).toEqual(['admin:to-admins', 'agent:to-agent']);
  });

  it('refuses a deactivated user even with an unexpired token', async () => {
    const admin = await t.login(TEST_ADMIN.email, TEST_ADMIN.password);
    const agent = await t.createUser(Role.AGENT);
    await t.http.patch(`/api/users/${agent.user.id}`).set('Authorization', `Bearer ${admin.accessToken}`).send({ active: false }).expect(200);
    const error = await new Promise<Error>((resolve) => connect(agent.accessToken).once('connect_error', resolve));
    expect(error.message).toBe('AUTH_UNAUTHENTICATED');
  });
});
