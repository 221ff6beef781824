import { MessageDto } from '@ticklegram/domain-models';
import { SIM_SEED } from '@ticklegram/meta-sim';
import { randomUUID } from 'node:crypto';
import { MessageEntity } from '../../src/modules/inbox/entities/message.entity';
import { OutboundReconciliationService } from '../../src/modules/messaging/outbound-reconciliation.service';
import { IngestionHarness, startIngestionHarness, waitFor } from '../utils/webhooks-harness';

const FB = SIM_SEED.messengerCustomers;
const IG = SIM_SEED.instagramCustomers;
const PAGE_ID = SIM_SEED.page.id;
/** Meta's 613 on the Page's Conversations API names 15 s (`estimated_time_to_regain_access`): the Page account is paused that long. */
const PAUSE_MINUTES = 0.25;

/**
 * The periodic reconciliation while Meta has paused one account: it used to sit out the pause inside the
 * Graph client for every send of that account, and the timer queued a pass per tick, each with the clock
 * of its tick — so a send of another account stayed unknown until long after it could have been settled.
 * Now a send on the paused account is `deferred` at once (stays unknown, never judged), the other
 * accounts' sends are settled by the next tick, and once the pause is over the deferred ones are judged.
 */
describe('outbound: reconciliation while Meta paused an account (integration)', () => {
  let h: IngestionHarness;
  const admin = () => ({ Authorization: `Bearer ${h.admin}` });
  const reconciler = () => h.t.app.get(OutboundReconciliationService);
  const messages = () => h.t.dataSource.getRepository(MessageEntity);
  const status = async (id: string) => (await messages().findOneByOrFail({ id })).status;

  const conversationWith = async (customerId: string): Promise<string> => {
    h.sim.customerSends(customerId, { text: `hello ${randomUUID().slice(0, 6)}` });
    await h.settle();
    const rows: { id: string }[] = await h.t.dataSource.query('SELECT id FROM conversations WHERE customer_external_id = ?', [customerId]);
    if (!rows[0]) throw new Error(`no conversation for ${customerId}`);
    return rows[0].id;
  };
  const send = async (conversationId: string, text: string): Promise<MessageDto> => {
    const res = await h.t.http.post(`/api/conversations/${conversationId}/messages`).set(admin()).set('Idempotency-Key', randomUUID()).send({ text });
    expect(res.status).toBe(201);
    return res.body.message as MessageDto;
  };
  const customerGot = async (customerId: string, text: string) => {
    const inbox = await h.control<{ messages: { text?: string }[] }>(`/_sim/customers/${customerId}/inbox`);
    return inbox.messages.filter((m) => m.text === text).length;
  };
  const pausedLookups = () => h.sim.context.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/${PAGE_ID}/conversations`) && r.status >= 400);

  beforeAll(async () => {
    h = await startIngestionHarness({ META_GRAPH_TIMEOUT_MS: '1500', OUTBOUND_RECONCILE_INTERVAL_MS: '300', OUTBOUND_RECONCILE_GRACE_MS: '4000' });
  }, 120_000);
  afterAll(() => h?.close());

  it('defers the paused account’s sends without waiting, settles the other account’s at the next tick, judges the deferred ones after the pause', async () => {
    const fbConversations = [await conversationWith(FB[0].psid), await conversationWith(FB[1].psid)];
    const igConversation = await conversationWith(IG[0].igsid);

    // two Messenger sends Meta never acted on (5xx before anything happened): unknown
    h.sim.addFault({ pattern: `POST /${PAGE_ID}/messages`, httpStatus: 503, times: 2 });
    const fbTexts = fbConversations.map((_, i) => `before the pause ${i} ${randomUUID().slice(0, 8)}`);
    const fbSends = [await send(fbConversations[0], fbTexts[0]), await send(fbConversations[1], fbTexts[1])];
    expect(fbSends.map((m) => m.status)).toEqual(['unknown', 'unknown']);

    // the next lookup on the Page is answered 613: the client pauses the Page's account for 15 s
    h.sim.addFault({ pattern: `GET /${PAGE_ID}/conversations`, code: 613, regainAccessMinutes: PAUSE_MINUTES, times: 1 });
    await waitFor(async () => pausedLookups().length > 0, 10_000, 'a lookup answered 613');
    const pausedAt = Date.now();

    // an Instagram send (another account): Meta delivered it, the answer timed out and the echo is lost
    await h.control('/_sim/webhooks/outage', { mode: 'drop' });
    h.sim.addFault({ pattern: 'POST /*/messages', timeout: true, times: 1, afterHandling: true });
    const igText = `other account ${randomUUID().slice(0, 8)}`;
    const igSend = await send(igConversation, igText);
    expect(igSend.status).toBe('unknown');
    await fetch(`${h.sim.url}/_sim/webhooks/outage`, { method: 'DELETE' });

    // settled by the periodic pass well inside the pause (it used to wait 15 s per Messenger send first)
    await waitFor(async () => /^(sent|delivered|read)$/.test(await status(igSend.id)), 6_000, 'the Instagram send to be settled while the Page is paused');
    expect(Date.now() - pausedAt).toBeLessThan(PAUSE_MINUTES * 60_000);
    expect(await customerGot(IG[0].igsid, igText)).toBe(1);

    // the paused account's sends are past their grace period but not judged: deferred, without waiting, without calling Meta
    const lookupsBefore = pausedLookups().length;
    const started = Date.now();
    const pass = await reconciler().sweep();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(pass).toMatchObject({ deferred: 2, not_delivered: 0 });
    expect(await Promise.all(fbSends.map((m) => status(m.id)))).toEqual(['unknown', 'unknown']);
    expect(pausedLookups()).toHaveLength(lookupsBefore);

    // once the pause is over, the periodic pass asks Meta and judges them: not delivered, retryable, delivered once
    const judged = await waitFor(
      async () => {
        const rows = await Promise.all(fbSends.map((m) => messages().findOneByOrFail({ id: m.id })));
        return rows.every((r) => r.status === 'failed') ? rows : null;
      },
      PAUSE_MINUTES * 60_000 + 10_000,
      'the deferred sends to be judged after the pause',
    );
    expect(Date.now() - pausedAt).toBeGreaterThanOrEqual(PAUSE_MINUTES * 60_000 - 1_000);
    for (const row of judged) expect(row).toMatchObject({ errorCode: 'NOT_DELIVERED', mid: null });
    for (const [i, m] of fbSends.entries()) {
      expect(await customerGot(FB[i].psid, fbTexts[i])).toBe(0);
      const retried = await h.t.http.post(`/api/conversations/${fbConversations[i]}/messages/${m.id}/retry`).set(admin());
      expect(retried.status).toBe(200);
      expect(await customerGot(FB[i].psid, fbTexts[i])).toBe(1);
    }
  }, 90_000);
});
