import { Injectable } from '@nestjs/common';
import { ScanPlan, ScanProgress, scanMatching } from '../../../common/search/scan-matching';
import { Caller } from '../conversation-access.policy';
import { ConversationKey, ConversationListFilter, ConversationPageCursor, InboxReadRepository } from '../repositories/inbox-read.repository';
import { ConversationSearchCondition, InboxSearchRepository } from '../repositories/inbox-search.repository';

/** Tunable for the tests (small values reach every path with a few conversations). */
export const INBOX_SEARCH_LIMITS = {
  /** Conversations read by the walk's first step (later steps read what the matches so far say is needed). */
  scanChunk: 100,
  /**
   * Conversations read by the first step for a query of several terms (CJK text is several bigrams): they meet in fewer
   * conversations than each alone, and a step costs about as much as ~300 more rows (at 100k / 1M on MariaDB).
   */
  multiTermChunk: 300,
  /** Conversations read by one later step at most. */
  maxChunk: 1000,
  /** The walk stops once it has read this many conversations, or expects to before the page is full. */
  scanMax: 4000,
  /** Matches the walk needs before it trusts its estimate (one match in 100 says little; a wrong guess costs a step of 1,000). */
  minEvidence: 3,
  /**
   * Documents of the probe term read from the index at most; more and the term is not rare enough to ask it for.
   * A probe that finds more still fetches cap + 1 rows (at 100k/1M on MariaDB: ~35 ms for 501 rows, ~140 ms for
   * 2,001 under load), while walking on costs one joined row per conversation.
   */
  candidateCap: 500,
  /**
   * A probe term held by this many of every scanChunk conversations walked (3 %: at 100k conversations some 3,000
   * documents) is not asked of the index — that probe would only fetch candidateCap + 1 rows and give up.
   */
  commonProbe: 3,
};

/**
 * Plans a text search of the conversation list (design: docs/architecture.md, "Search and counts"):
 * 1. Walk the list as it will be shown (scope, filters, cursor; newest first) and test each conversation's
 *    documents in memory. A common word fills the page within a chunk or two and never reaches the index.
 *    Each step after the first reads as many conversations as the match rate so far says the page needs.
 * 2. When the matches seen so far say the page would not fill within `scanMax` conversations, the words
 *    are rare: ask the full-text index for the rarest of them in the documents read (an index query
 *    naming a common term reads all of its postings, LIMIT or not) and test the few hits against all terms.
 * 3. When even that term has more than `candidateCap` documents (or the walk found it in `commonProbe` of
 *    every `scanChunk` conversations, so it has), walk on (up to `scanMax` conversations);
 *    only past that does the search become a subquery of the list.
 */
@Injectable()
export class ConversationSearch {
  constructor(
    private readonly inbox: InboxReadRepository,
    private readonly search: InboxSearchRepository,
  ) {}

  /** The search for a list page of `want` rows after `after` under `filter`. */
  async plan(
    caller: Caller,
    filter: ConversationListFilter,
    after: ConversationPageCursor | undefined,
    want: number,
    terms: string[],
  ): Promise<ConversationSearchPlan> {
    const { scanChunk, multiTermChunk, maxChunk, scanMax, candidateCap, minEvidence, commonProbe } = INBOX_SEARCH_LIMITS;
    const termHits = new Map(terms.map((t) => [t, 0]));
    const newestMatch = new Map<string, string>();
    let walked = 0;
    /** Conversations still to read for a full page at the match rate seen so far. */
    const needed = ({ scanned, found }: ScanProgress) => (found ? ((want - found) * scanned) / found : Infinity);
    // A contact matches only with every term in its document. Terms no contact read in the first step held are asked
    // of the contact index once (a term that rare among contacts has a short posting list); when one is in no contact
    // document at all, no contact can match and later steps leave the contacts' documents unread.
    const unseenInContacts = new Set(terms);
    let contacts: boolean | undefined;
    const plan: ScanPlan<ConversationKey> = {
      chunk: async (last, size) => {
        if (walked && contacts === undefined) {
          contacts = true;
          for (const term of unseenInContacts)
            if (!(await this.search.anyContactHolds(term))) {
              contacts = false;
              break;
            }
        }
        const from = last ? { lastMessageAt: last.lastMessageAt, id: last.id } : after;
        return this.inbox.listKeys(caller, filter, from, size, terms, contacts ?? true);
      },
      matching: async (rows) => {
        for (const r of rows) terms.forEach((t, i) => r.contactHolds[i] && unseenInContacts.delete(t));
        walked += rows.length;
        const sample = await this.search.sample(rows, terms);
        for (const [t, n] of sample.termHits) termHits.set(t, (termHits.get(t) ?? 0) + n);
        for (const [c, m] of sample.newestMatch) newestMatch.set(c, m);
        return new Set(rows.filter((r) => sample.matched.has(r.id)));
      },
      want,
      chunkSize: terms.length > 1 ? Math.min(maxChunk, multiTermChunk) : scanChunk,
      // the estimate is noisy at the page's last few matches and a step costs about as much as ~300 more rows: a later
      // step reads half as many again as it predicts, and at least two first steps' worth
      nextSize: (progress) => Math.min(maxChunk, Math.max(2 * scanChunk, Math.ceil(needed(progress) * 1.5))),
      keepGoing: (progress) => progress.found >= minEvidence && progress.scanned + needed(progress) <= scanMax,
    };
    const walk = await scanMatching(plan);
    if (walk.complete) return { condition: idsCondition(walk.found.map((c) => c.id)), newestMatch };
    const [probe, seen] = [...termHits].sort((a, b) => a[1] - b[1])[0];
    const common = seen >= commonProbe && seen * scanChunk >= commonProbe * walked;
    const byIndex = common ? null : await this.search.indexMatches(terms, probe, candidateCap);
    if (byIndex) {
      for (const [c, m] of byIndex.newestMatch) newestMatch.set(c, m);
      return { condition: idsCondition([...byIndex.ids]), newestMatch };
    }
    // every term is common overall, yet matches are sparse here: walk on, up to scanMax conversations
    const rest = await scanMatching({ ...plan, want: want - walk.found.length, keepGoing: ({ scanned }) => scanned < scanMax }, walk.last);
    if (rest.complete) return { condition: idsCondition([...walk.found, ...rest.found].map((c) => c.id)), newestMatch };
    return { condition: this.search.subqueryCondition(terms), newestMatch };
  }
}

/** The list's search condition, and the newest matching message of the conversations the walk already decided by their messages. */
export interface ConversationSearchPlan {
  condition: ConversationSearchCondition;
  newestMatch: ReadonlyMap<string, string>;
}

function idsCondition(ids: string[]): ConversationSearchCondition {
  return ids.length ? { sql: 'c.id IN (:...searchIds)', params: { searchIds: ids } } : { sql: '1 = 0', params: {} };
}
