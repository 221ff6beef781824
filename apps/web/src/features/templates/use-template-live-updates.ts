'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRealtimeConnect, useRealtimeEvent } from '../realtime/use-realtime';
import { templateKeys } from './api';

/**
 * Follows Meta's review live on every page: `template.updated` / `template.deleted` refetch the template
 * list (the api decides what this user may see; the inbox refetches its reply policies itself); a
 * reconnect refetches what may have changed while offline.
 */
export function useTemplateLiveUpdates(): void {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: templateKeys.list() });
  useRealtimeEvent('template.updated', refresh);
  useRealtimeEvent('template.deleted', refresh);
  useRealtimeConnect(refresh);
}
