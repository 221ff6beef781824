import { BusinessHoursDto } from '@ticklegram/domain-models';
import {
  bucketIn,
  BucketRow,
  ConversationFacts,
  countReply,
  CycleRow,
  isCustomerMessage,
  isDeliveredOutbound,
  isHumanReply,
  MessageFact,
  openCycle,
  ReplyKind,
  replyKindOf,
  StatusFact,
  withDurations,
} from './conversation-projection';

/** What one message added to the rollups: nothing, a customer message, an outbound one, or a human reply of a kind. */
export type MessageEffect = 'none' | 'in' | 'out' | `reply:${ReplyKind}`;

/** The fields of a conversation that every one of its rows carries: a change of any means a full recompute. */
export interface ConversationKey {
  channelId: string;
  platform: ConversationFacts['platform'];
  assigneeId: string | null;
  fromAd: boolean;
}

/**
 * Where a conversation's rows stand: the last message and status change they include, the customer's last message
 * before that, and what the rows were computed with. Enough to add what comes after without reading the messages again.
 */
export interface ProjectionState extends ConversationKey {
  conversationId: string;
  /** The latest message time or status change time the rows include (null: none). */
  projectedAt: Date | null;
  /** The last message in (sent at, id) order, its time and what it added. */
  lastMessageId: string | null;
  lastMessageAt: Date | null;
  lastMessageEffect: MessageEffect;
  lastCustomerAt: Date | null;
  /** The business hours the durations were computed with (`hoursKey`). */
  hoursKey: string;
}

export interface ProjectedRows {
  cycles: CycleRow[];
  buckets: BucketRow[];
}

/** What happened to a conversation since its rows were computed, as its announcements said. */
export interface ProjectionChange {
  /** Each message created or updated, as it is now (the latest announcement of each). */
  messages: MessageFact[];
  /** Status changes logged by this pass, oldest first. */
  statuses: StatusFact[];
}

export const hoursKey = (hours: BusinessHoursDto | null): string => (hours ? JSON.stringify(hours) : '');

export function effectOf(m: MessageFact, lastCustomerAt: Date | null, templateIds: ReadonlySet<string>): MessageEffect {
  if (isCustomerMessage(m)) return 'in';
  if (!isDeliveredOutbound(m)) return 'none';
  return isHumanReply(m) ? `reply:${replyKindOf(m, lastCustomerAt, templateIds)}` : 'out';
}

/** The state after a full computation from these facts (their messages in (sent at, id) order, as read). */
export function stateOf(facts: ConversationFacts, hours: BusinessHoursDto | null): ProjectionState {
  let lastCustomerAt: Date | null = null;
  let last: { message: MessageFact; effect: MessageEffect; customerBefore: Date | null } | null = null;
  const ordered = [...facts.messages].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
  for (const m of ordered) {
    last = { message: m, effect: effectOf(m, lastCustomerAt, facts.templateMessageIds), customerBefore: lastCustomerAt };
    if (isCustomerMessage(m)) lastCustomerAt = m.sentAt;
  }
  const messageAt = last?.message.sentAt.getTime() ?? -Infinity;
  const statusAt = Math.max(-Infinity, ...facts.statusChanges.map((s) => s.at.getTime()));
  // a status change in the last message's millisecond comes after every message of that millisecond: a message of it
  // that arrives later cannot be added (1 ms more makes `advance` refuse it)
  const latest = statusAt === messageAt ? statusAt + 1 : Math.max(messageAt, statusAt);
  return {
    conversationId: facts.conversationId,
    channelId: facts.channelId,
    platform: facts.platform,
    assigneeId: facts.assigneeId,
    fromAd: facts.fromAd,
    projectedAt: Number.isFinite(latest) ? new Date(latest) : null,
    lastMessageId: last?.message.id ?? null,
    lastMessageAt: last?.message.sentAt ?? null,
    lastMessageEffect: last?.effect ?? 'none',
    lastCustomerAt,
    hoursKey: hoursKey(hours),
  };
}

const byId = (a: MessageFact | null, b: MessageFact | null) => (a && b ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : 0);

const sameKey = (a: ConversationKey, b: ConversationKey) =>
  a.channelId === b.channelId && a.platform === b.platform && a.assigneeId === b.assigneeId && a.fromAd === b.fromAd;

/**
 * The conversation's rows with the change added, computed from its current rows and state alone — or null when that
 * would not equal a full recompute (`cyclesOf` + `bucketsOf` over every message) and the caller must do one: the
 * conversation's key or the business hours changed, a message or status lies before what the rows include (Meta
 * delivered out of order), or a message they include changed in a way that is not simply "now counts".
 * Never mutates its arguments.
 */
export function advance(
  state: ProjectionState,
  rows: ProjectedRows,
  key: ConversationKey,
  change: ProjectionChange,
  templateIds: ReadonlySet<string>,
  hours: BusinessHoursDto | null,
): { state: ProjectionState; rows: ProjectedRows } | null {
  if (!sameKey(state, key) || state.hoursKey !== hoursKey(hours)) return null;
  const next: ProjectionState = { ...state };
  const cycles = rows.cycles.map((c) => ({ ...c })).sort((a, b) => a.cycleNo - b.cycleNo);
  const buckets = new Map(rows.buckets.map((b) => [b.bucketAt.getTime(), { ...b }]));
  const changedCycles = new Set<CycleRow>();

  const rowKey = { conversationId: state.conversationId, ...key };
  const bucket = bucketIn(buckets, rowKey);
  const add = (m: MessageFact, effect: MessageEffect) => {
    if (effect === 'none') return;
    const row = bucket(m.sentAt);
    const current = cycles.at(-1);
    if (effect === 'in') {
      row.messagesIn += 1;
      next.lastCustomerAt = m.sentAt;
      if (!current || current.resolvedAt) {
        const opened = openCycle(rowKey, cycles.length, m.sentAt);
        cycles.push(opened);
        changedCycles.add(opened);
      }
      return;
    }
    row.messagesOut += 1;
    if (effect === 'out') return;
    countReply(row, effect.slice('reply:'.length) as ReplyKind);
    if (current && !current.resolvedAt && !current.firstResponseAt) {
      current.firstResponseAt = m.sentAt;
      changedCycles.add(current);
    }
  };

  const latest = new Map<string, MessageFact>();
  for (const m of change.messages) latest.set(m.id, m);
  const events = [
    ...[...latest.values()].map((message) => ({ at: message.sentAt.getTime(), message, status: null })),
    ...change.statuses.map((s) => ({ at: s.at.getTime(), message: null, status: s })),
  ].sort((a, b) => a.at - b.at || (a.message ? 0 : 1) - (b.message ? 0 : 1) || byId(a.message, b.message));

  for (const e of events) {
    const projected = next.projectedAt?.getTime() ?? -Infinity;
    if (e.message && e.message.id === state.lastMessageId && e.message.id === next.lastMessageId) {
      // the last message the rows include, changed (e.g. pending → sent): only "it now counts" can be added, and only
      // while nothing the rows include came after it
      if (next.lastMessageAt?.getTime() !== e.at || projected !== e.at) return null;
      const effect = effectOf(e.message, next.lastCustomerAt, templateIds);
      if (effect === next.lastMessageEffect) continue;
      // a customer message's effect never changes; what counted before and no longer (or differently) needs the full recompute
      if (next.lastMessageEffect !== 'none') return null;
      add(e.message, effect);
      next.lastMessageEffect = effect;
      continue;
    }
    // after what the rows include; a message of the last message's millisecond may follow it in id order (as the
    // messages are read: by sent at, then id) unless a status change took that millisecond too
    const follows =
      e.at > projected || (!!e.message && e.at === projected && next.lastMessageAt?.getTime() === projected && e.message.id > (next.lastMessageId ?? ''));
    if (!follows) return null;
    if (e.message) {
      const effect = effectOf(e.message, next.lastCustomerAt, templateIds);
      add(e.message, effect);
      Object.assign(next, { lastMessageId: e.message.id, lastMessageAt: e.message.sentAt, lastMessageEffect: effect });
    } else if (e.status) {
      const current = cycles.at(-1);
      if (current) {
        if (e.status.status === 'resolved') current.resolvedAt = e.status.at;
        else if (e.status.status === 'open' || e.status.status === 'pending') current.resolvedAt = null;
        changedCycles.add(current);
      }
    }
    next.projectedAt = new Date(e.at);
  }
  for (const c of changedCycles) withDurations(c, hours);
  return { state: next, rows: { cycles, buckets: [...buckets.values()].sort((a, b) => a.bucketAt.getTime() - b.bucketAt.getTime()) } };
}
