import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { BusinessHoursDto, ConversationStatus } from '@ticklegram/domain-models';
import { ConversationTouched, InboxActivity } from '../inbox/inbox-activity';
import { ConversationFactsRepository, MessageFactRow } from '../inbox/repositories/conversation-facts.repository';
import { ConversationLabelsService } from '../labels/conversation-labels.service';
import { TemplateSendingService } from '../templates/template-sending.service';
import { BucketRow, bucketsOf, CycleRow, cyclesOf, isHumanReply } from './calculators/conversation-projection';
import { AnalyticsRollupRepository } from './repositories/analytics-rollup.repository';

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

/** The status changes announced for one conversation since its last recompute. */
type QueuedConversation = [conversationId: string, statuses: { status: ConversationStatus; at: Date }[]];

/**
 * Keeps the rollups with the inbox: every committed change the inbox announces (`InboxActivity`) queues
 * its conversation, whose rows are then recomputed from its own messages, labels and status log. Status
 * changes are logged when announced. All recomputes in this process run one at a time (a rebuild too),
 * so two never interleave their delete + insert of the same conversation.
 */
@Injectable()
export class AnalyticsProjector implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AnalyticsProjector.name);
  private readonly pending = new Map<string, { status: ConversationStatus; at: Date }[]>();
  private chain: Promise<unknown> = Promise.resolve();
  private draining = false;
  private stopped = false;
  private delay: NodeJS.Timeout | null = null;
  /** How long the latest drain took (ms). */
  private lastDrainMs = 0;

  constructor(
    private readonly activity: InboxActivity,
    private readonly facts: ConversationFactsRepository,
    private readonly labels: ConversationLabelsService,
    private readonly templates: TemplateSendingService,
    private readonly rollups: AnalyticsRollupRepository,
  ) {}

  onModuleInit(): void {
    this.activity.subscribe((touched) => this.touched(touched));
  }

  /** Rollups never built (first start, or the first start after upgrading to analytics): build them in the background. */
  async onApplicationBootstrap(): Promise<void> {
    if ((await this.rollups.getSettings())?.rebuiltAt) return;
    void this.rebuild()
      .then((count) => this.logger.log(`analytics rollups built for ${count} conversations`))
      .catch((err: unknown) => this.logger.warn({ err }, 'analytics rollup build failed (POST /api/analytics/rebuild retries it)'));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }

  touched({ conversationId, status }: ConversationTouched): void {
    if (this.stopped) return;
    const statuses = this.pending.get(conversationId) ?? [];
    if (status) statuses.push({ status, at: new Date() });
    this.pending.set(conversationId, statuses);
    if (!this.draining) this.scheduleDrain();
  }

  private scheduleDrain(): void {
    if (this.delay) return;
    this.delay = setTimeout(() => this.startDrain(), this.stopped ? 0 : Math.max(DRAIN_DELAY_MS, this.lastDrainMs * PAUSE_PER_PASS_TIME));
    this.delay.unref();
  }

  /** Resolves when every queued conversation has been recomputed (a pass waiting for its delay starts now). */
  async idle(): Promise<void> {
    if (this.delay) this.startDrain();
    while (this.draining || this.pending.size) {
      if (!this.draining) this.startDrain();
      await this.chain;
    }
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
        await this.recompute(ids, businessHours);
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
    try {
      const businessHours = (await this.rollups.getSettings())?.businessHours ?? null;
      // what was queued when the drain started; what comes meanwhile waits for the next (delayed) drain
      const queued = [...this.pending];
      this.pending.clear();
      for (let start = 0; start < queued.length; start += DRAIN_PASS) {
        const pass = queued.slice(start, start + DRAIN_PASS);
        try {
          await this.logStatuses(pass);
          await this.recompute(
            pass.map(([conversationId]) => conversationId),
            businessHours,
          );
        } catch (err) {
          this.logger.warn({ err, conversationIds: pass.map(([id]) => id) }, 'analytics rollup update failed (a rebuild repairs it)');
        }
      }
    } finally {
      this.lastDrainMs = Date.now() - started;
      this.draining = false;
      if (this.pending.size) this.scheduleDrain();
    }
  }

  /** Logs the status changes announced for these conversations (one read of their logs for the whole pass). */
  private async logStatuses(pass: QueuedConversation[]): Promise<void> {
    const announced = pass.filter(([, statuses]) => statuses.length);
    if (!announced.length) return;
    const logs = await this.rollups.statusLogs(announced.map(([conversationId]) => conversationId));
    for (const [conversationId, statuses] of announced) {
      let last = logs.get(conversationId)?.at(-1)?.status ?? 'open';
      for (const s of statuses) {
        if (s.status === last) continue;
        await this.rollups.recordStatus(conversationId, s.status, s.at);
        last = s.status;
      }
    }
  }

  /** Recomputes these conversations' rows from their messages, labels and status logs, and replaces them. */
  private async recompute(conversationIds: string[], businessHours: BusinessHoursDto | null): Promise<void> {
    const [conversations, messages, labels, statusLogs] = await Promise.all([
      this.facts.findMany(conversationIds),
      this.facts.messageFacts(conversationIds),
      this.labels.forConversations(conversationIds),
      this.rollups.statusLogs(conversationIds),
    ]);
    const templateMessageIds = await this.templates.sentWithTemplate(messages.filter(isHumanReply).map((m) => m.id));
    const byConversation = new Map<string, MessageFactRow[]>();
    for (const m of messages) {
      const list = byConversation.get(m.conversationId) ?? [];
      list.push(m);
      byConversation.set(m.conversationId, list);
    }
    const cycles: CycleRow[] = [];
    const buckets: BucketRow[] = [];
    const labelRows: { conversationId: string; labelId: string }[] = [];
    for (const conversation of conversations) {
      const facts = {
        conversationId: conversation.id,
        channelId: conversation.channelId,
        platform: conversation.platform,
        assigneeId: conversation.assigneeId,
        fromAd: conversation.referral?.kind === 'ad',
        messages: byConversation.get(conversation.id) ?? [],
        statusChanges: statusLogs.get(conversation.id) ?? [],
        templateMessageIds,
      };
      cycles.push(...cyclesOf(facts, businessHours));
      buckets.push(...bucketsOf(facts));
      for (const label of labels.get(conversation.id) ?? []) labelRows.push({ conversationId: conversation.id, labelId: label.id });
    }
    await this.rollups.replaceConversations(conversationIds, cycles, buckets, labelRows);
  }
}
