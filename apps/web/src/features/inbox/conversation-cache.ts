import type { ConversationDto, ConversationListResponse, MessageDto, MessageListResponse } from '@ticklegram/domain-models';
import { matchesInboxFilters, type InboxFilters } from './filters';

/** The shape react-query keeps for an infinite (cursor) list. */
export interface InfinitePages<T> {
  pages: T[];
  pageParams: unknown[];
}

export type ConversationPages = InfinitePages<ConversationListResponse>;
export type MessagePages = InfinitePages<MessageListResponse>;

function activityTime(conversation: ConversationDto): number {
  return Date.parse(conversation.lastMessageAt ?? conversation.updatedAt) || 0;
}

/**
 * Applies a `conversation.updated` to one cached list: replaces the row in place, moves it to the
 * top when it has newer activity, removes it when it no longer matches the list's filters, and adds
 * it to the first page when it newly matches. Returns the same object when nothing changes.
 */
export function upsertConversationInList(
  data: ConversationPages | undefined,
  conversation: ConversationDto,
  filters: InboxFilters,
  currentUserId: string | null,
): ConversationPages | undefined {
  if (!data || data.pages.length === 0) return data;
  const matches = matchesInboxFilters(conversation, filters, currentUserId);
  let existing: ConversationDto | undefined;
  for (const page of data.pages) {
    existing = page.items.find((c) => c.id === conversation.id);
    if (existing) break;
  }
  // Searched lists are filtered by the server; only keep rows it already returned. Likewise a
  // label-filtered list when the update doesn't say which labels the conversation has.
  const unknownLabels = filters.label !== null && !conversation.labels;
  if (!existing && (!matches || filters.search || unknownLabels)) return data;

  // a live update doesn't know the search: keep what the server said matched
  if (existing?.searchMatch && !conversation.searchMatch) conversation = { ...conversation, searchMatch: existing.searchMatch };
  const movesUp = !existing || activityTime(conversation) > activityTime(existing);
  const pages = data.pages.map((page) => ({ ...page, items: page.items.filter((c) => c.id !== conversation.id) }));
  if (!matches) return { ...data, pages };
  if (movesUp) {
    const first = pages[0] as ConversationListResponse;
    pages[0] = { ...first, items: [conversation, ...first.items] };
    return { ...data, pages };
  }
  // Same position: put it back where it was.
  return {
    ...data,
    pages: data.pages.map((page) => ({ ...page, items: page.items.map((c) => (c.id === conversation.id ? conversation : c)) })),
  };
}

export function findConversation(data: ConversationPages | undefined, id: string): ConversationDto | undefined {
  for (const page of data?.pages ?? []) {
    const found = page.items.find((c) => c.id === id);
    if (found) return found;
  }
  return undefined;
}

export function flattenConversations(data: ConversationPages | undefined): ConversationDto[] {
  const seen = new Set<string>();
  const out: ConversationDto[] = [];
  for (const page of data?.pages ?? []) {
    for (const c of page.items) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push(c);
    }
  }
  return out;
}

/** How far an outbound message got; the customer's phone never takes a delivery or a read back. */
const DELIVERY_RANK: Partial<Record<MessageDto['status'], number>> = { sent: 1, delivered: 2, read: 3 };

/**
 * A late copy (our send's POST answer arriving after the socket's `read`) must not move a message
 * back from delivered/read: keep the further status and its times, take everything else.
 */
function newerOf(cached: MessageDto, incoming: MessageDto): MessageDto {
  const was = DELIVERY_RANK[cached.status];
  const now = DELIVERY_RANK[incoming.status];
  if (was === undefined || now === undefined || now >= was) return incoming;
  return { ...incoming, status: cached.status, deliveredAt: cached.deliveredAt ?? incoming.deliveredAt, readAt: cached.readAt ?? incoming.readAt };
}

/**
 * Applies `message.created` / `message.updated` (or our own send's answer) to a cached thread.
 * Pages are newest-last and `pages[0]` is the newest page (older pages are appended as the agent
 * scrolls back). A message matches an existing one by id, by Meta's `mid`, or by the client
 * idempotency key of an optimistic bubble (`clientKey`), so our own send never shows twice. A
 * delivered or read message stays so when an older copy of it arrives later.
 */
export function upsertMessageInThread(data: MessagePages | undefined, message: MessageDto, clientKey?: string): MessagePages | undefined {
  if (!data) return data;
  const exact = (m: MessageDto) =>
    m.id === message.id || (m.mid !== null && m.mid === message.mid) || (clientKey !== undefined && m.id === optimisticId(clientKey));
  // Our own send can come back over the socket before the POST answers: take over the oldest
  // optimistic bubble of the same agent with the same text instead of showing the message twice.
  let takeover: string | undefined;
  if (!data.pages.some((page) => page.items.some(exact)) && message.direction === 'outbound' && message.source === 'agent') {
    const candidates = flattenMessages(data).filter(
      (m) => isOptimistic(m) && m.senderUserId === message.senderUserId && (m.text ?? '') === (message.text ?? ''),
    );
    takeover = candidates[0]?.id;
  }
  const same = (m: MessageDto) => exact(m) || (takeover !== undefined && m.id === takeover);
  let replaced = false;
  const pages = data.pages.map((page) => {
    if (!page.items.some(same)) return page;
    const items: MessageDto[] = [];
    for (const m of page.items) {
      if (!same(m)) items.push(m);
      else if (!replaced) {
        items.push(newerOf(m, message));
        replaced = true;
      }
    }
    return { ...page, items };
  });
  if (replaced) return { ...data, pages };
  if (pages.length === 0) return { pages: [{ items: [message], nextCursor: null }], pageParams: [undefined] };
  const newest = pages[0] as MessageListResponse;
  pages[0] = { ...newest, items: insertByTime(newest.items, message) };
  return { ...data, pages };
}

function insertByTime(items: MessageDto[], message: MessageDto): MessageDto[] {
  const t = Date.parse(message.sentAt);
  let index = items.length;
  while (index > 0 && Date.parse((items[index - 1] as MessageDto).sentAt) > t) index -= 1;
  return [...items.slice(0, index), message, ...items.slice(index)];
}

/** Oldest first across all cached pages. */
export function flattenMessages(data: MessagePages | undefined): MessageDto[] {
  if (!data) return [];
  return [...data.pages].reverse().flatMap((page) => page.items);
}

export function optimisticId(clientKey: string): string {
  return `optimistic:${clientKey}`;
}

export function isOptimistic(message: MessageDto): boolean {
  return message.id.startsWith('optimistic:');
}
