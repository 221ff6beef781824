'use client';

import * as React from 'react';
import { useAuth } from '../auth/auth-provider';
import { loadRealtimeConfig } from '../../lib/realtime-config';
import { createRealtimeSocket, isAuthConnectError, type RealtimeSocket } from '../../lib/socket';
import { RealtimeContext, type RealtimeContextValue, type RealtimeStatus } from './realtime-context';

const AUTH_RETRY_MS = 30_000;
const CONFIG_RETRY_MS = 10_000;

/**
 * Owns the one Socket.IO connection of the signed-in tab: opens it with the in-memory access token,
 * refreshes the token when the handshake refuses it, and reports the connection status. It knows no
 * event: features subscribe with `useRealtimeEvent` and catch up with `useRealtimeConnect`.
 * Without `apiUrl` it asks the web server where the api is (`/realtime-config`, `API_PUBLIC_URL`).
 */
export function RealtimeProvider({ apiUrl, children }: { apiUrl?: string; children: React.ReactNode }) {
  const { client, status: authStatus } = useAuth();
  const [configuredUrl, setConfiguredUrl] = React.useState<string | null>(null);
  const [socket, setSocket] = React.useState<RealtimeSocket | null>(null);
  const [status, setStatus] = React.useState<RealtimeStatus>('connecting');
  const url = apiUrl ?? configuredUrl;

  React.useEffect(() => {
    if (apiUrl || configuredUrl || authStatus !== 'authenticated') return;
    let cancelled = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      loadRealtimeConfig()
        .then((config) => {
          if (!cancelled) setConfiguredUrl(config.apiPublicUrl);
        })
        .catch(() => {
          if (cancelled) return;
          setStatus('disconnected');
          retryTimer = setTimeout(load, CONFIG_RETRY_MS);
        });
    };
    load();
    return () => {
      cancelled = true;
      clearTimeout(retryTimer);
    };
  }, [apiUrl, configuredUrl, authStatus]);

  React.useEffect(() => {
    if (!url || authStatus !== 'authenticated') return;
    const created = createRealtimeSocket(url, () => client.getAccessToken());
    setSocket(created);
    return () => {
      created.removeAllListeners();
      created.disconnect();
      setSocket(null);
    };
  }, [url, authStatus, client]);

  // Connects only once the socket is in state: the features' subscriptions (effects of children, run
  // first) are in place before the first event can arrive.
  React.useEffect(() => {
    if (!socket) return;
    let refreshing = false;
    let lastAuthRefresh = 0;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    const onConnect = () => setStatus('connected');
    const onDisconnect = (reason: string) => {
      setStatus('disconnected');
      // The server closes sockets when their token expires or the user's access changes: connect again,
      // and the handshake (with a refreshed token if needed) decides what this user may still receive.
      if (reason === 'io server disconnect') socket.connect();
    };
    const onConnectError = (error: Error) => {
      setStatus('disconnected');
      if (!isAuthConnectError(error) || refreshing) return;
      // The handshake refused the token (expired): refresh it, then connect again with the new one.
      // At most once per AUTH_RETRY_MS, so a socket pointed at the wrong api (API_PUBLIC_URL) can't
      // spin the refresh token; after that it tries again later.
      const wait = lastAuthRefresh + AUTH_RETRY_MS - Date.now();
      if (wait > 0) {
        retryTimer = setTimeout(() => socket.connect(), wait);
        return;
      }
      refreshing = true;
      lastAuthRefresh = Date.now();
      void client
        .refresh()
        .then((session) => {
          if (session) socket.connect();
        })
        .catch(() => undefined)
        .finally(() => {
          refreshing = false;
        });
    };
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onConnectError);
    setStatus('connecting');
    socket.connect();
    return () => {
      clearTimeout(retryTimer);
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onConnectError);
    };
  }, [socket, client]);

  const value = React.useMemo<RealtimeContextValue>(() => ({ status, socket }), [status, socket]);
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}
