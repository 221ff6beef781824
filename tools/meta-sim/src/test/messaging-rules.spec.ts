import type { RunningMetaSim } from '../index';
import { appSecretProof, SIM_SEED } from '../index';
import { control, graph, startTestSim, until } from './sim-test-kit';

const PAGE = SIM_SEED.page;
const JANE_PSID = SIM_SEED.messengerCustomers[0].psid;
const JANE_IG = SIM_SEED.instagramCustomers[0].igsid;

async function sendText(
  sim: RunningMetaSim,
  recipient: string,
  text: string,
  extra: Record<string, unknown> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  return graph(sim, 'POST', `/v23.0/${PAGE.id}/messages`, PAGE.accessToken, {
    json: { recipient: { id: recipient }, messaging_type: 'RESPONSE', message: { text }, ...extra },
  });
}

describe('meta-sim: Send API rules', () => {
  let sim: RunningMetaSim;
  beforeAll(async () => {
    sim = await startTestSim();
  });
  beforeEach(() => sim.reset());
  afterAll(() => sim.close());

  it('sends inside the 24-hour window and returns recipient_id + message_id', async () => {
    const res = await sendText(sim, JANE_PSID, 'Yes, still in stock!');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ recipient_id: JANE_PSID, message_id: expect.stringMatching(/^m_/) });
    const inbox = await control<{ messages: Array<{ text: string }> }>(sim, 'GET', `/customers/${JANE_PSID}/inbox`);
    expect(inbox.body.messages.map((m) => m.text)).toContain('Yes, still in stock!');
  });

  it('enforces the 24 h window, HUMAN_AGENT for 7 days, and fails after 7 days (Messenger)', async () => {
    await control(sim, 'POST', `/customers/${JANE_PSID}/clock`, { lastCustomerMessageHoursAgo: 25 });
    const late = await sendText(sim, JANE_PSID, 'Sorry for the delay');
    expect(late.status).toBe(400);
    expect(late.body).toMatchObject({ error: { code: 10, error_subcode: 2018278, type: 'OAuthException' } });
    const tagged = await sendText(sim, JANE_PSID, 'Human here', { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
    expect(tagged.status).toBe(200);
    await control(sim, 'POST', `/customers/${JANE_PSID}/clock`, { lastCustomerMessageHoursAgo: 24 * 7 + 1 });
    const tooLate = await sendText(sim, JANE_PSID, 'Human here', { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
    expect(tooLate.body).toMatchObject({ error: { code: 10, error_subcode: 2018278 } });
  });

  it('uses subcode 2534022 for Instagram outside the window', async () => {
    await control(sim, 'POST', `/customers/${JANE_IG}/clock`, { lastCustomerMessageHoursAgo: 30 });
    const res = await sendText(sim, JANE_IG, 'hi');
    expect(res.body).toMatchObject({ error: { code: 10, error_subcode: 2534022 } });
  });

  it('rejects deprecated message tags with error 100', async () => {
    for (const tag of ['CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE', 'ACCOUNT_UPDATE']) {
      const res = await sendText(sim, JANE_PSID, 'Your order shipped', { messaging_type: 'MESSAGE_TAG', tag });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 100 } });
    }
  });

  it('limits Instagram text to 1000 UTF-8 bytes (not characters)', async () => {
    const ok = await sendText(sim, JANE_IG, 'a'.repeat(1000));
    expect(ok.status).toBe(200);
    const tooLong = await sendText(sim, JANE_IG, 'ä'.repeat(501)); // 1002 bytes, 501 characters
    expect(tooLong.body).toMatchObject({ error: { code: 100 } });
  });

  it('validates quick replies (max 13, title ≤ 20 chars)', async () => {
    const qr = (n: number, title = 'Yes'): unknown[] => Array.from({ length: n }, (_, i) => ({ content_type: 'text', title, payload: `P${i}` }));
    const ok = await graph(sim, 'POST', `/v23.0/${PAGE.id}/messages`, PAGE.accessToken, {
      json: { recipient: { id: JANE_PSID }, messaging_type: 'RESPONSE', message: { text: 'Pick', quick_replies: qr(13) } },
    });
    expect(ok.status).toBe(200);
    const many = await graph(sim, 'POST', `/v23.0/${PAGE.id}/messages`, PAGE.accessToken, {
      json: { recipient: { id: JANE_PSID }, messaging_type: 'RESPONSE', message: { text: 'Pick', quick_replies: qr(14) } },
    });
    expect(many.body).toMatchObject({ error: { code: 100 } });
    const longTitle = await graph(sim, 'POST', `/v23.0/${PAGE.id}/messages`, PAGE.accessToken, {
      json: { recipient: { id: JANE_PSID }, messaging_type: 'RESPONSE', message: { text: 'Pick', quick_replies: qr(1, 'x'.repeat(21)) } },
    });
    expect(longTitle.body).toMatchObject({ error: { code: 100 } });
  });

  it('allows one private reply per comment within 7 days', async () => {
    const first = await graph(sim, 'POST', `/v23.0/${PAGE.id}/messages`, PAGE.accessToken, {
      json: { recipient: { comment_id: SIM_SEED.igComments.onPost }, message: { text: 'Sent you the size chart!' } },
    });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ recipient_id: JANE_IG, message_id: expect.any(String) });
    const second = await graph(sim, 'POST', `/v23.0/${PAGE.id}/messages`, PAGE.accessToken, {
      json: { recipient: { comment_id: SIM_SEED.igComments.onPost }, message: { text: 'again' } },
    });
    expect(second.status).toBe(400);
    expect(second.body).toMatchObject({ error: { code: 10900 } });
    const old = await graph(sim, 'POST', `/v23.0/${PAGE.id}/messages`, PAGE.accessToken, {
      json: { recipient: { comment_id: SIM_SEED.igComments.old }, message: { text: 'late' } },
    });
    expect(old.body).toMatchObject({ error: { code: 10903 } });
    const fb = await graph(sim, 'POST', `/v23.0/me/messages`, PAGE.accessToken, {
      json: { recipient: { comment_id: SIM_SEED.fbComments.onPhoto }, message: { text: 'Shipping is free above 50 €' } },
    });
    expect(fb.body).toEqual({ recipient_id: JANE_PSID, message_id: expect.any(String) });
  });

  it('sends attachments by URL, checks size limits, and reuses attachment_id', async () => {
    const small = `${sim.url}/cdn/samples/photo-1.png`;
    const up = await graph<{ attachment_id: string }>(sim, 'POST', `/v23.0/${PAGE.id}/message_attachments`, PAGE.accessToken, {
      json: { platform: 'instagram', message: { attachment: { type: 'image', payload: { url: small, is_reusable: true } } } },
    });
    expect(up.body.attachment_id).toEqual(expect.any(String));
    const byId = await graph(sim, 'POST', `/v23.0/${PAGE.id}/messages`, PAGE.accessToken, {
      json: { recipient: { id: JANE_IG }, message: { attachment: { type: 'image', payload: { attachment_id: up.body.attachment_id } } } },
    });
    expect(byId.status).toBe(200);
    const big = await graph(sim, 'POST', `/v23.0/${PAGE.id}/messages`, PAGE.accessToken, {
      json: { recipient: { id: JANE_IG }, message: { attachment: { type: 'image', payload: { url: `${sim.url}/cdn/sized/9000000/big.jpg` } } } },
    });
    expect(big.body).toMatchObject({ error: { code: 100, error_subcode: 2018109 } });
    const video = await graph(sim, 'POST', `/v23.0/${PAGE.id}/messages`, PAGE.accessToken, {
      json: { recipient: { id: JANE_IG }, message: { attachment: { type: 'video', payload: { url: `${sim.url}/cdn/sized/9000000/clip.mp4` } } } },
    });
    expect(video.status).toBe(200);
    const heart = await graph(sim, 'POST', `/v23.0/${PAGE.id}/messages`, PAGE.accessToken, {
      json: { recipient: { id: JANE_IG }, message: { attachment: { type: 'like_heart' } } },
    });
    expect(heart.status).toBe(200);
  });

  it('fetches local attachment URLs like Meta (GET when HEAD is unsupported) and rejects unreachable ones', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((req, res) => {
      if (req.method === 'HEAD') {
        res.writeHead(405);
        res.end();
        return;
      }
      if (req.url === '/big.png') {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(Buffer.alloc(9 * 1024 * 1024));
        return;
      }
      res.writeHead(req.url === '/ok.png' ? 200 : 404, { 'content-type': 'image/png' });
      res.end(Buffer.alloc(1000));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const base = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`;
    const sendImage = (url: string): Promise<{ status: number; body: Record<string, unknown> }> =>
      graph(sim, 'POST', `/v23.0/${PAGE.id}/messages`, PAGE.accessToken, {
        json: { recipient: { id: JANE_IG }, message: { attachment: { type: 'image', payload: { url } } } },
      });
    try {
      expect((await sendImage(`${base}/ok.png`)).status).toBe(200);
      expect((await sendImage(`${base}/missing.png`)).body).toMatchObject({ error: { code: 100, error_subcode: 2018008 } });
      expect((await sendImage(`${base}/big.png`)).body).toMatchObject({ error: { code: 100, error_subcode: 2018109 } });
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('supports sender actions and reactions (response has only recipient_id)', async () => {
    const conv = await control<{ messages: Array<{ mid: string; direction: string }> }>(sim, 'GET', `/customers/${JANE_IG}/conversation`);
    const inbound = conv.body.messages.find((m) => m.direction === 'inbound');
    const typing = await graph(sim, 'POST', `/v23.0/${PAGE.id}/messages`, PAGE.accessToken, {
      json: { recipient: { id: JANE_IG }, sender_action: 'typing_on' },
    });
    expect(typing.body).toEqual({ recipient_id: JANE_IG });
    const react = await graph(sim, 'POST', `/v23.0/${PAGE.id}/messages`, PAGE.accessToken, {
      json: { recipient: { id: JANE_IG }, sender_action: 'react', payload: { message_id: inbound?.mid, reaction: 'love' } },
    });
    expect(react.body).toEqual({ recipient_id: JANE_IG });
    const after = await control<{ businessTyping: boolean; messages: Array<{ mid: string; reactions: Record<string, unknown> }> }>(
      sim,
      'GET',
      `/customers/${JANE_IG}/conversation`,
    );
    expect(after.body.businessTyping).toBe(true);
    expect(after.body.messages.find((m) => m.mid === inbound?.mid)?.reactions[SIM_SEED.instagram.id]).toEqual({ reaction: 'love', emoji: '❤️' });
  });

  it('runs the template approval flow and sends approved utility templates outside the window', async () => {
    // Long enough that the PENDING read below always happens before the review, even on a loaded machine.
    await control(sim, 'POST', '/templates/review-policy', { delayMs: 1000 });
    const submit = await graph<{ id: string; status: string }>(sim, 'POST', `/v23.0/${PAGE.id}/message_templates`, PAGE.accessToken, {
      json: {
        name: 'delivery_update',
        category: 'UTILITY',
        language: 'en_US',
        components: [{ type: 'BODY', text: 'Hello {{1}}, your parcel {{2}} arrives today.', example: { body_text: [['Jane', 'A1']] } }],
      },
    });
    expect(submit.body).toEqual({ id: expect.any(String), status: 'PENDING', category: 'UTILITY' });
    const pending = await graph(sim, 'GET', `/v23.0/${submit.body.id}`, PAGE.accessToken, { query: { fields: 'id,name,status' } });
    expect(pending.body).toMatchObject({ status: 'PENDING' });
    await control(sim, 'POST', '/templates/review-policy', { delayMs: 50 });
    await until(
      async () =>
        (
          await graph<{ data: Array<{ status: string }> }>(sim, 'GET', `/v23.0/${PAGE.id}/message_templates`, PAGE.accessToken, {
            query: { name: 'delivery_update' },
          })
        ).body.data[0]?.status === 'APPROVED',
    );

    const rejected = await graph<{ id: string }>(sim, 'POST', `/v23.0/${PAGE.id}/message_templates`, PAGE.accessToken, {
      json: { name: 'bad_template', category: 'UTILITY', language: 'en_US', components: [{ type: 'BODY', text: '{{1}} is ready' }] },
    });
    await until(
      async () =>
        (await graph<{ status: string }>(sim, 'GET', `/v23.0/${rejected.body.id}`, PAGE.accessToken, { query: { fields: 'status' } })).body.status !==
        'PENDING',
    );
    const rej = await graph(sim, 'GET', `/v23.0/${rejected.body.id}`, PAGE.accessToken, { query: { fields: 'status,rejected_reason' } });
    expect(rej.body).toMatchObject({ status: 'REJECTED', rejected_reason: 'INCORRECT_PARAMS' });

    const aiko = SIM_SEED.messengerCustomers[2].psid; // last message 8 days ago
    const send = (name: string, params: string[]): Promise<{ status: number; body: Record<string, unknown> }> =>
      graph(sim, 'POST', `/v23.0/${PAGE.id}/messages`, PAGE.accessToken, {
        json: {
          recipient: { id: aiko },
          messaging_type: 'UTILITY',
          message: {
            template: { name, language: { code: 'en_US' }, components: [{ type: 'body', parameters: params.map((text) => ({ type: 'text', text })) }] },
          },
        },
      });
    expect((await send('delivery_update', ['Aiko', 'Z9'])).status).toBe(200);
    expect((await send(SIM_SEED.templates.pending.name, ['Monday'])).body).toMatchObject({ error: { code: 100 } });
    expect((await send('delivery_update', ['only one'])).body).toMatchObject({ error: { code: 100 } });
    const inbox = await control<{ messages: Array<{ text: string }> }>(sim, 'GET', `/customers/${aiko}/inbox`);
    expect(inbox.body.messages.map((m) => m.text)).toContain('Hello Aiko, your parcel Z9 arrives today.');
  });

  it('injects faults per endpoint pattern for the next N calls', async () => {
    await control(sim, 'POST', '/faults', { pattern: `POST /${PAGE.id}/messages`, code: 613, times: 2 });
    const a = await sendText(sim, JANE_PSID, '1');
    const b = await sendText(sim, JANE_PSID, '2');
    const c = await sendText(sim, JANE_PSID, '3');
    expect(a.body).toMatchObject({ error: { code: 613 } });
    expect(b.body).toMatchObject({ error: { code: 613 } });
    expect(c.status).toBe(200);

    await control(sim, 'POST', '/faults', { pattern: '/*/insights', code: 80002, times: 1 });
    const throttled = await graph(sim, 'GET', `/v23.0/${SIM_SEED.instagram.id}/insights`, PAGE.accessToken, { query: { metric: 'reach', period: 'day' } });
    expect(throttled.body).toMatchObject({ error: { code: 80002 } });
    const usage = JSON.parse(throttled.headers.get('x-business-use-case-usage') ?? '{}') as Record<
      string,
      Array<{ type: string; estimated_time_to_regain_access: number }>
    >;
    expect(usage[SIM_SEED.instagram.id]?.[0]).toMatchObject({ type: 'instagram', estimated_time_to_regain_access: 5 });

    await control(sim, 'POST', '/faults', { pattern: 'GET /me', httpStatus: 503, times: 1 });
    const down = await graph(sim, 'GET', '/v23.0/me', PAGE.accessToken);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ error: { code: 2, is_transient: true } });

    await control(sim, 'POST', '/faults', { pattern: 'GET /me', timeout: true, times: 1 });
    await expect(fetch(`${sim.url}/v23.0/me?access_token=x`, { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    const fine = await graph(sim, 'GET', '/v23.0/me', PAGE.accessToken);
    expect(fine.status).toBe(200);
  });

  it('afterHandling faults send the message, then lose the answer (5xx or no answer at all)', async () => {
    await control(sim, 'POST', '/faults', { pattern: `POST /${PAGE.id}/messages`, httpStatus: 500, times: 1, afterHandling: true });
    const lost = await sendText(sim, JANE_PSID, 'went out despite the 500');
    expect(lost.status).toBe(500);
    await control(sim, 'POST', '/faults', { pattern: `POST /${PAGE.id}/messages`, timeout: true, times: 1, afterHandling: true });
    const body = JSON.stringify({ recipient: { id: JANE_PSID }, messaging_type: 'RESPONSE', message: { text: 'went out, no answer' } });
    await expect(
      fetch(`${sim.url}/v23.0/${PAGE.id}/messages?access_token=${PAGE.accessToken}&appsecret_proof=${appSecretProof(PAGE.accessToken, sim.appSecret)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow();
    const inbox = await control<{ messages: Array<{ text: string }> }>(sim, 'GET', `/customers/${JANE_PSID}/inbox`);
    const texts = inbox.body.messages.map((m) => m.text);
    expect(texts.filter((t) => t === 'went out despite the 500')).toHaveLength(1);
    expect(texts.filter((t) => t === 'went out, no answer')).toHaveLength(1);
  });

  it('an afterHandling fault with latency only sends once and answers late with that message', async () => {
    await control(sim, 'POST', '/faults', { pattern: `POST /${PAGE.id}/messages`, latencyMs: 50, times: 1, afterHandling: true });
    const late = await sendText(sim, JANE_PSID, 'went out, answered late');
    expect(late.status).toBe(200);
    const inbox = await control<{ messages: Array<{ text: string; mid?: string }> }>(sim, 'GET', `/customers/${JANE_PSID}/inbox`);
    const sent = inbox.body.messages.filter((m) => m.text === 'went out, answered late');
    expect(sent).toHaveLength(1);
    expect(late.body).toMatchObject({ message_id: expect.any(String) });
  });

  it('validates insights metrics: current names work, deprecated ones fail with 100', async () => {
    const ok = await graph<{ data: Array<Record<string, unknown>> }>(sim, 'GET', `/v23.0/${SIM_SEED.instagram.id}/insights`, PAGE.accessToken, {
      query: { metric: 'reach,views,accounts_engaged', period: 'day', metric_type: 'total_value' },
    });
    expect(ok.body.data.map((d) => d['name'])).toEqual(['reach', 'views', 'accounts_engaged']);
    expect(ok.body.data[0]).toMatchObject({ period: 'day', total_value: { value: expect.any(Number) } });
    const series = await graph<{ data: Array<{ values: unknown[] }> }>(sim, 'GET', `/v23.0/${SIM_SEED.instagram.id}/insights`, PAGE.accessToken, {
      query: { metric: 'reach', period: 'day' },
    });
    expect(series.body.data[0]?.values.length).toBe(2);
    for (const metric of ['impressions', 'profile_views', 'website_clicks']) {
      const dep = await graph(sim, 'GET', `/v23.0/${SIM_SEED.instagram.id}/insights`, PAGE.accessToken, { query: { metric, period: 'day' } });
      expect(dep.body).toMatchObject({ error: { code: 100 } });
    }
    const media = await graph<{ data: Array<Record<string, unknown>> }>(sim, 'GET', `/v23.0/${SIM_SEED.media.reel}/insights`, PAGE.accessToken, {
      query: { metric: 'views,reach,ig_reels_avg_watch_time' },
    });
    expect(media.body.data[0]).toMatchObject({ name: 'views', period: 'lifetime', values: [{ value: expect.any(Number) }] });
    const plays = await graph(sim, 'GET', `/v23.0/${SIM_SEED.media.reel}/insights`, PAGE.accessToken, { query: { metric: 'plays' } });
    expect(plays.body).toMatchObject({ error: { code: 100 } });
  });
});
