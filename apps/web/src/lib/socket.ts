import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ConversationDto, ServerToClientEvents } from '@ticklegram/domain-models';

/*
 * Presence and collaboration events of the send pipeline, mirrored from its additions to the shared
 * event map (ConversationPresenceEvent, ConversationAssignedEvent, RoomAck) until they are committed;
 * the intersection below keeps the typed names of both.
 */
export interface PresenceMember {
  userId: string;
  name: string | null;
}

export interface PresenceUpdatedEvent {
  conversationId: string;
  viewers: PresenceMember[];
  typing: PresenceMember[];
}

export interface ConversationAssignedEvent {
  conversation: ConversationDto;
  previousAssigneeId: string | null;
  assignedBy: string | null;
}

export type RoomAckResult = { ok: true; viewers?: PresenceMember[]; typing?: PresenceMember[] } | { ok: false; code: string; message: string };

interface PendingServerEvents {
  'presence.updated': (payload: PresenceUpdatedEvent) => void;
  'conversation.assigned': (payload: ConversationAssignedEvent) => void;
}

interface PendingClientEvents {
  'conversation.join': (payload: { conversationId: string }, ack: (result: RoomAckResult) => void) => void;
  'conversation.leave': (payload: { conversationId: string }, ack: (result: RoomAckResult) => void) => void;
  'presence.typing': (payload: { conversationId: string; typing: boolean }, ack: (result: RoomAckResult) => void) => void;
}

export type InboxServerEvents = ServerToClientEvents & PendingServerEvents;
export type InboxClientEvents = ClientToServerEvents & PendingClientEvents;
export type InboxSocket = Socket<InboxServerEvents, InboxClientEvents>;

/**
 * One Socket.IO connection to the api origin. `auth` is a function so every (re)connect presents the
 * access token that is current at that moment, never the one from when the socket was created.
 */
export function createInboxSocket(apiUrl: string, getToken: () => string | null): InboxSocket {
  return io(apiUrl, {
    autoConnect: false,
    transports: ['websocket', 'polling'],
    withCredentials: true,
    auth: (cb) => cb({ token: getToken() ?? '' }),
  });
}

/** Whether a connect error is the handshake refusing our token (then refresh it before reconnecting). */
export function isAuthConnectError(error: Error): boolean {
  return error.message === 'AUTH_UNAUTHENTICATED';
}
