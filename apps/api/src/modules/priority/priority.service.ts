import { Injectable } from '@nestjs/common';
import { ConversationDto, ConversationPriority } from '@ticklegram/domain-models';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { InboxGateway } from '../inbox/inbox.gateway';
import { ConversationNotFoundException } from '../inbox/inbox.exception';
import { ScopedConversationRepository } from '../inbox/repositories/scoped-conversation.repository';
import { toConversationDto } from '../inbox/inbox.mapper';

/** Conversation priority: anyone who may see the conversation sets it; its audience hears `conversation.updated`. */
@Injectable()
export class PriorityService {
  constructor(
    private readonly conversations: ScopedConversationRepository,
    private readonly events: InboxGateway,
  ) {}

  async set(caller: AuthUser, conversationId: string, priority: ConversationPriority): Promise<ConversationDto> {
    const conversation = await this.conversations.findVisible(caller, conversationId);
    if (!conversation) throw new ConversationNotFoundException();
    if (conversation.priority !== priority) await this.conversations.update(conversation.id, { priority });
    const fresh = (await this.conversations.findById(conversation.id)) ?? conversation;
    const contact = await this.conversations.contactOf(fresh);
    this.events.conversationUpdated(fresh, contact);
    return toConversationDto(fresh, contact);
  }
}
