import { MessagePlatform } from '@ticklegram/domain-models';
import {
  flattenMessages,
  optimisticId,
  upsertConversationInList,
  upsertMessageInThread,
  type ConversationPages,
  type MessagePages,
} from './conversation-cache';
import { DEFAULT_FILTERS, type InboxFilters } from './filters';
import { conversationDto, messageDto } from './test-factories';

const list = (...pages: ReturnType<typeof conversationDto>[][]): ConversationPages => ({
  pages: pages.map((items, i) => ({ items, nextCursor: i < pages.length - 1 ? `cur${i}` : null })),
  pageParams: pages.map((_, i) => (i === 0 ? undefined : `cur${i - 1}`)),
});
const ids = (data: ConversationPages | undefined) => data?.pages.map((p) => p.items.map((c) => c.id));

describe('upsertConversationInList', () => {
  const a = conversationDto({ id: 'a', lastMessageAt: '2026-11-22T10:03:00.000Z' });
  const b = conversationDto({ id: 'b', lastMessageAt: '2026-11-22T10:02:00.000Z' });
  const c = conversationDto({ id: 'c', lastMessageAt: '2026-11-22T10:01:00.000Z' });

  it('moves a conversation with new activity to the top, across pages', () => {
    const next = upsertConversationInList(list([a, b], [c]), { ...c, lastMessageAt: '2026-11-22T11:00:00.000Z', unreadCount: 1 }, DEFAULT_FILTERS, 'me');
    expect(ids(next)).toEqual([['c', 'a', 'b'], []]);
    expect(next?.pages[0]?.items[0]?.unreadCount).toBe(1);
  });

  it('updates in place when activity did not change (e.g. unread reset)', () => {
    const next = upsertConversationInList(list([a, b, c]), { ...b, unreadCount: 0, status: 'open' }, DEFAULT_FILTERS, 'me');
    expect(ids(next)).toEqual([['a', 'b', 'c']]);
  });

  it('adds a new conversation to the top of a list whose filters it matches', () => {
    const fresh = conversationDto({ id: 'n', lastMessageAt: '2026-11-22T12:00:00.000Z' });
    expect(ids(upsertConversationInList(list([a, b]), fresh, DEFAULT_FILTERS, 'me'))).toEqual([['n', 'a', 'b']]);
  });

  it('removes a conversation that no longer matches (assigned away from Unassigned, resolved out of Open)', () => {
    const unassigned: InboxFilters = { ...DEFAULT_FILTERS, folder: 'unassigned' };
    expect(ids(upsertConversationInList(list([a, b]), { ...a, assigneeId: 'other' }, unassigned, 'me'))).toEqual([['b']]);
    const open: InboxFilters = { ...DEFAULT_FILTERS, status: 'open' };
    expect(ids(upsertConversationInList(list([a, b]), { ...b, status: 'resolved' }, open, 'me'))).toEqual([['a']]);
  });

  it('keeps a label-filtered list consistent: removes on label loss, keeps label-less updates in place, adds only when labels are known', () => {
    const VIP = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
    const vip = { id: VIP, name: 'vip', color: '#ff0000' };
    const filters: InboxFilters = { ...DEFAULT_FILTERS, label: VIP };
    const la = { ...a, labels: [vip] };
    const lb = { ...b, labels: [vip] };
    // label removed -> leaves the list
    expect(ids(upsertConversationInList(list([la, lb]), { ...lb, labels: [] }, filters, 'me'))).toEqual([['a']]);
    // an update without labels (e.g. a new message) stays, and moves up with its activity
    const bumped = { ...b, labels: undefined, lastMessageAt: '2026-11-22T11:00:00.000Z' };
    expect(ids(upsertConversationInList(list([la, lb]), bumped, filters, 'me'))).toEqual([['b', 'a']]);
    // a conversation we don't have: added only if its labels are known to match
    expect(ids(upsertConversationInList(list([la]), { ...c, labels: undefined }, filters, 'me'))).toEqual([['a']]);
    expect(ids(upsertConversationInList(list([la]), { ...c, labels: [vip] }, filters, 'me'))).toEqual([['c', 'a']]);
  });

  it('ignores conversations of another platform or folder, and never adds to a searched list', () => {
    const data = list([a]);
    const messenger = conversationDto({ id: 'x', platform: MessagePlatform.FACEBOOK });
    expect(upsertConversationInList(data, messenger, { ...DEFAULT_FILTERS, platform: MessagePlatform.INSTAGRAM }, 'me')).toBe(data);
    expect(upsertConversationInList(data, conversationDto({ id: 'y' }), { ...DEFAULT_FILTERS, search: 'ana' }, 'me')).toBe(data);
    expect(upsertConversationInList(data, conversationDto({ id: 'z', assigneeId: 'other' }), { ...DEFAULT_FILTERS, folder: 'mine' }, 'me')).toBe(data);
  });

  it('keeps a row already in a searched list up to date', () => {
    const next = upsertConversationInList(list([a, b]), { ...b, lastMessagePreview: 'new' }, { ...DEFAULT_FILTERS, search: 'ana' }, 'me');
    expect(next?.pages[0]?.items.find((c) => c.id === 'b')?.lastMessagePreview).toBe('new');
  });
});

describe('upsertConversationInList in a searched list', () => {
  it('keeps the search match of a row when a live update has none', () => {
    const searchMatch = {
      field: 'message' as const,
      snippet: 'the blue one',
      highlights: [[4, 8]] as [number, number][],
      messageId: 'm1',
      sentAt: '2026-11-22T10:00:00.000Z',
    };
    const row = conversationDto({ id: 'a', lastMessageAt: '2026-11-22T10:00:00.000Z', searchMatch });
    const searched: InboxFilters = { ...DEFAULT_FILTERS, search: 'blue' };
    const next = upsertConversationInList(list([row]), { ...row, searchMatch: undefined, unreadCount: 3 }, searched, 'me');
    expect(next?.pages[0]?.items[0]).toMatchObject({ unreadCount: 3, searchMatch });
  });
});

describe('upsertMessageInThread', () => {
  const thread = (...pages: ReturnType<typeof messageDto>[][]): MessagePages => ({
    pages: pages.map((items) => ({ items, nextCursor: null })),
    pageParams: pages.map(() => undefined),
  });
  const m1 = messageDto({ id: 'm1', mid: 'mid.1', sentAt: '2026-11-22T10:00:00.000Z' });
  const m2 = messageDto({ id: 'm2', mid: 'mid.2', sentAt: '2026-11-22T10:05:00.000Z' });

  it('appends a new message to the newest page in time order', () => {
    const late = messageDto({ id: 'm3', mid: 'mid.3', sentAt: '2026-11-22T10:03:00.000Z' });
    expect(flattenMessages(upsertMessageInThread(thread([m1, m2]), late)).map((m) => m.id)).toEqual(['m1', 'm3', 'm2']);
  });

  it('replaces a message by id or by mid (status updates, reactions) without duplicating', () => {
    const seen = { ...m2, id: 'm2', status: 'read' as const };
    const next = upsertMessageInThread(thread([m1, m2]), seen);
    expect(flattenMessages(next).map((m) => [m.id, m.status])).toEqual([
      ['m1', 'received'],
      ['m2', 'read'],
    ]);
    const byMid = upsertMessageInThread(thread([m1, m2]), { ...m1, id: 'other-id', text: 'edited' });
    expect(flattenMessages(byMid).map((m) => m.text)).toEqual(['edited', 'hello']);
  });

  it("replaces our optimistic bubble with the api's answer, even if the socket already delivered it", () => {
    const pending = messageDto({ id: optimisticId('k1'), mid: null, direction: 'outbound', status: 'pending' });
    const stored = messageDto({ id: 'real', mid: 'mid.9', direction: 'outbound', status: 'sent' });
    expect(flattenMessages(upsertMessageInThread(thread([m1, pending]), stored, 'k1')).map((m) => m.id)).toEqual(['m1', 'real']);
    const both = upsertMessageInThread(thread([m1, pending, stored]), { ...stored, status: 'delivered' }, 'k1');
    expect(flattenMessages(both).map((m) => [m.id, m.status])).toEqual([
      ['m1', 'received'],
      ['real', 'delivered'],
    ]);
  });

  it("lets the socket copy of our own send take over the pending bubble, not another agent's", () => {
    const pending = messageDto({
      id: optimisticId('k1'),
      mid: null,
      direction: 'outbound',
      status: 'pending',
      source: 'agent',
      senderUserId: 'me',
      text: 'On its way',
    });
    const fromSocket = messageDto({
      id: 'real',
      mid: 'mid.9',
      direction: 'outbound',
      status: 'pending',
      source: 'agent',
      senderUserId: 'me',
      text: 'On its way',
    });
    expect(flattenMessages(upsertMessageInThread(thread([m1, pending]), fromSocket)).map((m) => m.id)).toEqual(['m1', 'real']);
    const teammate = { ...fromSocket, id: 'other', mid: 'mid.10', senderUserId: 'bo' };
    expect(flattenMessages(upsertMessageInThread(thread([m1, pending]), teammate)).map((m) => m.id)).toEqual(['m1', pending.id, 'other']);
    // The POST answer then finds the stored message by id: still one bubble.
    const after = upsertMessageInThread(upsertMessageInThread(thread([m1, pending]), fromSocket), { ...fromSocket, status: 'sent' }, 'k1');
    expect(flattenMessages(after).map((m) => [m.id, m.status])).toEqual([
      ['m1', 'received'],
      ['real', 'sent'],
    ]);
  });

  it('never takes a delivery or a read back when an older copy arrives late (our POST answer after the socket)', () => {
    const stored = messageDto({ id: 'real', mid: 'mid.9', direction: 'outbound', status: 'sent', text: 'Yes' });
    const read = { ...stored, status: 'read' as const, deliveredAt: '2026-11-22T10:06:00.000Z', readAt: '2026-11-22T10:06:00.000Z' };
    const lateAnswer = { ...stored, reactions: [{ by: 'customer' as const, reaction: 'love', emoji: '❤️', at: '2026-11-22T10:07:00.000Z' }] };
    const after = flattenMessages(upsertMessageInThread(thread([m1, read]), lateAnswer, 'k1'));
    expect(after.map((m) => [m.id, m.status, m.readAt, m.reactions.length])).toEqual([
      ['m1', 'received', null, 0],
      ['real', 'read', '2026-11-22T10:06:00.000Z', 1],
    ]);
    // a failed send retried is not a step back: failed → pending → sent is taken as it comes
    const failed = { ...stored, status: 'failed' as const };
    expect(flattenMessages(upsertMessageInThread(thread([failed]), { ...stored, status: 'pending' }))[0]?.status).toBe('pending');
  });

  it('leaves an unloaded thread alone and reads older pages first', () => {
    expect(upsertMessageInThread(undefined, m1)).toBeUndefined();
    expect(flattenMessages(thread([m2], [m1])).map((m) => m.id)).toEqual(['m1', 'm2']);
  });
});
