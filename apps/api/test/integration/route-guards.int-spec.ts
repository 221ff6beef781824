import { Role } from '@ticklegram/domain-models';
import { concretePath, DiscoveredRoute, discoverRoutes } from '../utils/routes';
import { startTestApp, TEST_ADMIN, TestApp } from '../utils/test-app';

/**
 * Guard rail: every handler of every controller the AppModule registers says who may call it —
 * `@Public()` or `@Roles(...)` — and the global guards enforce exactly that: no token → 401, a role
 * that is not listed → 403, a listed role gets past the guards.
 */
describe('every route declares who may call it (integration)', () => {
  let t: TestApp;
  let routes: DiscoveredRoute[];
  let admin: string;
  let agent: string;
  const call = (route: DiscoveredRoute, token?: string) => {
    const req = t.http[route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](concretePath(route.path));
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  };
  const label = (r: DiscoveredRoute) => `${r.method} ${r.path} (${r.controller}.${r.handler})`;

  beforeAll(async () => {
    t = await startTestApp();
    routes = discoverRoutes(t.app);
    admin = (await t.login(TEST_ADMIN.email, TEST_ADMIN.password)).accessToken;
    agent = (await t.createUser(Role.AGENT)).accessToken;
  });
  afterAll(() => t?.close());

  it('finds the routes (a sanity check of the discovery)', () => {
    expect(routes.length).toBeGreaterThan(60);
    expect(routes.map(label)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^GET \/api\/conversations \(ConversationsController\.list\)$/),
        expect.stringMatching(/^GET \/webhooks\/facebook /),
      ]),
    );
  });

  it('no handler is left without @Public() or @Roles(...)', () => {
    expect(routes.filter((r) => !r.isPublic && !r.roles).map(label)).toEqual([]);
  });

  it('every non-public route answers 401 without a token', async () => {
    const open: string[] = [];
    for (const route of routes.filter((r) => !r.isPublic)) {
      const res = await call(route);
      if (res.status !== 401) open.push(`${label(route)} → ${res.status}`);
    }
    expect(open).toEqual([]);
  });

  it('admin-only routes answer 403 to an agent; routes for both roles let both through the guards', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.roles)) {
      for (const [role, token] of [
        [Role.ADMIN, admin],
        [Role.AGENT, agent],
      ] as const) {
        const status = (await call(route, token)).status;
        const allowed = route.roles?.includes(role) ?? false;
        if (allowed ? status === 401 || status === 403 : status !== 403) wrong.push(`${label(route)} as ${role} → ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
