import { Injectable } from '@nestjs/common';
import { Role, rooms, ServerEventName, ServerEventPayload } from '@ticklegram/domain-models';
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

  private emit<E extends ServerEventName>(room: string, event: E, payload: ServerEventPayload<E>): void {
    // the server exists once the HTTP server listens; before that there is nobody to tell
    const server = this.gateway.server;
    if (!server) return;
    (server.to(room).emit as (event: string, payload: unknown) => boolean)(event, payload);
  }
}
