import { Logger, OnModuleInit } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { ClientToServerEvents, rooms, ServerToClientEvents } from '@ticklegram/domain-models';
import { Server, Socket } from 'socket.io';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { bearerToken } from '../../common/guards/jwt-auth.guard';
import { AccessTokenService, AuthenticatedSession } from '../auth/access-token.service';
import { UserAccessChange, UserAccessEvents } from '../users/user-access-events';

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { user: AuthUser }>;
type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { user: AuthUser; expiresAt?: number }>;

/**
 * The one Socket.IO server. The access JWT is checked in the handshake (`auth.token`, or an
 * `Authorization: Bearer` header); a bad token never connects. Each socket joins its user and role
 * rooms; feature modules push through {@link RealtimeService}, never through this class.
 *
 * A socket lives no longer than the token it connected with, and a user's sockets are closed (on every
 * replica) the moment their access changes — deactivation, password reset, role change — so nobody keeps
 * receiving what they may no longer see. The client reconnects with a fresh token and is checked anew.
 */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit<RealtimeServer>, OnGatewayConnection<RealtimeSocket>, OnGatewayDisconnect<RealtimeSocket>, OnModuleInit {
  private readonly logger = new Logger(RealtimeGateway.name);
  private readonly expiryTimers = new Map<string, NodeJS.Timeout>();

  @WebSocketServer()
  server!: RealtimeServer;

  constructor(
    private readonly accessTokens: AccessTokenService,
    private readonly accessEvents: UserAccessEvents,
  ) {}

  onModuleInit(): void {
    this.accessEvents.subscribe((change) => this.closeSessionsOf(change));
  }

  afterInit(server: RealtimeServer): void {
    server.use((socket, next) => {
      void this.authenticate(socket as RealtimeSocket).then(
        (session) => {
          if (!session) return next(new Error('AUTH_UNAUTHENTICATED'));
          socket.data.user = session.user;
          (socket as RealtimeSocket).data.expiresAt = session.expiresAt.getTime();
          next();
        },
        (error: unknown) => {
          this.logger.error({ err: error }, 'socket handshake failed');
          next(new Error('AUTH_UNAUTHENTICATED'));
        },
      );
    });
  }

  async handleConnection(socket: RealtimeSocket): Promise<void> {
    const user = socket.data.user;
    this.closeWhenTokenExpires(socket);
    const joined = [rooms.user(user.id), rooms.role(user.role)];
    await socket.join(joined);
    socket.emit('session.ready', { userId: user.id, role: user.role, rooms: joined });
  }

  handleDisconnect(socket: RealtimeSocket): void {
    clearTimeout(this.expiryTimers.get(socket.id));
    this.expiryTimers.delete(socket.id);
  }

  @SubscribeMessage('session.ping')
  ping(): number {
    return Date.now();
  }

  private closeWhenTokenExpires(socket: RealtimeSocket): void {
    const remainingMs = Math.max(0, (socket.data.expiresAt ?? 0) - Date.now());
    const timer = setTimeout(() => {
      this.expiryTimers.delete(socket.id);
      socket.disconnect(true);
    }, remainingMs);
    timer.unref();
    this.expiryTimers.set(socket.id, timer);
  }

  /** Closes the user's sockets on every replica (the Redis adapter forwards the command). */
  private async closeSessionsOf(change: UserAccessChange): Promise<void> {
    if (!this.server || (!change.sessionsEnded && !change.newRole)) return;
    this.server.in(rooms.user(change.userId)).disconnectSockets(true);
  }

  private authenticate(socket: RealtimeSocket): Promise<AuthenticatedSession | null> {
    const auth = socket.handshake.auth as { token?: unknown };
    const token = typeof auth.token === 'string' ? auth.token : bearerToken(socket.handshake.headers.authorization);
    return this.accessTokens.authenticate(token);
  }
}
