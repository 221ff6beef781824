'use client';

import * as React from 'react';
import type { ServerEventName, ServerEventPayload } from '@ticklegram/domain-models';
import type { RealtimeSocket } from '../../lib/socket';
import { useRealtimeContext, type RealtimeStatus } from './realtime-context';

/** Socket.IO's listener types do not narrow for a generic event name; the map in domain-models does. */
type AnyListener = (payload: unknown) => void;
type LooseSocket = { on(event: string, listener: AnyListener): unknown; off(event: string, listener: AnyListener): unknown };

/** Keeps the latest handler without re-subscribing on every render. */
function useLatest<T>(value: T): React.RefObject<T> {
  const ref = React.useRef(value);
  React.useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}

/**
 * Runs `handler` for every `event` the server pushes (names and payloads typed by
 * `ServerToClientEvents`), for as long as the calling component is mounted. Each feature registers
 * the events it owns; the provider knows none of them.
 */
export function useRealtimeEvent<E extends ServerEventName>(event: E, handler: (payload: ServerEventPayload<E>) => void): void {
  const { socket } = useRealtimeContext('useRealtimeEvent');
  const latest = useLatest(handler);
  React.useEffect(() => {
    if (!socket) return;
    const loose = socket as unknown as LooseSocket;
    const listener: AnyListener = (payload) => latest.current(payload as ServerEventPayload<E>);
    loose.on(event, listener);
    return () => {
      loose.off(event, listener);
    };
  }, [socket, event, latest]);
}

/**
 * Runs `handler` every time the socket connects — the first time and after every reconnect — so a
 * feature can join its rooms again and refetch what it may have missed while offline.
 */
export function useRealtimeConnect(handler: () => void): void {
  const { socket } = useRealtimeContext('useRealtimeConnect');
  const latest = useLatest(handler);
  React.useEffect(() => {
    if (!socket) return;
    const listener = () => latest.current();
    socket.on('connect', listener);
    return () => {
      socket.off('connect', listener);
    };
  }, [socket, latest]);
}

export function useRealtimeStatus(): RealtimeStatus {
  return useRealtimeContext('useRealtimeStatus').status;
}

/** The socket, for features that send (room joins, typing); `null` until signed in. Check `connected` before emitting. */
export function useRealtimeSocket(): RealtimeSocket | null {
  return useRealtimeContext('useRealtimeSocket').socket;
}
