import {
  ChannelDto,
  ClientToServerEvents,
  ConversationDto,
  ConversationOptinsResponse,
  OptinsUpdatedEvent,
  ConversationListResponse,
  ReplyPolicyResponse,
  ServerToClientEvents,
  WebhookEventDetailDto,
  WebhookEventListResponse,
} from '@ticklegram/domain-models';
import { SIM_SEED } from '@ticklegram/meta-sim';
import { io, Socket } from 'socket.io-client';
import { IngestionHarness, startIngestionHarness, waitFor } from '../utils/webhooks-harness';

const FB = SIM_SEED.messengerCustomers;
const IG = SIM_SEED.instagramCustomers;
const PAGE_INBOX = SIM_SEED.otherApps.pageInbox.id;
const BOT = SIM_SEED.otherApps.bot.id;

/**
 * Messenger's platform events applied and shown, with the simulator playing Meta and the other apps on
 * the Page: Handover Protocol and standby (the conversation's thread owner, live), policy enforcement
 * (the Page's restriction on its channel and in the reply policy), app roles, opt-ins per customer.
 */
describe('Messenger platform events (integration)', () => {
  let h: IngestionHarness;
  const as = (path: string) => h.t.http.get(path).set('Authorization', `Bearer ${h.admin}`);
  const conversationOf = async (customerExternalId: string): Promise<ConversationDto> => {
    const list = (await as('/api/conversations?limit=100')).body as ConversationListResponse;
    const found = list.items.find((c) => c.contact.externalId === customerExternalId);
    if (!found) throw new Error(`no conversation for ${customerExternalId}`);
    return found;
  };
  const policyOf = async (conversationId: string) => (await as(`/api/conversations/${conversationId}/reply-policy`)).body as ReplyPolicyResponse;
  const pageChannel = async () => ((await as('/api/channels')).body as ChannelDto[]).find((c) => c.externalId === SIM_SEED.page.id) as ChannelDto;
  const handover = (customer: string, body: object) => h.control(`/_sim/customers/${customer}/handover`, body);
  const sends = async (customer: string, text: string) => {
    const { mid } = h.sim.customerSends(customer, { text });
    await h.settle();
    return mid;
  };

  beforeAll(async () => {
    h = await startIngestionHarness();
  });
  afterAll(() => h?.close());

  it('another app taking the thread shows it as owned by that app, live, and the reply policy says why nothing can be sent', async () => {
    const customer = FB[3].psid;
    await sends(customer, 'Do you have it in blue?');
    const conversation = await conversationOf(customer);
    expect(conversation.threadOwner).toEqual({ ownedBy: 'this_app', appId: null, appName: null, since: null });

    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(h.t.url, { auth: { token: h.admin }, transports: ['websocket'] });
    const updates: ConversationDto[] = [];
    socket.on('conversation.updated', ({ conversation: c }) => c.id === conversation.id && updates.push(c));
    await new Promise<void>((resolve) => socket.on('session.ready', () => resolve()));
    try {
      await handover(customer, { action: 'take' });
      await h.settle();
      const taken = await conversationOf(customer);
      expect(taken.threadOwner).toMatchObject({ ownedBy: 'other_app', appId: PAGE_INBOX, appName: 'Meta Business Suite inbox' });
      await waitFor(async () => updates.some((c) => c.threadOwner?.ownedBy === 'other_app'), 5000, 'conversation.updated with the new owner');
    } finally {
      socket.disconnect();
    }

    const policy = await policyOf(conversation.id);
    expect(policy).toMatchObject({ mode: 'blocked', reasonCode: 'THREAD_OWNED_BY_OTHER_APP', freeTextAllowed: false });
    expect(policy.reason).toMatch(/^Meta Business Suite inbox controls this conversation/);
    const sent = await h.t.http
      .post(`/api/conversations/${conversation.id}/messages`)
      .set('Authorization', `Bearer ${h.admin}`)
      .set('Idempotency-Key', 'handover-blocked-1')
      .send({ text: 'Yes!' });
    expect(sent.status).toBe(409);
    expect(sent.body.code).toBe('MESSAGING_REPLY_BLOCKED');

    // while the Page Inbox owns it, the customer's messages reach us on standby: stored, owner unchanged
    const mid = await sends(customer, 'Hello? Anyone?');
    expect(await h.count('SELECT COUNT(*) AS n FROM messages WHERE mid = ?', [mid])).toBe(1);
    expect((await conversationOf(customer)).threadOwner).toMatchObject({ ownedBy: 'other_app', appId: PAGE_INBOX });

    // the Page Inbox passes it back: ours again, replies allowed
    await handover(customer, { action: 'pass', appId: PAGE_INBOX, targetAppId: SIM_SEED.app.id });
    await h.settle();
    expect((await conversationOf(customer)).threadOwner).toMatchObject({ ownedBy: 'this_app' });
    expect((await policyOf(conversation.id)).mode).toBe('response');
  });

  it("learns another app owns a thread from standby deliveries alone, and stores this app's handover roles on the Page", async () => {
    const page = SIM_SEED.page.id;
    const setRoles = (roles: Record<string, string[]>) =>
      fetch(`${h.sim.url}/_sim/pages/${page}/app-roles`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ roles }),
      }).then((r) => expect(r.ok).toBe(true));
    await setRoles({ [BOT]: ['primary_receiver'], [SIM_SEED.app.id]: ['secondary_receiver'] });
    try {
      await h.settle();
      expect((await pageChannel()).appRoles).toEqual(['secondary_receiver']);
      const customer = FB[0].psid;
      await sends(customer, 'Is the bot answering now?');
      expect((await conversationOf(customer)).threadOwner).toMatchObject({ ownedBy: 'other_app', appId: null, appName: null });
      expect((await policyOf((await conversationOf(customer)).id)).reason).toMatch(/^Another app controls this conversation/);
    } finally {
      await setRoles({ [SIM_SEED.app.id]: ['primary_receiver'], [BOT]: ['secondary_receiver'] });
      await h.settle();
    }
    expect((await pageChannel()).appRoles).toEqual(['primary_receiver']);
    await sends(FB[0].psid, 'And now?');
    expect((await conversationOf(FB[0].psid)).threadOwner?.ownedBy).toBe('this_app');
  });

  it('a Page restricted by Meta shows on its channel and blocks replies on Messenger and on Instagram through that Page until lifted', async () => {
    await sends(FB[3].psid, 'Order status?');
    await sends(IG[0].igsid, 'Order status on Instagram?');
    const fbConversation = await conversationOf(FB[3].psid);
    const igConversation = await conversationOf(IG[0].igsid);

    await h.control(`/_sim/pages/${SIM_SEED.page.id}/policy`, { action: 'block', reason: 'Too many spam reports' });
    await h.settle();
    expect((await pageChannel()).restriction).toMatchObject({ action: 'block', reason: 'Too many spam reports' });
    for (const id of [fbConversation.id, igConversation.id]) {
      expect(await policyOf(id)).toMatchObject({ mode: 'blocked', reasonCode: 'CHANNEL_RESTRICTED' });
    }
    expect((await policyOf(fbConversation.id)).reason).toContain('Too many spam reports');
    expect(await h.count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'channel.restricted'")).toBe(1);

    // a warning never lifts a block
    await h.control(`/_sim/pages/${SIM_SEED.page.id}/policy`, { action: 'warning', reason: 'Careful' });
    await h.settle();
    expect((await pageChannel()).restriction?.action).toBe('block');

    await h.control(`/_sim/pages/${SIM_SEED.page.id}/policy`, { action: 'unblock' });
    await h.settle();
    expect((await pageChannel()).restriction).toBeNull();
    expect((await policyOf(fbConversation.id)).mode).toBe('response');
    expect((await policyOf(igConversation.id)).mode).toBe('response');

    await h.control(`/_sim/pages/${SIM_SEED.page.id}/policy`, { action: 'warning', reason: 'Response times are slow' });
    await h.settle();
    expect((await pageChannel()).restriction).toMatchObject({ action: 'warning', reason: 'Response times are slow' });
    expect((await policyOf(fbConversation.id)).mode).toBe('response');
  });

  it('stores opt-ins per customer and topic, with the token encrypted, through stop and resume, and shows them on the conversation live', async () => {
    const customer = FB[1].psid;
    await sends(customer, 'Tell me when my order ships');
    const conversation = await conversationOf(customer);
    const optinsOf = async (id: string) => (await as(`/api/conversations/${id}/optins`)).body as ConversationOptinsResponse;
    expect((await optinsOf(conversation.id)).items).toEqual([]);

    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(h.t.url, { auth: { token: h.admin }, transports: ['websocket'] });
    const pushed: OptinsUpdatedEvent[] = [];
    socket.on('optin.updated', (event) => event.conversationId === conversation.id && pushed.push(event));
    await new Promise<void>((resolve) => socket.on('session.ready', () => resolve()));
    try {
      const optin = await h.control<{ token?: string }>(`/_sim/customers/${customer}/optin`, { title: 'Order updates', payload: 'ORDERS' });
      await h.settle();
      const rows = async () =>
        h.t.dataSource.query('SELECT kind, topic, status, token_enc FROM messenger_optins WHERE psid = ?', [customer]) as Promise<
          { kind: string; topic: string; status: string; token_enc: string }[]
        >;
      const [row] = await rows();
      expect(row).toMatchObject({ kind: 'notification_messages', topic: 'Order updates', status: 'active' });
      expect(optin.token).toBeTruthy();
      expect(row.token_enc).not.toContain(optin.token as string);
      const shown = await optinsOf(conversation.id);
      expect(shown.items).toEqual([expect.objectContaining({ kind: 'notification_messages', topic: 'Order updates', status: 'active' })]);
      expect(JSON.stringify(shown)).not.toContain(optin.token as string);
      await waitFor(async () => pushed.some((e) => e.items[0]?.status === 'active'), 5000, 'optin.updated with the new opt-in');

      await h.control(`/_sim/customers/${customer}/optin/stop`, {});
      await h.settle();
      expect((await rows()).map((r) => r.status)).toEqual(['stopped']);
      expect((await optinsOf(conversation.id)).items.map((o) => o.status)).toEqual(['stopped']);
      await waitFor(async () => pushed.some((e) => e.items[0]?.status === 'stopped'), 5000, 'optin.updated with the stop');
      await h.control(`/_sim/customers/${customer}/optin/resume`, {});
      await h.settle();
      expect((await rows()).map((r) => r.status)).toEqual(['active']);
    } finally {
      socket.disconnect();
    }

    // an Instagram conversation has no Messenger opt-ins; an unknown conversation is a 404
    await sends(IG[1].igsid, 'Hi from Instagram');
    expect((await optinsOf((await conversationOf(IG[1].igsid)).id)).items).toEqual([]);
    expect((await as('/api/conversations/00000000-0000-4000-8000-000000000000/optins')).status).toBe(404);
  });

  it('an Instagram handover event (the protocol ended there in 2025) is kept and shown as unhandled', async () => {
    const at = Date.now();
    const body = JSON.stringify({
      object: 'instagram',
      entry: [
        {
          id: SIM_SEED.instagram.id,
          time: at,
          messaging: [
            {
              sender: { id: IG[0].igsid },
              recipient: { id: SIM_SEED.instagram.id },
              timestamp: at,
              pass_thread_control: { previous_owner_app_id: BOT, new_owner_app_id: SIM_SEED.app.id },
            },
          ],
        },
      ],
    });
    expect((await h.postSigned('/webhooks/instagram', body)).status).toBe(200);
    await h.settle();
    const rows = (await as('/api/webhook-events?limit=5')).body as WebhookEventListResponse;
    const detail = (await as(`/api/webhook-events/${rows.items[0].id}`)).body as WebhookEventDetailDto;
    expect(detail.items?.map((i) => [i.type, i.outcome])).toEqual([['handover', 'unhandled']]);
  });
});
