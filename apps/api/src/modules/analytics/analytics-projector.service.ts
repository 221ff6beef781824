import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { BusinessHoursDto } from '@ticklegram/domain-models';
import { ConversationTouched, InboxActivity, TouchedMessage } from '../inbox/inbox-activity';
import { ConversationFactsRepository, ConversationFactsRow, MessageFactRow } from '../inbox/repositories/conversation-facts.repository';
import { ConversationLabelsService } from '../labels/conversation-labels.service';
import { JobLeases } from '../jobs/job-leases.service';
import { TemplateSendingService } from '../templates/template-sending.service';
import { bucketsOf, ConversationFacts, cyclesOf, isHumanReply, StatusFact } from './calculators/conversation-projection';
import { advance, ConversationKey, stateOf } from './calculators/incremental-projection';
import { AnalyticsRollupRepository, ConversationProjection, CurrentProjection } from './repositories/analytics-rollup.repository';

const REBUILD_PAGE = 200;
/** Conversations recomputed together by one pass of the live queue: a busy inbox costs a few queries per 100 conversations, not per conversation. */
const DRAIN_PASS = 100;
/**
 * How long a touched conversation waits for others before the pass starts: under a stream of webhooks one pass every
 * quarter second recomputes the conversations of many batches, instead of one pass (a dozen statements) per batch.
 */
const DRAIN_DELAY_MS = 250;
/**
 * The wait before the next pass is at least this many times the last pass's duration: a recompute reads every message of
 * its conversations, so when passes get long (long histories, many conversations touched) they get rarer and cover more
 * conversations each, and the projector takes at most about a third of the process instead of all of it.
 */
const PAUSE_PER_PASS_TIME = 2;
/**
 * How often one process of the deployment looks for conversations whose rows miss a message (its announcement was lost
 * with a process that stopped before its pass), and how far back each look reaches beyond the previous one.
 */
const CATCH_UP_EVERY_MS = 5 * 60_000;
const CATCH_UP_OVERLAP_MS = 10 * 60_000;
/** The first look after a start reaches this far back. */
const CATCH_UP_FIRST_MS = 24 * 3_600_000;
const CATCH_UP_PAGE = 500;
/** The wait before the next pass after a pass that failed. */
const RETRY_AFTER_FAILURE_MS = 5_000;

/** What was announced for one conversation since its last pass. */
interface Queued {
  statuses: StatusFact[];
  /** The messages announced one by one, each as last announced. */
  messages: Map<string, TouchedMessage>;
  /** Something was announced without saying what (or a pass over it failed): recompute from the source tables. */
  full: boolean;
}
type QueuedConversation = [conversationId: string, queued: Queued];

/** How the passes went so far (the integration tests read it). */
export interface ProjectorCounts {
  /** Conversations brought up to date from their rows and the announced changes alone. */
  advanced: number;
  /** Conversations recomputed from all their messages. */
  recomputed: number;
}

/**
 * Keeps the rollups with the inbox: every committed change the inbox announces (`InboxActivity`) queues
 * its conversation. A pass then brings each queued conversation up to date: from its current rows, its state and
 * the announced messages and status changes when that is exact (`advance` — a new message, the usual case, costs no
 * read of the conversation's messages), otherwise recomputed from its own messages, labels and status log. Status
 * changes are logged when announced. All passes in this process run one at a time (a rebuild too); across processes
 * the repository's lock on the conversations' state rows keeps them apart.
 */
@Injectable()
export class AnalyticsProjector implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AnalyticsProjector.name);
  private readonly pending = new Map<string, Queued>();
  readonly counts: ProjectorCounts = { advanced: 0, recomputed: 0 };
  private chain: Promise<unknown> = Promise.resolve();
  private draining = false;
  private stopped = false;
  private delay: NodeJS.Timeout | null = null;
  /** How long the latest drain took (ms), and whether a pass of it failed. */
  private lastDrainMs = 0;
  private lastDrainFailed = false;
  private caughtUpTo: Date | null = null;

  constructor(
    private readonly activity: InboxActivity,
    private readonly facts: ConversationFactsRepository,
    private readonly labels: ConversationLabelsService,
    private readonly templates: TemplateSendingService,
    private readonly rollups: AnalyticsRollupRepository,
    private readonly leases: JobLeases,
  ) {}

  onModuleInit(): void {
    this.activity.subscribe((touched) => this.touched(touched));
  }

  /** Rollups never built (first start, or the first start after upgrading to analytics): build them in the background. */
  async onApplicationBootstrap(): Promise<void> {
    this.leases.every('analytics.catch-up', CATCH_UP_EVERY_MS, () => this.catchUp(), 30_000);
    if ((await this.rollups.getSettings())?.rebuiltAt) return;
    void this.rebuild()
      .then((count) => this.logger.log(`analytics rollups built for ${count} conversations`))
      .catch((err: unknown) => this.logger.warn({ err }, 'analytics rollup build failed (POST /api/analytics/rebuild retries it)'));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }

  touched({ conversationId, status, part }: ConversationTouched): void {
    if (this.stopped) return;
    let queued = this.pending.get(conversationId);
    if (!queued) {
      queued = { statuses: [], messages: new Map(), full: false };
      this.pending.set(conversationId, queued);
    }
    if (status) queued.statuses.push({ status, at: new Date() });
    if (!part) queued.full = true;
    else if (part.kind === 'message') queued.messages.set(part.message.id, part.message);
    if (!this.draining) this.scheduleDrain();
  }

  private scheduleDrain(): void {
    if (this.delay) return;
    const wait = Math.max(DRAIN_DELAY_MS, this.lastDrainMs * PAUSE_PER_PASS_TIME, this.lastDrainFailed ? RETRY_AFTER_FAILURE_MS : 0);
    this.delay = setTimeout(() => this.startDrain(), this.stopped ? 0 : wait);
    this.delay.unref();
  }

  /** Resolves when every queued conversation's rows are up to date (a pass waiting for its delay starts now). */
  async idle(): Promise<void> {
    if (this.delay) this.startDrain();
    while (this.draining || this.pending.size) {
      if (!this.draining) this.startDrain();
      await this.chain;
    }
  }

  /**
   * Queues for a full recompute every conversation with a message after what its rows include, among those active
   * since the previous look (or `since`); returns how many. Messages whose announcement never reached a pass — the
   * process stopped first — are counted this way within minutes.
   */
  async catchUp(now = new Date(), since?: Date): Promise<number> {
    const from = since ?? new Date(this.caughtUpTo ? this.caughtUpTo.getTime() - CATCH_UP_OVERLAP_MS : now.getTime() - CATCH_UP_FIRST_MS);
    let queued = 0;
    for (let after: { lastMessageAt: Date; id: string } | null = null; ; ) {
      const page = await this.facts.activeSince(from, after, CATCH_UP_PAGE);
      if (!page.length) break;
      const projected = await this.rollups.projectedUpTo(page.map((c) => c.id));
      for (const c of page) {
        if (!projected.has(c.id) || this.pending.has(c.id)) continue;
        const upTo = projected.get(c.id);
        if (upTo && upTo >= c.lastMessageAt) continue;
        this.requeueFull(c.id);
        queued += 1;
      }
      after = page[page.length - 1];
    }
    this.caughtUpTo = now;
    if (queued) {
      this.logger.warn({ conversations: queued }, 'analytics rows missing messages: recomputing those conversations');
      if (!this.draining) this.scheduleDrain();
    }
    return queued;
  }

  private startDrain(): void {
    if (this.delay) clearTimeout(this.delay);
    this.delay = null;
    if (this.draining) return;
    this.draining = true;
    void this.serial(() => this.drain());
  }

  /** Recomputes every conversation from the source tables. */
  rebuild(): Promise<number> {
    return this.serial(async () => {
      const businessHours = (await this.rollups.getSettings())?.businessHours ?? null;
      await this.rollups.clearRollups();
      let count = 0;
      for (let after: string | null = null; ; ) {
        // shutting down: stop here; rebuiltAt stays unset, so the next start builds again
        if (this.stopped) return count;
        const ids = await this.facts.pageIds(after, REBUILD_PAGE);
        if (!ids.length) break;
        await this.project(
          ids.map((id) => [id, { statuses: [], messages: new Map(), full: true }]),
          new Map(),
          businessHours,
        );
        count += ids.length;
        after = ids[ids.length - 1];
      }
      await this.rollups.markRebuilt(new Date());
      return count;
    });
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work, work);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async drain(): Promise<void> {
    const started = Date.now();
    let failed = false;
    try {
      const businessHours = (await this.rollups.getSettings())?.businessHours ?? null;
      // what was queued when the drain started; what comes meanwhile waits for the next (delayed) drain
      const queued = [...this.pending];
      this.pending.clear();
      for (let start = 0; start < queued.length; start += DRAIN_PASS) {
        const pass = queued.slice(start, start + DRAIN_PASS);
        try {
          const logged = await this.logStatuses(pass);
          await this.project(pass, logged, businessHours);
        } catch (err) {
          // their changes are not in the rows: a later pass recomputes them from the source tables
          for (const [conversationId] of pass) this.requeueFull(conversationId);
          failed = true;
          this.logger.warn({ err, conversationIds: pass.map(([id]) => id) }, 'analytics rollup update failed (retried in full)');
        }
      }
    } catch (err) {
      failed = true;
      this.logger.warn({ err }, 'analytics rollup pass failed (retried)');
    } finally {
      this.lastDrainMs = Date.now() - started;
      this.lastDrainFailed = failed;
      if (failed && this.stopped && this.pending.size) {
        // shutting down with the database refusing: no retry; the next start's catch-up finds the missing messages
        this.logger.warn({ conversations: this.pending.size }, 'analytics rollups left behind at shutdown');
        this.pending.clear();
      }
      this.draining = false;
      if (this.pending.size) this.scheduleDrain();
    }
  }

  private requeueFull(conversationId: string): void {
    const queued = this.pending.get(conversationId);
    if (queued) queued.full = true;
    else this.pending.set(conversationId, { statuses: [], messages: new Map(), full: true });
  }

  /**
   * Logs the status changes announced for these conversations (one read of their logs for the whole pass); returns
   * those logged, per conversation.
   */
  private async logStatuses(pass: QueuedConversation[]): Promise<Map<string, StatusFact[]>> {
    const logged = new Map<string, StatusFact[]>();
    const announced = pass.filter(([, queued]) => queued.statuses.length);
    if (!announced.length) return logged;
    const logs = await this.rollups.statusLogs(announced.map(([conversationId]) => conversationId));
    for (const [conversationId, { statuses }] of announced) {
      let last = logs.get(conversationId)?.at(-1)?.status ?? 'open';
      for (const s of statuses) {
        if (s.status === last) continue;
        await this.rollups.recordStatus(conversationId, s.status, s.at);
        logged.set(conversationId, [...(logged.get(conversationId) ?? []), s]);
        last = s.status;
      }
    }
    return logged;
  }

  /**
   * Brings these conversations' rows up to date: each from its rows and what was announced when that is exact,
   * otherwise (or when `queued.full`) recomputed from its messages, labels and status log.
   */
  private async project(pass: QueuedConversation[], logged: Map<string, StatusFact[]>, businessHours: BusinessHoursDto | null): Promise<void> {
    await this.rollups.project(
      pass.map(([id]) => id),
      async (current) => {
        const ids = pass.map(([id]) => id);
        const [conversations, labels] = await Promise.all([this.facts.findMany(ids), this.labels.forConversations(ids)]);
        const byId = new Map(conversations.map((c) => [c.id, c]));
        const newReplies = pass.flatMap(([, queued]) => [...queued.messages.values()].filter(isHumanReply).map((m) => m.id));
        const templateIds = await this.templates.sentWithTemplate(newReplies);
        const projected: ConversationProjection[] = [];
        const recompute: string[] = [];
        for (const [id, queued] of pass) {
          const conversation = byId.get(id);
          const labelIds = (labels.get(id) ?? []).map((l) => l.id);
          if (!conversation) {
            projected.push({ conversationId: id, state: null, cycles: [], buckets: [], labelIds: [] });
            continue;
          }
          const advanced = queued.full ? null : this.advanced(id, conversation, current, queued, logged.get(id) ?? [], templateIds, businessHours);
          if (advanced) projected.push({ ...advanced, labelIds });
          else recompute.push(id);
        }
        this.counts.advanced += projected.length;
        this.counts.recomputed += recompute.length;
        return [...projected, ...(await this.recomputed(recompute, byId, labels, businessHours))];
      },
    );
  }

  private advanced(
    id: string,
    conversation: ConversationFactsRow,
    current: CurrentProjection,
    queued: Queued,
    statuses: StatusFact[],
    templateIds: ReadonlySet<string>,
    businessHours: BusinessHoursDto | null,
  ): Omit<ConversationProjection, 'labelIds'> | null {
    const state = current.states.get(id);
    if (!state) return null;
    const rows = { cycles: current.cycles.get(id) ?? [], buckets: current.buckets.get(id) ?? [] };
    const next = advance(state, rows, keyOf(conversation), { messages: [...queued.messages.values()], statuses }, templateIds, businessHours);
    return next && { conversationId: id, state: next.state, ...next.rows };
  }

  /** These conversations' rows computed from their messages, labels and status logs. */
  private async recomputed(
    ids: string[],
    conversations: Map<string, ConversationFactsRow>,
    labels: Map<string, { id: string }[]>,
    businessHours: BusinessHoursDto | null,
  ): Promise<ConversationProjection[]> {
    if (!ids.length) return [];
    const [messages, statusLogs] = await Promise.all([this.facts.messageFacts(ids), this.rollups.statusLogs(ids)]);
    const templateMessageIds = await this.templates.sentWithTemplate(messages.filter(isHumanReply).map((m) => m.id));
    const byConversation = new Map<string, MessageFactRow[]>();
    for (const m of messages) {
      const list = byConversation.get(m.conversationId) ?? [];
      list.push(m);
      byConversation.set(m.conversationId, list);
    }
    return ids.map((id) => {
      const conversation = conversations.get(id) as ConversationFactsRow;
      const facts: ConversationFacts = {
        conversationId: id,
        ...keyOf(conversation),
        messages: byConversation.get(id) ?? [],
        statusChanges: statusLogs.get(id) ?? [],
        templateMessageIds,
      };
      return {
        conversationId: id,
        state: stateOf(facts, businessHours),
        cycles: cyclesOf(facts, businessHours),
        buckets: bucketsOf(facts),
        labelIds: (labels.get(id) ?? []).map((l) => l.id),
      };
    });
  }
}

const keyOf = (c: ConversationFactsRow): ConversationKey => ({
  channelId: c.channelId,
  platform: c.platform,
  assigneeId: c.assigneeId,
  fromAd: c.referral?.kind === 'ad',
});
