import { Injectable } from '@nestjs/common';
import { FeedCommentEvent, FeedPostEvent, IgCommentEvent, IgMentionEvent, NormalizedEvent, PageMentionEvent } from '@ticklegram/domain-models';
import { AppliesEvents } from '../../webhooks/ingestion/applies-events.decorator';
import { ApplyContext, ApplyResult, EventApplier } from '../../webhooks/ingestion/event-applier';
import { toCommentDto } from '../comment.mapper';
import { CommentWriter, UNTOUCHED_COMMENT } from '../comment-writer';
import { CommentsGateway } from '../comments.gateway';
import { CommentEntity } from '../entities/comment.entity';
import { CommentActionWorker } from '../moderation/comment-action.worker';
import { RuleRunner } from '../rules/rule-runner';
import { CommentEnricher } from './comment-enricher';

type CommentEvent = IgCommentEvent | IgMentionEvent | FeedCommentEvent | FeedPostEvent | PageMentionEvent;

const when = (ms: number | null): Date => new Date(ms ?? Date.now());

type NewComment = Partial<CommentEntity> & Pick<CommentEntity, 'kind' | 'commentedAt'>;

/**
 * Stores Instagram and Facebook comments, Live comments, ad comments, visitor posts and mentions, with
 * the post they belong to; runs the auto-moderation rules on every new customer comment (in the same
 * transaction: local actions apply at once, Graph actions are queued for {@link CommentActionWorker});
 * announces after the commit and lets the enricher fetch what the webhook did not carry (captions,
 * thumbnails, a mention's text). Post reactions (`feed_reaction`) are not claimed.
 */
@Injectable()
@AppliesEvents('ig_comment', 'ig_mention', 'feed_comment', 'feed_post', 'page_mention')
export class CommentEventsApplier implements EventApplier<CommentEvent> {
  constructor(
    private readonly writer: CommentWriter,
    private readonly rules: RuleRunner,
    private readonly gateway: CommentsGateway,
    private readonly enricher: CommentEnricher,
    private readonly worker: CommentActionWorker,
  ) {}

  /** Reads the enabled rules before the transaction (a cache; `apply` reads it again if it expired). */
  async prepare(): Promise<void> {
    await this.rules.warm();
  }

  async apply(event: CommentEvent, ctx: ApplyContext): Promise<ApplyResult> {
    switch (event.type) {
      case 'ig_comment':
        return this.insertNew(ctx, event.commentId, {
          kind: event.field === 'live_comments' ? 'live_comment' : 'comment',
          parentExternalId: event.parentId,
          objectExternalId: event.media?.id ?? null,
          mediaProductType: event.field === 'live_comments' ? 'LIVE' : (event.media?.productType ?? null),
          adId: event.media?.adId ?? null,
          adTitle: event.media?.adTitle ?? null,
          authorExternalId: event.from?.id ?? null,
          authorUsername: event.from?.username ?? null,
          authorName: event.from?.name ?? null,
          isFromBusiness: event.isFromBusiness,
          text: event.text,
          commentedAt: when(event.timestamp),
        });
      case 'ig_mention':
        return this.insertNew(ctx, event.commentId ?? `mention:${event.mediaId ?? event.dedupeKey}`, {
          kind: 'mention',
          objectExternalId: event.mediaId,
          mediaProductType: 'MENTION',
          commentedAt: when(event.timestamp),
        });
      case 'page_mention':
        return this.feedChange(ctx, event.commentId ?? event.postId ?? `mention:${event.dedupeKey}`, event.action, event, {
          kind: 'mention',
          objectExternalId: event.postId,
          mediaProductType: 'MENTION',
          authorExternalId: event.from?.id ?? null,
          authorName: event.from?.name ?? null,
          text: event.message,
          commentedAt: when(event.timestamp),
        });
      case 'feed_comment':
        return this.feedChange(ctx, event.commentId, event.action, event, {
          kind: 'comment',
          parentExternalId: event.isReply ? event.parentId : null,
          objectExternalId: event.postId,
          mediaProductType: event.postIsAd ? 'AD' : 'POST',
          authorExternalId: event.from?.id ?? null,
          authorName: event.from?.name ?? null,
          isFromBusiness: event.isFromPage,
          text: event.message,
          permalinkUrl: event.postPermalinkUrl?.slice(0, 1024) ?? null,
          commentedAt: when(event.timestamp),
          ...(event.isHidden !== null ? { isHidden: event.isHidden } : {}),
        });
      case 'feed_post':
        // the Page's own posts are not comments: only the post row (for the desk's post list)
        if (event.isFromPage) return this.pagePost(ctx, event);
        return this.feedChange(ctx, event.postId, event.action, event, {
          kind: 'post',
          objectExternalId: event.postId,
          mediaProductType: 'VISITOR_POST',
          authorExternalId: event.from?.id ?? null,
          authorName: event.from?.name ?? null,
          text: event.message,
          commentedAt: when(event.timestamp),
          ...(event.isHidden !== null ? { isHidden: event.isHidden } : {}),
        });
    }
  }

  /** Instagram reports new comments only (no verb): the first delivery stores it, later ones are no-ops. */
  private async insertNew(ctx: ApplyContext, externalId: string, fields: NewComment): Promise<ApplyResult> {
    const m = ctx.manager;
    const existing = await this.writer.lockByExternalId(m, ctx.channel.id, externalId.slice(0, 191));
    if (existing) return { outcome: 'applied', detail: 'already stored' };
    const comment = await this.writer.insert(m, this.build(ctx, externalId, fields));
    await this.afterInsert(ctx, comment);
    return { outcome: 'applied' };
  }

  /** Facebook feed / mention verbs: add / edit / remove / hide / unhide, converging by Meta's send time. */
  private async feedChange(ctx: ApplyContext, externalId: string, action: string, event: NormalizedEvent, fields: NewComment): Promise<ApplyResult> {
    const m = ctx.manager;
    const eventAt = when(event.entryTime ?? event.timestamp);
    const existing = await this.writer.lockByExternalId(m, ctx.channel.id, externalId.slice(0, 191));
    if (!existing) {
      const comment = this.build(ctx, externalId, fields);
      comment.lastEventAt = eventAt;
      this.change(comment, action, fields, eventAt);
      await this.writer.insert(m, comment);
      await this.afterInsert(ctx, comment);
      return { outcome: 'applied' };
    }
    if (existing.lastEventAt && existing.lastEventAt > eventAt && action !== 'remove') return { outcome: 'applied', detail: 'older than the stored state' };
    this.change(existing, action, fields, eventAt);
    if (!existing.lastEventAt || existing.lastEventAt < eventAt) existing.lastEventAt = eventAt;
    const saved = await this.writer.save(m, existing);
    const dto = toCommentDto(saved);
    ctx.afterCommit(() => this.gateway.updated(dto));
    return { outcome: 'applied' };
  }

  private change(comment: CommentEntity, action: string, fields: NewComment, eventAt: Date): void {
    switch (action) {
      case 'edit':
        if (fields.text !== undefined && fields.text !== null) comment.text = fields.text;
        comment.editedAt = eventAt;
        break;
      case 'remove':
        if (!comment.removedAt) {
          comment.removedAt = eventAt;
          comment.removedBy = comment.removedBy ?? 'author';
        }
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
  }

  private build(ctx: ApplyContext, externalId: string, fields: NewComment): CommentEntity {
    return Object.assign(
      new CommentEntity(),
      {
        channelId: ctx.channel.id,
        platform: ctx.channel.platform,
        externalId: externalId.slice(0, 191),
        parentExternalId: null,
        objectExternalId: null,
        mediaProductType: null,
        adId: null,
        authorExternalId: null,
        isFromBusiness: false,
        text: null,
        isHidden: false,
        lastEventAt: null,
        ...UNTOUCHED_COMMENT,
        ...fields,
      },
      {
        adTitle: fields.adTitle?.slice(0, 255) ?? null,
        authorName: fields.authorName?.slice(0, 160) ?? null,
        authorUsername: fields.authorUsername?.slice(0, 64) ?? null,
      },
    );
  }

  /** The post row, the rules (customer comments only), and after the commit: the event, enrichment, queued actions. */
  private async afterInsert(ctx: ApplyContext, comment: CommentEntity): Promise<void> {
    const m = ctx.manager;
    if (comment.objectExternalId) {
      await this.writer.touchPost(m, {
        channelId: comment.channelId,
        platform: comment.platform,
        externalId: comment.objectExternalId,
        productType: comment.mediaProductType,
        isAd: comment.isAd,
        adId: comment.adId,
        adTitle: comment.adTitle,
        commentAt: comment.isFromBusiness ? null : comment.commentedAt,
      });
    }
    const queued = comment.isFromBusiness || comment.removedAt ? 0 : await this.rules.run(m, ctx.channel, comment);
    const parent = comment.isFromBusiness && comment.parentExternalId ? await this.markParentReplied(ctx, comment) : null;
    const dto = toCommentDto(comment);
    ctx.afterCommit(() => {
      this.gateway.created(dto);
      if (parent) this.gateway.updated(parent);
      this.enricher.enqueue(ctx.channel, comment);
      if (queued > 0) this.worker.wake();
    });
  }

  /** Our reply (from this app or Meta's own apps) answers its parent. */
  private async markParentReplied(ctx: ApplyContext, reply: CommentEntity) {
    const parent = await this.writer.lockByExternalId(ctx.manager, reply.channelId, reply.parentExternalId as string);
    if (!parent || parent.isFromBusiness || (parent.repliedAt && parent.repliedAt >= reply.commentedAt)) return null;
    parent.repliedAt = reply.commentedAt;
    return toCommentDto(await this.writer.save(ctx.manager, parent));
  }

  private async pagePost(ctx: ApplyContext, event: FeedPostEvent): Promise<ApplyResult> {
    if (event.action === 'remove') return { outcome: 'noted', detail: 'the Page removed one of its posts' };
    await this.writer.touchPost(ctx.manager, {
      channelId: ctx.channel.id,
      platform: ctx.channel.platform,
      externalId: event.postId,
      productType: event.published === false ? 'AD' : 'POST',
      caption: event.message,
      thumbnailUrl: event.photoUrl,
      postedAt: event.timestamp ? new Date(event.timestamp) : null,
    });
    return { outcome: 'applied', detail: 'post of the Page' };
  }
}
