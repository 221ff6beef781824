import { ConversationStatus, InboxMessageStatus, MessagePlatform } from '@ticklegram/domain-models';
import { bucketsOf, ConversationFacts, cyclesOf, MessageFact, StatusFact } from './conversation-projection';
import { advance, ConversationKey, ProjectionChange, stateOf } from './incremental-projection';
import { seededRandom } from '../../../../test/utils/seeded-random';

const HOURS = { timeZone: 'Europe/Berlin', weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
const KEY: ConversationKey = { channelId: 'ch1', platform: MessagePlatform.INSTAGRAM, assigneeId: 'u1', fromAd: true };
const START = Date.parse('2026-03-27T08:00:00Z');

const facts = (messages: MessageFact[], statusChanges: StatusFact[], templateMessageIds: ReadonlySet<string>, key = KEY): ConversationFacts => ({
  conversationId: 'c1',
  ...key,
  messages: [...messages].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime() || (a.id < b.id ? -1 : 1)),
  statusChanges,
  templateMessageIds,
});
const full = (f: ConversationFacts, hours: typeof HOURS | null) => ({ cycles: cyclesOf(f, hours), buckets: bucketsOf(f) });

/** A random history: customer messages, agent replies (some still pending, some failing), automation, story mentions, status changes. */
function history(random: () => number, length: number) {
  const messages: MessageFact[] = [];
  const statuses: StatusFact[] = [];
  const templates = new Set<string>();
  let t = START;
  let status: ConversationStatus = 'open';
  for (let i = 0; i < length; i++) {
    // mostly minutes apart, sometimes hours or days (the 24 h and 7 d reply windows), sometimes the same millisecond
    const r = random();
    t += r < 0.05 ? 0 : r < 0.7 ? Math.floor(random() * 20 * 60_000) : r < 0.9 ? Math.floor(random() * 30 * 3_600_000) : Math.floor(random() * 9 * 86_400_000);
    const kind = random();
    if (kind < 0.15) {
      const next = (['open', 'pending', 'snoozed', 'resolved'] as ConversationStatus[]).filter((s) => s !== status)[Math.floor(random() * 3)];
      statuses.push({ status: next, at: new Date(t) });
      status = next;
      continue;
    }
    const id = `m${String(i).padStart(4, '0')}`;
    if (kind < 0.55)
      messages.push({
        id,
        direction: 'inbound',
        source: 'customer',
        status: 'received',
        kind: random() < 0.1 ? 'story_mention' : 'message',
        sentAt: new Date(t),
      });
    else {
      const s = random();
      const sendStatus: InboxMessageStatus = s < 0.1 ? 'pending' : s < 0.15 ? 'failed' : s < 0.2 ? 'unknown' : s < 0.6 ? 'sent' : 'read';
      const source = random() < 0.15 ? 'automation' : random() < 0.2 ? 'native_app' : 'agent';
      messages.push({ id, direction: 'outbound', source, status: sendStatus, kind: 'message', sentAt: new Date(t) });
      if (random() < 0.1) templates.add(id);
    }
  }
  return { messages, statuses, templates };
}

describe('the incremental projection', () => {
  it('equals the full recompute whenever it answers, over 3,000 random histories split at random points', () => {
    const random = seededRandom(20_261_206);
    let answered = 0;
    let declined = 0;
    for (let run = 0; run < 3_000; run++) {
      const hours = random() < 0.5 ? HOURS : null;
      const { messages, statuses, templates } = history(random, 2 + Math.floor(random() * 30));
      const split = START + Math.floor(random() * (Math.max(...messages.map((m) => m.sentAt.getTime()), START) - START + 1));
      // the rows as a full recompute left them at `split`; some replies were still pending then
      const pendingThen = new Set(messages.filter((m) => m.direction === 'outbound' && m.sentAt.getTime() <= split && random() < 0.2).map((m) => m.id));
      const before = messages.filter((m) => m.sentAt.getTime() <= split).map((m) => (pendingThen.has(m.id) ? { ...m, status: 'pending' as const } : m));
      const beforeFacts = facts(
        before,
        statuses.filter((s) => s.at.getTime() <= split),
        templates,
      );
      const state = stateOf(beforeFacts, hours);
      // what was announced since: every later message and status, the pending ones that went out, sometimes a reordering
      const change: ProjectionChange = {
        messages: [...messages.filter((m) => m.sentAt.getTime() > split || pendingThen.has(m.id))].sort(() => random() - 0.5),
        statuses: statuses.filter((s) => s.at.getTime() > split),
      };
      const result = advance(state, full(beforeFacts, hours), KEY, change, templates, hours);
      const all = facts(messages, statuses, templates);
      if (!result) {
        declined += 1;
        continue;
      }
      answered += 1;
      expect(result.rows).toEqual(full(all, hours));
      expect(result.state).toEqual(stateOf(all, hours));
    }
    // the common case (everything after what the rows hold) is answered; the rest falls back to the full recompute
    expect(answered).toBeGreaterThan(1_000);
    expect(declined).toBeGreaterThan(100);
  });

  it('a message newer than the rows is added; one older than them asks for the full recompute', () => {
    const inbound = (id: string, iso: string): MessageFact => ({
      id,
      direction: 'inbound',
      source: 'customer',
      status: 'received',
      kind: 'message',
      sentAt: new Date(iso),
    });
    const f = facts([inbound('a', '2026-03-27T10:00:00Z')], [], new Set());
    const state = stateOf(f, null);
    const added = advance(state, full(f, null), KEY, { messages: [inbound('b', '2026-03-27T10:05:00Z')], statuses: [] }, new Set(), null);
    expect(added?.rows.buckets).toEqual([expect.objectContaining({ messagesIn: 2 })]);
    expect(advance(state, full(f, null), KEY, { messages: [inbound('b', '2026-03-27T09:59:00Z')], statuses: [] }, new Set(), null)).toBeNull();
  });

  it('a new assignee, ad attribution or business hours ask for the full recompute', () => {
    const f = facts([], [], new Set());
    const state = stateOf(f, null);
    const none: ProjectionChange = { messages: [], statuses: [] };
    expect(advance(state, full(f, null), KEY, none, new Set(), null)).not.toBeNull();
    expect(advance(state, full(f, null), { ...KEY, assigneeId: 'u2' }, none, new Set(), null)).toBeNull();
    expect(advance(state, full(f, null), { ...KEY, fromAd: false }, none, new Set(), null)).toBeNull();
    expect(advance(state, full(f, null), KEY, none, new Set(), HOURS)).toBeNull();
  });

  it('the last reply going from pending to sent counts it once; a sent reply that fails asks for the full recompute', () => {
    const customer: MessageFact = {
      id: 'a',
      direction: 'inbound',
      source: 'customer',
      status: 'received',
      kind: 'message',
      sentAt: new Date('2026-03-27T10:00:00Z'),
    };
    const pending: MessageFact = {
      id: 'b',
      direction: 'outbound',
      source: 'agent',
      status: 'pending',
      kind: 'message',
      sentAt: new Date('2026-03-27T10:03:00Z'),
    };
    const f = facts([customer, pending], [], new Set());
    const sent = advance(stateOf(f, null), full(f, null), KEY, { messages: [{ ...pending, status: 'sent' }], statuses: [] }, new Set(), null);
    expect(sent?.rows.buckets).toEqual([expect.objectContaining({ messagesIn: 1, messagesOut: 1, repliesWindow: 1 })]);
    expect(sent?.rows.cycles[0]).toMatchObject({ frtSeconds: 180 });
    if (!sent) throw new Error('pending → sent was not added');
    const again = advance(sent.state, sent.rows, KEY, { messages: [{ ...pending, status: 'read' }], statuses: [] }, new Set(), null);
    expect(again?.rows).toEqual(sent.rows);
    expect(advance(sent.state, sent.rows, KEY, { messages: [{ ...pending, status: 'failed' }], statuses: [] }, new Set(), null)).toBeNull();
  });
});
