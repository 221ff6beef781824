import { Injectable } from '@nestjs/common';
import { FeedCommentEvent, FeedPostEvent, IgCommentEvent, IgMentionEvent, NormalizedEvent, PageMentionEvent } from '@ticklegram/domain-models';
import { AppliesEvents } from '../webhooks/ingestion/applies-events.decorator';
import { ApplyContext, ApplyResult, EventApplier } from '../webhooks/ingestion/event-applier';
import { CommentsGateway } from './comments.gateway';
import { CommentEntity, CommentKind } from './entities/comment.entity';

type CommentEvent = IgCommentEvent | IgMentionEvent | FeedCommentEvent | FeedPostEvent | PageMentionEvent;

const when = (ms: number | null): Date => new Date(ms ?? Date.now());

/**
 * Stores Instagram and Facebook comments, visitor posts and mentions for the moderation screens.
 * Post reactions (`feed_reaction`) are not claimed: they show as "unhandled" until a module needs them.
 */
@Injectable()
@AppliesEvents('ig_comment', 'ig_mention', 'feed_comment', 'feed_post', 'page_mention')
export class CommentEventsApplier implements EventApplier<CommentEvent> {
  constructor(private readonly gateway: CommentsGateway) {}

  async apply(event: CommentEvent, ctx: ApplyContext): Promise<ApplyResult> {
    switch (event.type) {
      case 'ig_comment':
        return this.upsert(ctx, event.commentId, {
          kind: event.field === 'live_comments' ? 'live_comment' : 'comment',
          parentExternalId: event.parentId,
          objectExternalId: event.media?.id ?? null,
          mediaProductType: event.media?.productType ?? null,
          adId: event.media?.adId ?? null,
          authorExternalId: event.from?.id ?? null,
          authorUsername: event.from?.username ?? null,
          authorName: event.from?.name ?? null,
          isFromBusiness: event.isFromBusiness,
          text: event.text,
          commentedAt: when(event.timestamp),
        });
      case 'ig_mention':
        return this.upsert(ctx, event.commentId ?? `mention:${event.mediaId ?? event.dedupeKey}`, {
          kind: 'mention',
          objectExternalId: event.mediaId,
          commentedAt: when(event.timestamp),
        });
      case 'page_mention':
        return this.feedChange(ctx, event.commentId ?? event.postId ?? `mention:${event.dedupeKey}`, 'mention', event.action, event, {
          objectExternalId: event.postId,
          authorExternalId: event.from?.id ?? null,
          authorName: event.from?.name ?? null,
          text: event.message,
        });
      case 'feed_comment':
        return this.feedChange(ctx, event.commentId, 'comment', event.action, event, {
          parentExternalId: event.isReply ? event.parentId : null,
          objectExternalId: event.postId,
          authorExternalId: event.from?.id ?? null,
          authorName: event.from?.name ?? null,
          isFromBusiness: event.isFromPage,
          text: event.message,
          permalinkUrl: event.postPermalinkUrl?.slice(0, 1024) ?? null,
          ...(event.isHidden !== null ? { isHidden: event.isHidden } : {}),
        });
      case 'feed_post':
        return this.feedChange(ctx, event.postId, 'post', event.action, event, {
          objectExternalId: event.postId,
          authorExternalId: event.from?.id ?? null,
          authorName: event.from?.name ?? null,
          isFromBusiness: event.isFromPage,
          text: event.message,
          ...(event.isHidden !== null ? { isHidden: event.isHidden } : {}),
        });
    }
  }

  private async upsert(ctx: ApplyContext, externalId: string, fields: Partial<CommentEntity> & { kind: CommentKind; commentedAt: Date }): Promise<ApplyResult> {
    const m = ctx.manager;
    const existing = await m.findOne(CommentEntity, { where: { channelId: ctx.channel.id, externalId } });
    if (existing) return { outcome: 'applied', detail: 'already stored' };
    const comment = m.create(CommentEntity, { channelId: ctx.channel.id, platform: ctx.channel.platform, externalId: externalId.slice(0, 191), ...fields });
    await m.insert(CommentEntity, comment);
    ctx.afterCommit(() => this.gateway.created(comment));
    return { outcome: 'applied' };
  }

  /** Facebook feed verbs: add / edit / remove / hide / unhide, converging by Meta's send time. */
  private async feedChange(
    ctx: ApplyContext,
    externalId: string,
    kind: CommentKind,
    action: string,
    event: NormalizedEvent,
    fields: Partial<CommentEntity>,
  ): Promise<ApplyResult> {
    const m = ctx.manager;
    const eventAt = when(event.entryTime ?? event.timestamp);
    let comment = await m.findOne(CommentEntity, { where: { channelId: ctx.channel.id, externalId } });
    const isNew = !comment;
    if (!comment) {
      comment = m.create(CommentEntity, {
        channelId: ctx.channel.id,
        platform: ctx.channel.platform,
        kind,
        externalId: externalId.slice(0, 191),
        commentedAt: when(event.timestamp),
        lastEventAt: null,
        ...fields,
      });
      comment.text = fields.text ?? null;
    } else if (comment.lastEventAt && comment.lastEventAt > eventAt && action !== 'remove') {
      return { outcome: 'applied', detail: 'older than the stored state' };
    }
    switch (action) {
      case 'edit':
        if (fields.text !== undefined && fields.text !== null) comment.text = fields.text;
        comment.editedAt = eventAt;
        break;
      case 'remove':
        comment.removedAt ??= eventAt;
        break;
      case 'hide':
        comment.isHidden = true;
        break;
      case 'unhide':
        comment.isHidden = false;
        break;
      default:
        break;
    }
    comment.lastEventAt = !comment.lastEventAt || comment.lastEventAt < eventAt ? eventAt : comment.lastEventAt;
    const saved = await m.save(comment);
    ctx.afterCommit(() => (isNew ? this.gateway.created(saved) : this.gateway.updated(saved)));
    return { outcome: 'applied' };
  }
}
