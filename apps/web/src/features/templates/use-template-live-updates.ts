'use client';

import { useQueryClient } from '@tanstack/react-query';
import { inboxKeys } from '../inbox/api';
import { useRealtimeConnect, useRealtimeEvent } from '../realtime/use-realtime';
import { templateKeys } from './api';

/**
 * Follows Meta's review live on every page: `template.updated` / `template.deleted` refetch the template
 * list (the api decides what this user may see) and the open reply policies (the templates a
 * conversation can use changed with them); a reconnect refetches what may have changed while offline.
 */
export function useTemplateLiveUpdates(): void {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: templateKeys.list() });
    void queryClient.invalidateQueries({ queryKey: inboxKeys.replyPolicies() });
  };
  useRealtimeEvent('template.updated', refresh);
  useRealtimeEvent('template.deleted', refresh);
  useRealtimeConnect(refresh);
}
