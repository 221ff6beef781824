import { startTestApp, TEST_ADMIN, TestApp } from '../utils/test-app';

/**
 * The login throttle: one budget per normalized email (whatever spelling reaches the database), per
 * trusted client IP only, and successful sign-ins never count.
 */
describe('login throttle (integration)', () => {
  describe('behind the default trusted proxy (loopback)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ THROTTLE_LOGIN_LIMIT: '4', THROTTLE_LOGIN_TTL_SECONDS: '60', THROTTLE_LOGIN_ACCOUNT_LIMIT: '50' });
    });
    afterAll(() => t?.close());

    const login = (email: string, password = 'wrong-password') => t.http.post('/api/auth/login').send({ email, password });

    it('counts every spelling of one address against one budget (case, accents, combining marks)', async () => {
      const spellings = ['josé@int.test', 'JOSE@int.test', 'Jose\u0301@int.test', 'jose@INT.TEST'];
      for (const email of spellings) expect([email, (await login(email)).status]).toEqual([email, 401]);
      const blocked = await login('jose@int.test');
      expect([blocked.status, blocked.body.code]).toEqual([429, 'AUTH_TOO_MANY_ATTEMPTS']);
      expect((await login('josé@int.test')).status).toBe(429);
      // a different address from the same client has its own budget
      expect((await login('josh@int.test')).status).toBe(401);
    });

    it('does not count successful sign-ins: a user signing in often is never locked out', async () => {
      for (let i = 0; i < 10; i += 1) expect((await login(TEST_ADMIN.email, TEST_ADMIN.password)).status).toBe(200);
      // failures still count, and a success in between does not hide them
      for (let i = 0; i < 4; i += 1) expect((await login(TEST_ADMIN.email)).status).toBe(401);
      expect((await login(TEST_ADMIN.email)).status).toBe(429);
    });
  });

  describe('when the client is not a trusted proxy', () => {
    let t: TestApp;
    beforeAll(async () => {
      // the web server is the only proxy, and it is not this test client
      t = await startTestApp({ TRUSTED_PROXIES: '10.99.0.1', THROTTLE_LOGIN_LIMIT: '3', THROTTLE_LOGIN_TTL_SECONDS: '60', THROTTLE_LOGIN_ACCOUNT_LIMIT: '50' });
    });
    afterAll(() => t?.close());

    it('ignores a forged X-Forwarded-For: rotating it buys no new budget, and the audit log records the real peer', async () => {
      const attempt = (i: number) =>
        t.http.post('/api/auth/login').set('X-Forwarded-For', `198.51.100.${i}`).send({ email: 'victim@int.test', password: 'wrong-password' });
      for (let i = 0; i < 3; i += 1) expect((await attempt(i)).status).toBe(401);
      expect((await attempt(42)).status).toBe(429);

      await t.http.post('/api/auth/login').set('X-Forwarded-For', '203.0.113.77').send({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }).expect(200);
      const [row]: { ip: string | null }[] = await t.dataSource.query("SELECT ip FROM audit_log WHERE action = 'auth.login' ORDER BY created_at DESC LIMIT 1");
      expect(row?.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    });

    it('does not serve the API docs when API_DOCS=off', async () => {
      const docs = await startTestApp({ API_DOCS: 'off' });
      try {
        expect((await docs.http.get('/api/docs')).status).toBe(404);
        expect((await docs.http.get('/api/docs-json')).status).toBe(404);
        expect((await t.http.get('/api/docs-json')).status).toBe(200);
      } finally {
        await docs.close();
      }
    });
  });
});
