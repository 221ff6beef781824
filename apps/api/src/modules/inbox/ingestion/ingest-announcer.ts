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
   * The message as it is now, to the audience of `conversation` as the caller holds it: read under its row lock, or
   * created in this transaction (unassigned: every agent hears it; round-robin assigns it only after the commit and
   * announces that itself) — ingestion never changes an assignee. Without it the audience is read after the commit.
   */
  message(
    ctx: ApplyContext,
    message: MessageEntity,
    event: 'message.created' | 'message.updated',
    existing?: Pick<ConversationEntity, 'id' | 'assigneeId'>,
  ): void {
    const dto = toMessageDto(message);
    if (existing) {
      const audience = { id: existing.id, assigneeId: existing.assigneeId };
      ctx.afterCommit(() => this.gateway.messageDto(audience, dto, event));
      return;
    }
    ctx.afterCommit(async () => {
      const row = await this.conversations.findById(message.conversationId).catch(() => null);
      if (row) this.gateway.messageDto(row, dto, event);
    });
  }

  conversation(ctx: ApplyContext, conversation: ConversationEntity, contact: ContactEntity): void {
    ctx.afterCommit(() => this.gateway.conversationUpdated(conversation, contact));
  }
}
