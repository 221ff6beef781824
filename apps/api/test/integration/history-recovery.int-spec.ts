import { ChannelDto, ChannelHistoryDto, MessagePlatform, Role } from '@ticklegram/domain-models';
import { RunningMetaSim, SIM_SEED, startMetaSim } from '@ticklegram/meta-sim';
import { ChannelMaintenanceService } from '../../src/modules/channels/channel-maintenance.service';
import { ChannelHistoryEntity } from '../../src/modules/history/entities/channel-history.entity';
import { HistorySyncService } from '../../src/modules/history/history-sync.service';
import { SandboxChannelsBootstrap } from '../../src/modules/messenger/sandbox-channels.bootstrap';
import { createTestDatabase, TestDatabase } from '../utils/test-database';
import { startTestApp, TEST_ADMIN, TestApp } from '../utils/test-app';
import { waitFor } from '../utils/webhooks-harness';

const PAGE = SIM_SEED.page;
const [JANE, MAX, AIKO, LUCIA] = SIM_SEED.messengerCustomers;
const KAI = SIM_SEED.instagramCustomers[2];

interface SimMessage {
  mid: string;
  direction: 'inbound' | 'outbound';
  createdAt: number;
  text: string | null;
  attachments: { type: string; url?: string }[];
  isDeleted?: boolean;
}
interface SimThread {
  conversationId: string;
  messages: SimMessage[];
}
interface StoredMessage {
  mid: string;
  direction: string;
  sent_at: string | Date;
  text: string | null;
  attachments: unknown;
}

/**
 * History import and gap recovery against the simulator over real HTTP, on SQLite and MariaDB: the
 * import pages through the Conversations API at 2 calls/s per account and resumes where an interrupted
 * run stopped; a message that comes by webhook and by history is stored once; an outage that drops
 * the subscription, and the api being down, are recovered with every missed message exactly once;
 * only admins may recover.
 */
describe('history import and gap recovery (integration)', () => {
  let sim: RunningMetaSim;
  let db: TestDatabase;
  let t: TestApp;
  let admin: string;
  let pageChannelId: string;

  const boot = async (env: Record<string, string>): Promise<void> => {
    t = await startTestApp(
      { SANDBOX_AUTOCONNECT: 'true', META_SIM_URL: sim.url, WEBHOOK_POLL_INTERVAL_MS: '50', HISTORY_PAGE_SIZE: '2', HISTORY_GAP_GRACE_SECONDS: '0', ...env },
      { db, keepDatabase: true },
    );
    await t.app.get(SandboxChannelsBootstrap).done;
    sim.setWebhookUrls({ instagram: `${t.url}/webhooks/instagram`, page: `${t.url}/webhooks/facebook` });
    admin = (await t.login(TEST_ADMIN.email, TEST_ADMIN.password)).accessToken;
    const channels = (await t.http.get('/api/channels').set('Authorization', `Bearer ${admin}`)).body as ChannelDto[];
    pageChannelId = (channels.find((c) => c.platform === MessagePlatform.FACEBOOK) as ChannelDto).id;
  };
  const history = async (): Promise<ChannelHistoryDto[]> =>
    (await t.http.get('/api/channels/history').set('Authorization', `Bearer ${admin}`).expect(200)).body as ChannelHistoryDto[];
  const historyOf = async (channelId: string) => (await history()).find((h) => h.channelId === channelId);
  const thread = async (customerId: string): Promise<SimThread> =>
    (await (await fetch(`${sim.url}/_sim/customers/${customerId}/conversation`)).json()) as SimThread;
  const stored = (customerId: string): Promise<StoredMessage[]> =>
    t.dataSource.query(
      'SELECT m.mid, m.direction, m.sent_at, m.text, m.attachments FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.customer_external_id = ? ORDER BY m.sent_at',
      [customerId],
    );
  const conversation = async (customerId: string) =>
    (
      (await t.dataSource.query('SELECT status, unread_count, last_message_direction FROM conversations WHERE customer_external_id = ?', [customerId])) as {
        status: string;
        unread_count: number;
        last_message_direction: string;
      }[]
    )[0];
  /** Every message of the simulator's thread is stored once, with Meta's time and direction. */
  const expectSameThread = async (customerId: string): Promise<void> => {
    const expected = (await thread(customerId)).messages.filter((m) => !m.isDeleted);
    const rows = await stored(customerId);
    expect(rows.map((r) => r.mid).sort()).toEqual(expected.map((m) => m.mid).sort());
    const byMid = new Map(rows.map((r) => [r.mid, r]));
    for (const m of expected) {
      const row = byMid.get(m.mid) as StoredMessage;
      expect([row.direction, Math.floor(new Date(row.sent_at).getTime() / 1000)]).toEqual([m.direction, Math.floor(m.createdAt / 1000)]);
    }
  };
  const conversationsCalls = (since: number) =>
    sim.context.requests.filter((r) => r.at >= since && r.method === 'GET' && /\/(conversations|messages)$/.test(r.path));

  beforeAll(async () => {
    sim = await startMetaSim({ port: 0, deliveryDelayMs: 20, retryDelaysMs: [100, 300, 600] });
    db = await createTestDatabase();
    // the first start does not import by itself: the test interrupts the Page's import on purpose
    await boot({ HISTORY_IMPORT_ON_CONNECT: 'false' });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
    await sim?.close();
  });

  it('imports page by page at 2 calls/s, and an interrupted import resumes where it stopped after a restart', async () => {
    const maxConversation = (await thread(MAX.psid)).conversationId;
    // Meta fails the third conversation (Max's): the import stops there with its resume point saved
    sim.addFault({ pattern: `GET /${maxConversation}/messages`, code: 100, message: 'simulated failure', times: 1 });
    const started = Date.now();
    await t.app.get(HistorySyncService).startImport(pageChannelId);
    await t.app.get(HistorySyncService).idle();
    const failed = await historyOf(pageChannelId);
    expect(failed).toMatchObject({ importStatus: 'failed', conversationsDone: 2 });
    const firstRun = conversationsCalls(started);
    expect(firstRun.length).toBeGreaterThanOrEqual(4);
    expect(firstRun.some((r) => r.path.endsWith('/conversations') && r.params['after'])).toBe(true); // paged (2 per page)
    const done = (await t.dataSource.query('SELECT DISTINCT c.customer_external_id AS id FROM conversations c')) as { id: string }[];
    expect(done.map((d) => d.id).sort()).toEqual([JANE.psid, LUCIA.psid].sort());

    // a process that dies mid-import leaves the row running under a lease that then runs out
    await t.close();
    const restartedAt = Date.now();
    await boot({ HISTORY_IMPORT_ON_CONNECT: 'false' });
    await t.dataSource
      .getRepository(ChannelHistoryEntity)
      .update({ channelId: pageChannelId }, { importStatus: 'running', leaseUntil: new Date(Date.now() - 1000) });
    await t.app.get(HistorySyncService).startImport(pageChannelId);
    await t.app.get(HistorySyncService).idle();
    expect(await historyOf(pageChannelId)).toMatchObject({ importStatus: 'done', conversationsDone: 4, importError: null });

    const resumed = conversationsCalls(restartedAt).map((r) => r.path);
    const janeConversation = (await thread(JANE.psid)).conversationId;
    const luciaConversation = (await thread(LUCIA.psid)).conversationId;
    expect(resumed).toContain(`/${maxConversation}/messages`);
    expect(resumed).not.toContain(`/${janeConversation}/messages`);
    expect(resumed).not.toContain(`/${luciaConversation}/messages`);

    for (const customer of [JANE, MAX, AIKO, LUCIA]) await expectSameThread(customer.psid);
    const [{ n }] = await t.dataSource.query(
      'SELECT COUNT(*) AS n FROM channel_history WHERE channel_id = ? AND messages_imported = (SELECT COUNT(*) FROM messages WHERE channel_id = ?)',
      [pageChannelId, pageChannelId],
    );
    expect(Number(n)).toBe(1);

    // within the rate limit: never 613, never three calls for the account inside Meta's window (per process run)
    expect(conversationsCalls(started).filter((r) => (r.response as { error?: { code?: number } } | undefined)?.error?.code === 613)).toEqual([]);
    for (const run of [firstRun, conversationsCalls(restartedAt)]) {
      const times = run.map((r) => r.at).sort((a, b) => a - b);
      for (let i = 2; i < times.length; i += 1) expect(times[i] - times[i - 2]).toBeGreaterThanOrEqual(700);
    }
  }, 120_000);

  it('gives imported conversations sensible states: the customer wrote last → unread and open', async () => {
    const max = await conversation(MAX.psid);
    expect(max).toMatchObject({ status: 'open', last_message_direction: 'inbound' });
    expect(Number(max.unread_count)).toBeGreaterThanOrEqual(1);
    const maxThread = (await thread(MAX.psid)).messages;
    const photo = maxThread.find((m) => m.attachments.some((a) => a.type === 'image'));
    if (photo) {
      const row = (await stored(MAX.psid)).find((r) => r.mid === photo.mid) as StoredMessage;
      const attachments = typeof row.attachments === 'string' ? JSON.parse(row.attachments) : row.attachments;
      expect(attachments[0]).toMatchObject({ type: 'image', url: expect.stringContaining('http') });
    }
  });

  it('imports the other channels at connect on its own (the sandbox case)', async () => {
    await t.close();
    await boot({ HISTORY_IMPORT_ON_CONNECT: 'true' });
    await waitFor(
      async () => {
        const rows = await history();
        return rows.length === 3 && rows.every((r) => r.importStatus === 'done');
      },
      60_000,
      'every channel imported',
    );
    await expectSameThread(KAI.igsid);
    await expectSameThread(SIM_SEED.instagramLoginCustomers[0].igsid);
  }, 90_000);

  it('stores a message that comes by webhook and by history exactly once', async () => {
    const sent = sim.customerSends(JANE.psid, { text: 'both paths' });
    await sim.flushWebhooks();
    await waitFor(async () => (await stored(JANE.psid)).some((r) => r.mid === sent.mid), 10_000, 'the webhook');
    const res = await t.http.post(`/api/channels/${pageChannelId}/recover`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect((res.body as ChannelHistoryDto).lastRecovery).toMatchObject({ trigger: 'manual', messagesRecovered: 0, error: null });
    // Meta delivers it again (a retry) after history had it too
    await fetch(`${sim.url}/_sim/customers/${JANE.psid}/redeliver`, { method: 'POST' });
    await sim.flushWebhooks();
    await new Promise((r) => setTimeout(r, 300));
    await expectSameThread(JANE.psid);
  }, 60_000);

  it('recovers what an outage lost (subscription dropped by Meta): re-subscribes, every missed message once, audited', async () => {
    await fetch(`${sim.url}/_sim/webhooks/outage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'drop', accountId: PAGE.id, unsubscribe: true, durationMs: 300 }),
    });
    const lost = [
      sim.customerSends(JANE.psid, { text: 'hello?' }),
      sim.customerSends(MAX.psid, { text: 'anyone there?' }),
      sim.customerSends(JANE.psid, { text: 'still waiting' }),
    ];
    await sim.flushWebhooks();
    await waitFor(
      async () => ((await (await fetch(`${sim.url}/_sim/webhooks/outage`)).json()) as { data: unknown[] }).data.length === 0,
      5_000,
      'the outage to end',
    );
    expect((await stored(JANE.psid)).some((r) => r.mid === lost[0].mid)).toBe(false);

    const res = await t.http.post(`/api/channels/${pageChannelId}/recover`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect((res.body as ChannelHistoryDto).lastRecovery).toMatchObject({
      trigger: 'manual',
      messagesRecovered: 3,
      conversations: 2,
      resubscribed: true,
      error: null,
    });
    await expectSameThread(JANE.psid);
    await expectSameThread(MAX.psid);
    expect(Number((await conversation(JANE.psid)).unread_count)).toBeGreaterThanOrEqual(2);
    const audit = (await t.dataSource.query("SELECT details FROM audit_log WHERE action = 'channel.history_recovered' ORDER BY created_at DESC")) as {
      details: unknown;
    }[];
    const details = typeof audit[0].details === 'string' ? JSON.parse(audit[0].details) : audit[0].details;
    expect(details).toMatchObject({ trigger: 'manual', messagesRecovered: 3, resubscribed: true });

    // subscribed again: the next message comes by webhook
    const next = sim.customerSends(MAX.psid, { text: 'back' });
    await sim.flushWebhooks();
    await waitFor(async () => (await stored(MAX.psid)).some((r) => r.mid === next.mid), 10_000, 'a webhook after re-subscribing');
  }, 60_000);

  it('recovers at boot what arrived while the api was down', async () => {
    await t.close();
    const missed = [sim.customerSends(AIKO.psid, { text: 'while you were down' }), sim.customerSends(LUCIA.psid, { text: 'me too' })];
    await sim.flushWebhooks(); // every delivery fails: nobody listens
    await boot({ HISTORY_IMPORT_ON_CONNECT: 'true' });
    await waitFor(async () => (await historyOf(pageChannelId))?.lastRecovery?.trigger === 'boot', 30_000, 'the boot recovery');
    expect((await historyOf(pageChannelId))?.lastRecovery).toMatchObject({ messagesRecovered: 2, error: null });
    for (const m of missed) expect((await stored(m === missed[0] ? AIKO.psid : LUCIA.psid)).filter((r) => r.mid === m.mid)).toHaveLength(1);
    await expectSameThread(AIKO.psid);
    await expectSameThread(LUCIA.psid);
  }, 60_000);

  it('the periodic check finds messages no webhook brought while the channel stayed subscribed, and is quiet when nothing is missing', async () => {
    const outage = (await (
      await fetch(`${sim.url}/_sim/webhooks/outage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ mode: 'drop', accountId: PAGE.id }),
      })
    ).json()) as { id: number };
    const lost = sim.customerSends(LUCIA.psid, { text: '¿hola?' });
    await sim.flushWebhooks();
    await fetch(`${sim.url}/_sim/webhooks/outage/${outage.id}`, { method: 'DELETE' });
    const sync = t.app.get(HistorySyncService);
    await sync.startRecovery(pageChannelId, 'periodic');
    await sync.idle();
    expect((await historyOf(pageChannelId))?.lastRecovery).toMatchObject({
      trigger: 'periodic',
      messagesRecovered: 1,
      conversations: 1,
      resubscribed: false,
      error: null,
    });
    expect((await stored(LUCIA.psid)).filter((r) => r.mid === lost.mid)).toHaveLength(1);
    const before = (await historyOf(pageChannelId))?.lastRecovery?.at;
    await sync.startRecovery(pageChannelId, 'periodic');
    await sync.idle();
    expect((await historyOf(pageChannelId))?.lastRecovery?.at).toBe(before);
  }, 60_000);

  it('when the health check re-subscribes a channel Meta dropped, what was missed is recovered on its own', async () => {
    await fetch(`${sim.url}/_sim/webhooks/outage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'drop', accountId: PAGE.id, unsubscribe: true, durationMs: 300 }),
    });
    const lost = sim.customerSends(AIKO.psid, { text: 'hello again' });
    await sim.flushWebhooks();
    await waitFor(
      async () => ((await (await fetch(`${sim.url}/_sim/webhooks/outage`)).json()) as { data: unknown[] }).data.length === 0,
      5_000,
      'the outage to end',
    );
    const report = await t.app.get(ChannelMaintenanceService).reconcileSubscriptions();
    expect(report.changed).toContain(pageChannelId);
    await waitFor(async () => (await historyOf(pageChannelId))?.lastRecovery?.trigger === 'subscription', 15_000, 'the recovery after re-subscribing');
    await t.app.get(HistorySyncService).idle();
    expect((await historyOf(pageChannelId))?.lastRecovery).toMatchObject({ messagesRecovered: 1, resubscribed: true, error: null });
    expect((await stored(AIKO.psid)).filter((r) => r.mid === lost.mid)).toHaveLength(1);
  }, 60_000);

  it('lets only admins see history state and recover', async () => {
    const agent = (await t.createUser(Role.AGENT)).accessToken;
    await t.http.post(`/api/channels/${pageChannelId}/recover`).set('Authorization', `Bearer ${agent}`).expect(403);
    await t.http.get('/api/channels/history').set('Authorization', `Bearer ${agent}`).expect(403);
    await t.http.post(`/api/channels/${pageChannelId}/recover`).expect(401);
    await t.http.post('/api/channels/not-a-uuid/recover').set('Authorization', `Bearer ${admin}`).expect(400);
    await t.http.post('/api/channels/00000000-0000-4000-8000-000000000000/recover').set('Authorization', `Bearer ${admin}`).expect(404);
  });
});
