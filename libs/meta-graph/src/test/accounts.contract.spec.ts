import { RunningMetaSim, SIM_SEED, startMetaSim } from '@ticklegram/meta-sim';
import { GraphAuth, MetaGraphClient, collect } from '../index';
import { clearSimRequests, control, simClient, simRequests } from './sim-harness';

describe('Subscriptions, conversations and profiles against the Meta simulator', () => {
  let sim: RunningMetaSim;
  let client: MetaGraphClient;
  const page: GraphAuth = { accessToken: SIM_SEED.page.accessToken };
  const igLogin: GraphAuth = { accessToken: SIM_SEED.instagramLogin.accessToken, host: 'instagram' };

  beforeAll(async () => {
    // the 2/s Conversations API budget has its own spec below; keep the rest fast (the sim enforces 2/s by default)
    sim = await startMetaSim({ port: 0, conversationsPerSecond: 0 });
    client = simClient(sim, { limiter: { conversationsPerSecond: 50 } }).client;
  });
  afterAll(async () => {
    client.close();
    await sim.close();
  });
  beforeEach(() => clearSimRequests(sim));

  it('subscribes the app to a Page, lists and unsubscribes', async () => {
    expect(await client.subscriptions.subscribe(page, SIM_SEED.page.id, ['messages', 'message_echoes', 'feed'])).toEqual({ success: true });
    const [req] = await simRequests(sim, '/subscribed_apps');
    expect(req?.params['subscribed_fields']).toBe('messages,message_echoes,feed');
    const list = await client.subscriptions.list(page, SIM_SEED.page.id);
    expect(list.data).toEqual([expect.objectContaining({ id: sim.appId, subscribed_fields: ['messages', 'message_echoes', 'feed'] })]);
    expect(await client.subscriptions.unsubscribe(page, SIM_SEED.page.id)).toEqual({ success: true });
    expect((await client.subscriptions.list(page, SIM_SEED.page.id)).data).toEqual([]);
  });

  it('subscribes with the default Page fields', async () => {
    expect(await client.subscriptions.subscribe(page, SIM_SEED.page.id)).toEqual({ success: true });
  });

  it('subscribes an Instagram Login account with POST /me/subscribed_apps on graph.instagram.com', async () => {
    expect(await client.subscriptions.subscribe(igLogin, 'me', ['messages', 'comments'])).toEqual({ success: true });
    const [req] = await simRequests(sim, '/subscribed_apps');
    expect(req).toMatchObject({ host: 'instagram', path: '/me/subscribed_apps' });
  });

  it('lists Messenger and Instagram conversations and pages through their messages (backfill)', async () => {
    const messenger = await collect(client.conversations.iterateConversations(page, SIM_SEED.page.id, { platform: 'messenger', limit: 2 }));
    expect(messenger.length).toBe(SIM_SEED.messengerCustomers.length);
    expect(messenger[0]).toMatchObject({ id: expect.any(String), updated_time: expect.any(String), participants: { data: expect.any(Array) } });
    const instagram = await client.conversations.listConversations(page, SIM_SEED.page.id, {
      platform: 'instagram',
      userId: SIM_SEED.instagramCustomers[0].igsid,
    });
    expect(instagram.data).toHaveLength(1);
    const conversationId = instagram.data[0]?.id as string;
    const messages = await collect(client.conversations.iterateMessages(page, conversationId, { limit: 1, accountKey: SIM_SEED.page.id }));
    expect(messages.length).toBeGreaterThan(0);
    expect(messages[0]).toMatchObject({ id: expect.any(String), created_time: expect.any(String), from: { id: expect.any(String) } });
    const one = await client.conversations.getMessage(page, messages[0]?.id as string);
    expect(one.id).toBe(messages[0]?.id);
    const reqs = await simRequests(sim, '/conversations');
    expect(reqs[0]?.params).toMatchObject({ platform: 'messenger', limit: '2' });
  });

  it('keeps Conversations API calls to 2 per second per account', async () => {
    const local = simClient(sim).client;
    try {
      const started = performance.now();
      await Promise.all(Array.from({ length: 5 }, () => local.conversations.listConversations(page, SIM_SEED.page.id, { platform: 'messenger', limit: 1 })));
      expect(performance.now() - started).toBeGreaterThanOrEqual(2000);
    } finally {
      local.close();
    }
  });

  it('reads Instagram and Messenger customer profiles', async () => {
    const ig = await client.profiles.getInstagramUserProfile(page, SIM_SEED.instagramCustomers[0].igsid);
    expect(ig).toMatchObject({ id: SIM_SEED.instagramCustomers[0].igsid, username: 'jane.example', name: 'Jane Example' });
    const fb = await client.profiles.getMessengerUserProfile(page, SIM_SEED.messengerCustomers[0].psid);
    expect(fb).toMatchObject({ id: SIM_SEED.messengerCustomers[0].psid, first_name: 'Jane', last_name: 'Example' });
    const [req] = await simRequests(sim, `/${SIM_SEED.instagramCustomers[0].igsid}`);
    expect(String(req?.params['fields'])).toContain('profile_pic');
  });

  it('reads the connected accounts (/me with Instagram Login, the IG account via the Page)', async () => {
    const me = await client.profiles.getMe<{ id: string; user_id?: string; username?: string }>(igLogin, 'user_id,username');
    expect(me).toMatchObject({ user_id: SIM_SEED.instagramLogin.id, username: SIM_SEED.instagramLogin.username });
    const account = await client.profiles.getInstagramAccount(page, SIM_SEED.instagram.id);
    expect(account).toMatchObject({ id: SIM_SEED.instagram.id, username: SIM_SEED.instagram.username });
    const probe = await control<{ data: unknown[] }>(sim, 'GET', '/requests?path=/me');
    expect(probe.data.length).toBeGreaterThan(0);
  });
});
