import { BusinessHoursDto, ConversationStatus, MessagePlatform } from '@ticklegram/domain-models';
import type { TouchedMessage } from '../../inbox/inbox-activity';
import { businessSecondsBetween } from './business-hours';

/** What the projection needs of a message (never its text): what the inbox announces of one. */
export type MessageFact = TouchedMessage;

export interface StatusFact {
  status: ConversationStatus;
  at: Date;
}

export interface ConversationFacts {
  conversationId: string;
  channelId: string;
  platform: MessagePlatform;
  assigneeId: string | null;
  /** The conversation's first attribution is an ad. */
  fromAd: boolean;
  messages: MessageFact[];
  statusChanges: StatusFact[];
  /** Outbound messages sent as a utility template. */
  templateMessageIds: ReadonlySet<string>;
}

export interface CycleRow {
  conversationId: string;
  cycleNo: number;
  channelId: string;
  platform: MessagePlatform;
  assigneeId: string | null;
  openedAt: Date;
  firstResponseAt: Date | null;
  frtSeconds: number | null;
  frtBusinessSeconds: number | null;
  resolvedAt: Date | null;
  resolutionSeconds: number | null;
  resolutionBusinessSeconds: number | null;
  fromAd: boolean;
}

export type ReplyKind = 'window' | 'humanAgent' | 'template' | 'other';

export interface BucketRow {
  conversationId: string;
  bucketAt: Date;
  channelId: string;
  platform: MessagePlatform;
  assigneeId: string | null;
  messagesIn: number;
  messagesOut: number;
  repliesWindow: number;
  repliesHumanAgent: number;
  repliesTemplate: number;
  repliesOther: number;
}

export const BUCKET_MS = 15 * 60_000;
const WINDOW_MS = 24 * 3_600_000;
const HUMAN_AGENT_MS = 7 * 24 * 3_600_000;

export const isCustomerMessage = (m: MessageFact) => m.direction === 'inbound' && m.kind !== 'story_mention';
/** Reached Meta (not pending, not failed). */
export const isDeliveredOutbound = (m: MessageFact) => m.direction === 'outbound' && m.status !== 'failed' && m.status !== 'pending';
export const isHumanReply = (m: MessageFact) => isDeliveredOutbound(m) && (m.source === 'agent' || m.source === 'native_app') && m.kind === 'message';

const seconds = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / 1000);

function chronological(
  facts: ConversationFacts,
): ({ type: 'message'; at: number; message: MessageFact } | { type: 'status'; at: number; status: ConversationStatus })[] {
  const events = [
    ...facts.messages.map((message) => ({ type: 'message' as const, at: message.sentAt.getTime(), message })),
    ...facts.statusChanges.map((s) => ({ type: 'status' as const, at: s.at.getTime(), status: s.status })),
  ];
  // at equal times messages come first: a resolve in the same millisecond as a message follows it
  return events.sort((a, b) => a.at - b.at || (a.type === b.type ? 0 : a.type === 'message' ? -1 : 1));
}

/** The conversation's cycles (docs/analytics.md, "Cycles" and "First response time"). */
export function cyclesOf(facts: ConversationFacts, hours: BusinessHoursDto | null): CycleRow[] {
  const cycles: CycleRow[] = [];
  let current: CycleRow | null = null;
  for (const e of chronological(facts)) {
    if (e.type === 'status') {
      if (!current) continue;
      if (e.status === 'resolved') current.resolvedAt = new Date(e.at);
      else if (e.status === 'open' || e.status === 'pending') current.resolvedAt = null;
      continue;
    }
    const m = e.message;
    if (isCustomerMessage(m)) {
      if (!current || current.resolvedAt) {
        current = openCycle(facts, cycles.length, m.sentAt);
        cycles.push(current);
      }
    } else if (current && !current.resolvedAt && !current.firstResponseAt && isHumanReply(m)) {
      current.firstResponseAt = m.sentAt;
    }
  }
  for (const c of cycles) withDurations(c, hours);
  return cycles;
}

/** What every row of a conversation carries. */
export type RowKey = Pick<ConversationFacts, 'conversationId' | 'channelId' | 'platform' | 'assigneeId'>;

/** A cycle the customer opens at `openedAt` (the conversation's first one carries its ad attribution). */
export function openCycle(key: RowKey & Pick<ConversationFacts, 'fromAd'>, cycleNo: number, openedAt: Date): CycleRow {
  return {
    conversationId: key.conversationId,
    cycleNo,
    channelId: key.channelId,
    platform: key.platform,
    assigneeId: key.assigneeId,
    openedAt,
    firstResponseAt: null,
    frtSeconds: null,
    frtBusinessSeconds: null,
    resolvedAt: null,
    resolutionSeconds: null,
    resolutionBusinessSeconds: null,
    fromAd: key.fromAd && cycleNo === 0,
  };
}

/** The bucket row (by its start, in ms) of an instant, added to `buckets` empty when missing. */
export function bucketIn(buckets: Map<number, BucketRow>, key: RowKey): (at: Date) => BucketRow {
  return (at) => {
    const start = Math.floor(at.getTime() / BUCKET_MS) * BUCKET_MS;
    let row = buckets.get(start);
    if (!row) {
      row = {
        conversationId: key.conversationId,
        bucketAt: new Date(start),
        channelId: key.channelId,
        platform: key.platform,
        assigneeId: key.assigneeId,
        messagesIn: 0,
        messagesOut: 0,
        repliesWindow: 0,
        repliesHumanAgent: 0,
        repliesTemplate: 0,
        repliesOther: 0,
      };
      buckets.set(start, row);
    }
    return row;
  };
}

export function countReply(row: BucketRow, kind: ReplyKind): void {
  if (kind === 'window') row.repliesWindow += 1;
  else if (kind === 'humanAgent') row.repliesHumanAgent += 1;
  else if (kind === 'template') row.repliesTemplate += 1;
  else row.repliesOther += 1;
}

/** Sets the cycle's durations from its times (null where the time is). */
export function withDurations(c: CycleRow, hours: BusinessHoursDto | null): CycleRow {
  c.frtSeconds = c.firstResponseAt ? seconds(c.openedAt, c.firstResponseAt) : null;
  c.frtBusinessSeconds = c.firstResponseAt && hours ? businessSecondsBetween(c.openedAt, c.firstResponseAt, hours) : null;
  c.resolutionSeconds = c.resolvedAt ? seconds(c.openedAt, c.resolvedAt) : null;
  c.resolutionBusinessSeconds = c.resolvedAt && hours ? businessSecondsBetween(c.openedAt, c.resolvedAt, hours) : null;
  return c;
}

/** How a human reply was sent, from the customer's last message before it (the reply-policy rules). */
export function replyKindOf(reply: MessageFact, lastCustomerAt: Date | null, templateIds: ReadonlySet<string>): ReplyKind {
  if (templateIds.has(reply.id)) return 'template';
  if (!lastCustomerAt) return 'other';
  const gap = reply.sentAt.getTime() - lastCustomerAt.getTime();
  if (gap <= WINDOW_MS) return 'window';
  if (gap <= HUMAN_AGENT_MS) return 'humanAgent';
  return 'other';
}

/** Messages in/out and reply kinds per 15-minute UTC bucket. */
export function bucketsOf(facts: ConversationFacts): BucketRow[] {
  const buckets = new Map<number, BucketRow>();
  const bucket = bucketIn(buckets, facts);
  let lastCustomerAt: Date | null = null;
  const ordered = [...facts.messages].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
  for (const m of ordered) {
    if (isCustomerMessage(m)) {
      bucket(m.sentAt).messagesIn += 1;
      lastCustomerAt = m.sentAt;
    } else if (isDeliveredOutbound(m)) {
      const row = bucket(m.sentAt);
      row.messagesOut += 1;
      if (!isHumanReply(m)) continue;
      countReply(row, replyKindOf(m, lastCustomerAt, facts.templateMessageIds));
    }
  }
  return [...buckets.values()].sort((a, b) => a.bucketAt.getTime() - b.bucketAt.getTime());
}
