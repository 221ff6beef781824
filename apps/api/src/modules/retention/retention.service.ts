import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { RefreshTokenService } from '../auth/refresh-token.service';
import { JobLeases } from '../jobs/job-leases.service';
import { MediaStorage } from '../media/media-storage.service';
import { UploadsService } from '../messaging/uploads.service';
import { WebhookRetentionRepository } from '../webhooks/repositories/webhook-retention.repository';

export type RetentionReport = Record<'uploads' | 'media' | 'webhookEvents' | 'appliedEvents' | 'refreshTokens', number | 'kept'>;

const DAY_MS = 24 * 3600 * 1000;
const JOB_NAME = 'retention';

/**
 * Deletes what is no longer needed, each kind after its own period (RETENTION_*_DAYS; 0 keeps it
 * forever), in batches, on a schedule. Every kind is pruned by the module that owns it.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RetentionService.name);
  private running: Promise<RetentionReport> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uploads: UploadsService,
    private readonly media: MediaStorage,
    private readonly webhooks: WebhookRetentionRepository,
    private readonly refreshTokens: RefreshTokenService,
    private readonly leases: JobLeases,
  ) {}

  onApplicationBootstrap(): void {
    this.leases.every(JOB_NAME, this.config.retention.intervalMinutes * 60_000, () => this.runOnce());
  }

  /** One pass over every kind; a pass already under way is joined, not doubled. */
  runOnce(now = new Date()): Promise<RetentionReport> {
    this.running ??= this.prune(now).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async prune(now: Date): Promise<RetentionReport> {
    const { uploadsDays, mediaDays, webhookEventsDays, appliedEventsDays, refreshTokensDays, batchSize } = this.config.retention;
    const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
    const report: RetentionReport = {
      uploads: uploadsDays ? await this.uploads.pruneOlderThan(before(uploadsDays), batchSize) : 'kept',
      media: mediaDays ? await this.media.pruneOlderThan(before(mediaDays)) : 'kept',
      webhookEvents: webhookEventsDays ? await this.webhooks.pruneFinishedEvents(before(webhookEventsDays), batchSize) : 'kept',
      appliedEvents: appliedEventsDays ? await this.webhooks.pruneAppliedEvents(before(appliedEventsDays), batchSize) : 'kept',
      refreshTokens: refreshTokensDays ? await this.refreshTokens.pruneEnded(before(refreshTokensDays), batchSize) : 'kept',
    };
    this.logger.log({ retention: report }, 'retention run finished');
    return report;
  }
}
