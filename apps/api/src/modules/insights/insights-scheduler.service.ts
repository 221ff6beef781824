import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ChannelStatus } from '@ticklegram/domain-models';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { JobLeases } from '../jobs/job-leases.service';
import { InsightsSyncService } from './insights-sync.service';
import { InsightsService } from './insights.service';

/** A failed sync is tried again after this long, not at every tick. */
const RETRY_FAILED_MS = 15 * 60_000;
const FIRST_TICK_MS = 5_000;

/**
 * Runs due syncs one account after another: an account is due when its last sync is older than
 * INSIGHTS_SYNC_INTERVAL_MINUTES (or it was never synced, e.g. just connected). Due-ness is read from
 * the database, so a restart does not trigger a burst and replicas share the work through the claim.
 */
@Injectable()
export class InsightsSchedulerService implements OnApplicationBootstrap {
  private readonly logger = new Logger(InsightsSchedulerService.name);
  private ticking = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly insights: InsightsService,
    private readonly sync: InsightsSyncService,
    private readonly leases: JobLeases,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.insights.syncEnabled) return;
    this.leases.every('insights.sync', this.config.insights.tickSeconds * 1000, () => this.tick(), FIRST_TICK_MS);
  }

  /** Syncs every account that is due; returns the ids it synced (public for tests). */
  async runDue(now = Date.now()): Promise<string[]> {
    const synced: string[] = [];
    const intervalMs = this.config.insights.syncIntervalMinutes * 60_000;
    const active = new Set((await this.insights.instagramAccounts()).filter((a) => a.status === ChannelStatus.ACTIVE).map((a) => a.id));
    for (const status of await this.insights.statuses()) {
      if (!active.has(status.channelId) || status.state === 'running') continue;
      const last = status.lastSyncedAt ? Date.parse(status.lastSyncedAt) : 0;
      const failedRecently = status.state === 'failed' && status.startedAt !== null && now - Date.parse(status.startedAt) < RETRY_FAILED_MS;
      if (now - last < intervalMs || failedRecently) continue;
      if ((await this.sync.syncAccount(status.channelId)) === 'synced') synced.push(status.channelId);
    }
    return synced;
  }

  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      await this.runDue();
    } catch (error) {
      this.logger.error({ err: error }, 'insights scheduler tick failed');
    } finally {
      this.ticking = false;
    }
  }
}
