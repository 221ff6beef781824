import {
  ContactPanelResponse,
  ConversationCountsResponse,
  ConversationListResponse,
  ConversationStatus,
  MessagePlatform,
  PersonCommentsResponse,
  Role,
} from '@ticklegram/domain-models';
import { randomUUID } from 'node:crypto';
import { CommentEntity } from '../../src/modules/comments/entities/comment.entity';
import { ContactEntity } from '../../src/modules/inbox/entities/contact.entity';
import { ConversationEntity } from '../../src/modules/inbox/entities/conversation.entity';
import { MessageEntity } from '../../src/modules/inbox/entities/message.entity';
import { startTestApp, TEST_ADMIN, TestApp } from '../utils/test-app';

const IG = MessagePlatform.INSTAGRAM;
const FB = MessagePlatform.FACEBOOK;

/** List filters, folder counts and the contact panel — server-side and always within the caller's scope. */
describe('inbox filters, counts and contact panel (integration)', () => {
  let t: TestApp;
  let admin: string;
  let agentA: { token: string; id: string };
  let agentB: { token: string; id: string };
  const channels = { ig1: randomUUID(), ig2: randomUUID(), fb1: randomUUID() };
  const ids: Record<string, string> = {};
  const base = Date.parse('2026-01-10T10:00:00.000Z');

  const get = (path: string, token: string) => t.http.get(path).set('Authorization', `Bearer ${token}`);
  const list = async (token: string, qs = '') => {
    const res = await get(`/api/conversations?limit=100${qs}`, token);
    expect(res.status).toBe(200);
    return (res.body as ConversationListResponse).items.map((c) => c.id);
  };
  const named = (...keys: string[]) => keys.map((k) => ids[k]);

  async function seed(
    key: string,
    o: {
      channelId: string;
      platform: MessagePlatform;
      externalId: string;
      name: string;
      username?: string;
      status?: ConversationStatus;
      assigneeId?: string | null;
      unread?: number;
      minutes: number;
    },
  ) {
    const contact = await t.dataSource.getRepository(ContactEntity).save(
      Object.assign(new ContactEntity(), {
        channelId: o.channelId,
        platform: o.platform,
        externalId: o.externalId,
        displayName: o.name,
        name: o.name,
        username: o.username ?? null,
        profilePicUrl: null,
        profileFetchedAt: null,
      }),
    );
    const at = new Date(base + o.minutes * 60_000);
    const conversation = await t.dataSource.getRepository(ConversationEntity).save(
      Object.assign(new ConversationEntity(), {
        channelId: o.channelId,
        platform: o.platform,
        contactId: contact.id,
        customerExternalId: o.externalId,
        status: o.status ?? 'open',
        assigneeId: o.assigneeId ?? null,
        unreadCount: o.unread ?? 0,
        lastMessageAt: at,
        lastMessagePreview: `hello from ${key}`,
        lastMessageDirection: 'inbound',
        lastCustomerMessageAt: at,
        customerReadAt: null,
        customerDeliveredAt: null,
        referral:
          key === 'alice'
            ? {
                kind: 'ad',
                source: 'ADS',
                ref: 'spring',
                adId: 'ad-1',
                adTitle: 'Spring sale',
                campaignId: null,
                adsetId: null,
                productId: null,
                at: at.toISOString(),
              }
            : null,
      }),
    );
    ids[key] = conversation.id;
    return conversation;
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.login(TEST_ADMIN.email, TEST_ADMIN.password)).accessToken;
    const a = await t.createUser(Role.AGENT);
    const b = await t.createUser(Role.AGENT);
    agentA = { token: a.accessToken, id: a.user.id };
    agentB = { token: b.accessToken, id: b.user.id };

    await seed('alice', {
      channelId: channels.ig1,
      platform: IG,
      externalId: 'igsid-alice',
      name: 'Alice Anders',
      username: 'alice_a',
      unread: 2,
      minutes: 50,
    });
    const bob = await seed('bob', {
      channelId: channels.fb1,
      platform: FB,
      externalId: 'psid-bob',
      name: 'Bob Brown',
      status: 'pending',
      assigneeId: agentA.id,
      minutes: 40,
    });
    await seed('carol', {
      channelId: channels.ig1,
      platform: IG,
      externalId: 'igsid-carol',
      name: 'Carol Chen',
      status: 'resolved',
      assigneeId: agentB.id,
      minutes: 30,
    });
    // Alice again on a second Instagram account: same IGSID on the same platform = same person here
    await seed('alice2', { channelId: channels.ig2, platform: IG, externalId: 'igsid-alice', name: 'Alice A.', status: 'snoozed', unread: 1, minutes: 20 });
    // and once more, assigned to agent B (agent A must not see it in the panel)
    await seed('alice3', { channelId: randomUUID(), platform: IG, externalId: 'igsid-alice', name: 'Alice Anders', assigneeId: agentB.id, minutes: 15 });
    // a lookalike on Facebook: same name and username, different platform → not linked
    await seed('aliceFb', {
      channelId: channels.fb1,
      platform: FB,
      externalId: 'psid-alice',
      name: 'Alice Anders',
      username: 'alice_a',
      assigneeId: agentA.id,
      unread: 3,
      minutes: 10,
    });
    // three conversations with the very same activity time (cursor ties)
    for (const k of ['tie1', 'tie2', 'tie3']) await seed(k, { channelId: channels.fb1, platform: FB, externalId: `psid-${k}`, name: `Tie ${k}`, minutes: 5 });

    await t.dataSource.getRepository(MessageEntity).save(
      Object.assign(new MessageEntity(), {
        conversationId: bob.id,
        channelId: channels.fb1,
        platform: FB,
        mid: 'm-bob-1',
        direction: 'inbound',
        status: 'received',
        source: 'customer',
        kind: 'message',
        text: 'I need a REFUND please',
        attachments: [],
        sentAt: new Date(base + 40 * 60_000),
      }),
    );
    const comments = t.dataSource.getRepository(CommentEntity);
    for (const [i, author] of ['igsid-alice', 'igsid-alice', 'someone-else'].entries()) {
      await comments.save(
        Object.assign(new CommentEntity(), {
          channelId: channels.ig1,
          platform: IG,
          kind: 'comment',
          externalId: `cm-${i}`,
          parentExternalId: null,
          objectExternalId: 'media-1',
          mediaProductType: 'FEED',
          adId: null,
          authorExternalId: author,
          authorName: null,
          authorUsername: null,
          isFromBusiness: false,
          text: `comment ${i}`,
          isHidden: false,
          removedAt: null,
          editedAt: null,
          permalinkUrl: `https://instagram.test/p/${i}`,
          commentedAt: new Date(base + i * 60_000),
          lastEventAt: null,
        }),
      );
    }
  });
  afterAll(() => t?.close());

  it('lists newest activity first and filters by platform, channel, status and unread', async () => {
    const all = await list(admin);
    expect(all.slice(0, 6)).toEqual(named('alice', 'bob', 'carol', 'alice2', 'alice3', 'aliceFb'));
    expect(all).toHaveLength(9);
    expect(await list(admin, '&platform=INSTAGRAM')).toEqual(named('alice', 'carol', 'alice2', 'alice3'));
    expect(await list(admin, `&channelId=${channels.ig1}`)).toEqual(named('alice', 'carol'));
    expect(await list(admin, '&status=pending')).toEqual(named('bob'));
    expect(await list(admin, '&status=snoozed')).toEqual(named('alice2'));
    expect(await list(admin, '&unread=true')).toEqual(named('alice', 'alice2', 'aliceFb'));
    expect(await list(admin, '&platform=FACEBOOK&unread=true')).toEqual(named('aliceFb'));
  });

  it('filters by assignee: me, unassigned, any, a user id', async () => {
    expect(await list(agentA.token, '&assignee=me')).toEqual(named('bob', 'aliceFb'));
    expect(await list(admin, '&assignee=unassigned')).toEqual(expect.arrayContaining(named('alice', 'alice2', 'tie1', 'tie2', 'tie3')));
    expect(await list(admin, '&assignee=unassigned')).toHaveLength(5);
    expect(await list(admin, '&assignee=any')).toHaveLength(9);
    expect(await list(admin, `&assignee=${agentB.id}`)).toEqual(named('carol', 'alice3'));
    expect(await list(admin, '&assignee=me')).toEqual([]);
  });

  it('searches contact names, usernames and message text', async () => {
    expect(await list(admin, '&search=alice_a')).toEqual(named('alice', 'aliceFb'));
    expect(await list(admin, '&search=carol')).toEqual(named('carol'));
    expect(await list(admin, '&search=refund')).toEqual(named('bob'));
    expect(await list(admin, '&search=100%25')).toEqual([]);
  });

  it("keeps every filter inside the caller's scope", async () => {
    // agent B asking for agent A's conversations gets none
    expect(await list(agentB.token, `&assignee=${agentA.id}`)).toEqual([]);
    expect(await list(agentB.token, '&status=pending')).toEqual([]);
    expect(await list(agentB.token, '&search=refund')).toEqual([]);
    const aSees = await list(agentA.token);
    expect(aSees).not.toContain(ids['carol']);
    expect(aSees).not.toContain(ids['alice3']);
    expect(aSees).toHaveLength(7);
    expect(await list(agentB.token, '&status=resolved')).toEqual(named('carol'));
    expect(await list(agentB.token, '&platform=INSTAGRAM')).toEqual(named('alice', 'carol', 'alice2', 'alice3'));
  });

  it('rejects unknown and malformed filters', async () => {
    for (const qs of ['platform=TIKTOK', 'status=closed', 'assignee=bob', 'channelId=nope', 'unread=yes', 'label=vip', 'limit=0']) {
      expect((await get(`/api/conversations?${qs}`, admin)).status).toBe(400);
    }
  });

  it('pages with a stable cursor across equal activity times', async () => {
    const all = await list(admin);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(`/api/conversations?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, admin);
      expect(res.status).toBe(200);
      const body = res.body as ConversationListResponse;
      seen.push(...body.items.map((c) => c.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    // filtered pages too
    const page1 = (await get('/api/conversations?limit=1&platform=FACEBOOK&assignee=unassigned', admin)).body as ConversationListResponse;
    const page2 = (await get(`/api/conversations?limit=5&platform=FACEBOOK&assignee=unassigned&cursor=${encodeURIComponent(page1.nextCursor ?? '')}`, admin))
      .body as ConversationListResponse;
    expect([...page1.items, ...page2.items].map((c) => c.id).sort()).toEqual(named('tie1', 'tie2', 'tie3').sort());
    expect(page2.nextCursor).toBeNull();
  });

  it('counts folders within scope', async () => {
    const counts = async (token: string) => {
      const res = await get('/api/conversations/counts', token);
      expect(res.status).toBe(200);
      return res.body as ConversationCountsResponse;
    };
    expect(await counts(admin)).toEqual({
      all: 9,
      mine: 0,
      unassigned: 5,
      unread: 3,
      myUnreadMessages: 0,
      byStatus: { open: 6, pending: 1, snoozed: 1, resolved: 1 },
      byPlatform: { INSTAGRAM: 4, FACEBOOK: 5 },
    });
    expect(await counts(agentA.token)).toEqual({
      all: 7,
      mine: 2,
      unassigned: 5,
      unread: 3,
      myUnreadMessages: 3,
      byStatus: { open: 5, pending: 1, snoozed: 1, resolved: 0 },
      byPlatform: { INSTAGRAM: 2, FACEBOOK: 5 },
    });
    expect(await counts(agentB.token)).toEqual({
      all: 7,
      mine: 2,
      unassigned: 5,
      unread: 2,
      myUnreadMessages: 0,
      byStatus: { open: 5, pending: 0, snoozed: 1, resolved: 1 },
      byPlatform: { INSTAGRAM: 4, FACEBOOK: 3 },
    });
  });

  it('shows the contact, their other conversations (by Meta id only), comments and referral, within scope', async () => {
    const panel = async (key: string, token: string) => get(`/api/conversations/${ids[key]}/contact`, token);
    const forAdmin = (await panel('alice', admin)).body as ContactPanelResponse;
    expect(forAdmin.contact).toMatchObject({ externalId: 'igsid-alice', displayName: 'Alice Anders', platform: IG });
    expect(forAdmin.otherConversations.map((c) => c.id)).toEqual(named('alice2', 'alice3'));
    // their comments come from the comments module, linked by the same Meta id
    const comments = (await get(`/api/conversations/${ids['alice']}/comments`, admin)).body as PersonCommentsResponse;
    expect(comments.items.map((c) => c.text)).toEqual(['comment 1', 'comment 0']);
    expect(forAdmin.referral).toMatchObject({ kind: 'ad', adTitle: 'Spring sale' });

    const forA = (await panel('alice', agentA.token)).body as ContactPanelResponse;
    expect(forA.otherConversations.map((c) => c.id)).toEqual(named('alice2'));
    // the Facebook lookalike (same name and username) is not linked
    expect(forA.otherConversations.map((c) => c.id)).not.toContain(ids['aliceFb']);

    expect((await panel('bob', agentB.token)).status).toBe(404);
    expect((await panel('bob', agentA.token)).status).toBe(200);
  });
});
