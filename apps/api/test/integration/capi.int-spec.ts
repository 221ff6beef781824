import {
  AttributionResponse,
  CapiEventDto,
  CapiSettingsDto,
  ChannelDto,
  MessagePlatform,
  OutcomeDto,
  OutcomeEventPayload,
  Role,
} from '@ticklegram/domain-models';
import { SIM_SEED } from '@ticklegram/meta-sim';
import { createHash, randomUUID } from 'node:crypto';
import { CapiSender, SENDING_LEASE_MS } from '../../src/modules/capi/capi-sender';
import { CapiEventEntity } from '../../src/modules/capi/entities/capi-event.entity';
import { ConversationEntity } from '../../src/modules/inbox/entities/conversation.entity';
import { IngestionHarness, startIngestionHarness, waitFor } from '../utils/webhooks-harness';

const NOAH_FB = SIM_SEED.newCustomers.messenger.psid;
const NOAH_IG = SIM_SEED.newCustomers.instagram.igsid;
const ADS = SIM_SEED.ads;
const sha = (v: string) => createHash('sha256').update(v).digest('hex');

interface ReceivedEvent {
  datasetId: string;
  testEventCode?: string;
  event: Record<string, unknown> & { user_data: Record<string, unknown>; custom_data?: Record<string, unknown> };
}

/**
 * Conversions API for business messaging against the Meta simulator over HTTP: datasets through the
 * Graph API, the event Meta receives per channel, validation, access rules, retries with backoff on
 * temporary errors only, no second send of an accepted event (also across a crash), resend of failures,
 * and attribution per ad over known data. SQLite, or MariaDB with TEST_DATABASE_URL.
 */
describe('conversions API: outcomes, outbox, settings, attribution (integration)', () => {
  let h: IngestionHarness;
  let agent: { id: string; token: string };
  let otherAgent: { id: string; token: string };
  let page: ChannelDto;
  let ig: ChannelDto;
  let igLogin: ChannelDto;
  let fbConversation: string;
  let igConversation: string;

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const admin = () => bearer(h.admin);
  const received = async (eventId?: string) => (await h.control<{ data: ReceivedEvent[] }>(`/_sim/capi/events${eventId ? `?eventId=${eventId}` : ''}`)).data;
  const record = (conversationId: string, body: object, token = h.admin) =>
    h.t.http.post(`/api/conversations/${conversationId}/outcomes`).set(bearer(token)).send(body);
  const eventOf = async (outcomeId: string): Promise<CapiEventDto> => {
    const res = await h.t.http.get('/api/capi/events?limit=200').set(admin());
    const found = (res.body.items as CapiEventDto[]).find((e) => e.outcomeId === outcomeId);
    if (!found) throw new Error(`no event for ${outcomeId}`);
    return found;
  };
  const eventIn = (outcomeId: string, statuses: string[], timeoutMs = 10_000) =>
    waitFor(
      async () => {
        const e = await eventOf(outcomeId);
        return statuses.includes(e.status) ? e : null;
      },
      timeoutMs,
      `event of ${outcomeId} in ${statuses.join('/')}`,
    );
  const adConversation = async (customerId: string, adId: string): Promise<string> => {
    await h.control(`/_sim/customers/${customerId}/ad-referral`, { adId });
    await h.settle();
    const rows: { id: string }[] = await h.t.dataSource.query('SELECT id FROM conversations WHERE customer_external_id = ?', [customerId]);
    if (!rows[0]) throw new Error(`no conversation for ${customerId}`);
    return rows[0].id;
  };

  beforeAll(async () => {
    h = await startIngestionHarness({ CAPI_SEND_INTERVAL_MS: '100', CAPI_RETRY_BASE_MS: '300', CAPI_MAX_ATTEMPTS: '3', META_GRAPH_TIMEOUT_MS: '1500' });
    const a = await h.t.createUser(Role.AGENT);
    const b = await h.t.createUser(Role.AGENT);
    agent = { id: a.user.id, token: a.accessToken };
    otherAgent = { id: b.user.id, token: b.accessToken };
    const channels = (await h.t.http.get('/api/channels').set(admin())).body as ChannelDto[];
    page = channels.find((c) => c.platform === MessagePlatform.FACEBOOK) as ChannelDto;
    ig = channels.find((c) => c.platform === MessagePlatform.INSTAGRAM && c.connection === 'facebook_login') as ChannelDto;
    igLogin = channels.find((c) => c.connection === 'instagram_login') as ChannelDto;
    fbConversation = await adConversation(NOAH_FB, ADS.springSale.id);
    igConversation = await adConversation(NOAH_IG, ADS.springDrop.id);
  });
  afterAll(() => h?.close());
  afterEach(() => h.sim.clearFaults());

  describe('settings (admins only)', () => {
    it('agents cannot read or change settings, the log or resend', async () => {
      expect((await h.t.http.get('/api/capi/settings').set(bearer(agent.token))).status).toBe(403);
      expect((await h.t.http.patch(`/api/capi/settings/${page.id}`).set(bearer(agent.token)).send({ testEventCode: 'X' })).status).toBe(403);
      expect((await h.t.http.post(`/api/capi/settings/${page.id}/dataset`).set(bearer(agent.token))).status).toBe(403);
      expect((await h.t.http.get('/api/capi/events').set(bearer(agent.token))).status).toBe(403);
      expect((await h.t.http.post(`/api/capi/events/${randomUUID()}/resend`).set(bearer(agent.token))).status).toBe(403);
    });

    it("picks each account's dataset through the Graph API; Instagram Login accounts cannot report conversions", async () => {
      const fb = await h.t.http.post(`/api/capi/settings/${page.id}/dataset`).set(admin());
      expect(fb.status).toBe(200);
      expect(fb.body).toMatchObject({ channelId: page.id, datasetId: SIM_SEED.datasets.page, available: true });
      const insta = await h.t.http.post(`/api/capi/settings/${ig.id}/dataset`).set(admin());
      expect(insta.body).toMatchObject({ datasetId: SIM_SEED.datasets.instagram });
      const login = await h.t.http.post(`/api/capi/settings/${igLogin.id}/dataset`).set(admin());
      expect([login.status, login.body.code]).toEqual([400, 'CAPI_CHANNEL_UNSUPPORTED']);
      const list = (await h.t.http.get('/api/capi/settings').set(admin())).body.items as CapiSettingsDto[];
      expect(list.find((s) => s.channelId === igLogin.id)).toMatchObject({ available: false, unavailableReason: expect.stringContaining('Facebook Page') });
    });

    it('stores a dedicated token encrypted and never returns it; validates fields', async () => {
      const secret = 'EAAdedicatedCapiToken-not-a-real-one-1234567890';
      const res = await h.t.http.patch(`/api/capi/settings/${page.id}`).set(admin()).send({ accessToken: secret, testEventCode: 'TEST4711' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ hasAccessToken: true, testEventCode: 'TEST4711' });
      expect(JSON.stringify(res.body)).not.toContain(secret);
      const [row] = await h.t.dataSource.query('SELECT access_token_encrypted AS t FROM capi_settings WHERE channel_id = ?', [page.id]);
      expect(row.t).toMatch(/^v1:/);
      expect(row.t).not.toContain(secret);
      const audit = await h.t.dataSource.query("SELECT details FROM audit_log WHERE action = 'capi.settings_updated'");
      expect(JSON.stringify(audit)).not.toContain(secret);
      // back to the Page's own token for the rest (the dedicated one is not a token Meta knows)
      expect((await h.t.http.patch(`/api/capi/settings/${page.id}`).set(admin()).send({ accessToken: null })).body.hasAccessToken).toBe(false);
      const bad = await h.t.http
        .patch(`/api/capi/settings/${page.id}`)
        .set(admin())
        .send({ datasetId: 'abc', testEventCode: 'no spaces', enabled: 'yes', secret: 1 });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['datasetId', 'enabled', 'secret', 'testEventCode']);
    });

    it('a channel id that does not exist is 404 with the error the channel routes answer', async () => {
      const missing = randomUUID();
      const shape = (res: { status: number; body: Record<string, unknown> }) => ({ status: res.status, code: res.body['code'], message: res.body['message'] });
      const channelRoute = await h.t.http.post(`/api/channels/${missing}/check`).set(admin());
      expect(shape(channelRoute)).toEqual({ status: 404, code: 'CHANNELS_NOT_FOUND', message: 'This channel does not exist.' });
      const update = await h.t.http.patch(`/api/capi/settings/${missing}`).set(admin()).send({ testEventCode: 'TEST4711' });
      const dataset = await h.t.http.post(`/api/capi/settings/${missing}/dataset`).set(admin());
      expect([shape(update), shape(dataset)]).toEqual([shape(channelRoute), shape(channelRoute)]);
      expect(Object.keys(update.body).sort()).toEqual(Object.keys(channelRoute.body).sort());
      expect(await h.t.dataSource.query('SELECT channel_id FROM capi_settings WHERE channel_id = ?', [missing])).toEqual([]);
    });
  });

  describe('outcomes → the event Meta receives', () => {
    it('a Messenger purchase: business_messaging, messenger, Page id + PSID, hashed email and phone, value, event_id, test code', async () => {
      const res = await record(fbConversation, {
        type: 'purchase',
        value: 49.9,
        currency: 'EUR',
        email: ' Noah.Fischer@Example.com ',
        phone: '+43 660 1234567',
      });
      expect(res.status).toBe(201);
      const outcome = res.body as OutcomeDto;
      expect(outcome).toMatchObject({
        type: 'Purchase',
        value: 49.9,
        currency: 'EUR',
        hasEmail: true,
        hasPhone: true,
        adId: ADS.springSale.id,
        conversationId: fbConversation,
      });
      const event = await eventIn(outcome.id, ['accepted']);
      expect(event).toMatchObject({
        eventName: 'Purchase',
        eventId: outcome.id,
        datasetId: SIM_SEED.datasets.page,
        testEventCode: 'TEST4711',
        eventsReceived: 1,
        attempts: 1,
        message: null,
      });
      const [got] = await received(outcome.id);
      expect(got?.datasetId).toBe(SIM_SEED.datasets.page);
      expect(got?.testEventCode).toBe('TEST4711');
      expect(got?.event).toMatchObject({
        event_name: 'Purchase',
        event_id: outcome.id,
        action_source: 'business_messaging',
        messaging_channel: 'messenger',
        user_data: { page_id: SIM_SEED.page.id, page_scoped_user_id: NOAH_FB, em: [sha('noah.fischer@example.com')], ph: [sha('436601234567')] },
        custom_data: { value: 49.9, currency: 'EUR' },
      });
      expect(Math.abs((got?.event['event_time'] as number) - Date.now() / 1000)).toBeLessThan(60);
      // stored as hashes only
      const [row] = await h.t.dataSource.query('SELECT email_hash, phone_hash, value_minor FROM conversion_outcomes WHERE id = ?', [outcome.id]);
      expect(row).toEqual({ email_hash: sha('noah.fischer@example.com'), phone_hash: sha('436601234567'), value_minor: 4990 });
      const listed = await h.t.http.get(`/api/conversations/${fbConversation}/outcomes`).set(admin());
      expect(listed.body.items[0]).toMatchObject({ id: outcome.id, event: { status: 'accepted' } });
    });

    it('an Instagram lead: instagram channel, IG account id + IGSID, no custom data; the agent sees it accepted live', async () => {
      const { io } = await import('socket.io-client');
      const socket = io(h.t.url, { transports: ['websocket'], auth: { token: agent.token }, reconnection: false, forceNew: true });
      const live: OutcomeEventPayload[] = [];
      socket.on('capi.outcome_updated', (payload: OutcomeEventPayload) => live.push(payload));
      await new Promise((resolve, reject) => {
        socket.once('session.ready', resolve);
        socket.once('connect_error', reject);
      });
      const res = await record(igConversation, { type: 'lead' }, agent.token);
      expect(res.status).toBe(201);
      await eventIn(res.body.id, ['accepted']);
      try {
        await waitFor(
          async () => live.find((p) => p.outcome.id === res.body.id && p.outcome.event.status === 'accepted'),
          5000,
          'the accepted outcome on the socket',
        );
      } finally {
        socket.close();
      }
      const [got] = await received(res.body.id);
      expect(got?.datasetId).toBe(SIM_SEED.datasets.instagram);
      expect(got?.event).toMatchObject({
        event_name: 'LeadSubmitted',
        messaging_channel: 'instagram',
        user_data: { ig_account_id: SIM_SEED.instagram.id, ig_sid: NOAH_IG },
      });
      expect(got?.event.custom_data).toBeUndefined();
      expect(got?.event.user_data['em']).toBeUndefined();
    });

    it.each<[string, object, string[]]>([
      ['a purchase without value and currency', { type: 'Purchase' }, ['currency', 'value']],
      ['an event Meta does not take for messaging', { type: 'PageView' }, ['type']],
      ['a value without currency', { type: 'QualifiedLead', value: 10 }, ['currency']],
      ['an unknown currency', { type: 'Purchase', value: 10, currency: 'XYZ' }, ['currency']],
      ['more decimals than the currency has', { type: 'Purchase', value: 10.5, currency: 'JPY' }, ['value']],
      ['a negative value', { type: 'Purchase', value: -1, currency: 'EUR' }, ['value']],
      ['a bad email and an unknown field', { type: 'lead', email: 'not-an-email', coupon: 'X' }, ['coupon', 'email']],
    ])('refuses %s with field errors and stores nothing', async (_case, body, fields) => {
      const before = await h.t.dataSource.query('SELECT COUNT(*) AS n FROM conversion_outcomes');
      const res = await record(fbConversation, body);
      expect(res.status).toBe(400);
      expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(fields);
      expect(await h.t.dataSource.query('SELECT COUNT(*) AS n FROM conversion_outcomes')).toEqual(before);
    });

    it('agents record outcomes only on conversations they may see', async () => {
      await h.t.dataSource.getRepository(ConversationEntity).update({ id: fbConversation }, { assigneeId: otherAgent.id });
      try {
        expect((await record(fbConversation, { type: 'lead' }, agent.token)).status).toBe(404);
        expect((await h.t.http.get(`/api/conversations/${fbConversation}/outcomes`).set(bearer(agent.token))).status).toBe(404);
        expect((await record(fbConversation, { type: 'lead' }, otherAgent.token)).status).toBe(201);
        expect((await record(randomUUID(), { type: 'lead' })).status).toBe(404);
      } finally {
        await h.t.dataSource.getRepository(ConversationEntity).update({ id: fbConversation }, { assigneeId: null });
      }
    });
  });

  describe('delivery: retries, failures, no second send', () => {
    it("retries Meta's temporary errors with growing backoff, then sends once", async () => {
      h.sim.addFault({ pattern: `POST /${SIM_SEED.datasets.page}/events`, code: 2 });
      const { body } = await record(fbConversation, { type: 'QualifiedLead' });
      const first = await eventIn(body.id, ['retrying']);
      expect(first.attempts).toBe(1);
      expect(first.message).toContain('trying again');
      expect(new Date(first.nextAttemptAt as string).getTime()).toBeGreaterThan(Date.now() - 100);
      const second = await waitFor(
        async () => {
          const e = await eventOf(body.id);
          return e.attempts >= 2 && e.status === 'retrying' ? e : null;
        },
        10_000,
        'second attempt',
      );
      // the second wait is longer than the first (300 ms base, doubled, ±20 %)
      expect(new Date(second.nextAttemptAt as string).getTime() - new Date(second.updatedAt).getTime()).toBeGreaterThan(400);
      h.sim.clearFaults();
      const done = await eventIn(body.id, ['accepted']);
      expect(done.attempts).toBe(3);
      expect(await received(body.id)).toHaveLength(1);
    });

    it('gives up after CAPI_MAX_ATTEMPTS temporary failures; an admin resends it (same event_id)', async () => {
      h.sim.addFault({ pattern: `POST /${SIM_SEED.datasets.page}/events`, code: 2 });
      const { body } = await record(fbConversation, { type: 'OrderShipped' });
      const failed = await eventIn(body.id, ['failed'], 15_000);
      expect(failed.attempts).toBe(3);
      expect(failed.message).toContain('after 3 attempts');
      h.sim.clearFaults();
      const resent = await h.t.http.post(`/api/capi/events/${failed.id}/resend`).set(admin());
      expect(resent.status).toBe(200);
      // queued again (the sender may already have picked it up)
      expect(['queued', 'sending', 'accepted']).toContain(resent.body.status);
      await eventIn(body.id, ['accepted']);
      const got = await received(body.id);
      expect(got.map((g) => g.event['event_id'])).toEqual([body.id]);
      const audit = await h.t.dataSource.query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'capi.event_resent' AND target_id = ?", [failed.id]);
      expect(Number(audit[0].n)).toBe(1);
    });

    it("does not retry Meta's refusals; says why in plain words", async () => {
      h.sim.addFault({ pattern: `POST /${SIM_SEED.datasets.page}/events`, code: 100, subcode: 2804003, message: 'Invalid parameter' });
      const { body } = await record(fbConversation, { type: 'OrderDelivered' });
      const failed = await eventIn(body.id, ['failed']);
      await new Promise((r) => setTimeout(r, 1000));
      expect((await eventOf(body.id)).attempts).toBe(1);
      expect(failed.message).toMatch(/^Meta refused the event/);
      expect(failed.message).not.toMatch(/EAA|access_token/);
    });

    it('a permission refusal tells the admin which permission to allow', async () => {
      h.sim.addFault({ pattern: `POST /${SIM_SEED.datasets.page}/events`, code: 200, message: '(#200) Requires page_events permission' });
      const { body } = await record(fbConversation, { type: 'OrderCanceled' });
      const failed = await eventIn(body.id, ['failed']);
      expect(failed.message).toContain('page_events');
    });

    it('an accepted event cannot be resent and is never sent again', async () => {
      const { body } = await record(fbConversation, { type: 'AddToCart' });
      const accepted = await eventIn(body.id, ['accepted']);
      const res = await h.t.http.post(`/api/capi/events/${accepted.id}/resend`).set(admin());
      expect([res.status, res.body.code]).toEqual([409, 'CAPI_EVENT_NOT_RESENDABLE']);
      const sender = h.t.app.get(CapiSender);
      await Promise.all([sender.runOnce(), sender.runOnce(), sender.runOnce()]);
      expect(await received(body.id)).toHaveLength(1);
    });

    it('a timeout (Meta may have it) is marked uncertain and never repeated on its own', async () => {
      h.sim.addFault({ pattern: `POST /${SIM_SEED.datasets.page}/events`, timeout: true });
      const { body } = await record(fbConversation, { type: 'ViewContent' });
      const uncertain = await eventIn(body.id, ['uncertain'], 15_000);
      expect(uncertain.message).toContain('not sent again automatically');
      await new Promise((r) => setTimeout(r, 800));
      expect(await eventOf(body.id)).toMatchObject({ status: 'uncertain', attempts: 1 });
      h.sim.clearFaults();
      expect((await h.t.http.post(`/api/capi/events/${uncertain.id}/resend`).set(admin())).status).toBe(200);
      await eventIn(body.id, ['accepted']);
    });

    it('a crash between sending and storing the answer leaves the event uncertain, not sent twice', async () => {
      const sender = h.t.app.get(CapiSender);
      const { body } = await record(fbConversation, { type: 'InitiateCheckout' });
      await eventIn(body.id, ['accepted']);
      // another event that a process claimed, sent, and died before writing Meta's answer
      const { body: lost } = await record(igConversation, { type: 'OrderCreated' });
      const event = await eventOf(lost.id);
      await waitFor(async () => ((await eventOf(lost.id)).status === 'accepted' ? true : null), 10_000, 'sent');
      const before = (await received(lost.id)).length;
      await h.t.dataSource
        .getRepository(CapiEventEntity)
        .update({ id: event.id }, { status: 'sending', claimToken: randomUUID(), claimedAt: new Date(Date.now() - SENDING_LEASE_MS - 1000) });
      await sender.idle();
      await sender.runOnce();
      expect(await eventOf(lost.id)).toMatchObject({ status: 'uncertain' });
      await sender.runOnce();
      expect(await received(lost.id)).toHaveLength(before);
    });

    it('events older than 7 days are never sent (Meta would reject the whole request)', async () => {
      const { body } = await record(fbConversation, { type: 'CartAbandoned' });
      const sender = h.t.app.get(CapiSender);
      await sender.idle();
      const event = await eventOf(body.id);
      await h.t.dataSource.getRepository(CapiEventEntity).update(
        { id: event.id },
        {
          status: 'queued',
          payload: {
            event_name: 'CartAbandoned',
            event_time: Math.floor(Date.now() / 1000) - 8 * 86400,
            event_id: body.id,
            action_source: 'business_messaging',
            messaging_channel: 'messenger',
            user_data: { page_id: SIM_SEED.page.id, page_scoped_user_id: NOAH_FB },
          },
        },
      );
      const before = (await received(body.id)).length;
      // the sender's own interval may pick it up first; either way it fails without a call to Meta
      await sender.runOnce();
      expect(await eventIn(body.id, ['failed'])).toMatchObject({ message: expect.stringContaining('7 days') });
      expect(await received(body.id)).toHaveLength(before);
    });
  });

  describe('attribution', () => {
    it('per ad: conversations started, first response, outcomes, value, events accepted; CSV; agents may read it', async () => {
      // the business answers the Instagram ad conversation
      const reply = await h.t.http
        .post(`/api/conversations/${igConversation}/messages`)
        .set(admin())
        .set('Idempotency-Key', randomUUID())
        .send({ text: 'Hi Noah! Which size?' });
      expect(reply.status).toBe(201);
      await record(igConversation, { type: 'purchase', value: 120, currency: 'EUR' });
      await record(igConversation, { type: 'purchase', value: 30.5, currency: 'USD' });
      await waitFor(
        async () => {
          const [row] = await h.t.dataSource.query("SELECT COUNT(*) AS n FROM capi_events WHERE conversation_id = ? AND status <> 'accepted'", [
            igConversation,
          ]);
          return Number(row.n) === 1 ? true : null; // only the "crashed" (uncertain) one is not accepted
        },
        10_000,
        'Instagram events accepted',
      );
      const today = new Date().toISOString().slice(0, 10);
      const res = await h.t.http.get(`/api/attribution?from=${today}&to=${today}&tz=UTC&channelId=${ig.id}`).set(bearer(agent.token));
      expect(res.status).toBe(200);
      const report = res.body as AttributionResponse;
      expect(report).toMatchObject({ from: today, to: today, tz: 'UTC', series: [{ date: today, conversationsStarted: 1, outcomes: 4 }] });
      expect(report.rows).toEqual([
        expect.objectContaining({
          adId: ADS.springDrop.id,
          adTitle: 'Spring drop',
          // named by the Marketing API (ads_read)
          campaignId: ADS.springDrop.campaignId,
          campaignName: 'Spring sale 2026',
          adsetId: ADS.springDrop.adsetId,
          adsetName: 'AT + DE, 18–34, Instagram',
          platform: MessagePlatform.INSTAGRAM,
          conversationsStarted: 1,
          responded: 1,
          outcomes: { LeadSubmitted: 1, OrderCreated: 1, Purchase: 2 },
          value: { EUR: 120, USD: 30.5 },
          eventsAccepted: 3,
        }),
      ]);
      expect(report.rows[0]?.firstResponseMedianSeconds).toBeGreaterThanOrEqual(0);

      const csv = await h.t.http.get(`/api/attribution?from=${today}&to=${today}&channelId=${ig.id}&format=csv`).set(admin());
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const lines = csv.text.trim().split('\r\n');
      expect(lines[0]).toBe(
        'ad_id,ad_title,campaign_id,campaign_name,adset_id,adset_name,platform,conversations_started,responded,first_response_median_seconds,first_response_mean_seconds,leads,qualified_leads,purchases,other_outcomes,value,events_accepted',
      );
      expect(lines[1]).toMatch(
        new RegExp(
          `^${ADS.springDrop.id},Spring drop,${ADS.springDrop.campaignId},Spring sale 2026,${ADS.springDrop.adsetId},"AT \\+ DE, 18–34, Instagram",INSTAGRAM,1,1,\\d+,\\d+,1,0,2,1,120.00 EUR; 30.50 USD,3$`,
        ),
      );

      const all = (await h.t.http.get(`/api/attribution?from=${today}&to=${today}`).set(admin())).body as AttributionResponse;
      expect(all.rows.map((r) => r.adId).sort()).toEqual([ADS.springSale.id, ADS.springDrop.id].sort());
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      expect(((await h.t.http.get(`/api/attribution?from=${yesterday}&to=${yesterday}`).set(admin())).body as AttributionResponse).rows).toEqual([]);

      const bad = await h.t.http.get('/api/attribution?tz=Mars/Olympus&from=2026-13-01&format=xml').set(admin());
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['format', 'from']);
      const badTz = await h.t.http.get('/api/attribution?tz=Mars/Olympus').set(admin());
      expect([badTz.status, badTz.body.errors?.[0]?.field]).toEqual([400, 'tz']);
    });
  });
});
