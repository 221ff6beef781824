import {
  ClientToServerEvents,
  ConversationPresenceEvent,
  MessageEventPayload,
  Role,
  RoomAck,
  ServerToClientEvents,
  SessionReadyEvent,
} from '@ticklegram/domain-models';
import { SIM_SEED } from '@ticklegram/meta-sim';
import { randomUUID } from 'node:crypto';
import { io, Socket } from 'socket.io-client';
import { IngestionHarness, startIngestionHarness, waitFor } from '../utils/webhooks-harness';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type EventName = keyof ServerToClientEvents;

/**
 * Conversation rooms, scoped fan-out and presence over real sockets (socket.io-client) against the
 * booted api, the Meta simulator playing the customers.
 */
describe('collaboration: conversation rooms, scoped events, presence (e2e)', () => {
  let h: IngestionHarness;
  const sockets: ClientSocket[] = [];
  let admin: { token: string; id: string };
  let agentA: { token: string; id: string };
  let agentB: { token: string; id: string };

  /** A connected socket that records every event it receives. */
  const connect = async (token: string) => {
    const socket: ClientSocket = io(h.t.url, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
    sockets.push(socket);
    const seen: { event: EventName; payload: unknown }[] = [];
    socket.onAny((event: EventName, payload: unknown) => seen.push({ event, payload }));
    await new Promise<SessionReadyEvent>((resolve, reject) => {
      socket.once('session.ready', resolve);
      socket.once('connect_error', reject);
    });
    return {
      socket,
      seen,
      of: <T>(event: EventName) => seen.filter((s) => s.event === event).map((s) => s.payload as T),
      join: (conversationId: string) => socket.timeout(3000).emitWithAck('conversation.join', { conversationId }) as Promise<RoomAck>,
      leave: (conversationId: string) => socket.timeout(3000).emitWithAck('conversation.leave', { conversationId }) as Promise<RoomAck>,
      typing: (conversationId: string, typing: boolean) => socket.timeout(3000).emitWithAck('presence.typing', { conversationId, typing }) as Promise<RoomAck>,
    };
  };
  type Client = Awaited<ReturnType<typeof connect>>;

  const conversationWith = async (customerId: string): Promise<string> => {
    h.sim.customerSends(customerId, { text: `hi ${randomUUID().slice(0, 6)}` });
    await h.settle();
    const rows: { id: string }[] = await h.t.dataSource.query('SELECT id FROM conversations WHERE customer_external_id = ?', [customerId]);
    return rows[0].id;
  };
  const assign = (conversationId: string, assigneeId: string | null) =>
    h.t.http.post(`/api/conversations/${conversationId}/assign`).set('Authorization', `Bearer ${admin.token}`).send({ assigneeId });
  const adminSends = async (conversationId: string, text: string) => {
    const res = await h.t.http
      .post(`/api/conversations/${conversationId}/messages`)
      .set('Authorization', `Bearer ${admin.token}`)
      .set('Idempotency-Key', randomUUID())
      .send({ text });
    expect(['sent', 'delivered', 'read']).toContain(res.body.message.status);
    return res.body.message.id as string;
  };
  const messagesFor = (client: Client, messageId: string) =>
    client
      .of<MessageEventPayload>('message.updated')
      .concat(client.of<MessageEventPayload>('message.created'))
      .filter((p) => p.message.id === messageId);
  const lastPresence = (client: Client, conversationId: string) =>
    client
      .of<ConversationPresenceEvent>('presence.updated')
      .filter((p) => p.conversationId === conversationId)
      .pop();

  beforeAll(async () => {
    // with TEST_REDIS_URL (CI) the Socket.IO server runs on the Redis adapter: room eviction uses fetchSockets across it
    const redisUrl = process.env['TEST_REDIS_URL'];
    h = await startIngestionHarness(redisUrl ? { REDIS_URL: redisUrl } : {});
    const a = await h.t.createUser(Role.AGENT, { name: 'Alice Agent' });
    const b = await h.t.createUser(Role.AGENT, { name: 'Bob Agent' });
    const adminSession = await h.t.login('admin@int.test', 'admin-password-123');
    admin = { token: adminSession.accessToken, id: adminSession.user.id };
    agentA = { token: a.accessToken, id: a.user.id };
    agentB = { token: b.accessToken, id: b.user.id };
  });
  afterEach(() => {
    sockets.splice(0).forEach((s) => s.disconnect());
  });
  afterAll(() => h?.close());

  it("joins only conversations the user may see; events of a teammate's conversation never reach other agents", async () => {
    const id = await conversationWith(SIM_SEED.instagramCustomers[0].igsid);
    expect((await assign(id, agentA.id)).status).toBe(200);
    const [alice, bob, boss] = [await connect(agentA.token), await connect(agentB.token), await connect(admin.token)];

    const refused = await bob.join(id);
    expect(refused).toEqual({ ok: false, code: 'MESSAGING_CONVERSATION_NOT_FOUND', message: expect.any(String) });
    expect(await bob.join(randomUUID())).toEqual(refused);
    expect(await bob.join('not-an-id')).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await bob.typing(id, true)).toMatchObject({ ok: false });

    const joined = await alice.join(id);
    expect(joined).toMatchObject({ ok: true, viewers: [{ userId: agentA.id, name: 'Alice Agent' }], typing: [] });
    expect((await boss.join(id)).ok).toBe(true);

    const messageId = await adminSends(id, 'Scoped hello');
    await waitFor(
      async () => messagesFor(alice, messageId).length >= 2 && messagesFor(boss, messageId).length >= 2,
      5000,
      'created + updated to Alice and the admin',
    );
    // one emit to the union of rooms: Alice is in the room and in her user room, yet gets each event once
    expect(alice.of<MessageEventPayload>('message.created').filter((p) => p.message.id === messageId)).toHaveLength(1);
    expect(messagesFor(bob, messageId)).toEqual([]);

    // the customer writes again (webhook → ingestion): Alice and the admin hear it once, Bob not at all
    const inbound = h.sim.customerSends(SIM_SEED.instagramCustomers[0].igsid, { text: 'Any news?' });
    await h.settle();
    const inboundFor = (client: Client) => client.of<MessageEventPayload>('message.created').filter((p) => p.message.mid === inbound.mid);
    await waitFor(async () => inboundFor(alice).length === 1 && inboundFor(boss).length === 1, 5000, 'inbound message to Alice and the admin');
    expect(inboundFor(bob)).toEqual([]);
    expect(bob.of<{ conversation: { id: string } }>('conversation.updated').filter((p) => p.conversation.id === id)).toEqual([]);
  });

  it('tells viewers who else is viewing and typing; typing stops on request', async () => {
    const id = await conversationWith(SIM_SEED.messengerCustomers[0].psid);
    const [alice, boss] = [await connect(agentA.token), await connect(admin.token)];
    expect((await boss.join(id)).ok).toBe(true);
    expect((await alice.join(id)).ok).toBe(true);
    await waitFor(async () => lastPresence(boss, id)?.viewers.some((v) => v.userId === agentA.id), 3000, 'Alice viewing');

    expect(await alice.typing(id, true)).toEqual({ ok: true });
    await waitFor(
      async () =>
        lastPresence(boss, id)
          ?.typing.map((t) => t.userId)
          .join() === agentA.id,
      3000,
      'Alice typing',
    );
    expect(lastPresence(boss, id)?.typing[0]?.name).toBe('Alice Agent');
    // the customer sees the business typing as well
    await waitFor(
      async () =>
        h.sim.context.requests.some(
          (r) => r.params['sender_action'] === 'typing_on' && (r.params['recipient'] as { id?: string })?.id === SIM_SEED.messengerCustomers[0].psid,
        ) || null,
      3000,
      'typing_on sent to Meta',
    );
    await alice.typing(id, false);
    await waitFor(async () => lastPresence(boss, id)?.typing.length === 0, 3000, 'Alice stopped typing');

    await alice.leave(id);
    await waitFor(async () => !lastPresence(boss, id)?.viewers.some((v) => v.userId === agentA.id), 3000, 'Alice left');
    const online = await h.t.http.get('/api/presence/online').set('Authorization', `Bearer ${agentB.token}`);
    expect((online.body.users as { userId: string }[]).map((u) => u.userId)).toEqual(expect.arrayContaining([agentA.id, admin.id]));

    alice.socket.disconnect();
    await waitFor(
      async () =>
        boss.of<{ user: { userId: string }; online: boolean }>('presence.online_changed').some((e) => e.user.userId === agentA.id && !e.online) || null,
      3000,
      'Alice offline',
    );
  });

  it('reassignment removes the previous assignee from the room and tells the new one', async () => {
    const id = await conversationWith(SIM_SEED.instagramCustomers[3].igsid);
    expect((await assign(id, agentA.id)).status).toBe(200);
    const [alice, bob, boss] = [await connect(agentA.token), await connect(agentB.token), await connect(admin.token)];
    expect((await alice.join(id)).ok).toBe(true);
    expect((await boss.join(id)).ok).toBe(true);

    expect((await assign(id, agentB.id)).status).toBe(200);
    await waitFor(
      async () =>
        bob
          .of<{ conversation: { id: string; assigneeId: string } }>('conversation.assigned')
          .some((e) => e.conversation.id === id && e.conversation.assigneeId === agentB.id) || null,
      3000,
      'Bob told',
    );
    expect(
      alice
        .of<{ conversation: { id: string }; previousAssigneeId: string }>('conversation.assigned')
        .some((e) => e.conversation.id === id && e.previousAssigneeId === agentA.id),
    ).toBe(true);
    await waitFor(async () => !lastPresence(boss, id)?.viewers.some((v) => v.userId === agentA.id), 3000, 'Alice evicted from the viewers');

    const messageId = await adminSends(id, 'Only for Bob now');
    await waitFor(async () => messagesFor(bob, messageId).length >= 2, 5000, 'Bob gets the message');
    expect(messagesFor(alice, messageId)).toEqual([]);
    expect((await alice.join(id)).ok).toBe(false);
  });

  it('unassigned conversations are visible to every agent', async () => {
    const id = await conversationWith(SIM_SEED.messengerCustomers[3].psid);
    await assign(id, null);
    const [alice, bob] = [await connect(agentA.token), await connect(agentB.token)];
    const messageId = await adminSends(id, 'For whoever takes it');
    await waitFor(async () => messagesFor(alice, messageId).length >= 2 && messagesFor(bob, messageId).length >= 2, 5000, 'both agents get it');
    expect((await bob.join(id)).ok).toBe(true);
  });
});
