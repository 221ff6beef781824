import { AnalyticsAgentRow, AnalyticsChannelRow, AnalyticsHeatmapCell, AnalyticsSummary, AnalyticsVolumeDay, DurationStats } from '@ticklegram/domain-models';
import type { BucketSums, CycleGroupRow } from '../repositories/analytics-query.repository';
import { dealDurations, SortedDurations, sortedDurations, statsOfSorted } from './statistics';
import { addDays, isoWeekday } from './time-zone';

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

/** The cycles of one scope, per (channel, assignee) pair, counted, their durations sorted once (summary, groups, FRT distribution). */
export interface CycleFigures {
  opened: CycleGroupRow[];
  resolved: CycleGroupRow[];
  fromAds: number;
  frt: SortedDurations;
  resolution: SortedDurations;
}

const cyclesIn = (groups: CycleGroupRow[]) => groups.reduce((n, g) => n + g.cycles, 0);

export function cycleFiguresOf(opened: CycleGroupRow[], resolved: CycleGroupRow[]): CycleFigures {
  return {
    opened,
    resolved,
    fromAds: opened.reduce((n, g) => n + g.fromAds, 0),
    frt: sortedDurations(opened.map((g) => g.durations)),
    resolution: sortedDurations(resolved.map((g) => g.durations)),
  };
}

export function summaryOf(cycles: CycleFigures, buckets: BucketSums[], comments: CommentFigures): AnalyticsSummary {
  return {
    opened: cyclesIn(cycles.opened),
    resolved: cyclesIn(cycles.resolved),
    messagesIn: sum(buckets, 'messagesIn'),
    messagesOut: sum(buckets, 'messagesOut'),
    firstResponse: statsOfSorted(cycles.frt.values),
    resolution: statsOfSorted(cycles.resolution.values),
    replies: {
      window: sum(buckets, 'repliesWindow'),
      humanAgent: sum(buckets, 'repliesHumanAgent'),
      template: sum(buckets, 'repliesTemplate'),
      other: sum(buckets, 'repliesOther'),
    },
    commentsReceived: comments.received,
    commentsAnswered: comments.answered,
    commentsHidden: comments.hidden,
    fromAds: cycles.fromAds,
  };
}

/** One row per local day of `[from, to]`, zeros included; the cycles' days and the buckets' hours count from `from`. */
export function volumeOf(from: string, to: string, cycles: CycleFigures, hours: BucketSums[]): AnalyticsVolumeDay[] {
  const days: AnalyticsVolumeDay[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push({ date: d, opened: 0, resolved: 0, messagesIn: 0, messagesOut: 0 });
  const count = (groups: CycleGroupRow[], field: 'opened' | 'resolved') => {
    for (const g of groups)
      for (let i = 0; i < g.days.length; i++) {
        const day = days[g.days[i]];
        if (day) day[field] += 1;
      }
  };
  count(cycles.opened, 'opened');
  count(cycles.resolved, 'resolved');
  for (const h of hours) {
    const day = h.hour === undefined ? undefined : days[Math.floor(h.hour / 24)];
    if (!day) continue;
    day.messagesIn += h.messagesIn;
    day.messagesOut += h.messagesOut;
  }
  return days;
}

/** Customer messages by local weekday (Monday = 0) × hour; all 168 cells. `hours`: local hours counted from `from`'s midnight. */
export function heatmapOf(from: string, hours: BucketSums[]): AnalyticsHeatmapCell[] {
  const firstWeekday = isoWeekday(from) - 1;
  const cells: AnalyticsHeatmapCell[] = [];
  for (let weekday = 0; weekday < 7; weekday++) for (let hour = 0; hour < 24; hour++) cells.push({ weekday, hour, messagesIn: 0 });
  for (const h of hours) {
    if (h.hour === undefined || !h.messagesIn) continue;
    const weekday = (firstWeekday + Math.floor(h.hour / 24)) % 7;
    cells[weekday * 24 + (h.hour % 24)].messagesIn += h.messagesIn;
  }
  return cells;
}

const NONE = new Float64Array(0);

interface Grouped {
  opened: number;
  resolved: number;
  firstResponse: DurationStats;
  resolution: DurationStats;
}

/** The pairs' counts added up per key, and their sorted durations dealt out per key. */
function byKey(
  groups: CycleGroupRow[],
  durations: SortedDurations,
  keyOf: (g: CycleGroupRow) => string | null,
): Map<string, { cycles: number; sorted: Float64Array }> {
  const slots = new Map<string, number>();
  const counts: number[] = [];
  const slotOfGroup = groups.map((g) => {
    const key = keyOf(g);
    if (key === null) return -1;
    let slot = slots.get(key);
    if (slot === undefined) {
      slots.set(key, (slot = counts.length));
      counts.push(0);
    }
    counts[slot] += g.cycles;
    return slot;
  });
  const sorted = dealDurations(durations, slotOfGroup, counts.length);
  return new Map([...slots].map(([key, slot]) => [key, { cycles: counts[slot], sorted: sorted[slot] }]));
}

/** Counts and duration statistics per key (assignee or channel); the scope's sorted durations are dealt out, not sorted again. */
function groupCycles(cycles: CycleFigures, keyOf: (g: CycleGroupRow) => string | null): Map<string, Grouped> {
  const byOpened = byKey(cycles.opened, cycles.frt, keyOf);
  const byResolved = byKey(cycles.resolved, cycles.resolution, keyOf);
  const groups = new Map<string, Grouped>();
  for (const key of new Set([...byOpened.keys(), ...byResolved.keys()])) {
    const o = byOpened.get(key);
    const r = byResolved.get(key);
    groups.set(key, {
      opened: o?.cycles ?? 0,
      resolved: r?.cycles ?? 0,
      firstResponse: statsOfSorted(o?.sorted ?? NONE),
      resolution: statsOfSorted(r?.sorted ?? NONE),
    });
  }
  return groups;
}

const EMPTY: Grouped = { opened: 0, resolved: 0, firstResponse: statsOfSorted(NONE), resolution: statsOfSorted(NONE) };
const stats = (g: Grouped): { firstResponse: DurationStats; resolution: DurationStats } => ({
  firstResponse: { ...g.firstResponse },
  resolution: { ...g.resolution },
});

/** Per agent (the conversations' current assignee); `agents` names who may appear, in the given order. `pairs`: sums per (channel, assignee). */
export function agentRowsOf(agents: { id: string; name: string }[], cycles: CycleFigures, pairs: BucketSums[]): AnalyticsAgentRow[] {
  const groups = groupCycles(cycles, (c) => c.assigneeId);
  const out = new Map([...sumBy(pairs, (b) => b.assigneeId)].map(([id, s]) => [id, s.messagesOut]));
  return agents
    .map((a) => {
      const g = groups.get(a.id) ?? EMPTY;
      return { agentId: a.id, name: a.name, opened: g.opened, resolved: g.resolved, messagesOut: out.get(a.id) ?? 0, ...stats(g) };
    })
    .filter((row) => row.opened || row.resolved || row.messagesOut);
}

export function channelRowsOf(channels: { id: string; name: string; platform: string }[], cycles: CycleFigures, pairs: BucketSums[]): AnalyticsChannelRow[] {
  const groups = groupCycles(cycles, (c) => c.channelId);
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
