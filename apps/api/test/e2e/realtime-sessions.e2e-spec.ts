import { JwtService } from '@nestjs/jwt';
import { ClientToServerEvents, Role, rooms, ServerToClientEvents, SessionReadyEvent, SessionResponse } from '@ticklegram/domain-models';
import { io, Socket } from 'socket.io-client';
import { startTestApp, TEST_ADMIN, TestApp } from '../utils/test-app';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Sockets and tokens are re-authorized when access changes: a socket ends with its token, and a
 * deactivation, password reset or role change closes the user's sockets at once; a reset or deactivation
 * also refuses the access tokens and refresh cookies issued before.
 */
describe('sessions end when access changes (e2e)', () => {
  let t: TestApp;
  let adminToken: string;
  const sockets: ClientSocket[] = [];

  const connect = (token: string): ClientSocket => {
    const socket: ClientSocket = io(t.url, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
    sockets.push(socket);
    return socket;
  };
  const ready = (socket: ClientSocket) =>
    new Promise<SessionReadyEvent>((resolve, reject) => {
      socket.once('session.ready', resolve);
      socket.once('connect_error', reject);
    });
  /** Resolves with the disconnect reason, or 'still connected' after `ms`. */
  const disconnectWithin = (socket: ClientSocket, ms: number) =>
    new Promise<string>((resolve) => {
      const timer = setTimeout(() => resolve('still connected'), ms);
      socket.once('disconnect', (reason) => {
        clearTimeout(timer);
        resolve(reason);
      });
    });
  const handshakeError = (token: string) => new Promise<string>((resolve) => connect(token).once('connect_error', (error) => resolve(error.message)));
  /** Signs in through HTTP and keeps the refresh cookie. */
  const signIn = async (email: string, password: string): Promise<{ session: SessionResponse; cookie: string }> => {
    const res = await t.http.post('/api/auth/login').send({ email, password }).expect(200);
    const cookie = ((res.headers['set-cookie'] as unknown as string[]) ?? []).find((c) => c.startsWith('tg_refresh='))?.split(';')[0] ?? '';
    return { session: res.body as SessionResponse, cookie };
  };
  const patchUser = (id: string, body: object) => t.http.patch(`/api/users/${id}`).set('Authorization', `Bearer ${adminToken}`).send(body).expect(200);
  const newAgent = async (role = Role.AGENT) => {
    const password = 'agent-password-123';
    const created = await t.createUser(role, { password });
    return { ...(await signIn(created.user.email, password)), password };
  };

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = (await t.login(TEST_ADMIN.email, TEST_ADMIN.password)).accessToken;
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t.close();
  });

  it('closes a socket when the token it connected with expires', async () => {
    const agent = await newAgent();
    const jwt = t.app.get(JwtService);
    const shortLived = await jwt.signAsync(
      { sub: agent.session.user.id, email: agent.session.user.email, role: Role.AGENT, sv: 0 },
      { secret: t.config.auth.jwtSecret, expiresIn: 2, issuer: 'ticklegram', audience: 'ticklegram-api', algorithm: 'HS256' },
    );
    const socket = connect(shortLived);
    await ready(socket);
    expect(await disconnectWithin(socket, 6_000)).toBe('io server disconnect');
    // and it cannot come back with the same token
    expect(await handshakeError(shortLived)).toBe('AUTH_UNAUTHENTICATED');
  });

  it('deactivation closes the sockets at once and refuses the old access token and refresh cookie', async () => {
    const agent = await newAgent();
    const socket = connect(agent.session.accessToken);
    await ready(socket);
    const closed = disconnectWithin(socket, 3_000);
    await patchUser(agent.session.user.id, { active: false });
    expect(await closed).toBe('io server disconnect');
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${agent.session.accessToken}`).expect(401);
    await t.http.post('/api/auth/refresh').set('Cookie', agent.cookie).expect(401);
    expect(await handshakeError(agent.session.accessToken)).toBe('AUTH_UNAUTHENTICATED');
    // nobody counts them as online any more (round-robin picks from this list)
    const online = await t.http.get('/api/presence/online').set('Authorization', `Bearer ${adminToken}`).expect(200);
    expect((online.body as { users: { userId: string }[] }).users.map((u) => u.userId)).not.toContain(agent.session.user.id);
  });

  it('a password reset ends every session: sockets, access tokens and refresh cookies issued before', async () => {
    const agent = await newAgent();
    const other = await signIn(agent.session.user.email, agent.password);
    const socket = connect(agent.session.accessToken);
    await ready(socket);
    const closed = disconnectWithin(socket, 3_000);
    await patchUser(agent.session.user.id, { password: 'brand-new-password-456' });
    expect(await closed).toBe('io server disconnect');
    for (const session of [agent, other]) {
      await t.http.get('/api/auth/me').set('Authorization', `Bearer ${session.session.accessToken}`).expect(401);
      await t.http.post('/api/auth/refresh').set('Cookie', session.cookie).expect(401);
    }
    expect(await handshakeError(agent.session.accessToken)).toBe('AUTH_UNAUTHENTICATED');
    // the new password starts a working session
    const fresh = await signIn(agent.session.user.email, 'brand-new-password-456');
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${fresh.session.accessToken}`).expect(200);
  });

  it('a role change closes the sockets; the reconnect joins only the new role room', async () => {
    const promoted = await newAgent(Role.ADMIN);
    const socket = connect(promoted.session.accessToken);
    expect((await ready(socket)).rooms).toContain(rooms.role(Role.ADMIN));
    const closed = disconnectWithin(socket, 3_000);
    await patchUser(promoted.session.user.id, { role: Role.AGENT });
    expect(await closed).toBe('io server disconnect');
    // the same (unexpired) token reconnects, and the handshake reads the role from the database
    const again = await ready(connect(promoted.session.accessToken));
    expect(again.rooms).toEqual([rooms.user(promoted.session.user.id), rooms.role(Role.AGENT)]);
    // admin-only routes refuse the demoted user with the same token
    await t.http.get('/api/users').set('Authorization', `Bearer ${promoted.session.accessToken}`).expect(403);
  });

  it('a name change leaves sessions alone', async () => {
    const agent = await newAgent();
    const socket = connect(agent.session.accessToken);
    await ready(socket);
    const closed = disconnectWithin(socket, 1_000);
    await patchUser(agent.session.user.id, { name: 'Renamed' });
    expect(await closed).toBe('still connected');
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${agent.session.accessToken}`).expect(200);
  });
});
