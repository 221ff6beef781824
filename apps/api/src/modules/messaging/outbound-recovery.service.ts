import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ChannelsService } from '../channels/channels.service';
import { MessageRepository } from '../inbox/repositories/message.repository';
import { InboxGateway } from '../inbox/inbox.gateway';
import { ScopedConversationRepository } from '../inbox/repositories/scoped-conversation.repository';

/**
 * A send whose process died between "stored pending" and Meta's answer would stay pending forever.
 * At boot and on every reconciliation pass, such messages (no mid, pending longer than any Send API call
 * with its retries can take: `OUTBOUND_STUCK_PENDING_MS`) become `unknown` with an honest reason: Meta
 * may have delivered them. An echo that still arrives matches them by client key; otherwise
 * `OutboundReconciliationService` asks Meta, and only a send Meta does not have becomes retryable.
 */
@Injectable()
export class OutboundRecoveryService implements OnApplicationBootstrap {
  private readonly logger = new Logger(OutboundRecoveryService.name);

  constructor(
    private readonly messages: MessageRepository,
    private readonly channels: ChannelsService,
    private readonly conversations: ScopedConversationRepository,
    private readonly events: InboxGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.recover().catch((err: unknown) => this.logger.warn({ err }, 'could not recover interrupted sends'));
  }

  /** `channelIds`: every channel's id, when the caller has just read them (a reconciliation pass). */
  async recover(now = Date.now(), channelIds?: string[]): Promise<number> {
    channelIds ??= await this.channels.allIds();
    const stuck = await this.messages.findStuckPending(channelIds, new Date(now - this.config.outbound.stuckPendingMs), 500);
    let recovered = 0;
    for (const message of stuck) {
      const marked = await this.messages.markInterrupted(
        message.id,
        'Sending was interrupted before Meta confirmed it, so it may or may not have reached the customer. We are checking with Meta; it can be sent again only if Meta does not have it.',
      );
      if (!marked) continue;
      recovered += 1;
      const conversation = await this.conversations.findById(message.conversationId);
      const updated = await this.messages.findById(message.id);
      if (conversation && updated) this.events.message(conversation, updated, 'message.updated');
    }
    if (recovered) this.logger.warn({ recovered }, 'interrupted sends marked unknown (to be reconciled with Meta)');
    return recovered;
  }
}
