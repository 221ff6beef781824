import { JwtService } from '@nestjs/jwt';
import { Role, SessionResponse } from '@ticklegram/domain-models';
import { startTestApp, TEST_ADMIN, TestApp } from '../utils/test-app';

const refreshCookie = (res: { headers: Record<string, unknown> }): string => {
  const cookies = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  const cookie = cookies.find((c) => c.startsWith('tg_refresh='));
  if (!cookie) throw new Error('no refresh cookie set');
  return cookie.split(';')[0];
};

describe('auth (integration)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ THROTTLE_LOGIN_LIMIT: '10', THROTTLE_LOGIN_TTL_SECONDS: '60', THROTTLE_LOGIN_ACCOUNT_LIMIT: '12' });
  });
  afterAll(() => t.close());

  it('serves health without a token and checks the database', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', checks: { database: { status: 'up' } } });
  });

  it('logs the first admin in, sets an httpOnly SameSite=Strict refresh cookie, and never returns secrets', async () => {
    const res = await t.http.post('/api/auth/login').send({ email: TEST_ADMIN.email.toUpperCase(), password: TEST_ADMIN.password }).expect(200);
    const session = res.body as SessionResponse;
    expect(session.user).toMatchObject({ email: TEST_ADMIN.email, role: Role.ADMIN, active: true });
    expect(session.expiresIn).toBe(900);
    expect(Object.keys(session.user).sort()).toEqual(['active', 'createdAt', 'email', 'id', 'lastLoginAt', 'name', 'role', 'updatedAt']);
    expect(JSON.stringify(res.body)).not.toMatch(/\$2[aby]\$|passwordHash|password_hash/);
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('tg_refresh='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
  });

  it('answers one generic 401 for a wrong password and for an unknown email', async () => {
    const wrong = await t.http.post('/api/auth/login').send({ email: TEST_ADMIN.email, password: 'not-the-password' }).expect(401);
    const unknown = await t.http.post('/api/auth/login').send({ email: 'nobody@int.test', password: 'not-the-password' }).expect(401);
    expect(wrong.body).toMatchObject({ statusCode: 401, code: 'AUTH_INVALID_CREDENTIALS', message: 'Email or password is incorrect.' });
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('rejects a malformed body with 400 and field errors', async () => {
    const res = await t.http.post('/api/auth/login').send({ email: 'not-an-email', isAdmin: true }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['email', 'isAdmin', 'password']);
  });

  it('rejects a body that is not JSON with 400', async () => {
    const res = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": ').expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST' });
  });

  it('answers 401 for a missing, tampered or expired token', async () => {
    const { accessToken } = await t.login(TEST_ADMIN.email, TEST_ADMIN.password);
    await t.http.get('/api/auth/me').expect(401);
    const [header, payload, signature] = accessToken.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'ADMIN', sub: 'someone-else' })).toString(
      'base64url',
    );
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${header}.${forged}.${signature}`).expect(401);
    const expired = await new JwtService().signAsync(
      { sub: 'x', email: 'x@y.z', role: 'ADMIN', exp: Math.floor(Date.now() / 1000) - 10 },
      { secret: t.config.auth.jwtSecret, issuer: 'ticklegram', audience: 'ticklegram-api' },
    );
    const res = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${expired}`).expect(401);
    expect(res.body.code).toBe('AUTH_UNAUTHENTICATED');
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${accessToken}`).expect(200);
  });

  it('rotates the refresh token, and revokes the whole family when an old one is replayed', async () => {
    const login = await t.http.post('/api/auth/login').send({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }).expect(200);
    const first = refreshCookie(login);
    const refreshed = await t.http.post('/api/auth/refresh').set('Cookie', first).expect(200);
    const second = refreshCookie(refreshed);
    expect(second).not.toBe(first);
    expect(refreshed.body.user.email).toBe(TEST_ADMIN.email);
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${refreshed.body.accessToken}`).expect(200);

    await t.http.post('/api/auth/refresh').set('Cookie', first).expect(401); // replay of a used token
    const afterTheft = await t.http.post('/api/auth/refresh').set('Cookie', second).expect(401);
    expect(afterTheft.body.code).toBe('AUTH_SESSION_EXPIRED');
  });

  it('logout ends the session', async () => {
    const login = await t.http.post('/api/auth/login').send({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }).expect(200);
    const cookie = refreshCookie(login);
    await t.http.post('/api/auth/logout').set('Cookie', cookie).expect(204);
    await t.http.post('/api/auth/refresh').set('Cookie', cookie).expect(401);
    await t.http.post('/api/auth/refresh').expect(401);
  });

  it('throttles repeated logins per IP and email with 429', async () => {
    const attempt = () => t.http.post('/api/auth/login').send({ email: 'victim@int.test', password: 'wrong-password' });
    for (let i = 0; i < 10; i += 1) expect((await attempt()).status).toBe(401);
    const blocked = await attempt();
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('AUTH_TOO_MANY_ATTEMPTS');
    // another email from the same client is not locked out
    expect((await t.http.post('/api/auth/login').send({ email: 'other@int.test', password: 'wrong-password' })).status).toBe(401);
  });

  it('bounds guesses per account even when the client rotates X-Forwarded-For', async () => {
    const attempt = (i: number) =>
      t.http.post('/api/auth/login').set('X-Forwarded-For', `198.51.100.${i}`).send({ email: 'target@int.test', password: 'wrong-password' });
    for (let i = 0; i < 12; i += 1) expect((await attempt(i)).status).toBe(401);
    expect((await attempt(99)).status).toBe(429);
  });
});
