import {
  AnalyticsAgentRow,
  AnalyticsChannelRow,
  AnalyticsOverviewResponse,
  ConversationStatus,
  InboxMessageSource,
  InboxMessageStatus,
  MessagePlatform,
  Role,
} from '@ticklegram/domain-models';
import { randomUUID } from 'node:crypto';
import { AnalyticsProjector } from '../../src/modules/analytics/analytics-projector.service';
import { AnalyticsCycleEntity } from '../../src/modules/analytics/entities/analytics-cycle.entity';
import { AnalyticsMessageBucketEntity } from '../../src/modules/analytics/entities/analytics-message-bucket.entity';
import { AnalyticsMessageTotalEntity, UNASSIGNED_KEY } from '../../src/modules/analytics/entities/analytics-message-total.entity';
import { localDayShifts } from '../../src/modules/analytics/calculators/local-days';
import { rangeOf } from '../../src/modules/analytics/calculators/time-zone';
import { AnalyticsQueryRepository, BucketSums, wholeHours } from '../../src/modules/analytics/repositories/analytics-query.repository';
import { AnalyticsRollupRepository } from '../../src/modules/analytics/repositories/analytics-rollup.repository';
import { CommentEntity } from '../../src/modules/comments/entities/comment.entity';
import { InboxActivity } from '../../src/modules/inbox/inbox-activity';
import { ContactEntity } from '../../src/modules/inbox/entities/contact.entity';
import { ConversationEntity } from '../../src/modules/inbox/entities/conversation.entity';
import { MessageEntity } from '../../src/modules/inbox/entities/message.entity';
import { ConversationLabelsService } from '../../src/modules/labels/conversation-labels.service';
import { TemplateSendEntity } from '../../src/modules/templates/entities/template-send.entity';
import { rollupRows as rollupRowsOf } from '../utils/analytics-rows';
import { startTestApp, TEST_ADMIN, TestApp } from '../utils/test-app';

const IG = MessagePlatform.INSTAGRAM;
const FB = MessagePlatform.FACEBOOK;
const at = (iso: string) => new Date(iso);

/**
 * A hand-built dataset around the weekend Europe/Berlin moves to summer time (Sun 2026-03-29, 02:00 → 03:00),
 * with every figure computed by hand in the comments (docs/analytics.md has the definitions).
 *
 * C1 IG1, agent A, label L, from an ad: in Sat 08:00Z, reply 08:30 (FRT 1800), resolved 09:00 (3600);
 *    in 20:00Z opens cycle 2, reply Sun 01:00Z (FRT 18000), snoozed 02:00, woke 05:00, resolved 06:00 (36000).
 * C2 FB1, agent B: in Fri 22:30Z (23:30 Berlin: before the range), reply 23:30Z (00:30 Sat Berlin: inside),
 *    resolved Sat 10:00Z (41400).
 * C3 IG2, unassigned: in Sun 21:30Z (23:30 CEST, inside), automated reply 21:31 (not a response). Open.
 * C4 IG1, agent A: in Sun 22:30Z (Mon 00:30 CEST: outside Berlin, inside UTC). Open, waiting.
 * C5 FB1, agent A, label L: in Sat 12:00Z, failed reply 12:05, reply 13:00 (FRT 3600, window), in 14:00,
 *    reply Sun 15:00Z (25 h later: HUMAN_AGENT), template Sun 16:00Z. Open.
 * C6 IG1, agent B: in Sat 15:00Z, native-app reply 15:10 (FRT 600), resolved 15:20, reopened by hand 15:30,
 *    resolved 16:00 (3600).
 */
describe('analytics over a hand-built dataset (integration)', () => {
  let t: TestApp;
  let admin: string;
  let agentA: { token: string; id: string };
  let agentB: { token: string; id: string };
  let labelId: string;
  const ch = { ig1: randomUUID(), ig2: randomUUID(), fb1: randomUUID() };
  const conv: Record<string, string> = {};

  const get = (path: string, token: string) => t.http.get(path).set('Authorization', `Bearer ${token}`);
  const overview = async (qs: string, token = admin): Promise<AnalyticsOverviewResponse> => {
    const res = await get(`/api/analytics/overview?${qs}`, token);
    expect(res.status).toBe(200);
    return res.body as AnalyticsOverviewResponse;
  };
  const BERLIN = 'from=2026-03-28&to=2026-03-29&tz=Europe/Berlin';

  async function conversation(
    key: string,
    o: {
      channelId: string;
      platform: MessagePlatform;
      assigneeId: string | null;
      status: ConversationStatus;
      lastDirection: 'inbound' | 'outbound';
      lastCustomerAt: string;
      ad?: boolean;
    },
  ) {
    const contact = await t.dataSource.getRepository(ContactEntity).save(
      Object.assign(new ContactEntity(), {
        channelId: o.channelId,
        platform: o.platform,
        externalId: `cust-${key}`,
        displayName: `Customer ${key}`,
        name: null,
        username: null,
        profilePicUrl: null,
        profileFetchedAt: null,
      }),
    );
    const row = await t.dataSource.getRepository(ConversationEntity).save(
      Object.assign(new ConversationEntity(), {
        channelId: o.channelId,
        platform: o.platform,
        contactId: contact.id,
        customerExternalId: `cust-${key}`,
        status: o.status,
        assigneeId: o.assigneeId,
        unreadCount: 0,
        lastMessageAt: at(o.lastCustomerAt),
        lastMessagePreview: null,
        lastMessageDirection: o.lastDirection,
        lastCustomerMessageAt: at(o.lastCustomerAt),
        customerReadAt: null,
        customerDeliveredAt: null,
        referral: o.ad
          ? { kind: 'ad', source: 'ADS', ref: null, adId: 'ad-1', adTitle: 'Spring', campaignId: null, adsetId: null, productId: null, at: o.lastCustomerAt }
          : null,
      }),
    );
    conv[key] = row.id;
    return row;
  }

  let n = 0;
  async function message(
    key: string,
    iso: string,
    direction: 'inbound' | 'outbound',
    o: { source?: InboxMessageSource; status?: InboxMessageStatus; sender?: string } = {},
  ) {
    const c = await t.dataSource.getRepository(ConversationEntity).findOneByOrFail({ id: conv[key] });
    const row = await t.dataSource.getRepository(MessageEntity).save(
      Object.assign(new MessageEntity(), {
        conversationId: c.id,
        channelId: c.channelId,
        platform: c.platform,
        mid: `mid-${++n}`,
        direction,
        status: o.status ?? (direction === 'inbound' ? 'received' : 'sent'),
        source: o.source ?? (direction === 'inbound' ? 'customer' : 'agent'),
        kind: 'message',
        senderUserId: o.sender ?? null,
        text: `message ${n}`,
        attachments: [],
        sentAt: at(iso),
      }),
    );
    return row;
  }

  const statusAt = (key: string, status: ConversationStatus, iso: string) => t.app.get(AnalyticsRollupRepository).recordStatus(conv[key], status, at(iso));

  async function comment(externalId: string, iso: string, o: Partial<CommentEntity>) {
    await t.dataSource.getRepository(CommentEntity).save(
      Object.assign(new CommentEntity(), {
        channelId: ch.ig1,
        platform: IG,
        kind: 'comment',
        externalId,
        parentExternalId: null,
        objectExternalId: 'media-1',
        mediaProductType: 'FEED',
        adId: null,
        authorExternalId: 'someone',
        authorName: null,
        authorUsername: null,
        isFromBusiness: false,
        text: 'hi',
        isHidden: false,
        removedAt: null,
        editedAt: null,
        permalinkUrl: null,
        commentedAt: at(iso),
        lastEventAt: null,
        ...o,
      }),
    );
  }

  const rollupRows = () => rollupRowsOf(t.dataSource);

  /** Every totals table holds exactly what the per-conversation buckets add up to. */
  function expectTotalsOf(rows: Awaited<ReturnType<typeof rollupRows>>) {
    expect(sortTotals(rows.totals)).toEqual(expectedTotals(rows.buckets));
    const byDay = expectedTotals(rows.buckets.map((b) => ({ ...b, bucketAt: new Date(`${b.bucketAt.toISOString().slice(0, 10)}T00:00:00Z`) })));
    expect(sortTotals(rows.daily.map(({ dayAt, ...rest }) => Object.assign(new AnalyticsMessageTotalEntity(), { bucketAt: dayAt, ...rest })))).toEqual(byDay);
    const byChannel = expectedTotals(rows.buckets.map((b) => ({ ...b, assigneeId: null })));
    expect(sortTotals(rows.perChannel.map((r) => Object.assign(new AnalyticsMessageTotalEntity(), { ...r, assigneeKey: UNASSIGNED_KEY })))).toEqual(byChannel);
    const byHour = expectedTotals(rows.buckets.map((b) => ({ ...b, assigneeId: null, bucketAt: new Date(`${b.bucketAt.toISOString().slice(0, 13)}:00:00Z`) })));
    expect(
      sortTotals(
        rows.perChannelHourly.map(({ hourAt, ...rest }) =>
          Object.assign(new AnalyticsMessageTotalEntity(), { bucketAt: hourAt, ...rest, assigneeKey: UNASSIGNED_KEY }),
        ),
      ),
    ).toEqual(byHour);
    expect(rows.perChannelHourly.length).toBeGreaterThan(0);
  }

  const sortTotals = (rows: AnalyticsMessageTotalEntity[]) =>
    [...rows].sort(
      (a, b) =>
        a.bucketAt.getTime() - b.bucketAt.getTime() ||
        a.channelId.localeCompare(b.channelId, 'en', { sensitivity: 'variant' }) ||
        a.assigneeKey.localeCompare(b.assigneeKey),
    );

  /** The totals the per-conversation buckets add up to, computed here independently of the projector. */
  function expectedTotals(buckets: AnalyticsMessageBucketEntity[]): AnalyticsMessageTotalEntity[] {
    const sums = new Map<string, AnalyticsMessageTotalEntity>();
    for (const b of buckets) {
      const assigneeKey = b.assigneeId ?? UNASSIGNED_KEY;
      const key = `${b.bucketAt.toISOString()}|${b.channelId}|${assigneeKey}`;
      const row =
        sums.get(key) ??
        Object.assign(new AnalyticsMessageTotalEntity(), {
          bucketAt: b.bucketAt,
          channelId: b.channelId,
          assigneeKey,
          platform: b.platform,
          messagesIn: 0,
          messagesOut: 0,
          repliesWindow: 0,
          repliesHumanAgent: 0,
          repliesTemplate: 0,
          repliesOther: 0,
        });
      row.messagesIn += b.messagesIn;
      row.messagesOut += b.messagesOut;
      row.repliesWindow += b.repliesWindow;
      row.repliesHumanAgent += b.repliesHumanAgent;
      row.repliesTemplate += b.repliesTemplate;
      row.repliesOther += b.repliesOther;
      sums.set(key, row);
    }
    return sortTotals([...sums.values()]);
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.login(TEST_ADMIN.email, TEST_ADMIN.password)).accessToken;
    const a = await t.createUser(Role.AGENT, { name: 'Agent A' });
    const b = await t.createUser(Role.AGENT, { name: 'Agent B' });
    agentA = { token: a.accessToken, id: a.user.id };
    agentB = { token: b.accessToken, id: b.user.id };
    const label = await t.http.post('/api/labels').set('Authorization', `Bearer ${admin}`).send({ name: 'VIP', color: '#22c55e' });
    expect(label.status).toBe(201);
    labelId = label.body.id;

    await conversation('c1', {
      channelId: ch.ig1,
      platform: IG,
      assigneeId: agentA.id,
      status: 'resolved',
      lastDirection: 'outbound',
      lastCustomerAt: '2026-03-28T20:00:00Z',
      ad: true,
    });
    await message('c1', '2026-03-28T08:00:00Z', 'inbound');
    await message('c1', '2026-03-28T08:30:00Z', 'outbound', { sender: agentA.id });
    await statusAt('c1', 'resolved', '2026-03-28T09:00:00Z');
    await message('c1', '2026-03-28T20:00:00Z', 'inbound');
    await message('c1', '2026-03-29T01:00:00Z', 'outbound', { sender: agentA.id });
    await statusAt('c1', 'snoozed', '2026-03-29T02:00:00Z');
    await statusAt('c1', 'open', '2026-03-29T05:00:00Z');
    await statusAt('c1', 'resolved', '2026-03-29T06:00:00Z');

    await conversation('c2', {
      channelId: ch.fb1,
      platform: FB,
      assigneeId: agentB.id,
      status: 'resolved',
      lastDirection: 'outbound',
      lastCustomerAt: '2026-03-27T22:30:00Z',
    });
    await message('c2', '2026-03-27T22:30:00Z', 'inbound');
    await message('c2', '2026-03-27T23:30:00Z', 'outbound', { sender: agentB.id });
    await statusAt('c2', 'resolved', '2026-03-28T10:00:00Z');

    await conversation('c3', {
      channelId: ch.ig2,
      platform: IG,
      assigneeId: null,
      status: 'open',
      lastDirection: 'outbound',
      lastCustomerAt: '2026-03-29T21:30:00Z',
    });
    await message('c3', '2026-03-29T21:30:00Z', 'inbound');
    await message('c3', '2026-03-29T21:31:00Z', 'outbound', { source: 'automation' });

    await conversation('c4', {
      channelId: ch.ig1,
      platform: IG,
      assigneeId: agentA.id,
      status: 'open',
      lastDirection: 'inbound',
      lastCustomerAt: '2026-03-29T22:30:00Z',
    });
    await message('c4', '2026-03-29T22:30:00Z', 'inbound');

    await conversation('c5', {
      channelId: ch.fb1,
      platform: FB,
      assigneeId: agentA.id,
      status: 'open',
      lastDirection: 'outbound',
      lastCustomerAt: '2026-03-28T14:00:00Z',
    });
    await message('c5', '2026-03-28T12:00:00Z', 'inbound');
    await message('c5', '2026-03-28T12:05:00Z', 'outbound', { sender: agentA.id, status: 'failed' });
    await message('c5', '2026-03-28T13:00:00Z', 'outbound', { sender: agentA.id, status: 'read' });
    await message('c5', '2026-03-28T14:00:00Z', 'inbound');
    await message('c5', '2026-03-29T15:00:00Z', 'outbound', { sender: agentA.id });
    const template = await message('c5', '2026-03-29T16:00:00Z', 'outbound', { sender: agentA.id, status: 'delivered' });
    await t.dataSource
      .getRepository(TemplateSendEntity)
      .insert({ messageId: template.id, templateId: randomUUID(), parameters: {}, urlSuffix: null, createdAt: new Date() });

    await conversation('c6', {
      channelId: ch.ig1,
      platform: IG,
      assigneeId: agentB.id,
      status: 'resolved',
      lastDirection: 'outbound',
      lastCustomerAt: '2026-03-28T15:00:00Z',
    });
    await message('c6', '2026-03-28T15:00:00Z', 'inbound');
    await message('c6', '2026-03-28T15:10:00Z', 'outbound', { source: 'native_app' });
    await statusAt('c6', 'resolved', '2026-03-28T15:20:00Z');
    await statusAt('c6', 'open', '2026-03-28T15:30:00Z');
    await statusAt('c6', 'resolved', '2026-03-28T16:00:00Z');

    await t.app.get(ConversationLabelsService).replace(conv['c1'], [labelId]);
    await t.app.get(ConversationLabelsService).replace(conv['c5'], [labelId]);

    await comment('cm-a', '2026-03-28T10:00:00Z', { repliedAt: at('2026-03-28T10:30:00Z'), assigneeId: agentA.id });
    await comment('cm-b', '2026-03-28T11:00:00Z', { isHidden: true });
    await comment('cm-c', '2026-03-28T11:30:00Z', { isFromBusiness: true });
    await comment('cm-d', '2026-03-27T20:00:00Z', {});
    await comment('cm-e', '2026-03-28T12:00:00Z', { kind: 'post' });
  });
  afterAll(() => t?.close());

  it('the incremental path (the inbox announcing each conversation) and a full rebuild produce the same rollups', async () => {
    const activity = t.app.get(InboxActivity);
    for (const id of Object.values(conv)) activity.touched({ conversationId: id });
    await t.app.get(AnalyticsProjector).idle();
    const incremental = await rollupRows();
    expect(incremental.cycles).toHaveLength(7); // C1 ×2, C2, C3, C4, C5, C6
    expect(incremental.labels).toHaveLength(2);
    expectTotalsOf(incremental);

    const res = await t.http.post('/api/analytics/rebuild').set('Authorization', `Bearer ${admin}`);
    expect(res.status).toBe(200);
    expect(res.body.conversations).toBe(6);
    expect(await rollupRows()).toEqual(incremental);
  });

  it('every figure for the Berlin weekend (admin, no filter)', async () => {
    const o = await overview(BERLIN);
    expect(o.range).toMatchObject({ start: '2026-03-27T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z', businessHours: false });
    expect(o.scope).toBe('all');
    expect(o.summary).toEqual({
      opened: 5, // C1 ×2, C3, C5, C6 (C2 opened before, C4 after)
      resolved: 4, // C1 ×2, C2, C6
      messagesIn: 6,
      messagesOut: 8, // failed and outside-range excluded; automation included
      firstResponse: { count: 4, median: 1800, p90: 18000 }, // [600, 1800, 3600, 18000]
      resolution: { count: 4, median: 3600, p90: 41400 }, // [3600, 3600, 36000, 41400]
      replies: { window: 5, humanAgent: 1, template: 1, other: 0 },
      commentsReceived: 2,
      commentsAnswered: 1,
      commentsHidden: 1,
      fromAds: 1,
    });
    expect(o.team).toEqual(o.summary);
    expect(o.frtDistribution).toEqual([
      { bucket: '0-1h', count: 2 },
      { bucket: '1-4h', count: 1 },
      { bucket: '4-8h', count: 1 },
      { bucket: '8-24h', count: 0 },
      { bucket: '24h+', count: 0 },
    ]);
    expect(o.volume).toEqual([
      { date: '2026-03-28', opened: 4, resolved: 3, messagesIn: 5, messagesOut: 4 },
      { date: '2026-03-29', opened: 1, resolved: 1, messagesIn: 1, messagesOut: 4 },
    ]);
    const hot = o.heatmap.filter((c) => c.messagesIn > 0).map((c) => [c.weekday, c.hour, c.messagesIn]);
    expect(hot).toEqual([
      [5, 9, 1],
      [5, 13, 1],
      [5, 15, 1],
      [5, 16, 1],
      [5, 21, 1],
      [6, 23, 1], // Sunday 23:30 summer time
    ]);
    expect(o.heatmap).toHaveLength(168);

    const agent = (id: string) => o.agents.find((r) => r.agentId === id) as AnalyticsAgentRow;
    expect(o.agents).toHaveLength(2);
    expect(agent(agentA.id)).toEqual({
      agentId: agentA.id,
      name: 'Agent A',
      opened: 3,
      resolved: 2,
      messagesOut: 5,
      firstResponse: { count: 3, median: 3600, p90: 18000 },
      resolution: { count: 2, median: 3600, p90: 36000 },
    });
    expect(agent(agentB.id)).toEqual({
      agentId: agentB.id,
      name: 'Agent B',
      opened: 1,
      resolved: 2,
      messagesOut: 2,
      firstResponse: { count: 1, median: 600, p90: 600 },
      resolution: { count: 2, median: 3600, p90: 41400 },
    });

    const channel = (id: string) => o.channels.find((r) => r.channelId === id) as AnalyticsChannelRow;
    expect(o.channels).toHaveLength(3);
    expect(channel(ch.ig1)).toMatchObject({
      opened: 3,
      resolved: 3,
      messagesIn: 3,
      messagesOut: 3,
      firstResponse: { count: 3, median: 1800, p90: 18000 },
      resolution: { count: 3, median: 3600, p90: 36000 },
    });
    expect(channel(ch.fb1)).toMatchObject({
      opened: 1,
      resolved: 1,
      messagesIn: 2,
      messagesOut: 4,
      firstResponse: { count: 1, median: 3600, p90: 3600 },
      resolution: { count: 1, median: 41400, p90: 41400 },
    });
    expect(channel(ch.ig2)).toMatchObject({
      opened: 1,
      resolved: 0,
      messagesIn: 1,
      messagesOut: 1,
      firstResponse: { count: 0, median: null, p90: null },
      resolution: { count: 0, median: null, p90: null },
    });

    expect(o.live).toEqual({
      open: 3,
      unassigned: 1,
      agentsOnline: 0,
      waitingLongest: [{ conversationId: conv['c4'], contactName: 'Customer c4', channelId: ch.ig1, waitingSince: '2026-03-29T22:30:00.000Z' }],
    });
  });

  it('the same dates in UTC move the midnight edges', async () => {
    const o = await overview('from=2026-03-28&to=2026-03-29&tz=UTC');
    // C4 (Sun 22:30Z) is inside now; C2's reply (Fri 23:30Z) is outside
    expect(o.summary).toMatchObject({ opened: 6, resolved: 4, messagesIn: 7, messagesOut: 7, replies: { window: 4, humanAgent: 1, template: 1, other: 0 } });
    expect(o.volume.map((d) => d.date)).toEqual(['2026-03-28', '2026-03-29']);
  });

  it('filters by channel, platform, agent and label', async () => {
    expect((await overview(`${BERLIN}&channelId=${ch.fb1}`)).summary).toMatchObject({
      opened: 1,
      resolved: 1,
      messagesIn: 2,
      messagesOut: 4,
      commentsReceived: 0,
    });
    expect((await overview(`${BERLIN}&platform=INSTAGRAM`)).summary).toMatchObject({
      opened: 4,
      resolved: 3,
      messagesIn: 4,
      messagesOut: 4,
      commentsReceived: 2,
    });
    const byB = await overview(`${BERLIN}&agentId=${agentB.id}`);
    expect(byB.summary).toMatchObject({ opened: 1, resolved: 2, messagesIn: 1, messagesOut: 2, commentsReceived: 0 });
    expect(byB.team).toMatchObject({ opened: 5, resolved: 4, messagesIn: 6, messagesOut: 8, commentsReceived: 2 });
    expect((await overview(`${BERLIN}&labelId=${labelId}`)).summary).toMatchObject({ opened: 3, resolved: 2, messagesIn: 4, messagesOut: 5, fromAds: 1 });
  });

  it('business hours (Saturdays 09:00–17:00 Berlin) count only the seconds inside them', async () => {
    const refused = await get(`/api/analytics/overview?${BERLIN}&businessHours=true`, admin);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('businessHours');
    const saved = await t.http
      .put('/api/analytics/settings')
      .set('Authorization', `Bearer ${admin}`)
      .send({ businessHours: { timeZone: 'Europe/Berlin', weekdays: [6], start: '09:00', end: '17:00' } });
    expect(saved.status).toBe(200);
    const o = await overview(`${BERLIN}&businessHours=true`);
    expect(o.summary.firstResponse).toEqual({ count: 4, median: 600, p90: 3600 }); // [0, 600, 1800, 3600]
    expect(o.summary.resolution).toEqual({ count: 4, median: 3600, p90: 7200 }); // [0, 3600, 3600, 7200]
    expect((await overview(BERLIN)).summary.firstResponse).toEqual({ count: 4, median: 1800, p90: 18000 });
  });

  it('an agent sees their own numbers and the team totals, never a teammate’s', async () => {
    const o = await overview(BERLIN, agentA.token);
    expect(o.scope).toBe('own');
    expect(o.summary).toMatchObject({
      opened: 3,
      resolved: 2,
      messagesIn: 4,
      messagesOut: 5,
      firstResponse: { count: 3, median: 3600, p90: 18000 },
      commentsReceived: 1,
      commentsAnswered: 1,
      commentsHidden: 0,
    });
    expect(o.team).toMatchObject({ opened: 5, resolved: 4, messagesIn: 6, messagesOut: 8, commentsReceived: 2 });
    expect(o.agents.map((a) => a.agentId)).toEqual([agentA.id]);
    expect(o.channels.map((c) => c.channelId).sort()).toEqual([ch.ig1, ch.fb1].sort());
    expect(o.live.waitingLongest.map((w) => w.conversationId)).toEqual([conv['c4']]);

    const b = await overview(BERLIN, agentB.token);
    expect(b.live).toMatchObject({ open: 1, unassigned: 1, waitingLongest: [] }); // C4 is agent A's
    expect(b.agents.map((a) => a.agentId)).toEqual([agentB.id]);

    const teammate = await get(`/api/analytics/overview?${BERLIN}&agentId=${agentB.id}`, agentA.token);
    expect(teammate.status).toBe(403);
    expect((await get('/api/analytics/settings', agentA.token)).status).toBe(403);
    expect((await t.http.post('/api/analytics/rebuild').set('Authorization', `Bearer ${agentA.token}`)).status).toBe(403);
    expect((await t.http.get(`/api/analytics/overview?${BERLIN}`)).status).toBe(401);
  });

  it('every table as CSV carries the JSON’s numbers', async () => {
    const o = await overview(BERLIN);
    const csv = async (table: string) => {
      const res = await get(`/api/analytics/${table}?${BERLIN}&format=csv`, admin);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      return res.text
        .trim()
        .split('\r\n')
        .map((line) => line.split(','));
    };
    const summary = await csv('overview');
    expect(summary[0]).toEqual(['metric', 'value', 'team']);
    const metric = (name: string) => summary.find((r) => r[0] === name)?.[1];
    expect(metric('opened')).toBe(String(o.summary.opened));
    expect(metric('first_response_median_seconds')).toBe(String(o.summary.firstResponse.median));
    expect(metric('resolution_p90_seconds')).toBe(String(o.summary.resolution.p90));
    expect(metric('replies_human_agent')).toBe(String(o.summary.replies.humanAgent));
    expect(metric('conversations_from_ads')).toBe(String(o.summary.fromAds));
    expect(summary).toHaveLength(19);

    expect((await csv('volume')).slice(1)).toEqual(o.volume.map((d) => [d.date, d.opened, d.resolved, d.messagesIn, d.messagesOut].map(String)));
    expect((await csv('frt-distribution')).slice(1)).toEqual(o.frtDistribution.map((b) => [b.bucket, String(b.count)]));
    expect((await csv('heatmap')).slice(1)).toHaveLength(168);
    const agents = await csv('agents');
    expect(agents.slice(1).map((r) => [r[0], r[2], r[3], r[4], r[5]])).toEqual(
      o.agents.map((a) => [a.agentId, a.opened, a.resolved, a.messagesOut, a.firstResponse.median].map(String)),
    );
    const channels = await csv('channels');
    expect(channels.slice(1).map((r) => [r[0], r[3], r[5], r[6]])).toEqual(
      o.channels.map((c) => [c.channelId, c.opened, c.messagesIn, c.messagesOut].map(String)),
    );
    const json = await get(`/api/analytics/agents?${BERLIN}`, admin);
    expect(json.body).toEqual(o.agents);
  });

  it('refuses bad queries with the field named', async () => {
    const bad = async (qs: string, field: string) => {
      const res = await get(`/api/analytics/overview?${qs}`, admin);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain(field);
    };
    await bad('from=2026-02-30&to=2026-03-01', 'from');
    await bad('from=2026-03-01&to=2026-02-01', 'to');
    await bad('from=2025-01-01&to=2026-03-01', 'to');
    await bad('from=2026-03-01&to=2026-03-02&tz=Mars/Olympus', 'tz');
    await bad('from=2026-03-01&to=2026-03-02&channelId=nope', 'channelId');
    await bad('from=2026-03-01&to=2026-03-02&format=xml', 'format');
    await bad('from=2026-03-01&to=2026-03-02&extra=1', 'extra');
    expect((await get(`/api/analytics/nope?${BERLIN}`, admin)).status).toBe(400);
  });

  it('a status change and a message through the real inbox paths update the rollups', async () => {
    const now = Date.now();
    await conversation('live', {
      channelId: ch.ig2,
      platform: IG,
      assigneeId: null,
      status: 'open',
      lastDirection: 'inbound',
      lastCustomerAt: new Date(now - 3_600_000).toISOString(),
    });
    await message('live', new Date(now - 3_600_000).toISOString(), 'inbound');
    const res = await t.http.patch(`/api/conversations/${conv['live']}`).set('Authorization', `Bearer ${admin}`).send({ status: 'resolved' });
    expect(res.status).toBe(200);
    await t.app.get(AnalyticsProjector).idle();
    const cycles = await t.dataSource.getRepository(AnalyticsCycleEntity).findBy({ conversationId: conv['live'] });
    expect(cycles).toHaveLength(1);
    expect(cycles[0].resolvedAt).not.toBeNull();
    expect(cycles[0].resolutionSeconds).toBeGreaterThanOrEqual(3600);
    expect(await t.app.get(AnalyticsRollupRepository).lastStatus(conv['live'])).toBe('resolved');
  });

  it('the message totals follow a conversation whose assignee and messages change, and a rebuild agrees', async () => {
    await t.dataSource.getRepository(ConversationEntity).update({ id: conv['c6'] }, { assigneeId: agentA.id });
    await message('c6', '2026-03-28T15:05:00Z', 'inbound'); // same bucket as its first message
    await t.dataSource.getRepository(MessageEntity).delete({ conversationId: conv['c3'] });
    const activity = t.app.get(InboxActivity);
    for (const key of ['c6', 'c3']) activity.touched({ conversationId: conv[key] });
    await t.app.get(AnalyticsProjector).idle();
    const incremental = await rollupRows();
    expectTotalsOf(incremental);
    expect(incremental.totals.some((r) => r.assigneeKey === agentB.id && r.channelId === ch.ig1)).toBe(false); // C6 was agent B's only IG1 conversation
    expect(incremental.totals.some((r) => r.channelId === ch.ig2 && r.assigneeKey === UNASSIGNED_KEY && r.bucketAt < at('2026-04-01T00:00:00Z'))).toBe(false);

    const o = await overview(BERLIN);
    expect(o.summary).toMatchObject({ messagesIn: 6, messagesOut: 7 }); // +1 C6, −1 in −1 out C3
    expect(o.agents.find((a) => a.agentId === agentA.id)?.messagesOut).toBe(6); // C6's native-app reply is agent A's now

    expect((await t.http.post('/api/analytics/rebuild').set('Authorization', `Bearer ${admin}`)).status).toBe(200);
    expect(await rollupRows()).toEqual(incremental);
  });

  it('the hourly per-channel totals give the same local hours as the 15-minute ones (whole-hour zones, across the DST change)', async () => {
    const query = t.app.get(AnalyticsQueryRepository);
    /** One row per local hour (a repeated local hour may come back as two rows), in hour order. */
    const perHour = (rows: BucketSums[]) => {
      const hours = new Map<number, BucketSums>();
      for (const { hour, ...sums } of rows) {
        const into = hours.get(hour as number) ?? {
          hour,
          messagesIn: 0,
          messagesOut: 0,
          repliesWindow: 0,
          repliesHumanAgent: 0,
          repliesTemplate: 0,
          repliesOther: 0,
        };
        for (const key of ['messagesIn', 'messagesOut', 'repliesWindow', 'repliesHumanAgent', 'repliesTemplate', 'repliesOther'] as const)
          into[key] += sums[key];
        hours.set(hour as number, into);
      }
      return [...hours.values()].sort((a, b) => (a.hour as number) - (b.hour as number));
    };
    for (const [from, to, tz] of [
      ['2026-03-28', '2026-03-29', 'Europe/Berlin'],
      ['2026-03-27', '2026-03-30', 'America/New_York'],
      ['2026-03-28', '2026-03-29', 'UTC'],
    ]) {
      const range = rangeOf(from, to, tz);
      const shifts = localDayShifts(from, to, tz);
      expect(wholeHours(range, shifts)).toBe(true);
      for (const filter of [range, { ...range, channelId: ch.ig1 }, { ...range, platform: FB }]) {
        const hourly = perHour(await query.hourSums(filter, shifts));
        expect(hourly.length).toBeGreaterThan(0);
        expect(hourly).toEqual(perHour(await query.hourSums(filter, shifts, false)));
      }
    }
    // :30 and :45 zones keep the 15-minute rows
    for (const tz of ['Asia/Kolkata', 'Asia/Kathmandu'])
      expect(wholeHours(rangeOf('2026-03-28', '2026-03-29', tz), localDayShifts('2026-03-28', '2026-03-29', tz))).toBe(false);
  });

  it('a whole-hour zone (hourly totals) and a :30 zone (15-minute totals) count the same messages over a range holding them all', async () => {
    const wide = 'from=2026-03-20&to=2026-04-10';
    const berlin = await overview(`${wide}&tz=Europe/Berlin`);
    const kolkata = await overview(`${wide}&tz=Asia/Kolkata`);
    const messages = (o: AnalyticsOverviewResponse) => ({
      messagesIn: o.summary.messagesIn,
      messagesOut: o.summary.messagesOut,
      replies: o.summary.replies,
      volumeIn: o.volume.reduce((n, d) => n + d.messagesIn, 0),
      heatmapIn: o.heatmap.reduce((n, c) => n + c.messagesIn, 0),
    });
    expect(messages(berlin).messagesIn).toBeGreaterThan(0);
    expect(messages(berlin)).toEqual(messages(kolkata));
    expect(messages(berlin)).toEqual({ ...messages(berlin), volumeIn: berlin.summary.messagesIn, heatmapIn: berlin.summary.messagesIn });
  });

  it('a range of half a year (daily totals summed in pair order on MySQL/MariaDB) gives the same tables as three weeks holding the same data', async () => {
    const weeks = await overview('from=2026-03-20&to=2026-04-10&tz=Europe/Berlin');
    const halfYear = await overview('from=2026-01-01&to=2026-06-30&tz=Europe/Berlin');
    expect(halfYear.agents.length).toBeGreaterThan(0);
    expect(halfYear.agents).toEqual(weeks.agents);
    expect(halfYear.channels).toEqual(weeks.channels);
    expect(halfYear.summary).toEqual(weeks.summary);
  });
});
