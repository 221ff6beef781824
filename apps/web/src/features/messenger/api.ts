import { useQuery } from '@tanstack/react-query';
import type { ConversationOptinsResponse } from '@ticklegram/domain-models';
import { useApiClient } from '../auth/auth-provider';

export const messengerKeys = {
  optins: (conversationId: string) => ['messenger', 'optins', conversationId] as const,
};

/** The Messenger opt-ins of the customer a conversation is with (kept current by `optin.updated`). */
export function useConversationOptins(conversationId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: messengerKeys.optins(conversationId),
    queryFn: ({ signal }) => client.request<ConversationOptinsResponse>(`/api/conversations/${encodeURIComponent(conversationId)}/optins`, { signal }),
  });
}
