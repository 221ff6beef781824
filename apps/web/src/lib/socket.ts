import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@ticklegram/domain-models';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * One Socket.IO connection to the api origin. `auth` is a function so every (re)connect presents the
 * access token that is current at that moment, never the one from when the socket was created.
 */
export function createRealtimeSocket(apiUrl: string, getToken: () => string | null): RealtimeSocket {
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
