import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { InboxMessageSource, LinkedConversationDto, MessagePlatform } from '@ticklegram/domain-models';
import { DataSource, In, Repository } from 'typeorm';
import { isDuplicateKeyError, isRetryableLockError } from '../../database/database-errors';
import { insertRow } from '../../database/fast-insert';
import type { CustomerProfile } from '../channels/channel-platform';
import type { ChannelRef } from '../channels/channel-ref';
import { ChannelsService } from '../channels/channels.service';
import { Caller, ConversationAccessPolicy } from './conversation-access.policy';
import { ContactEntity } from './entities/contact.entity';
import { ConversationEntity } from './entities/conversation.entity';
import { MessageEntity } from './entities/message.entity';
import { InboxGateway } from './inbox.gateway';
import { ConversationWriter } from './ingestion/conversation-writer';
import { touchConversation } from './ingestion/message-state.rules';
import { lockFor } from './ingestion/row-lock';

/** A customer's identity in a DM conversation. */
export interface ConversationCustomer {
  conversationId: string;
  channelId: string;
  platform: MessagePlatform;
  customerExternalId: string;
}

export interface BusinessMessageInput {
  customerExternalId: string;
  mid: string | null;
  text: string;
  sentAt: Date;
  senderUserId: string | null;
  source: Extract<InboxMessageSource, 'agent' | 'automation'>;
}

/**
 * The inbox's side of "one timeline per person", for the comments module: find a customer's
 * conversation by Meta's ids (with whether the caller may open it), and record a message the business
 * sent outside the conversation pipeline — a private reply to a comment opens or continues the
 * conversation, stored as sent; the echo webhook then matches it by mid.
 */
@Injectable()
export class CustomerConversationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ConversationEntity) private readonly conversations: Repository<ConversationEntity>,
    @InjectRepository(ContactEntity) private readonly contacts: Repository<ContactEntity>,
    private readonly writer: ConversationWriter,
    private readonly channels: ChannelsService,
    private readonly gateway: InboxGateway,
  ) {}

  /** The customer's conversation on this channel (any of the ids), and whether the caller may see it. */
  async find(caller: Caller, channelId: string, customerExternalIds: string[]): Promise<LinkedConversationDto | null> {
    const ids = [...new Set(customerExternalIds.filter(Boolean))];
    if (!ids.length) return null;
    const found = await this.conversations.findOne({ where: { channelId, customerExternalId: In(ids) }, order: { lastMessageAt: 'DESC' } });
    if (!found) return null;
    return { id: found.id, channelId: found.channelId, platform: found.platform, visible: ConversationAccessPolicy.canSee(caller, found) };
  }

  /** Who the conversation is with, if the caller may see it. */
  async customerOf(caller: Caller, conversationId: string): Promise<ConversationCustomer | null> {
    const found = await this.conversations.findOne({ where: ConversationAccessPolicy.where(caller, { id: conversationId }) });
    return found ? { conversationId: found.id, channelId: found.channelId, platform: found.platform, customerExternalId: found.customerExternalId } : null;
  }

  /** The customer's conversations on this channel, for announcing a change to whoever may see them (no caller: after-commit pushes). */
  ofCustomer(channelId: string, customerExternalId: string): Promise<Pick<ConversationEntity, 'id' | 'assigneeId'>[]> {
    return this.conversations.find({ select: { id: true, assigneeId: true }, where: { channelId, customerExternalId } });
  }

  async recordBusinessMessage(channel: ChannelRef, input: BusinessMessageInput): Promise<{ conversationId: string }> {
    const known = await this.contacts.exists({ where: { channelId: channel.id, externalId: input.customerExternalId } });
    const profile = known ? null : await this.channels.lookupCustomerProfile(channel, input.customerExternalId);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.recordOnce(channel, input, profile);
      } catch (error) {
        // the echo webhook created the same contact / conversation at the same moment: read it now
        if (attempt >= 3 || !(isDuplicateKeyError(error) || isRetryableLockError(error))) throw error;
      }
    }
  }

  private async recordOnce(channel: ChannelRef, input: BusinessMessageInput, profile: CustomerProfile | null): Promise<{ conversationId: string }> {
    const effects: (() => void)[] = [];
    const conversationId = await this.dataSource.transaction(async (m) => {
      const locked = await this.writer.lock(m, channel.id, input.customerExternalId);
      const { conversation, contact } = await this.writer.upsert(
        m,
        channel,
        { platform: channel.platform, customerExternalId: input.customerExternalId },
        profile,
        locked,
      );
      // the echo webhook was faster: it is our message, sent by this agent (or a rule)
      const claimEcho = async (): Promise<boolean> => {
        const echoed = input.mid ? await m.findOne(MessageEntity, { where: { channelId: channel.id, mid: input.mid }, ...lockFor(m) }) : null;
        if (!echoed) return false;
        echoed.source = input.source;
        echoed.senderUserId = input.senderUserId;
        await m.save(echoed);
        effects.push(() => this.gateway.message(conversation, echoed, 'message.updated'));
        return true;
      };
      if (await claimEcho()) return conversation.id;
      const message = m.create(MessageEntity, {
        conversationId: conversation.id,
        channelId: channel.id,
        platform: channel.platform,
        mid: input.mid,
        direction: 'outbound',
        status: 'sent',
        source: input.source,
        kind: 'message',
        senderUserId: input.senderUserId,
        clientKey: null,
        text: input.text,
        attachments: null,
        sentAt: input.sentAt,
      });
      try {
        await insertRow(m, MessageEntity, message);
      } catch (error) {
        // the echo landed between our read and our insert
        if (!isDuplicateKeyError(error) || !(await claimEcho())) throw error;
        return conversation.id;
      }
      touchConversation(conversation, message, null);
      await this.writer.save(m, conversation);
      effects.push(() => {
        this.gateway.message(conversation, message, 'message.created');
        this.gateway.conversationUpdated(conversation, contact);
      });
      return conversation.id;
    });
    for (const effect of effects) effect();
    return { conversationId };
  }
}
