import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { searchSql } from '../../../common/search/search-sql';
import { documentMatches } from '../../../common/search/search-text';
import { dialectOf } from '../../../database/column-types';
import { CommentSearchEntity } from '../entities/comment-search.entity';

/**
 * Full-text reads of `comment_search` (the inbox's engine and semantics, see `common/search`). Both engines
 * read a term's whole posting list before the first row comes back, LIMIT or not, so a common term is never
 * sent to them: the stream walks instead (`CommentSearch`), testing its documents in memory.
 */
@Injectable()
export class CommentSearchRepository {
  constructor(@InjectRepository(CommentSearchEntity) private readonly docs: Repository<CommentSearchEntity>) {}

  /**
   * The comments matching every term, asked of the index by one term only (`probe`, the rarest one seen)
   * and tested against all terms in memory. Null when `probe` has more than `cap` documents.
   */
  async indexMatches(terms: string[], probe: string, cap: number): Promise<string[] | null> {
    const docs = await this.docs
      .createQueryBuilder('cs')
      .select('cs.comment_id', 'id')
      .addSelect('cs.body', 'body')
      .where(this.condition('cs'), { commentSearch: searchSql.query(this.dialect(), [probe]) })
      .limit(cap + 1)
      .getRawMany<{ id: string; body: string }>();
    if (docs.length > cap) return null;
    return docs.filter((d) => documentMatches(d.body, terms)).map((d) => d.id);
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
