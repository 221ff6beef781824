import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayConnection, OnGatewayDisconnect, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { ClientToServerEvents, RoomAck, rooms, ServerToClientEvents } from '@ticklegram/domain-models';
import { Socket } from 'socket.io';
import { ScopedConversationRepository } from '../inbox/repositories/scoped-conversation.repository';
import { SenderActionsService } from '../messaging/sender-actions.service';
import { PresenceService, PresenceSocketData } from '../realtime/presence.service';
import { UserRepository } from '../users/repositories/user.repository';

type CollaborationSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, PresenceSocketData>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND: RoomAck = { ok: false, code: 'MESSAGING_CONVERSATION_NOT_FOUND', message: 'This conversation does not exist or is not available to you.' };

function conversationIdOf(payload: unknown): string | null {
  const id = (payload as { conversationId?: unknown } | null)?.conversationId;
  return typeof id === 'string' && UUID.test(id) ? id : null;
}

/**
 * Conversation rooms and presence on the shared Socket.IO server (the handshake is authenticated by
 * RealtimeGateway's middleware). A socket joins `conversation:{id}` only if its user may see the
 * conversation; joining means "viewing" for presence.
 */
@WebSocketGateway()
export class CollaborationGateway implements OnGatewayConnection<CollaborationSocket>, OnGatewayDisconnect<CollaborationSocket> {
  private readonly logger = new Logger(CollaborationGateway.name);

  constructor(
    private readonly conversations: ScopedConversationRepository,
    private readonly presence: PresenceService,
    private readonly users: UserRepository,
    private readonly senderActions: SenderActionsService,
  ) {}

  async handleConnection(socket: CollaborationSocket): Promise<void> {
    const user = socket.data.user;
    if (!user) return;
    const record = await this.users.findById(user.id).catch(() => null);
    if (!socket.connected) return;
    await this.presence.connected(socket, record?.name ?? user.email).catch((err: unknown) => this.logger.warn({ err }, 'presence registration failed'));
  }

  async handleDisconnect(socket: CollaborationSocket): Promise<void> {
    const user = socket.data.user;
    if (user) await this.presence.disconnected(socket.id, user, socket.data.name).catch((err: unknown) => this.logger.warn({ err }, 'presence cleanup failed'));
  }

  @SubscribeMessage('conversation.join')
  async join(@ConnectedSocket() socket: CollaborationSocket, @MessageBody() payload: unknown): Promise<RoomAck> {
    const id = conversationIdOf(payload);
    if (!id) return { ok: false, code: 'VALIDATION_FAILED', message: 'conversationId must be a conversation id.' };
    try {
      const conversation = await this.conversations.findVisible(socket.data.user, id);
      if (!conversation) return NOT_FOUND;
      await socket.join(rooms.conversation(id));
      const snapshot = await this.presence.startViewing(id, socket);
      return { ok: true, viewers: snapshot.viewers, typing: snapshot.typing };
    } catch (error) {
      this.logger.error({ err: error, conversationId: id }, 'conversation.join failed');
      return { ok: false, code: 'INTERNAL_ERROR', message: 'Could not open this conversation live. Try again.' };
    }
  }

  @SubscribeMessage('conversation.leave')
  async leave(@ConnectedSocket() socket: CollaborationSocket, @MessageBody() payload: unknown): Promise<RoomAck> {
    const id = conversationIdOf(payload);
    if (!id) return { ok: false, code: 'VALIDATION_FAILED', message: 'conversationId must be a conversation id.' };
    await socket.leave(rooms.conversation(id));
    await this.presence.stopViewing(id, socket);
    return { ok: true };
  }

  @SubscribeMessage('presence.typing')
  typing(@ConnectedSocket() socket: CollaborationSocket, @MessageBody() payload: unknown): RoomAck {
    const id = conversationIdOf(payload);
    if (!id) return { ok: false, code: 'VALIDATION_FAILED', message: 'conversationId must be a conversation id.' };
    // only sockets that passed the scope check on join are in the room
    if (!socket.rooms.has(rooms.conversation(id))) return NOT_FOUND;
    const typing = (payload as { typing?: unknown }).typing === true;
    if (this.presence.setTyping(id, socket, typing)) void this.tellCustomer(id, typing);
    return { ok: true };
  }

  /** The customer sees "typing…" too (best effort, inside the window). */
  private async tellCustomer(conversationId: string, typing: boolean): Promise<void> {
    const conversation = await this.conversations.findById(conversationId).catch(() => null);
    if (conversation) await this.senderActions.typing(conversation, typing);
  }
}
