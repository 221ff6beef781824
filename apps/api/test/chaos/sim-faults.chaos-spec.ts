import { SendMessageResponse } from '@ticklegram/domain-models';
import { SIM_SEED } from '@ticklegram/meta-sim';
import { randomUUID } from 'node:crypto';
import { MessageEntity } from '../../src/modules/inbox/entities/message.entity';
import { IngestionHarness, startIngestionHarness, waitFor } from '../utils/webhooks-harness';

/** `npm run chaos` runs this (CHAOS_SCALE=2 there: longer fault windows). */
const SCALE = Math.max(1, Number(process.env['CHAOS_SCALE'] ?? 1));
const WINDOW_MS = 2500 * SCALE;

/**
 * Meta misbehaving for a while, one fault after the other, while agents keep sending and customers keep
 * writing: 5xx before Meta acts, timeouts after Meta delivered (answer lost), 613 and 4 rate limits, with
 * the Conversations API down during the 5xx window. Afterwards: every customer message applied exactly
 * once, every agent send delivered at most once and either delivered or failed with a plain reason,
 * nothing stuck pending/unknown; retrying the failed ones delivers each exactly once.
 */
describe('chaos: Meta answering 5xx / timeouts / 613 / 4 for a while (integration)', () => {
  let h: IngestionHarness;
  const customers = [...SIM_SEED.messengerCustomers.slice(0, 3).map((c) => c.psid), ...SIM_SEED.instagramCustomers.slice(0, 3).map((c) => c.igsid)];
  const conversations = new Map<string, string>();
  const admin = () => ({ Authorization: `Bearer ${h.admin}` });
  const customerGot = async (customer: string, text: string) => {
    const inbox = await h.control<{ messages: { text?: string }[] }>(`/_sim/customers/${customer}/inbox`);
    return inbox.messages.filter((m) => m.text === text).length;
  };

  beforeAll(async () => {
    h = await startIngestionHarness({ META_GRAPH_TIMEOUT_MS: '1200', OUTBOUND_RECONCILE_INTERVAL_MS: '300', OUTBOUND_RECONCILE_GRACE_MS: '1500' });
    for (const customer of customers) h.sim.customerSends(customer, { text: `hello ${randomUUID().slice(0, 6)}` });
    await h.settle();
    for (const customer of customers) {
      const rows: { id: string }[] = await h.t.dataSource.query('SELECT id FROM conversations WHERE customer_external_id = ?', [customer]);
      conversations.set(customer, rows[0].id);
    }
  }, 120_000);
  afterAll(() => h?.close());

  it('loses nothing and sends nothing twice', async () => {
    const phases = [
      {
        name: '5xx',
        faults: [
          { pattern: 'POST /*/messages', httpStatus: 503 },
          { pattern: 'GET /*/conversations', httpStatus: 500 },
        ],
      },
      { name: 'timeouts after delivery', faults: [{ pattern: 'POST /*/messages', timeout: true, afterHandling: true }] },
      // Meta names when access comes back (estimated_time_to_regain_access); the client pauses the account that long
      { name: '613', faults: [{ pattern: 'POST /*/messages', code: 613, regainAccessMinutes: 0.05 }] },
      { name: '4', faults: [{ pattern: '*', code: 4, regainAccessMinutes: 0.05 }] },
    ];
    const sends: { customer: string; text: string; answer: Promise<SendMessageResponse | null> }[] = [];
    const inbound: string[] = [];
    let i = 0;
    for (const phase of phases) {
      for (const fault of phase.faults) h.sim.addFault({ ...fault, durationMs: WINDOW_MS });
      const until = Date.now() + WINDOW_MS;
      while (Date.now() < until) {
        const customer = customers[i % customers.length];
        const text = `chaos ${phase.name} ${i} ${randomUUID().slice(0, 6)}`;
        const answer = h.t.http
          .post(`/api/conversations/${conversations.get(customer)}/messages`)
          .set(admin())
          .set('Idempotency-Key', randomUUID())
          .send({ text })
          .then((res) => (res.status === 201 ? (res.body as SendMessageResponse) : null));
        sends.push({ customer, text, answer });
        inbound.push(h.sim.customerSends(customers[(i + 1) % customers.length], { text: `customer ${i}` }).mid);
        i += 1;
        await new Promise((r) => setTimeout(r, 250));
      }
      h.sim.clearFaults();
    }
    const answers = await Promise.all(sends.map((s) => s.answer));
    expect(answers.every((a) => a !== null)).toBe(true); // every send got an answer (201), whatever Meta did
    await h.settle();

    // every customer message applied exactly once; no webhook row left behind
    for (const mid of inbound) expect(await h.count('SELECT COUNT(*) AS n FROM messages WHERE mid = ?', [mid])).toBe(1);
    expect(await h.count(`SELECT COUNT(*) AS n FROM webhook_events WHERE status IN ('pending','processing','failed','dead')`)).toBe(0);

    // every send settles: delivered (once), or failed with a reason — never stuck pending/unknown
    const messages = () => h.t.dataSource.getRepository(MessageEntity);
    const ids = answers.map((a) => (a as SendMessageResponse).message.id);
    const settled = await waitFor(
      async () => {
        const rows = await Promise.all(ids.map((id) => messages().findOneByOrFail({ id })));
        return rows.every((r) => r.status !== 'pending' && r.status !== 'unknown') ? rows : null;
      },
      60_000,
      'every send to settle',
    ).catch(async (error: unknown) => {
      const rows = await Promise.all(ids.map((id) => messages().findOneByOrFail({ id })));
      const stuck = rows.filter((r) => r.status === 'pending' || r.status === 'unknown');
      const twins = await Promise.all(stuck.slice(0, 4).map((r) => messages().find({ where: { text: r.text as string } })));
      const echoes = h.sim
        .deliveries()
        .filter((d) => stuck.some((r) => d.body.includes(r.text as string)))
        .map((d) => [d.ok, d.status, d.body.slice(0, 300)]);
      throw new Error(
        `${String(error)}: ${JSON.stringify(stuck.map((r) => [r.status, r.errorCode, r.text, r.updatedAt]))} twins ${JSON.stringify(twins.map((t) => t.map((m) => [m.status, m.source, m.mid, m.clientKey])))} echoes ${JSON.stringify(echoes.slice(0, 3))} now ${new Date().toISOString()}`,
      );
    });
    const failed = settled.filter((r) => r.status === 'failed');
    for (const row of failed) expect(row.errorMessage).toMatch(/\S/);
    for (const [index, s] of sends.entries()) {
      const got = await customerGot(s.customer, s.text);
      expect({ text: s.text, got, status: settled[index].status }).toEqual({
        text: s.text,
        got: settled[index].status === 'failed' ? 0 : 1,
        status: settled[index].status,
      });
    }
    console.info(
      `[chaos sim-faults] ${sends.length} sends and ${inbound.length} customer messages over ${phases.length} fault windows of ${WINDOW_MS} ms; delivered: ${sends.length - failed.length}; failed with a reason: ${failed.length} (${[...new Set(failed.map((f) => f.errorCode))].join(', ')})`,
    );

    for (const row of failed) {
      const res = await h.t.http.post(`/api/conversations/${row.conversationId}/messages/${row.id}/retry`).set(admin());
      expect(res.status).toBe(200);
    }
    for (const s of sends) expect({ text: s.text, got: await customerGot(s.customer, s.text) }).toEqual({ text: s.text, got: 1 });
  }, 300_000);
});
