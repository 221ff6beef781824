import { ChannelDto, ChannelStatus, ChannelUpdatedEvent, ClientToServerEvents, MessagePlatform, Role, ServerToClientEvents } from '@ticklegram/domain-models';
import { RunningMetaSim, SIM_SEED, startMetaSim } from '@ticklegram/meta-sim';
import { readdirSync, readFileSync } from 'node:fs';
import { freePort } from '../utils/free-port';
import { join } from 'node:path';
import { io, Socket } from 'socket.io-client';
import { ChannelMaintenanceService } from '../../src/modules/channels/channel-maintenance.service';
import type { ChannelRef } from '../../src/modules/channels/channel-ref';
import { ChannelsService } from '../../src/modules/channels/channels.service';
import { InstagramAccountEntity } from '../../src/modules/instagram/entities/instagram-account.entity';
import { InstagramTokenRefreshService } from '../../src/modules/instagram/instagram-token-refresh.service';
import { SandboxChannelsBootstrap } from '../../src/modules/messenger/sandbox-channels.bootstrap';
import { SIM_WEB_URL } from '../utils/channels-sim';
import { startTestApp, TEST_ADMIN, TestApp } from '../utils/test-app';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Channel health against the Meta simulator: the sandbox connects the seeded accounts at first start
 * (waiting for the sim), the service contract other modules use, a 190 flipping a channel to
 * needs_reauth live, re-subscription after Meta drops a subscription, and Instagram token refresh.
 */
describe('channels: health and token lifecycle (integration)', () => {
  let t: TestApp;
  let sim: RunningMetaSim;
  let admin: string;
  let channels: ChannelsService;
  let maintenance: ChannelMaintenanceService;
  const sockets: ClientSocket[] = [];

  const list = async (): Promise<ChannelDto[]> => (await t.http.get('/api/channels').set('Authorization', `Bearer ${admin}`)).body as ChannelDto[];
  const byExternalId = async (externalId: string) => (await list()).find((c) => c.externalId === externalId) as ChannelDto;
  const ref = async (platform: MessagePlatform, externalId: string) => (await channels.resolveByExternalId(platform, externalId)) as ChannelRef;

  beforeAll(async () => {
    // the api starts first and must keep trying until "Meta" answers
    const port = await freePort();
    t = await startTestApp({ SANDBOX_AUTOCONNECT: 'true', META_SIM_URL: `http://127.0.0.1:${port}`, PUBLIC_WEB_URL: SIM_WEB_URL });
    await new Promise((r) => setTimeout(r, 400));
    sim = await startMetaSim({ port });
    await t.app.get(SandboxChannelsBootstrap).done;
    admin = (await t.login(TEST_ADMIN.email, TEST_ADMIN.password)).accessToken;
    channels = t.app.get(ChannelsService);
    maintenance = t.app.get(ChannelMaintenanceService);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t.close();
    await sim.close();
  });

  it('connects the seeded Page, its Instagram account and the Instagram Login account at first start', async () => {
    const all = await list();
    expect(all.map((c) => [c.platform, c.externalId, c.connection, c.status]).sort()).toEqual(
      [
        [MessagePlatform.FACEBOOK, SIM_SEED.page.id, 'facebook_login', ChannelStatus.ACTIVE],
        [MessagePlatform.INSTAGRAM, SIM_SEED.instagram.id, 'facebook_login', ChannelStatus.ACTIVE],
        [MessagePlatform.INSTAGRAM, SIM_SEED.instagramLogin.id, 'instagram_login', ChannelStatus.ACTIVE],
      ].sort(),
    );
    for (const c of all) expect(c.health.subscription.state).toBe('subscribed');
    const audit = await t.dataSource.query("SELECT actor_id, details FROM audit_log WHERE action = 'channel.connected'");
    expect(audit).toHaveLength(3);
    expect(audit.every((a: { actor_id: string | null }) => a.actor_id === null)).toBe(true);

    // a second start finds channels and connects nothing again
    await t.app.get(SandboxChannelsBootstrap).run(SIM_SEED.page.accessToken, null);
    expect(await t.dataSource.query("SELECT id FROM audit_log WHERE action LIKE 'channel.%connected'")).toHaveLength(3);
  });

  it('resolves channels by Meta id and hands out the decrypted token for Graph calls', async () => {
    const page = await ref(MessagePlatform.FACEBOOK, SIM_SEED.page.id);
    const viaPage = await ref(MessagePlatform.INSTAGRAM, SIM_SEED.instagram.id);
    const igLogin = await ref(MessagePlatform.INSTAGRAM, SIM_SEED.instagramLogin.id);
    expect(viaPage).toMatchObject({
      platform: MessagePlatform.INSTAGRAM,
      username: SIM_SEED.instagram.username,
      linkedPageExternalId: SIM_SEED.page.id,
      connection: 'facebook_login',
      status: ChannelStatus.ACTIVE,
      humanAgentEnabled: true,
    });
    expect(igLogin).toMatchObject({ username: SIM_SEED.instagramLogin.username, linkedPageExternalId: null, connection: 'instagram_login' });
    expect(await channels.resolveByExternalId(MessagePlatform.INSTAGRAM, SIM_SEED.page.id)).toBeNull();
    expect(await channels.getById(page.id)).toEqual(page);

    expect(await channels.getAccessToken(page.id)).toBe(SIM_SEED.page.accessToken);
    expect(await channels.getAccessToken(viaPage.id)).toBe(SIM_SEED.page.accessToken);
    expect(await channels.getAccessToken(igLogin.id)).toBe(SIM_SEED.instagramLogin.accessToken);
  });

  it('keeps the database free of the sim token strings', async () => {
    const tokens = [SIM_SEED.page.accessToken, SIM_SEED.instagramLogin.accessToken];
    if (t.db.kind === 'sqlite') {
      await new Promise((r) => setTimeout(r, 200));
      const files = readdirSync(t.db.dataDir).filter((f) => f.startsWith('ticklegram.sqlite'));
      const bytes = files.map((f) => readFileSync(join(t.db.dataDir, f)).toString('latin1')).join('');
      expect(bytes.length).toBeGreaterThan(0);
      for (const token of tokens) expect(bytes).not.toContain(token);
      return;
    }
    // MySQL/MariaDB: every text-like column of every table of the schema
    const columns: { table_name: string; column_name: string }[] = await t.dataSource.query(
      `SELECT table_name AS table_name, column_name AS column_name FROM information_schema.columns
        WHERE table_schema = DATABASE() AND data_type IN ('char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'json', 'longblob', 'blob')`,
    );
    expect(columns.length).toBeGreaterThan(20);
    const tokenColumns = columns.filter((c) => /token/.test(c.column_name));
    expect(tokenColumns.length).toBeGreaterThan(0);
    let nonEmptyTokenColumns = 0;
    for (const { table_name: table, column_name: column } of columns) {
      for (const token of tokens) {
        const rows: { n: number | string }[] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM \`${table}\` WHERE \`${column}\` LIKE ?`, [`%${token}%`]);
        expect({ table, column, found: Number(rows[0]?.n) }).toEqual({ table, column, found: 0 });
      }
      if (/token_enc|access_token/.test(column)) {
        const filled: { n: number | string }[] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM \`${table}\` WHERE \`${column}\` IS NOT NULL`);
        nonEmptyTokenColumns += Number(filled[0]?.n) > 0 ? 1 : 0;
      }
    }
    // the tokens are stored — encrypted
    expect(nonEmptyTokenColumns).toBeGreaterThan(0);
  });

  it('counts webhooks and records when the last one arrived', async () => {
    const page = await ref(MessagePlatform.FACEBOOK, SIM_SEED.page.id);
    const at = new Date(Date.now() - 1000);
    await channels.recordWebhookReceived(page.id, new Date(at.getTime() - 5000));
    await channels.recordWebhookReceived(page.id, at);
    await channels.recordWebhookReceived(page.id, new Date(at.getTime() - 2000));
    await channels.flushWebhookTimes();
    const health = (await byExternalId(SIM_SEED.page.id)).health;
    expect(health.webhooksLastHour).toBe(3);
    expect(health.lastWebhookAt).toBe(at.toISOString());
    // shared by every replica: the counts live in the database, added atomically per minute
    const rows = await t.dataSource.query('SELECT SUM(count) AS n FROM channel_webhook_minutes WHERE channel_id = ?', [page.id]);
    expect(Number(rows[0].n)).toBe(3);
    await channels.recordWebhookReceived(page.id, new Date());
    await channels.recordWebhookReceived(page.id, new Date());
    expect((await byExternalId(SIM_SEED.page.id)).health.webhooksLastHour).toBe(5); // 3 stored + 2 not yet flushed
    await channels.flushWebhookTimes();
    const again = await t.dataSource.query('SELECT SUM(count) AS n FROM channel_webhook_minutes WHERE channel_id = ?', [page.id]);
    expect(Number(again[0].n)).toBe(5);
    expect((await byExternalId(SIM_SEED.page.id)).health.webhooksLastHour).toBe(5);
    // an older webhook does not move "last webhook" back
    expect((await byExternalId(SIM_SEED.page.id)).health.lastWebhookAt).not.toBe(at.toISOString());
  });

  it('looks up customer profiles through Graph once and serves them from the tables afterwards', async () => {
    const viaPage = await ref(MessagePlatform.INSTAGRAM, SIM_SEED.instagram.id);
    const page = await ref(MessagePlatform.FACEBOOK, SIM_SEED.page.id);
    const [igCustomer] = SIM_SEED.instagramCustomers;
    const [fbCustomer] = SIM_SEED.messengerCustomers;
    expect(await channels.lookupCustomerProfile(viaPage, igCustomer.igsid)).toEqual({
      name: igCustomer.name,
      username: igCustomer.username,
      profilePicUrl: expect.stringContaining('http'),
    });
    expect(await channels.lookupCustomerProfile(page, fbCustomer.psid)).toMatchObject({ name: fbCustomer.name, username: null });
    const calls = sim.context.requests.length;
    expect((await channels.lookupCustomerProfile(viaPage, igCustomer.igsid)).username).toBe(igCustomer.username);
    expect(sim.context.requests.length).toBe(calls);
    const rows = await t.dataSource.query('SELECT igsid, username FROM instagram_users WHERE channel_id = ?', [viaPage.id]);
    expect(rows).toEqual([{ igsid: igCustomer.igsid, username: igCustomer.username }]);
  });

  it('re-subscribes channels whose webhook subscription Meta dropped', async () => {
    for (const id of [SIM_SEED.page.id, SIM_SEED.instagramLogin.id]) {
      const res = await fetch(`${sim.url}/_sim/subscriptions/${id}/drop`, { method: 'POST' });
      expect(res.ok).toBe(true);
    }
    const report = await maintenance.reconcileSubscriptions();
    const page = await ref(MessagePlatform.FACEBOOK, SIM_SEED.page.id);
    const igLogin = await ref(MessagePlatform.INSTAGRAM, SIM_SEED.instagramLogin.id);
    expect(report.changed.sort()).toEqual(expect.arrayContaining([page.id, igLogin.id]));
    expect(report.failed).toEqual([]);
    expect(sim.context.store.subscriptions.get(SIM_SEED.page.id)?.active).toBe(true);
    expect(sim.context.store.subscriptions.get(SIM_SEED.instagramLogin.id)?.active).toBe(true);
    expect((await t.dataSource.query("SELECT target_id FROM audit_log WHERE action = 'channel.resubscribed'")).length).toBeGreaterThanOrEqual(2);

    // nothing dropped → nothing to do
    expect((await maintenance.reconcileSubscriptions()).changed).toEqual([]);
  });

  it('refreshes an Instagram Login token near expiry', async () => {
    const igLogin = await ref(MessagePlatform.INSTAGRAM, SIM_SEED.instagramLogin.id);
    // 58 days later: Meta's token is 58 days old, ours expires in 2 days
    const res = await fetch(`${sim.url}/_sim/tokens/age`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: SIM_SEED.instagramLogin.accessToken, hours: 58 * 24 }),
    });
    expect(res.ok).toBe(true);
    await t.dataSource
      .getRepository(InstagramAccountEntity)
      .update({ id: igLogin.id }, { tokenExpiresAt: new Date(Date.now() + 2 * 86_400_000), tokenIssuedAt: new Date(Date.now() - 58 * 86_400_000) });

    const report = await t.app.get(InstagramTokenRefreshService).refreshExpiringTokens();
    expect(report.changed).toEqual([igLogin.id]);
    const fresh = await channels.getAccessToken(igLogin.id);
    expect(fresh).not.toBe(SIM_SEED.instagramLogin.accessToken);
    expect(sim.context.store.tokens.get(fresh)?.subjectId).toBe(SIM_SEED.instagramLogin.id);
    const expiresInDays = (Date.parse((await byExternalId(SIM_SEED.instagramLogin.id)).health.tokenExpiresAt ?? '') - Date.now()) / 86_400_000;
    expect(expiresInDays).toBeGreaterThan(59);
    // a token far from expiry is left alone
    expect((await t.app.get(InstagramTokenRefreshService).refreshExpiringTokens()).changed).toEqual([]);
  });

  it('flips a channel to needs_reauth on a 190 and tells admins and agents live', async () => {
    const agent = await t.createUser(Role.AGENT);
    const connect = (token: string) => {
      const s: ClientSocket = io(t.url, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
      sockets.push(s);
      return s;
    };
    const adminSocket = connect(admin);
    const agentSocket = connect(agent.accessToken);
    await Promise.all([adminSocket, agentSocket].map((s) => new Promise((resolve) => s.once('session.ready', resolve))));
    const nextUpdate = (s: ClientSocket) =>
      new Promise<ChannelUpdatedEvent>((resolve) => s.on('channel.updated', (e) => e.channel.status === ChannelStatus.NEEDS_REAUTH && resolve(e)));
    const received = Promise.all([nextUpdate(adminSocket), nextUpdate(agentSocket)]);

    const viaPage = await ref(MessagePlatform.INSTAGRAM, SIM_SEED.instagram.id);
    const [, second] = SIM_SEED.instagramCustomers;
    sim.addFault({ pattern: `GET /${second.igsid}`, code: 190, times: 1 });
    // the profile lookup never throws: it answers nulls and reports the error to the channel
    expect(await channels.lookupCustomerProfile(viaPage, second.igsid)).toEqual({ name: null, username: null, profilePicUrl: null });

    const [toAdmin, toAgent] = await received;
    expect(toAdmin.channel).toMatchObject({
      id: viaPage.id,
      status: ChannelStatus.NEEDS_REAUTH,
      health: { lastGraphError: { code: 190, kind: 'reauth_required' } },
    });
    expect(toAdmin.channel.statusReason).toMatch(/Reconnect/);
    expect(toAgent.channel.id).toBe(viaPage.id);
    expect((await channels.getById(viaPage.id))?.status).toBe(ChannelStatus.NEEDS_REAUTH);
    expect((await channels.resolveByExternalId(MessagePlatform.INSTAGRAM, SIM_SEED.instagram.id))?.status).toBe(ChannelStatus.NEEDS_REAUTH);
    expect(await t.dataSource.query("SELECT id FROM audit_log WHERE action = 'channel.needs_reauth' AND target_id = ?", [viaPage.id])).toHaveLength(1);
    expect(JSON.stringify(toAdmin)).not.toContain(SIM_SEED.page.accessToken);
  });

  it('finds a revoked token in the periodic debug_token check', async () => {
    const res = await fetch(`${sim.url}/_sim/tokens/invalidate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: SIM_SEED.page.accessToken, subcode: 460 }),
    });
    expect(res.ok).toBe(true);
    const page = await ref(MessagePlatform.FACEBOOK, SIM_SEED.page.id);
    const report = await maintenance.checkTokens();
    expect(report.changed).toContain(page.id);
    const dto = await byExternalId(SIM_SEED.page.id);
    expect(dto.status).toBe(ChannelStatus.NEEDS_REAUTH);
    expect(dto.health.tokenCheckedAt).not.toBeNull();
    // the Instagram Login account is unaffected
    expect((await byExternalId(SIM_SEED.instagramLogin.id)).status).toBe(ChannelStatus.ACTIVE);
  });

  it('lets admins (not agents) check one channel now', async () => {
    const igLogin = await byExternalId(SIM_SEED.instagramLogin.id);
    const agent = await t.createUser(Role.AGENT);
    expect((await t.http.post(`/api/channels/${igLogin.id}/check`).set('Authorization', `Bearer ${agent.accessToken}`)).status).toBe(403);
    const ok = await t.http.post(`/api/channels/${igLogin.id}/check`).set('Authorization', `Bearer ${admin}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: igLogin.id, status: ChannelStatus.ACTIVE, health: { subscription: { state: 'subscribed' } } });
    expect(Date.parse(ok.body.health.tokenCheckedAt)).toBeGreaterThan(Date.parse(igLogin.health.tokenCheckedAt ?? '1970-01-01'));

    await fetch(`${sim.url}/_sim/tokens/invalidate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: await channels.getAccessToken(igLogin.id), subcode: 460 }),
    });
    const broken = await t.http.post(`/api/channels/${igLogin.id}/check`).set('Authorization', `Bearer ${admin}`);
    expect(broken.body).toMatchObject({ status: ChannelStatus.NEEDS_REAUTH, health: { lastGraphError: { code: 190, subcode: 460 } } });
    expect((await t.http.post('/api/channels/00000000-0000-4000-8000-000000000000/check').set('Authorization', `Bearer ${admin}`)).status).toBe(404);
  });
});

describe('channels: legacy single-account env fallback (integration)', () => {
  it('connects INSTAGRAM_PAGE_ACCESS_TOKEN (the Page and its Instagram account) when no channel exists', async () => {
    const sim = await startMetaSim({ port: 0 });
    const t = await startTestApp({ META_SIM_URL: sim.url, PUBLIC_WEB_URL: SIM_WEB_URL, INSTAGRAM_PAGE_ACCESS_TOKEN: SIM_SEED.page.accessToken });
    try {
      expect(t.config.channels.bootstrapTokens).toEqual({ pageToken: SIM_SEED.page.accessToken, instagramLoginToken: null });
      await t.app.get(SandboxChannelsBootstrap).done;
      const admin = await t.login(TEST_ADMIN.email, TEST_ADMIN.password);
      const list = (await t.http.get('/api/channels').set('Authorization', `Bearer ${admin.accessToken}`)).body as ChannelDto[];
      expect(list.map((c) => c.externalId).sort()).toEqual([SIM_SEED.page.id, SIM_SEED.instagram.id].sort());
      expect(list.every((c) => c.status === ChannelStatus.ACTIVE)).toBe(true);
    } finally {
      await t.close();
      await sim.close();
    }
  });
});
