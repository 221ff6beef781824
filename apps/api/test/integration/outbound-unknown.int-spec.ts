import { MessageDto } from '@ticklegram/domain-models';
import { SIM_SEED } from '@ticklegram/meta-sim';
import { randomUUID } from 'node:crypto';
import { MessageEntity } from '../../src/modules/inbox/entities/message.entity';
import { OutboundReconciliationService } from '../../src/modules/messaging/outbound-reconciliation.service';
import { IngestionHarness, startIngestionHarness, waitFor } from '../utils/webhooks-harness';

const FB = SIM_SEED.messengerCustomers;
const IG = SIM_SEED.instagramCustomers;

/**
 * Sends whose outcome Meta never told us (5xx, timeout, lost echo) are never sent twice: they become
 * `unknown`, cannot be retried, and are settled against Meta — by the echo's client key or by looking the
 * message up — before anyone may send them again. The simulator's `afterHandling` faults deliver the
 * message to the customer and then lose the answer, like a real network failure after Meta acted.
 */
describe('outbound: unknown outcomes are reconciled with Meta, never sent twice (integration)', () => {
  let h: IngestionHarness;
  const admin = () => ({ Authorization: `Bearer ${h.admin}` });
  const reconciler = () => h.t.app.get(OutboundReconciliationService);
  const messages = () => h.t.dataSource.getRepository(MessageEntity);
  const graphSends = () => h.sim.context.requests.filter((r) => r.method === 'POST' && /\/messages$/.test(r.path));

  const conversationWith = async (customerId: string): Promise<string> => {
    h.sim.customerSends(customerId, { text: `hello ${randomUUID().slice(0, 6)}` });
    await h.settle();
    const rows: { id: string }[] = await h.t.dataSource.query('SELECT id FROM conversations WHERE customer_external_id = ?', [customerId]);
    if (!rows[0]) throw new Error(`no conversation for ${customerId}`);
    return rows[0].id;
  };
  const send = (conversationId: string, text: string) =>
    h.t.http.post(`/api/conversations/${conversationId}/messages`).set(admin()).set('Idempotency-Key', randomUUID()).send({ text });
  const retry = (conversationId: string, messageId: string) => h.t.http.post(`/api/conversations/${conversationId}/messages/${messageId}/retry`).set(admin());
  const customerGot = async (customerId: string, text: string) => {
    const inbox = await h.control<{ messages: { text?: string }[] }>(`/_sim/customers/${customerId}/inbox`);
    return inbox.messages.filter((m) => m.text === text).length;
  };
  const outage = (mode: 'pause' | 'drop') => h.control<{ id: number }>('/_sim/webhooks/outage', { mode });
  const endOutages = () => fetch(`${h.sim.url}/_sim/webhooks/outage`, { method: 'DELETE' });

  beforeAll(async () => {
    h = await startIngestionHarness({ META_GRAPH_TIMEOUT_MS: '1500' });
  });
  afterAll(() => h?.close());
  afterEach(async () => {
    h.sim.clearFaults();
    await endOutages();
  });

  it('a 5xx after Meta delivered it: unknown, not retryable, then the echo (client key) settles it as sent — the customer has it once', async () => {
    const id = await conversationWith(FB[3].psid);
    await outage('pause');
    h.sim.addFault({ pattern: 'POST /*/messages', httpStatus: 500, times: 1, afterHandling: true });
    const before = graphSends().length;
    const text = `5xx after delivery ${randomUUID().slice(0, 8)}`;
    const res = await send(id, text);
    expect(res.status).toBe(201);
    const unknown = res.body.message as MessageDto;
    expect(unknown).toMatchObject({ status: 'unknown', mid: null });
    expect(unknown.errorMessage).toMatch(/may or may not have reached the customer/);
    expect(graphSends().length - before).toBe(1);

    const refused = await retry(id, unknown.id);
    expect([refused.status, refused.body.code]).toEqual([409, 'MESSAGING_SEND_UNCONFIRMED']);
    expect(refused.body.message).toMatch(/twice/);
    expect(graphSends().length - before).toBe(1);

    await endOutages();
    await h.settle();
    const settled = await waitFor(async () => {
      const row = await messages().findOneBy({ id: unknown.id });
      return row && row.status !== 'unknown' ? row : null;
    });
    expect(settled).toMatchObject({ status: expect.stringMatching(/^(sent|delivered|read)$/), errorCode: null, errorMessage: null });
    expect(settled.mid).toBeTruthy();
    expect(await messages().countBy({ conversationId: id, text })).toBe(1);
    expect(await customerGot(FB[3].psid, text)).toBe(1);
  });

  it('a timeout after Meta delivered it and the echo lost: the message lookup finds it and records its mid', async () => {
    const id = await conversationWith(IG[3].igsid);
    await outage('drop');
    h.sim.addFault({ pattern: 'POST /*/messages', timeout: true, times: 1, afterHandling: true });
    const text = `timeout after delivery ${randomUUID().slice(0, 8)}`;
    const res = await send(id, text);
    expect(res.body.message).toMatchObject({ status: 'unknown', mid: null });

    const outcome = await reconciler().sweep();
    expect(outcome.sent).toBe(1);
    const row = await messages().findOneByOrFail({ id: res.body.message.id });
    const simMessages = h.sim.context.requests.filter((r) => r.method === 'GET' && /\/messages$/.test(r.path));
    expect(simMessages.length).toBeGreaterThan(0);
    expect(row).toMatchObject({ status: 'sent', errorCode: null, errorMessage: null });
    expect(row.mid).toMatch(/\S/);
    expect(await customerGot(IG[3].igsid, text)).toBe(1);
    // settled: a retry is refused without calling Meta
    const before = graphSends().length;
    expect((await retry(id, row.id)).status).toBe(409);
    expect(graphSends()).toHaveLength(before);
  });

  it('a 5xx before Meta acted: unknown during the grace period, then failed (not delivered), and only then retryable — sent once', async () => {
    const id = await conversationWith(FB[2].psid);
    h.sim.addFault({ pattern: 'POST /*/messages', httpStatus: 503, times: 1 });
    const before = graphSends().length;
    const text = `5xx before delivery ${randomUUID().slice(0, 8)}`;
    const res = await send(id, text);
    const messageId = (res.body.message as MessageDto).id;
    expect(res.body.message).toMatchObject({ status: 'unknown' });
    expect(graphSends().length - before).toBe(1);

    // the echo may still be on its way: too early to say Meta does not have it
    expect((await reconciler().sweep()).unknown).toBeGreaterThanOrEqual(1);
    expect((await messages().findOneByOrFail({ id: messageId })).status).toBe('unknown');

    const later = await reconciler().sweep(() => Date.now() + h.t.config.outbound.reconcileGraceMs + 1000);
    expect(later.not_delivered).toBe(1);
    const failed = await messages().findOneByOrFail({ id: messageId });
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'NOT_DELIVERED', mid: null });
    expect(failed.errorMessage).toMatch(/never reached the customer/);
    expect(await customerGot(FB[2].psid, text)).toBe(0);

    const retried = await retry(id, messageId);
    expect(retried.status).toBe(200);
    expect(retried.body.message.status).toMatch(/^(sent|delivered|read)$/);
    expect(graphSends().length - before).toBe(2);
    expect(await customerGot(FB[2].psid, text)).toBe(1);
  });

  it('when Meta cannot be asked, the send stays unknown (never guessed failed)', async () => {
    const id = await conversationWith(FB[1].psid);
    h.sim.addFault({ pattern: 'POST /*/messages', httpStatus: 500, times: 1 });
    const res = await send(id, `lookup down ${randomUUID().slice(0, 8)}`);
    expect(res.body.message.status).toBe('unknown');
    h.sim.addFault({ pattern: 'GET /*/conversations', httpStatus: 500 });
    await reconciler().sweep(() => Date.now() + h.t.config.outbound.reconcileGraceMs + 1000);
    expect((await messages().findOneByOrFail({ id: res.body.message.id })).status).toBe('unknown');
    h.sim.clearFaults();
    expect((await reconciler().sweep(() => Date.now() + h.t.config.outbound.reconcileGraceMs + 1000)).not_delivered).toBeGreaterThanOrEqual(1);
    expect((await messages().findOneByOrFail({ id: res.body.message.id })).status).toBe('failed');
  });
});
