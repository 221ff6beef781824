import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import type { ChannelRef } from '../../channels/channel-ref';
import { toCommentDto } from '../comment.mapper';
import { CommentWriter, UNTOUCHED_COMMENT } from '../comment-writer';
import { CommentsGateway } from '../comments.gateway';
import { CommentPostEntity } from '../entities/comment-post.entity';
import { CommentEntity } from '../entities/comment.entity';
import type { FetchedPost } from './graph-snapshots';

/**
 * Merges one fetched post into `comment_posts` and `comments`, in one transaction: unknown comments are
 * inserted (keyed by Meta's id, like webhooks, so both paths converge on one row); known ones take
 * Graph's text and hidden state only when no webhook told us something newer than the fetch.
 */
@Injectable()
export class BackfillMerger {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: CommentWriter,
    private readonly gateway: CommentsGateway,
  ) {}

  async merge(channel: ChannelRef, post: FetchedPost): Promise<{ seen: number; added: number }> {
    const fetchedAt = new Date();
    const customerTimes = post.comments.filter((c) => !c.isFromBusiness).map((c) => c.commentedAt.getTime());
    const { created, updated } = await this.dataSource.transaction(async (m) => {
      await this.writer.touchPost(m, {
        channelId: channel.id,
        platform: channel.platform,
        externalId: post.externalId,
        productType: post.productType,
        isAd: post.isAd,
        caption: post.caption,
        permalinkUrl: post.permalinkUrl,
        thumbnailUrl: post.thumbnailUrl,
        postedAt: post.postedAt,
        fetchedAt,
        commentAt: customerTimes.length ? new Date(Math.max(...customerTimes)) : null,
      });
      const ids = post.comments.map((c) => c.externalId.slice(0, 191));
      const known = ids.length ? await m.find(CommentEntity, { where: { channelId: channel.id, externalId: In(ids) } }) : [];
      const byId = new Map(known.map((c) => [c.externalId, c]));
      const created: CommentEntity[] = [];
      const updated: CommentEntity[] = [];
      for (const fetched of post.comments) {
        const existing = byId.get(fetched.externalId);
        if (existing) {
          if (existing.removedAt || (existing.lastEventAt && existing.lastEventAt > fetchedAt)) continue;
          const hidden = fetched.hidden ?? existing.isHidden;
          if (existing.text === fetched.text && existing.isHidden === hidden) continue;
          if (fetched.text !== null && existing.text !== fetched.text) {
            existing.text = fetched.text;
            existing.editedAt = existing.text === null ? null : fetchedAt;
          }
          existing.isHidden = hidden;
          existing.lastEventAt = fetchedAt;
          updated.push(await this.writer.save(m, existing));
          continue;
        }
        const comment = Object.assign(new CommentEntity(), {
          channelId: channel.id,
          platform: channel.platform,
          kind: post.productType === 'LIVE' ? 'live_comment' : 'comment',
          externalId: fetched.externalId.slice(0, 191),
          parentExternalId: fetched.parentExternalId,
          objectExternalId: post.externalId,
          mediaProductType: post.productType,
          adId: null,
          adTitle: null,
          authorExternalId: fetched.authorExternalId,
          authorName: fetched.authorName?.slice(0, 160) ?? null,
          authorUsername: fetched.authorUsername?.slice(0, 64) ?? null,
          isFromBusiness: fetched.isFromBusiness,
          text: fetched.text,
          isHidden: fetched.hidden ?? false,
          commentedAt: fetched.commentedAt,
          lastEventAt: fetchedAt,
          ...UNTOUCHED_COMMENT,
        });
        created.push(await this.writer.insert(m, comment));
      }
      // a customer comment we answered in Meta's own apps counts as replied
      for (const comment of [...created, ...known]) {
        if (comment.isFromBusiness || comment.repliedAt) continue;
        const ours = post.comments.find((c) => c.isFromBusiness && c.parentExternalId === comment.externalId);
        if (!ours) continue;
        comment.repliedAt = ours.commentedAt;
        const saved = await this.writer.save(m, comment);
        if (!created.includes(comment)) updated.push(saved);
      }
      return { created, updated };
    });
    for (const c of created) this.gateway.created(toCommentDto(c));
    for (const c of updated) this.gateway.updated(toCommentDto(c));
    return { seen: post.comments.length, added: created.length };
  }

  /** Lives we knew as on air that `/live_media` no longer lists have ended (private replies close). */
  async markEndedLives(channel: ChannelRef, posts: FetchedPost[]): Promise<void> {
    const onAir = new Set(posts.filter((p) => p.productType === 'LIVE').map((p) => p.externalId));
    const lives = await this.dataSource.getRepository(CommentPostEntity).find({ where: { channelId: channel.id, productType: 'LIVE', liveEndedAt: IsNull() } });
    const ended = lives.filter((l) => !onAir.has(l.externalId));
    if (ended.length)
      await this.dataSource.getRepository(CommentPostEntity).update({ id: In(ended.map((l) => l.id)) }, { liveEndedAt: new Date(), updatedAt: new Date() });
  }
}
