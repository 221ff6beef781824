import { Injectable, Logger } from '@nestjs/common';
import { ChannelStatus, MESSAGING_WINDOW_MS } from '@ticklegram/domain-models';
import { isMetaGraphError } from '@ticklegram/meta-graph';
import { ChannelsService } from '../channels/channels.service';
import { ConversationEntity } from '../inbox/entities/conversation.entity';
import { OutboundGraphSender } from './outbound-graph.sender';

const TYPING_RESEND_MS = 5_000;

/**
 * What the customer sees of the team without a message: "Seen" when an agent reads the thread and
 * "typing…" while one types. Best effort: only inside the 24 h window on an active channel while this
 * app owns the thread, never blocking the caller, failures only logged (a rejected token still marks
 * the channel).
 */
@Injectable()
export class SenderActionsService {
  private readonly logger = new Logger(SenderActionsService.name);
  /** conversationId → last typing_on sent (Meta shows it for ~20 s; a chatty composer must not flood the Send API). */
  private readonly typingSentAt = new Map<string, number>();

  constructor(
    private readonly sender: OutboundGraphSender,
    private readonly channels: ChannelsService,
  ) {}

  markSeen(conversation: ConversationEntity): Promise<boolean> {
    return this.fire(conversation, 'mark_seen');
  }

  typing(conversation: ConversationEntity, on: boolean, now = Date.now()): Promise<boolean> {
    if (on) {
      const last = this.typingSentAt.get(conversation.id);
      if (last !== undefined && now - last < TYPING_RESEND_MS) return Promise.resolve(false);
      this.typingSentAt.set(conversation.id, now);
      if (this.typingSentAt.size > 10_000) this.typingSentAt.clear();
    } else {
      this.typingSentAt.delete(conversation.id);
    }
    return this.fire(conversation, on ? 'typing_on' : 'typing_off');
  }

  private async fire(conversation: ConversationEntity, action: 'mark_seen' | 'typing_on' | 'typing_off', now = Date.now()): Promise<boolean> {
    const last = conversation.lastCustomerMessageAt?.getTime();
    if (last === undefined || now - last >= MESSAGING_WINDOW_MS) return false;
    // another app owns the thread (handover): Meta refuses our sender actions (10/2018300)
    if (conversation.threadOwner === 'other_app') return false;
    try {
      const channel = await this.channels.getById(conversation.channelId);
      if (!channel || channel.status !== ChannelStatus.ACTIVE) return false;
      await this.sender.senderAction(channel, conversation.customerExternalId, action);
      return true;
    } catch (error) {
      if (isMetaGraphError(error) && error.kind === 'reauth_required')
        await this.channels.recordGraphError(conversation.channelId, error).catch(() => undefined);
      this.logger.warn({ conversationId: conversation.id, action, code: isMetaGraphError(error) ? error.code : undefined }, 'sender action failed');
      return false;
    }
  }
}
