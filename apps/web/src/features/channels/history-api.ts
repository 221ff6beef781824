'use client';

import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ChannelDto, ChannelHistoryDto, ChannelHistoryUpdatedEvent } from '@ticklegram/domain-models';
import { useApiClient } from '../auth/auth-provider';
import { useRealtimeConnect, useRealtimeEvent, useRealtimeStatus } from '../realtime/use-realtime';
import { OFFLINE_REFETCH_MS } from './api';

export const channelHistoryKeys = {
  all: ['channels', 'history'] as const,
};

/** Puts a `channel.history_updated` event into the cached list (insert or replace by channel). */
export function applyHistoryUpdate(queryClient: QueryClient, event: ChannelHistoryUpdatedEvent): void {
  queryClient.setQueryData<ChannelHistoryDto[]>(channelHistoryKeys.all, (list) => {
    const next = (list ?? []).filter((h) => h.channelId !== event.history.channelId);
    return [...next, event.history];
  });
}

/** Admins: each channel's history import and last gap recovery, kept live by `channel.history_updated`. */
export function useChannelHistory(enabled: boolean) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const live = useRealtimeStatus() === 'connected';
  useRealtimeEvent('channel.history_updated', (event) => applyHistoryUpdate(queryClient, event));
  useRealtimeConnect(() => void queryClient.invalidateQueries({ queryKey: channelHistoryKeys.all }));
  return useQuery({
    queryKey: channelHistoryKeys.all,
    queryFn: ({ signal }) => client.request<ChannelHistoryDto[]>('/api/channels/history', { signal }),
    enabled,
    refetchInterval: live ? false : OFFLINE_REFETCH_MS,
  });
}

/** Admins: re-subscribe if Meta dropped the channel and fetch every message that did not arrive. */
export function useRecoverChannel() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (channel: ChannelDto) => client.request<ChannelHistoryDto>(`/api/channels/${encodeURIComponent(channel.id)}/recover`, { method: 'POST' }),
    onSuccess: (history) => {
      applyHistoryUpdate(queryClient, { history });
      void queryClient.invalidateQueries({ queryKey: ['channels'] });
    },
  });
}
