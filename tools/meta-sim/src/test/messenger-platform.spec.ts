import type { RunningMetaSim } from '../index';
import { SIM_SEED } from '../index';
import { control, graph, startTestSim, WebhookReceiver } from './sim-test-kit';

const PAGE = SIM_SEED.page;
const OUR_APP = SIM_SEED.app.id;
const BOT = SIM_SEED.otherApps.bot.id;
const PAGE_INBOX = SIM_SEED.otherApps.pageInbox.id;
const JANE = SIM_SEED.messengerCustomers[0].psid;
const JANE_IG = SIM_SEED.instagramCustomers[0].igsid;

type Entry = Record<string, unknown> & { messaging?: Array<Record<string, unknown>>; standby?: Array<Record<string, unknown>> };

describe('meta-sim: Messenger handover, standby, opt-ins and policy enforcement', () => {
  let sim: RunningMetaSim;
  let hooks: WebhookReceiver;
  const entries = (): Entry[] => hooks.received.flatMap((r) => r.json.entry as Entry[]);
  const messaging = (): Array<Record<string, unknown>> => entries().flatMap((e) => e.messaging ?? []);
  const standby = (): Array<Record<string, unknown>> => entries().flatMap((e) => e.standby ?? []);
  const send = (text: string): Promise<{ status: number; body: Record<string, unknown> }> =>
    graph(sim, 'POST', `/v27.0/${PAGE.id}/messages`, PAGE.accessToken, { json: { recipient: { id: JANE }, messaging_type: 'RESPONSE', message: { text } } });

  beforeAll(async () => {
    hooks = await new WebhookReceiver().start();
    sim = await startTestSim({ webhooks: { instagram: `${hooks.url}/ig`, page: `${hooks.url}/fb` } });
  });
  beforeEach(async () => {
    sim.reset();
    sim.setWebhookUrls({ instagram: `${hooks.url}/ig`, page: `${hooks.url}/fb` });
    await sim.flushWebhooks(); // deliveries already on the wire when the previous test ended
    hooks.received.length = 0;
  });
  afterAll(async () => {
    await sim.close();
    await hooks.close();
  });

  it('Page Inbox takes the thread: take_thread_control, then standby delivery and 10/2018300 on send, until it passes back', async () => {
    const took = await control(sim, 'POST', `/customers/${JANE}/handover`, { action: 'take', appId: PAGE_INBOX, metadata: 'agent took over' });
    expect(took.body).toMatchObject({ ownerAppId: PAGE_INBOX, ownedByOurApp: false });
    sim.customerSends(JANE, { text: 'Are you a bot?' });
    await control(sim, 'POST', `/customers/${JANE}/inbox-reply`, { text: 'No, I am Sam.' });
    await sim.flushWebhooks();
    expect(messaging()).toEqual([
      {
        sender: { id: JANE },
        recipient: { id: PAGE.id },
        timestamp: expect.any(Number),
        take_thread_control: { previous_owner_app_id: OUR_APP, new_owner_app_id: PAGE_INBOX, metadata: 'agent took over' },
      },
    ]);
    expect(standby()).toStrictEqual([
      expect.objectContaining({ message: expect.objectContaining({ text: 'Are you a bot?' }) }),
      expect.objectContaining({ message: expect.objectContaining({ text: 'No, I am Sam.', is_echo: true, app_id: Number(PAGE_INBOX) }) }),
      expect.objectContaining({ delivery: expect.objectContaining({ mids: [expect.any(String)] }) }),
    ]);
    const owner = await graph(sim, 'GET', `/v27.0/${PAGE.id}/thread_owner`, PAGE.accessToken, { query: { recipient: JANE } });
    expect(owner.body).toEqual({ data: [{ thread_owner: { app_id: PAGE_INBOX } }] });
    const refused = await send('hello');
    expect(refused.body).toMatchObject({ error: { code: 10, error_subcode: 2018300 } });

    hooks.received.length = 0;
    await control(sim, 'POST', `/customers/${JANE}/handover`, { action: 'pass', appId: PAGE_INBOX, targetAppId: OUR_APP, metadata: 'done' });
    sim.customerSends(JANE, { text: 'thanks' });
    await sim.flushWebhooks();
    expect(messaging().map((m) => Object.keys(m).find((k) => !['sender', 'recipient', 'timestamp'].includes(k)))).toEqual(['pass_thread_control', 'message']);
    expect(messaging()[0]).toMatchObject({ pass_thread_control: { previous_owner_app_id: PAGE_INBOX, new_owner_app_id: OUR_APP, metadata: 'done' } });
    expect(standby()).toEqual([]);
    expect((await send('welcome back')).status).toBe(200);
  });

  it('passes to the bot through the Graph API; standby postbacks lose their payload; the bot releases back to the primary receiver', async () => {
    const passed = await graph(sim, 'POST', `/v27.0/${PAGE.id}/pass_thread_control`, PAGE.accessToken, {
      json: { recipient: { id: JANE }, target_app_id: BOT, metadata: 'to bot' },
    });
    expect(passed.body).toEqual({ success: true });
    const receivers = await graph(sim, 'GET', `/v27.0/${PAGE.id}/secondary_receivers`, PAGE.accessToken, { query: { fields: 'id,name' } });
    expect(receivers.body).toEqual({ data: [{ id: BOT, name: SIM_SEED.otherApps.bot.name }] });
    await control(sim, 'POST', `/customers/${JANE}/postback`, { title: 'Talk to a human', payload: 'HUMAN' });
    await sim.flushWebhooks();
    expect(standby()).toEqual([
      { sender: { id: JANE }, recipient: { id: PAGE.id }, timestamp: expect.any(Number), postback: { mid: expect.any(String), title: 'Talk to a human' } },
    ]);
    const notOwner = await graph(sim, 'POST', `/v27.0/${PAGE.id}/release_thread_control`, PAGE.accessToken, { json: { recipient: { id: JANE } } });
    expect(notOwner.body).toMatchObject({ error: { code: 10 } });

    hooks.received.length = 0;
    await control(sim, 'POST', `/customers/${JANE}/handover`, { action: 'release', appId: BOT });
    await sim.flushWebhooks();
    expect(messaging()).toEqual([expect.objectContaining({ pass_thread_control: { previous_owner_app_id: BOT, new_owner_app_id: OUR_APP } })]);
  });

  it('request_thread_control reaches the owner (us) with a numeric app id; app_roles changes move unowned threads to standby', async () => {
    await control(sim, 'POST', `/customers/${JANE}/handover`, { action: 'request', appId: BOT, metadata: 'billing' });
    const demoted = await control(sim, 'PUT', `/pages/${PAGE.id}/app-roles`, { roles: { [BOT]: ['primary_receiver'], [OUR_APP]: ['secondary_receiver'] } });
    expect(demoted.body).toMatchObject({ appRoles: { [BOT]: ['primary_receiver'], [OUR_APP]: ['secondary_receiver'] } });
    sim.customerSends(SIM_SEED.messengerCustomers[1].psid, { text: 'hello?' });
    await sim.flushWebhooks();
    expect(messaging()).toEqual([
      expect.objectContaining({ request_thread_control: { requested_owner_app_id: Number(BOT), metadata: 'billing' } }),
      { recipient: { id: PAGE.id }, timestamp: expect.any(Number), app_roles: { [OUR_APP]: ['secondary_receiver'] } },
    ]);
    expect(standby()).toEqual([expect.objectContaining({ message: expect.objectContaining({ text: 'hello?' }) })]);
    const take = await graph(sim, 'POST', `/v27.0/${PAGE.id}/take_thread_control`, PAGE.accessToken, { json: { recipient: { id: JANE } } });
    expect(take.body).toMatchObject({ error: { code: 10 } });
    const request = await graph(sim, 'POST', `/v27.0/${PAGE.id}/request_thread_control`, PAGE.accessToken, {
      json: { recipient: { id: JANE }, metadata: 'please' },
    });
    expect(request.body).toEqual({ success: true });
  });

  it('policy enforcement: block restricts sending with 10/1893063 (messages and private replies) until unblock', async () => {
    await control(sim, 'POST', `/pages/${PAGE.id}/policy`, { action: 'block', reason: 'Spammy messages' });
    await sim.flushWebhooks();
    expect(messaging()).toEqual([
      { recipient: { id: PAGE.id }, timestamp: expect.any(Number), 'policy-enforcement': { action: 'block', reason: 'Spammy messages' } },
    ]);
    expect((await send('hi')).body).toMatchObject({ error: { code: 10, error_subcode: 1893063, error_user_msg: 'Spammy messages' } });
    const reply = await graph(sim, 'POST', `/v27.0/${PAGE.id}/messages`, PAGE.accessToken, {
      json: { recipient: { comment_id: SIM_SEED.fbComments.onPhoto }, message: { text: 'DM' } },
    });
    expect(reply.body).toMatchObject({ error: { code: 10, error_subcode: 1893063 } });
    await control(sim, 'POST', `/pages/${PAGE.id}/policy`, { action: 'unblock' });
    expect((await send('hi again')).status).toBe(200);
  });

  it('opt-ins: notification_messages with a token, then stop and resume', async () => {
    const optin = await control<{ token: string }>(sim, 'POST', `/customers/${JANE}/optin`, { title: 'Restock alerts', payload: 'RESTOCK' });
    await control(sim, 'POST', `/customers/${JANE}/optin/stop`);
    await control(sim, 'POST', `/customers/${JANE}/optin`, { type: 'send_to_messenger', ref: 'checkout-42' });
    await sim.flushWebhooks();
    const optins = messaging().map((m) => m['optin'] as Record<string, unknown>);
    expect(optins[0]).toMatchObject({
      type: 'notification_messages',
      payload: 'RESTOCK',
      title: 'Restock alerts',
      notification_messages_token: optin.body.token,
      user_token_status: 'REFRESHED',
    });
    expect(optins[1]).toMatchObject({ notification_messages_token: optin.body.token, notification_messages_status: 'STOP_NOTIFICATIONS' });
    expect(optins[2]).toEqual({ ref: 'checkout-42' });
    expect((await control(sim, 'POST', `/customers/${JANE_IG}/optin`, {})).status).toBe(400);
  });

  it('Instagram has no handover since 2025-10-23', async () => {
    expect((await control(sim, 'POST', `/customers/${JANE_IG}/handover`, { action: 'take' })).status).toBe(400);
    const res = await graph(sim, 'POST', `/v27.0/${PAGE.id}/pass_thread_control`, PAGE.accessToken, {
      json: { recipient: { id: JANE_IG }, target_app_id: BOT },
    });
    expect(res.body).toMatchObject({ error: { code: 100, error_subcode: 2534037 } });
  });
});

describe('meta-sim: Graph v27.0 and Instagram quick replies', () => {
  let sim: RunningMetaSim;
  beforeAll(async () => {
    sim = await startTestSim();
  });
  beforeEach(() => sim.reset());
  afterAll(() => sim.close());

  it('refuses multi-ID lookups, field aliases and method override on v27+, keeps them on older versions', async () => {
    const [a, b] = SIM_SEED.instagramCustomers;
    const ids = { ids: `${a.igsid},${b.igsid}`, fields: 'username' };
    expect((await graph(sim, 'GET', '/v27.0/', PAGE.accessToken, { query: ids })).body).toMatchObject({ error: { code: 12 } });
    expect((await graph(sim, 'GET', '/v26.0/', PAGE.accessToken, { query: ids })).status).toBe(200);

    const aliased = await graph(sim, 'GET', `/v25.0/${PAGE.id}`, PAGE.accessToken, {
      query: { fields: 'name.as(title),instagram_business_account{username.as(handle)}' },
    });
    expect(aliased.body).toEqual({
      title: PAGE.name,
      instagram_business_account: { handle: SIM_SEED.instagram.username, id: SIM_SEED.instagram.id },
      id: PAGE.id,
    });
    expect((await graph(sim, 'GET', `/v27.0/${PAGE.id}`, PAGE.accessToken, { query: { fields: 'name.as(title)' } })).body).toMatchObject({
      error: { code: 12 },
    });

    const tunnelled = await graph(sim, 'POST', `/v27.0/${SIM_SEED.fbComments.onStatus}`, PAGE.accessToken, { query: { method: 'delete' } });
    expect(tunnelled.body).toMatchObject({ error: { code: 12 } });
    expect((await graph(sim, 'POST', `/v24.0/${SIM_SEED.fbComments.onStatus}`, PAGE.accessToken, { query: { method: 'delete' } })).body).toEqual({
      success: true,
    });
  });

  it('answers facebook-api-version: the requested version, v27.0 when unversioned', async () => {
    expect((await graph(sim, 'GET', '/v23.0/me', PAGE.accessToken)).headers.get('facebook-api-version')).toBe('v23.0');
    expect((await graph(sim, 'GET', '/me', PAGE.accessToken)).headers.get('facebook-api-version')).toBe('v27.0');
  });

  it('refuses user_phone_number / user_email quick replies on Instagram (100/2534015), keeps them on Messenger', async () => {
    for (const contentType of ['user_phone_number', 'user_email']) {
      const ig = await graph(sim, 'POST', `/v27.0/${PAGE.id}/messages`, PAGE.accessToken, {
        json: { recipient: { id: SIM_SEED.instagramCustomers[0].igsid }, message: { text: 'Your number?', quick_replies: [{ content_type: contentType }] } },
      });
      expect(ig.body).toMatchObject({ error: { code: 100, error_subcode: 2534015 } });
    }
    const fb = await graph(sim, 'POST', `/v27.0/${PAGE.id}/messages`, PAGE.accessToken, {
      json: { recipient: { id: JANE }, messaging_type: 'RESPONSE', message: { text: 'Your email?', quick_replies: [{ content_type: 'user_email' }] } },
    });
    expect(fb.status).toBe(200);
  });
});
