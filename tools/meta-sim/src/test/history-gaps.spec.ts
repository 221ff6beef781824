import type { RunningMetaSim } from '../index';
import { SIM_SEED } from '../index';
import { control, graph, startTestSim, until, WebhookReceiver } from './sim-test-kit';

const PAGE = SIM_SEED.page;
const [JANE, MAX] = SIM_SEED.messengerCustomers;
const JANE_IG = SIM_SEED.instagramCustomers[0];
type Page<T> = { data: T[]; paging?: { cursors?: { after: string }; next?: string }; error?: { code: number } };
type Msg = { id: string; created_time: string; message: string; from: { id: string } };

describe('meta-sim: conversation history, webhook outages, faults for a period', () => {
  let sim: RunningMetaSim;
  let hooks: WebhookReceiver;
  const texts = (): string[] => hooks.messaging().map((m) => (m['message'] as { text?: string } | undefined)?.text ?? '');

  beforeAll(async () => {
    hooks = await new WebhookReceiver().start();
    sim = await startTestSim({ conversationsPerSecond: 2, webhooks: { instagram: `${hooks.url}/ig`, page: `${hooks.url}/fb` } });
  });
  beforeEach(async () => {
    sim.reset();
    sim.setWebhookUrls({ instagram: `${hooks.url}/ig`, page: `${hooks.url}/fb` });
    await sim.flushWebhooks();
    hooks.received.length = 0;
  });
  afterAll(async () => {
    await sim.close();
    await hooks.close();
  });

  it('serves weeks of history through the Conversations API, newest first and paged, without touching the windows', async () => {
    await control(sim, 'POST', '/settings', { conversationsPerSecond: 0 });
    const list = await graph<Page<{ id: string }>>(sim, 'GET', `/v27.0/${PAGE.id}/conversations`, PAGE.accessToken, {
      query: { platform: 'messenger', user_id: MAX.psid },
    });
    const convId = list.body.data[0]?.id ?? '';
    const all: Msg[] = [];
    let after: string | undefined;
    do {
      const res = await graph<Page<Msg>>(sim, 'GET', `/v27.0/${convId}/messages`, PAGE.accessToken, {
        query: { fields: 'id,created_time,message,from', limit: '5', ...(after ? { after } : {}) },
      });
      all.push(...res.body.data);
      after = res.body.paging?.next ? res.body.paging.cursors?.after : undefined;
    } while (after);
    expect(all.length).toBeGreaterThanOrEqual(12);
    const times = all.map((m) => Date.parse(m.created_time.replace('+0000', 'Z')));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(((times[0] ?? 0) - (times[times.length - 1] ?? 0)) / 86_400_000).toBeGreaterThan(28);
    expect(all[0]?.message).toBe('Thanks!');
    expect(all.some((m) => m.from.id === PAGE.id)).toBe(true);
    const late = await graph(sim, 'POST', `/v27.0/${PAGE.id}/messages`, PAGE.accessToken, {
      json: { recipient: { id: MAX.psid }, messaging_type: 'RESPONSE', message: { text: 'hi' } },
    });
    expect(late.body).toMatchObject({ error: { code: 10, error_subcode: 2018278 } }); // Max still wrote 26 h ago
  });

  it('limits the Conversations API to 2 calls per second per account with 613', async () => {
    const call = (platform: string): Promise<{ status: number; body: Page<unknown> }> =>
      graph<Page<unknown>>(sim, 'GET', `/v27.0/${PAGE.id}/conversations`, PAGE.accessToken, { query: { platform } });
    const burst = await Promise.all(Array.from({ length: 5 }, () => call('messenger')));
    expect(burst.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(2);
    expect(burst.filter((r) => r.status === 400).map((r) => r.body.error?.code)).toContain(613);
    expect((await call('instagram')).status).toBe(200); // the IG account has its own budget
    await until(async () => (await call('messenger')).status === 200);
  });

  it('pauses deliveries during an outage and sends them, in order, when it ends', async () => {
    const outage = await control<{ id: number }>(sim, 'POST', '/webhooks/outage', { mode: 'pause', object: 'page' });
    sim.customerSends(JANE.psid, { text: 'first' });
    sim.customerSends(JANE.psid, { text: 'second' });
    sim.customerSends(JANE_IG.igsid, { text: 'ig still flows' });
    await sim.flushWebhooks();
    expect(texts()).toEqual(['ig still flows']);
    expect((await control<{ data: Array<{ held: number }> }>(sim, 'GET', '/webhooks/outage')).body.data[0]?.held).toBe(2);
    await control(sim, 'DELETE', `/webhooks/outage/${outage.body.id}`);
    await sim.flushWebhooks();
    expect(texts()).toEqual(['ig still flows', 'first', 'second']);
  });

  it('drops deliveries (and the subscription) during an outage: the messages are only in the Conversations API', async () => {
    await control(sim, 'POST', '/webhooks/outage', { mode: 'drop', accountId: PAGE.id, unsubscribe: true, durationMs: 200 });
    const lost = sim.customerSends(JANE.psid, { text: 'are you there?' });
    await sim.flushWebhooks();
    expect(texts()).toEqual([]);
    await until(async () => (await control<{ data: unknown[] }>(sim, 'GET', '/webhooks/outage')).body.data.length === 0);
    const deliveries = await control<{ skipped: Array<{ reason: string }>; disabledSubscriptions: Array<{ accountId: string }> }>(sim, 'GET', '/deliveries');
    expect(deliveries.body.skipped.map((s) => s.reason)).toEqual(['outage']);
    expect(deliveries.body.disabledSubscriptions.map((d) => d.accountId)).toEqual([PAGE.id]);
    expect((await graph<Page<unknown>>(sim, 'GET', `/v27.0/${PAGE.id}/subscribed_apps`, PAGE.accessToken)).body.data).toEqual([]);
    const conv = await graph<Page<{ messages: Page<{ id: string }> }>>(sim, 'GET', `/v27.0/${PAGE.id}/conversations`, PAGE.accessToken, {
      query: { platform: 'messenger', user_id: JANE.psid, fields: 'messages.limit(1){id}' },
    });
    expect(conv.body.data[0]?.messages.data[0]?.id).toBe(lost.mid);
    sim.customerSends(JANE.psid, { text: 'still not subscribed' });
    await sim.flushWebhooks();
    expect(texts()).toEqual([]);
    await graph(sim, 'POST', `/v27.0/${PAGE.id}/subscribed_apps`, PAGE.accessToken, { json: { subscribed_fields: 'messages' } });
    sim.customerSends(JANE.psid, { text: 'back' });
    await sim.flushWebhooks();
    expect(texts()).toEqual(['back']);
  });

  it('injects faults for a period (5xx, 613, timeouts) that clear by themselves', async () => {
    // long enough to still hold for the next request on a busy CI machine, short enough to wait out
    const durationMs = 1_500;
    const before = Date.now();
    const fault = await control<{ expiresAt: number }>(sim, 'POST', '/faults', { pattern: 'GET /me', httpStatus: 503, durationMs });
    expect(fault.body.expiresAt).toBeGreaterThanOrEqual(before + durationMs);
    const failing = await graph(sim, 'GET', '/v27.0/me', PAGE.accessToken);
    expect([failing.status, failing.body]).toEqual([503, { error: expect.objectContaining({ code: 2, is_transient: true }) }]);
    await until(async () => (await graph(sim, 'GET', '/v27.0/me', PAGE.accessToken)).status === 200);
    expect(Date.now()).toBeGreaterThanOrEqual(fault.body.expiresAt);
    expect((await control<{ data: unknown[] }>(sim, 'GET', '/faults')).body.data).toEqual([]);
    await control(sim, 'POST', '/faults', { pattern: 'POST /*/messages', code: 613, durationMs: 60_000 });
    const throttled = await graph(sim, 'POST', `/v27.0/${PAGE.id}/messages`, PAGE.accessToken, {
      json: { recipient: { id: JANE.psid }, messaging_type: 'RESPONSE', message: { text: 'x' } },
    });
    expect(throttled.body).toMatchObject({ error: { code: 613 } });
    expect(JSON.parse(throttled.headers.get('x-business-use-case-usage') ?? '{}')[PAGE.id]?.[0]?.estimated_time_to_regain_access).toBe(5);
  });
});
