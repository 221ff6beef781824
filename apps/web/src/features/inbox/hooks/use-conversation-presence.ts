'use client';

import * as React from 'react';
import type { ConversationPresenceEvent, RoomAck } from '@ticklegram/domain-models';
import { useRealtimeConnect, useRealtimeEvent, useRealtimeSocket } from '../../realtime/use-realtime';

/**
 * Joins the conversation's room while the calling component shows it (again after every reconnect:
 * rooms do not survive one) and returns who else is viewing or typing there.
 */
export function useConversationPresence(conversationId: string): ConversationPresenceEvent | null {
  const socket = useRealtimeSocket();
  const [presence, setPresence] = React.useState<ConversationPresenceEvent | null>(null);
  const current = React.useRef(conversationId);
  current.current = conversationId;

  const join = React.useCallback(() => {
    if (!socket?.connected) return;
    // The ack carries who is already viewing or typing.
    socket.emit('conversation.join', { conversationId }, (result: RoomAck) => {
      if (!result.ok || current.current !== conversationId) return;
      setPresence({ conversationId, viewers: result.viewers ?? [], typing: result.typing ?? [] });
    });
  }, [socket, conversationId]);

  React.useEffect(() => {
    join();
    return () => {
      setPresence(null);
      if (socket?.connected) socket.emit('conversation.leave', { conversationId }, () => undefined);
    };
  }, [join, socket, conversationId]);

  useRealtimeConnect(join);
  useRealtimeEvent('presence.updated', (event) => {
    if (event.conversationId === current.current) setPresence(event);
  });
  return presence;
}

/** Tells teammates in the conversation's room that the current user started or stopped typing. */
export function useTypingSignal(): (conversationId: string, typing: boolean) => void {
  const socket = useRealtimeSocket();
  return React.useCallback(
    (conversationId: string, typing: boolean) => {
      if (socket?.connected) socket.emit('presence.typing', { conversationId, typing }, () => undefined);
    },
    [socket],
  );
}
