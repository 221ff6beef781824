import { Injectable } from '@nestjs/common';
import { ApplyContext } from '../../webhooks/ingestion/event-applier';
import { ContactEntity } from '../entities/contact.entity';
import { ConversationEntity } from '../entities/conversation.entity';
import { MessageEntity } from '../entities/message.entity';
import { InboxGateway } from '../inbox.gateway';
import { toMessageDto } from '../inbox.mapper';
import { ScopedConversationRepository } from '../repositories/scoped-conversation.repository';

/** Queues ingestion's realtime events for after the commit, through the inbox gateway. */
@Injectable()
export class IngestAnnouncer {
  constructor(
    private readonly gateway: InboxGateway,
    private readonly conversations: ScopedConversationRepository,
  ) {}

  /**
   * The message as it is now; the audience is read after the commit, because round-robin may have
   * assigned a conversation created in this very transaction.
   */
  message(ctx: ApplyContext, message: MessageEntity, event: 'message.created' | 'message.updated'): void {
    const dto = toMessageDto(message);
    ctx.afterCommit(async () => {
      const row = await this.conversations.findById(message.conversationId).catch(() => null);
      if (row) this.gateway.messageDto(row, dto, event);
    });
  }

  conversation(ctx: ApplyContext, conversation: ConversationEntity, contact: ContactEntity): void {
    ctx.afterCommit(() => this.gateway.conversationUpdated(conversation, contact));
  }
}
