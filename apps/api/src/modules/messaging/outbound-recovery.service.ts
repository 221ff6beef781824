import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { MessageEntity } from '../inbox/entities/message.entity';
import { ConversationEventsPublisher } from '../assignment/conversation-events.publisher';
import { ScopedConversationRepository } from '../assignment/scoped-conversation.repository';

/** Longer than any Send API call with its retries can take. */
export const STUCK_PENDING_MS = 5 * 60_000;

/**
 * A send whose process died between "stored pending" and Meta's answer would stay pending forever.
 * At boot, such messages (no mid, older than a few minutes) become `failed` with an honest reason, so
 * the agent sees them and can retry; an echo that still arrives matches them by client key and wins.
 */
@Injectable()
export class OutboundRecoveryService implements OnApplicationBootstrap {
  private readonly logger = new Logger(OutboundRecoveryService.name);

  constructor(
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    private readonly conversations: ScopedConversationRepository,
    private readonly events: ConversationEventsPublisher,
  ) {}

  onApplicationBootstrap(): void {
    void this.recover().catch((err: unknown) => this.logger.warn({ err }, 'could not recover interrupted sends'));
  }

  async recover(now = Date.now()): Promise<number> {
    const stuck = await this.messages.find({
      where: { status: 'pending', source: 'agent', direction: 'outbound', createdAt: LessThan(new Date(now - STUCK_PENDING_MS)) },
      take: 500,
    });
    let recovered = 0;
    for (const message of stuck) {
      if (message.mid) continue;
      const result = await this.messages
        .createQueryBuilder()
        .update(MessageEntity)
        .set({
          status: 'failed',
          errorCode: 'INTERRUPTED',
          errorMessage: 'Sending was interrupted before Meta confirmed it. Check the conversation on the phone app, then retry if it is missing.',
          updatedAt: new Date(),
        })
        .where('id = :id AND status = :pending AND mid IS NULL', { id: message.id, pending: 'pending' })
        .execute();
      if (!result.affected) continue;
      recovered += 1;
      const conversation = await this.conversations.findById(message.conversationId);
      const updated = await this.messages.findOneBy({ id: message.id });
      if (conversation && updated) this.events.message(conversation, updated, 'message.updated');
    }
    if (recovered) this.logger.warn({ recovered }, 'interrupted sends marked failed');
    return recovered;
  }
}
