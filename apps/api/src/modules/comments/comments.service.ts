import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  CommentDetailResponse,
  CommentListResponse,
  CommentPostListResponse,
  CommentStatusFilter,
  MessagePlatform,
  PersonCommentsResponse,
  privateReplyEligibility,
} from '@ticklegram/domain-models';
import { Repository } from 'typeorm';
import { queryTerms } from '../../common/search/search-text';
import { CustomerConversationsService } from '../inbox/customer-conversations.service';
import { ConversationNotFoundException } from '../inbox/inbox.exception';
import { Caller } from './comment-access.policy';
import { toCommentActionDto, toCommentDto, toCommentPostDto } from './comment.mapper';
import { CommentNames } from './comment-names';
import { CommentNotFoundException, CommentsException, CommentsExceptionCode } from './comments.exception';
import { ListCommentPostsQueryDto, ListCommentsQueryDto } from './dto/list-comments.query.dto';
import { CommentActionEntity } from './entities/comment-action.entity';
import { CommentEntity } from './entities/comment.entity';
import { CommentPostRepository } from './repositories/comment-post.repository';
import { CommentFilters, CommentRepository, statusCounts } from './repositories/comment.repository';
import { CommentSearch } from './search/comment-search';

const encode = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`, 'utf8').toString('base64url');

function decode(cursor: string): { at: Date; id: string } {
  const [time, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(time ?? '');
  if (!id || Number.isNaN(at.getTime()))
    throw new CommentsException(CommentsExceptionCode.COMMENTS_BAD_CURSOR, 'cursor must be the nextCursor of a previous page');
  return { at, id };
}

/** The desk's reads — the stream, posts, a comment's thread, a person's comments — always within the caller's scope. */
@Injectable()
export class CommentsService {
  constructor(
    private readonly comments: CommentRepository,
    private readonly search: CommentSearch,
    private readonly posts: CommentPostRepository,
    private readonly conversations: CustomerConversationsService,
    private readonly names: CommentNames,
    @InjectRepository(CommentActionEntity) private readonly actions: Repository<CommentActionEntity>,
  ) {}

  async list(caller: Caller, query: ListCommentsQueryDto): Promise<CommentListResponse> {
    const limit = query.limit ?? 30;
    const assignee = query.assignee?.toLowerCase();
    const status = query.status ?? 'needs_reply';
    const after = query.cursor ? decode(query.cursor) : undefined;
    const filters: CommentFilters = {
      platform: query.platform,
      channelId: query.channelId,
      postId: query.postId,
      source: query.source,
      kind: query.kind,
      assigneeId: assignee === 'me' ? caller.id : assignee === 'unassigned' ? null : assignee && assignee !== 'any' ? assignee : undefined,
    };
    const searchText = query.search?.trim() ?? '';
    const terms = searchText ? queryTerms(searchText) : [];
    const [rows, { counts, atLeast }] = await Promise.all([
      this.page(caller, filters, status, after, limit + 1, searchText, terms),
      !searchText
        ? this.comments.counts(caller, filters).then((c) => ({ counts: c, atLeast: false }))
        : terms.length
          ? this.search.counts(caller, filters, terms)
          : { counts: statusCounts([]), atLeast: false },
    ]);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toCommentDto),
      nextCursor: rows.length > limit && last ? encode(last.commentedAt, last.id) : null,
      counts,
      countsAtLeast: atLeast,
    };
  }

  /** A page of the stream; a search with nothing searchable in it (only punctuation) matches nothing. */
  private async page(
    caller: Caller,
    filters: CommentFilters,
    status: CommentStatusFilter,
    after: { at: Date; id: string } | undefined,
    want: number,
    searchText: string,
    terms: string[],
  ): Promise<CommentEntity[]> {
    if (searchText && !terms.length) return [];
    const search = terms.length ? await this.search.page(caller, filters, status, after, want, terms) : undefined;
    return this.comments.list(caller, { ...filters, search }, status, after, want);
  }

  async listPosts(caller: Caller, query: ListCommentPostsQueryDto): Promise<CommentPostListResponse> {
    const limit = query.limit ?? 30;
    const rows = await this.posts.list({ platform: query.platform, channelId: query.channelId }, query.cursor ? decode(query.cursor) : undefined, limit + 1);
    const page = rows.slice(0, limit);
    const counts = await this.comments.countsByPost(
      caller,
      [...new Set(page.map((p) => p.channelId))],
      page.map((p) => p.externalId),
    );
    const last = page[page.length - 1];
    return {
      items: page.map((p) => toCommentPostDto(p, counts.get(`${p.channelId}:${p.externalId}`))),
      nextCursor: rows.length > limit && last?.lastCommentAt ? encode(last.lastCommentAt, last.id) : null,
    };
  }

  async detail(caller: Caller, id: string): Promise<CommentDetailResponse> {
    const comment = await this.visible(caller, id);
    const [post, parent, replies, authorComments, conversation, activity] = await Promise.all([
      comment.objectExternalId ? this.posts.findByExternalId(comment.channelId, comment.objectExternalId) : null,
      comment.parentExternalId ? this.comments.findByExternalId(comment.channelId, comment.parentExternalId) : null,
      this.comments.replies(comment.channelId, comment.externalId),
      comment.authorExternalId ? this.comments.byAuthor(caller, comment.channelId, comment.authorExternalId, comment.id, 20) : [],
      this.conversations.find(caller, comment.channelId, [
        comment.privateReplyRecipientId ?? '',
        comment.platform === MessagePlatform.INSTAGRAM ? (comment.authorExternalId ?? '') : '',
      ]),
      this.actions.find({ where: { commentId: comment.id }, order: { createdAt: 'ASC' }, take: 200 }),
    ]);
    const names = await this.names.forActions(activity);
    const counts = post
      ? (await this.comments.countsByPost(caller, [post.channelId], [post.externalId])).get(`${post.channelId}:${post.externalId}`)
      : undefined;
    return {
      comment: toCommentDto(comment),
      post: post ? toCommentPostDto(post, counts) : null,
      parent: parent ? toCommentDto(parent) : null,
      replies: replies.map(toCommentDto),
      authorComments: authorComments.map(toCommentDto),
      conversation,
      activity: activity.map((a) => toCommentActionDto(a, names)),
      privateReply: privateReplyEligibility({
        platform: comment.platform,
        kind: comment.kind,
        isFromBusiness: comment.isFromBusiness,
        removed: comment.removedAt !== null,
        commentedAt: comment.commentedAt,
        privateRepliedAt: comment.privateRepliedAt,
        privateReplyQueued: comment.privateReplyQueued,
        liveEnded: post?.productType === 'LIVE' && post.liveEndedAt !== null,
      }),
    };
  }

  /** The person behind a DM conversation, seen through their comments (the contact panel and the thread). */
  async ofConversation(caller: Caller, conversationId: string): Promise<PersonCommentsResponse> {
    const customer = await this.conversations.customerOf(caller, conversationId);
    if (!customer) throw new ConversationNotFoundException();
    const items = await this.comments.ofPerson(caller, customer.channelId, customer.platform, customer.customerExternalId, 30);
    return { items: items.map(toCommentDto) };
  }

  async visible(caller: Caller, id: string): Promise<CommentEntity> {
    const comment = await this.comments.findVisible(caller, id);
    if (!comment) throw new CommentNotFoundException();
    return comment;
  }
}
