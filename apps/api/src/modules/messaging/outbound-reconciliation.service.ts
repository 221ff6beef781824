import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConversationMessageWire, isMetaGraphError, SendTarget } from '@ticklegram/meta-graph';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ChannelsService } from '../channels/channels.service';
import { InboxGateway } from '../inbox/inbox.gateway';
import { MessageEntity } from '../inbox/entities/message.entity';
import { OutboundMessageRepository } from '../inbox/repositories/outbound-message.repository';
import { ScopedConversationRepository } from '../inbox/repositories/scoped-conversation.repository';
import { JobLeases } from '../jobs/job-leases.service';
import { MetaGraph } from '../meta/meta.module';
import { OutboundRecoveryService } from './outbound-recovery.service';

/** A message listed by the Conversations API up to this long before our stored send time can still be ours (clock skew). */
const CLOCK_SKEW_MS = 120_000;
const LOOKUP_LIMIT = 25;

export const NOT_DELIVERED_REASON = 'Meta confirmed this message never reached the customer. You can send it again.';

/** `deferred`: the account is paused (Meta's rate limit); it stays unknown, not judged, until a later pass can ask. */
export type ReconcileOutcome = 'sent' | 'not_delivered' | 'unknown' | 'deferred';

/**
 * Settles sends whose outcome is `unknown` (Meta never answered, or the process died mid-send). The echo
 * webhook matched by client key settles most of them on its own (ingestion); this asks Meta directly: the
 * conversation's latest messages from the Conversations API. A business message with the same content,
 * sent since we tried and not stored yet, is ours → `sent` with its mid. None after the grace period
 * (`OUTBOUND_RECONCILE_GRACE_MS`: the echo may still be on its way) → `failed` (NOT_DELIVERED), and only
 * then may an agent retry. A lookup that fails leaves it `unknown`; one on an account Meta paused is
 * `deferred` at once (never waited out inside a pass: one paused account would hold up every other). Each
 * pass first marks sends a dead process left pending as `unknown` (any replica recovers another's).
 * Passes never overlap: a timer tick while one runs is dropped, and a pass reads the clock when it starts
 * (a queued tick used to carry the time it was queued at, so sends stayed unknown long after their grace).
 */
@Injectable()
export class OutboundReconciliationService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboundReconciliationService.name);
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly messages: OutboundMessageRepository,
    private readonly conversations: ScopedConversationRepository,
    private readonly channels: ChannelsService,
    private readonly graph: MetaGraph,
    private readonly events: InboxGateway,
    private readonly recovery: OutboundRecoveryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly leases: JobLeases,
  ) {}

  onApplicationBootstrap(): void {
    this.leases.every('outbound.reconcile', this.config.outbound.reconcileIntervalMs, async () => this.tick());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** A timer tick: dropped while a pass runs. */
  private tick(): void {
    if (this.running) return;
    void this.sweep();
  }

  /**
   * One pass over the unknown sends. A call while a pass runs waits for it, then makes its own pass.
   * `clock` is read when the pass starts (tests pass one that is ahead, to be past the grace period).
   */
  async sweep(clock: () => number = Date.now): Promise<Record<ReconcileOutcome, number>> {
    while (this.running) await this.running.catch(() => undefined);
    const run = this.sweepOnce(clock);
    this.running = run;
    try {
      return await run;
    } catch (err) {
      this.logger.warn({ err }, 'reconciling unconfirmed sends failed');
      return { sent: 0, not_delivered: 0, unknown: 0, deferred: 0 };
    } finally {
      this.running = null;
    }
  }

  private async sweepOnce(clock: () => number): Promise<Record<ReconcileOutcome, number>> {
    const now = clock();
    const counts: Record<ReconcileOutcome, number> = { sent: 0, not_delivered: 0, unknown: 0, deferred: 0 };
    const channelIds = await this.channels.allIds();
    await this.recovery.recover(Date.now(), channelIds);
    for (const message of await this.messages.findUnknown(channelIds, 100)) {
      // one message that cannot be settled must not hold up the others
      const outcome = await this.reconcile(message, now).catch((err: unknown) => {
        this.logger.warn({ err, messageId: message.id }, 'could not reconcile an unconfirmed send');
        return 'unknown' as const;
      });
      counts[outcome] += 1;
    }
    if (counts.sent || counts.not_delivered) this.logger.log(counts, 'unconfirmed sends reconciled with Meta');
    return counts;
  }

  async reconcile(message: MessageEntity, now = Date.now()): Promise<ReconcileOutcome> {
    const conversation = await this.conversations.findById(message.conversationId);
    const channel = conversation ? await this.channels.getById(conversation.channelId) : null;
    if (!conversation || !channel) return 'unknown';
    let found: ConversationMessageWire | null;
    try {
      found = await this.lookup(await this.channels.sendTarget(channel), conversation.customerExternalId, message);
    } catch (err) {
      if (isMetaGraphError(err) && err.kind === 'rate_limited') return 'deferred';
      this.logger.warn({ err, messageId: message.id }, 'could not ask Meta about an unconfirmed send; will try again');
      return 'unknown';
    }
    if (found) {
      const { message: sent, removedEcho } = await this.messages.markSent(message, found.id);
      this.events.message(conversation, sent, 'message.updated');
      if (removedEcho) this.events.messagesChanged(conversation.id);
      return 'sent';
    }
    if (now - message.updatedAt.getTime() < this.config.outbound.reconcileGraceMs) return 'unknown';
    if (!(await this.messages.markNotDelivered(message.id, NOT_DELIVERED_REASON))) return 'unknown';
    const failed = await this.messages.findInConversation(conversation.id, message.id);
    if (failed) this.events.message(conversation, failed, 'message.updated');
    return 'not_delivered';
  }

  /** The newest business message of the thread with this content, sent since we tried and not stored yet. */
  private async lookup(target: SendTarget, customerId: string, message: MessageEntity): Promise<ConversationMessageWire | null> {
    const node = target.auth.host === 'instagram' ? 'me' : target.senderId;
    const threads = await this.graph.conversations.listConversations(target.auth, node, {
      platform: target.platform,
      userId: customerId,
      limit: 1,
      deferWhenPaused: true,
    });
    const thread = threads.data[0];
    if (!thread) return null;
    const recent = await this.graph.conversations.listMessages(target.auth, thread.id, {
      limit: LOOKUP_LIMIT,
      accountKey: target.auth.accountKey,
      deferWhenPaused: true,
    });
    const since = message.sentAt.getTime() - CLOCK_SKEW_MS;
    for (const candidate of recent.data) {
      if (candidate.from?.id === customerId) continue;
      if (candidate.created_time && Date.parse(candidate.created_time) < since) continue;
      if ((candidate.message ?? '') !== (message.text ?? '')) continue;
      if (await this.messages.midKnown(message.channelId, candidate.id)) continue;
      return candidate;
    }
    return null;
  }
}
