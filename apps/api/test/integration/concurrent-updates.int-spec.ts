import { Role } from '@ticklegram/domain-models';
import { SIM_SEED } from '@ticklegram/meta-sim';
import { randomUUID } from 'node:crypto';
import { AssignmentService } from '../../src/modules/assignment/assignment.service';
import { ConversationEntity } from '../../src/modules/inbox/entities/conversation.entity';
import { ScopedConversationRepository } from '../../src/modules/inbox/repositories/scoped-conversation.repository';
import { IngestionHarness, startIngestionHarness } from '../utils/webhooks-harness';

const FB = SIM_SEED.messengerCustomers;

/**
 * Agents' status / read / priority / snooze-wake updates write only their own columns: a teammate's
 * reassignment (or a new customer message) that lands between the request reading the row and writing it
 * is never undone. The interleaving is forced: the request's own read is held while the other change commits.
 */
describe('conversation updates never undo a concurrent change (integration)', () => {
  let h: IngestionHarness;
  let agentA: { token: string; id: string };
  let agentB: { token: string; id: string };
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const conversations = () => h.t.dataSource.getRepository(ConversationEntity);
  const repo = () => h.t.app.get(ScopedConversationRepository);

  const conversationWith = async (customerId: string): Promise<string> => {
    h.sim.customerSends(customerId, { text: `hi ${randomUUID().slice(0, 6)}` });
    await h.settle();
    const row = await conversations().findOneByOrFail({ customerExternalId: customerId });
    return row.id;
  };

  /** The next scoped read of the conversation returns the row as it was, then `meanwhile` commits before the caller goes on. */
  const interleave = (meanwhile: () => Promise<unknown>) => {
    const original = repo().findVisible.bind(repo());
    return jest.spyOn(repo(), 'findVisible').mockImplementationOnce(async (...args: Parameters<ScopedConversationRepository['findVisible']>) => {
      const loaded = await original(...args);
      await meanwhile();
      return loaded;
    });
  };

  beforeAll(async () => {
    h = await startIngestionHarness();
    const a = await h.t.createUser(Role.AGENT);
    const b = await h.t.createUser(Role.AGENT);
    agentA = { token: a.accessToken, id: a.user.id };
    agentB = { token: b.accessToken, id: b.user.id };
  });
  afterAll(() => h?.close());
  afterEach(() => jest.restoreAllMocks());

  it('an admin resolving while a teammate takes the conversation: resolved, and still the teammate’s', async () => {
    const id = await conversationWith(FB[0].psid);
    await conversations().update({ id }, { assigneeId: null, status: 'open' });
    const spy = interleave(() => h.t.http.post(`/api/conversations/${id}/assign`).set(bearer(agentB.token)).send({ assigneeId: agentB.id }).expect(200));
    const res = await h.t.http.patch(`/api/conversations/${id}`).set(bearer(h.admin)).send({ status: 'resolved' });
    expect(spy).toHaveBeenCalled();
    expect(res.status).toBe(200);
    expect(res.body.conversation).toMatchObject({ status: 'resolved', assigneeId: agentB.id });
    expect(await conversations().findOneByOrFail({ id })).toMatchObject({ status: 'resolved', assigneeId: agentB.id });
  });

  it('marking read while an admin reassigns: read, and the new assignee kept', async () => {
    const id = await conversationWith(FB[1].psid);
    await conversations().update({ id }, { assigneeId: agentA.id, unreadCount: 3 });
    interleave(() => h.t.http.post(`/api/conversations/${id}/assign`).set(bearer(h.admin)).send({ assigneeId: agentB.id }).expect(200));
    const res = await h.t.http.post(`/api/conversations/${id}/read`).set(bearer(h.admin));
    expect(res.status).toBe(200);
    expect(await conversations().findOneByOrFail({ id })).toMatchObject({ unreadCount: 0, assigneeId: agentB.id });
  });

  it('setting priority while the customer writes again: the new unread count and reopened status survive', async () => {
    const id = await conversationWith(FB[2].psid);
    await conversations().update({ id }, { assigneeId: null, status: 'resolved', unreadCount: 0 });
    interleave(async () => {
      h.sim.customerSends(FB[2].psid, { text: 'one more thing' });
      await h.settle();
    });
    const res = await h.t.http.put(`/api/conversations/${id}/priority`).set(bearer(agentA.token)).send({ priority: 'high' });
    expect(res.status).toBe(200);
    const row = await conversations().findOneByOrFail({ id });
    expect(row).toMatchObject({ priority: 'high', status: 'open', unreadCount: 1 });
    expect(res.body).toMatchObject({ priority: 'high', status: 'open', unreadCount: 1 });
  });

  it('a snooze waking up does not reopen a conversation an agent resolved at the same moment', async () => {
    const id = await conversationWith(FB[3].psid);
    await conversations().update({ id }, { assigneeId: null, status: 'open' });
    const until = new Date(Date.now() + 60_000).toISOString();
    expect((await h.t.http.patch(`/api/conversations/${id}`).set(bearer(h.admin)).send({ status: 'snoozed', snoozedUntil: until })).status).toBe(200);
    // the sweep reads the snoozed row; an agent resolves it before the sweep writes
    const original = repo().findById.bind(repo());
    jest.spyOn(repo(), 'findById').mockImplementationOnce(async (...args: Parameters<ScopedConversationRepository['findById']>) => {
      const loaded = await original(...args);
      await conversations().update({ id }, { status: 'resolved' });
      return loaded;
    });
    await h.t.app.get(AssignmentService).wakeSnoozed(new Date(Date.now() + 120_000));
    expect((await conversations().findOneByOrFail({ id })).status).toBe('resolved');
  });
});
