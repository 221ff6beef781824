import { Injectable } from '@nestjs/common';
import { MessageDto, MessagePlatform, MessagingErrorCode } from '@ticklegram/domain-models';
import { isMetaGraphError } from '@ticklegram/meta-graph';
import { Caller } from '../inbox/conversation-access.policy';
import { InboxGateway } from '../inbox/inbox.gateway';
import { ConversationNotFoundException } from '../inbox/inbox.exception';
import { ScopedConversationRepository } from '../inbox/repositories/scoped-conversation.repository';
import { ChannelsService } from '../channels/channels.service';
import { toMessageDto } from '../inbox/inbox.mapper';
import { ReactToMessageRequestDto } from './dto/send-message.request.dto';
import { MessagingException } from './messaging.exception';
import { OutboundGraphSender } from './outbound-graph.sender';
import { OutboundMessageRepository } from '../inbox/repositories/outbound-message.repository';

/** Instagram only knows the heart; Messenger takes any emoji (reference §4.3). */
const INSTAGRAM_REACTIONS = new Set(['love']);

/** The business reacts to (or un-reacts from) a customer's message through the Send API. */
@Injectable()
export class ReactionsService {
  constructor(
    private readonly conversations: ScopedConversationRepository,
    private readonly messages: OutboundMessageRepository,
    private readonly sender: OutboundGraphSender,
    private readonly channels: ChannelsService,
    private readonly events: InboxGateway,
  ) {}

  async react(caller: Caller, conversationId: string, mid: string, body: ReactToMessageRequestDto): Promise<MessageDto> {
    const conversation = await this.conversations.findVisible(caller, conversationId);
    if (!conversation) throw new ConversationNotFoundException();
    const message = await this.messages.findByMid(conversation.id, mid);
    if (!message) throw new MessagingException(MessagingErrorCode.MESSAGING_MESSAGE_NOT_FOUND, 'This message does not exist in this conversation.');
    const reaction = body.action === 'react' ? (body.reaction ?? 'love') : '';
    if (body.action === 'react' && conversation.platform === MessagePlatform.INSTAGRAM && !INSTAGRAM_REACTIONS.has(reaction)) {
      throw new MessagingException(MessagingErrorCode.MESSAGING_REACTION_FAILED, 'Instagram only lets businesses react with a heart ("love").', 400);
    }
    const channel = await this.channels.getById(conversation.channelId);
    if (!channel) throw new ConversationNotFoundException();
    try {
      await this.sender.react(channel, conversation.customerExternalId, mid, body.action, reaction);
    } catch (error) {
      if (isMetaGraphError(error)) {
        if (error.kind === 'reauth_required') await this.channels.recordGraphError(channel.id, error).catch(() => undefined);
        throw new MessagingException(MessagingErrorCode.MESSAGING_REACTION_FAILED, error.userMessage);
      }
      throw new MessagingException(MessagingErrorCode.MESSAGING_REACTION_FAILED, 'Meta could not be reached. Try again in a moment.');
    }
    const others = (message.reactions ?? []).filter((r) => r.by !== 'business');
    const isEmoji = conversation.platform === MessagePlatform.FACEBOOK && reaction !== 'love';
    message.reactions =
      body.action === 'react'
        ? [...others, { by: 'business', reaction: isEmoji ? 'other' : reaction, emoji: isEmoji ? reaction : null, at: new Date().toISOString() }]
        : others;
    const saved = await this.messages.save(message);
    this.events.message(conversation, saved, 'message.updated');
    return toMessageDto(saved);
  }
}
