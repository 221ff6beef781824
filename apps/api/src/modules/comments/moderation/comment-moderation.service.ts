import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CommentActionResponse, CommentActionType, privateReplyEligibility, Role } from '@ticklegram/domain-models';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../../common/decorators/current-user.decorator';
import { ChannelsService } from '../../channels/channels.service';
import { LabelsService } from '../../labels/labels.service';
import { UserRepository } from '../../users/repositories/user.repository';
import { CommentAccessPolicy } from '../comment-access.policy';
import { toCommentActionDto, toCommentDto } from '../comment.mapper';
import { CommentNames } from '../comment-names';
import { CommentWriter } from '../comment-writer';
import { CommentsException, CommentsExceptionCode } from '../comments.exception';
import { CommentsGateway } from '../comments.gateway';
import { CommentsService } from '../comments.service';
import { CommentActionEntity, CommentActionPayload } from '../entities/comment-action.entity';
import { CommentEntity } from '../entities/comment.entity';
import { CommentPostRepository } from '../repositories/comment-post.repository';
import { CommentActionExecutor } from './comment-action.executor';

type GraphAction = Extract<CommentActionType, 'public_reply' | 'private_reply' | 'hide' | 'unhide' | 'delete'>;

/**
 * What agents do to a comment: Graph actions (public reply, private reply, hide, unhide, delete) run at
 * once through the executor — a refusal is a 4xx with Meta's reason in plain words, a private reply over
 * Meta's hourly limit is queued — and desk actions (assign, done, labels) change only our row. Every
 * action is one `comment_actions` row (the thread's activity), announced with `comment.updated`.
 */
@Injectable()
export class CommentModerationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reads: CommentsService,
    private readonly executor: CommentActionExecutor,
    private readonly writer: CommentWriter,
    private readonly channels: ChannelsService,
    private readonly posts: CommentPostRepository,
    private readonly users: UserRepository,
    private readonly labels: LabelsService,
    private readonly names: CommentNames,
    private readonly gateway: CommentsGateway,
  ) {}

  async graphAction(caller: AuthUser, id: string, action: GraphAction, text?: string): Promise<CommentActionResponse> {
    const comment = await this.reads.visible(caller, id);
    await this.check(comment, action);
    const channel = await this.channels.getById(comment.channelId);
    if (!channel) throw new CommentsException(CommentsExceptionCode.COMMENTS_CHANNEL_NOT_FOUND, 'The channel of this comment was disconnected.');
    const row = CommentActionExecutor.newRow({
      commentId: comment.id,
      channelId: comment.channelId,
      action,
      status: 'running',
      actorUserId: caller.id,
      payload: text ? { text } : null,
      attempts: 1,
    });
    await this.dataSource.getRepository(CommentActionEntity).save(row);
    const result = await this.executor.run(channel, comment, row, { deferTransient: false });
    if (result.row.status === 'failed') {
      // no Graph error code: Meta could not be reached (or failed without one)
      const transient = result.row.errorCode === null;
      throw new CommentsException(
        transient ? CommentsExceptionCode.COMMENTS_META_UNAVAILABLE : CommentsExceptionCode.COMMENTS_META_REFUSED,
        result.row.errorMessage ?? 'Meta refused this action.',
      );
    }
    return this.response(result.comment, result.row);
  }

  async assign(caller: AuthUser, id: string, assigneeId: string | null): Promise<CommentActionResponse> {
    const comment = await this.reads.visible(caller, id);
    if (assigneeId) {
      const user = await this.users.findById(assigneeId);
      if (!user || !user.active) throw new CommentsException(CommentsExceptionCode.COMMENTS_UNKNOWN_ASSIGNEE, 'No such active user.');
    }
    // agents take unassigned comments and hand over or release their own (the inbox's rule)
    if (caller.role !== Role.ADMIN && comment.assigneeId !== null && comment.assigneeId !== caller.id)
      throw new CommentsException(CommentsExceptionCode.COMMENTS_ACTION_NOT_ALLOWED, 'This comment is assigned to a teammate.');
    return this.local(caller, id, 'assign', { assigneeId }, (c) => (c.assigneeId = assigneeId));
  }

  setDone(caller: AuthUser, id: string, done: boolean): Promise<CommentActionResponse> {
    return this.local(caller, id, done ? 'done' : 'reopen', null, (c) => (c.doneAt = done ? (c.doneAt ?? new Date()) : null));
  }

  async setLabels(caller: AuthUser, id: string, labelIds: string[]): Promise<CommentActionResponse> {
    const known = new Set((await this.labels.list()).map((l) => l.id));
    const unknown = labelIds.filter((l) => !known.has(l));
    if (unknown.length) throw new CommentsException(CommentsExceptionCode.COMMENTS_UNKNOWN_LABEL, `Unknown labels: ${unknown.join(', ')}.`);
    return this.local(caller, id, 'label', { text: labelIds.length ? undefined : 'no labels' }, (c) => (c.labelIds = [...new Set(labelIds)]));
  }

  /** The comment's state must allow the action; Meta's private-reply rules answer 409 (once) or 422 (otherwise). */
  private async check(comment: CommentEntity, action: GraphAction): Promise<void> {
    const refuse = (message: string) => new CommentsException(CommentsExceptionCode.COMMENTS_ACTION_NOT_ALLOWED, message);
    if (comment.removedAt) throw refuse('This comment was deleted.');
    if (comment.kind === 'mention' && action !== 'public_reply') throw refuse('A mention elsewhere can only be answered publicly.');
    if (comment.isFromBusiness && (action === 'hide' || action === 'unhide' || action === 'private_reply'))
      throw refuse('This comment was written by your business.');
    if (action === 'hide' && comment.isHidden) throw refuse('This comment is already hidden.');
    if (action === 'unhide' && !comment.isHidden) throw refuse('This comment is not hidden.');
    if (action !== 'private_reply') return;
    const post = comment.objectExternalId ? await this.posts.findByExternalId(comment.channelId, comment.objectExternalId) : null;
    const eligibility = privateReplyEligibility({
      platform: comment.platform,
      kind: comment.kind,
      isFromBusiness: comment.isFromBusiness,
      removed: false,
      commentedAt: comment.commentedAt,
      privateRepliedAt: comment.privateRepliedAt,
      privateReplyQueued: comment.privateReplyQueued,
      liveEnded: post?.productType === 'LIVE' && post.liveEndedAt !== null,
    });
    if (eligibility.allowed) return;
    const conflict = eligibility.code === 'already_sent' || eligibility.code === 'queued';
    throw new CommentsException(
      conflict ? CommentsExceptionCode.COMMENTS_PRIVATE_REPLY_CONFLICT : CommentsExceptionCode.COMMENTS_PRIVATE_REPLY_NOT_ALLOWED,
      eligibility.reason,
    );
  }

  private async local(
    caller: AuthUser,
    id: string,
    action: CommentActionType,
    payload: CommentActionPayload | null,
    change: (c: CommentEntity) => void,
  ): Promise<CommentActionResponse> {
    const { comment, row, previousAssigneeId } = await this.dataSource.transaction(async (m) => {
      const fresh = await this.writer.lockById(m, id);
      if (!fresh || !CommentAccessPolicy.canSee(caller, fresh)) throw new CommentsException(CommentsExceptionCode.COMMENTS_NOT_FOUND, 'No such comment.');
      const previous = fresh.assigneeId;
      change(fresh);
      const saved = await this.writer.save(m, fresh);
      const entry = await m.save(
        CommentActionEntity,
        CommentActionExecutor.newRow({
          commentId: id,
          channelId: fresh.channelId,
          action,
          status: 'done',
          actorUserId: caller.id,
          payload,
          finishedAt: new Date(),
        }),
      );
      return { comment: saved, row: entry, previousAssigneeId: previous };
    });
    const dto = toCommentDto(comment);
    this.gateway.updated(dto, previousAssigneeId !== comment.assigneeId ? previousAssigneeId : undefined);
    return this.response(comment, row);
  }

  private async response(comment: CommentEntity, row: CommentActionEntity): Promise<CommentActionResponse> {
    return { comment: toCommentDto(comment), action: toCommentActionDto(row, await this.names.forActions([row])) };
  }
}
