import { AnalyticsAgentRow, AnalyticsChannelRow, AnalyticsHeatmapCell, AnalyticsSummary, AnalyticsVolumeDay, DurationStats } from '@ticklegram/domain-models';
import type { BucketSums, OpenedCycleRow, ResolvedCycleRow } from '../repositories/analytics-query.repository';
import { durationStats } from './statistics';
import { localCalendar } from './local-calendar';
import { addDays } from './time-zone';

export interface CommentFigures {
  received: number;
  answered: number;
  hidden: number;
}

type SumKey = 'messagesIn' | 'messagesOut' | 'repliesWindow' | 'repliesHumanAgent' | 'repliesTemplate' | 'repliesOther';
const sum = (rows: BucketSums[], key: SumKey) => rows.reduce((n, r) => n + r[key], 0);

/** Adds up (channel, assignee) sums by one of the two. */
function sumBy(pairs: BucketSums[], keyOf: (b: BucketSums) => string | null | undefined): Map<string, { messagesIn: number; messagesOut: number }> {
  const out = new Map<string, { messagesIn: number; messagesOut: number }>();
  for (const b of pairs) {
    const key = keyOf(b);
    if (!key) continue;
    const row = out.get(key) ?? { messagesIn: 0, messagesOut: 0 };
    row.messagesIn += b.messagesIn;
    row.messagesOut += b.messagesOut;
    out.set(key, row);
  }
  return out;
}
const values = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);

export function summaryOf(opened: OpenedCycleRow[], resolved: ResolvedCycleRow[], buckets: BucketSums[], comments: CommentFigures): AnalyticsSummary {
  return {
    opened: opened.length,
    resolved: resolved.length,
    messagesIn: sum(buckets, 'messagesIn'),
    messagesOut: sum(buckets, 'messagesOut'),
    firstResponse: durationStats(values(opened.map((c) => c.frt))),
    resolution: durationStats(values(resolved.map((c) => c.resolution))),
    replies: {
      window: sum(buckets, 'repliesWindow'),
      humanAgent: sum(buckets, 'repliesHumanAgent'),
      template: sum(buckets, 'repliesTemplate'),
      other: sum(buckets, 'repliesOther'),
    },
    commentsReceived: comments.received,
    commentsAnswered: comments.answered,
    commentsHidden: comments.hidden,
    fromAds: opened.filter((c) => c.fromAd).length,
  };
}

/** One row per local day of `[from, to]`, zeros included. */
export function volumeOf(
  from: string,
  to: string,
  tz: string,
  opened: OpenedCycleRow[],
  resolved: ResolvedCycleRow[],
  buckets: BucketSums[],
): AnalyticsVolumeDay[] {
  const days = new Map<string, AnalyticsVolumeDay>();
  for (let d = from; d <= to; d = addDays(d, 1)) days.set(d, { date: d, opened: 0, resolved: 0, messagesIn: 0, messagesOut: 0 });
  const calendar = localCalendar(from, to, tz);
  const at = (instant: Date) => days.get(calendar.slotOf(instant).date);
  for (const c of opened) {
    const day = at(c.openedAt);
    if (day) day.opened += 1;
  }
  for (const c of resolved) {
    const day = at(c.resolvedAt);
    if (day) day.resolved += 1;
  }
  for (const b of buckets) {
    const day = b.bucketAt ? at(b.bucketAt) : undefined;
    if (!day) continue;
    day.messagesIn += b.messagesIn;
    day.messagesOut += b.messagesOut;
  }
  return [...days.values()];
}

/** Customer messages by local weekday (Monday = 0) × hour; all 168 cells. `from`/`to`: the range the buckets are in. */
export function heatmapOf(from: string, to: string, tz: string, buckets: BucketSums[]): AnalyticsHeatmapCell[] {
  const calendar = localCalendar(from, to, tz);
  const cells: AnalyticsHeatmapCell[] = [];
  for (let weekday = 0; weekday < 7; weekday++) for (let hour = 0; hour < 24; hour++) cells.push({ weekday, hour, messagesIn: 0 });
  for (const b of buckets) {
    if (!b.bucketAt || !b.messagesIn) continue;
    const p = calendar.slotOf(b.bucketAt);
    cells[p.weekday * 24 + p.hour].messagesIn += b.messagesIn;
  }
  return cells;
}

interface Grouped {
  opened: number;
  resolved: number;
  frt: number[];
  resolution: number[];
}

function groupCycles(
  opened: OpenedCycleRow[],
  resolved: ResolvedCycleRow[],
  keyOf: (c: { channelId: string; assigneeId: string | null }) => string | null,
): Map<string, Grouped> {
  const groups = new Map<string, Grouped>();
  const group = (key: string) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { opened: 0, resolved: 0, frt: [], resolution: [] }));
    return g;
  };
  for (const c of opened) {
    const key = keyOf(c);
    if (key === null) continue;
    const g = group(key);
    g.opened += 1;
    if (c.frt !== null) g.frt.push(c.frt);
  }
  for (const c of resolved) {
    const key = keyOf(c);
    if (key === null) continue;
    const g = group(key);
    g.resolved += 1;
    if (c.resolution !== null) g.resolution.push(c.resolution);
  }
  return groups;
}

const EMPTY: Grouped = { opened: 0, resolved: 0, frt: [], resolution: [] };
const stats = (g: Grouped): { firstResponse: DurationStats; resolution: DurationStats } => ({
  firstResponse: durationStats(g.frt),
  resolution: durationStats(g.resolution),
});

/** Per agent (the conversations' current assignee); `agents` names who may appear, in the given order. `pairs`: sums per (channel, assignee). */
export function agentRowsOf(
  agents: { id: string; name: string }[],
  opened: OpenedCycleRow[],
  resolved: ResolvedCycleRow[],
  pairs: BucketSums[],
): AnalyticsAgentRow[] {
  const groups = groupCycles(opened, resolved, (c) => c.assigneeId);
  const out = new Map([...sumBy(pairs, (b) => b.assigneeId)].map(([id, s]) => [id, s.messagesOut]));
  return agents
    .map((a) => {
      const g = groups.get(a.id) ?? EMPTY;
      return { agentId: a.id, name: a.name, opened: g.opened, resolved: g.resolved, messagesOut: out.get(a.id) ?? 0, ...stats(g) };
    })
    .filter((row) => row.opened || row.resolved || row.messagesOut);
}

export function channelRowsOf(
  channels: { id: string; name: string; platform: string }[],
  opened: OpenedCycleRow[],
  resolved: ResolvedCycleRow[],
  pairs: BucketSums[],
): AnalyticsChannelRow[] {
  const groups = groupCycles(opened, resolved, (c) => c.channelId);
  const byChannel = sumBy(pairs, (b) => b.channelId);
  const known = new Map(channels.map((c) => [c.id, c]));
  const ids = new Set<string>([...groups.keys(), ...byChannel.keys()]);
  return [...ids]
    .map((id) => {
      const g = groups.get(id) ?? EMPTY;
      const b = byChannel.get(id);
      const channel = known.get(id);
      return {
        channelId: id,
        name: channel?.name ?? 'Disconnected channel',
        platform: channel?.platform ?? '',
        opened: g.opened,
        resolved: g.resolved,
        messagesIn: b?.messagesIn ?? 0,
        messagesOut: b?.messagesOut ?? 0,
        ...stats(g),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.channelId.localeCompare(b.channelId));
}
