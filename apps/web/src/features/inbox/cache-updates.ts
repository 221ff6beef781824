import type { QueryClient } from '@tanstack/react-query';
import type { ConversationDto, MessageEventPayload } from '@ticklegram/domain-models';
import { labelKeys } from '../collaboration/api';
import { inboxKeys } from './api';
import { findConversation, upsertConversationInList, upsertMessageInThread, type ConversationPages, type MessagePages } from './conversation-cache';
import type { InboxFilters } from './filters';

/** Applies a conversation to every cached list, the single-conversation cache and the thread header. */
export function applyConversationUpdate(queryClient: QueryClient, conversation: ConversationDto, currentUserId: string | null): void {
  for (const [key, data] of queryClient.getQueriesData<ConversationPages>({ queryKey: inboxKeys.lists() })) {
    const filters = key[2] as InboxFilters | undefined;
    if (!filters) continue;
    const next = upsertConversationInList(data, conversation, filters, currentUserId);
    if (next !== data) queryClient.setQueryData(key, next);
  }
  queryClient.setQueryData(inboxKeys.conversation(conversation.id), conversation);
}

export function applyMessageEvent(queryClient: QueryClient, payload: MessageEventPayload): void {
  queryClient.setQueryData<MessagePages>(inboxKeys.messages(payload.conversationId), (data) => upsertMessageInThread(data, payload.message));
  if (payload.message.direction === 'inbound') {
    // A new customer message can change the reply window.
    void queryClient.invalidateQueries({ queryKey: inboxKeys.replyPolicy(payload.conversationId) });
  }
}

/** The conversation as cached by the thread header or any list, if it is cached at all. */
export function cachedConversation(queryClient: QueryClient, id: string): ConversationDto | undefined {
  const direct = queryClient.getQueryData<ConversationDto>(inboxKeys.conversation(id));
  if (direct) return direct;
  for (const [, data] of queryClient.getQueriesData<ConversationPages>({ queryKey: inboxKeys.lists() })) {
    const found = findConversation(data, id);
    if (found) return found;
  }
  return undefined;
}

/**
 * Only label changes carry `labels`; other updates keep the cached ones. A change is also applied
 * to the thread header's labels.
 */
export function withKnownLabels(queryClient: QueryClient, conversation: ConversationDto): ConversationDto {
  if (conversation.labels) {
    queryClient.setQueryData(labelKeys.ofConversation(conversation.id), conversation.labels);
    return conversation;
  }
  const labels = cachedConversation(queryClient, conversation.id)?.labels;
  return labels ? { ...conversation, labels } : conversation;
}
