import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { searchSql } from '../../../common/search/search-sql';
import { documentMatches, queryTerms } from '../../../common/search/search-text';
import { dialectOf } from '../../../database/column-types';
import { CommentSearchEntity } from '../entities/comment-search.entity';

/**
 * What a text search matched. Few matches are an id list (the stream and its counts then read only
 * those rows); many are left to the stream, which walks its own ordered index and matches documents in
 * memory — counting every match of a common word (tens of thousands of rows) is what made a search slow.
 */
export type CommentSearchMatch = { kind: 'none' } | { kind: 'ids'; ids: string[] } | { kind: 'many'; terms: string[]; sample: string[] };

/** Tunable for the tests (a small cap reaches the "many" path with a few comments). */
export const COMMENT_SEARCH_LIMITS = {
  /** More matches than this and a search is "many". */
  candidateCap: 1000,
  /** Rows of the stream read per step when matching in memory. */
  scanChunk: 500,
  /** Rows read in memory before the stream asks the full-text index instead. */
  scanMax: 20_000,
  /** How long a "many" verdict (with its sample) is reused for the same terms. */
  manyTtlMs: 30_000,
};

/** "Many" verdicts kept at most (the oldest goes first). */
const MANY_CACHE_SIZE = 200;

/** Full-text reads of `comment_search` (the inbox's engine and semantics, see `common/search`). */
@Injectable()
export class CommentSearchRepository {
  /**
   * Recent "many" verdicts by terms: the full-text query behind one reads every match of a common word
   * (~70–100 ms for one in ten of 500k comments, whatever its LIMIT), and an agent who searched a word
   * then switches tabs, filters and pages with it. Reusing the verdict cannot change a page — the "many"
   * path walks the live stream and asks the index when the word is rare under the filters — only the
   * sample the lower-bound counts are taken from is up to `manyTtlMs` old. Few matches are never reused.
   */
  private readonly many = new Map<string, { at: number; match: CommentSearchMatch }>();

  constructor(@InjectRepository(CommentSearchEntity) private readonly docs: Repository<CommentSearchEntity>) {}

  async match(search: string): Promise<CommentSearchMatch> {
    const terms = queryTerms(search);
    if (!terms.length) return { kind: 'none' };
    const key = `${COMMENT_SEARCH_LIMITS.candidateCap}:${terms.join(' ')}`;
    const known = this.many.get(key);
    if (known && Date.now() - known.at < COMMENT_SEARCH_LIMITS.manyTtlMs) return known.match;
    const match = await this.matchNow(terms);
    this.many.delete(key);
    if (match.kind === 'many') {
      this.many.set(key, { at: Date.now(), match });
      if (this.many.size > MANY_CACHE_SIZE) this.many.delete(this.many.keys().next().value as string);
    }
    return match;
  }

  private async matchNow(terms: string[]): Promise<CommentSearchMatch> {
    const rows = await this.docs
      .createQueryBuilder('cs')
      .select('cs.comment_id', 'id')
      .where(this.condition('cs'), { commentSearch: searchSql.query(this.dialect(), terms) })
      .limit(COMMENT_SEARCH_LIMITS.candidateCap + 1)
      .getRawMany<{ id: string }>();
    const ids = rows.map((r) => r.id);
    if (!ids.length) return { kind: 'none' };
    return ids.length > COMMENT_SEARCH_LIMITS.candidateCap ? { kind: 'many', terms, sample: ids } : { kind: 'ids', ids };
  }

  /** The ids among `ids` whose document holds every term. */
  async matching(ids: string[], terms: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const docs = await this.docs.find({ select: { commentId: true, body: true }, where: { commentId: In(ids) } });
    return new Set(docs.filter((d) => documentMatches(d.body, terms)).map((d) => d.commentId));
  }

  /** A condition on comments aliased `alias`: the full-text index holds the comment (parameter `commentSearch`). */
  subquery(alias: string): string {
    return `${alias}.id IN (SELECT cs.comment_id FROM comment_search cs WHERE ${this.condition('cs')})`;
  }

  engineQuery(terms: string[]): string {
    return searchSql.query(this.dialect(), terms);
  }

  private condition(alias: string): string {
    return searchSql.match(this.dialect(), 'comment_search', alias, 'commentSearch');
  }

  private dialect() {
    return dialectOf(this.docs.manager.connection.options.type);
  }
}
