import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { searchSql } from '../../../common/search/search-sql';
import { documentMatches } from '../../../common/search/search-text';
import { Dialect, dialectOf } from '../../../database/column-types';
import { rawDate } from '../../../database/raw-date';
import type { ConversationKey } from './inbox-read.repository';

/** The search part of a list query over the conversations alias `c`. */
export type ConversationSearchCondition = { sql: string; params: Record<string, unknown> };

/** Documents per conversation matched in memory before asking the index (see newestMatches). */
const RECENT_SCAN = 100;

/** What a walk learned from the documents it read: the conversations that match, and how often each term occurred. */
export interface DocumentSample {
  matched: Set<string>;
  /** Contacts and conversations holding each query term (the rarest one is the cheapest to ask the index for). */
  termHits: Map<string, number>;
  /** The newest matching message of each conversation matched by its messages (read anyway to decide). */
  newestMatch: Map<string, string>;
}

/** The newest of each conversation's documents (by sent time, then id, as the thread orders them): conversation → message id. */
function newestPerConversation(documents: { conversation_id: string; message_id: string; sent_at: Date | string }[]): Map<string, string> {
  const newest = new Map<string, { at: number; id: string }>();
  for (const r of documents) {
    const at = rawDate(r.sent_at).getTime();
    const best = newest.get(r.conversation_id);
    if (!best || at > best.at || (at === best.at && r.message_id > best.id)) newest.set(r.conversation_id, { at, id: r.message_id });
  }
  return new Map([...newest].map(([conversationId, { id }]) => [conversationId, id]));
}

/**
 * Full-text reads of `message_search` / `contact_search` (terms from `common/search/search-text.ts`,
 * one engine query per database via `searchSql`). Both engines read a term's whole posting list before the
 * first row comes back, LIMIT or not, so a common term is never sent to them: the list walks instead
 * (`ConversationSearch`), testing each document it reads with `searchSql.holds` (`documentMatches` in SQL).
 */
@Injectable()
export class InboxSearchRepository {
  private readonly dialect: Dialect;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.dialect = dialectOf(dataSource.options.type);
  }

  /**
   * Tests each conversation against every term: by its contact's document, else by its `conversation_terms` row
   * (both tested by the walk's statement, `ConversationKey`), and only where that row holds every term (a superset
   * of its messages' terms) by its message documents, which decide — tested where they are read, so only the
   * matching ones come back.
   */
  async sample(conversations: Pick<ConversationKey, 'id' | 'holds' | 'contactHolds'>[], terms: string[]): Promise<DocumentSample> {
    const matched = new Set<string>();
    const termHits = new Map(terms.map((t) => [t, 0]));
    const newestMatch = new Map<string, string>();
    const holdsAll = (holds: boolean[]): boolean => {
      terms.forEach((t, i) => {
        if (holds[i]) termHits.set(t, (termHits.get(t) ?? 0) + 1);
      });
      return terms.every((_, i) => holds[i]);
    };
    const candidates: string[] = [];
    for (const c of conversations) {
      const byContact = holdsAll(c.contactHolds);
      const mayByMessage = holdsAll(c.holds);
      if (byContact) matched.add(c.id);
      else if (mayByMessage) candidates.push(c.id);
    }
    if (candidates.length) {
      const holdEvery = terms.map((_, i) => searchSql.holds(this.dialect, 'ms.body', `term${i}`)).join(' AND ');
      const messages = await this.raw<{ conversation_id: string; message_id: string; sent_at: Date | string }>(
        `SELECT ms.conversation_id, ms.message_id, ms.sent_at FROM message_search ms WHERE ms.conversation_id IN (:...ids) AND ${holdEvery}`,
        { ids: candidates, ...Object.fromEntries(terms.map((t, i) => [`term${i}`, t])) },
      );
      for (const [conversationId, id] of newestPerConversation(messages)) {
        matched.add(conversationId);
        newestMatch.set(conversationId, id);
      }
    }
    return { matched, termHits, newestMatch };
  }

  /**
   * The conversations matching every term, asked of the index by one term only (`probe`, the rarest one
   * seen) and tested against all terms in memory — an index query with a common term in it reads that term's
   * whole posting list. Null when `probe` has more than `cap` documents (then only the list walk is cheap).
   * Every matching message holds the probe, so the documents read name each conversation's newest matching
   * message too (`newestMatch`): a long thread whose match is old is not read again for its highlight.
   */
  async indexMatches(terms: string[], probe: string, cap: number): Promise<{ ids: Set<string>; newestMatch: Map<string, string> } | null> {
    const q = searchSql.query(this.dialect, [probe]);
    const contacts = await this.raw<{ id: string; body: string }>(
      `SELECT cs.contact_id AS id, cs.body FROM contact_search cs WHERE ${searchSql.match(this.dialect, 'contact_search', 'cs', 'q')} LIMIT ${cap + 1}`,
      { q },
    );
    if (contacts.length > cap) return null;
    const messages = await this.raw<{ conversation_id: string; message_id: string; sent_at: Date | string; body: string }>(
      `SELECT ms.conversation_id, ms.message_id, ms.sent_at, ms.body FROM message_search ms WHERE ${searchSql.match(this.dialect, 'message_search', 'ms', 'q')} LIMIT ${cap + 1}`,
      { q },
    );
    if (messages.length > cap) return null;
    const newestMatch = newestPerConversation(messages.filter((r) => documentMatches(r.body, terms)));
    const ids = new Set(newestMatch.keys());
    const contactIds = contacts.filter((r) => documentMatches(r.body, terms)).map((r) => r.id);
    if (contactIds.length) {
      const rows = await this.raw<{ id: string }>('SELECT cc.id FROM conversations cc WHERE cc.contact_id IN (:...ids)', { ids: contactIds });
      for (const r of rows) ids.add(r.id);
    }
    return { ids, newestMatch };
  }

  /** Whether any contact document holds `term` (a word starting with it), from the contact index. */
  async anyContactHolds(term: string): Promise<boolean> {
    const rows = await this.raw<{ id: string }>(
      `SELECT cs.contact_id AS id FROM contact_search cs WHERE ${searchSql.match(this.dialect, 'contact_search', 'cs', 'q')} LIMIT 1`,
      { q: searchSql.query(this.dialect, [term]) },
    );
    return rows.length > 0;
  }

  /** The search as a condition inside the list query (the last resort: slow for a common term). */
  subqueryCondition(terms: string[]): ConversationSearchCondition {
    const byContact = `SELECT cc.id FROM conversations cc WHERE cc.contact_id IN (SELECT cs.contact_id FROM contact_search cs WHERE ${searchSql.match(this.dialect, 'contact_search', 'cs', 'q')})`;
    const byMessage = `SELECT ms.conversation_id FROM message_search ms WHERE ${searchSql.match(this.dialect, 'message_search', 'ms', 'q')}`;
    return { sql: `(c.id IN (${byContact}) OR c.id IN (${byMessage}))`, params: { q: searchSql.query(this.dialect, terms) } };
  }

  /**
   * The newest matching message of each conversation, with its text. `known` ones (the walk found them)
   * are taken as they are; for the others the newest RECENT_SCAN documents of each conversation are
   * matched here, and only conversations with no match among them (long threads) read the rest of their
   * documents.
   */
  async newestMatches(
    conversationIds: string[],
    terms: string[],
    known: ReadonlyMap<string, string> = new Map(),
  ): Promise<Map<string, { id: string; text: string; sentAt: Date }>> {
    if (!conversationIds.length) return new Map();
    const chosen = new Map<string, string>();
    for (const id of conversationIds) {
      const messageId = known.get(id);
      if (messageId) chosen.set(id, messageId);
    }
    const unknown = conversationIds.filter((id) => !chosen.has(id));
    const recent = unknown.length
      ? await this.raw<{ conversation_id: string; message_id: string; body: string }>(
          `SELECT x.conversation_id, x.message_id, x.body FROM (
             SELECT ms.conversation_id, ms.message_id, ms.body, ROW_NUMBER() OVER (PARTITION BY ms.conversation_id ORDER BY ms.sent_at DESC, ms.message_id DESC) AS rn
             FROM message_search ms WHERE ms.conversation_id IN (:...ids)
           ) x WHERE x.rn <= ${RECENT_SCAN} ORDER BY x.conversation_id, x.rn`,
          { ids: unknown },
        )
      : [];
    for (const r of recent) if (!chosen.has(r.conversation_id) && documentMatches(r.body, terms)) chosen.set(r.conversation_id, r.message_id);
    const rest = conversationIds.filter((id) => !chosen.has(id));
    if (rest.length) {
      // long threads whose match is older: their other documents, in memory too (an index query naming a common term reads all of its postings)
      const older = await this.raw<{ conversation_id: string; message_id: string; body: string }>(
        'SELECT ms.conversation_id, ms.message_id, ms.body FROM message_search ms WHERE ms.conversation_id IN (:...ids) ORDER BY ms.sent_at DESC, ms.message_id DESC',
        { ids: rest },
      );
      for (const r of older) if (!chosen.has(r.conversation_id) && documentMatches(r.body, terms)) chosen.set(r.conversation_id, r.message_id);
    }
    if (!chosen.size) return new Map();
    const messages = await this.raw<{ conversation_id: string; id: string; text: string | null; sent_at: Date | string }>(
      'SELECT m.conversation_id, m.id, m.text, m.sent_at FROM messages m WHERE m.id IN (:...ids)',
      { ids: [...chosen.values()] },
    );
    const out = new Map<string, { id: string; text: string; sentAt: Date }>();
    for (const m of messages) if (m.text) out.set(m.conversation_id, { id: m.id, text: m.text, sentAt: rawDate(m.sent_at) });
    return out;
  }

  private raw<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    // one line, so the SQL log (and the bench's EXPLAIN capture) sees the whole statement
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql.replace(/\s+/g, ' '), params);
    return this.dataSource.query(query, values) as Promise<T[]>;
  }
}
