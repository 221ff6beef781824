import { SendMessageResponse } from '@ticklegram/domain-models';
import { RunningMetaSim, SIM_SEED, startMetaSim } from '@ticklegram/meta-sim';
import { randomUUID } from 'node:crypto';
import { ApiProcess, builtApi, SharedDatabase, sharedDatabase, sharedEnv } from '../utils/api-process';
import { freePort } from '../utils/free-port';
import { waitFor } from '../utils/webhooks-harness';

const BURST = 30;
const KILL_AT = 15;
const ADMIN = { email: 'crash-admin@int.test', password: 'crash-admin-password-1' };

interface Send {
  key: string;
  text: string;
  customer: string;
  conversationId: string;
  /** The first answer the agent's browser got, or null when the request died with the api. */
  first: SendMessageResponse | null;
}

/**
 * SIGKILL the built api during a burst of agent sends while Meta answers slowly (half of the sends reach
 * the customer before Meta's answer is even on its way). After the restart — the composer re-posting
 * what never got an answer with the same idempotency key, boot recovery, echoes redelivered by Meta and
 * reconciliation against the Conversations API — every send was delivered at most once, every one that
 * is not delivered says why, nothing stays pending or unknown, and the agent's retries of the failed
 * ones deliver each exactly once.
 */
describe('outbound sends survive SIGKILL (built api)', () => {
  let sim: RunningMetaSim;
  let shared: SharedDatabase;
  let build: ReturnType<typeof builtApi>;
  let api: ApiProcess;
  let token: string;
  const conversations = new Map<string, string>();
  const customers = [...SIM_SEED.messengerCustomers.slice(0, 4).map((c) => c.psid), ...SIM_SEED.instagramCustomers.slice(0, 4).map((c) => c.igsid)];

  const post = async (path: string, body: object, headers: Record<string, string> = {}) => {
    const res = await fetch(`${api.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const send = async (s: Send): Promise<SendMessageResponse | null> => {
    try {
      const res = await post(`/api/conversations/${s.conversationId}/messages`, { text: s.text }, { 'idempotency-key': s.key });
      return res.status === 201 ? (res.body as unknown as SendMessageResponse) : null;
    } catch {
      return null; // the api died under the request
    }
  };
  const customerGot = async (customer: string, text: string): Promise<number> => {
    const res = await fetch(`${sim.url}/_sim/customers/${customer}/inbox`);
    const inbox = (await res.json()) as { messages: { text?: string }[] };
    return inbox.messages.filter((m) => m.text === text).length;
  };
  const ours = async (sends: Send[]) => {
    const rows: { client_key: string; status: string; mid: string | null; error_message: string | null; id: string; conversation_id: string }[] =
      await shared.connection.query(
        `SELECT id, conversation_id, client_key, status, mid, error_message FROM messages WHERE client_key IN (${sends.map(() => '?').join(',')})`,
        sends.map((s) => s.key),
      );
    return rows;
  };

  beforeAll(async () => {
    build = builtApi();
    const { db, connect } = await sharedDatabase();
    sim = await startMetaSim({ port: 0, deliveryDelayMs: 5, retryDelaysMs: [300, 600, 1000, 1500, 2500, 4000, 6000], webhookTimeoutMs: 2000 });
    api = new ApiProcess(build.file, await freePort(), {
      ...sharedEnv(db, sim.url),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      META_GRAPH_TIMEOUT_MS: '4000',
      OUTBOUND_STUCK_PENDING_MS: '1000',
      OUTBOUND_RECONCILE_INTERVAL_MS: '300',
      OUTBOUND_RECONCILE_GRACE_MS: '2000',
    });
    await api.start();
    shared = await connect();
    await waitFor(
      async () =>
        (await shared.count('SELECT COUNT(*) AS n FROM facebook_pages')) > 0 && (await shared.count('SELECT COUNT(*) AS n FROM instagram_accounts')) > 0,
      45_000,
      'the sandbox channels',
    );
    sim.setWebhookUrls({ instagram: `${api.url}/webhooks/instagram`, page: `${api.url}/webhooks/facebook` });
    const login = await fetch(`${api.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    token = ((await login.json()) as { accessToken: string }).accessToken;
    for (const customer of customers) sim.customerSends(customer, { text: `hello ${randomUUID().slice(0, 6)}` });
    await sim.flushWebhooks();
    for (const customer of customers) {
      const rows: { id: string }[] = await waitFor(
        async () => {
          const found: { id: string }[] = await shared.connection.query('SELECT id FROM conversations WHERE customer_external_id = ?', [customer]);
          return found.length ? found : null;
        },
        20_000,
        `the conversation with ${customer}`,
      );
      conversations.set(customer, rows[0].id);
    }
  }, 300_000);

  afterAll(async () => {
    api?.kill();
    await shared?.close();
    await sim?.close();
    build?.dispose();
  });

  it('delivers every send at most once, explains the rest, and the agent’s retries deliver each exactly once', async () => {
    // Meta is slow to answer: half the sends reach the customer first and the answer comes 700 ms later,
    // the other half wait 700 ms before Meta acts on them
    sim.addFault({ pattern: 'POST /*/messages', latencyMs: 700, afterHandling: true, rate: 0.5 });
    sim.addFault({ pattern: 'POST /*/messages', latencyMs: 700 });

    const sends: Send[] = Array.from({ length: BURST }, (_, i) => {
      const customer = customers[i % customers.length];
      return {
        key: randomUUID(),
        text: `burst-${i}-${randomUUID().slice(0, 8)}`,
        customer,
        conversationId: conversations.get(customer) as string,
        first: null,
      };
    });
    const inFlight: Promise<void>[] = [];
    for (const [i, s] of sends.entries()) {
      if (i === KILL_AT) {
        // kill while sends are stored and waiting for Meta's answer
        await waitFor(async () => (await ours(sends)).filter((r) => r.status === 'pending').length >= 3, 30_000, 'sends in flight');
        api.kill();
      }
      inFlight.push(send(s).then((answer) => void (s.first = answer)));
      await new Promise((r) => setTimeout(r, 15));
    }
    await Promise.all(inFlight);
    const answeredBeforeKill = sends.filter((s) => s.first !== null).length;
    // the kill landed mid-send: some were stored but never answered
    const atKill = await ours(sends);
    expect(atKill.filter((r) => r.status === 'pending').length).toBeGreaterThan(0);
    expect(sends.filter((s) => s.first === null).length).toBeGreaterThanOrEqual(BURST - KILL_AT);

    await new Promise((r) => setTimeout(r, 1200)); // older than OUTBOUND_STUCK_PENDING_MS
    sim.clearFaults();
    await api.start();
    // the composer re-posts what never got an answer, with the same key
    for (const s of sends.filter((x) => x.first === null)) {
      const answer = await send(s);
      expect(answer).not.toBeNull();
      s.first = answer;
    }
    await sim.flushWebhooks();
    const settled = await waitFor(
      async () => {
        const rows = await ours(sends);
        return rows.length === BURST && rows.every((r) => !['pending', 'unknown'].includes(r.status)) ? rows : null;
      },
      60_000,
      'every send to be settled',
    );

    const deliveredTwice: string[] = [];
    for (const s of sends) if ((await customerGot(s.customer, s.text)) > 1) deliveredTwice.push(s.text);
    expect(deliveredTwice).toEqual([]);
    for (const row of settled) {
      if (row.status === 'failed') expect(row.error_message).toMatch(/\S/);
      else expect(row.mid).toBeTruthy();
    }
    // what the database says matches what the customer has
    for (const s of sends) {
      const row = settled.find((r) => r.client_key === s.key);
      const got = await customerGot(s.customer, s.text);
      expect({ text: s.text, status: row?.status, got }).toEqual({
        text: s.text,
        status: got === 1 ? expect.stringMatching(/^(sent|delivered|read)$/) : 'failed',
        got,
      });
    }

    // what happened, for docs/RELIABILITY.md
    const failedBeforeRetry = settled.filter((r) => r.status === 'failed').length;
    console.info(
      `[outbound-crash] ${BURST} sends; unanswered at the kill: ${sends.length - answeredBeforeKill}; pending in the database at the kill: ${atKill.filter((r) => r.status === 'pending').length}; settled as delivered: ${BURST - failedBeforeRetry}; failed with a reason (not delivered): ${failedBeforeRetry}; delivered twice: ${deliveredTwice.length}`,
    );

    // the agent retries what failed: each goes out once
    for (const row of settled.filter((r) => r.status === 'failed')) {
      const res = await post(`/api/conversations/${row.conversation_id}/messages/${row.id}/retry`, {});
      expect(res.status).toBe(200);
    }
    await sim.flushWebhooks();
    for (const s of sends) expect({ text: s.text, got: await customerGot(s.customer, s.text) }).toEqual({ text: s.text, got: 1 });
    expect(await shared.count(`SELECT COUNT(*) AS n FROM messages WHERE text LIKE 'burst-%'`)).toBe(BURST);
    expect(await shared.count(`SELECT COUNT(*) AS n FROM messages WHERE text LIKE 'burst-%' AND status IN ('pending', 'unknown', 'failed')`)).toBe(0);
  }, 420_000);
});
