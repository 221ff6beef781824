import { Injectable } from '@nestjs/common';
import { ConversationCountsRepository } from './conversation-counts.repository';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AttributionDto,
  ConversationStatus,
  InboxMessageDirection,
  InboxMessageKind,
  InboxMessageSource,
  InboxMessageStatus,
  MessagePlatform,
} from '@ticklegram/domain-models';
import { In, MoreThan, Repository } from 'typeorm';
import { rawDate } from '../../../database/raw-date';
import { Caller, ConversationAccessPolicy } from '../conversation-access.policy';
import { ConversationEntity } from '../entities/conversation.entity';
import { MessageEntity } from '../entities/message.entity';

export interface ConversationFactsRow {
  id: string;
  channelId: string;
  platform: MessagePlatform;
  assigneeId: string | null;
  status: ConversationStatus;
  referral: AttributionDto | null;
}

export interface MessageFactRow {
  id: string;
  conversationId: string;
  direction: InboxMessageDirection;
  source: InboxMessageSource;
  status: InboxMessageStatus;
  kind: InboxMessageKind;
  sentAt: Date;
}

export interface LiveConversations {
  open: number;
  unassigned: number;
  waitingLongest: { conversationId: string; contactName: string | null; channelId: string; waitingSince: Date }[];
}

const OPEN: ConversationStatus[] = ['open', 'pending'];

/**
 * Read-only facts for reporting (the analytics module): a conversation's fields without text, its messages'
 * direction/source/status/time one conversation at a time (never a scan), and what is open right now.
 */
@Injectable()
export class ConversationFactsRepository {
  constructor(
    @InjectRepository(ConversationEntity) private readonly conversations: Repository<ConversationEntity>,
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    private readonly counts: ConversationCountsRepository,
  ) {}

  findMany(ids: string[]): Promise<ConversationFactsRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.conversations.find({
      where: { id: In(ids) },
      select: { id: true, channelId: true, platform: true, assigneeId: true, status: true, referral: true },
    });
  }

  /**
   * Conversations whose last message is at or after `since`, oldest first, `limit` after the cursor (a range of
   * `idx_conversations_last_message_scope`).
   */
  async activeSince(since: Date, after: { lastMessageAt: Date; id: string } | null, limit: number): Promise<{ id: string; lastMessageAt: Date }[]> {
    const qb = this.conversations
      .createQueryBuilder('c')
      .select(['c.id AS id'])
      .addSelect('c.last_message_at', 'lastMessageAt')
      .where('c.last_message_at >= :since', { since });
    if (after) qb.andWhere('(c.last_message_at > :at OR (c.last_message_at = :at AND c.id > :id))', { at: after.lastMessageAt, id: after.id });
    const rows = await qb.orderBy('c.last_message_at', 'ASC').addOrderBy('c.id', 'ASC').limit(limit).getRawMany<{ id: string; lastMessageAt: string | Date }>();
    return rows.map((r) => ({ id: r.id, lastMessageAt: rawDate(r.lastMessageAt) }));
  }

  /** Conversation ids in id order, `limit` after `afterId` (rebuilds walk every conversation). */
  async pageIds(afterId: string | null, limit: number): Promise<string[]> {
    const rows = await this.conversations.find({ where: afterId ? { id: MoreThan(afterId) } : {}, select: { id: true }, order: { id: 'ASC' }, take: limit });
    return rows.map((r) => r.id);
  }

  /**
   * The messages of these conversations (a page of a rebuild, or one conversation), by conversation index. Read raw, not
   * as entities: the analytics projector reads every message of each conversation it recomputes, many times a second
   * under load, and TypeORM's hydration of those rows cost more than the query.
   */
  async messageFacts(conversationIds: string[]): Promise<MessageFactRow[]> {
    if (!conversationIds.length) return [];
    const rows = await this.messages
      .createQueryBuilder('m')
      .select(['m.id AS id', 'm.conversation_id AS conversationId', 'm.direction AS direction', 'm.source AS source', 'm.status AS status', 'm.kind AS kind'])
      .addSelect('m.sent_at', 'sentAt')
      .where('m.conversation_id IN (:...conversationIds)', { conversationIds })
      .orderBy('m.sent_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .getRawMany<Omit<MessageFactRow, 'sentAt'> & { sentAt: string | Date }>();
    return rows.map((row) => ({ ...row, sentAt: rawDate(row.sentAt) }));
  }

  async live(caller: Caller, limit = 5): Promise<LiveConversations> {
    const counts = await this.counts.openNow(caller);
    const waiting = await ConversationAccessPolicy.applyTo(this.conversations.createQueryBuilder('c'), caller, 'c')
      .leftJoin('contacts', 'contact', 'contact.id = c.contact_id')
      .select(['c.id AS id', 'c.channel_id AS channelId', 'c.last_customer_message_at AS waitingSince', 'contact.display_name AS contactName'])
      .andWhere('c.status IN (:...open)', { open: OPEN })
      .andWhere("c.last_message_direction = 'inbound'")
      .andWhere('c.last_customer_message_at IS NOT NULL')
      .orderBy('c.last_customer_message_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string; channelId: string; waitingSince: string | Date; contactName: string | null }>();
    return {
      open: counts.open,
      unassigned: counts.unassigned,
      waitingLongest: waiting.map((w) => ({ conversationId: w.id, channelId: w.channelId, contactName: w.contactName, waitingSince: rawDate(w.waitingSince) })),
    };
  }
}
