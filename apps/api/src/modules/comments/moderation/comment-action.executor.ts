import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isMetaGraphError, MetaGraphError } from '@ticklegram/meta-graph';
import { DataSource } from 'typeorm';
import { retryOnConflict } from '../../../database/database-errors';
import type { ChannelRef } from '../../channels/channel-ref';
import { ChannelsService } from '../../channels/channels.service';
import { CustomerConversationsService } from '../../inbox/customer-conversations.service';
import { toCommentDto } from '../comment.mapper';
import { CommentWriter, UNTOUCHED_COMMENT } from '../comment-writer';
import { CommentsGateway } from '../comments.gateway';
import { CommentActionEntity } from '../entities/comment-action.entity';
import { CommentEntity } from '../entities/comment.entity';
import { CommentGraph } from './comment-graph';
import { PrivateReplyBudget } from './private-reply-budget';

const MAX_ATTEMPTS = 6;
const RETRY_BASE_MS = 5_000;

export type ExecutionResult = { row: CommentActionEntity; comment: CommentEntity };

/**
 * Runs one Graph action of a comment (public reply, private reply, hide, unhide, delete) for an agent or
 * from the queue: the call first (never inside a transaction), then the comment, the action row and
 * (for a private reply) the author's DM conversation in the inbox, then `comment.updated`. Meta's limits
 * defer instead of failing: the private-reply budget before calling, rate limits and temporary errors
 * after (queued rows only — an agent hears about a temporary failure at once).
 */
@Injectable()
export class CommentActionExecutor {
  private readonly logger = new Logger(CommentActionExecutor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly graph: CommentGraph,
    private readonly writer: CommentWriter,
    private readonly budget: PrivateReplyBudget,
    private readonly channels: ChannelsService,
    private readonly conversations: CustomerConversationsService,
    private readonly gateway: CommentsGateway,
  ) {}

  /** `row` is `running` (claimed from the queue, or just created for an agent). */
  async run(channel: ChannelRef, comment: CommentEntity, row: CommentActionEntity, options: { deferTransient: boolean }): Promise<ExecutionResult> {
    const text = row.payload?.text ?? '';
    if (row.action === 'private_reply') {
      const slot = await this.budget.nextSlot(channel.id);
      if (slot) return this.defer(comment, row, slot, `Waiting for Meta's limit of ${this.budget.perHour} private replies per hour for this account.`, false);
    }
    try {
      switch (row.action) {
        case 'public_reply': {
          const reply = await this.graph.publicReply(channel, comment, text);
          return await this.succeed(comment, row, reply.id, (c) => (c.repliedAt = new Date()), { channel, replyId: reply.id, text });
        }
        case 'private_reply': {
          const sent = await this.graph.privateReply(channel, comment, text);
          const result = await this.succeed(comment, row, sent.mid, (c) => {
            c.privateRepliedAt = new Date();
            c.privateReplyMid = sent.mid;
            c.privateReplyRecipientId = sent.recipientId;
            c.privateReplyQueued = false;
          });
          await this.openConversation(channel, result.comment, row, text);
          return result;
        }
        case 'hide':
        case 'unhide': {
          await this.graph.setHidden(channel, comment, row.action === 'hide');
          return await this.succeed(comment, row, null, (c) => (c.isHidden = row.action === 'hide'));
        }
        case 'delete': {
          await this.graph.remove(channel, comment);
          return await this.succeed(comment, row, null, (c) => {
            c.removedAt ??= new Date();
            c.removedBy = 'business';
          });
        }
        default:
          return await this.finish(comment, row, 'failed', null, `${row.action} is not a Graph action.`);
      }
    } catch (error) {
      return this.failed(channel, comment, row, error, options);
    }
  }

  private async failed(
    channel: ChannelRef,
    comment: CommentEntity,
    row: CommentActionEntity,
    error: unknown,
    options: { deferTransient: boolean },
  ): Promise<ExecutionResult> {
    const graphError = isMetaGraphError(error) ? error : null;
    if (!graphError)
      this.logger.warn({ err: error instanceof Error ? error.message : String(error), action: row.action, commentId: comment.id }, 'comment action failed');
    const reason =
      graphError?.userMessage ??
      (error instanceof Error && error.name === 'ChannelsException' ? error.message : 'Meta could not be reached or answered unexpectedly.');
    const transient = graphError
      ? graphError.kind === 'rate_limited' || graphError.kind === 'retryable'
      : !(error instanceof Error && error.name === 'ChannelsException');
    // Meta's private-reply limit: queue it, also for an agent
    const limited = graphError?.kind === 'rate_limited' && row.action === 'private_reply';
    if (transient && (options.deferTransient || limited) && row.attempts < MAX_ATTEMPTS) {
      const wait = graphError?.retryAfterMs ?? RETRY_BASE_MS * 2 ** Math.max(0, row.attempts - 1);
      return this.defer(comment, row, new Date(Date.now() + Math.min(wait, 3_600_000)), reason, true);
    }
    if (graphError && (graphError.kind === 'reauth_required' || graphError.kind === 'permission' || graphError.kind === 'temporarily_blocked')) {
      await this.channels.recordGraphError(channel.id, graphError).catch(() => undefined);
    }
    const gone =
      graphError?.kind === 'invalid_request' &&
      graphError.code === 100 &&
      graphError.subcode === 33 &&
      (row.action === 'hide' || row.action === 'unhide' || row.action === 'delete');
    return this.finish(comment, row, 'failed', null, reason, graphError, gone);
  }

  private async succeed(
    comment: CommentEntity,
    row: CommentActionEntity,
    resultId: string | null,
    change: (c: CommentEntity) => void,
    reply?: { channel: ChannelRef; replyId: string; text: string },
  ): Promise<ExecutionResult> {
    // our reply's own webhook stores the same comment and locks the parent too: a deadlock between the two (or the
    // webhook's row first) must not turn a reply Meta has posted into a failure, so the bookkeeping runs again
    const result = await retryOnConflict(() =>
      this.dataSource.transaction(async (m) => {
        const fresh = (await this.writer.lockById(m, comment.id)) ?? comment;
        change(fresh);
        const saved = await this.writer.save(m, fresh);
        Object.assign(row, {
          status: 'done',
          resultExternalId: resultId?.slice(0, 191) ?? null,
          errorCode: null,
          errorMessage: null,
          finishedAt: new Date(),
          leaseUntil: null,
          nextAttemptAt: null,
        });
        await m.save(CommentActionEntity, row);
        let ours: CommentEntity | null = null;
        if (reply && !(await this.writer.lockByExternalId(m, fresh.channelId, reply.replyId))) {
          ours = await this.writer.insert(m, this.ourReply(fresh, reply.replyId, reply.text));
        }
        return { saved, ours };
      }),
    );
    this.gateway.updated(toCommentDto(result.saved));
    if (result.ours) this.gateway.created(toCommentDto(result.ours));
    return { row, comment: result.saved };
  }

  /** The private reply opens (or continues) the author's DM conversation; a failure here does not undo the sent reply. */
  private async openConversation(channel: ChannelRef, comment: CommentEntity, row: CommentActionEntity, text: string): Promise<void> {
    if (!comment.privateReplyRecipientId) return;
    try {
      await this.conversations.recordBusinessMessage(channel, {
        customerExternalId: comment.privateReplyRecipientId,
        mid: comment.privateReplyMid,
        text,
        sentAt: comment.privateRepliedAt ?? new Date(),
        senderUserId: row.actorUserId,
        source: row.actorUserId ? 'agent' : 'automation',
      });
    } catch (error) {
      this.logger.warn(
        { err: error instanceof Error ? error.message : String(error), commentId: comment.id },
        'private reply sent; the conversation will appear with the echo webhook',
      );
    }
  }

  private ourReply(parent: CommentEntity, externalId: string, text: string): CommentEntity {
    return Object.assign(new CommentEntity(), {
      channelId: parent.channelId,
      platform: parent.platform,
      kind: parent.kind === 'live_comment' ? 'live_comment' : 'comment',
      externalId: externalId.slice(0, 191),
      parentExternalId: parent.isReply && parent.parentExternalId ? parent.parentExternalId : parent.externalId,
      objectExternalId: parent.objectExternalId,
      mediaProductType: parent.mediaProductType,
      adId: parent.adId,
      adTitle: parent.adTitle,
      authorExternalId: null,
      authorName: null,
      authorUsername: null,
      isFromBusiness: true,
      text,
      isHidden: false,
      commentedAt: new Date(),
      lastEventAt: null,
      ...UNTOUCHED_COMMENT,
    });
  }

  private async defer(comment: CommentEntity, row: CommentActionEntity, at: Date, reason: string, attempted: boolean): Promise<ExecutionResult> {
    const saved = await this.dataSource.transaction(async (m) => {
      Object.assign(row, {
        status: 'queued',
        nextAttemptAt: at,
        leaseUntil: null,
        errorMessage: reason.slice(0, 500),
        attempts: attempted ? row.attempts : Math.max(0, row.attempts - 1),
      });
      await m.save(CommentActionEntity, row);
      if (row.action !== 'private_reply') return comment;
      const fresh = (await this.writer.lockById(m, comment.id)) ?? comment;
      if (fresh.privateReplyQueued) return fresh;
      fresh.privateReplyQueued = true;
      return this.writer.save(m, fresh);
    });
    this.gateway.updated(toCommentDto(saved));
    return { row, comment: saved };
  }

  private async finish(
    comment: CommentEntity,
    row: CommentActionEntity,
    status: 'failed',
    resultId: string | null,
    reason: string,
    error?: MetaGraphError | null,
    gone = false,
  ): Promise<ExecutionResult> {
    const saved = await this.dataSource.transaction(async (m) => {
      Object.assign(row, {
        status,
        resultExternalId: resultId,
        errorCode: error?.code !== undefined ? `${error.code}${error.subcode ? `/${error.subcode}` : ''}`.slice(0, 40) : null,
        errorMessage: reason.slice(0, 500),
        finishedAt: new Date(),
        leaseUntil: null,
        nextAttemptAt: null,
      });
      await m.save(CommentActionEntity, row);
      const fresh = (await this.writer.lockById(m, comment.id)) ?? comment;
      let changed = false;
      if (row.action === 'private_reply' && fresh.privateReplyQueued) {
        fresh.privateReplyQueued = false;
        changed = true;
      }
      // Meta says the comment no longer exists: its author deleted it (Instagram sends no webhook for that)
      if (gone && !fresh.removedAt) {
        fresh.removedAt = new Date();
        fresh.removedBy = 'author';
        changed = true;
      }
      return changed ? this.writer.save(m, fresh) : fresh;
    });
    this.gateway.updated(toCommentDto(saved));
    return { row, comment: saved };
  }

  /** A new action row, `running` (agent) or `queued` (rules), inside the caller's transaction or on its own. */
  static newRow(values: Pick<CommentActionEntity, 'commentId' | 'channelId' | 'action' | 'status'> & Partial<CommentActionEntity>): CommentActionEntity {
    return Object.assign(new CommentActionEntity(), {
      actorUserId: null,
      ruleId: null,
      payload: null,
      resultExternalId: null,
      errorCode: null,
      errorMessage: null,
      attempts: 0,
      nextAttemptAt: null,
      leaseUntil: null,
      finishedAt: null,
      ...values,
    });
  }
}
