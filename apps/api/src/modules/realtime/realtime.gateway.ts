import { Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { ClientToServerEvents, rooms, ServerToClientEvents } from '@ticklegram/domain-models';
import { Server, Socket } from 'socket.io';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { bearerToken } from '../../common/guards/jwt-auth.guard';
import { AccessTokenService } from '../auth/access-token.service';
import { UserRepository } from '../users/repositories/user.repository';

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { user: AuthUser }>;
type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { user: AuthUser }>;

/**
 * The one Socket.IO server. The access JWT is checked in the handshake (`auth.token`, or an
 * `Authorization: Bearer` header); a bad token never connects. Each socket joins its user and role
 * rooms; feature modules push through {@link RealtimeService}, never through this class.
 */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit<RealtimeServer>, OnGatewayConnection<RealtimeSocket> {
  private readonly logger = new Logger(RealtimeGateway.name);

  @WebSocketServer()
  server!: RealtimeServer;

  constructor(
    private readonly accessTokens: AccessTokenService,
    private readonly users: UserRepository,
  ) {}

  afterInit(server: RealtimeServer): void {
    server.use((socket, next) => {
      void this.authenticate(socket as RealtimeSocket).then(
        (user) => {
          if (!user) return next(new Error('AUTH_UNAUTHENTICATED'));
          socket.data.user = user;
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
    const joined = [rooms.user(user.id), rooms.role(user.role)];
    await socket.join(joined);
    socket.emit('session.ready', { userId: user.id, role: user.role, rooms: joined });
  }

  @SubscribeMessage('session.ping')
  ping(): number {
    return Date.now();
  }

  private async authenticate(socket: RealtimeSocket): Promise<AuthUser | null> {
    const auth = socket.handshake.auth as { token?: unknown };
    const token = typeof auth.token === 'string' ? auth.token : bearerToken(socket.handshake.headers.authorization);
    const claims = await this.accessTokens.verify(token);
    if (!claims) return null;
    const user = await this.users.findById(claims.id);
    return user && user.active ? { id: user.id, email: user.email, role: user.role } : null;
  }
}
