import { createHash } from 'node:crypto';
import type { RunningMetaSim } from '../index';
import { SIM_SEED } from '../index';
import { control, graph, startTestSim, until, WebhookReceiver } from './sim-test-kit';

const PAGE = SIM_SEED.page;
const AIKO = SIM_SEED.messengerCustomers[2];
const LUCIA = SIM_SEED.messengerCustomers[3];
const sha = (v: string): string => createHash('sha256').update(v).digest('hex');
const nowS = (): number => Math.floor(Date.now() / 1000);

describe('meta-sim: utility templates', () => {
  let sim: RunningMetaSim;
  let hooks: WebhookReceiver;
  const submit = (body: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> =>
    graph(sim, 'POST', `/v27.0/${PAGE.id}/message_templates`, PAGE.accessToken, { json: { language: 'en_US', category: 'UTILITY', ...body } });
  const statusEvents = (): Array<{ field: string; value: Record<string, unknown> }> =>
    hooks.changes().filter((c) => c.field.endsWith('template_status_update'));

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

  it('validates components when submitted (lengths, variable syntax, buttons)', async () => {
    const body = (text: string): Record<string, unknown> => ({ type: 'BODY', text, example: { body_text: [['Jane']] } });
    const cases: Array<[string, unknown[]]> = [
      ['long_header', [{ type: 'HEADER', format: 'TEXT', text: 'x'.repeat(61) }, body('Hi {{1}}, thanks.')]],
      ['bad_variable', [body('Your order {{ord#}} shipped today.')]],
      [
        'many_buttons',
        [body('Hi {{1}}, thanks.'), { type: 'BUTTONS', buttons: [1, 2, 3, 4].map((n) => ({ type: 'POSTBACK', text: `B${n}`, payload: `P${n}` })) }],
      ],
      [
        'url_var_middle',
        [
          body('Hi {{1}}, thanks.'),
          { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://example.com/{{1}}/track', example: ['https://example.com/1/track'] }] },
        ],
      ],
      ['two_bodies', [body('Hi {{1}}, thanks.'), body('Hi {{1}}, again.')]],
    ];
    for (const [name, components] of cases) {
      const res = await submit({ name, components });
      expect([name, res.status, (res.body as { error?: { code: number } }).error?.code]).toEqual([name, 400, 100]);
    }
    const ok = await submit({
      name: 'order_card',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' },
        body('Hi {{1}}, your order is ready.'),
        { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Open', url: 'https://example.com/o/{{1}}', example: { url_suffix_example: '1001' } }] },
      ],
    });
    expect(ok.body).toEqual({ id: expect.any(String), status: 'PENDING', category: 'UTILITY' });
  });

  it("reviews after the configured delay with reasons from Meta's list; status webhooks under the field the app subscribed to", async () => {
    await graph(sim, 'POST', `/v27.0/${PAGE.id}/subscribed_apps`, PAGE.accessToken, { json: { subscribed_fields: 'messages,message_template_status_update' } });
    const a = await submit({
      name: 'starts_with_var',
      components: [{ type: 'BODY', text: '{{1}}, your parcel has left our warehouse.', example: { body_text: [['Jane']] } }],
    });
    const b = await submit({ name: 'no_samples', components: [{ type: 'BODY', text: 'Hi {{1}}, your parcel has left our warehouse.' }] });
    const c = await submit({
      name: 'promo_words',
      components: [{ type: 'BODY', text: 'Hi {{1}}, big discount on rain jackets this week.', example: { body_text: [['Jane']] } }],
    });
    const d = await submit({
      name: 'all_good',
      components: [{ type: 'BODY', text: 'Hi {{1}}, your parcel has left our warehouse.', example: { body_text: [['Jane']] } }],
    });
    const templates = async (): Promise<Array<{ status: string }>> => (await control<{ data: Array<{ status: string }> }>(sim, 'GET', '/templates')).body.data;
    // Only the seeded appointment_reminder stays PENDING (it has no review scheduled).
    await until(async () => (await templates()).filter((x) => x.status === 'PENDING').length === 1);
    await sim.flushWebhooks();
    const byId = Object.fromEntries(statusEvents().map((e) => [e.value['message_template_id'], [e.field, e.value['event'], e.value['reason']]]));
    expect(byId).toEqual({
      [String(a.body['id'])]: ['message_template_status_update', 'REJECTED', 'INCORRECT_PARAMS'],
      [String(b.body['id'])]: ['message_template_status_update', 'REJECTED', 'TEMPLATE_VARIABLES_MISSING_SAMPLE_VALUES'],
      [String(c.body['id'])]: ['message_template_status_update', 'REJECTED', 'TAG_SHOULD_BE_MARKETING'],
      [String(d.body['id'])]: ['message_template_status_update', 'APPROVED', 'NONE'],
    });
    const read = await graph(sim, 'GET', `/v27.0/${String(b.body['id'])}`, PAGE.accessToken, { query: { fields: 'status,rejected_reason' } });
    expect(read.body).toMatchObject({ status: 'REJECTED', rejected_reason: 'TEMPLATE_VARIABLES_MISSING_SAMPLE_VALUES' });
  });

  it('forces outcomes and delays through the review policy; pauses and disables approved templates', async () => {
    const policy = await control(sim, 'POST', '/templates/review-policy', { mode: 'reject', reason: 'PARAMS_TO_WORD_RATIO_EXCEED_LIMIT', delayMs: 10 });
    expect(policy.body).toEqual({ mode: 'reject', reason: 'PARAMS_TO_WORD_RATIO_EXCEED_LIMIT', delayMs: 10 });
    const t = await submit({
      name: 'forced',
      components: [{ type: 'BODY', text: 'Hi {{1}}, your parcel has left our warehouse.', example: { body_text: [['Jane']] } }],
    });
    await until(
      async () =>
        (await graph<{ status: string }>(sim, 'GET', `/v27.0/${String(t.body['id'])}`, PAGE.accessToken, { query: { fields: 'status' } })).body.status ===
        'REJECTED',
    );
    await control(sim, 'POST', `/templates/${SIM_SEED.templates.approved.id}/review`, { status: 'PAUSED' });
    await sim.flushWebhooks();
    expect(statusEvents().map((e) => [e.field, e.value['message_template_id'], e.value['event']])).toEqual([
      ['messenger_template_status_update', t.body['id'], 'REJECTED'],
      ['messenger_template_status_update', SIM_SEED.templates.approved.id, 'PAUSED'],
    ]);
    const paused = await graph(sim, 'POST', `/v27.0/${PAGE.id}/messages`, PAGE.accessToken, {
      json: {
        recipient: { id: AIKO.psid },
        messaging_type: 'UTILITY',
        message: { template: { name: SIM_SEED.templates.approved.name, language: { code: 'en_US' } } },
      },
    });
    expect(paused.body).toMatchObject({ error: { code: 100, error_subcode: 2018386 } });
  });

  it('clones library templates (header and URL button) and approves the clone', async () => {
    const lib = await graph<{ data: Array<{ name: string; header?: string }> }>(sim, 'GET', '/v27.0/message_template_library', PAGE.accessToken, {
      query: { name_or_content: 'shipping' },
    });
    expect(lib.body.data[0]).toMatchObject({ name: 'shipping_update', header: 'Your order is on its way' });
    const clone = await graph(sim, 'POST', `/v27.0/${PAGE.id}/message_templates`, PAGE.accessToken, {
      json: {
        name: 'ship_copy',
        language: 'en_US',
        category: 'UTILITY',
        library_template_name: 'shipping_update',
        library_template_button_inputs: [{ type: 'URL', url: { base_url: 'https://shop.example/track/{{1}}' } }],
      },
    });
    await until(
      async () =>
        (await graph<{ status: string }>(sim, 'GET', `/v27.0/${String(clone.body['id'])}`, PAGE.accessToken, { query: { fields: 'status' } })).body.status ===
        'APPROVED',
    );
    const read = await graph<{ status: string; components: Array<{ type: string; buttons?: Array<{ url: string }> }> }>(
      sim,
      'GET',
      `/v27.0/${String(clone.body['id'])}`,
      PAGE.accessToken,
      { query: { fields: 'status,components' } },
    );
    expect(read.body.status).toBe('APPROVED');
    expect(read.body.components.map((c) => c.type)).toEqual(['HEADER', 'BODY', 'BUTTONS']);
    expect(read.body.components[2]?.buttons?.[0]?.url).toBe('https://shop.example/track/{{1}}');
  });

  it('renders a template with header and buttons like Messenger (generic card), outside the 24 h window', async () => {
    const res = await graph(sim, 'POST', `/v27.0/${PAGE.id}/messages`, PAGE.accessToken, {
      json: {
        recipient: { id: AIKO.psid },
        messaging_type: 'UTILITY',
        message: {
          template: {
            name: SIM_SEED.templates.withButtons.name,
            language: { code: 'en_US' },
            components: [
              {
                type: 'body',
                parameters: [
                  { type: 'text', text: 'Aiko' },
                  { type: 'text', text: '#2042' },
                  { type: 'text', text: 'Monday' },
                ],
              },
              { type: 'buttons', parameters: [{ type: 'URL', url: '2042' }] },
            ],
          },
        },
      },
    });
    expect(res.status).toBe(200);
    const conv = await control<{
      messages: Array<{ mid: string; templateName?: string; attachments: Array<{ type: string; extra: Record<string, unknown> }> }>;
    }>(sim, 'GET', `/customers/${AIKO.psid}/conversation`);
    const sent = conv.body.messages.find((m) => m.mid === res.body['message_id']);
    expect(sent?.templateName).toBe(SIM_SEED.templates.withButtons.name);
    expect(sent?.attachments[0]).toEqual({
      type: 'template',
      extra: {
        template_type: 'generic',
        elements: [
          {
            title: 'Delivery update',
            subtitle: 'Hi Aiko, your order #2042 arrives on Monday.',
            buttons: [
              { type: 'web_url', title: 'Track order', url: 'https://example.com/track/2042' },
              { type: 'postback', title: 'Talk to us', payload: 'TALK_TO_US' },
            ],
          },
        ],
      },
    });
    await sim.flushWebhooks();
    const echo = hooks.messaging().find((m) => (m['message'] as { mid?: string } | undefined)?.mid === res.body['message_id']);
    expect(echo?.['message']).toMatchObject({ is_echo: true, attachments: [{ type: 'template', payload: { template_type: 'generic' } }] });
    const missing = await graph(sim, 'POST', `/v27.0/${PAGE.id}/messages`, PAGE.accessToken, {
      json: {
        recipient: { id: AIKO.psid },
        messaging_type: 'UTILITY',
        message: {
          template: {
            name: SIM_SEED.templates.withButtons.name,
            language: { code: 'en_US' },
            components: [
              {
                type: 'body',
                parameters: [
                  { type: 'text', text: 'Aiko' },
                  { type: 'text', text: '#2042' },
                  { type: 'text', text: 'Monday' },
                ],
              },
            ],
          },
        },
      },
    });
    expect(missing.body).toMatchObject({ error: { code: 100, error_subcode: 2018400 } });
  });
});

describe('meta-sim: Conversions API for business messaging, ads', () => {
  let sim: RunningMetaSim;
  const send = (datasetId: string, events: unknown[], extra: Record<string, unknown> = {}): Promise<{ status: number; body: Record<string, unknown> }> =>
    graph(sim, 'POST', `/v27.0/${datasetId}/events`, PAGE.accessToken, { json: { data: events, ...extra } });
  const messenger = (overrides: Record<string, unknown> = {}, userData: Record<string, unknown> = {}): Record<string, unknown> => ({
    event_name: 'Purchase',
    event_time: nowS() - 60,
    event_id: 'conv-1-purchase',
    action_source: 'business_messaging',
    messaging_channel: 'messenger',
    user_data: { page_id: PAGE.id, page_scoped_user_id: LUCIA.psid, em: [sha('lucia@example.com')], ...userData },
    custom_data: { value: 49.9, currency: 'EUR' },
    ...overrides,
  });

  beforeAll(async () => {
    sim = await startTestSim();
  });
  beforeEach(() => sim.reset());
  afterAll(() => sim.close());

  it("accepts business-messaging events on the account's dataset and records them for the control API", async () => {
    const ok = await send(SIM_SEED.datasets.page, [messenger()], { test_event_code: 'TEST42' });
    expect(ok.body).toEqual({ events_received: 1, messages: [], fbtrace_id: expect.any(String) });
    const ig = await send(SIM_SEED.datasets.instagram, [
      messenger({
        messaging_channel: 'instagram',
        event_name: 'LeadSubmitted',
        custom_data: undefined,
        user_data: { ig_account_id: SIM_SEED.instagram.id, ig_sid: SIM_SEED.instagramCustomers[3].igsid },
      }),
    ]);
    expect(ig.status).toBe(200);
    const recorded = await control<{ data: Array<{ datasetId: string; testEventCode?: string; fbtraceId: string; event: Record<string, unknown> }> }>(
      sim,
      'GET',
      `/capi/events?datasetId=${SIM_SEED.datasets.page}`,
    );
    expect(recorded.body.data).toEqual([
      expect.objectContaining({
        datasetId: SIM_SEED.datasets.page,
        testEventCode: 'TEST42',
        fbtraceId: ok.body['fbtrace_id'],
        event: expect.objectContaining({ event_id: 'conv-1-purchase' }),
      }),
    ]);
    const datasets = await graph(sim, 'POST', `/v27.0/${PAGE.id}/dataset`, PAGE.accessToken);
    expect(datasets.body).toEqual({ id: SIM_SEED.datasets.page });
  });

  it('needs page_events for a Page dataset (instagram_manage_events for an Instagram one)', async () => {
    const token = sim.context.store.tokens.get(PAGE.accessToken);
    if (!token) throw new Error('seeded Page token missing');
    token.scopes = token.scopes.filter((s) => s !== 'page_events');
    const refused = await send(SIM_SEED.datasets.page, [messenger()]);
    expect([refused.status, (refused.body as { error?: { code: number } }).error?.code]).toEqual([403, 200]);
    expect((await graph(sim, 'POST', `/v27.0/${PAGE.id}/dataset`, PAGE.accessToken)).status).toBe(403);
    const ig = await send(SIM_SEED.datasets.instagram, [
      messenger({
        messaging_channel: 'instagram',
        event_name: 'LeadSubmitted',
        custom_data: undefined,
        user_data: { ig_account_id: SIM_SEED.instagram.id, ig_sid: SIM_SEED.instagramCustomers[3].igsid },
      }),
    ]);
    expect(ig.status).toBe(200);
  });

  it("rejects the whole request for Meta's validation failures", async () => {
    const bad: Array<[string, Record<string, unknown>]> = [
      ['missing channel', messenger({ messaging_channel: undefined })],
      ['unknown channel', messenger({ messaging_channel: 'sms' })],
      ['unsupported event', messenger({ event_name: 'PageView' })],
      ['missing psid', messenger({}, { page_scoped_user_id: undefined })],
      ['stranger psid', messenger({}, { page_scoped_user_id: '7000000000000000' })],
      ['hashed page id', messenger({}, { page_id: sha(PAGE.id) })],
      ['plain email', messenger({}, { em: 'lucia@example.com' })],
      ['purchase without value', messenger({ custom_data: { currency: 'EUR' } })],
      [
        'instagram on the Page dataset',
        messenger({ messaging_channel: 'instagram', user_data: { ig_account_id: SIM_SEED.instagram.id, ig_sid: SIM_SEED.instagramCustomers[0].igsid } }),
      ],
      [
        'website event on a messaging dataset',
        messenger({ action_source: 'website', event_source_url: 'https://example.com', user_data: { client_user_agent: 'x', em: [sha('a@b.c')] } }),
      ],
    ];
    for (const [label, event] of bad) {
      const res = await send(SIM_SEED.datasets.page, [messenger({ event_id: 'good' }), event]);
      expect([label, res.status, (res.body as { error?: { code: number; error_subcode: number } }).error?.error_subcode]).toEqual([label, 400, 2804003]);
    }
    expect((await control<{ data: unknown[] }>(sim, 'GET', '/capi/events')).body.data).toEqual([]);
  });

  it('exposes the seeded ads with ad sets, campaigns and creatives; a customer opens a new thread from an ad', async () => {
    const ad = await graph(sim, 'GET', `/v27.0/${SIM_SEED.ads.springSale.id}`, PAGE.accessToken, {
      query: { fields: 'name,adset{name},campaign{name,objective},creative{title,effective_object_story_id}' },
    });
    expect(ad.body).toEqual({
      name: 'Spring sale - rain jackets',
      adset: { name: 'AT + DE, 25–45, Facebook', id: SIM_SEED.ads.springSale.adsetId },
      campaign: { name: 'Spring sale 2026', objective: 'OUTCOME_ENGAGEMENT', id: SIM_SEED.ads.springSale.campaignId },
      creative: { title: 'Spring sale - rain jackets', effective_object_story_id: SIM_SEED.posts.ad },
      id: SIM_SEED.ads.springSale.id,
    });
    const list = await graph<{ data: Array<{ id: string }> }>(sim, 'GET', `/v27.0/${SIM_SEED.ads.adAccount}/ads`, PAGE.accessToken);
    expect(list.body.data.map((a) => a.id)).toHaveLength(3);
    expect((await graph(sim, 'GET', `/v27.0/${SIM_SEED.ads.springDrop.id}`, SIM_SEED.instagramLogin.accessToken, { base: sim.instagramBaseUrl })).status).toBe(
      400,
    );

    const noah = SIM_SEED.newCustomers.messenger;
    const opened = await control<{ newThread: boolean; referral: Record<string, unknown> }>(sim, 'POST', `/customers/${noah.psid}/ad-referral`, {
      adId: SIM_SEED.ads.freeShipping.id,
    });
    expect(opened.body).toMatchObject({
      newThread: true,
      referral: { ref: 'free_shipping', ad_id: SIM_SEED.ads.freeShipping.id, source: 'ADS', type: 'OPEN_THREAD' },
    });
    const again = await control<{ newThread: boolean }>(sim, 'POST', `/customers/${noah.psid}/ad-referral`, {
      adId: SIM_SEED.ads.springSale.id,
      text: 'Still on?',
    });
    expect(again.body.newThread).toBe(false);
    const conv = await control<{ referrals: unknown[]; messages: Array<{ referral?: unknown }> }>(sim, 'GET', `/customers/${noah.psid}/conversation`);
    expect(conv.body.referrals).toHaveLength(2);
    expect(conv.body.messages[0]?.referral).toMatchObject({ ad_id: SIM_SEED.ads.freeShipping.id });
    expect((await control(sim, 'POST', `/customers/${noah.psid}/ad-referral`, { adId: SIM_SEED.ads.springDrop.id })).status).toBe(404);
    const lucia = await control<{ messages: Array<{ referral?: { ad_id: string } }> }>(sim, 'GET', `/customers/${LUCIA.psid}/conversation`);
    expect(lucia.body.messages.find((m) => m.referral)?.referral?.ad_id).toBe(SIM_SEED.ads.springSale.id);
  });
});
