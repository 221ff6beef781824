import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { searchSql } from '../../../common/search/search-sql';
import { documentMatches } from '../../../common/search/search-text';
import { Dialect, dialectOf } from '../../../database/column-types';

/** The search part of a list query over the conversations alias `c`. */
export type ConversationSearchCondition = { sql: string; params: Record<string, unknown> };

/** Above this many matching conversations the list matches inside its own query instead of by id list. */
const CANDIDATE_CAP = 2000;
/** Documents per conversation matched in memory before asking the index (see newestMatches). */
const RECENT_SCAN = 100;

/**
 * Full-text reads of `message_search` / `contact_search` (terms from `common/search/search-text.ts`,
 * one engine query per database via `searchSql`).
 */
@Injectable()
export class InboxSearchRepository {
  private readonly dialect: Dialect;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.dialect = dialectOf(dataSource.options.type);
  }

  /**
   * The search condition for a list: a rare term becomes an id list (a primary-key lookup, then the
   * page sorts at most CANDIDATE_CAP rows); a common one stays a subquery, and the list walks its sort
   * index until the page is full.
   */
  async condition(terms: string[]): Promise<ConversationSearchCondition> {
    const q = searchSql.query(this.dialect, terms);
    const byContact = `SELECT cc.id FROM conversations cc WHERE cc.contact_id IN (SELECT cs.contact_id FROM contact_search cs WHERE ${searchSql.match(this.dialect, 'contact_search', 'cs', 'q')})`;
    const byMessage = `SELECT ms.conversation_id FROM message_search ms WHERE ${searchSql.match(this.dialect, 'message_search', 'ms', 'q')}`;
    const ids = new Set<string>();
    for (const sql of [byContact, `SELECT DISTINCT x.conversation_id AS id FROM (${byMessage}) x`]) {
      const rows = await this.raw<{ id: string }>(`${sql} LIMIT ${CANDIDATE_CAP + 1}`, { q });
      for (const r of rows) ids.add(r.id);
      if (ids.size > CANDIDATE_CAP) return { sql: `(c.id IN (${byContact}) OR c.id IN (${byMessage}))`, params: { q } };
    }
    if (!ids.size) return { sql: '1 = 0', params: {} };
    return { sql: 'c.id IN (:...searchIds)', params: { searchIds: [...ids] } };
  }

  /**
   * The newest matching message of each conversation, with its text. The newest RECENT_SCAN documents of
   * each conversation are matched here (a common term is found among them without reading its whole
   * posting list again); only conversations with no match among them ask the full-text index.
   */
  async newestMatches(conversationIds: string[], terms: string[]): Promise<Map<string, { id: string; text: string; sentAt: Date }>> {
    if (!conversationIds.length) return new Map();
    const chosen = new Map<string, string>();
    const recent = await this.raw<{ conversation_id: string; message_id: string; body: string }>(
      `SELECT x.conversation_id, x.message_id, x.body FROM (
         SELECT ms.conversation_id, ms.message_id, ms.body, ROW_NUMBER() OVER (PARTITION BY ms.conversation_id ORDER BY ms.sent_at DESC, ms.message_id DESC) AS rn
         FROM message_search ms WHERE ms.conversation_id IN (:...ids)
       ) x WHERE x.rn <= ${RECENT_SCAN} ORDER BY x.conversation_id, x.rn`,
      { ids: conversationIds },
    );
    for (const r of recent) if (!chosen.has(r.conversation_id) && documentMatches(r.body, terms)) chosen.set(r.conversation_id, r.message_id);
    const rest = conversationIds.filter((id) => !chosen.has(id));
    if (rest.length) {
      const older = await this.raw<{ conversation_id: string; message_id: string }>(
        `SELECT x.conversation_id, x.message_id FROM (
           SELECT ms.conversation_id, ms.message_id, ROW_NUMBER() OVER (PARTITION BY ms.conversation_id ORDER BY ms.sent_at DESC, ms.message_id DESC) AS rn
           FROM message_search ms WHERE ${searchSql.match(this.dialect, 'message_search', 'ms', 'q')} AND ms.conversation_id IN (:...ids)
         ) x WHERE x.rn = 1`,
        { q: searchSql.query(this.dialect, terms), ids: rest },
      );
      for (const r of older) chosen.set(r.conversation_id, r.message_id);
    }
    if (!chosen.size) return new Map();
    const messages = await this.raw<{ conversation_id: string; id: string; text: string | null; sent_at: Date | string }>(
      'SELECT m.conversation_id, m.id, m.text, m.sent_at FROM messages m WHERE m.id IN (:...ids)',
      { ids: [...chosen.values()] },
    );
    const out = new Map<string, { id: string; text: string; sentAt: Date }>();
    for (const m of messages) if (m.text) out.set(m.conversation_id, { id: m.id, text: m.text, sentAt: toDate(m.sent_at) });
    return out;
  }

  private raw<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    // one line, so the SQL log (and the bench's EXPLAIN capture) sees the whole statement
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql.replace(/\s+/g, ' '), params);
    return this.dataSource.query(query, values) as Promise<T[]>;
  }
}

/** The engines' rule on a stored body: every query term is a prefix of one of its terms. */
/** SQLite returns `YYYY-MM-DD HH:MM:SS.SSS` (UTC), MySQL a Date. */
function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}
