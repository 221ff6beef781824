import { AnalyticsOverviewResponse, DurationStats, FRT_BUCKET_LOWER_BOUNDS, FRT_BUCKETS, MessagePlatform, Role } from '@ticklegram/domain-models';
import { randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { AnalyticsProjector } from '../../src/modules/analytics/analytics-projector.service';
import { localDayShifts } from '../../src/modules/analytics/calculators/local-days';
import { addDays, localDate, rangeOf } from '../../src/modules/analytics/calculators/time-zone';
import { AnalyticsCycleEntity } from '../../src/modules/analytics/entities/analytics-cycle.entity';
import { AnalyticsQueryRepository, CycleEvent } from '../../src/modules/analytics/repositories/analytics-query.repository';
import { startTestApp, TEST_ADMIN, TestApp } from '../utils/test-app';
import { seededRandom } from '../utils/seeded-random';

/** Nearest rank, as docs/analytics.md defines the median and p90. */
function stats(values: number[]): DurationStats {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => (sorted.length ? sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1] : null);
  return { count: sorted.length, median: rank(0.5), p90: rank(0.9) };
}

/**
 * The overview's cycle figures (counts, ads, durations, days, per agent and channel, FRT distribution) against
 * a brute-force computation from the cycle rows themselves, on random cycles around the DST changes of
 * 2026-03-29 (Europe/Berlin) and 2026-04-05 (Santiago at midnight, Lord Howe by half an hour, Chatham at
 * +13:45), in :30 and :45 zones too — each cycle's local date from `Intl`, each percentile from a full sort.
 */
describe('analytics cycle figures against a brute-force count (integration)', () => {
  let t: TestApp;
  let admin: string;
  let agent: { token: string; id: string };
  let other: string;
  const channels = [randomUUID(), randomUUID(), randomUUID()];
  const cycles: AnalyticsCycleEntity[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.login(TEST_ADMIN.email, TEST_ADMIN.password)).accessToken;
    const a = await t.createUser(Role.AGENT, { name: 'Agent A' });
    const b = await t.createUser(Role.AGENT, { name: 'Agent B' });
    agent = { token: a.accessToken, id: a.user.id };
    other = b.user.id;
    await t.app.get(AnalyticsProjector).idle(); // the first-start build, before the cycles are written
    const random = seededRandom(20_260_329);
    const assignees = [agent.id, other, null, randomUUID()]; // the last one: no longer a teammate
    const from = Date.parse('2026-03-24T00:00:00Z');
    const span = 16 * 86_400_000;
    // instants on the edges: local midnights and offset changes, to the millisecond either side
    const edges = ['2026-03-29T01:00:00Z', '2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z', '2026-04-05T03:00:00Z', '2026-04-04T13:15:00Z'].flatMap((iso) => [
      Date.parse(iso) - 1,
      Date.parse(iso),
      Date.parse(iso) + 999,
    ]);
    for (let i = 0; i < 600; i++) {
      const openedAt = i < edges.length ? edges[i] : from + Math.floor(random() * span);
      const frt = random() < 0.2 ? null : random() < 0.1 ? 0 : Math.floor(random() ** 3 * 200_000);
      const resolution = random() < 0.3 ? null : Math.floor(random() ** 2 * 4 * 86_400) + (frt ?? 0);
      const resolvedAt = resolution === null ? null : openedAt + resolution * 1000 + Math.floor(random() * 1000);
      cycles.push(
        Object.assign(new AnalyticsCycleEntity(), {
          conversationId: randomUUID(),
          cycleNo: 0,
          channelId: channels[Math.floor(random() * channels.length)],
          platform: random() < 0.5 ? MessagePlatform.INSTAGRAM : MessagePlatform.FACEBOOK,
          assigneeId: assignees[Math.floor(random() * assignees.length)],
          openedAt: new Date(openedAt),
          firstResponseAt: frt === null ? null : new Date(openedAt + frt * 1000),
          frtSeconds: frt,
          frtBusinessSeconds: null,
          resolvedAt: resolvedAt === null ? null : new Date(resolvedAt),
          resolutionSeconds: resolution,
          resolutionBusinessSeconds: null,
          fromAd: random() < 0.15,
        }),
      );
    }
    await t.dataSource.getRepository(AnalyticsCycleEntity).insert(cycles);
  });

  afterAll(() => t?.close());

  const overview = async (qs: string, token = admin): Promise<AnalyticsOverviewResponse> => {
    const res = await t.http.get(`/api/analytics/overview?${qs}`).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    return res.body as AnalyticsOverviewResponse;
  };

  /** What the overview must say of these cycles, computed the slow way. */
  function expected(from: string, to: string, tz: string, agentId?: string) {
    const { start, end } = rangeOf(from, to, tz);
    const inRange = (d: Date | null): d is Date => d !== null && d >= start && d < end;
    const mine = (c: AnalyticsCycleEntity) => !agentId || c.assigneeId === agentId;
    const opened = cycles.filter((c) => inRange(c.openedAt));
    const resolved = cycles.filter((c) => inRange(c.resolvedAt));
    const figures = (o: AnalyticsCycleEntity[], r: AnalyticsCycleEntity[]) => ({
      opened: o.length,
      resolved: r.length,
      fromAds: o.filter((c) => c.fromAd).length,
      firstResponse: stats(o.flatMap((c) => (c.frtSeconds === null ? [] : [c.frtSeconds]))),
      resolution: stats(r.flatMap((c) => (c.resolutionSeconds === null ? [] : [c.resolutionSeconds]))),
    });
    const own = { opened: opened.filter(mine), resolved: resolved.filter(mine) };
    const volume: { date: string; opened: number; resolved: number }[] = [];
    for (let d = from; d <= to; d = addDays(d, 1))
      volume.push({
        date: d,
        opened: own.opened.filter((c) => localDate(c.openedAt, tz) === d).length,
        resolved: own.resolved.filter((c) => localDate(c.resolvedAt as Date, tz) === d).length,
      });
    const per = (keyOf: (c: AnalyticsCycleEntity) => string | null) => {
      const keys = new Set([...own.opened, ...own.resolved].map(keyOf).filter((k): k is string => k !== null));
      const out = new Map<string, ReturnType<typeof figures>>();
      for (const key of keys)
        out.set(
          key,
          figures(
            own.opened.filter((c) => keyOf(c) === key),
            own.resolved.filter((c) => keyOf(c) === key),
          ),
        );
      return out;
    };
    const frts = own.opened.flatMap((c) => (c.frtSeconds === null ? [] : [c.frtSeconds]));
    const bounds = FRT_BUCKETS.map((b) => FRT_BUCKET_LOWER_BOUNDS[b]);
    const bucketOf = (v: number) => bounds.filter((lower) => v >= lower).length - 1;
    return {
      summary: figures(own.opened, own.resolved),
      team: figures(opened, resolved),
      volume,
      agents: per((c) => c.assigneeId),
      channels: per((c) => c.channelId),
      frtDistribution: FRT_BUCKETS.map((bucket, i) => ({ bucket, count: frts.filter((v) => bucketOf(v) === i).length })),
    };
  }

  function expectSame(o: AnalyticsOverviewResponse, e: ReturnType<typeof expected>, agentIds: string[]) {
    const pick = (s: { opened: number; resolved: number; fromAds?: number; firstResponse: DurationStats; resolution: DurationStats }) => ({
      opened: s.opened,
      resolved: s.resolved,
      firstResponse: s.firstResponse,
      resolution: s.resolution,
    });
    expect({ ...pick(o.summary), fromAds: o.summary.fromAds }).toEqual(e.summary);
    expect({ ...pick(o.team), fromAds: o.team.fromAds }).toEqual(e.team);
    expect(o.volume.map((d) => ({ date: d.date, opened: d.opened, resolved: d.resolved }))).toEqual(e.volume);
    expect(o.frtDistribution).toEqual(e.frtDistribution);
    const agents = Object.fromEntries(o.agents.map((a) => [a.agentId, pick(a)]));
    const wanted = Object.fromEntries(
      agentIds.filter((id) => e.agents.has(id)).map((id) => [id, pick(e.agents.get(id) as ReturnType<typeof expected>['summary'])]),
    );
    expect(agents).toEqual(wanted);
    const byChannel = Object.fromEntries(o.channels.map((c) => [c.channelId, pick(c)]));
    expect(byChannel).toEqual(Object.fromEntries([...e.channels].map(([id, f]) => [id, pick(f)])));
  }

  it.each([
    ['Europe/Berlin', '2026-03-27', '2026-03-31'],
    ['America/Santiago', '2026-04-03', '2026-04-07'],
    ['Australia/Lord_Howe', '2026-03-25', '2026-04-08'],
    ['Pacific/Chatham', '2026-04-01', '2026-04-09'],
    ['Asia/Kolkata', '2026-03-24', '2026-04-08'],
    ['Asia/Kathmandu', '2026-03-28', '2026-03-30'],
    ['UTC', '2026-03-29', '2026-03-29'],
    // over 120 days: MySQL/MariaDB walk the cycles in (channel, assignee) order instead
    ['Europe/Berlin', '2026-01-01', '2026-05-31'],
    ['Pacific/Chatham', '2025-12-01', '2026-05-31'],
  ])('as an admin in %s from %s to %s', async (tz, from, to) => {
    expect(cycles.length).toBe(600);
    const o = await overview(`from=${from}&to=${to}&tz=${tz}`);
    const e = expected(from, to, tz);
    expect(e.summary.opened).toBeGreaterThan(0);
    expectSame(o, e, [agent.id, other]);
  });

  it('as an agent (own figures, team totals) across the Berlin change', async () => {
    const o = await overview('from=2026-03-26&to=2026-04-02&tz=Europe/Berlin', agent.token);
    const e = expected('2026-03-26', '2026-04-02', 'Europe/Berlin', agent.id);
    expect(e.summary.opened).toBeGreaterThan(0);
    expect(e.team.opened).toBeGreaterThan(e.summary.opened);
    expectSame(o, e, [agent.id]);
  });

  it('as an agent over more than 120 days (cycles in pair order on MySQL/MariaDB)', async () => {
    const o = await overview('from=2026-01-15&to=2026-05-20&tz=America/Santiago', agent.token);
    const e = expected('2026-01-15', '2026-05-20', 'America/Santiago', agent.id);
    expect(e.summary.opened).toBeGreaterThan(0);
    expectSame(o, e, [agent.id]);
  });

  it.each<[CycleEvent, string, string]>([
    ['opened', '2026-03-24', '2026-04-08'],
    ['resolved', '2026-03-24', '2026-04-08'],
    ['opened', '2026-01-01', '2026-05-31'],
    ['resolved', '2026-01-01', '2026-05-31'],
  ])('lists cut short by the length cap are read again row by row (%s, %s to %s)', async (event, from, to) => {
    const rollups = t.app.get(AnalyticsQueryRepository);
    const { start, end } = rangeOf(from, to, 'Pacific/Chatham');
    const shifts = localDayShifts(from, to, 'Pacific/Chatham');
    const sorted = (groups: Awaited<ReturnType<AnalyticsQueryRepository['cycleGroups']>>) =>
      groups
        .map((g) => ({ ...g, durations: [...g.durations].sort((a, b) => a - b), days: [...g.days].sort((a, b) => a - b) }))
        .sort((a, b) => `${a.channelId}|${a.assigneeId}`.localeCompare(`${b.channelId}|${b.assigneeId}`));
    const whole = sorted(await rollups.cycleGroups({ start, end }, event, false, shifts));
    // 4 bytes: MySQL's and MariaDB's smallest cap, which cuts every list here (SQLite has no cap: the same read)
    const cut = sorted(await rollups.cycleGroups({ start, end }, event, false, shifts, 4));
    expect(whole.reduce((n, g) => n + g.cycles, 0)).toBeGreaterThan(100);
    expect(cut).toEqual(whole);
  });

  it('two pairs whose ids share a CRC32 (MariaDB groups by the checksums) are still counted apart', async () => {
    const seen = new Map<number, string>();
    let twins: [string, string] | null = null;
    for (let i = 0; i < 2_000_000 && !twins; i++) {
      const id = randomUUID();
      const other = seen.get(crc32(id));
      if (other) twins = [other, id];
      else seen.set(crc32(id), id);
    }
    if (!twins) throw new Error('no two uuids with one CRC32 found');
    const openedAt = (minute: number) => new Date(Date.parse('2026-06-01T10:00:00Z') + minute * 60_000);
    const row = (channelId: string, minute: number, frt: number) =>
      Object.assign(new AnalyticsCycleEntity(), {
        conversationId: randomUUID(),
        cycleNo: 0,
        channelId,
        platform: MessagePlatform.INSTAGRAM,
        assigneeId: agent.id,
        openedAt: openedAt(minute),
        firstResponseAt: null,
        frtSeconds: frt,
        frtBusinessSeconds: null,
        resolvedAt: null,
        resolutionSeconds: null,
        resolutionBusinessSeconds: null,
        fromAd: false,
      });
    await t.dataSource.getRepository(AnalyticsCycleEntity).insert([row(twins[0], 1, 10), row(twins[0], 2, 20), row(twins[1], 3, 300)]);
    const { start, end } = rangeOf('2026-06-01', '2026-06-01', 'UTC');
    const groups = await t.app.get(AnalyticsQueryRepository).cycleGroups({ start, end }, 'opened', false, localDayShifts('2026-06-01', '2026-06-01', 'UTC'));
    expect(
      groups.map((g) => ({ channelId: g.channelId, cycles: g.cycles, durations: [...g.durations].sort((a, b) => a - b) })).sort((a, b) => a.cycles - b.cycles),
    ).toEqual([
      { channelId: twins[1], cycles: 1, durations: [300] },
      { channelId: twins[0], cycles: 2, durations: [10, 20] },
    ]);
    const o = await overview('from=2026-06-01&to=2026-06-01&tz=UTC');
    expect(Object.fromEntries(o.channels.map((c) => [c.channelId, [c.opened, c.firstResponse.median]]))).toEqual({ [twins[0]]: [2, 10], [twins[1]]: [1, 300] });
  });
});
