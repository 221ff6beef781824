import { Injectable } from '@nestjs/common';
import { ContactPanelResponse, ConversationDto, ConversationListResponse, LabelDto, MessageListResponse, SearchMatchDto } from '@ticklegram/domain-models';
import { queryTerms } from '../../common/search/search-text';
import { ConversationLabelsService } from '../labels/conversation-labels.service';
import { Caller } from './conversation-access.policy';
import { ListConversationsQueryDto, ListMessagesQueryDto } from './dto/list-conversations.query.dto';
import { ContactEntity } from './entities/contact.entity';
import { ConversationEntity } from './entities/conversation.entity';
import { ConversationNotFoundException, InboxException, InboxExceptionCode } from './inbox.exception';
import { InboxGateway } from './inbox.gateway';
import { toContactDto, toConversationDto, toMessageDto } from './inbox.mapper';
import { ConversationListFilter, InboxReadRepository } from './repositories/inbox-read.repository';
import { InboxSearchRepository } from './repositories/inbox-search.repository';
import { ScopedConversationRepository } from './repositories/scoped-conversation.repository';
import { ConversationSearch } from './search/conversation-search';
import { contactMatch, messageMatch } from './search/search-match';

const encode = (parts: [string, string]) => Buffer.from(parts.join('|'), 'utf8').toString('base64url');

function decode(cursor: string): { at: Date; id: string } {
  const [time, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(time ?? '');
  if (!id || Number.isNaN(at.getTime())) throw new InboxException(InboxExceptionCode.INBOX_BAD_CURSOR, 'cursor must be the nextCursor of a previous page');
  return { at, id };
}

/** Inbox reads (lists, threads, the contact panel) and a conversation's labels, always within the caller's scope. */
@Injectable()
export class ConversationsService {
  constructor(
    private readonly inbox: InboxReadRepository,
    private readonly search: InboxSearchRepository,
    private readonly conversationSearch: ConversationSearch,
    private readonly scoped: ScopedConversationRepository,
    private readonly labels: ConversationLabelsService,
    private readonly gateway: InboxGateway,
  ) {}

  async list(caller: Caller, query: ListConversationsQueryDto): Promise<ConversationListResponse> {
    const limit = query.limit ?? 30;
    const after = query.cursor ? decode(query.cursor) : undefined;
    const assignee = query.assignee?.toLowerCase();
    const searchText = query.search?.trim() ?? '';
    const terms = searchText ? queryTerms(searchText) : [];
    // a search with nothing searchable in it (only punctuation) matches nothing
    if (searchText && !terms.length) return { items: [], nextCursor: null };
    const filter: ConversationListFilter = {
      platform: query.platform,
      channelId: query.channelId,
      status: query.status,
      // 'any' (or none): no assignee filter; the caller's scope still applies
      assigneeId: assignee === 'me' ? caller.id : assignee === 'unassigned' ? null : assignee && assignee !== 'any' ? assignee : undefined,
      unread: query.unread === true,
      labelCondition: query.label ? this.labels.hasLabelCondition('c', query.label) : undefined,
    };
    const cursor = after && { lastMessageAt: after.at, id: after.id };
    const search = terms.length ? await this.conversationSearch.plan(caller, filter, cursor, limit + 1, terms) : undefined;
    const rows = await this.inbox.listConversations(caller, { ...filter, search: search?.condition, after: cursor, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1]?.conversation;
    const [labels, matches] = await Promise.all([
      this.labels.forConversations(page.map((r) => r.conversation.id)),
      search ? this.searchMatches(page, searchText, terms, search.newestMatch) : new Map<string, SearchMatchDto>(),
    ]);
    return {
      items: page.map(({ conversation, contact }) => {
        const searchMatch = matches.get(conversation.id);
        return { ...toConversationDto(conversation, contact), labels: labels.get(conversation.id) ?? [], ...(searchMatch && { searchMatch }) };
      }),
      nextCursor: rows.length > limit && last?.lastMessageAt ? encode([last.lastMessageAt.toISOString(), last.id]) : null,
    };
  }

  /** What matched in each listed conversation: the contact's name, else its newest matching message (`known`: found by the walk). */
  private async searchMatches(
    page: { conversation: ConversationEntity; contact: ContactEntity }[],
    searchText: string,
    terms: string[],
    known: ReadonlyMap<string, string>,
  ): Promise<Map<string, SearchMatchDto>> {
    const out = new Map<string, SearchMatchDto>();
    for (const { conversation, contact } of page) {
      const match = contactMatch(contact, searchText);
      if (match) out.set(conversation.id, match);
    }
    const rest = page.map((r) => r.conversation.id).filter((id) => !out.has(id));
    for (const [conversationId, message] of await this.search.newestMatches(rest, terms, known)) {
      const match = messageMatch(message, searchText);
      if (match) out.set(conversationId, match);
    }
    return out;
  }

  async contactPanel(caller: Caller, conversationId: string): Promise<ContactPanelResponse> {
    const found = await this.inbox.contactOf(caller, conversationId);
    if (!found) throw new InboxException(InboxExceptionCode.INBOX_CONVERSATION_NOT_FOUND, 'No such conversation');
    const others = await this.inbox.otherConversationsOf(caller, found.conversation, 20);
    return {
      contact: toContactDto(found.contact),
      referral: found.conversation.referral,
      otherConversations: others.map(({ conversation, contact }) => toConversationDto(conversation, contact)),
    };
  }

  async messages(caller: Caller, conversationId: string, query: ListMessagesQueryDto): Promise<MessageListResponse> {
    if (!(await this.inbox.findConversation(caller, conversationId)))
      throw new InboxException(InboxExceptionCode.INBOX_CONVERSATION_NOT_FOUND, 'No such conversation');
    const limit = query.limit ?? 50;
    const before = query.before ? decode(query.before) : undefined;
    const rows = await this.inbox.listMessages(conversationId, { before: before && { sentAt: before.at, id: before.id }, limit: limit + 1 });
    // rows are oldest first; one extra (the oldest) means there is more
    const hasMore = rows.length > limit;
    const page = hasMore ? rows.slice(1) : rows;
    const oldest = page[0];
    return { items: page.map(toMessageDto), nextCursor: hasMore && oldest ? encode([oldest.sentAt.toISOString(), oldest.id]) : null };
  }

  async labelsOf(caller: Caller, conversationId: string): Promise<LabelDto[]> {
    await this.visible(caller, conversationId);
    return (await this.labels.forConversations([conversationId])).get(conversationId) ?? [];
  }

  /** Replaces the conversation's labels; everyone who may see it hears `conversation.updated`. */
  async setLabels(caller: Caller, conversationId: string, labelIds: string[]): Promise<ConversationDto> {
    const conversation = await this.visible(caller, conversationId);
    const labels = await this.labels.replace(conversationId, labelIds);
    const contact = await this.scoped.contactOf(conversation);
    this.gateway.conversationUpdated(conversation, contact, { labels });
    return { ...toConversationDto(conversation, contact), labels };
  }

  private async visible(caller: Caller, conversationId: string): Promise<ConversationEntity> {
    const conversation = await this.scoped.findVisible(caller, conversationId);
    if (!conversation) throw new ConversationNotFoundException();
    return conversation;
  }
}
