import { Injectable, Logger } from '@nestjs/common';
import { ChannelStatus, MESSAGING_WINDOW_MS } from '@ticklegram/domain-models';
import { isMetaGraphError } from '@ticklegram/meta-graph';
import { ChannelsService } from '../channels/channels.service';
import { ConversationEntity } from '../inbox/entities/conversation.entity';
import { OutboundGraphSender } from './outbound-graph.sender';

/**
 * What the customer sees of the team without a message: "Seen" when an agent reads the thread and
 * "typing…" while one types. Best effort: only inside the 24 h window on an active channel, never
 * blocking the caller, failures only logged (a rejected token still marks the channel).
 */
@Injectable()
export class SenderActionsService {
  private readonly logger = new Logger(SenderActionsService.name);

  constructor(
    private readonly sender: OutboundGraphSender,
    private readonly channels: ChannelsService,
  ) {}

  markSeen(conversation: ConversationEntity): Promise<boolean> {
    return this.fire(conversation, 'mark_seen');
  }

  typing(conversation: ConversationEntity, on: boolean): Promise<boolean> {
    return this.fire(conversation, on ? 'typing_on' : 'typing_off');
  }

  private async fire(conversation: ConversationEntity, action: 'mark_seen' | 'typing_on' | 'typing_off', now = Date.now()): Promise<boolean> {
    const last = conversation.lastCustomerMessageAt?.getTime();
    if (last === undefined || now - last >= MESSAGING_WINDOW_MS) return false;
    try {
      const channel = await this.channels.getById(conversation.channelId);
      if (!channel || channel.status !== ChannelStatus.ACTIVE) return false;
      await this.sender.senderAction(channel, conversation.customerExternalId, action);
      return true;
    } catch (error) {
      if (isMetaGraphError(error) && error.kind === 'reauth_required') await this.channels.recordGraphError(conversation.channelId, error).catch(() => undefined);
      this.logger.warn({ conversationId: conversation.id, action, code: isMetaGraphError(error) ? error.code : undefined }, 'sender action failed');
      return false;
    }
  }
}
