import { AnalyticsOverviewResponse, MessagePlatform, Role } from '@ticklegram/domain-models';
import { randomUUID } from 'node:crypto';
import { AnalyticsProjector } from '../../src/modules/analytics/analytics-projector.service';
import { localDayShifts } from '../../src/modules/analytics/calculators/local-days';
import { addDays, localDate, localParts, rangeOf } from '../../src/modules/analytics/calculators/time-zone';
import { AnalyticsMessageChannelHourlyTotalEntity } from '../../src/modules/analytics/entities/analytics-message-channel-hourly-total.entity';
import { AnalyticsMessageChannelTotalEntity } from '../../src/modules/analytics/entities/analytics-message-channel-total.entity';
import { AnalyticsMessageTotalEntity } from '../../src/modules/analytics/entities/analytics-message-total.entity';
import { AnalyticsQueryRepository, BucketSums, wholeHours } from '../../src/modules/analytics/repositories/analytics-query.repository';
import { startTestApp, TEST_ADMIN, TestApp } from '../utils/test-app';
import { seededRandom } from '../utils/seeded-random';

const QUARTER_MS = 15 * 60_000;
const HOUR_MS = 3_600_000;

type Totals = { bucketAt: Date; messagesIn: number; messagesOut: number };

/**
 * The overview's message figures per local day and hour (volume, heatmap, summary), which the database groups
 * by local hour, against `Intl` per 15-minute bucket: random buckets around the DST changes of 2026-03-29
 * (Europe/Berlin) and 2026-04-05 (Santiago at midnight, Lord Howe by half an hour, Chatham at +13:45) and the
 * midnight Santiago skips on 2026-09-06, in
 * :30 and :45 zones too; as an admin (per-channel totals: per UTC hour in whole-hour zones, else per 15 minutes)
 * and as an agent (per-assignee totals).
 */
describe('analytics message hours against a brute-force count (integration)', () => {
  let t: TestApp;
  let admin: string;
  let agent: { token: string; id: string };
  const channelTotals: Totals[] = [];
  const agentTotals: Totals[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.login(TEST_ADMIN.email, TEST_ADMIN.password)).accessToken;
    const a = await t.createUser(Role.AGENT, { name: 'Agent A' });
    agent = { token: a.accessToken, id: a.user.id };
    await t.app.get(AnalyticsProjector).idle(); // the first-start build, before the totals are written
    const random = seededRandom(20_260_405);
    const channels = [randomUUID(), randomUUID()];
    const from = Date.parse('2026-03-24T00:00:00Z');
    const quarters = (16 * 86_400_000) / QUARTER_MS;
    // every bucket next to a local midnight or an offset change, then random ones
    const edges = [
      '2026-03-29T01:00:00Z',
      '2026-03-28T23:00:00Z',
      '2026-03-29T22:00:00Z',
      '2026-04-05T03:00:00Z',
      '2026-04-04T13:15:00Z',
      '2026-04-04T14:45:00Z',
      // Santiago's midnight skipped on 2026-09-06 (04:00Z): the hour before belongs to the 5th
      '2026-09-06T03:15:00Z',
      '2026-09-06T03:45:00Z',
      '2026-09-06T04:00:00Z',
      '2026-09-06T06:00:00Z',
    ].flatMap((iso) => [-1, 0].map((q) => Date.parse(iso) + q * QUARTER_MS));
    const taken = new Set<string>();
    const counts = () => ({ messagesIn: 1 + Math.floor(random() * 5), messagesOut: Math.floor(random() * 4) });
    const replies = { repliesWindow: 0, repliesHumanAgent: 0, repliesTemplate: 0, repliesOther: 0 };
    const perChannel: Partial<AnalyticsMessageChannelTotalEntity>[] = [];
    const perAssignee: Partial<AnalyticsMessageTotalEntity>[] = [];
    for (let i = 0; i < 900; i++) {
      const bucketAt = new Date(i < edges.length ? edges[i] : from + Math.floor(random() * quarters) * QUARTER_MS);
      const channelId = channels[Math.floor(random() * channels.length)];
      if (taken.has(`${bucketAt.getTime()}|${channelId}`)) continue;
      taken.add(`${bucketAt.getTime()}|${channelId}`);
      const all = counts();
      channelTotals.push({ bucketAt, ...all });
      perChannel.push({ bucketAt, channelId, platform: MessagePlatform.INSTAGRAM, ...all, ...replies });
      if (random() < 0.5) {
        const own = counts();
        agentTotals.push({ bucketAt, ...own });
        perAssignee.push({ bucketAt, channelId, assigneeKey: agent.id, platform: MessagePlatform.INSTAGRAM, ...own, ...replies });
      }
    }
    for (let i = 0; i < perChannel.length; i += 200) await t.dataSource.getRepository(AnalyticsMessageChannelTotalEntity).insert(perChannel.slice(i, i + 200));
    // the same per UTC hour, as the projector keeps them
    const hourly = new Map<string, Partial<AnalyticsMessageChannelHourlyTotalEntity>>();
    for (const { bucketAt, channelId, platform, ...sums } of perChannel) {
      const hourAt = new Date(Math.floor((bucketAt as Date).getTime() / HOUR_MS) * HOUR_MS);
      const key = `${hourAt.getTime()}|${channelId}`;
      const row = hourly.get(key) ?? { hourAt, channelId, platform, messagesIn: 0, messagesOut: 0, ...replies };
      row.messagesIn = (row.messagesIn as number) + (sums.messagesIn as number);
      row.messagesOut = (row.messagesOut as number) + (sums.messagesOut as number);
      hourly.set(key, row);
    }
    const hourRows = [...hourly.values()];
    for (let i = 0; i < hourRows.length; i += 200)
      await t.dataSource.getRepository(AnalyticsMessageChannelHourlyTotalEntity).insert(hourRows.slice(i, i + 200));
    for (let i = 0; i < perAssignee.length; i += 200) await t.dataSource.getRepository(AnalyticsMessageTotalEntity).insert(perAssignee.slice(i, i + 200));
  });

  afterAll(() => t?.close());

  const overview = async (qs: string, token = admin): Promise<AnalyticsOverviewResponse> => {
    const res = await t.http.get(`/api/analytics/overview?${qs}`).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    return res.body as AnalyticsOverviewResponse;
  };

  /** Each bucket's local date, weekday and hour from `Intl`. */
  function expected(totals: Totals[], from: string, to: string, tz: string) {
    const { start, end } = rangeOf(from, to, tz);
    const inRange = totals.filter((b) => b.bucketAt >= start && b.bucketAt < end);
    const volume: { date: string; messagesIn: number; messagesOut: number }[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) {
      const day = inRange.filter((b) => localDate(b.bucketAt, tz) === d);
      volume.push({ date: d, messagesIn: day.reduce((n, b) => n + b.messagesIn, 0), messagesOut: day.reduce((n, b) => n + b.messagesOut, 0) });
    }
    const heatmap: { weekday: number; hour: number; messagesIn: number }[] = [];
    for (let weekday = 0; weekday < 7; weekday++)
      for (let hour = 0; hour < 24; hour++) {
        const cell = inRange.filter((b) => localParts(b.bucketAt, tz).weekday === weekday && localParts(b.bucketAt, tz).hour === hour);
        heatmap.push({ weekday, hour, messagesIn: cell.reduce((n, b) => n + b.messagesIn, 0) });
      }
    return {
      messagesIn: inRange.reduce((n, b) => n + b.messagesIn, 0),
      messagesOut: inRange.reduce((n, b) => n + b.messagesOut, 0),
      volume,
      heatmap,
    };
  }

  const figures = (o: AnalyticsOverviewResponse) => ({
    messagesIn: o.summary.messagesIn,
    messagesOut: o.summary.messagesOut,
    volume: o.volume.map((d) => ({ date: d.date, messagesIn: d.messagesIn, messagesOut: d.messagesOut })),
    heatmap: o.heatmap,
  });

  it.each([
    ['Europe/Berlin', '2026-03-27', '2026-03-31'],
    ['America/Santiago', '2026-04-03', '2026-04-07'],
    ['America/Santiago', '2026-09-06', '2026-09-07'],
    ['America/Santiago', '2026-09-05', '2026-09-05'],
    ['Australia/Lord_Howe', '2026-03-25', '2026-04-08'],
    ['Pacific/Chatham', '2026-04-01', '2026-04-09'],
    ['Asia/Kathmandu', '2026-03-24', '2026-04-08'],
    ['UTC', '2026-03-29', '2026-03-29'],
  ])('as an admin in %s from %s to %s', async (tz, from, to) => {
    const e = expected(channelTotals, from, to, tz);
    expect(e.messagesIn).toBeGreaterThan(0);
    expect(figures(await overview(`from=${from}&to=${to}&tz=${tz}`))).toEqual(e);
  });

  it('as an agent (own figures: the per-assignee totals) from the midnight Santiago skips', async () => {
    const e = expected(agentTotals, '2026-09-06', '2026-09-07', 'America/Santiago');
    expect(figures(await overview('from=2026-09-06&to=2026-09-07&tz=America/Santiago', agent.token))).toEqual(e);
  });

  it('as an agent (own figures: the per-assignee totals) across the Santiago change', async () => {
    const e = expected(agentTotals, '2026-03-26', '2026-04-06', 'America/Santiago');
    expect(e.messagesIn).toBeGreaterThan(0);
    expect(figures(await overview('from=2026-03-26&to=2026-04-06&tz=America/Santiago', agent.token))).toEqual(e);
  });

  it.each([
    ['Europe/Berlin', '2026-03-24', '2026-04-08'],
    ['America/Santiago', '2026-03-30', '2026-04-08'],
    ['America/Santiago', '2026-09-06', '2026-09-08'],
    ['America/Santiago', '2026-09-05', '2026-09-08'],
    ['America/New_York', '2026-03-24', '2026-04-07'],
    ['UTC', '2026-03-24', '2026-04-08'],
  ])('the hourly totals give the same local hours as the 15-minute ones in %s (%s to %s)', async (tz, from, to) => {
    const query = t.app.get(AnalyticsQueryRepository);
    const range = rangeOf(from, to, tz);
    const shifts = localDayShifts(from, to, tz);
    expect(wholeHours(range, shifts)).toBe(true);
    const perHour = (rows: BucketSums[]) => {
      const hours = new Map<number, [number, number]>();
      for (const r of rows) {
        const sums = hours.get(r.hour as number) ?? [0, 0];
        hours.set(r.hour as number, [sums[0] + r.messagesIn, sums[1] + r.messagesOut]);
      }
      return [...hours.entries()].sort(([a], [b]) => a - b);
    };
    const hourly = perHour(await query.hourSums(range, shifts));
    expect(hourly.length).toBeGreaterThan(2);
    expect(hourly).toEqual(perHour(await query.hourSums(range, shifts, false)));
  });

  it.each(['Asia/Kathmandu', 'Asia/Kolkata', 'Pacific/Chatham', 'Australia/Lord_Howe'])('%s keeps the 15-minute totals', (tz) => {
    // Lord Howe is +10:30 and +11:00: a half-hour offset for part of the range
    expect(wholeHours(rangeOf('2026-03-25', '2026-04-08', tz), localDayShifts('2026-03-25', '2026-04-08', tz))).toBe(false);
  });
});
