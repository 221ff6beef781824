import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { COMMENT_STATUSES, CommentKindFilter, CommentSource, CommentStatusCounts, CommentStatusFilter, MessagePlatform, Role } from '@ticklegram/domain-models';
import { Brackets, In, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { rawDate } from '../../../database/raw-date';
import { Caller, CommentAccessPolicy } from '../comment-access.policy';
import { CommentChannelCountEntity } from '../entities/comment-channel-count.entity';
import { CommentCountEntity } from '../entities/comment-count.entity';
import { CommentSearchEntity } from '../entities/comment-search.entity';
import { CommentEntity } from '../entities/comment.entity';
import { CommentSearchRepository } from './comment-search.repository';

/**
 * A text search as a condition of the stream (planned by `CommentSearch`): ids holding every match the page
 * needs (the page a walk found, or every match the index holds) or, the last resort, the full-text index
 * inside the query.
 */
export type CommentSearchCondition = { kind: 'ids'; ids: string[] } | { kind: 'index'; terms: string[] };

/** What a search walk reads of each row of the stream: its place, its status and its search document (null: none). */
export type CommentDocumentRow = Pick<CommentEntity, 'id' | 'commentedAt' | 'status'> & { body: string | null };

export interface CommentFilters {
  platform?: MessagePlatform;
  channelId?: string;
  postId?: string;
  source?: CommentSource;
  kind?: CommentKindFilter;
  /** The text search; none: no text search. */
  search?: CommentSearchCondition;
  /** undefined: anyone; null: unassigned; a user id. */
  assigneeId?: string | null;
}

const KIND_WHERE: Record<CommentKindFilter, string> = {
  comment: "comment.kind = 'comment' AND comment.is_reply = :no",
  reply: "comment.kind = 'comment' AND comment.is_reply = :yes",
  mention: "comment.kind = 'mention'",
  live: "comment.kind = 'live_comment'",
  post: "comment.kind = 'post'",
};

/**
 * Reads of `comments`, always within the caller's scope. The stream is newest first by
 * (commented_at, id) — the cursor — and each equality filter leads an index ending in that pair.
 */
@Injectable()
export class CommentRepository {
  constructor(
    @InjectRepository(CommentEntity) private readonly comments: Repository<CommentEntity>,
    @InjectRepository(CommentCountEntity) private readonly counts$: Repository<CommentCountEntity>,
    @InjectRepository(CommentChannelCountEntity) private readonly channelCounts: Repository<CommentChannelCountEntity>,
    private readonly search: CommentSearchRepository,
  ) {}

  /** A page of the stream, newest first after `after`. */
  list(
    caller: Caller,
    filters: CommentFilters,
    status: CommentStatusFilter,
    after: { at: Date; id: string } | undefined,
    limit: number,
  ): Promise<CommentEntity[]> {
    return this.page(caller, filters, status, after).take(limit).getMany();
  }

  /**
   * `size` rows of the stream after `after`, in stream order, each with its search document — one query,
   * raw rows (a walk reads hundreds of them per request).
   */
  async streamDocuments(
    caller: Caller,
    filters: CommentFilters,
    status: CommentStatusFilter,
    after: { at: Date; id: string } | undefined,
    size: number,
  ): Promise<CommentDocumentRow[]> {
    const rows = await this.page(caller, filters, status, after)
      .leftJoin(CommentSearchEntity, 'cs', 'cs.comment_id = comment.id')
      .select('comment.id', 'id')
      .addSelect('comment.commented_at', 'commentedAt')
      .addSelect('comment.status', 'status')
      .addSelect('cs.body', 'body')
      .limit(size)
      .getRawMany<Omit<CommentDocumentRow, 'commentedAt'> & { commentedAt: Date | string }>();
    return rows.map((r) => ({ ...r, commentedAt: rawDate(r.commentedAt) }));
  }

  /** The stream under the filters and the caller's scope, newest first from `after`. */
  private page(caller: Caller, filters: CommentFilters, status: CommentStatusFilter, after: { at: Date; id: string } | undefined) {
    const qb = this.filtered(caller, filters);
    if (status === 'all') qb.andWhere("comment.status <> 'own'");
    else qb.andWhere('comment.status = :status', { status });
    if (after)
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('comment.commented_at < :at', { at: after.at })
            .orWhere('comment.commented_at = :at AND comment.id < :afterId', { at: after.at, afterId: after.id }),
        ),
      );
    return qb.orderBy('comment.commented_at', 'DESC').addOrderBy('comment.id', 'DESC');
  }

  /**
   * Per status over the same filters. Without a text search they are a sum over the counters kept by
   * every comment write — `comment_counts` for one post, else the far smaller `comment_channel_counts`;
   * a search condition (`CommentSearch` only asks for few ids) counts the matching rows.
   */
  async counts(caller: Caller, filters: CommentFilters): Promise<CommentStatusCounts> {
    const rows = filters.search
      ? await this.filtered(caller, filters)
          .select('comment.status', 'status')
          .addSelect('COUNT(*)', 'n')
          .andWhere("comment.status <> 'own'")
          .groupBy('comment.status')
          .getRawMany<{ status: string; n: string | number }>()
      : await this.counted(caller, filters)
          .select('cc.status', 'status')
          .addSelect('SUM(cc.n)', 'n')
          .groupBy('cc.status')
          .getRawMany<{ status: string; n: string | number }>();
    return statusCounts(rows);
  }

  /** Comments and needs-reply counts per post (customer comments only). */
  async countsByPost(caller: Caller, channelIds: string[], postIds: string[]): Promise<Map<string, { total: number; needsReply: number }>> {
    const out = new Map<string, { total: number; needsReply: number }>();
    if (!postIds.length) return out;
    const rows = await this.counted(caller, {}, true)
      .select('cc.channel_id', 'channelId')
      .addSelect('cc.object_external_id', 'postId')
      .addSelect('cc.status', 'status')
      .addSelect('SUM(cc.n)', 'n')
      .andWhere('cc.object_external_id IN (:...postIds)', { postIds })
      .andWhere('cc.channel_id IN (:...channelIds)', { channelIds })
      .groupBy('cc.channel_id')
      .addGroupBy('cc.object_external_id')
      .addGroupBy('cc.status')
      .getRawMany<{ channelId: string; postId: string; status: string; n: string | number }>();
    for (const row of rows) {
      const key = `${row.channelId}:${row.postId}`;
      const entry = out.get(key) ?? { total: 0, needsReply: 0 };
      entry.total += Number(row.n);
      if (row.status === 'needs_reply') entry.needsReply += Number(row.n);
      out.set(key, entry);
    }
    return out;
  }

  findVisible(caller: Caller, id: string): Promise<CommentEntity | null> {
    const qb = this.comments.createQueryBuilder('comment').where('comment.id = :id', { id });
    return CommentAccessPolicy.applyTo(qb, caller).getOne();
  }

  findByExternalId(channelId: string, externalId: string): Promise<CommentEntity | null> {
    return this.comments.findOneBy({ channelId, externalId });
  }

  /** Replies under a comment (ours included), oldest first. */
  replies(channelId: string, externalId: string): Promise<CommentEntity[]> {
    return this.comments.find({ where: { channelId, parentExternalId: externalId }, order: { commentedAt: 'ASC', id: 'ASC' }, take: 200 });
  }

  /** The author's other comments on this channel, newest first, within the caller's scope. */
  byAuthor(caller: Caller, channelId: string, authorExternalId: string, exceptId: string, limit: number): Promise<CommentEntity[]> {
    const qb = this.comments
      .createQueryBuilder('comment')
      .where('comment.channel_id = :channelId AND comment.author_external_id = :author AND comment.id <> :exceptId', {
        channelId,
        author: authorExternalId,
        exceptId,
      });
    return CommentAccessPolicy.applyTo(qb, caller).orderBy('comment.commented_at', 'DESC').addOrderBy('comment.id', 'DESC').take(limit).getMany();
  }

  /**
   * A person's comments linked to their DM identity by Meta's ids only: comments they wrote with this
   * id on the same platform, comments whose private reply reached this id, and the other comments of
   * authors a private reply linked (Facebook commenter ids differ from PSIDs).
   */
  async ofPerson(caller: Caller, channelId: string, platform: MessagePlatform, customerExternalId: string, limit: number): Promise<CommentEntity[]> {
    const replied = await this.comments.find({ select: { authorExternalId: true }, where: { channelId, privateReplyRecipientId: customerExternalId } });
    const authors = [...new Set([customerExternalId, ...replied.map((c) => c.authorExternalId).filter((a): a is string => !!a)])];
    const qb = this.comments
      .createQueryBuilder('comment')
      .where(
        new Brackets((w) =>
          w
            .where('comment.channel_id = :channelId AND comment.private_reply_recipient_id = :customer', { channelId, customer: customerExternalId })
            .orWhere('comment.platform = :platform AND comment.author_external_id IN (:...authors)', { platform, authors }),
        ),
      );
    return CommentAccessPolicy.applyTo(qb, caller).orderBy('comment.commented_at', 'DESC').addOrderBy('comment.id', 'DESC').take(limit).getMany();
  }

  findByIds(ids: string[]): Promise<CommentEntity[]> {
    return ids.length ? this.comments.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /**
   * Counter rows matching the equality filters and the caller's scope (`''` = none): `comment_counts`
   * for a post (or `perPost`), else `comment_channel_counts` (the same keys without the post).
   */
  private counted(caller: Caller, f: CommentFilters, perPost = f.postId !== undefined): SelectQueryBuilder<ObjectLiteral> {
    const qb: SelectQueryBuilder<ObjectLiteral> = (perPost ? this.counts$ : this.channelCounts).createQueryBuilder('cc').where("cc.status <> 'own'");
    if (f.platform) qb.andWhere('cc.platform = :platform', { platform: f.platform });
    if (f.channelId) qb.andWhere('cc.channel_id = :channelId', { channelId: f.channelId });
    if (f.postId) qb.andWhere('cc.object_external_id = :postId', { postId: f.postId });
    if (f.source) qb.andWhere('cc.is_ad = :isAd', { isAd: f.source === 'ad' });
    if (f.kind) qb.andWhere(KIND_WHERE[f.kind].replace(/comment\./g, 'cc.'), { yes: true, no: false });
    if (f.assigneeId === null) qb.andWhere("cc.assignee_id = ''");
    else if (f.assigneeId) qb.andWhere('cc.assignee_id = :assigneeId', { assigneeId: f.assigneeId });
    if (caller.role !== Role.ADMIN) qb.andWhere("cc.assignee_id IN ('', :scopeUserId)", { scopeUserId: caller.id });
    return qb;
  }

  private filtered(caller: Caller, f: CommentFilters): SelectQueryBuilder<CommentEntity> {
    const qb = this.comments.createQueryBuilder('comment').where('1 = 1');
    if (f.platform) qb.andWhere('comment.platform = :platform', { platform: f.platform });
    if (f.channelId) qb.andWhere('comment.channel_id = :channelId', { channelId: f.channelId });
    if (f.postId) qb.andWhere('comment.object_external_id = :postId', { postId: f.postId });
    if (f.source) qb.andWhere('comment.is_ad = :isAd', { isAd: f.source === 'ad' });
    if (f.kind) qb.andWhere(KIND_WHERE[f.kind], { yes: true, no: false });
    if (f.assigneeId === null) qb.andWhere('comment.assignee_id IS NULL');
    else if (f.assigneeId) qb.andWhere('comment.assignee_id = :assigneeId', { assigneeId: f.assigneeId });
    if (f.search?.kind === 'ids') qb.andWhere(f.search.ids.length ? 'comment.id IN (:...searchIds)' : '1 = 0', { searchIds: f.search.ids });
    else if (f.search?.kind === 'index') qb.andWhere(this.search.subquery('comment'), { commentSearch: this.search.engineQuery(f.search.terms) });
    return CommentAccessPolicy.applyTo(qb, caller);
  }
}

/** Per status (and all of them) from rows of a status and a number, 'own' left out. */
export function statusCounts(rows: { status: string; n: string | number }[]): CommentStatusCounts {
  const counts = Object.fromEntries([...COMMENT_STATUSES, 'all'].map((s) => [s, 0])) as CommentStatusCounts;
  for (const row of rows) {
    if (!(row.status in counts)) continue;
    const n = Number(row.n);
    counts[row.status as keyof CommentStatusCounts] += n;
    counts.all += n;
  }
  return counts;
}
