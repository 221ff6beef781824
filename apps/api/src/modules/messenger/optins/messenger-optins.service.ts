import { Injectable } from '@nestjs/common';
import { ConversationOptinsResponse, MessagePlatform } from '@ticklegram/domain-models';
import { Caller } from '../../inbox/conversation-access.policy';
import { CustomerConversationsService } from '../../inbox/customer-conversations.service';
import { ConversationNotFoundException } from '../../inbox/inbox.exception';
import { MessengerGateway } from '../messenger.gateway';
import { MessengerOptinRepository } from '../repositories/messenger-optin.repository';
import { toOptinDto } from './optin.mapper';

/** A customer's Messenger opt-ins, read through the conversation the caller may see, and announced when they change. */
@Injectable()
export class MessengerOptinsService {
  constructor(
    private readonly conversations: CustomerConversationsService,
    private readonly optins: MessengerOptinRepository,
    private readonly gateway: MessengerGateway,
  ) {}

  async ofConversation(caller: Caller, conversationId: string): Promise<ConversationOptinsResponse> {
    const customer = await this.conversations.customerOf(caller, conversationId);
    if (!customer) throw new ConversationNotFoundException();
    if (customer.platform !== MessagePlatform.FACEBOOK) return { items: [] };
    return { items: (await this.optins.ofCustomer(customer.channelId, customer.customerExternalId)).map(toOptinDto) };
  }

  /** After an opt-in event committed: the customer's opt-ins, to those who may see each of their conversations on the Page. */
  async announce(channelId: string, psid: string): Promise<void> {
    const conversations = await this.conversations.ofCustomer(channelId, psid);
    if (!conversations.length) return;
    const items = (await this.optins.ofCustomer(channelId, psid)).map(toOptinDto);
    for (const conversation of conversations) this.gateway.optinsUpdated(conversation, items);
  }
}
