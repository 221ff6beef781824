import { ClientToServerEvents, ConversationPresenceEvent, MessagePlatform, Role, RoomAck, ServerToClientEvents } from '@ticklegram/domain-models';
import { randomUUID } from 'node:crypto';
import { io, Socket } from 'socket.io-client';
import { ContactEntity } from '../../src/modules/inbox/entities/contact.entity';
import { ConversationEntity } from '../../src/modules/inbox/entities/conversation.entity';
import { startTestApp, TEST_ADMIN, TestApp } from '../utils/test-app';
import { waitFor } from '../utils/webhooks-harness';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Presence across api replicas: an agent on replica A and an admin on replica B view the same
 * conversation and see each other (viewing, typing). Runs only with TEST_REDIS_URL (the file name
 * matches jest.int.config's `realtime-redis` ignore pattern otherwise).
 */
const redisUrl = process.env['TEST_REDIS_URL'] as string;

describe('presence across replicas through Redis (e2e)', () => {
  let replicaA: TestApp;
  let replicaB: TestApp;
  const sockets: ClientSocket[] = [];
  const conversationId = randomUUID();

  /** The replicas have separate test databases: give both the same conversation. */
  const seedConversation = async (t: TestApp) => {
    const contacts = t.dataSource.getRepository(ContactEntity);
    const conversations = t.dataSource.getRepository(ConversationEntity);
    const contact = await contacts.save(
      contacts.create({ channelId: randomUUID(), platform: MessagePlatform.FACEBOOK, externalId: `psid-${conversationId}`, displayName: 'Shared Customer' }),
    );
    await conversations.save(
      conversations.create({
        id: conversationId,
        channelId: contact.channelId,
        platform: MessagePlatform.FACEBOOK,
        contactId: contact.id,
        customerExternalId: contact.externalId,
        assigneeId: null,
      }),
    );
  };
  const connect = async (t: TestApp, token: string) => {
    const socket: ClientSocket = io(t.url, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
    sockets.push(socket);
    const updates: ConversationPresenceEvent[] = [];
    socket.on('presence.updated', (p) => {
      if (p.conversationId === conversationId) updates.push(p);
    });
    await new Promise((resolve, reject) => {
      socket.once('session.ready', resolve);
      socket.once('connect_error', reject);
    });
    return { socket, updates, join: () => socket.timeout(6000).emitWithAck('conversation.join', { conversationId }) as Promise<RoomAck> };
  };

  beforeAll(async () => {
    replicaA = await startTestApp({ REDIS_URL: redisUrl });
    replicaB = await startTestApp({ REDIS_URL: redisUrl });
    await Promise.all([seedConversation(replicaA), seedConversation(replicaB)]);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await Promise.all([replicaA?.close(), replicaB?.close()]);
  });

  it('shows viewers and typing of sockets connected to another replica', async () => {
    const agent = await replicaA.createUser(Role.AGENT, { name: 'Agent On A' });
    const admin = await replicaB.login(TEST_ADMIN.email, TEST_ADMIN.password);
    const onA = await connect(replicaA, agent.accessToken);
    const onB = await connect(replicaB, admin.accessToken);

    expect(await onA.join()).toMatchObject({ ok: true });
    // the adapters' Redis subscriptions settle asynchronously after boot: ask until the other replica answers
    const ack = await waitFor(
      async () => {
        const result = await onB.join();
        return result.ok && result.viewers?.some((v) => v.userId === agent.user.id) ? result : null;
      },
      10_000,
      'replica B to see the viewer on replica A',
    );
    expect(ack).toMatchObject({ ok: true, viewers: expect.arrayContaining([{ userId: agent.user.id, name: 'Agent On A' }]) });

    await onA.socket.timeout(6000).emitWithAck('presence.typing', { conversationId, typing: true });
    await waitFor(async () => onB.updates.some((u) => u.typing.some((t) => t.userId === agent.user.id)) || null, 10_000, 'typing seen on replica B');
  });
});
