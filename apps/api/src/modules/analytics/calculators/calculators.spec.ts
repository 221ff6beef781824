import { MessagePlatform } from '@ticklegram/domain-models';
import { businessSecondsBetween } from './business-hours';
import { bucketsOf, ConversationFacts, cyclesOf, MessageFact, replyKindOf } from './conversation-projection';
import { cycleFiguresOf, heatmapOf, volumeOf } from './overview';
import { dealDurations, durationStats, frtBucketOf, frtDistribution, percentile, sortedDurations } from './statistics';
import { dayStart, localParts, rangeOf, zonedToUtc } from './time-zone';

const at = (iso: string) => new Date(iso);
let n = 0;
const msg = (iso: string, o: Partial<MessageFact> = {}): MessageFact => ({
  id: `m${++n}`,
  direction: 'inbound',
  source: 'customer',
  status: 'received',
  kind: 'message',
  sentAt: at(iso),
  ...o,
});
const reply = (iso: string, o: Partial<MessageFact> = {}) => msg(iso, { direction: 'outbound', source: 'agent', status: 'sent', ...o });
const facts = (
  messages: MessageFact[],
  statusChanges: { status: 'open' | 'resolved' | 'snoozed' | 'pending'; at: string }[] = [],
  o: Partial<ConversationFacts> = {},
): ConversationFacts => ({
  conversationId: 'c1',
  channelId: 'ch1',
  platform: MessagePlatform.INSTAGRAM,
  assigneeId: 'u1',
  fromAd: false,
  messages,
  statusChanges: statusChanges.map((s) => ({ status: s.status, at: at(s.at) })),
  templateMessageIds: new Set(),
  ...o,
});
const NINE_TO_FIVE = { timeZone: 'Europe/Berlin', weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

describe('time zones', () => {
  it.each([
    ['2026-03-29', 0, 'Europe/Berlin', '2026-03-28T23:00:00.000Z'], // day DST starts: midnight is still +01:00
    ['2026-03-29', 180, 'Europe/Berlin', '2026-03-29T01:00:00.000Z'], // 03:00 is +02:00
    ['2026-10-25', 0, 'Europe/Berlin', '2026-10-24T22:00:00.000Z'],
    ['2026-01-10', 0, 'Asia/Kolkata', '2026-01-09T18:30:00.000Z'],
    ['2026-01-10', 0, 'UTC', '2026-01-10T00:00:00.000Z'],
  ])('%s +%i min in %s is %s', (date, minutes, tz, iso) => {
    expect(zonedToUtc(date, minutes, tz).toISOString()).toBe(iso);
  });

  it('a range over the spring-forward day has 23 hours that day', () => {
    const { start, end } = rangeOf('2026-03-29', '2026-03-29', 'Europe/Berlin');
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(23);
  });

  it('a day whose midnight a DST change skips starts at the change, not an hour of the day before', () => {
    // America/Santiago, 2026-09-06: 00:00 −04 becomes 01:00 −03 (at 04:00Z)
    expect(dayStart('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(rangeOf('2026-09-06', '2026-09-06', 'America/Santiago')).toEqual({ start: at('2026-09-06T04:00:00Z'), end: at('2026-09-07T03:00:00Z') });
    expect(rangeOf('2026-09-05', '2026-09-05', 'America/Santiago')).toEqual({ start: at('2026-09-05T04:00:00Z'), end: at('2026-09-06T04:00:00Z') });
    expect(dayStart('2026-09-07', 'America/Santiago').toISOString()).toBe('2026-09-07T03:00:00.000Z');
    expect(dayStart('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });

  it('local parts name the weekday Monday-first', () => {
    expect(localParts(at('2026-01-11T23:30:00Z'), 'UTC').weekday).toBe(6); // Sunday
    expect(localParts(at('2026-01-11T23:30:00Z'), 'Europe/Berlin')).toMatchObject({ weekday: 0, hour: 0, minute: 30 });
  });
});

describe('business hours', () => {
  it.each([
    ['inside one day', '2026-01-12T09:00:00Z', '2026-01-12T10:00:00Z', 3600], // Mon 10:00→11:00 Berlin
    ['Friday evening to Monday 09:30', '2026-01-16T17:00:00Z', '2026-01-19T08:30:00Z', 1800],
    ['a whole weekend', '2026-01-17T00:00:00Z', '2026-01-18T23:00:00Z', 0],
    ['before opening to after closing', '2026-01-12T06:00:00Z', '2026-01-12T20:00:00Z', 8 * 3600],
    ['across two working days', '2026-01-12T15:00:00Z', '2026-01-13T09:00:00Z', 3600 + 3600], // Mon 16–17 + Tue 09–10
    ['end before start', '2026-01-12T10:00:00Z', '2026-01-12T09:00:00Z', 0],
  ])('%s', (_name, from, to, expected) => {
    expect(businessSecondsBetween(at(from), at(to), NINE_TO_FIVE)).toBe(expected);
  });
});

describe('statistics', () => {
  it('nearest-rank median and p90', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(durationStats([40, 10, 30, 20])).toEqual({ count: 4, median: 20, p90: 40 });
    expect(durationStats([5])).toEqual({ count: 1, median: 5, p90: 5 });
    expect(durationStats([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ count: 10, median: 5, p90: 9 });
  });

  it('FRT buckets include their lower bound', () => {
    expect([0, 3599, 3600, 14_399, 14_400, 28_800, 86_399, 86_400].map(frtBucketOf)).toEqual([
      '0-1h',
      '0-1h',
      '1-4h',
      '1-4h',
      '4-8h',
      '8-24h',
      '8-24h',
      '24h+',
    ]);
    expect(frtDistribution([10, 4000, 90_000, 100_000]).map((b) => b.count)).toEqual([1, 1, 0, 0, 2]);
  });

  it('sorts numerically, not as text (typed arrays), nulls left out, each value with its row', () => {
    expect(durationStats([100, 9, 20, 3, 1000])).toEqual({ count: 5, median: 20, p90: 1000 });
    const d = sortedDurations([[100], [9, 20], [], [-5, 9]]);
    expect([...d.values]).toEqual([-5, 9, 9, 20, 100]);
    expect([...d.groups]).toEqual([3, 1, 3, 1, 0]);
    const fractions = sortedDurations([[2.5, 1], [2 ** 40], [0.5]]); // the comparator sort
    expect([...fractions.values]).toEqual([0.5, 1, 2.5, 2 ** 40]);
    expect([...fractions.groups]).toEqual([2, 0, 0, 1]);
  });

  it('deals sorted durations out by their group’s slot, each slot ascending, a slot of -1 left out', () => {
    const sorted = sortedDurations([[30, 10, 20], [5, 200], [1], [], [7]]);
    const slots = dealDurations(sorted, [0, 1, -1, 1, 0], 2);
    expect(slots.map((slot) => [...slot])).toEqual([
      [7, 10, 20, 30],
      [5, 200],
    ]);
  });
});

describe('conversation cycles', () => {
  it('first human reply after the customer opened it; automation and failed sends do not count', () => {
    const cycles = cyclesOf(
      facts([
        reply('2026-01-12T08:00:00Z'), // business wrote first: no cycle
        msg('2026-01-12T09:00:00Z'),
        reply('2026-01-12T09:01:00Z', { source: 'automation' }),
        reply('2026-01-12T09:02:00Z', { status: 'failed' }),
        reply('2026-01-12T09:03:00Z', { status: 'pending' }),
        reply('2026-01-12T09:30:00Z', { source: 'native_app' }),
        reply('2026-01-12T09:40:00Z'),
      ]),
      NINE_TO_FIVE,
    );
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toMatchObject({
      openedAt: at('2026-01-12T09:00:00Z'),
      firstResponseAt: at('2026-01-12T09:30:00Z'),
      frtSeconds: 1800,
      frtBusinessSeconds: 1800,
      resolvedAt: null,
    });
  });

  it('a customer message after a resolution opens a new cycle; snoozes do not; a manual reopen undoes the resolution', () => {
    const cycles = cyclesOf(
      facts(
        [msg('2026-01-12T09:00:00Z'), reply('2026-01-12T10:00:00Z'), msg('2026-01-12T12:00:00Z'), reply('2026-01-12T12:10:00Z'), msg('2026-01-13T09:00:00Z')],
        [
          { status: 'snoozed', at: '2026-01-12T10:05:00Z' },
          { status: 'resolved', at: '2026-01-12T11:00:00Z' },
          { status: 'resolved', at: '2026-01-12T13:00:00Z' },
          { status: 'open', at: '2026-01-12T14:00:00Z' },
        ],
        { fromAd: true },
      ),
      null,
    );
    expect(cycles.map((c) => [c.cycleNo, c.openedAt.toISOString(), c.frtSeconds, c.resolutionSeconds, c.fromAd])).toEqual([
      [0, '2026-01-12T09:00:00.000Z', 3600, 7200, true],
      [1, '2026-01-12T12:00:00.000Z', 600, null, false],
    ]);
    expect(cycles[0].frtBusinessSeconds).toBeNull();
  });

  it('a reply after the resolution is not the next cycle’s first response', () => {
    const cycles = cyclesOf(
      facts([msg('2026-01-12T09:00:00Z'), reply('2026-01-12T11:30:00Z'), msg('2026-01-12T12:00:00Z')], [{ status: 'resolved', at: '2026-01-12T11:00:00Z' }]),
      null,
    );
    expect(cycles.map((c) => [c.resolutionSeconds, c.firstResponseAt])).toEqual([
      [7200, null],
      [null, null],
    ]);
  });
});

describe('reply kinds and buckets', () => {
  it('window, HUMAN_AGENT, template, other', () => {
    const last = at('2026-01-01T00:00:00Z');
    const templ = reply('2026-01-10T00:00:00Z');
    expect(replyKindOf(reply('2026-01-02T00:00:00Z'), last, new Set())).toBe('window');
    expect(replyKindOf(reply('2026-01-02T00:00:01Z'), last, new Set())).toBe('humanAgent');
    expect(replyKindOf(reply('2026-01-08T00:00:01Z'), last, new Set())).toBe('other');
    expect(replyKindOf(templ, last, new Set([templ.id]))).toBe('template');
    expect(replyKindOf(reply('2026-01-02T00:00:00Z'), null, new Set())).toBe('other');
  });

  it('counts per 15-minute bucket', () => {
    const rows = bucketsOf(
      facts([
        msg('2026-01-12T09:00:00Z'),
        msg('2026-01-12T09:14:59Z'),
        reply('2026-01-12T09:15:00Z'),
        reply('2026-01-12T09:20:00Z', { source: 'automation' }),
        reply('2026-01-12T09:21:00Z', { status: 'failed' }),
        msg('2026-01-12T09:22:00Z', { kind: 'story_mention' }),
      ]),
    );
    expect(rows.map((r) => [r.bucketAt.toISOString(), r.messagesIn, r.messagesOut, r.repliesWindow])).toEqual([
      ['2026-01-12T09:00:00.000Z', 2, 0, 0],
      ['2026-01-12T09:15:00.000Z', 0, 2, 1],
    ]);
  });
});

describe('message hours: volume and heatmap', () => {
  const hourSums = (hour: number, messagesIn: number, messagesOut = 0) => ({
    hour,
    messagesIn,
    messagesOut,
    repliesWindow: 0,
    repliesHumanAgent: 0,
    repliesTemplate: 0,
    repliesOther: 0,
  });
  const noCycles = cycleFiguresOf([], []);

  it('an hour counted from the first date is day hour ÷ 24, the weekday wrapping after Sunday', () => {
    // 2026-03-29 is a Sunday
    const hours = [hourSums(1, 2, 1), hourSums(23, 1), hourSums(24 + 5, 4, 3), hourSums(24 + 23, 0, 2)];
    expect(volumeOf('2026-03-29', '2026-03-30', noCycles, hours).map((d) => [d.date, d.messagesIn, d.messagesOut])).toEqual([
      ['2026-03-29', 3, 1],
      ['2026-03-30', 4, 5],
    ]);
    const hot = heatmapOf('2026-03-29', hours)
      .filter((c) => c.messagesIn > 0)
      .map((c) => [c.weekday, c.hour, c.messagesIn]);
    expect(hot).toEqual([
      [0, 5, 4],
      [6, 1, 2],
      [6, 23, 1],
    ]);
  });
});
