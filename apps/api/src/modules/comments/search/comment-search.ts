import { Injectable } from '@nestjs/common';
import { COMMENT_STATUSES, CommentStatusCounts, CommentStatusFilter } from '@ticklegram/domain-models';
import { ScanPlan, ScanProgress, scanMatching } from '../../../common/search/scan-matching';
import { Caller } from '../comment-access.policy';
import { CommentSearchRepository } from '../repositories/comment-search.repository';
import { documentMatches } from '../../../common/search/search-text';
import { CommentDocumentRow, CommentFilters, CommentRepository, CommentSearchCondition, statusCounts } from '../repositories/comment.repository';

/** Tunable for the tests (small values reach every path with a few comments). */
export const COMMENT_SEARCH_LIMITS = {
  /** Comments read by the page walk's first step (later steps read what the matches so far say is needed). */
  scanChunk: 100,
  /** Comments read by one later step at most. */
  maxChunk: 1000,
  /** The page walk stops once it has read this many comments, or expects to before the page is full. */
  scanMax: 4000,
  /** Matches the walk needs before it trusts its estimate. */
  minEvidence: 3,
  /** Documents of the probe term read from the index at most; more and the term is not rare enough to ask it for. */
  candidateCap: 1000,
  /** The newest comments of each status under the filters whose matches are the counts of a common word. */
  countSample: 200,
};

/**
 * Plans a text search of the comment stream (design: docs/architecture.md, "Comments desk"), the inbox's
 * way (`ConversationSearch`): a common word never reaches the full-text index, whose query reads every
 * posting of a term whatever its LIMIT.
 */
@Injectable()
export class CommentSearch {
  constructor(
    private readonly comments: CommentRepository,
    private readonly search: CommentSearchRepository,
  ) {}

  /**
   * The search condition for a page of `want` rows after `after`:
   * 1. Walk the stream as it will be shown (scope, filters, status, cursor) and test each comment's document
   *    in memory; each step after the first reads as many rows as the match rate so far says the page needs.
   *    A common word fills the page within a step or two.
   * 2. When the matches seen say the page would not fill within `scanMax` rows, the words are rare: ask the
   *    index for the rarest of them in the documents read and test its hits against all terms.
   * 3. When even that term has more than `candidateCap` documents, walk on (up to `scanMax` rows); only past
   *    that does the search become a subquery of the stream.
   */
  async page(
    caller: Caller,
    filters: CommentFilters,
    status: CommentStatusFilter,
    after: { at: Date; id: string } | undefined,
    want: number,
    terms: string[],
  ): Promise<CommentSearchCondition> {
    const { scanChunk, maxChunk, scanMax, candidateCap, minEvidence } = COMMENT_SEARCH_LIMITS;
    const termHits = new Map(terms.map((t) => [t, 0]));
    /** Rows still to read for a full page at the match rate seen so far. */
    const needed = ({ scanned, found }: ScanProgress) => (found ? ((want - found) * scanned) / found : Infinity);
    const plan: ScanPlan<CommentDocumentRow> = {
      chunk: (last, size) => this.comments.streamDocuments(caller, filters, status, last ? { at: last.commentedAt, id: last.id } : after, size),
      matching: async (rows) => new Set(rows.filter((r) => matches(r.body, terms, termHits))),
      want,
      chunkSize: scanChunk,
      nextSize: (progress) => Math.min(maxChunk, Math.max(scanChunk, Math.ceil(needed(progress) * 1.25))),
      keepGoing: (progress) => progress.found >= minEvidence && progress.scanned + needed(progress) <= scanMax,
    };
    const walk = await scanMatching(plan);
    if (walk.complete) return { kind: 'ids', ids: walk.found.map((c) => c.id) };
    const ids = await this.search.indexMatches(terms, rarest(termHits), candidateCap);
    if (ids) return { kind: 'ids', ids };
    // every term is common overall, yet matches are sparse here: walk on, up to scanMax rows
    const rest = await scanMatching({ ...plan, want: want - walk.found.length, keepGoing: ({ scanned }) => scanned < scanMax }, walk.last);
    if (rest.complete) return { kind: 'ids', ids: [...walk.found, ...rest.found].map((c) => c.id) };
    return { kind: 'index', terms };
  }

  /**
   * Per status, the matches under the filters. The newest `countSample` comments of each status are tested
   * in memory (one read per status, each along its status's index): when each read is its status's whole
   * stream, or together they predict at most `candidateCap` matches (scaled by the counters' totals) and the
   * index holds at most that many documents of the rarest term, the counts are exact; otherwise (a common
   * word) they are the matches among those comments, lower bounds (`atLeast`).
   */
  async counts(caller: Caller, filters: CommentFilters, terms: string[]): Promise<{ counts: CommentStatusCounts; atLeast: boolean }> {
    const { countSample, candidateCap } = COMMENT_SEARCH_LIMITS;
    const [samples, total] = await Promise.all([
      Promise.all(COMMENT_STATUSES.map((status) => this.comments.streamDocuments(caller, filters, status, undefined, countSample))),
      this.comments.counts(caller, filters),
    ]);
    const termHits = new Map(terms.map((t) => [t, 0]));
    const hits = samples.map((rows) => rows.filter((r) => matches(r.body, terms, termHits)).length);
    const inSample = statusCounts(COMMENT_STATUSES.map((status, i) => ({ status, n: hits[i] ?? 0 })));
    if (samples.every((rows) => rows.length < countSample)) return { counts: inSample, atLeast: false };
    const predicted = COMMENT_STATUSES.reduce((n, status, i) => n + (samples[i]?.length ? ((hits[i] ?? 0) * total[status]) / samples[i].length : 0), 0);
    if (predicted <= candidateCap) {
      const ids = await this.search.indexMatches(terms, rarest(termHits), candidateCap);
      if (ids) return { counts: await this.comments.counts(caller, { ...filters, search: { kind: 'ids', ids } }), atLeast: false };
    }
    return { counts: inSample, atLeast: true };
  }
}

/** Whether `body` holds every term, counting into `termHits` the documents holding each one. */
function matches(body: string | null, terms: string[], termHits: Map<string, number>): boolean {
  if (body === null) return false;
  let all = true;
  for (const t of terms)
    if (documentMatches(body, [t])) termHits.set(t, (termHits.get(t) ?? 0) + 1);
    else all = false;
  return all;
}

/** The term the fewest documents held; of terms none held, the longest (a longer prefix matches fewer words). */
function rarest(termHits: Map<string, number>): string {
  return [...termHits].sort((a, b) => a[1] - b[1] || b[0].length - a[0].length)[0][0];
}
