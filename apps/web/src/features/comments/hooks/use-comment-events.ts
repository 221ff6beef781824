'use client';

import * as React from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useRealtimeConnect, useRealtimeEvent, useRealtimeStatus } from '../../realtime/use-realtime';
import { commentKeys, patchCachedComment } from '../api';

/**
 * Live comments on the Comments page: `comment.created` refetches the stream and post counts (a new
 * comment may or may not match the filters), `comment.updated` patches it in place, and a backfill's
 * progress refreshes its status. A reconnect refetches what may have changed while offline.
 */
export function useCommentEvents(): 'connected' | 'disconnected' {
  const queryClient = useQueryClient();
  const timer = React.useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  React.useEffect(() => () => clearTimeout(timer.current), []);
  const refreshLists = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void queryClient.invalidateQueries({ queryKey: commentKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: ['comments', 'posts'] });
    }, 150);
  };
  useRealtimeEvent('comment.created', () => refreshLists());
  useRealtimeEvent('comment.updated', ({ comment }) => {
    patchCachedComment(queryClient, comment);
    void queryClient.invalidateQueries({ queryKey: commentKeys.detail(comment.id) });
    refreshLists();
  });
  useRealtimeEvent('comment.backfill_updated', () => {
    void queryClient.invalidateQueries({ queryKey: commentKeys.backfills() });
    refreshLists();
  });
  useRealtimeConnect(() => void queryClient.invalidateQueries({ queryKey: commentKeys.all }));
  return useRealtimeStatus() === 'connected' ? 'connected' : 'disconnected';
}
