'use client';

import * as React from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../../auth/auth-provider';
import { createInboxSocket, isAuthConnectError } from '../../../lib/socket';
import { commentKeys, patchCachedComment } from '../api';

/**
 * Live comments on the Comments page: `comment.created` refetches the stream and post counts (a new
 * comment may or may not match the filters), `comment.updated` patches it in place, and a backfill's
 * progress refreshes its status. One socket while the page is open.
 */
export function useCommentEvents(apiUrl: string): 'connected' | 'disconnected' {
  const { client, status: authStatus } = useAuth();
  const queryClient = useQueryClient();
  const [status, setStatus] = React.useState<'connected' | 'disconnected'>('disconnected');

  React.useEffect(() => {
    if (authStatus !== 'authenticated') return;
    const socket = createInboxSocket(apiUrl, () => client.getAccessToken());
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    const refreshLists = () => {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => {
        void queryClient.invalidateQueries({ queryKey: commentKeys.lists() });
        void queryClient.invalidateQueries({ queryKey: ['comments', 'posts'] });
      }, 150);
    };
    socket.on('connect', () => {
      setStatus('connected');
      void queryClient.invalidateQueries({ queryKey: commentKeys.all });
    });
    socket.on('disconnect', () => setStatus('disconnected'));
    let refreshed = false;
    socket.on('connect_error', (error) => {
      setStatus('disconnected');
      // an expired token: refresh once, then connect again with the new one
      if (!isAuthConnectError(error) || refreshed) return;
      refreshed = true;
      void client.refresh().then((session) => session && socket.connect()).catch(() => undefined);
    });
    socket.on('comment.created', () => refreshLists());
    socket.on('comment.updated', ({ comment }) => {
      patchCachedComment(queryClient, comment);
      void queryClient.invalidateQueries({ queryKey: commentKeys.detail(comment.id) });
      refreshLists();
    });
    socket.on('comment.backfill_updated', () => {
      void queryClient.invalidateQueries({ queryKey: commentKeys.backfills() });
      refreshLists();
    });
    socket.connect();
    return () => {
      clearTimeout(refreshTimer);
      socket.disconnect();
    };
  }, [apiUrl, authStatus, client, queryClient]);

  return status;
}
