import { Injectable } from '@nestjs/common';
import { decideReplyPolicy, OutboundSenderKind, ReplyPolicyResponse } from '@ticklegram/domain-models';
import type { ChannelRef } from '../channels/channel-ref';
import { ChannelsService } from '../channels/channels.service';
import { ContactEntity } from '../inbox/entities/contact.entity';
import { ConversationEntity } from '../inbox/entities/conversation.entity';
import { toThreadOwnerDto } from '../inbox/inbox.mapper';

/** Feeds the pure rules engine with the conversation's window and the channel's settings. */
@Injectable()
export class ReplyPolicyService {
  constructor(private readonly channels: ChannelsService) {}

  async evaluate(
    conversation: ConversationEntity,
    contact: Pick<ContactEntity, 'name' | 'displayName'> | null,
    sender: OutboundSenderKind = 'human',
    now = Date.now(),
  ): Promise<{ policy: ReplyPolicyResponse; channel: ChannelRef | null }> {
    const channel = await this.channels.getById(conversation.channelId);
    const policy = decideReplyPolicy(
      {
        platform: conversation.platform,
        lastCustomerMessageAt: conversation.lastCustomerMessageAt ? conversation.lastCustomerMessageAt.getTime() : null,
        channel: {
          humanAgentEnabled: channel?.humanAgentEnabled ?? false,
          channelStatus: channel?.status ?? 'disconnected',
          sendingBlocked: channel?.restriction?.action === 'block' ? { reason: channel.restriction.reason } : null,
        },
        threadOwner: toThreadOwnerDto(conversation),
        sender,
        // utility templates arrive with the templates issue; null = "not known yet" and the reason says so
        approvedUtilityTemplates: null,
        customerName: contact?.name ?? null,
      },
      now,
    );
    return { policy: { ...policy, evaluatedAt: new Date(now).toISOString() }, channel };
  }
}
