import {
  AccountInsightsResponse,
  ChannelStatus,
  ClientToServerEvents,
  InsightSyncStatusDto,
  InsightsSyncEvent,
  MediaInsightsResponse,
  Role,
  ServerToClientEvents,
  StoryInsightsResponse,
} from '@ticklegram/domain-models';
import { SIM_SEED } from '@ticklegram/meta-sim';
import { io, Socket } from 'socket.io-client';
import { ChannelsService } from '../../src/modules/channels/channels.service';
import { addDays, toDay } from '../../src/modules/insights/insight-days';
import { InsightsSchedulerService } from '../../src/modules/insights/insights-scheduler.service';
import { InsightsSyncService } from '../../src/modules/insights/insights-sync.service';
import { MetaGraph } from '../../src/modules/meta/meta.module';
import { IngestionHarness, startIngestionHarness, waitFor } from '../utils/webhooks-harness';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const DAY = 86_400_000;
const BACKFILL_DAYS = 35;

/**
 * Instagram insights against the Meta simulator: the sync fills daily snapshots, media and live story
 * metrics from Meta's current metric set; re-syncing is idempotent; the `story_insights` webhook lands
 * in the same story row; routes validate, sort and compare periods; agents read but cannot sync; a
 * rejected token fails the sync in plain words and flags the channel.
 */
describe('insights (integration)', () => {
  let h: IngestionHarness;
  let sync: InsightsSyncService;
  let agent: string;
  let pageIg: InsightSyncStatusDto;
  let loginIg: InsightSyncStatusDto;
  const sockets: ClientSocket[] = [];

  const get = <T>(path: string, token = h.admin) =>
    h.t.http
      .get(path)
      .set('Authorization', `Bearer ${token}`)
      .then((res) => ({ status: res.status, body: res.body as T }));
  const page = { accessToken: SIM_SEED.page.accessToken, accountKey: 'test' };
  /** What Meta (the sim) answers for one account metric on one UTC day, asked independently of the sync. */
  const metaDaily = async (metric: 'reach' | 'views', day: string): Promise<number | null> => {
    const since = Date.parse(`${day}T00:00:00Z`) / 1000;
    const res = await h.t.app.get(MetaGraph).insights.getAccountInsights(page, SIM_SEED.instagram.id, { metrics: [metric], since, until: since + DAY / 1000 });
    const value = res.data[0]?.total_value?.value;
    return typeof value === 'number' ? value : null;
  };
  const metaLifetime = async (mediaId: string, metric: 'views' | 'saved'): Promise<number | undefined> => {
    const res = await h.t.app.get(MetaGraph).insights.getMediaInsights(page, mediaId, [metric]);
    const value = res.data[0]?.values?.[0]?.value ?? res.data[0]?.total_value?.value;
    return typeof value === 'number' ? value : undefined;
  };

  beforeAll(async () => {
    h = await startIngestionHarness({ INSIGHTS_BACKFILL_DAYS: String(BACKFILL_DAYS), INSIGHTS_SYNC_ENABLED: 'false' });
    sync = h.t.app.get(InsightsSyncService);
    agent = (await h.t.createUser(Role.AGENT)).accessToken;
    const statuses = (await get<InsightSyncStatusDto[]>('/api/insights/sync')).body;
    pageIg = statuses.find((s) => s.username === SIM_SEED.instagram.username) as InsightSyncStatusDto;
    loginIg = statuses.find((s) => s.username === SIM_SEED.instagramLogin.username) as InsightSyncStatusDto;
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await h.close();
  });

  it('lists the connected Instagram accounts, never synced yet', () => {
    expect(pageIg).toMatchObject({ state: 'idle', lastSyncedAt: null, daysStored: 0, progress: null });
    expect(loginIg).toMatchObject({ state: 'idle', lastSyncedAt: null });
  });

  it('syncs account days, followers, demographics, media and live stories, and tells the dashboard', async () => {
    const socket: ClientSocket = io(h.t.url, { auth: { token: h.admin }, transports: ['websocket'] });
    sockets.push(socket);
    const events: { name: string; payload: InsightsSyncEvent }[] = [];
    socket.on('insights.sync_progress', (payload) => events.push({ name: 'progress', payload }));
    socket.on('insights.synced', (payload) => events.push({ name: 'synced', payload }));
    await waitFor(async () => socket.connected, 5_000, 'the socket');

    expect(await sync.syncAccount(pageIg.channelId)).toBe('synced');

    const status = (await get<InsightSyncStatusDto[]>('/api/insights/sync')).body.find((s) => s.channelId === pageIg.channelId);
    expect(status).toMatchObject({ state: 'idle', lastError: null, daysStored: BACKFILL_DAYS });
    expect(status?.lastSyncedAt).toEqual(expect.any(String));
    const synced = await waitFor(async () => events.find((e) => e.name === 'synced'), 5_000, 'insights.synced');
    expect(synced.payload.status).toMatchObject({ channelId: pageIg.channelId, state: 'idle' });
    expect(events.some((e) => e.name === 'progress' && e.payload.status.progress?.phase === 'account')).toBe(true);

    // only current metric names were requested, one day per account call, paced through the client's limiter
    const calls = h.sim.context.requests.filter((r) => r.path.endsWith(`${SIM_SEED.instagram.id}/insights`));
    const requested = new Set(calls.flatMap((r) => String(r.params['metric']).split(',')));
    for (const retired of ['impressions', 'profile_views', 'website_clicks', 'plays', 'video_views']) expect(requested.has(retired)).toBe(false);
    expect(requested).toEqual(
      new Set([
        'views',
        'reach',
        'accounts_engaged',
        'total_interactions',
        'likes',
        'comments',
        'shares',
        'saves',
        'replies',
        'reposts',
        'follows_and_unfollows',
        'profile_links_taps',
        'follower_count',
        'follower_demographics',
      ]),
    );
  });

  it('serves a range as daily series equal to what Meta reported, with totals and the change against the previous range', async () => {
    const today = toDay(new Date());
    const from = addDays(today, -6);
    const res = await get<AccountInsightsResponse>(`/api/insights/accounts/${pageIg.channelId}?from=${from}&to=${today}`);
    expect(res.status).toBe(200);
    expect(res.body.range).toEqual({ from, to: today });
    expect(res.body.previousRange).toEqual({ from: addDays(from, -7), to: addDays(from, -1) });
    const reach = res.body.metrics.find((m) => m.metric === 'reach');
    const expected: (number | null)[] = [];
    // today is not over: its partial figures are not stored (the series ends at yesterday, no drop to 0 on today)
    for (const point of reach?.series ?? []) expected.push(point.date < today ? await metaDaily('reach', point.date) : null);
    expect(reach?.series.map((p) => p.value)).toEqual(expected);
    expect(expected.slice(0, -1).every((v) => v !== null)).toBe(true);
    for (const daily of res.body.metrics.filter((m) => m.metric !== 'followers_total')) expect(daily.series.at(-1)).toEqual({ date: today, value: null });
    const total = expected.filter((v): v is number => v !== null).reduce((a, b) => a + b, 0);
    let previous = 0;
    for (let k = 1; k <= 7; k += 1) previous += (await metaDaily('reach', addDays(from, -k))) ?? 0;
    expect(reach).toMatchObject({ total, previousTotal: previous });
    expect(reach?.change).toBeCloseTo((total - previous) / previous, 10);

    const followers = res.body.metrics.find((m) => m.metric === 'followers_total');
    expect(followers?.total).toBe(h.sim.context.store.instagramAccounts.get(SIM_SEED.instagram.id)?.followersCount);
    const newFollowers = res.body.metrics.find((m) => m.metric === 'follower_count');
    expect(newFollowers?.series.filter((p) => p.value !== null).length).toBeGreaterThan(0);
    expect(res.body.demographics.map((d) => d.breakdown).sort()).toEqual(['age', 'country', 'gender']);
    expect(res.body.demographics.find((d) => d.breakdown === 'country')?.values[0]).toEqual({ key: expect.any(String), value: expect.any(Number) });
    expect(res.body.lastSyncedAt).toEqual(expect.any(String));
  });

  it('keeps missing days as null rather than zero', async () => {
    const longAgo = addDays(toDay(new Date()), -200);
    const res = await get<AccountInsightsResponse>(`/api/insights/accounts/${pageIg.channelId}?from=${longAgo}&to=${addDays(longAgo, 2)}`);
    expect(res.body.metrics.find((m) => m.metric === 'views')).toMatchObject({
      total: null,
      previousTotal: null,
      change: null,
      series: [{ value: null }, { value: null }, { value: null }],
    });
  });

  it('is idempotent: a second sync rewrites the same rows, and resumes from where the first stopped', async () => {
    const rows = async () =>
      (
        (await h.t.dataSource.query('SELECT metric, day, value FROM insight_snapshots WHERE channel_id = ? ORDER BY metric, day', [pageIg.channelId])) as {
          metric: string;
          day: string;
          value: number;
        }[]
      ).map((r) => `${r.metric} ${r.day} ${Number(r.value)}`);
    const countRows = async () => (await rows()).length;
    const snapshot = await rows();
    const before = snapshot.length;
    const media = await h.count('SELECT COUNT(*) AS n FROM media_insights WHERE channel_id = ?', [pageIg.channelId]);
    h.sim.context.requests.length = 0;
    expect(await sync.syncAccount(pageIg.channelId)).toBe('synced');
    expect(await rows()).toEqual(snapshot);
    expect(await countRows()).toBe(before);
    expect(await h.count('SELECT COUNT(*) AS n FROM media_insights WHERE channel_id = ?', [pageIg.channelId])).toBe(media);
    // the two days before the last one synced are read again (Meta is up to 48 h late), not the whole backfill
    const dayCalls = h.sim.context.requests.filter(
      (r) => r.path.endsWith(`${SIM_SEED.instagram.id}/insights`) && r.params['metric_type'] === 'total_value' && r.params['period'] === 'day',
    );
    expect(dayCalls).toHaveLength(3);
  });

  it('lists media with lifetime metrics, sorted by any metric (never stories)', async () => {
    const res = await get<MediaInsightsResponse>(`/api/insights/media?channelId=${pageIg.channelId}&sort=views&order=desc`);
    expect(res.status).toBe(200);
    // every post, reel and carousel `/{ig}/media` lists (the newest INSIGHTS_MEDIA_LIMIT; not stories or lives)
    const listed: string[] = [];
    for await (const m of h.t.app.get(MetaGraph).comments.iterateInstagramMedia(page, SIM_SEED.instagram.id, { fields: 'id,media_product_type', limit: 50 })) {
      if (!['STORY', 'LIVE'].includes(m.media_product_type ?? '')) listed.push(m.id);
    }
    expect(listed.length).toBeGreaterThanOrEqual(3);
    const all = await get<MediaInsightsResponse>(`/api/insights/media?channelId=${pageIg.channelId}&limit=100`);
    expect(all.body.items.map((m) => m.mediaId).sort()).toEqual(listed.slice(0, 50).sort());
    expect(res.body.items.length).toBe(Math.min(listed.length, 24));
    const views = res.body.items.map((m) => m.views as number);
    expect(views).toEqual([...views].sort((a, b) => b - a));
    const post = res.body.items.find((m) => m.mediaId === SIM_SEED.media.post);
    expect(post).toMatchObject({
      productType: 'FEED',
      mediaType: 'IMAGE',
      views: await metaLifetime(SIM_SEED.media.post, 'views'),
      saves: await metaLifetime(SIM_SEED.media.post, 'saved'),
      unavailableReason: null,
    });
    expect(post?.thumbnailUrl).toContain('/cdn/');
    const reel = res.body.items.find((m) => m.mediaId === SIM_SEED.media.reel);
    expect(reel).toMatchObject({ productType: 'REELS', extra: { ig_reels_avg_watch_time: expect.any(Number) } });

    const oldestFirst = await get<MediaInsightsResponse>(`/api/insights/media?sort=posted_at&order=asc&limit=2`);
    const posted = oldestFirst.body.items.map((m) => m.postedAt);
    expect(posted).toEqual([...posted].sort());
    expect(oldestFirst.body.items).toHaveLength(2);
    const reelsOnly = await get<MediaInsightsResponse>(`/api/insights/media?productType=REELS`);
    expect(reelsOnly.body.items.map((m) => m.mediaId)).toContain(SIM_SEED.media.reel);
    expect(reelsOnly.body.items.every((m) => m.productType === 'REELS')).toBe(true);
  });

  it('keeps live story metrics, leaves out those Meta withholds (< 5), and merges the story_insights webhook', async () => {
    const res = await get<StoryInsightsResponse>(`/api/insights/stories?channelId=${pageIg.channelId}`);
    const live = [...h.sim.context.store.media.values()].filter(
      (m) => m.accountId === SIM_SEED.instagram.id && m.mediaProductType === 'STORY' && Date.now() - m.createdAt < DAY,
    );
    expect(res.body.items.map((s) => s.mediaId).sort()).toEqual(live.map((m) => m.id).sort());
    const story = res.body.items.find((s) => s.mediaId === SIM_SEED.media.story);
    expect(story).toMatchObject({ source: 'api', metrics: { views: 190, reach: 152, navigation: 49 } });
    expect(story?.metrics).not.toHaveProperty('replies');
    expect(story?.postedAt).toEqual(expect.any(String));

    await h.control(`/_sim/stories/${SIM_SEED.media.story}/insights-webhook`, {});
    await h.settle();
    const after = (await get<StoryInsightsResponse>(`/api/insights/stories?channelId=${pageIg.channelId}`)).body.items;
    expect(after).toHaveLength(res.body.items.length);
    expect(after.find((s) => s.mediaId === SIM_SEED.media.story)).toMatchObject({
      source: 'webhook',
      metrics: { views: 190, reach: 152, taps_forward: 40, taps_back: 6 },
    });
    expect(after.find((s) => s.mediaId === SIM_SEED.media.story)?.metrics).not.toHaveProperty('impressions');
  });

  it('syncs an Instagram Login account on graph.instagram.com', async () => {
    expect(await sync.syncAccount(loginIg.channelId)).toBe('synced');
    const media = await get<MediaInsightsResponse>(`/api/insights/media?channelId=${loginIg.channelId}`);
    expect(media.body.items.map((m) => m.mediaId)).toEqual([SIM_SEED.media.igLoginPost]);
    expect(h.sim.context.requests.some((r) => r.host === 'instagram' && r.path.endsWith(`${SIM_SEED.instagramLogin.id}/insights`))).toBe(true);
  });

  it('runs due accounts from the scheduler and skips fresh ones', async () => {
    const scheduler = h.t.app.get(InsightsSchedulerService);
    expect(await scheduler.runDue()).toEqual([]);
    expect((await scheduler.runDue(Date.now() + 7 * 3_600_000)).sort()).toEqual([pageIg.channelId, loginIg.channelId].sort());
  });

  it('lets agents read insights but only admins start a sync', async () => {
    expect((await get(`/api/insights/accounts/${pageIg.channelId}`, agent)).status).toBe(200);
    expect((await get('/api/insights/media', agent)).status).toBe(200);
    const denied = await h.t.http.post('/api/insights/sync').set('Authorization', `Bearer ${agent}`).send({});
    expect(denied.status).toBe(403);
    expect((await h.t.http.get('/api/insights/sync')).status).toBe(401);
  });

  it('starts a sync now in the background and reports it as running', async () => {
    const res = await h.t.http.post('/api/insights/sync').set('Authorization', `Bearer ${h.admin}`).send({ channelId: loginIg.channelId });
    expect(res.status).toBe(202);
    expect((res.body as InsightSyncStatusDto[]).map((s) => [s.channelId, s.state])).toEqual([[loginIg.channelId, 'running']]);
    await sync.idle();
    const again = (await get<InsightSyncStatusDto[]>('/api/insights/sync')).body.find((s) => s.channelId === loginIg.channelId);
    expect(again?.state).toBe('idle');
    expect(await h.count(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'insights.sync_requested'`)).toBe(1);
  });

  it('validates queries with field-level reasons', async () => {
    const badSort = await get<{ errors: { field: string }[] }>('/api/insights/media?sort=impressions');
    expect(badSort.status).toBe(400);
    expect(badSort.body.errors.map((e) => e.field)).toContain('sort');
    expect((await get(`/api/insights/media?limit=0`)).status).toBe(400);
    expect((await get(`/api/insights/media?unknown=1`)).status).toBe(400);
    const badDay = await get<{ errors: { field: string }[] }>(`/api/insights/accounts/${pageIg.channelId}?from=yesterday`);
    expect(badDay.status).toBe(400);
    expect(badDay.body.errors.map((e) => e.field)).toContain('from');
    expect((await get<{ code: string }>(`/api/insights/accounts/${pageIg.channelId}?from=2026-13-01`)).body.code).toBe('INSIGHTS_INVALID_RANGE');
    expect((await get<{ code: string }>(`/api/insights/accounts/${pageIg.channelId}?from=2026-02-30`)).body.code).toBe('INSIGHTS_INVALID_RANGE');
    expect((await get<{ code: string }>(`/api/insights/accounts/${pageIg.channelId}?from=2026-12-03&to=2026-12-01`)).status).toBe(400);
    expect((await get<{ code: string }>(`/api/insights/accounts/${pageIg.channelId}?from=2024-01-01&to=2026-12-01`)).status).toBe(400);
    expect((await get<{ code: string }>('/api/insights/accounts/not-a-uuid')).status).toBe(400);
    const unknown = await get<{ code: string }>('/api/insights/accounts/6f1c1c4e-5a1b-4c1e-9a43-000000000000');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'INSIGHTS_ACCOUNT_NOT_FOUND']);
    const facebookPage = (await h.t.app.get(ChannelsService).list()).find((c) => c.platform === 'FACEBOOK');
    expect((await get(`/api/insights/accounts/${facebookPage?.id}`)).status).toBe(404);
    const badSync = await h.t.http.post('/api/insights/sync').set('Authorization', `Bearer ${h.admin}`).send({ channelId: 'nope' });
    expect(badSync.status).toBe(400);
  });

  it('fails a sync in plain words when Meta rejects the token, and flags the channel for reconnection', async () => {
    await h.control('/_sim/faults', { pattern: `GET /${SIM_SEED.instagram.id}/insights`, code: 190 });
    expect(await sync.syncAccount(pageIg.channelId)).toBe('failed');
    const status = (await get<InsightSyncStatusDto[]>('/api/insights/sync')).body.find((s) => s.channelId === pageIg.channelId);
    expect(status?.state).toBe('failed');
    expect(status?.lastError).toMatch(/reconnect|log in|connect/i);
    expect(status?.lastError).not.toMatch(/OAuthException|#190/);
    const channel = (await h.t.app.get(ChannelsService).list()).find((c) => c.id === pageIg.channelId);
    expect(channel?.status).toBe(ChannelStatus.NEEDS_REAUTH);
    // the history already stored is still served
    expect((await get<AccountInsightsResponse>(`/api/insights/accounts/${pageIg.channelId}`)).body.metrics.find((m) => m.metric === 'reach')?.total).toEqual(
      expect.any(Number),
    );
  });
});
