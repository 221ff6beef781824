'use client';

import * as React from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ConversationDto, MessageEventPayload, RoomAck } from '@ticklegram/domain-models';
import { useAuth } from '../auth/auth-provider';
import {
  createInboxSocket,
  isAuthConnectError,
  type InboxSocket,
  type PresenceUpdatedEvent,
} from '../../lib/socket';
import { inboxKeys } from '../inbox/api';
import { toast } from 'sonner';
import { applyNoteEvent } from '../collaboration/note-events';
import { labelKeys } from '../collaboration/api';
import {
  findConversation,
  upsertConversationInList,
  upsertMessageInThread,
  type ConversationPages,
  type MessagePages,
} from '../inbox/conversation-cache';
import type { InboxFilters } from '../inbox/filters';

export type RealtimeStatus = 'connecting' | 'connected' | 'disconnected';

interface RealtimeContextValue {
  status: RealtimeStatus;
  /** Joins a conversation's room (viewing presence) until the returned function is called. */
  joinConversation(conversationId: string): () => void;
  setTyping(conversationId: string, typing: boolean): void;
  presence(conversationId: string): PresenceUpdatedEvent | null;
  /** The conversation the agent has open, so notifications skip what is already on screen. */
  setActiveConversation(conversationId: string | null): void;
}

const AUTH_RETRY_MS = 30_000;

const RealtimeContext = React.createContext<RealtimeContextValue | null>(null);

/** Applies a conversation to every cached list, the single-conversation cache and the thread header. */
export function applyConversationUpdate(
  queryClient: QueryClient,
  conversation: ConversationDto,
  currentUserId: string | null,
): void {
  for (const [key, data] of queryClient.getQueriesData<ConversationPages>({
    queryKey: inboxKeys.lists(),
  })) {
    const filters = key[2] as InboxFilters | undefined;
    if (!filters) continue;
    const next = upsertConversationInList(
      data,
      conversation,
      filters,
      currentUserId,
    );
    if (next !== data) queryClient.setQueryData(key, next);
  }
  queryClient.setQueryData(
    inboxKeys.conversation(conversation.id),
    conversation,
  );
}

export function applyMessageEvent(
  queryClient: QueryClient,
  payload: MessageEventPayload,
): void {
  queryClient.setQueryData<MessagePages>(
    inboxKeys.messages(payload.conversationId),
    (data) => upsertMessageInThread(data, payload.message),
  );
  if (payload.message.direction === 'inbound') {
    // A new customer message can change the reply window.
    void queryClient.invalidateQueries({
      queryKey: inboxKeys.replyPolicy(payload.conversationId),
    });
  }
}

function cachedConversation(
  queryClient: QueryClient,
  id: string,
): ConversationDto | undefined {
  const direct = queryClient.getQueryData<ConversationDto>(
    inboxKeys.conversation(id),
  );
  if (direct) return direct;
  for (const [, data] of queryClient.getQueriesData<ConversationPages>({
    queryKey: inboxKeys.lists(),
  })) {
    const found = findConversation(data, id);
    if (found) return found;
  }
  return undefined;
}

/**
 * Only label changes carry `labels`; other updates keep the cached ones. A change is also applied
 * to the thread header's labels.
 */
function withKnownLabels(
  queryClient: QueryClient,
  conversation: ConversationDto,
): ConversationDto {
  if (conversation.labels) {
    queryClient.setQueryData(
      labelKeys.ofConversation(conversation.id),
      conversation.labels,
    );
    return conversation;
  }
  const labels = cachedConversation(queryClient, conversation.id)?.labels;
  return labels ? { ...conversation, labels } : conversation;
}

export function RealtimeProvider({
  apiUrl,
  children,
}: {
  apiUrl: string;
  children: React.ReactNode;
}) {
  const { client, status: authStatus, user } = useAuth();
  const queryClient = useQueryClient();
  const [status, setStatus] = React.useState<RealtimeStatus>('connecting');
  const [presenceMap, setPresenceMap] = React.useState<
    Record<string, PresenceUpdatedEvent>
  >({});
  const socketRef = React.useRef<InboxSocket | null>(null);
  const joinedRef = React.useRef(new Map<string, number>());
  const activeRef = React.useRef<string | null>(null);
  const userIdRef = React.useRef<string | null>(user?.id ?? null);
  userIdRef.current = user?.id ?? null;

  /** Joins a room; the ack carries who is already viewing or typing. */
  const join = React.useCallback((conversationId: string) => {
    const socket = socketRef.current;
    if (!socket?.connected) return;
    socket.emit(
      'conversation.join',
      { conversationId },
      (result: RoomAck) => {
        if (!result.ok) return;
        setPresenceMap((prev) => ({
          ...prev,
          [conversationId]: {
            conversationId,
            viewers: result.viewers ?? [],
            typing: result.typing ?? [],
          },
        }));
      },
    );
  }, []);

  React.useEffect(() => {
    if (authStatus !== 'authenticated') return;
    const socket = createInboxSocket(apiUrl, () => client.getAccessToken());
    socketRef.current = socket;
    let refreshing = false;
    let lastAuthRefresh = 0;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    socket.on('connect', () => {
      setStatus('connected');
      // Rooms do not survive a reconnect: join the open conversations again.
      for (const conversationId of joinedRef.current.keys())
        join(conversationId);
      // Anything missed while offline: refetch what is on screen.
      void queryClient.invalidateQueries({ queryKey: inboxKeys.all });
    });
    socket.on('disconnect', (reason) => {
      setStatus('disconnected');
      // The server closes sockets when their token expires or the user's access changes: connect again,
      // and the handshake (with a refreshed token if needed) decides what this user may still receive.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (error) => {
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
    });

    socket.on('message.created', (payload) => {
      applyMessageEvent(queryClient, payload);
      const conversation = cachedConversation(
        queryClient,
        payload.conversationId,
      );
      if (!conversation)
        void queryClient.invalidateQueries({ queryKey: inboxKeys.lists() });
      notifyAssignee(
        payload,
        conversation,
        userIdRef.current,
        activeRef.current,
      );
    });
    socket.on('note.created', ({ note }) => applyNoteEvent(queryClient, note));
    socket.on('note.mentioned', ({ note }) => {
      applyNoteEvent(queryClient, note);
      toast(`${note.authorName} mentioned you in a note`, {
        description: note.body.length > 120 ? `${note.body.slice(0, 117)}…` : note.body,
        action: { label: 'Open', onClick: () => window.location.assign(`/inbox/${note.conversationId}`) },
      });
    });
    socket.on('message.updated', (payload) =>
      applyMessageEvent(queryClient, payload),
    );
    socket.on('conversation.updated', ({ conversation }) =>
      applyConversationUpdate(
        queryClient,
        withKnownLabels(queryClient, conversation),
        userIdRef.current,
      ),
    );
    socket.on('conversation.assigned', ({ conversation }) =>
      applyConversationUpdate(queryClient, conversation, userIdRef.current),
    );
    // Teammates coming online or going away change who can be assigned.
    socket.on('presence.online_changed', () => void queryClient.invalidateQueries({ queryKey: ['inbox', 'presence', 'online'] }));
    socket.on('presence.updated', (payload: PresenceUpdatedEvent) =>
      setPresenceMap((prev) => ({
        ...prev,
        [payload.conversationId]: payload,
      })),
    );

    setStatus('connecting');
    socket.connect();
    return () => {
      clearTimeout(retryTimer);
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
    };
  }, [apiUrl, authStatus, client, queryClient, join]);

  const joinConversation = React.useCallback(
    (conversationId: string) => {
      const joined = joinedRef.current;
      const count = joined.get(conversationId) ?? 0;
      joined.set(conversationId, count + 1);
      if (count === 0) join(conversationId);
      return () => {
        const left = (joined.get(conversationId) ?? 1) - 1;
        if (left > 0) {
          joined.set(conversationId, left);
          return;
        }
        joined.delete(conversationId);
        if (socketRef.current?.connected)
          socketRef.current.emit(
            'conversation.leave',
            { conversationId },
            () => undefined,
          );
        setPresenceMap((prev) => {
          const next = { ...prev };
          delete next[conversationId];
          return next;
        });
      };
    },
    [join],
  );

  const setTyping = React.useCallback(
    (conversationId: string, typing: boolean) => {
      if (socketRef.current?.connected)
        socketRef.current.emit(
          'presence.typing',
          { conversationId, typing },
          () => undefined,
        );
    },
    [],
  );

  const presence = React.useCallback(
    (conversationId: string) => presenceMap[conversationId] ?? null,
    [presenceMap],
  );
  const setActiveConversation = React.useCallback(
    (conversationId: string | null) => {
      activeRef.current = conversationId;
    },
    [],
  );

  const value = React.useMemo<RealtimeContextValue>(
    () => ({
      status,
      joinConversation,
      setTyping,
      presence,
      setActiveConversation,
    }),
    [status, joinConversation, setTyping, presence, setActiveConversation],
  );
  return (
    <RealtimeContext.Provider value={value}>
      {children}
    </RealtimeContext.Provider>
  );
}

function notifyAssignee(
  payload: MessageEventPayload,
  conversation: ConversationDto | undefined,
  userId: string | null,
  activeConversationId: string | null,
): void {
  if (
    typeof Notification === 'undefined' ||
    Notification.permission !== 'granted'
  )
    return;
  if (
    payload.message.direction !== 'inbound' ||
    !conversation ||
    !userId ||
    conversation.assigneeId !== userId
  )
    return;
  if (
    activeConversationId === payload.conversationId &&
    document.visibilityState === 'visible'
  )
    return;
  const notification = new Notification(conversation.contact.displayName, {
    body: payload.message.text ?? 'Sent an attachment',
    tag: `conversation:${payload.conversationId}`,
  });
  notification.onclick = () => {
    window.focus();
    window.location.assign(`/inbox/${payload.conversationId}`);
  };
}

export function useRealtime(): RealtimeContextValue {
  const value = React.useContext(RealtimeContext);
  if (!value)
    throw new Error('useRealtime must be used inside <RealtimeProvider>');
  return value;
}
