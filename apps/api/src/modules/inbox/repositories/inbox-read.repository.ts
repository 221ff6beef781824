import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, Repository } from 'typeorm';
import { Caller, ConversationAccessPolicy } from '../../assignment/conversation-access.policy';
import { ContactEntity } from '../entities/contact.entity';
import { ConversationEntity } from '../entities/conversation.entity';
import { MessageEntity } from '../entities/message.entity';

export interface ConversationPageCursor {
  lastMessageAt: Date;
  id: string;
}

/** Reads of the inbox (lists and threads), always within the caller's scope (ConversationAccessPolicy). */
@Injectable()
export class InboxReadRepository {
  constructor(
    @InjectRepository(ConversationEntity) private readonly conversations: Repository<ConversationEntity>,
    @InjectRepository(ContactEntity) private readonly contacts: Repository<ContactEntity>,
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
  ) {}

  /** Newest activity first; ties broken by id, so the cursor is stable. */
  async listConversations(caller: Caller, options: { search?: string; after?: ConversationPageCursor; limit: number }): Promise<{ conversation: ConversationEntity; contact: ContactEntity }[]> {
    const qb = this.conversations
      .createQueryBuilder('c')
      .innerJoin(ContactEntity, 'ct', 'ct.id = c.contact_id')
      .where('c.last_message_at IS NOT NULL')
      .orderBy('c.last_message_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(options.limit);
    ConversationAccessPolicy.applyTo(qb, caller, 'c');
    if (options.after) {
      const { lastMessageAt, id } = options.after;
      qb.andWhere(new Brackets((w) => w.where('c.last_message_at < :at', { at: lastMessageAt }).orWhere('c.last_message_at = :at AND c.id < :id', { at: lastMessageAt, id })));
    }
    if (options.search) {
      const like = `%${options.search.replace(/[!%_]/g, (ch) => `!${ch}`)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w
            .where("LOWER(ct.display_name) LIKE LOWER(:like) ESCAPE '!'", { like })
            .orWhere("LOWER(ct.username) LIKE LOWER(:like) ESCAPE '!'", { like })
            .orWhere("EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND LOWER(m.text) LIKE LOWER(:like) ESCAPE '!')", { like }),
        ),
      );
    }
    const conversations = await qb.getMany();
    if (!conversations.length) return [];
    const contacts = await this.contacts.findBy({ id: In(conversations.map((c) => c.contactId)) });
    const byId = new Map(contacts.map((c) => [c.id, c]));
    return conversations.flatMap((conversation) => {
      const contact = byId.get(conversation.contactId);
      return contact ? [{ conversation, contact }] : [];
    });
  }

  findConversation(caller: Caller, id: string): Promise<ConversationEntity | null> {
    return this.conversations.findOne({ where: ConversationAccessPolicy.where(caller, { id }) });
  }

  /** The newest `limit` messages sent before the cursor, returned oldest first. */
  async listMessages(conversationId: string, options: { before?: { sentAt: Date; id: string }; limit: number }): Promise<MessageEntity[]> {
    const qb = this.messages
      .createQueryBuilder('m')
      .where('m.conversation_id = :conversationId', { conversationId })
      .orderBy('m.sent_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(options.limit);
    if (options.before) {
      const { sentAt, id } = options.before;
      qb.andWhere(new Brackets((w) => w.where('m.sent_at < :at', { at: sentAt }).orWhere('m.sent_at = :at AND m.id < :id', { at: sentAt, id })));
    }
    return (await qb.getMany()).reverse();
  }
}
