import { SocketEventAuthz } from '../authz-entry';

/** realtime/ and collaboration/ socket events (client → server) */
export const SOCKET_EVENTS: SocketEventAuthz[] = [
  { event: 'session.ping' },
  { event: 'conversation.join', conversation: true, payload: (conversationId) => ({ conversationId }) },
  { event: 'conversation.leave', payload: (conversationId) => ({ conversationId }) },
  // only sockets that joined (passed the scope check) may type in a conversation
  { event: 'presence.typing', conversation: true, payload: (conversationId) => ({ conversationId, typing: true }) },
];
