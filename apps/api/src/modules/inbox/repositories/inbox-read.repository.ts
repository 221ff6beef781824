import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ConversationStatus, MessagePlatform } from '@ticklegram/domain-models';
import { Brackets, In, Not, Repository, SelectQueryBuilder } from 'typeorm';
import { searchSql } from '../../../common/search/search-sql';
import { dialectOf } from '../../../database/column-types';
import { rawDate } from '../../../database/raw-date';
import { Caller, ConversationAccessPolicy } from '../conversation-access.policy';
import { ContactEntity } from '../entities/contact.entity';
import { ConversationEntity } from '../entities/conversation.entity';
import { MessageEntity } from '../entities/message.entity';
import { ConversationSearchCondition } from './inbox-search.repository';

export interface ConversationPageCursor {
  lastMessageAt: Date;
  id: string;
}

/** A listed conversation as a search walk needs it: its place in the list and which query terms its documents hold. */
export interface ConversationKey {
  id: string;
  contactId: string;
  lastMessageAt: Date;
  /** Per query term: its `conversation_terms` row (a superset of its message documents' terms) holds it. */
  holds: boolean[];
  /** Per query term: its contact's `contact_search` document holds it. */
  contactHolds: boolean[];
}

/** Server-side list filters; `assignee` is a user id, `null` for unassigned, absent for anyone. */
export interface ConversationListFilter {
  /** From `InboxSearchRepository.condition`. */
  search?: ConversationSearchCondition;
  platform?: MessagePlatform;
  channelId?: string;
  status?: ConversationStatus;
  assigneeId?: string | null;
  unread?: boolean;
  /** "Has this label", as the labels module phrases it over the conversations alias `c`. */
  labelCondition?: { sql: string; params: Record<string, string> };
}

/** Reads of the inbox (lists and threads), always within the caller's scope (ConversationAccessPolicy). */
@Injectable()
export class InboxReadRepository {
  constructor(
    @InjectRepository(ConversationEntity) private readonly conversations: Repository<ConversationEntity>,
    @InjectRepository(ContactEntity) private readonly contacts: Repository<ContactEntity>,
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
  ) {}

  /**
   * Newest activity first; ties broken by id, so the cursor is stable. Equality filters lead the
   * (column, last_message_at, id) indexes of migration 1763810000000.
   */
  async listConversations(
    caller: Caller,
    options: ConversationListFilter & { after?: ConversationPageCursor; limit: number },
  ): Promise<{ conversation: ConversationEntity; contact: ContactEntity }[]> {
    return this.withContacts(await this.page(caller, options, options.after).limit(options.limit).getMany());
  }

  /**
   * The keys of the list under `filter` (its search aside), newest first from `after`, with which of `terms` each
   * conversation's `conversation_terms` row and (unless `contacts` is false) its contact's document hold — tested in
   * the statement, so the rows' text never leaves the database: what a search walk reads, one statement a step.
   */
  async listKeys(
    caller: Caller,
    filter: ConversationListFilter,
    after: ConversationPageCursor | undefined,
    limit: number,
    terms: string[],
    contacts = true,
  ): Promise<ConversationKey[]> {
    const dialect = dialectOf(this.conversations.manager.connection.options.type);
    const qb = this.page(caller, { ...filter, search: undefined }, after)
      .leftJoin('conversation_terms', 'ct', 'ct.conversation_id = c.id')
      .select(['c.id AS id', 'c.contact_id AS contact_id', 'c.last_message_at AS last_message_at']);
    if (contacts) qb.leftJoin('contact_search', 'ks', 'ks.contact_id = c.contact_id');
    terms.forEach((term, i) => {
      qb.addSelect(searchSql.holds(dialect, 'ct.terms', `walkTerm${i}`), `m${i}`).setParameter(`walkTerm${i}`, term);
      if (contacts) qb.addSelect(searchSql.holds(dialect, 'ks.body', `walkTerm${i}`), `k${i}`);
    });
    const rows = await qb.limit(limit).getRawMany<Record<string, unknown> & { id: string; contact_id: string; last_message_at: Date | string }>();
    return rows.map((r) => ({
      id: r.id,
      contactId: r.contact_id,
      lastMessageAt: rawDate(r.last_message_at),
      holds: terms.map((_, i) => Number(r[`m${i}`]) === 1),
      contactHolds: terms.map((_, i) => Number(r[`k${i}`]) === 1),
    }));
  }

  private page(caller: Caller, filter: ConversationListFilter, after: ConversationPageCursor | undefined): SelectQueryBuilder<ConversationEntity> {
    const qb = this.scoped(caller).orderBy('c.last_message_at', 'DESC').addOrderBy('c.id', 'DESC');
    this.applyFilter(qb, filter);
    if (after) {
      const { lastMessageAt, id } = after;
      qb.andWhere(
        new Brackets((w) =>
          w.where('c.last_message_at < :at', { at: lastMessageAt }).orWhere('c.last_message_at = :at AND c.id < :id', { at: lastMessageAt, id }),
        ),
      );
    }
    return qb;
  }

  /**
   * The same customer's other conversations the caller may see: same platform and same Meta id
   * (PSID/IGSID). Names and usernames are never used to link people.
   */
  async otherConversationsOf(
    caller: Caller,
    conversation: Pick<ConversationEntity, 'id' | 'platform' | 'customerExternalId'>,
    limit: number,
  ): Promise<{ conversation: ConversationEntity; contact: ContactEntity }[]> {
    const rows = await this.conversations.find({
      where: ConversationAccessPolicy.where(caller, {
        platform: conversation.platform,
        customerExternalId: conversation.customerExternalId,
        id: Not(conversation.id),
      }),
      order: { lastMessageAt: 'DESC', id: 'DESC' },
      take: limit,
    });
    return this.withContacts(rows);
  }

  /** The contact of a conversation the caller may see; null when it is outside the caller's scope. */
  async contactOf(caller: Caller, conversationId: string): Promise<{ conversation: ConversationEntity; contact: ContactEntity } | null> {
    const conversation = await this.findConversation(caller, conversationId);
    if (!conversation) return null;
    const contact = await this.contacts.findOneBy({ id: conversation.contactId });
    return contact ? { conversation, contact } : null;
  }

  private scoped(caller: Caller): SelectQueryBuilder<ConversationEntity> {
    const qb = this.conversations.createQueryBuilder('c').where('c.last_message_at IS NOT NULL');
    return ConversationAccessPolicy.applyTo(qb, caller, 'c');
  }

  private applyFilter(qb: SelectQueryBuilder<ConversationEntity>, filter: ConversationListFilter): void {
    if (filter.platform) qb.andWhere('c.platform = :platform', { platform: filter.platform });
    if (filter.channelId) qb.andWhere('c.channel_id = :channelId', { channelId: filter.channelId });
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.assigneeId === null) qb.andWhere('c.assignee_id IS NULL');
    else if (filter.assigneeId) qb.andWhere('c.assignee_id = :assigneeId', { assigneeId: filter.assigneeId });
    if (filter.unread) qb.andWhere('c.unread_count > 0');
    if (filter.labelCondition) qb.andWhere(filter.labelCondition.sql, filter.labelCondition.params);
    if (filter.search) qb.andWhere(filter.search.sql, filter.search.params);
  }

  private async withContacts(conversations: ConversationEntity[]): Promise<{ conversation: ConversationEntity; contact: ContactEntity }[]> {
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
