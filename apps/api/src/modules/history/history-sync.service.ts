import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ChannelHistoryDto, ChannelRecoveryTrigger, ChannelStatus, MessagePlatform } from '@ticklegram/domain-models';
import { isMetaGraphError } from '@ticklegram/meta-graph';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { ChannelMaintenanceService } from '../channels/channel-maintenance.service';
import { ChannelPlatforms } from '../channels/channel-platforms';
import type { ChannelRef } from '../channels/channel-ref';
import { ChannelsGateway } from '../channels/channels.gateway';
import { ChannelsService } from '../channels/channels.service';
import { HistoryMergeService } from '../inbox/history/history-merge.service';
import { ConversationHistoryReader, HistorySource } from './conversation-history.reader';
import { ChannelHistoryEntity } from './entities/channel-history.entity';
import { HistoryException, HistoryExceptionCode } from './history.exception';
import { toHistoryDto } from './history.mapper';
import { ChannelHistoryRepository } from './repositories/channel-history.repository';

const SWEEP_MS = 15_000;
const LEASE_MS = 60_000;
/** Recoveries re-read a little before the last known-complete time (clocks, webhooks in flight). */
const OVERLAP_MS = 2 * 60_000;
/** A failed import (Meta unreachable, say) is tried again after this long, from where it stopped. */
const RETRY_FAILED_MS = 10 * 60_000;

interface RecoveryOutcome {
  added: number;
  conversations: number;
}

/**
 * History import and gap recovery. Import: on connect (a sweep finds active channels never imported,
 * the first at boot — which is also the sandbox's first start) every conversation updated in the last
 * `HISTORY_IMPORT_DAYS` is read from the Conversations API and merged into the inbox; the resume point
 * (page cursor + offset) is saved after every conversation, so an import interrupted by a crash goes on
 * where it stopped. Recovery: at boot (the api was down), every `HISTORY_GAP_CHECK_MINUTES` (webhooks
 * stopped), when Meta had dropped the subscription and it was restored, and on an admin's "Recover
 * now": the channel's subscription is checked (re-subscribed if Meta dropped it) and every message
 * since the channel was last known complete is merged. Merges are idempotent by mid, so webhooks
 * arriving at the same time never double a message. Runs beside the webhook worker, never inside it;
 * one replica works on a channel at a time (a lease on its row).
 */
@Injectable()
export class HistorySyncService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HistorySyncService.name);
  private readonly running = new Map<string, Promise<void>>();
  /** Channels whose subscription was restored while their recovery ran. */
  private readonly resubscribed = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private booted = false;
  private lastPeriodic = Date.now();
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rows: ChannelHistoryRepository,
    private readonly reader: ConversationHistoryReader,
    private readonly merger: HistoryMergeService,
    private readonly channels: ChannelsService,
    private readonly platforms: ChannelPlatforms,
    private readonly maintenance: ChannelMaintenanceService,
    private readonly gateway: ChannelsGateway,
    private readonly audit: AuditService,
  ) {}

  onApplicationBootstrap(): void {
    this.maintenance.onResubscribed((channelId) => this.noteResubscribed(channelId));
    if (!this.config.webhooks.workerEnabled) return;
    const schedule = () => {
      this.timer = setTimeout(() => void this.tick().finally(() => !this.stopped && schedule()), this.timer ? SWEEP_MS : 2_000);
      this.timer.unref?.();
    };
    schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.allSettled([...this.running.values()]);
  }

  async list(): Promise<ChannelHistoryDto[]> {
    return (await this.rows.list()).map((row) => toHistoryDto(row, this.running.has(row.channelId) && row.importStatus === 'done'));
  }

  /** Resolves when every run started by this process finished (tests). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running.values()]);
  }

  /** Starts the import of a channel (no-op when it is done or another worker holds it). */
  async startImport(channelId: string): Promise<void> {
    if (this.running.has(channelId)) return;
    const channel = await this.channels.getById(channelId);
    if (!channel || channel.status !== ChannelStatus.ACTIVE) return;
    const row = await this.rows.ensure(channelId);
    if (row.importStatus === 'done' || !(await this.rows.claim(row.id, LEASE_MS))) return;
    this.track(channelId, this.runImport(channel, row));
  }

  /** `POST /api/channels/:id/recover`: re-subscribes if needed and merges what was missed; answers when done. */
  async recoverNow(channelId: string, actor: AuthUser): Promise<ChannelHistoryDto> {
    const channel = await this.channels.getById(channelId);
    if (!channel) throw new HistoryException(HistoryExceptionCode.HISTORY_CHANNEL_NOT_FOUND, 'This channel does not exist.');
    if (channel.status !== ChannelStatus.ACTIVE)
      throw new HistoryException(HistoryExceptionCode.HISTORY_CHANNEL_INACTIVE, `${channel.name} is not connected. Reconnect it before recovering messages.`);
    const row = await this.rows.ensure(channelId);
    if (this.running.has(channelId) || !(await this.rows.claim(row.id, LEASE_MS))) {
      throw new HistoryException(
        HistoryExceptionCode.HISTORY_BUSY,
        'A history import or recovery is already running for this channel. Try again when it has finished.',
      );
    }
    // an import that never finished (failed, or never started) goes on from where it stopped: it reads everything
    await this.track(channelId, row.importStatus === 'done' ? this.runRecovery(channel, row, 'manual', actor) : this.runImport(channel, row));
    return toHistoryDto((await this.rows.find(channelId)) as ChannelHistoryEntity, false);
  }

  /** Starts a recovery in the background (boot, periodic check, restored subscription). */
  async startRecovery(channelId: string, trigger: Exclude<ChannelRecoveryTrigger, 'manual'>): Promise<void> {
    if (this.running.has(channelId)) return;
    const channel = await this.channels.getById(channelId);
    const row = await this.rows.find(channelId);
    // before the import has finished there is nothing to recover: the import reads it all
    if (!channel || channel.status !== ChannelStatus.ACTIVE || row?.importStatus !== 'done') return;
    if (!(await this.rows.claim(row.id, LEASE_MS))) return;
    this.track(channelId, this.runRecovery(channel, row, trigger, null));
  }

  private track(channelId: string, task: Promise<void>): Promise<void> {
    const wrapped = task.finally(() => this.running.delete(channelId));
    this.running.set(channelId, wrapped);
    return wrapped;
  }

  private noteResubscribed(channelId: string): void {
    if (this.running.has(channelId)) this.resubscribed.add(channelId);
    else
      void this.startRecovery(channelId, 'subscription').catch((error) =>
        this.logger.warn({ channelId, err: String(error) }, 'recovery after re-subscription failed to start'),
      );
  }

  private async tick(): Promise<void> {
    try {
      const active = (
        await Promise.all([MessagePlatform.INSTAGRAM, MessagePlatform.FACEBOOK].map((p) => this.channels.listRefs(p, [ChannelStatus.ACTIVE])))
      ).flat();
      const rows = new Map((await this.rows.list(active.map((c) => c.id))).map((r) => [r.channelId, r]));
      const periodicMs = this.config.history.gapCheckMinutes * 60_000;
      const periodic = periodicMs > 0 && Date.now() - this.lastPeriodic >= periodicMs;
      if (periodic) this.lastPeriodic = Date.now();
      for (const channel of active) {
        const row = rows.get(channel.id);
        if (row?.importStatus === 'done') {
          if (!this.booted) await this.startRecovery(channel.id, 'boot');
          else if (periodic) await this.startRecovery(channel.id, 'periodic');
        } else if (this.config.history.importOnConnect && (row?.importStatus !== 'failed' || Date.now() - row.updatedAt.getTime() > RETRY_FAILED_MS)) {
          await this.startImport(channel.id);
        }
      }
      this.booted = true;
    } catch (error) {
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'history sweep failed');
    }
  }

  // ── import ──────────────────────────────────────────────────────────────────────────────

  private async runImport(channel: ChannelRef, row: ChannelHistoryEntity): Promise<void> {
    const now = new Date();
    await this.rows.patch(row, {
      importStatus: 'running',
      importSince: row.importSince ?? new Date(now.getTime() - this.config.history.importDays * 86_400_000),
      importStartedAt: row.importStartedAt ?? now,
      importError: null,
    });
    this.emit(row);
    try {
      const source = await this.reader.source(channel);
      const since = row.importSince as Date;
      for (;;) {
        const page = await this.reader.page(source, row.importCursor);
        let reachedOlder = false;
        for (const [index, conversation] of page.conversations.entries()) {
          if (index < row.importPageOffset) continue;
          const updated = this.reader.updatedAt(conversation);
          if (updated && updated < since) {
            reachedOlder = true; // newest first: the rest is older than the import window
            break;
          }
          const added = await this.mergeConversation(channel, source, conversation, since);
          await this.rows.patch(row, {
            importPageOffset: index + 1,
            conversationsDone: row.conversationsDone + 1,
            messagesImported: row.messagesImported + added,
            leaseUntil: new Date(Date.now() + LEASE_MS),
          });
          this.emit(row);
        }
        if (reachedOlder || !page.next) break;
        await this.rows.patch(row, { importCursor: page.next, importPageOffset: 0 });
      }
      await this.rows.patch(row, {
        importStatus: 'done',
        importFinishedAt: new Date(),
        importCursor: null,
        importPageOffset: 0,
        syncedUntil: row.importStartedAt,
        leaseUntil: null,
      });
      this.logger.log({ channelId: channel.id, conversations: row.conversationsDone, messages: row.messagesImported }, 'history imported');
    } catch (error) {
      const reason = await this.describeFailure(channel, error);
      this.logger.warn({ channelId: channel.id, err: reason }, 'history import failed');
      await this.rows.patch(row, { importStatus: 'failed', importError: reason.slice(0, 500), leaseUntil: null });
    }
    this.emit(row);
  }

  /** Merges one listed conversation's messages since `since` (until `until`); returns how many were new. */
  private async mergeConversation(
    channel: ChannelRef,
    source: HistorySource,
    conversation: { id: string; participants?: { data: { id: string }[] } },
    since: Date,
    until?: Date,
  ): Promise<number> {
    const customer = this.reader.customerOf(source, conversation);
    if (!customer) return 0;
    const messages = await this.reader.messages(source, conversation.id, customer, since, until);
    if (!messages.length) return 0;
    return (await this.merger.merge(channel, customer, messages)).added;
  }

  // ── recovery ────────────────────────────────────────────────────────────────────────────

  private async runRecovery(channel: ChannelRef, row: ChannelHistoryEntity, trigger: ChannelRecoveryTrigger, actor: AuthUser | null): Promise<void> {
    const startedAt = new Date();
    const entity = await this.platforms.findById(channel.id);
    const since = new Date((row.syncedUntil ?? entity?.lastWebhookAt ?? row.importSince ?? startedAt).getTime() - OVERLAP_MS);
    // the periodic check leaves the last moments to the webhooks that may still be on their way
    const until = trigger === 'periodic' ? new Date(startedAt.getTime() - this.config.history.gapGraceSeconds * 1000) : undefined;
    this.resubscribed.delete(channel.id);
    if (trigger !== 'periodic') this.emit(row, true);
    let outcome: RecoveryOutcome = { added: 0, conversations: 0 };
    let error: string | null = null;
    try {
      // the subscription first, so nothing new is lost while we read what was
      if (trigger !== 'periodic' && trigger !== 'subscription' && entity) await this.maintenance.checkChannel(entity);
      const fresh = await this.channels.getById(channel.id);
      if (!fresh || fresh.status !== ChannelStatus.ACTIVE) throw new Error(`${channel.name} needs to be reconnected before its messages can be recovered.`);
      outcome = await this.recoverSince(channel, since, until);
      // the periodic check found messages no webhook brought: make sure Meta still sends them
      if (trigger === 'periodic' && outcome.added > 0 && entity) await this.maintenance.checkChannel(entity);
    } catch (failure) {
      error = (await this.describeFailure(channel, failure)).slice(0, 500);
      this.logger.warn({ channelId: channel.id, trigger, err: error }, 'gap recovery failed');
    }
    const resubscribed = this.resubscribed.delete(channel.id) || trigger === 'subscription';
    const quiet = trigger === 'periodic' && outcome.added === 0 && !error;
    await this.rows.patch(row, {
      leaseUntil: null,
      ...(error ? {} : { syncedUntil: until ?? startedAt }),
      ...(quiet
        ? {}
        : {
            recoveryTrigger: trigger,
            recoverySince: since,
            recoveryAt: new Date(),
            recoveryAdded: outcome.added,
            recoveryConversations: outcome.conversations,
            recoveryResubscribed: resubscribed,
            recoveryError: error,
          }),
    });
    if (!quiet) {
      await this.audit.record({
        actor,
        action: error ? 'channel.recovery_failed' : 'channel.history_recovered',
        target: { type: channel.platform === MessagePlatform.INSTAGRAM ? 'instagram_account' : 'facebook_page', id: channel.id },
        details: {
          name: channel.name,
          trigger,
          since: since.toISOString(),
          messagesRecovered: outcome.added,
          conversations: outcome.conversations,
          resubscribed,
          ...(error ? { error } : {}),
        },
      });
      this.emit(row);
    }
  }

  private async recoverSince(channel: ChannelRef, since: Date, until: Date | undefined): Promise<RecoveryOutcome> {
    const source = await this.reader.source(channel);
    const outcome: RecoveryOutcome = { added: 0, conversations: 0 };
    let cursor: string | null = null;
    for (;;) {
      const page = await this.reader.page(source, cursor);
      for (const conversation of page.conversations) {
        const updated = this.reader.updatedAt(conversation);
        if (updated && updated < since) return outcome;
        const added = await this.mergeConversation(channel, source, conversation, since, until);
        if (added > 0) {
          outcome.added += added;
          outcome.conversations += 1;
        }
      }
      if (!page.next) return outcome;
      cursor = page.next;
    }
  }

  private async describeFailure(channel: ChannelRef, error: unknown): Promise<string> {
    if (isMetaGraphError(error)) {
      await this.channels.recordGraphError(channel.id, error).catch(() => undefined);
      return error.userMessage;
    }
    return error instanceof Error ? error.message : String(error);
  }

  private emit(row: ChannelHistoryEntity, recovering = false): void {
    this.gateway.historyUpdated(toHistoryDto(row, recovering));
  }
}
