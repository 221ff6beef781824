import { Injectable } from '@nestjs/common';
import { ContactPanelResponse, ConversationListResponse, MessageListResponse } from '@ticklegram/domain-models';
import { Caller } from '../assignment/conversation-access.policy';
import { ListConversationsQueryDto, ListMessagesQueryDto } from './dto/list-conversations.query.dto';
import { InboxException, InboxExceptionCode } from './inbox.exception';
import { LabelRepository } from '../labels/label.repository';
import { toLabelDto } from '../labels/label.mapper';
import { toCommentDto, toContactDto, toConversationDto, toMessageDto } from './inbox.mapper';
import { InboxReadRepository } from './repositories/inbox-read.repository';

const encode = (parts: [string, string]) => Buffer.from(parts.join('|'), 'utf8').toString('base64url');

function decode(cursor: string): { at: Date; id: string } {
  const [time, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(time ?? '');
  if (!id || Number.isNaN(at.getTime())) throw new InboxException(InboxExceptionCode.INBOX_BAD_CURSOR, 'cursor must be the nextCursor of a previous page');
  return { at, id };
}

@Injectable()
export class ConversationsService {
  constructor(
    private readonly inbox: InboxReadRepository,
    private readonly labels: LabelRepository,
  ) {}

  async list(caller: Caller, query: ListConversationsQueryDto): Promise<ConversationListResponse> {
    const limit = query.limit ?? 30;
    const after = query.cursor ? decode(query.cursor) : undefined;
    const assignee = query.assignee?.toLowerCase();
    const rows = await this.inbox.listConversations(caller, {
      search: query.search?.trim() || undefined,
      platform: query.platform,
      channelId: query.channelId,
      status: query.status,
      // 'any' (or none): no assignee filter; the caller's scope still applies
      assigneeId: assignee === 'me' ? caller.id : assignee === 'unassigned' ? null : assignee && assignee !== 'any' ? assignee : undefined,
      unread: query.unread === true,
      labelId: query.label,
      after: after && { lastMessageAt: after.at, id: after.id },
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1]?.conversation;
    const labels = await this.labels.forConversations(page.map((r) => r.conversation.id));
    return {
      items: page.map(({ conversation, contact }) => ({ ...toConversationDto(conversation, contact), labels: (labels.get(conversation.id) ?? []).map(toLabelDto) })),
      nextCursor: rows.length > limit && last?.lastMessageAt ? encode([last.lastMessageAt.toISOString(), last.id]) : null,
    };
  }

  async contactPanel(caller: Caller, conversationId: string): Promise<ContactPanelResponse> {
    const found = await this.inbox.contactWithComments(caller, conversationId, 10);
    if (!found) throw new InboxException(InboxExceptionCode.INBOX_CONVERSATION_NOT_FOUND, 'No such conversation');
    const others = await this.inbox.otherConversationsOf(caller, found.conversation, 20);
    return {
      contact: toContactDto(found.contact),
      referral: found.conversation.referral,
      otherConversations: others.map(({ conversation, contact }) => toConversationDto(conversation, contact)),
      recentComments: found.comments.map(toCommentDto),
    };
  }

  async messages(caller: Caller, conversationId: string, query: ListMessagesQueryDto): Promise<MessageListResponse> {
    if (!(await this.inbox.findConversation(caller, conversationId))) throw new InboxException(InboxExceptionCode.INBOX_CONVERSATION_NOT_FOUND, 'No such conversation');
    const limit = query.limit ?? 50;
    const before = query.before ? decode(query.before) : undefined;
    const rows = await this.inbox.listMessages(conversationId, { before: before && { sentAt: before.at, id: before.id }, limit: limit + 1 });
    // rows are oldest first; one extra (the oldest) means there is more
    const hasMore = rows.length > limit;
    const page = hasMore ? rows.slice(1) : rows;
    const oldest = page[0];
    return { items: page.map(toMessageDto), nextCursor: hasMore && oldest ? encode([oldest.sentAt.toISOString(), oldest.id]) : null };
  }
}
