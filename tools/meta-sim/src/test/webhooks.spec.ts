import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RunningMetaSim } from '../index';
import { SIM_SEED } from '../index';
import { control, graph, startTestSim, WebhookReceiver } from './sim-test-kit';

const PAGE = SIM_SEED.page;
const LUCIA = SIM_SEED.messengerCustomers[3]; // name has non-ASCII characters
const JANE_IG = SIM_SEED.instagramCustomers[0];

function verify(raw: Buffer, header: string | string[] | undefined, secret: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`);
  const given = Buffer.from(String(header ?? ''));
  return expected.length === given.length && timingSafeEqual(expected, given);
}

describe('meta-sim: webhook delivery', () => {
  let sim: RunningMetaSim;
  let hooks: WebhookReceiver;
  beforeAll(async () => {
    hooks = await new WebhookReceiver().start();
    sim = await startTestSim({ webhooks: { instagram: `${hooks.url}/ig`, page: `${hooks.url}/fb` } });
  });
  beforeEach(() => {
    sim.reset();
    sim.setWebhookUrls({ instagram: `${hooks.url}/ig`, page: `${hooks.url}/fb` });
    hooks.received.length = 0;
    hooks.status = () => 200;
  });
  afterAll(async () => {
    await sim.close();
    await hooks.close();
  });

  it('signs the exact bytes with X-Hub-Signature-256 and escapes non-ASCII as \\uXXXX', async () => {
    sim.customerSends(LUCIA.psid, { text: '¿Tienen la talla M? 😍' });
    await sim.flushWebhooks();
    expect(hooks.received).toHaveLength(1);
    const hook = hooks.received[0];
    expect(hook?.path).toBe('/fb');
    expect(verify(hook?.raw ?? Buffer.alloc(0), hook?.headers['x-hub-signature-256'], sim.appSecret)).toBe(true);
    expect(verify(hook?.raw ?? Buffer.alloc(0), hook?.headers['x-hub-signature-256'], 'wrong-secret')).toBe(false);
    const text = hook?.raw.toString('utf8') ?? '';
    expect(text).toContain('\\u00bfTienen la talla M? \\ud83d\\ude0d');
    expect([...text].every((ch) => ch.charCodeAt(0) < 0x80)).toBe(true);
    expect(hook?.json).toEqual({
      object: 'page',
      entry: [
        {
          id: PAGE.id,
          time: expect.any(Number),
          messaging: [
            {
              sender: { id: LUCIA.psid },
              recipient: { id: PAGE.id },
              timestamp: expect.any(Number),
              message: { mid: expect.any(String), text: '¿Tienen la talla M? 😍' },
            },
          ],
        },
      ],
    });
  });

  it('redelivers a seeded customer message with its original mid and time (Aiko, 8 days ago)', async () => {
    const aiko = SIM_SEED.messengerCustomers[2];
    const res = await control<{ mid: string; timestamp: number }>(sim, 'POST', `/customers/${aiko.psid}/redeliver`, {});
    expect(res.status).toBe(200);
    expect(Date.now() - res.body.timestamp).toBeGreaterThan(8 * 24 * 3_600_000 - 60_000);
    await sim.flushWebhooks();
    const item = (hooks.received[0]?.json.entry[0]?.['messaging'] as Array<Record<string, unknown>>)[0];
    expect(item).toMatchObject({ sender: { id: aiko.psid }, timestamp: res.body.timestamp, message: { mid: res.body.mid, text: expect.any(String) } });
    expect((await control(sim, 'POST', '/customers/7123456789012349/redeliver', {})).status).toBe(404);
  });

  it('batches pending events into one POST', async () => {
    sim.customerSends(JANE_IG.igsid, { text: 'one' });
    sim.customerSends(JANE_IG.igsid, { text: 'two' });
    sim.customerSends(SIM_SEED.instagramCustomers[1].igsid, { text: 'three' });
    await sim.flushWebhooks();
    expect(hooks.received).toHaveLength(1);
    const body = hooks.received[0]?.json;
    expect(body?.object).toBe('instagram');
    expect(hooks.messaging().map((m) => (m['message'] as { text: string }).text)).toEqual(['one', 'two', 'three']);
  });

  it('retries on non-200 with backoff and records every attempt', async () => {
    hooks.status = (n) => (n < 3 ? 500 : 200);
    sim.customerSends(JANE_IG.igsid, { text: 'retry me' });
    await sim.flushWebhooks();
    expect(hooks.received).toHaveLength(3);
    expect(hooks.received.map((r) => r.raw.toString())).toEqual(Array(3).fill(hooks.received[0]?.raw.toString()));
    const attempts = (await control<{ data: Array<{ attempt: number; status: number; ok: boolean }> }>(sim, 'GET', '/deliveries')).body.data;
    expect(attempts.map((a) => [a.attempt, a.status, a.ok])).toEqual([
      [1, 500, false],
      [2, 500, false],
      [3, 200, true],
    ]);
  });

  it('unsubscribes the app from an account whose messaging webhooks keep failing (Meta: after 1 h)', async () => {
    hooks.status = () => 500;
    sim.context.webhooks.options.disableAfterMs = 50;
    sim.customerSends(LUCIA.psid, { text: 'anyone?' });
    await sim.flushWebhooks();
    sim.context.webhooks.options.disableAfterMs = 3_600_000;
    const deliveries = (await control<{ disabledSubscriptions: Array<{ accountId: string }> }>(sim, 'GET', '/deliveries')).body;
    expect(deliveries.disabledSubscriptions.map((d) => d.accountId)).toEqual([PAGE.id]);
    const list = await graph(sim, 'GET', `/v23.0/${PAGE.id}/subscribed_apps`, PAGE.accessToken);
    expect(list.body).toEqual({ data: [] });
    hooks.status = () => 200;
    const resub = await graph(sim, 'POST', `/v23.0/${PAGE.id}/subscribed_apps`, PAGE.accessToken, { query: { subscribed_fields: 'messages' } });
    expect(resub.body).toEqual({ success: true });
  });

  it('echoes business sends (is_echo, app_id, metadata) and reports delivery, then read when the customer reads', async () => {
    const res = await graph<{ message_id: string }>(sim, 'POST', `/v23.0/${PAGE.id}/messages`, PAGE.accessToken, {
      json: { recipient: { id: LUCIA.psid }, messaging_type: 'RESPONSE', message: { text: 'Sí, la tenemos', metadata: 'crm-1' } },
    });
    await sim.flushWebhooks();
    const items = hooks.messaging();
    expect(items).toContainEqual({
      sender: { id: PAGE.id },
      recipient: { id: LUCIA.psid },
      timestamp: expect.any(Number),
      message: { mid: res.body.message_id, text: 'Sí, la tenemos', is_echo: true, app_id: Number(SIM_SEED.app.id), metadata: 'crm-1' },
    });
    expect(items).toContainEqual({
      sender: { id: LUCIA.psid },
      recipient: { id: PAGE.id },
      delivery: { mids: [res.body.message_id], watermark: expect.any(Number) },
    });
    hooks.received.length = 0;
    await control(sim, 'POST', `/customers/${LUCIA.psid}/read`);
    await sim.flushWebhooks();
    expect(hooks.messaging()).toEqual([
      { sender: { id: LUCIA.psid }, recipient: { id: PAGE.id }, timestamp: expect.any(Number), read: { watermark: expect.any(Number) } },
    ]);
  });

  it('delivers Instagram echoes and messaging_seen with the message id', async () => {
    const res = await graph<{ message_id: string }>(sim, 'POST', `/v23.0/${PAGE.id}/messages`, PAGE.accessToken, {
      json: { recipient: { id: JANE_IG.igsid }, message: { text: 'hey' } },
    });
    await control(sim, 'POST', `/customers/${JANE_IG.igsid}/read`);
    await sim.flushWebhooks();
    const items = hooks.messaging();
    expect(items[0]).toEqual({
      sender: { id: SIM_SEED.instagram.id },
      recipient: { id: JANE_IG.igsid },
      timestamp: expect.any(Number),
      message: { mid: res.body.message_id, text: 'hey', is_echo: true },
    });
    expect(items[1]).toEqual({
      sender: { id: JANE_IG.igsid },
      recipient: { id: SIM_SEED.instagram.id },
      timestamp: expect.any(Number),
      read: { mid: res.body.message_id },
    });
  });

  it('turns customer actions into the right webhook shapes', async () => {
    const { mid } = sim.customerSends(JANE_IG.igsid, { text: 'Do you ship to Austria?' });
    await control(sim, 'POST', `/customers/${JANE_IG.igsid}/reactions`, { mid, reaction: 'love' });
    await control(sim, 'POST', `/customers/${JANE_IG.igsid}/edit`, { mid, text: 'Do you ship to Vienna?' });
    await control(sim, 'POST', `/customers/${JANE_IG.igsid}/unsend`, { mid });
    await control(sim, 'POST', `/customers/${JANE_IG.igsid}/story-mention`);
    await control(sim, 'POST', `/customers/${JANE_IG.igsid}/referral`, { ref: 'bio_link', source: 'SHORTLINK' });
    await control(sim, 'POST', `/customers/${JANE_IG.igsid}/postback`, { title: 'Track my order', payload: 'IB_TRACK_ORDER' });
    await control(sim, 'POST', `/customers/${JANE_IG.igsid}/messages`, { text: 'Live chat now', quickReply: { payload: 'QR_LIVE_CHAT' } });
    await control(sim, 'POST', `/customers/${JANE_IG.igsid}/messages`, { text: 'Love this!', storyId: SIM_SEED.media.story });
    await control(sim, 'POST', `/customers/${JANE_IG.igsid}/messages`, { attachments: [{ type: 'video' }] });
    await control(sim, 'POST', `/customers/${JANE_IG.igsid}/comments`, { objectId: SIM_SEED.media.post, text: 'Which sizes are left?' });
    await sim.flushWebhooks();
    const m = hooks.messaging();
    expect(m[1]).toMatchObject({ reaction: { mid, action: 'react', reaction: 'love', emoji: '❤️' } });
    expect(m[2]).toMatchObject({ message_edit: { mid, text: 'Do you ship to Vienna?', num_edit: 1 } });
    expect(m[3]).toMatchObject({ message: { mid, is_deleted: true } });
    expect(m[4]).toMatchObject({ message: { attachments: [{ type: 'story_mention', payload: { url: expect.stringContaining('/cdn/') } }] } });
    expect(m[5]).toMatchObject({ referral: { ref: 'bio_link', source: 'SHORTLINK', type: 'OPEN_THREAD' } });
    expect(m[6]).toMatchObject({ postback: { mid: expect.any(String), title: 'Track my order', payload: 'IB_TRACK_ORDER' } });
    expect(m[7]).toMatchObject({ message: { text: 'Live chat now', quick_reply: { payload: 'QR_LIVE_CHAT' } } });
    expect(m[8]).toMatchObject({
      message: { text: 'Love this!', reply_to: { story: { url: expect.stringContaining('/cdn/media/'), id: SIM_SEED.media.story } } },
    });
    expect(m[9]).toMatchObject({ message: { attachments: [{ type: 'video', payload: { url: expect.stringContaining('/cdn/samples/clip.mp4') } }] } });
    expect(hooks.changes()).toEqual([
      {
        field: 'comments',
        value: {
          from: { id: JANE_IG.igsid, username: JANE_IG.username },
          media: { id: SIM_SEED.media.post, media_product_type: 'FEED' },
          id: expect.any(String),
          text: 'Which sizes are left?',
        },
      },
    ]);
  });

  it('delivers Facebook feed comments with epoch-second times', async () => {
    await control(sim, 'POST', `/customers/${LUCIA.psid}/comments`, { objectId: SIM_SEED.posts.photo, text: 'Precio?' });
    await sim.flushWebhooks();
    const entry = hooks.received[0]?.json.entry[0];
    expect(String(entry?.['time'])).toHaveLength(10);
    expect(hooks.changes()[0]).toEqual({
      field: 'feed',
      value: expect.objectContaining({
        item: 'comment',
        verb: 'add',
        post_id: SIM_SEED.posts.photo,
        parent_id: SIM_SEED.posts.photo,
        message: 'Precio?',
        from: { id: LUCIA.feedUserId, name: LUCIA.name },
      }),
    });
  });

  it('only delivers to subscribed accounts and fields', async () => {
    await control(sim, 'POST', `/subscriptions/${PAGE.id}/drop`);
    sim.customerSends(LUCIA.psid, { text: 'anyone?' });
    sim.customerSends(JANE_IG.igsid, { text: 'hello?' }); // IG via Page: needs the Page subscription too
    await sim.flushWebhooks();
    expect(hooks.received).toHaveLength(0);
    const skipped = (await control<{ skipped: Array<{ reason: string }> }>(sim, 'GET', '/deliveries')).body.skipped;
    expect(skipped.map((s) => s.reason)).toEqual(['not_subscribed', 'not_subscribed']);
    const sub = await graph(sim, 'POST', `/v23.0/${PAGE.id}/subscribed_apps`, PAGE.accessToken, { query: { subscribed_fields: 'feed' } });
    expect(sub.body).toEqual({ success: true });
    sim.customerSends(LUCIA.psid, { text: 'now?' }); // `messages` not subscribed
    await control(sim, 'POST', `/customers/${LUCIA.psid}/comments`, { objectId: SIM_SEED.posts.photo, text: 'feed works' });
    await sim.flushWebhooks();
    expect(hooks.received).toHaveLength(1);
    expect(hooks.changes()[0]?.field).toBe('feed');
    const list = await graph(sim, 'GET', `/v23.0/${PAGE.id}/subscribed_apps`, PAGE.accessToken);
    expect(list.body).toEqual({ data: [expect.objectContaining({ id: SIM_SEED.app.id, subscribed_fields: ['feed'] })] });
  });

  it('can duplicate and reorder deliveries for tests', async () => {
    sim.setDeliveryBehaviour({ duplicate: true });
    sim.customerSends(JANE_IG.igsid, { text: 'dup' });
    await sim.flushWebhooks();
    expect(hooks.received).toHaveLength(2);
    expect(hooks.received[0]?.raw.equals(hooks.received[1]?.raw ?? Buffer.alloc(0))).toBe(true);
    hooks.received.length = 0;
    sim.setDeliveryBehaviour({ duplicate: false, outOfOrder: true });
    sim.customerSends(JANE_IG.igsid, { text: 'first' });
    sim.customerSends(JANE_IG.igsid, { text: 'second' });
    await sim.flushWebhooks();
    expect(hooks.received).toHaveLength(2);
    expect(hooks.messaging().map((m) => (m['message'] as { text: string }).text)).toEqual(['second', 'first']);
  });

  it('configures the page callback through POST /{app-id}/subscriptions with the handshake', async () => {
    const ok = await graph(sim, 'POST', `/v23.0/${sim.appId}/subscriptions`, SIM_SEED.app.accessToken, {
      query: { object: 'page', callback_url: `${hooks.url}/fb-app`, verify_token: 'sim-verify-token', fields: 'messages' },
    });
    expect(ok.body).toEqual({ success: true });
    const bad = await graph(sim, 'POST', `/v23.0/${sim.appId}/subscriptions`, SIM_SEED.app.accessToken, {
      query: { object: 'page', callback_url: `${hooks.url}/x`, verify_token: 'nope' },
    });
    expect(bad.body).toMatchObject({ error: { code: 100 } });
    const ig = await graph(sim, 'POST', `/v23.0/${sim.appId}/subscriptions`, SIM_SEED.app.accessToken, {
      query: { object: 'instagram', callback_url: `${hooks.url}/x`, verify_token: 'sim-verify-token' },
    });
    expect(ig.body).toMatchObject({ error: { code: 100 } });
    const list = await graph<{ data: Array<{ object: string; callback_url: string }> }>(
      sim,
      'GET',
      `/v23.0/${sim.appId}/subscriptions`,
      SIM_SEED.app.accessToken,
    );
    expect(list.body.data.find((d) => d.object === 'page')?.callback_url).toBe(`${hooks.url}/fb-app`);
  });

  it('sends story_insights changes with counts below 5 reported as -1', async () => {
    await control(sim, 'POST', `/stories/${SIM_SEED.media.story}/insights-webhook`);
    await sim.flushWebhooks();
    expect(hooks.changes()).toEqual([
      {
        field: 'story_insights',
        value: { media_id: SIM_SEED.media.story, exits: -1, replies: -1, reach: 152, taps_forward: 40, taps_back: 6, impressions: 190 },
      },
    ]);
  });

  it('verifies callback URLs with the hub.challenge handshake', async () => {
    const ok = await control<{ ok: boolean; status: number }>(sim, 'PUT', '/webhooks', {
      object: 'page',
      callbackUrl: `${hooks.url}/fb2`,
      verifyToken: 'sim-verify-token',
    });
    expect(ok.body).toMatchObject({ ok: true, status: 200 });
    const bad = await control<{ ok: boolean; status: number }>(sim, 'PUT', '/webhooks', {
      object: 'page',
      callbackUrl: `${hooks.url}/fb3`,
      verifyToken: 'wrong',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ ok: false, status: 403 });
    sim.customerSends(LUCIA.psid, { text: 'to fb2' });
    await sim.flushWebhooks();
    expect(hooks.received[0]?.path).toBe('/fb2');
  });
});
