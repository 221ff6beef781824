'use client';

import { useQueryClient } from '@tanstack/react-query';
import type { ConversationOptinsResponse } from '@ticklegram/domain-models';
import { useRealtimeConnect, useRealtimeEvent } from '../realtime/use-realtime';
import { messengerKeys } from './api';

/** `optin.updated` carries the customer's opt-ins: the open contact panel shows them at once; a reconnect refetches. */
export function useOptinLiveUpdates(): void {
  const queryClient = useQueryClient();
  useRealtimeEvent('optin.updated', ({ conversationId, items }) => {
    queryClient.setQueryData<ConversationOptinsResponse>(messengerKeys.optins(conversationId), { items });
  });
  useRealtimeConnect(() => void queryClient.invalidateQueries({ queryKey: ['messenger', 'optins'] }));
}
