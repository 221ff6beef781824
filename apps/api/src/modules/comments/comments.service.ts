import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  CommentDetailResponse,
  CommentListResponse,
  CommentPostListResponse,
  MessagePlatform,
  PersonCommentsResponse,
  privateReplyEligibility,
} from '@ticklegram/domain-models';
import { Repository } from 'typeorm';
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
import { CommentRepository } from './repositories/comment.repository';

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
    private readonly posts: CommentPostRepository,
    private readonly conversations: CustomerConversationsService,
    private readonly names: CommentNames,
    @InjectRepository(CommentActionEntity) private readonly actions: Repository<CommentActionEntity>,
  ) {}

  async list(caller: Caller, query: ListCommentsQueryDto): Promise<CommentListResponse> {
    const limit = query.limit ?? 30;
    const assignee = query.assignee?.toLowerCase();
    const filters = {
      platform: query.platform,
      channelId: query.channelId,
      postId: query.postId,
      source: query.source,
      kind: query.kind,
      search: query.search?.trim() ? await this.comments.searchMatch(query.search.trim()) : undefined,
      assigneeId: assignee === 'me' ? caller.id : assignee === 'unassigned' ? null : assignee && assignee !== 'any' ? assignee : undefined,
    };
    const [rows, { counts, atLeast }] = await Promise.all([
      this.comments.list(caller, filters, query.status ?? 'needs_reply', query.cursor ? decode(query.cursor) : undefined, limit + 1),
      this.comments.counts(caller, filters),
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
