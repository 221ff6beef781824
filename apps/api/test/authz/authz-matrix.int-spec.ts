import { MESSAGE_METADATA } from '@nestjs/websockets/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { ClientToServerEvents, MessagingErrorCode, Role, ServerToClientEvents } from '@ticklegram/domain-models';
import { SIM_SEED } from '@ticklegram/meta-sim';
import { randomUUID } from 'node:crypto';
import { io, Socket } from 'socket.io-client';
import { CommentEntity } from '../../src/modules/comments/entities/comment.entity';
import { ConversationEntity } from '../../src/modules/inbox/entities/conversation.entity';
import { concretePath, discoverRoutes } from '../utils/routes';
import { IngestionHarness, startIngestionHarness, waitFor } from '../utils/webhooks-harness';
import { RouteAuthz } from './authz-entry';
import { ANALYTICS } from './tables/analytics.authz';
import { AUTH_USERS } from './tables/auth-users.authz';
import { CAPI } from './tables/capi.authz';
import { CHANNELS } from './tables/channels.authz';
import { DESK } from './tables/desk.authz';
import { INBOX } from './tables/inbox.authz';
import { MESSAGING } from './tables/messaging.authz';
import { SOCKET_EVENTS } from './tables/realtime.authz';
import { WEBHOOKS_HEALTH } from './tables/webhooks-health.authz';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Caller = 'admin' | 'agent' | 'anonymous' | 'deactivated';
type Ownership = 'own' | 'other' | 'unassigned';

const TABLE: RouteAuthz[] = [...AUTH_USERS, ...CHANNELS, ...WEBHOOKS_HEALTH, ...INBOX, ...MESSAGING, ...DESK, ...CAPI, ...ANALYTICS];
/** The inbox's and the messaging module's answer for a conversation that does not exist — or may not be seen. */
const NOT_VISIBLE = new Set<string>([MessagingErrorCode.MESSAGING_CONVERSATION_NOT_FOUND, 'INBOX_CONVERSATION_NOT_FOUND', 'CAPI_CONVERSATION_NOT_FOUND']);

/**
 * The authorization matrix: every HTTP route and every client → server socket event the app registers
 * (discovered from Nest at test time, so a new one without a row in `tables/` fails here) × caller
 * (admin, agent, anonymous, deactivated user) × ownership of the conversation it names (the agent's own,
 * another agent's, unassigned). Denials are exact: 401 without a valid session, 403 for a role, and a
 * conversation outside an agent's scope answers exactly like one that does not exist.
 */
describe('authorization matrix: every route and socket event × role × ownership (integration)', () => {
  let h: IngestionHarness;
  const tokens = {} as Record<Exclude<Caller, 'anonymous'>, string>;
  const ids = {} as Record<'agent' | 'otherAgent', string>;
  const conversation = {} as Record<Ownership, string>;
  const comment = {} as Record<Ownership, string>;
  const sockets: ClientSocket[] = [];
  const comments = () => h.t.dataSource.getRepository(CommentEntity);
  const label = (entry: RouteAuthz, caller: Caller, ownership?: Ownership) => `${entry.route} as ${caller}${ownership ? ` (${ownership})` : ''}`;

  /** Puts the three conversations and the three comments back in their ownership (a send or an assign may have moved one). */
  const resetOwnership = async () => {
    for (const [repo, of] of [
      [h.t.dataSource.getRepository(ConversationEntity), conversation],
      [h.t.dataSource.getRepository(CommentEntity), comment],
    ] as const) {
      await repo.update({ id: of.own }, { assigneeId: ids.agent });
      await repo.update({ id: of.other }, { assigneeId: ids.otherAgent });
      await repo.update({ id: of.unassigned }, { assigneeId: null });
    }
  };

  /** `id`: the conversation (or comment) that `:id` names. */
  const call = (entry: RouteAuthz, caller: Caller, id?: string) => {
    const [method, path] = entry.route.split(' ') as [string, string];
    const url = concretePath(id ? path.replace(':id', id) : path);
    let req = h.t.http[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url);
    if (caller !== 'anonymous') req = req.set('Authorization', `Bearer ${tokens[caller]}`);
    if (method !== 'GET' && method !== 'DELETE') req = req.set('Idempotency-Key', randomUUID()).send(entry.conversation?.body ?? entry.comment?.body ?? {});
    return req;
  };

  const connect = (caller: Caller): ClientSocket => {
    const socket: ClientSocket = io(h.t.url, {
      transports: ['websocket'],
      auth: caller === 'anonymous' ? {} : { token: tokens[caller] },
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    return socket;
  };
  /** 'connected', or the handshake's refusal. */
  const handshake = (socket: ClientSocket) =>
    new Promise<string>((resolve) => {
      socket.once('session.ready', () => resolve('connected'));
      socket.once('connect_error', (error) => resolve(`refused: ${error.message}`));
      socket.once('disconnect', (reason) => resolve(`disconnected: ${reason}`));
    });
  const emit = (socket: ClientSocket, event: string, payload: object | undefined) =>
    new Promise<unknown>((resolve) =>
      (socket as unknown as { timeout(ms: number): { emit(e: string, p: unknown, cb: (err: unknown, ack: unknown) => void): void } })
        .timeout(3000)
        .emit(event, payload ?? {}, (err, ack) => resolve(err ? 'no answer' : ack)),
    );

  beforeAll(async () => {
    h = await startIngestionHarness();
    tokens.admin = h.admin;
    const agent = await h.t.createUser(Role.AGENT);
    const other = await h.t.createUser(Role.AGENT);
    const gone = await h.t.createUser(Role.AGENT);
    tokens.agent = agent.accessToken;
    tokens.deactivated = gone.accessToken;
    ids.agent = agent.user.id;
    ids.otherAgent = other.user.id;
    await h.t.http.patch(`/api/users/${gone.user.id}`).set('Authorization', `Bearer ${h.admin}`).send({ active: false }).expect(200);
    const customers: Record<Ownership, string> = {
      own: SIM_SEED.messengerCustomers[0].psid,
      other: SIM_SEED.messengerCustomers[1].psid,
      unassigned: SIM_SEED.instagramCustomers[0].igsid,
    };
    for (const [ownership, customer] of Object.entries(customers) as [Ownership, string][]) {
      h.sim.customerSends(customer, { text: `authz ${ownership}` });
    }
    await h.settle();
    for (const [ownership, customer] of Object.entries(customers) as [Ownership, string][]) {
      conversation[ownership] = (await h.t.dataSource.getRepository(ConversationEntity).findOneByOrFail({ customerExternalId: customer })).id;
    }
    // three comments on the seeded Instagram post, one per ownership
    const commenter = SIM_SEED.instagramCustomers[1].igsid;
    for (const ownership of ['own', 'other', 'unassigned'] as const) {
      const sent = await h.control<{ id: string }>(`/_sim/customers/${commenter}/comments`, { objectId: SIM_SEED.media.post, text: `authz ${ownership}` });
      await h.settle();
      comment[ownership] = (await comments().findOneByOrFail({ externalId: sent.id })).id;
    }
    await resetOwnership();
  }, 120_000);
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await h?.close();
  });

  it('has exactly one row per registered route, and one per socket event', () => {
    const registered = discoverRoutes(h.t.app).map((r) => `${r.method} ${r.path}`);
    const listed = TABLE.map((e) => e.route);
    expect(registered.filter((r) => !listed.includes(r))).toEqual([]); // a new route needs a row in tables/
    expect(listed.filter((r) => !registered.includes(r))).toEqual([]); // a row for a route that is gone
    expect(new Set(listed).size).toBe(listed.length);
    // and what each route declares matches its row
    const declared = new Map(
      discoverRoutes(h.t.app).map((r) => [`${r.method} ${r.path}`, r.isPublic ? 'public' : r.roles?.includes(Role.AGENT) ? 'member' : 'admin']),
    );
    expect(TABLE.filter((e) => declared.get(e.route) !== e.access).map((e) => `${e.route}: table ${e.access}, code ${declared.get(e.route)}`)).toEqual([]);

    const events: string[] = [];
    const discovery = h.t.app.get(DiscoveryService);
    const scanner = h.t.app.get(MetadataScanner);
    for (const wrapper of discovery.getProviders()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object' || !Object.getPrototypeOf(instance)) continue;
      for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const event = Reflect.getMetadata(MESSAGE_METADATA, (instance as Record<string, object>)[name]) as string | undefined;
        if (event) events.push(event);
      }
    }
    expect(events.sort()).toEqual(SOCKET_EVENTS.map((e) => e.event).sort());
  });

  it('anonymous and deactivated callers get 401 from every route that is not public', async () => {
    const wrong: string[] = [];
    for (const entry of TABLE.filter((e) => e.access !== 'public')) {
      for (const caller of ['anonymous', 'deactivated'] as const) {
        const res = await call(entry, caller, entry.conversation ? conversation.own : entry.comment ? comment.own : undefined);
        if (res.status !== 401) wrong.push(`${label(entry, caller)} → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('agents get 403 from admin routes; admins and agents pass the role check of member routes', async () => {
    const wrong: string[] = [];
    for (const entry of TABLE.filter((e) => e.access !== 'public' && !e.conversation && !e.comment)) {
      for (const caller of ['admin', 'agent'] as const) {
        const status = (await call(entry, caller)).status;
        const allowed = entry.access === 'member' || caller === 'admin';
        if (allowed ? status === 401 || status === 403 : status !== 403) wrong.push(`${label(entry, caller)} → ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('conversation routes: agents reach their own and unassigned conversations, another agent’s is "not found"; admins reach all', async () => {
    const wrong: string[] = [];
    for (const entry of TABLE.filter((e) => e.conversation)) {
      for (const caller of ['admin', 'agent'] as const) {
        for (const ownership of ['own', 'other', 'unassigned'] as const) {
          await resetOwnership();
          const res = await call(entry, caller, conversation[ownership]);
          const denied = res.status === 404 && NOT_VISIBLE.has(res.body?.code);
          const shouldDeny = caller === 'agent' && ownership === 'other';
          if (shouldDeny ? !denied : denied || res.status === 401 || res.status === 403 || res.status >= 500) {
            wrong.push(`${label(entry, caller, ownership)} → ${res.status} ${res.body?.code ?? ''}`);
          }
        }
      }
    }
    await resetOwnership();
    expect(wrong).toEqual([]);
  }, 120_000);

  it('comment routes: agents act on their own and unassigned comments, another agent’s is "not found"; admins act on all', async () => {
    const wrong: string[] = [];
    for (const entry of TABLE.filter((e) => e.comment)) {
      for (const caller of ['admin', 'agent'] as const) {
        for (const ownership of ['own', 'other', 'unassigned'] as const) {
          await resetOwnership();
          const shouldDeny = caller === 'agent' && ownership === 'other';
          const before = shouldDeny ? JSON.stringify(await comments().findOneByOrFail({ id: comment.other })) : '';
          const res = await call(entry, caller, comment[ownership]);
          const denied = res.status === 404 && res.body?.code === 'COMMENTS_NOT_FOUND';
          if (shouldDeny ? !denied : denied || res.status === 401 || res.status === 403 || res.status >= 500) {
            wrong.push(`${label(entry, caller, ownership)} → ${res.status} ${res.body?.code ?? ''}`);
          }
          // a refused call changes nothing
          if (shouldDeny && JSON.stringify(await comments().findOneByOrFail({ id: comment.other })) !== before)
            wrong.push(`${label(entry, caller, ownership)} changed it`);
        }
      }
    }
    await resetOwnership();
    expect(wrong).toEqual([]);
  }, 120_000);

  it('sockets, server → client: a comment’s events reach admins and agents who may see it, never another agent', async () => {
    const admin = connect('admin');
    const agent = connect('agent');
    // both listeners before either wait: the agent's session.ready can come while the admin's handshake is awaited
    expect(await Promise.all([handshake(admin), handshake(agent)])).toEqual(['connected', 'connected']);
    const seen = { admin: [] as string[], agent: [] as string[] };
    admin.on('comment.updated', ({ comment: c }) => seen.admin.push(c.id));
    agent.on('comment.updated', ({ comment: c }) => seen.agent.push(c.id));
    const wrong: string[] = [];
    for (const ownership of ['own', 'other', 'unassigned'] as const) {
      await resetOwnership();
      const res = await h.t.http.post(`/api/comments/${comment[ownership]}/done`).set('Authorization', `Bearer ${tokens.admin}`).send({ done: true });
      expect(res.status).toBe(200);
      // one broadcast reaches both sockets: once the admin has it, the agent would have it too
      await waitFor(async () => seen.admin.includes(comment[ownership]), 5_000, `the admin's event (${ownership})`);
      await new Promise((r) => setTimeout(r, 200));
      if (seen.agent.includes(comment[ownership]) !== (ownership !== 'other'))
        wrong.push(`comment.updated (${ownership}) → agent ${seen.agent.includes(comment[ownership])}`);
    }
    admin.disconnect();
    agent.disconnect();
    await resetOwnership();
    expect(wrong).toEqual([]);
  });

  it('sockets: anonymous and deactivated callers cannot connect; conversation events follow the same scope', async () => {
    for (const caller of ['anonymous', 'deactivated'] as const) expect(await handshake(connect(caller))).toMatch(/^refused|^disconnected/);
    const wrong: string[] = [];
    for (const caller of ['admin', 'agent'] as const) {
      for (const entry of SOCKET_EVENTS) {
        for (const ownership of entry.conversation ? (['own', 'other', 'unassigned'] as const) : (['own'] as const)) {
          await resetOwnership();
          const socket = connect(caller);
          expect(await handshake(socket)).toBe('connected');
          // typing needs the room: join first (refused for another agent's conversation, so typing is too)
          if (entry.event === 'presence.typing') await emit(socket, 'conversation.join', { conversationId: conversation[ownership] });
          const ack = await emit(socket, entry.event, entry.payload?.(conversation[ownership]));
          const refused = typeof ack === 'object' && ack !== null && (ack as { ok?: boolean }).ok === false;
          const shouldRefuse = entry.conversation === true && caller === 'agent' && ownership === 'other';
          if (ack === 'no answer' || refused !== shouldRefuse) wrong.push(`${entry.event} as ${caller} (${ownership}) → ${JSON.stringify(ack)}`);
          socket.disconnect();
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
