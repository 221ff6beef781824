'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../../auth/auth-provider';
import { useRealtimeConnect, useRealtimeEvent } from '../../realtime/use-realtime';
import { inboxKeys } from '../api';
import { notifyAssignee } from '../assignee-notification';
import { applyConversationUpdate, applyMessageEvent, cachedConversation, withKnownLabels } from '../cache-updates';

/**
 * Keeps the inbox caches (lists, threads, headers, who is online) in step with the server's
 * conversation and message events, on every page, so returning to the inbox shows what happened.
 */
export function useInboxLiveUpdates(): void {
  const queryClient = useQueryClient();
  const userId = useAuth().user?.id ?? null;

  // Anything missed while offline: refetch what is on screen (the rest is refetched when shown).
  useRealtimeConnect(() => void queryClient.invalidateQueries({ queryKey: inboxKeys.all }));

  useRealtimeEvent('message.created', (payload) => {
    applyMessageEvent(queryClient, payload);
    const conversation = cachedConversation(queryClient, payload.conversationId);
    if (!conversation) void queryClient.invalidateQueries({ queryKey: inboxKeys.lists() });
    notifyAssignee(payload, conversation, userId);
  });
  useRealtimeEvent('message.updated', (payload) => applyMessageEvent(queryClient, payload));
  useRealtimeEvent('conversation.updated', ({ conversation }) => applyConversationUpdate(queryClient, withKnownLabels(queryClient, conversation), userId));
  useRealtimeEvent('conversation.assigned', ({ conversation, previousAssigneeId }) => {
    applyConversationUpdate(queryClient, conversation, userId);
    // taken from this user: ask the api whether they may still see it (an agent may not; the thread then says so)
    if (previousAssigneeId === userId && conversation.assigneeId !== userId) {
      void queryClient.invalidateQueries({ queryKey: inboxKeys.conversation(conversation.id), exact: true });
    }
  });
  // Teammates coming online or going away change who can be assigned.
  useRealtimeEvent('presence.online_changed', () => void queryClient.invalidateQueries({ queryKey: inboxKeys.onlineTeammates() }));
  // The templates a conversation may use (outside the messaging window) changed with Meta's review.
  const refreshReplyPolicies = () => void queryClient.invalidateQueries({ queryKey: inboxKeys.replyPolicies() });
  useRealtimeEvent('template.updated', refreshReplyPolicies);
  useRealtimeEvent('template.deleted', refreshReplyPolicies);
}
