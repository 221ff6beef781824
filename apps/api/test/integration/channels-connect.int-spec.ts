import { ChannelDto, ChannelStatus, FacebookLoginSelectionDto, MessagePlatform, OAuthStartResponse, Role } from '@ticklegram/domain-models';
import { RunningMetaSim, SIM_SEED } from '@ticklegram/meta-sim';
import { ChannelsService } from '../../src/modules/channels/channels.service';
import { approveInDialog, SIM_WEB_URL, simTokenStrings, startAppWithSim } from '../utils/channels-sim';
import { TestApp } from '../utils/test-app';

/**
 * Connecting channels against the Meta simulator over real HTTP: Facebook Login, Instagram Login,
 * pasted tokens, RBAC, and that tokens never leave the server or sit in the database in plaintext.
 */
describe('channels: connect (integration)', () => {
  let t: TestApp;
  let sim: RunningMetaSim;
  let admin: string;
  const bodies: unknown[] = [];

  const as = (token: string) => ({
    get: (path: string) => t.http.get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body?: object) => t.http.post(path).set('Authorization', `Bearer ${token}`).send(body),
    del: (path: string) => t.http.delete(path).set('Authorization', `Bearer ${token}`),
  });
  const record = <T extends { body: unknown }>(res: T): T => {
    bodies.push(res.body);
    return res;
  };

  beforeAll(async () => {
    ({ t, sim, adminToken: admin } = await startAppWithSim());
  });
  afterAll(async () => {
    await t.close();
    await sim.close();
  });

  it('connects a Page and its Instagram account through Facebook Login', async () => {
    const start = record(await as(admin).get('/api/facebook/oauth/start'));
    expect(start.status).toBe(200);
    const { authorizeUrl, redirectUri } = start.body as OAuthStartResponse;
    expect(redirectUri).toBe(`${SIM_WEB_URL}/accounts/connect/facebook`);
    expect(authorizeUrl).toContain(`${sim.url}/`);
    expect(new URL(authorizeUrl).searchParams.get('scope')).toContain('instagram_manage_messages');

    const back = await approveInDialog(sim, authorizeUrl, SIM_SEED.admin.id);
    const complete = record(await as(admin).post('/api/facebook/oauth/complete', { code: back.get('code'), state: back.get('state') }));
    expect(complete.status).toBe(200);
    const selection = complete.body as FacebookLoginSelectionDto;
    const page = selection.pages.find((p) => p.pageId === SIM_SEED.page.id);
    expect(page).toMatchObject({
      name: SIM_SEED.page.name,
      instagram: { id: SIM_SEED.instagram.id, username: SIM_SEED.instagram.username },
      connectedPageChannelId: null,
    });

    // the code is single-use: completing twice fails in plain words
    const replay = await as(admin).post('/api/facebook/oauth/complete', { code: back.get('code'), state: back.get('state') });
    expect(replay.status).toBe(502);
    expect(replay.body.code).toBe('CHANNELS_OAUTH_FAILED');

    const connect = record(
      await as(admin).post('/api/facebook/pages', {
        selectionId: selection.selectionId,
        pages: [{ pageId: SIM_SEED.page.id, connectPage: true, connectInstagram: true }],
      }),
    );
    expect(connect.status).toBe(201);
    const channels = connect.body.channels as ChannelDto[];
    expect(channels.map((c) => [c.platform, c.externalId, c.connection, c.status])).toEqual([
      [MessagePlatform.FACEBOOK, SIM_SEED.page.id, 'facebook_login', ChannelStatus.ACTIVE],
      [MessagePlatform.INSTAGRAM, SIM_SEED.instagram.id, 'facebook_login', ChannelStatus.ACTIVE],
    ]);
    expect(channels[1].linkedPageExternalId).toBe(SIM_SEED.page.id);
    expect(channels[0].health.subscription.state).toBe('subscribed');
    expect(channels[0].health.tokenExpiresAt).toBeNull();
    expect(channels[0].missingScopes).toEqual([]);

    // subscribed on Meta's side, with the fields the product needs
    const subscription = sim.context.store.subscriptions.get(SIM_SEED.page.id);
    expect(subscription?.active).toBe(true);
    expect(subscription?.fields).toEqual(expect.arrayContaining(['messages', 'message_echoes', 'feed']));

    // a forged or foreign selection is refused
    const forged = await as(admin).post('/api/facebook/pages', {
      selectionId: 'v1:AAAA:BBBB:CCCC',
      pages: [{ pageId: SIM_SEED.page.id, connectPage: true, connectInstagram: false }],
    });
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe('CHANNELS_SELECTION_INVALID');
  });

  it('connects an Instagram account through Instagram Login, and a second connection updates the same channel', async () => {
    const start = (await as(admin).get('/api/instagram/oauth/start')).body as OAuthStartResponse;
    expect(start.authorizeUrl.startsWith(`${sim.url}/ig/oauth/authorize?`)).toBe(true);
    const back = await approveInDialog(sim, start.authorizeUrl, SIM_SEED.instagramLogin.id);
    const res = record(await as(admin).post('/api/instagram/oauth/complete', { code: back.get('code'), state: back.get('state') }));
    expect(res.status).toBe(201);
    const [channel] = res.body.channels as ChannelDto[];
    expect(channel).toMatchObject({
      platform: MessagePlatform.INSTAGRAM,
      externalId: SIM_SEED.instagramLogin.id,
      username: SIM_SEED.instagramLogin.username,
      connection: 'instagram_login',
      status: ChannelStatus.ACTIVE,
    });
    const expiresInDays = (Date.parse(channel.health.tokenExpiresAt ?? '') - Date.now()) / 86_400_000;
    expect(expiresInDays).toBeGreaterThan(59);
    expect(sim.context.store.subscriptions.get(SIM_SEED.instagramLogin.id)?.active).toBe(true);

    const again = await approveInDialog(sim, (await as(admin).get('/api/instagram/oauth/start')).body.authorizeUrl, SIM_SEED.instagramLogin.id);
    const second = record(await as(admin).post('/api/instagram/oauth/complete', { code: again.get('code'), state: again.get('state') }));
    expect(second.body.channels[0].id).toBe(channel.id);
    const rows = await t.dataSource.query('SELECT COUNT(*) AS n FROM instagram_accounts WHERE ig_user_id = ?', [SIM_SEED.instagramLogin.id]);
    expect(Number(rows[0].n)).toBe(1);
    const audit = await t.dataSource.query('SELECT action FROM audit_log WHERE target_id = ? ORDER BY id', [channel.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['channel.connected', 'channel.reconnected']);
  });

  it('rejects an OAuth state minted for someone else or the other flavour', async () => {
    const other = await t.createUser(Role.ADMIN);
    const start = (await as(admin).get('/api/instagram/oauth/start')).body as OAuthStartResponse;
    const state = new URL(start.authorizeUrl).searchParams.get('state');
    const stolen = await as(other.accessToken).post('/api/instagram/oauth/complete', { code: 'whatever', state });
    expect(stolen.status).toBe(400);
    expect(stolen.body.code).toBe('CHANNELS_OAUTH_STATE_INVALID');
    const wrongFlavour = await as(admin).post('/api/facebook/oauth/complete', { code: 'whatever', state });
    expect(wrongFlavour.body.code).toBe('CHANNELS_OAUTH_STATE_INVALID');
  });

  it('connects the same Instagram account through its Page with a pasted Page token, keeping one channel', async () => {
    const res = record(await as(admin).post('/api/instagram/accounts/token', { accessToken: SIM_SEED.page.accessToken }));
    expect(res.status).toBe(201);
    expect(res.body.channels[0]).toMatchObject({ externalId: SIM_SEED.instagram.id, connection: 'facebook_login', status: ChannelStatus.ACTIVE });
    const rows = await t.dataSource.query('SELECT COUNT(*) AS n FROM instagram_accounts WHERE ig_user_id = ?', [SIM_SEED.instagram.id]);
    expect(Number(rows[0].n)).toBe(1);
  });

  it('refuses an expired pasted token in plain words', async () => {
    const expired = 'EAASimExpiredPageToken000000000001';
    sim.context.store.tokens.set(expired, {
      token: expired,
      type: 'PAGE',
      appId: SIM_SEED.app.id,
      subjectId: SIM_SEED.page.id,
      userId: SIM_SEED.admin.id,
      scopes: ['pages_messaging', 'pages_manage_metadata'],
      issuedAt: Date.now() - 3 * 86_400_000,
      expiresAt: Date.now() - 86_400_000,
      longLived: false,
    });
    const res = await as(admin).post('/api/facebook/pages/token', { accessToken: expired });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('CHANNELS_TOKEN_INVALID');
    expect(res.body.message).toMatch(/^This token expired on .+\. Generate a new one and paste it again\.$/);
    expect(JSON.stringify(res.body)).not.toContain(expired);

    const garbage = await as(admin).post('/api/facebook/pages/token', { accessToken: 'EAAnotARealToken1234567890' });
    expect(garbage.status).toBe(422);
    expect(garbage.body.message).toMatch(/Meta does not accept this token/);

    const spaces = await as(admin).post('/api/facebook/pages/token', { accessToken: 'has spaces in it' });
    expect(spaces.status).toBe(400);
    expect(spaces.body.errors[0].field).toBe('accessToken');
  });

  it('names the missing instagram_manage_messages permission', async () => {
    const partial = 'EAASimPagePartialScopes0000000001';
    sim.context.store.tokens.set(partial, {
      token: partial,
      type: 'PAGE',
      appId: SIM_SEED.app.id,
      subjectId: SIM_SEED.page.id,
      userId: SIM_SEED.admin.id,
      scopes: ['pages_show_list', 'pages_messaging', 'pages_manage_metadata', 'instagram_basic'],
      issuedAt: Date.now(),
      expiresAt: 0,
      longLived: true,
    });
    const res = await as(admin).post('/api/instagram/accounts/token', { accessToken: partial });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'CHANNELS_MISSING_PERMISSIONS', message: expect.stringContaining('the permission: instagram_manage_messages.') });

    const userToken = await as(admin).post('/api/facebook/pages/token', { accessToken: SIM_SEED.admin.userToken });
    expect(userToken.status).toBe(422);
    expect(userToken.body.code).toBe('CHANNELS_TOKEN_WRONG_KIND');
  });

  it('lets agents list channels but not connect, disconnect or reconnect', async () => {
    const agent = (await t.createUser(Role.AGENT)).accessToken;
    const list = record(await as(agent).get('/api/channels'));
    expect(list.status).toBe(200);
    const channels = list.body as ChannelDto[];
    expect(channels.length).toBeGreaterThanOrEqual(3);
    const page = channels.find((c) => c.platform === MessagePlatform.FACEBOOK) as ChannelDto;

    const forbidden = [
      await as(agent).get('/api/facebook/oauth/start'),
      await as(agent).get('/api/instagram/oauth/start'),
      await as(agent).get('/api/facebook/pages'),
      await as(agent).post('/api/facebook/pages/token', { accessToken: SIM_SEED.page.accessToken }),
      await as(agent).post('/api/instagram/accounts/token', { accessToken: SIM_SEED.page.accessToken }),
      await as(agent).post(`/api/facebook/pages/${page.id}/reconnect`),
      await as(agent).del(`/api/facebook/pages/${page.id}`),
      await t.http.patch(`/api/facebook/pages/${page.id}`).set('Authorization', `Bearer ${agent}`).send({ humanAgentEnabled: false }),
    ];
    expect(forbidden.map((r) => r.status)).toEqual(forbidden.map(() => 403));
    expect((await t.http.get('/api/channels')).status).toBe(401);
  });

  it('lets admins switch the HUMAN_AGENT tag per channel (audited, seen by the resolver)', async () => {
    const page = ((await as(admin).get('/api/facebook/pages')).body as ChannelDto[])[0];
    expect(page.humanAgentEnabled).toBe(true);
    const off = record(await t.http.patch(`/api/facebook/pages/${page.id}`).set('Authorization', `Bearer ${admin}`).send({ humanAgentEnabled: false }));
    expect(off.status).toBe(200);
    expect(off.body.humanAgentEnabled).toBe(false);
    expect((await t.app.get(ChannelsService).resolveByExternalId(MessagePlatform.FACEBOOK, SIM_SEED.page.id))?.humanAgentEnabled).toBe(false);
    const audit = await t.dataSource.query("SELECT details FROM audit_log WHERE action = 'channel.settings_updated' AND target_id = ?", [page.id]);
    expect(audit).toHaveLength(1);
    const bad = await t.http.patch(`/api/facebook/pages/${page.id}`).set('Authorization', `Bearer ${admin}`).send({ humanAgentEnabled: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('humanAgentEnabled');
    await t.http.patch(`/api/facebook/pages/${page.id}`).set('Authorization', `Bearer ${admin}`).send({ humanAgentEnabled: true });
  });

  it('disconnects a Page (audited, unsubscribed, token wiped) and reconnects through the login dialog', async () => {
    const page = ((await as(admin).get('/api/facebook/pages')).body as ChannelDto[])[0];
    const res = record(await as(admin).del(`/api/facebook/pages/${page.id}`));
    expect(res.status).toBe(200);
    expect(res.body.status).toBe(ChannelStatus.DISCONNECTED);
    expect(sim.context.store.subscriptions.get(SIM_SEED.page.id)?.active).toBe(false);
    const row = await t.dataSource.query('SELECT access_token_enc FROM facebook_pages WHERE id = ?', [page.id]);
    expect(row[0].access_token_enc).toBeNull();
    const audit = await t.dataSource.query("SELECT actor_email FROM audit_log WHERE action = 'channel.disconnected' AND target_id = ?", [page.id]);
    expect(audit).toHaveLength(1);

    const reconnect = record(await as(admin).post(`/api/facebook/pages/${page.id}/reconnect`));
    expect(reconnect.status).toBe(200);
    const back = await approveInDialog(sim, reconnect.body.authorizeUrl, SIM_SEED.admin.id);
    const selection = (await as(admin).post('/api/facebook/oauth/complete', { code: back.get('code'), state: back.get('state') }))
      .body as FacebookLoginSelectionDto;
    const again = record(
      await as(admin).post('/api/facebook/pages', {
        selectionId: selection.selectionId,
        pages: [{ pageId: SIM_SEED.page.id, connectPage: true, connectInstagram: false }],
      }),
    );
    expect(again.body.channels[0]).toMatchObject({ id: page.id, status: ChannelStatus.ACTIVE });
    expect(sim.context.store.subscriptions.get(SIM_SEED.page.id)?.active).toBe(true);
  });

  it('never stores a token in plaintext and never returns one', async () => {
    const tokens = simTokenStrings(sim);
    expect(tokens.length).toBeGreaterThan(3);
    const stored: { access_token_enc: string | null }[] = [
      ...(await t.dataSource.query('SELECT access_token_enc FROM instagram_accounts')),
      ...(await t.dataSource.query('SELECT access_token_enc FROM facebook_pages')),
    ];
    expect(stored.filter((r) => r.access_token_enc).length).toBeGreaterThanOrEqual(3);
    for (const { access_token_enc } of stored) {
      if (access_token_enc) expect(access_token_enc.startsWith('v1:')).toBe(true);
    }
    // every table, every column: no token string anywhere in the database
    const dump = JSON.stringify(
      await Promise.all(
        ['instagram_accounts', 'facebook_pages', 'audit_log', 'instagram_users', 'facebook_users'].map((table) => t.dataSource.query(`SELECT * FROM ${table}`)),
      ),
    );
    bodies.push((await as(admin).get('/api/channels')).body, (await as(admin).get('/api/instagram/accounts')).body);
    const responses = JSON.stringify(bodies);
    for (const token of tokens) {
      expect(dump).not.toContain(token);
      expect(responses).not.toContain(token);
    }
  });
});
