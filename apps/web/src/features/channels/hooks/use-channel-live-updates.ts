'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRealtimeConnect, useRealtimeEvent } from '../../realtime/use-realtime';
import { applyChannelUpdate, channelsKeys } from '../api';

/**
 * Applies `channel.updated` (a token rejected, a channel reconnected or disconnected…) to the cached
 * channel list the attention banner and Accounts read, and refetches it on every (re)connect so a
 * change that happened while offline is not missed.
 */
export function useChannelLiveUpdates(): void {
  const queryClient = useQueryClient();
  useRealtimeEvent('channel.updated', (event) => applyChannelUpdate(queryClient, event));
  useRealtimeConnect(() => void queryClient.invalidateQueries({ queryKey: channelsKeys.all }));
}
