import { Injectable } from '@nestjs/common';
import { Role, rooms, ServerEventName, ServerEventPayload } from '@ticklegram/domain-models';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { RealtimeGateway } from './realtime.gateway';

/**
 * The typed façade every feature module uses to push live updates. Emit only after the database
 * transaction that produced the change has committed.
 */
@Injectable()
export class RealtimeService {
  constructor(private readonly gateway: RealtimeGateway) {}

  toUser<E extends ServerEventName>(userId: string, event: E, payload: ServerEventPayload<E>): void {
    this.emit(rooms.user(userId), event, payload);
  }

  toRole<E extends ServerEventName>(role: Role, event: E, payload: ServerEventPayload<E>): void {
    this.emit(rooms.role(role), event, payload);
  }

  toConversation<E extends ServerEventName>(conversationId: string, event: E, payload: ServerEventPayload<E>): void {
    this.emit(rooms.conversation(conversationId), event, payload);
  }

  /** One emit to the union of rooms: a socket in several of them receives the event once. */
  toRooms<E extends ServerEventName>(roomNames: string[], event: E, payload: ServerEventPayload<E>): void {
    if (roomNames.length === 0) return;
    this.emit(roomNames, event, payload);
  }

  /**
   * Makes the sockets of users who may no longer see a conversation leave its room (works across
   * replicas with the Redis adapter). Returns the user ids removed.
   */
  async leaveRoomUnless(room: string, mayStay: (user: AuthUser) => boolean): Promise<string[]> {
    const server = this.gateway.server;
    if (!server) return [];
    const sockets = await server.in(room).fetchSockets();
    const removed = new Set<string>();
    for (const socket of sockets) {
      const user = socket.data.user;
      if (user && !mayStay(user)) {
        socket.leave(room);
        removed.add(user.id);
      }
    }
    return [...removed];
  }

  private emit<E extends ServerEventName>(room: string | string[], event: E, payload: ServerEventPayload<E>): void {
    // the server exists once the HTTP server listens; before that there is nobody to tell
    const server = this.gateway.server;
    if (!server) return;
    (server.to(room).emit as (event: string, payload: unknown) => boolean)(event, payload);
  }
}
