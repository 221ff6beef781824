import { Inject, Injectable, Logger } from '@nestjs/common';
import { ChannelStatus, InsightSyncStatusDto, MessagePlatform } from '@ticklegram/domain-models';
import { isMetaGraphError } from '@ticklegram/meta-graph';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ChannelsService } from '../channels/channels.service';
import { addDays, toDay } from './insight-days';
import { InsightsException } from './insights.exception';
import { InsightsGateway } from './insights.gateway';
import { InsightsService } from './insights.service';
import { InsightSyncStateRepository } from './repositories/insight-sync-state.repository';
import { AccountInsightsFetcher } from './sync/account-insights.fetcher';
import { MediaInsightsFetcher } from './sync/media-insights.fetcher';
import { StoryInsightsFetcher } from './sync/story-insights.fetcher';
import { plainReason, SyncTarget } from './sync/sync-target';

/** A sync that stops renewing its lease for this long is taken to have crashed. */
const LEASE_MS = 10 * 60_000;
/** Progress is written and pushed at most this often (plus at every phase change). */
const PROGRESS_EVERY_MS = 1_000;

export type SyncOutcome = 'synced' | 'failed' | 'busy';

/**
 * Pulls one Instagram account's insights from Meta into our tables: account days (from where the last
 * sync stopped, re-reading the two days before because Meta is up to 48 h late), media, live stories.
 * Every write is a short upsert outside any long transaction, every Graph call goes through the
 * client's per-account insights limiter, and the claim on `insight_sync_states` keeps one sync per account.
 */
@Injectable()
export class InsightsSyncService {
  private readonly logger = new Logger(InsightsSyncService.name);
  private readonly running = new Map<string, Promise<SyncOutcome>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly channels: ChannelsService,
    private readonly states: InsightSyncStateRepository,
    private readonly insights: InsightsService,
    private readonly account: AccountInsightsFetcher,
    private readonly media: MediaInsightsFetcher,
    private readonly stories: StoryInsightsFetcher,
    private readonly gateway: InsightsGateway,
  ) {}

  /** "Sync now": claims each account and runs its sync in the background; answers with the statuses at once. */
  async requestSync(channelId?: string): Promise<InsightSyncStatusDto[]> {
    const accounts = (await this.insights.instagramAccounts()).filter((a) => a.status === ChannelStatus.ACTIVE);
    const chosen = channelId ? accounts.filter((a) => a.id === channelId) : accounts;
    if (channelId && chosen.length === 0) throw InsightsException.accountNotFound();
    for (const account of chosen) {
      if (await this.states.claim(account.id, LEASE_MS)) this.track(account.id, this.runClaimed(account.id));
    }
    const statuses = await this.insights.statuses();
    return statuses.filter((s) => chosen.some((a) => a.id === s.channelId));
  }

  /** Syncs one account now and waits for it (the scheduler and tests); `busy` when a sync already holds it. */
  async syncAccount(channelId: string): Promise<SyncOutcome> {
    const inFlight = this.running.get(channelId);
    if (inFlight) return inFlight.then(() => 'busy' as const);
    if (!(await this.states.claim(channelId, LEASE_MS))) return 'busy';
    return this.track(channelId, this.runClaimed(channelId));
  }

  /** Waits for the background syncs this process started (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.running.values()]);
  }

  private track(channelId: string, run: Promise<SyncOutcome>): Promise<SyncOutcome> {
    this.running.set(channelId, run);
    void run.finally(() => this.running.delete(channelId));
    return run;
  }

  private async runClaimed(channelId: string): Promise<SyncOutcome> {
    try {
      const target = await this.target(channelId);
      const state = await this.states.find(channelId);
      const today = toDay(new Date());
      const earliest = addDays(today, -(this.config.insights.backfillDays - 1));
      const resume = state?.accountSyncedThrough ? addDays(state.accountSyncedThrough, -2) : earliest;
      const from = resume > earliest ? resume : earliest;
      // the day in progress is not over and Meta's figures for it are partial (the simulator's are 0): daily values are
      // read for complete days, through yesterday; the follower total and demographics as of today
      const lastComplete = addDays(today, -1);
      await this.account.sync(target, from <= lastComplete ? from : lastComplete, lastComplete, today, this.reporter(channelId, 'account'));
      await this.media.sync(target, this.config.insights.mediaLimit, this.reporter(channelId, 'media'));
      await this.stories.sync(target, this.reporter(channelId, 'stories'));
      await this.states.succeed(channelId);
      this.gateway.synced(await this.insights.status(channelId));
      return 'synced';
    } catch (error) {
      await this.recordFailure(channelId, error);
      return 'failed';
    }
  }

  private async recordFailure(channelId: string, error: unknown): Promise<void> {
    const reason = error instanceof InsightsException ? error.message : plainReason(error);
    if (!isMetaGraphError(error) && !(error instanceof InsightsException)) this.logger.error({ err: error, channelId }, 'insights sync failed unexpectedly');
    else this.logger.warn({ channelId, reason }, 'insights sync failed');
    try {
      if (isMetaGraphError(error)) await this.channels.recordGraphError(channelId, error);
      await this.states.fail(channelId, reason);
      this.gateway.synced(await this.insights.status(channelId));
    } catch (cause) {
      this.logger.error({ err: cause, channelId }, 'could not record the failed insights sync');
    }
  }

  private async target(channelId: string): Promise<SyncTarget> {
    const channel = await this.channels.getById(channelId);
    if (!channel || channel.platform !== MessagePlatform.INSTAGRAM) throw InsightsException.accountNotFound();
    const accessToken = await this.channels.getAccessToken(channelId);
    const host = channel.connection === 'instagram_login' ? 'instagram' : 'facebook';
    return { channelId, igUserId: channel.externalId, auth: { accessToken, host, accountKey: channel.externalId } };
  }

  /** Progress for one phase: persisted (renewing the lease) and pushed, at most once a second. */
  private reporter(channelId: string, phase: string): (done: number, total: number) => Promise<void> {
    let lastAt = 0;
    return async (done, total) => {
      const now = Date.now();
      if (lastAt !== 0 && now - lastAt < PROGRESS_EVERY_MS && done < total) return;
      lastAt = now;
      await this.states.progress(channelId, phase, done, total, LEASE_MS);
      this.gateway.syncProgress(await this.insights.status(channelId));
    };
  }
}
