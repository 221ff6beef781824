import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningMetaSim } from '../index';
import { SIM_SEED } from '../index';
import { control, graph, startTestSim, WebhookReceiver } from './sim-test-kit';

/** Compares the structure (keys and value types, recursively) of sim webhooks with the shared Meta fixtures. */

// the repository's copy of the shared Meta fixtures (data only: the sim still imports none of our code)
const FIXTURES = join(__dirname, '../../../../libs/webhook-normalizer/src/__fixtures__');

type Shape = string | { [k: string]: Shape } | Shape[];

function shape(v: unknown): Shape {
  if (Array.isArray(v)) return v.length ? [shape(v[0])] : [];
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, shape((v as Record<string, unknown>)[k])]),
    );
  }
  return v === null ? 'null' : typeof v;
}

function fixtureItem(name: string): { entry: Record<string, unknown>; item: unknown } {
  const json = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as { entry: Array<Record<string, unknown>> };
  const entry = json.entry[0] ?? {};
  const list = (entry['messaging'] ?? entry['changes']) as unknown[];
  return { entry, item: list[0] };
}

describe('meta-sim: webhook payloads match the shared fixtures', () => {
  let sim: RunningMetaSim;
  let hooks: WebhookReceiver;
  const IG = SIM_SEED.instagramCustomers[0].igsid;
  const PSID = SIM_SEED.messengerCustomers[0].psid;

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

  async function lastItem(): Promise<{ entry: Record<string, unknown>; item: unknown }> {
    await sim.flushWebhooks();
    const body = hooks.received[hooks.received.length - 1]?.json;
    const entry = body?.entry[body.entry.length - 1] ?? {};
    const list = (entry['messaging'] ?? entry['changes']) as unknown[];
    return { entry, item: list[list.length - 1] };
  }

  async function expectLike(fixture: string, act: () => Promise<unknown> | unknown): Promise<void> {
    hooks.received.length = 0;
    await act();
    const got = await lastItem();
    const want = fixtureItem(fixture);
    expect({ fixture, item: shape(got.item) }).toEqual({ fixture, item: shape(want.item) });
    expect(Object.keys(got.entry).sort()).toEqual(Object.keys(want.entry).sort());
    expect(String(got.entry['time']).length).toBe(String(want.entry['time']).length);
  }

  const send = (recipient: string, message: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<{ body: { message_id: string } }> =>
    graph(sim, 'POST', `/v23.0/${SIM_SEED.page.id}/messages`, SIM_SEED.page.accessToken, {
      json: { recipient: { id: recipient }, messaging_type: 'RESPONSE', message, ...extra },
    });

  it('Instagram messaging events', async () => {
    await expectLike('ig-message-text', () => control(sim, 'POST', `/customers/${IG}/messages`, { text: 'Do you ship to Austria?' }));
    await expectLike('ig-message-audio', () => control(sim, 'POST', `/customers/${IG}/messages`, { attachments: [{ type: 'audio' }] }));
    await expectLike('ig-message-file', () => control(sim, 'POST', `/customers/${IG}/messages`, { attachments: [{ type: 'file' }] }));
    await expectLike('ig-message-quick-reply', () =>
      control(sim, 'POST', `/customers/${IG}/messages`, { text: 'Live chat now', quickReply: { payload: 'QR_LIVE_CHAT' } }),
    );
    await expectLike('ig-story-mention', () => control(sim, 'POST', `/customers/${IG}/story-mention`));
    await expectLike('ig-message-ads-referral', () =>
      control(sim, 'POST', `/customers/${IG}/messages`, {
        text: 'Price?',
        referral: {
          ref: 'ctd_spring',
          ad_id: '120200000000000002',
          source: 'ADS',
          type: 'OPEN_THREAD',
          ads_context_data: { ad_title: 'Spring drop', photo_url: 'https://x/y.jpg' },
        },
      }),
    );
    const { mid } = sim.customerSends(IG, { text: 'hello' });
    const echo = await send(IG, { text: 'Yes, we ship to Austria in 3-5 days.' });
    await expectLike('ig-message-reply-to', () => control(sim, 'POST', `/customers/${IG}/messages`, { text: 'this one', replyToMid: echo.body.message_id }));
    await expectLike('ig-message-edit', () => control(sim, 'POST', `/customers/${IG}/edit`, { mid, text: 'Do you ship to Vienna?' }));
    await expectLike('ig-message-unsend', () => control(sim, 'POST', `/customers/${IG}/unsend`, { mid }));
    await expectLike('ig-reaction-react', () => control(sim, 'POST', `/customers/${IG}/reactions`, { mid: echo.body.message_id, reaction: 'love' }));
    await expectLike('ig-postback', () => control(sim, 'POST', `/customers/${IG}/postback`, { title: 'Track my order', payload: 'IB_TRACK_ORDER' }));
    await expectLike('ig-referral-igme', () => control(sim, 'POST', `/customers/${IG}/referral`, { ref: 'bio_link', source: 'SHORTLINK' }));
    await expectLike('ig-message-echo', () => send(IG, { text: 'Yes, we ship to Austria in 3-5 days.' }));
    await expectLike('ig-messaging-seen', () => control(sim, 'POST', `/customers/${IG}/read`));
  });

  it('Instagram changes', async () => {
    await expectLike('ig-comment-self', () =>
      graph(sim, 'POST', `/v23.0/${SIM_SEED.media.post}/comments`, SIM_SEED.page.accessToken, { query: { message: 'Restocked!' } }),
    );
    await expectLike('ig-comment-add', () =>
      control(sim, 'POST', `/customers/${IG}/comments`, { objectId: SIM_SEED.media.post, text: 'Which sizes are left?' }),
    );
    await expectLike('ig-mention-in-media', () => control(sim, 'POST', '/mentions', { username: 'sofia.designs' }));
  });

  it('Messenger events', async () => {
    await expectLike('fb-message-text', () => control(sim, 'POST', `/customers/${PSID}/messages`, { text: 'Hi, is the blue jacket still in stock?' }));
    await expectLike('fb-message-image', () => control(sim, 'POST', `/customers/${PSID}/messages`, { attachments: [{ type: 'image' }] }));
    await expectLike('fb-message-file', () => control(sim, 'POST', `/customers/${PSID}/messages`, { attachments: [{ type: 'file' }] }));
    await expectLike('fb-message-quick-reply', () =>
      control(sim, 'POST', `/customers/${PSID}/messages`, { text: 'Track my order', quickReply: { payload: 'QR_TRACK_ORDER' } }),
    );
    await expectLike('fb-message-ads-referral', () =>
      control(sim, 'POST', `/customers/${PSID}/messages`, {
        text: 'Is this available in M?',
        referral: {
          ref: 'spring_sale',
          ad_id: '120200000000000001',
          source: 'ADS',
          type: 'OPEN_THREAD',
          ads_context_data: { ad_title: 'Spring sale', photo_url: 'https://x/y.jpg', post_id: '1_2', product_id: '3', flow_id: '4' },
        },
      }),
    );
    const echoed = await send(PSID, { text: 'Thanks! Your order ships tomorrow.', metadata: 'crm-msg-1001' });
    await expectLike('fb-message-reply-to', () =>
      control(sim, 'POST', `/customers/${PSID}/messages`, { text: 'This one please', replyToMid: echoed.body.message_id }),
    );
    await expectLike('fb-message-reaction-react', () =>
      control(sim, 'POST', `/customers/${PSID}/reactions`, { mid: echoed.body.message_id, reaction: 'love' }),
    );
    await expectLike('fb-postback-button', () => control(sim, 'POST', `/customers/${PSID}/postback`, { title: 'Talk to an agent', payload: 'HANDOFF_AGENT' }));
    await expectLike('fb-referral-ad', () =>
      control(sim, 'POST', `/customers/${PSID}/referral`, {
        ref: 'spring_sale',
        source: 'ADS',
        adId: '120200000000000001',
        adsContextData: { ad_title: 'Spring sale', photo_url: 'https://x/y.jpg', post_id: '1_2', flow_id: '4' },
      }),
    );
    hooks.received.length = 0;
    await send(PSID, { text: 'Thanks! Your order ships tomorrow.', metadata: 'crm-msg-1001' });
    await sim.flushWebhooks();
    const [echo, delivery] = hooks.messaging();
    expect(shape(echo)).toEqual(shape(fixtureItem('fb-message-echo').item));
    expect(shape(delivery)).toEqual(shape(fixtureItem('fb-message-delivery').item));
    hooks.received.length = 0;
    await control(sim, 'POST', `/customers/${PSID}/inbox-reply`, { text: 'Hi, this is Anna from support.' });
    await sim.flushWebhooks();
    const inbox = hooks.messaging()[0] as { message: { app_id: number } };
    expect(shape(inbox)).toEqual(shape(fixtureItem('fb-message-echo-inbox').item));
    expect(inbox.message.app_id).toBe(263902037430900);
    await expectLike('fb-message-read', () => control(sim, 'POST', `/customers/${PSID}/read`));
  });

  it('Facebook feed and template status changes', async () => {
    const add = await control<{ id: string }>(sim, 'POST', `/customers/${PSID}/comments`, {
      objectId: SIM_SEED.posts.photo,
      text: 'How much is shipping to Austria?',
    });
    await sim.flushWebhooks();
    expect(shape(hooks.changes()[0])).toEqual(shape(fixtureItem('fb-feed-comment-add').item));
    await expectLike('fb-feed-comment-edited', () =>
      control(sim, 'POST', `/comments/${add.body.id}/edit`, { text: 'How much is shipping to Vienna, Austria?' }),
    );
    await expectLike('fb-feed-comment-remove', () => control(sim, 'POST', `/comments/${add.body.id}/delete`));
    await expectLike('fb-feed-post-add', () => control(sim, 'POST', `/customers/${PSID}/posts`, { message: 'Great service yesterday!' }));
    await expectLike('fb-feed-reaction-add', () =>
      control(sim, 'POST', `/customers/${PSID}/post-reactions`, { postId: SIM_SEED.posts.photo, reaction: 'love' }),
    );
    await expectLike('fb-messenger-template-status-update', () =>
      control(sim, 'POST', `/templates/${SIM_SEED.templates.pending.id}/review`, { status: 'APPROVED' }),
    );
  });
});
