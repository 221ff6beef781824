import { Injectable } from '@nestjs/common';
import { commentStatusOf, MessagePlatform } from '@ticklegram/domain-models';
import { EntityManager } from 'typeorm';
import { searchDocument } from '../../common/search/search-text';
import { insertRow } from '../../database/fast-insert';
import { lockFor } from '../inbox/ingestion/row-lock';
import { CommentCounters } from './comment-counters';
import { CommentPostEntity } from './entities/comment-post.entity';
import { CommentEntity } from './entities/comment.entity';
import { CommentSearchEntity } from './entities/comment-search.entity';

export interface PostTouch {
  channelId: string;
  platform: MessagePlatform;
  externalId: string;
  productType?: string | null;
  isAd?: boolean;
  adId?: string | null;
  adTitle?: string | null;
  /** A customer comment arrived at this time (moves the post up the desk's list). */
  commentAt?: Date | null;
  caption?: string | null;
  permalinkUrl?: string | null;
  thumbnailUrl?: string | null;
  postedAt?: Date | null;
  fetchedAt?: Date | null;
  liveEndedAt?: Date | null;
}

/** What a comment starts with before anyone (Meta or the desk) acted on it; spread into new rows. */
export const UNTOUCHED_COMMENT = {
  removedAt: null,
  removedBy: null,
  editedAt: null,
  permalinkUrl: null,
  assigneeId: null,
  labelIds: null,
  repliedAt: null,
  privateRepliedAt: null,
  privateReplyMid: null,
  privateReplyRecipientId: null,
  privateReplyQueued: false,
  doneAt: null,
} as const satisfies Partial<CommentEntity>;

/**
 * The one write path of `comments` and `comment_posts` (ingestion, backfill, moderation): keeps the
 * stored `status` equal to {@link commentStatusOf} of the row, `comment_counts` in step, and a post's
 * `last_comment_at` moving forward only. Writes go through the caller's manager (its transaction).
 */
@Injectable()
export class CommentWriter {
  constructor(private readonly counters: CommentCounters) {}

  /** Recomputes the derived columns; call after changing a comment, before saving it. */
  derive(c: CommentEntity): CommentEntity {
    c.isReply = c.kind === 'comment' && c.parentExternalId !== null;
    c.isAd = c.adId !== null || c.mediaProductType === 'AD';
    c.status = commentStatusOf({
      isFromBusiness: c.isFromBusiness,
      removed: c.removedAt !== null,
      isHidden: c.isHidden,
      replied: c.repliedAt !== null || c.privateRepliedAt !== null,
      done: c.doneAt !== null,
    });
    return c;
  }

  async insert(m: EntityManager, c: CommentEntity): Promise<CommentEntity> {
    this.derive(c);
    await insertRow(m, CommentEntity, c);
    await this.counters.adjust(m, null, c);
    await this.index(m, c);
    return c;
  }

  async save(m: EntityManager, c: CommentEntity): Promise<CommentEntity> {
    this.derive(c);
    c.updatedAt = new Date();
    const before = await this.counters.storedKey(m, c.id);
    const saved = await m.save(CommentEntity, c);
    await this.counters.adjust(m, before, saved);
    await this.index(m, saved);
    return saved;
  }

  /** Keeps `comment_search` equal to the comment's searchable text (deletes cascade). */
  private async index(m: EntityManager, c: CommentEntity): Promise<void> {
    const body = searchDocument(c.text, c.authorName, c.authorUsername);
    if (body) await m.upsert(CommentSearchEntity, { commentId: c.id, body }, ['commentId']);
    else await m.delete(CommentSearchEntity, { commentId: c.id });
  }

  /** Reads a comment for a change (locking its row on MySQL, so concurrent changes serialise). */
  lockById(m: EntityManager, id: string): Promise<CommentEntity | null> {
    return m.findOne(CommentEntity, { where: { id }, ...lockFor(m) });
  }

  lockByExternalId(m: EntityManager, channelId: string, externalId: string): Promise<CommentEntity | null> {
    return m.findOne(CommentEntity, { where: { channelId, externalId }, ...lockFor(m) });
  }

  /** Creates the post row on first sight and merges what is known now (never erasing known values with nulls). */
  async touchPost(m: EntityManager, touch: PostTouch): Promise<CommentPostEntity> {
    let post = await m.findOne(CommentPostEntity, { where: { channelId: touch.channelId, externalId: touch.externalId }, ...lockFor(m) });
    const isNew = !post;
    post ??= m.create(CommentPostEntity, {
      channelId: touch.channelId,
      platform: touch.platform,
      externalId: touch.externalId.slice(0, 191),
      productType: null,
      isAd: false,
      adId: null,
      adTitle: null,
      caption: null,
      permalinkUrl: null,
      thumbnailUrl: null,
      postedAt: null,
      lastCommentAt: null,
      liveEndedAt: null,
      fetchedAt: null,
    });
    const keep = <K extends keyof CommentPostEntity>(key: K, value: CommentPostEntity[K] | undefined) => {
      if (value !== undefined && value !== null) post[key] = value;
    };
    keep('productType', touch.productType?.slice(0, 32));
    keep('adId', touch.adId);
    keep('adTitle', touch.adTitle?.slice(0, 255));
    keep('caption', touch.caption);
    keep('permalinkUrl', touch.permalinkUrl?.slice(0, 1024));
    keep('thumbnailUrl', touch.thumbnailUrl?.slice(0, 2048));
    keep('postedAt', touch.postedAt);
    keep('fetchedAt', touch.fetchedAt);
    keep('liveEndedAt', touch.liveEndedAt);
    if (touch.isAd || post.adId || post.productType === 'AD') post.isAd = true;
    if (touch.commentAt && (!post.lastCommentAt || post.lastCommentAt < touch.commentAt)) post.lastCommentAt = touch.commentAt;
    if (isNew) await insertRow(m, CommentPostEntity, post);
    else {
      post.updatedAt = new Date();
      await m.save(CommentPostEntity, post);
    }
    return post;
  }
}
