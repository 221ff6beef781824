import { Injectable } from '@nestjs/common';
import { ConversationAssignedEvent, ConversationDto, MessageDto, MessageEventPayload, Role, rooms } from '@ticklegram/domain-models';
import { RealtimeService } from '../realtime/realtime.service';
import { ConversationAccessPolicy } from './conversation-access.policy';
import { InboxActivity } from './inbox-activity';
import { ContactEntity } from './entities/contact.entity';
import { ConversationEntity } from './entities/conversation.entity';
import { MessageEntity } from './entities/message.entity';
import { toConversationDto, toMessageDto } from './inbox.mapper';

/**
 * The inbox's realtime events (`conversation.*`, `message.*`), sent only to sockets that may see the
 * conversation: its room (joined through the scope check), the assignee, admins, and — while it is
 * unassigned — every agent. Other modules announce conversation changes through these methods, never by
 * emitting the events themselves. Call after the transaction that made the change has committed.
 */
@Injectable()
export class InboxGateway {
  constructor(
    private readonly realtime: RealtimeService,
    private readonly activity: InboxActivity,
  ) {}

  /** The rooms allowed to see a conversation with this assignee. */
  audience(conversationId: string, assigneeId: string | null, extraUserIds: (string | null)[] = []): string[] {
    const targets = new Set<string>([rooms.conversation(conversationId), rooms.role(Role.ADMIN)]);
    if (assigneeId) targets.add(rooms.user(assigneeId));
    else targets.add(rooms.role(Role.AGENT));
    for (const id of extraUserIds) if (id) targets.add(rooms.user(id));
    return [...targets];
  }

  message(conversation: Pick<ConversationEntity, 'id' | 'assigneeId'>, message: MessageEntity, event: 'message.created' | 'message.updated'): void {
    this.messageDto(conversation, toMessageDto(message), event);
  }

  /** Same, with the message as it was when the caller mapped it. */
  messageDto(conversation: Pick<ConversationEntity, 'id' | 'assigneeId'>, message: MessageDto, event: 'message.created' | 'message.updated'): void {
    const payload: MessageEventPayload = { conversationId: conversation.id, message };
    this.realtime.toRooms(this.audience(conversation.id, conversation.assigneeId), event, payload);
    const { id, direction, source, status, kind, sentAt } = message;
    this.activity.touched({
      conversationId: conversation.id,
      part: { kind: 'message', message: { id, direction, source, status, kind, sentAt: new Date(sentAt) } },
    });
  }

  /**
   * Messages of the conversation changed that were not announced one by one (a long history merged, a row removed):
   * nobody's view needs an event for them, but reporting must recompute the conversation.
   */
  messagesChanged(conversationId: string): void {
    this.activity.touched({ conversationId });
  }

  /** `extra`: fields the caller loaded beyond the entity (e.g. labels). */
  conversationUpdated(conversation: ConversationEntity, contact: ContactEntity, extra: Partial<ConversationDto> = {}): void {
    this.realtime.toRooms(this.audience(conversation.id, conversation.assigneeId), 'conversation.updated', {
      conversation: { ...toConversationDto(conversation, contact), ...extra },
    });
    this.activity.touched({ conversationId: conversation.id, status: conversation.status, part: { kind: 'conversation' } });
  }

  /**
   * Those who could see it before hear it too, so their lists drop it: the previous assignee, and every
   * agent when it was unassigned until now. Nobody else learns about it.
   */
  assigned(conversation: ConversationEntity, contact: ContactEntity, previousAssigneeId: string | null, assignedBy: string | null): void {
    const payload: ConversationAssignedEvent = { conversation: toConversationDto(conversation, contact), previousAssigneeId, assignedBy };
    const audience = new Set(this.audience(conversation.id, conversation.assigneeId, [previousAssigneeId]));
    if (previousAssigneeId === null) audience.add(rooms.role(Role.AGENT));
    this.realtime.toRooms([...audience], 'conversation.assigned', payload);
    this.activity.touched({ conversationId: conversation.id, status: conversation.status, part: { kind: 'conversation' } });
  }

  /** Removes from the conversation's room the sockets of users who may no longer see it; returns their ids. */
  evictUnauthorized(conversation: Pick<ConversationEntity, 'id' | 'assigneeId'>): Promise<string[]> {
    return this.realtime.leaveRoomUnless(rooms.conversation(conversation.id), (user) => ConversationAccessPolicy.canSee(user, conversation));
  }
}
