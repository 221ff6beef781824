import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { COMMENT_STATUSES, CommentKindFilter, CommentSource, CommentStatusCounts, CommentStatusFilter, MessagePlatform, Role } from '@ticklegram/domain-models';
import { Brackets, In, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { scanMatching } from '../../../common/search/scan-matching';
import { Caller, CommentAccessPolicy } from '../comment-access.policy';
import { CommentChannelCountEntity } from '../entities/comment-channel-count.entity';
import { CommentCountEntity } from '../entities/comment-count.entity';
import { CommentEntity } from '../entities/comment.entity';
import { COMMENT_SEARCH_LIMITS, CommentSearchMatch, CommentSearchRepository } from './comment-search.repository';

export interface CommentFilters {
  platform?: MessagePlatform;
  channelId?: string;
  postId?: string;
  source?: CommentSource;
  kind?: CommentKindFilter;
  /** What the text search matched (`CommentRepository.searchMatch`); none: no text search. */
  search?: CommentSearchMatch;
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

  searchMatch(text: string): Promise<CommentSearchMatch> {
    return this.search.match(text);
  }

  async list(
    caller: Caller,
    filters: CommentFilters,
    status: CommentStatusFilter,
    after: { at: Date; id: string } | undefined,
    limit: number,
  ): Promise<CommentEntity[]> {
    if (filters.search?.kind === 'none') return [];
    if (filters.search?.kind === 'many') return this.walkStream(caller, filters, filters.search.terms, status, after, limit);
    return this.page(caller, filters, status, after).take(limit).getMany();
  }

  /**
   * A common word: walk the stream's ordered index and keep the rows whose document matches, a chunk at a
   * time, until the page is full; a word common overall but rare under these filters falls back to the
   * full-text index after `scanMax` rows.
   */
  private async walkStream(
    caller: Caller,
    filters: CommentFilters,
    terms: string[],
    status: CommentStatusFilter,
    after: { at: Date; id: string } | undefined,
    limit: number,
  ): Promise<CommentEntity[]> {
    const { scanChunk, scanMax } = COMMENT_SEARCH_LIMITS;
    const walk = await scanMatching<Pick<CommentEntity, 'id' | 'commentedAt'>>({
      chunk: (last, size) =>
        this.page(caller, filters, status, last ? { at: last.commentedAt, id: last.id } : after)
          .select(['comment.id', 'comment.commentedAt'])
          .take(size)
          .getMany(),
      matching: async (rows) => {
        const hits = await this.search.matching(
          rows.map((c) => c.id),
          terms,
        );
        return new Set(rows.filter((c) => hits.has(c.id)));
      },
      want: limit,
      chunkSize: scanChunk,
      keepGoing: ({ scanned }) => scanned < scanMax,
    });
    const found = walk.found.map((c) => c.id);
    if (!walk.complete && walk.last) {
      const rest = await this.page(caller, filters, status, { at: walk.last.commentedAt, id: walk.last.id })
        .andWhere(this.search.subquery('comment'), { commentSearch: this.search.engineQuery(terms) })
        .select(['comment.id'])
        .take(limit - found.length)
        .getMany();
      found.push(...rest.map((r) => r.id));
    }
    return found.length ? this.comments.find({ where: { id: In(found) }, order: { commentedAt: 'DESC', id: 'DESC' } }) : [];
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
   * every comment write — `comment_counts` for one post, else the far smaller `comment_channel_counts`; a search counts its matches — for a common word (`many`) only the first
   * `candidateCap` of them, so each count is then a lower bound (`atLeast`).
   */
  async counts(caller: Caller, filters: CommentFilters): Promise<{ counts: CommentStatusCounts; atLeast: boolean }> {
    const match = filters.search;
    const ids = match?.kind === 'ids' ? match.ids : match?.kind === 'many' ? match.sample : [];
    const rows = !match
      ? await this.counted(caller, filters)
          .select('cc.status', 'status')
          .addSelect('SUM(cc.n)', 'n')
          .groupBy('cc.status')
          .getRawMany<{ status: string; n: string | number }>()
      : ids.length
        ? await this.filtered(caller, { ...filters, search: undefined })
            .select('comment.status', 'status')
            .addSelect('COUNT(*)', 'n')
            .andWhere("comment.status <> 'own'")
            .andWhere('comment.id IN (:...searchIds)', { searchIds: ids })
            .groupBy('comment.status')
            .getRawMany<{ status: string; n: string | number }>()
        : [];
    const counts = Object.fromEntries([...COMMENT_STATUSES, 'all'].map((s) => [s, 0])) as CommentStatusCounts;
    for (const row of rows) {
      const n = Number(row.n);
      if (row.status in counts) counts[row.status as keyof CommentStatusCounts] = n;
      counts.all += n;
    }
    return { counts, atLeast: match?.kind === 'many' };
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
    if (f.search?.kind === 'ids') qb.andWhere('comment.id IN (:...searchIds)', { searchIds: f.search.ids });
    else if (f.search?.kind === 'none') qb.andWhere('1 = 0');
    return CommentAccessPolicy.applyTo(qb, caller);
  }
}
