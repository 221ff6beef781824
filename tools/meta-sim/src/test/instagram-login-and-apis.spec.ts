import type { RunningMetaSim } from '../index';
import { SIM_SEED } from '../index';
import { control, graph, startTestSim, WebhookReceiver } from './sim-test-kit';

const IGL = SIM_SEED.instagramLogin;
const CLIENT = SIM_SEED.instagramLoginCustomers[0];

describe('meta-sim: Instagram Login host, Conversations API, comments, CAPI', () => {
  let sim: RunningMetaSim;
  let hooks: WebhookReceiver;
  beforeAll(async () => {
    hooks = await new WebhookReceiver().start();
    sim = await startTestSim({ webhooks: { instagram: `${hooks.url}/ig`, page: `${hooks.url}/fb` } });
  });
  beforeEach(() => {
    sim.reset();
    hooks.received.length = 0;
  });
  afterAll(async () => {
    await sim.close();
    await hooks.close();
  });

  it('sends on graph.instagram.com with a Bearer IG token and echoes to the instagram callback', async () => {
    const res = await fetch(`${sim.instagramBaseUrl}/v23.0/me/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${IGL.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ recipient: { id: CLIENT.igsid }, message: { text: 'Class starts at 9' } }),
    });
    const body = (await res.json()) as { recipient_id: string; message_id: string };
    expect(body).toEqual({ recipient_id: CLIENT.igsid, message_id: expect.any(String) });
    await sim.flushWebhooks();
    expect(hooks.received[0]?.json.entry[0]).toMatchObject({ id: IGL.id, messaging: [{ message: { is_echo: true, mid: body.message_id } }] });
  });

  it('manages IG-login subscriptions with POST/GET/DELETE /me/subscribed_apps', async () => {
    const del = await graph(sim, 'DELETE', '/v23.0/me/subscribed_apps', IGL.accessToken, { base: sim.instagramBaseUrl });
    expect(del.body).toEqual({ success: true });
    sim.customerSends(CLIENT.igsid, { text: 'hello?' });
    await sim.flushWebhooks();
    expect(hooks.received).toHaveLength(0);
    const sub = await graph(sim, 'POST', '/v23.0/me/subscribed_apps', IGL.accessToken, {
      base: sim.instagramBaseUrl,
      query: { subscribed_fields: 'messages,comments' },
    });
    expect(sub.body).toEqual({ success: true });
    const bad = await graph(sim, 'POST', '/v23.0/me/subscribed_apps', IGL.accessToken, { base: sim.instagramBaseUrl, query: { subscribed_fields: 'feed' } });
    expect(bad.body).toMatchObject({ error: { code: 100 } });
    sim.customerSends(CLIENT.igsid, { text: 'now?' });
    await sim.flushWebhooks();
    expect(hooks.received).toHaveLength(1);
  });

  it('lists conversations and messages (Conversations API) for Messenger and Instagram', async () => {
    const jane = SIM_SEED.messengerCustomers[0];
    const list = await graph<{ data: Array<{ id: string; updated_time: string }> }>(
      sim,
      'GET',
      `/v23.0/${SIM_SEED.page.id}/conversations`,
      SIM_SEED.page.accessToken,
      { query: { platform: 'messenger', fields: 'id,updated_time,participants' } },
    );
    expect(list.body.data).toHaveLength(4);
    const one = await graph<{ data: Array<{ id: string }> }>(sim, 'GET', `/v23.0/${SIM_SEED.page.id}/conversations`, SIM_SEED.page.accessToken, {
      query: { platform: 'messenger', user_id: jane.psid },
    });
    const convId = one.body.data[0]?.id ?? '';
    const msgs = await graph<{ data: Array<Record<string, unknown>> }>(sim, 'GET', `/v23.0/${convId}/messages`, SIM_SEED.page.accessToken, {
      query: { fields: 'id,created_time,from,to,message' },
    });
    expect(msgs.body.data[0]).toEqual({
      id: expect.any(String),
      created_time: expect.stringMatching(/\+0000$/),
      from: { name: jane.name, email: `${jane.psid}@facebook.com`, id: jane.psid },
      to: { data: [expect.objectContaining({ id: SIM_SEED.page.id })] },
      message: 'Thanks!',
    });
    const ig = await graph<{ data: Array<{ id: string; messages: { data: Array<{ from: { username: string } }> } }> }>(
      sim,
      'GET',
      `/v23.0/${SIM_SEED.page.id}/conversations`,
      SIM_SEED.page.accessToken,
      { query: { platform: 'instagram', fields: 'messages{from,message}', limit: '2' } },
    );
    expect(ig.body.data).toHaveLength(2);
    expect((ig.body as unknown as { paging: { next: string } }).paging.next).toContain('after=');
    const igl = await graph<{ data: unknown[] }>(sim, 'GET', '/v23.0/me/conversations', IGL.accessToken, {
      base: sim.instagramBaseUrl,
      query: { platform: 'instagram' },
    });
    expect(igl.body.data).toHaveLength(2);
  });

  it('replies to, hides, unhides and deletes comments', async () => {
    const reply = await graph<{ id: string }>(sim, 'POST', `/v23.0/${SIM_SEED.igComments.onReel}/replies`, SIM_SEED.page.accessToken, {
      query: { message: 'It is an original!' },
    });
    expect(reply.body.id).toEqual(expect.any(String));
    const hide = await graph(sim, 'POST', `/v23.0/${SIM_SEED.igComments.onReel}`, SIM_SEED.page.accessToken, { query: { hide: 'true' } });
    expect(hide.body).toEqual({ success: true });
    const details = await graph(sim, 'GET', `/v23.0/${SIM_SEED.igComments.onReel}`, SIM_SEED.page.accessToken, {
      query: { fields: 'id,text,from,hidden,media{id}' },
    });
    expect(details.body).toEqual({
      id: SIM_SEED.igComments.onReel,
      text: 'song name?',
      from: { id: SIM_SEED.instagramCustomers[1].igsid, username: 'reel.fan' },
      hidden: true,
      media: { id: SIM_SEED.media.reel },
    });
    const fbReply = await graph<{ id: string }>(sim, 'POST', `/v23.0/${SIM_SEED.fbComments.onStatus}/comments`, SIM_SEED.page.accessToken, {
      json: { message: 'Yes, from 9am' },
    });
    expect(fbReply.body.id).toContain('_');
    const fbHide = await graph(sim, 'POST', `/v23.0/${SIM_SEED.fbComments.onStatus}`, SIM_SEED.page.accessToken, { json: { is_hidden: true } });
    expect(fbHide.body).toEqual({ success: true });
    const del = await graph(sim, 'DELETE', `/v23.0/${SIM_SEED.fbComments.onStatus}`, SIM_SEED.page.accessToken);
    expect(del.body).toEqual({ success: true });
    const gone = await graph(sim, 'GET', `/v23.0/${SIM_SEED.fbComments.onStatus}`, SIM_SEED.page.accessToken);
    expect(gone.body).toMatchObject({ error: { code: 100, error_subcode: 33 } });
    await sim.flushWebhooks();
    expect(hooks.changes().map((c) => [c.field, c.value['verb'] ?? 'add'])).toEqual([
      ['comments', 'add'],
      ['feed', 'add'],
      ['feed', 'hide'],
      ['feed', 'remove'],
    ]);
  });

  it('exposes mentions as field expansions and fires mentions webhooks', async () => {
    const seeded = await graph<{ mentioned_media: Record<string, unknown> }>(sim, 'GET', `/v23.0/${SIM_SEED.instagram.id}`, SIM_SEED.page.accessToken, {
      query: { fields: `mentioned_media.media_id(${SIM_SEED.media.mentioned}){id,caption,media_type,username}` },
    });
    expect(seeded.body).toEqual({
      id: SIM_SEED.instagram.id,
      mentioned_media: { id: SIM_SEED.media.mentioned, caption: expect.stringContaining('@example.store'), media_type: 'IMAGE', username: 'sofia.designs' },
    });
    const viaComment = await control<{ mediaId: string; commentId: string }>(sim, 'POST', '/mentions', {
      username: 'kai.mueller',
      commentText: 'cc @example.store',
    });
    await sim.flushWebhooks();
    expect(hooks.changes()).toEqual([{ field: 'mentions', value: { comment_id: viaComment.body.commentId, media_id: viaComment.body.mediaId } }]);
    const comment = await graph<{ mentioned_comment: Record<string, unknown> }>(sim, 'GET', `/v23.0/${SIM_SEED.instagram.id}`, SIM_SEED.page.accessToken, {
      query: { fields: `mentioned_comment.comment_id(${viaComment.body.commentId}){id,text,username}` },
    });
    expect(comment.body.mentioned_comment).toEqual({ id: viaComment.body.commentId, text: 'cc @example.store', username: 'kai.mueller' });
    const missing = await graph(sim, 'GET', `/v23.0/${SIM_SEED.instagram.id}`, SIM_SEED.page.accessToken, { query: { fields: 'mentioned_media{id}' } });
    expect(missing.body).toMatchObject({ error: { code: 100 } });
  });

  it('accepts Conversions API events and rejects the whole batch when one is older than 7 days', async () => {
    const now = Math.floor(Date.now() / 1000);
    const hashed = 'a'.repeat(64);
    const event = {
      event_name: 'Purchase',
      event_time: now,
      action_source: 'business_messaging',
      messaging_channel: 'instagram',
      user_data: { ig_account_id: SIM_SEED.instagram.id, ig_sid: SIM_SEED.instagramCustomers[0].igsid, em: hashed },
      custom_data: { value: 10, currency: 'EUR' },
    };
    const ok = await graph(sim, 'POST', `/v23.0/${SIM_SEED.pixel.id}/events`, SIM_SEED.page.accessToken, { json: { data: [event], test_event_code: 'TEST1' } });
    expect(ok.body).toEqual({ events_received: 1, messages: [], fbtrace_id: expect.any(String) });
    const old = await graph(sim, 'POST', `/v23.0/${SIM_SEED.pixel.id}/events`, SIM_SEED.page.accessToken, {
      json: { data: [event, { ...event, event_time: now - 8 * 86400 }] },
    });
    expect(old.body).toMatchObject({ error: { code: 100 } });
    const unhashed = await graph(sim, 'POST', `/v23.0/${SIM_SEED.pixel.id}/events`, SIM_SEED.page.accessToken, {
      json: { data: [{ ...event, user_data: { em: 'jane@example.com' } }] },
    });
    expect(unhashed.body).toMatchObject({ error: { code: 100 } });
    const stored = await control<{ data: unknown[] }>(sim, 'GET', `/pixels/${SIM_SEED.pixel.id}/events`);
    expect(stored.body.data).toHaveLength(1);
  });

  it('serves the utility template library and clones from it', async () => {
    const lib = await graph<{ data: Array<{ name: string; language: string; body: string }> }>(
      sim,
      'GET',
      '/v23.0/message_template_library',
      SIM_SEED.page.accessToken,
      { query: { name_or_content: 'order', language: 'en_US' } },
    );
    expect(lib.body.data.map((t) => t.name)).toEqual(['order_confirmation', 'shipping_update']);
    const clone = await graph<{ id: string; status: string }>(sim, 'POST', `/v23.0/${SIM_SEED.page.id}/message_templates`, SIM_SEED.page.accessToken, {
      json: { name: 'my_order_confirmation', category: 'UTILITY', language: 'en_US', library_template_name: 'order_confirmation' },
    });
    expect(clone.body.status).toBe('PENDING');
    const tpl = await graph<{ components: Array<{ text: string }> }>(sim, 'GET', `/v23.0/${clone.body.id}`, SIM_SEED.page.accessToken, {
      query: { fields: 'components' },
    });
    expect(tpl.body.components[0]?.text).toBe(lib.body.data[0]?.body);
  });

  it('creates one CAPI dataset per Page / IG account and accepts events on it', async () => {
    const first = await graph<{ id: string }>(sim, 'POST', `/v23.0/${SIM_SEED.instagram.id}/dataset`, SIM_SEED.page.accessToken);
    const again = await graph<{ id: string }>(sim, 'POST', `/v23.0/${SIM_SEED.instagram.id}/dataset`, SIM_SEED.page.accessToken);
    expect(again.body.id).toBe(first.body.id);
    const page = await graph<{ id: string }>(sim, 'POST', `/v23.0/${SIM_SEED.page.id}/dataset`, SIM_SEED.page.accessToken);
    expect(page.body.id).not.toBe(first.body.id);
    const now = Math.floor(Date.now() / 1000);
    const ok = await graph(sim, 'POST', `/v23.0/${first.body.id}/events`, SIM_SEED.page.accessToken, {
      json: {
        data: [
          {
            event_name: 'LeadSubmitted',
            event_time: now,
            action_source: 'business_messaging',
            messaging_channel: 'instagram',
            user_data: { ig_account_id: SIM_SEED.instagram.id, ig_sid: SIM_SEED.instagramCustomers[0].igsid },
          },
        ],
      },
    });
    expect(ok.body).toMatchObject({ events_received: 1 });
  });

  it('serves the customer phone page with stable test ids and marks business messages read on open', async () => {
    const html = await (await fetch(`${sim.url}/phone`)).text();
    for (const id of ['phone-customer-select', 'phone-input', 'phone-send', 'phone-thread', 'phone-typing', 'phone-attach', 'phone-tab-posts'])
      expect(html).toContain(`data-testid="${id}"`);
    const jane = SIM_SEED.instagramCustomers[0].igsid;
    const sent = await graph<{ message_id: string }>(sim, 'POST', `/v23.0/${SIM_SEED.page.id}/messages`, SIM_SEED.page.accessToken, {
      json: { recipient: { id: jane }, message: { text: 'New arrivals!' } },
    });
    const read = await control<{ read: number }>(sim, 'POST', `/customers/${jane}/read`);
    expect(read.body.read).toBe(1);
    const conv = await control<{ messages: Array<{ mid: string; readAt?: number }> }>(sim, 'GET', `/customers/${jane}/conversation`);
    expect(conv.body.messages.find((m) => m.mid === sent.body.message_id)?.readAt).toEqual(expect.any(Number));
    const sample = await fetch(`${sim.url}/cdn/samples/photo-2.png`);
    expect(sample.headers.get('content-type')).toBe('image/png');
    expect((await sample.arrayBuffer()).byteLength).toBeGreaterThan(100);
  });
});
