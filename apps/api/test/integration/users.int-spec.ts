import { Role, TeammateDto, UserDto } from '@ticklegram/domain-models';
import { startTestApp, TEST_ADMIN, TestApp } from '../utils/test-app';

describe('users and roles (integration)', () => {
  let t: TestApp;
  let adminToken: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = (await t.login(TEST_ADMIN.email, TEST_ADMIN.password)).accessToken;
  });
  afterAll(() => t.close());

  it('lets an admin list users, and never exposes password hashes', async () => {
    const res = await t.http.get('/api/users').set(auth(adminToken)).expect(200);
    const users = res.body as UserDto[];
    expect(users.map((u) => u.email)).toContain(TEST_ADMIN.email);
    expect(JSON.stringify(users)).not.toMatch(/\$2[aby]\$|password/i);
  });

  it('forbids agents every admin route with 403', async () => {
    const agent = await t.createUser(Role.AGENT);
    const list = await t.http.get('/api/users').set(auth(agent.accessToken)).expect(403);
    expect(list.body).toMatchObject({ statusCode: 403, code: 'AUTH_FORBIDDEN' });
    await t.http
      .post('/api/users')
      .set(auth(agent.accessToken))
      .send({ email: 'x@int.test', name: 'X', role: 'AGENT', password: 'long-password-1' })
      .expect(403);
    await t.http.patch(`/api/users/${agent.user.id}`).set(auth(agent.accessToken)).send({ role: 'ADMIN' }).expect(403);
    await t.http.get('/api/auth/me').set(auth(agent.accessToken)).expect(200);
  });

  it('lets an agent read the teammate directory: active users only, id/name/role only', async () => {
    const agent = await t.createUser(Role.AGENT, { email: 'dir-agent@int.test', name: 'Dana Directory' });
    const gone = await t.createUser(Role.AGENT, { email: 'dir-gone@int.test', name: 'Gus Gone' });
    await t.http.patch(`/api/users/${gone.user.id}`).set(auth(adminToken)).send({ active: false }).expect(200);

    const res = await t.http.get('/api/users/directory').set(auth(agent.accessToken)).expect(200);
    const teammates = res.body as TeammateDto[];
    const ids = teammates.map((u) => u.id);
    expect(ids).toContain(agent.user.id);
    expect(ids).not.toContain(gone.user.id);
    expect(teammates.find((u) => u.id === agent.user.id)).toEqual({ id: agent.user.id, name: 'Dana Directory', role: Role.AGENT });
    for (const u of teammates) expect(Object.keys(u).sort()).toEqual(['id', 'name', 'role']);
    expect(JSON.stringify(teammates)).not.toMatch(/@int\.test|\$2[aby]\$|password|email/i);

    await t.http.get('/api/users/directory').expect(401);
  });

  it('requires a token on admin routes (401 before 403)', async () => {
    await t.http.get('/api/users').expect(401);
  });

  it('creates agents with validation, rejects duplicates with 409, and audits it', async () => {
    const bad = await t.http.post('/api/users').set(auth(adminToken)).send({ email: 'nope', name: '', role: 'BOSS', password: 'short' }).expect(400);
    expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['email', 'name', 'password', 'role']);

    const body = { email: 'Sam@Int.Test', name: ' Sam ', role: Role.AGENT, password: 'sam-password-1' };
    const created = await t.http.post('/api/users').set(auth(adminToken)).send(body).expect(201);
    expect(created.body).toMatchObject({ email: 'sam@int.test', name: 'Sam', role: 'AGENT', active: true, lastLoginAt: null });
    const dup = await t.http.post('/api/users').set(auth(adminToken)).send(body).expect(409);
    expect(dup.body.code).toBe('USERS_EMAIL_TAKEN');

    const audit = await t.dataSource.query(`SELECT action, target_id FROM audit_log WHERE target_id = ?`, [created.body.id]);
    expect(audit).toEqual([expect.objectContaining({ action: 'user.created' })]);
  });

  it('changes role, resets password, and deactivation locks the user out at once', async () => {
    const agent = await t.createUser(Role.AGENT, { email: 'pat@int.test', password: 'pat-password-1' });
    const promoted = await t.http.patch(`/api/users/${agent.user.id}`).set(auth(adminToken)).send({ role: 'ADMIN', name: 'Pat' }).expect(200);
    expect(promoted.body).toMatchObject({ role: 'ADMIN', name: 'Pat' });
    // the role change applies to the existing token immediately
    await t.http.get('/api/users').set(auth(agent.accessToken)).expect(200);

    await t.http.patch(`/api/users/${agent.user.id}`).set(auth(adminToken)).send({ password: 'new-password-22' }).expect(200);
    await t.http.post('/api/auth/login').send({ email: 'pat@int.test', password: 'pat-password-1' }).expect(401);
    const relogin = await t.login('pat@int.test', 'new-password-22');

    await t.http.patch(`/api/users/${agent.user.id}`).set(auth(adminToken)).send({ active: false }).expect(200);
    await t.http.get('/api/auth/me').set(auth(relogin.accessToken)).expect(401);
    const inactive = await t.http.post('/api/auth/login').send({ email: 'pat@int.test', password: 'new-password-22' }).expect(401);
    expect(inactive.body.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('protects the last admin and the acting admin', async () => {
    const me = (await t.http.get('/api/auth/me').set(auth(adminToken)).expect(200)).body as UserDto;
    const self = await t.http.patch(`/api/users/${me.id}`).set(auth(adminToken)).send({ active: false }).expect(409);
    expect(self.body.code).toBe('USERS_CANNOT_DEACTIVATE_SELF');
    const admins = ((await t.http.get('/api/users').set(auth(adminToken))).body as UserDto[]).filter((u) => u.role === Role.ADMIN && u.active);
    if (admins.length === 1) {
      const demote = await t.http.patch(`/api/users/${me.id}`).set(auth(adminToken)).send({ role: 'AGENT' }).expect(409);
      expect(demote.body.code).toBe('USERS_LAST_ADMIN');
    }
  });

  it('answers 404 for an unknown user and 400 for a malformed id', async () => {
    await t.http.patch('/api/users/6f1c1f1e-1111-4111-8111-111111111111').set(auth(adminToken)).send({ name: 'X' }).expect(404);
    const bad = await t.http.patch('/api/users/not-a-uuid').set(auth(adminToken)).send({ name: 'X' }).expect(400);
    expect(bad.body.statusCode).toBe(400);
    await t.http.patch('/api/users/6f1c1f1e-1111-4111-8111-111111111111').set(auth(adminToken)).send({ unknown: 1 }).expect(400);
  });

  it('answers unknown routes with a JSON 401/404 body', async () => {
    const res = await t.http.get('/api/nope').set(auth(adminToken)).expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });
});
