import { ConversationListResponse, Role } from '@ticklegram/domain-models';
import { SIM_SEED } from '@ticklegram/meta-sim';
import { IngestionHarness, startIngestionHarness } from '../utils/webhooks-harness';

/** The inbox read endpoints within the caller's scope: admins all, agents theirs and unassigned ones. */
describe('inbox read scope (integration)', () => {
  let h: IngestionHarness;
  let agentA: { token: string; id: string };
  let agentB: { token: string; id: string };
  const get = (path: string, token: string) => h.t.http.get(path).set('Authorization', `Bearer ${token}`);
  const listIds = async (token: string) => ((await get('/api/conversations?limit=100', token)).body as ConversationListResponse).items.map((c) => c.id);

  beforeAll(async () => {
    h = await startIngestionHarness();
    const a = await h.t.createUser(Role.AGENT);
    const b = await h.t.createUser(Role.AGENT);
    agentA = { token: a.accessToken, id: a.user.id };
    agentB = { token: b.accessToken, id: b.user.id };
  });
  afterAll(() => h?.close());

  it("agents list and read their own and unassigned conversations, never a teammate's", async () => {
    h.sim.customerSends(SIM_SEED.instagramCustomers[0].igsid, { text: 'for Alice' });
    h.sim.customerSends(SIM_SEED.messengerCustomers[0].psid, { text: 'for anyone' });
    await h.settle();
    const rows: { id: string; customer_external_id: string }[] = await h.t.dataSource.query('SELECT id, customer_external_id FROM conversations');
    const idOf = (customer: string) => {
      const row = rows.find((r) => r.customer_external_id === customer);
      if (!row) throw new Error(`no conversation for ${customer}`);
      return row.id;
    };
    const alices = idOf(SIM_SEED.instagramCustomers[0].igsid);
    const open = idOf(SIM_SEED.messengerCustomers[0].psid);
    const assigned = await h.t.http.post(`/api/conversations/${alices}/assign`).set('Authorization', `Bearer ${h.admin}`).send({ assigneeId: agentA.id });
    expect(assigned.status).toBe(200);

    expect(await listIds(h.admin)).toEqual(expect.arrayContaining([alices, open]));
    expect(await listIds(agentA.token)).toEqual(expect.arrayContaining([alices, open]));
    const bobSees = await listIds(agentB.token);
    expect(bobSees).toContain(open);
    expect(bobSees).not.toContain(alices);

    // search cannot reach around the scope either
    const searched = ((await get('/api/conversations?search=Alice', agentB.token)).body as ConversationListResponse).items;
    expect(searched.map((c) => c.id)).not.toContain(alices);

    expect((await get(`/api/conversations/${alices}/messages`, agentA.token)).status).toBe(200);
    const denied = await get(`/api/conversations/${alices}/messages`, agentB.token);
    expect(denied.status).toBe(404);
    expect((await get(`/api/conversations/${open}/messages`, agentB.token)).status).toBe(200);
  });
});
