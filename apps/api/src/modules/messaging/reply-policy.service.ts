import { Injectable } from '@nestjs/common';
import { decideReplyPolicy, MessagePlatform, OutboundSenderKind, ReplyPolicyResponse, Role, templateOptions } from '@ticklegram/domain-models';
import type { ChannelRef } from '../channels/channel-ref';
import { ChannelsService } from '../channels/channels.service';
import { ContactEntity } from '../inbox/entities/contact.entity';
import { ConversationEntity } from '../inbox/entities/conversation.entity';
import { toThreadOwnerDto } from '../inbox/inbox.mapper';
import { TemplateSendingService } from '../templates/template-sending.service';

/** Feeds the pure rules engine with the conversation's window, the channel's settings and its utility templates. */
@Injectable()
export class ReplyPolicyService {
  constructor(
    private readonly channels: ChannelsService,
    private readonly templates: TemplateSendingService,
  ) {}

  /** `role` decides which templates are listed (agents: approved ones only). */
  async evaluate(
    conversation: ConversationEntity,
    contact: Pick<ContactEntity, 'name' | 'displayName'> | null,
    sender: OutboundSenderKind = 'human',
    now = Date.now(),
    role: Role = Role.AGENT,
  ): Promise<{ policy: ReplyPolicyResponse; channel: ChannelRef | null }> {
    const channel = await this.channels.getById(conversation.channelId);
    const messenger = conversation.platform === MessagePlatform.FACEBOOK;
    // how many templates could go out if the window is closed; the final list below uses the real policy
    const listed = messenger
      ? await this.templates.options(role, { channelId: conversation.channelId, platform: conversation.platform, policyMode: 'template_required' })
      : [];
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
        approvedUtilityTemplates: messenger ? listed.filter((o) => o.usable).length : null,
        customerName: contact?.name ?? null,
      },
      now,
    );
    const templates = messenger
      ? templateOptions(
          listed.map((o) => o.template),
          { channelId: conversation.channelId, platform: conversation.platform, policyMode: policy.mode },
        )
      : undefined;
    return { policy: { ...policy, evaluatedAt: new Date(now).toISOString(), ...(templates ? { templates } : {}) }, channel };
  }
}
