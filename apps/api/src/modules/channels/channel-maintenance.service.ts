import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ChannelStatus } from '@ticklegram/domain-models';
import { isMetaGraphError } from '@ticklegram/meta-graph';
import { TokenCipher } from '../../common/crypto/token-cipher';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { JobLeases } from '../jobs/job-leases.service';
import { MetaGraph } from '../meta/meta.module';
import { ChannelPlatforms } from './channel-platforms';
import { ChannelsService } from './channels.service';
import { ChannelBaseEntity } from './entities/channel-base.entity';

export interface JobReport {
  checked: number;
  changed: string[];
  failed: string[];
}

/**
 * Keeps channels alive: checks every token with Meta (the platform decides how) and re-subscribes the
 * app where Meta dropped the webhook subscription. Runs on an interval from config; each job is a public
 * method so tests and admins can run it now. Token refresh is platform-specific (Instagram Login:
 * `InstagramTokenRefreshService`).
 */
@Injectable()
export class ChannelMaintenanceService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ChannelMaintenanceService.name);
  private readonly resubscribedListeners: ((channelId: string) => void)[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly graph: MetaGraph,
    private readonly cipher: TokenCipher,
    private readonly platforms: ChannelPlatforms,
    private readonly service: ChannelsService,
    private readonly audit: AuditService,
    private readonly leases: JobLeases,
  ) {}

  onApplicationBootstrap(): void {
    this.leases.every('channels.health-check', this.config.channels.healthCheckIntervalMinutes * 60_000, async () => {
      await this.checkTokens();
      await this.reconcileSubscriptions();
      await this.service.pruneWebhookCounts();
    });
  }

  /** Tells `listener` when Meta had dropped a channel's webhook subscription and it was restored (history recovers what was missed). */
  onResubscribed(listener: (channelId: string) => void): void {
    this.resubscribedListeners.push(listener);
  }

  /** Asks Meta whether each active channel's token still works; a dead token flips the channel to `needs_reauth`. */
  async checkTokens(): Promise<JobReport> {
    const report: JobReport = { checked: 0, changed: [], failed: [] };
    for (const channel of await this.active()) await this.checkToken(channel, report);
    return report;
  }

  /** Checks one channel now (token + webhook subscription), e.g. when an admin presses "Check now". */
  async checkChannel(channel: ChannelBaseEntity): Promise<JobReport> {
    const report: JobReport = { checked: 0, changed: [], failed: [] };
    await this.checkToken(channel, report);
    if (channel.status === ChannelStatus.ACTIVE) await this.reconcileSubscription(channel, report);
    if (report.changed.length === 0) this.service.emitUpdated(channel);
    return report;
  }

  private async checkToken(channel: ChannelBaseEntity, report: JobReport): Promise<void> {
    const token = await this.tokenOf(channel);
    if (!token) return;
    report.checked += 1;
    try {
      const check = await this.platforms.of(channel).checkToken(channel, token);
      if (!check.valid) {
        await this.service.update(channel, {
          lastGraphError: { code: check.code ?? 190, subcode: check.subcode, kind: 'reauth_required', message: "Meta no longer accepts this channel's token." },
          lastGraphErrorAt: new Date(),
          tokenCheckedAt: new Date(),
        });
        const reason =
          check.subcode === 463
            ? 'The connection to Meta expired. Reconnect the channel.'
            : "Meta no longer accepts this channel's token. Reconnect the channel.";
        await this.service.markNeedsReauth(channel, reason, { code: check.code, subcode: check.subcode });
        report.changed.push(channel.id);
        return;
      }
      await this.service.update(channel, {
        ...(check.scopes ? { scopes: check.scopes } : {}),
        ...(check.expiresAt !== undefined ? { tokenExpiresAt: check.expiresAt } : {}),
        tokenCheckedAt: new Date(),
      });
    } catch (error) {
      report.failed.push(channel.id);
      await this.service.recordGraphError(channel.id, error);
      if (isMetaGraphError(error) && error.kind === 'reauth_required') report.changed.push(channel.id);
      Object.assign(channel, await this.platforms.findById(channel.id));
    }
  }

  /** `GET /{id}/subscribed_apps` per channel; re-subscribes when our app or a field is missing (Meta drops failing webhooks after an hour). */
  async reconcileSubscriptions(): Promise<JobReport> {
    const report: JobReport = { checked: 0, changed: [], failed: [] };
    for (const channel of await this.active()) await this.reconcileSubscription(channel, report);
    return report;
  }

  private async reconcileSubscription(channel: ChannelBaseEntity, report: JobReport): Promise<void> {
    const token = await this.tokenOf(channel);
    if (!token) return;
    report.checked += 1;
    const target = this.platforms.of(channel).subscriptionTarget(channel, token);
    try {
      const listed = await this.graph.subscriptions.list(target.auth, target.nodeId);
      const ours = listed.data.find((app) => app.id === undefined || app.id === this.config.meta.appId || app.id === this.config.meta.instagramAppId);
      const have = new Set(ours?.subscribed_fields ?? []);
      const intact = ours !== undefined && target.fields.every((f) => have.has(f));
      if (intact) {
        await this.service.update(channel, { subscriptionState: 'subscribed', subscribedFields: [...have], subscriptionCheckedAt: new Date() });
        return;
      }
      const res = await this.graph.subscriptions.subscribe(target.auth, target.nodeId, target.fields);
      await this.service.update(channel, {
        subscriptionState: res.success ? 'subscribed' : 'missing',
        subscribedFields: res.success ? [...target.fields] : [],
        subscriptionCheckedAt: new Date(),
      });
      await this.audit.record({
        actor: null,
        action: 'channel.resubscribed',
        target: { type: channel.identity().kind, id: channel.id },
        details: { name: channel.name, previous: [...have], fields: target.fields },
      });
      this.logger.warn({ channelId: channel.id }, 'webhook subscription was missing; subscribed again');
      this.service.emitUpdated(channel);
      report.changed.push(channel.id);
      if (res.success) for (const listener of this.resubscribedListeners) listener(channel.id);
    } catch (error) {
      report.failed.push(channel.id);
      await this.service.update(channel, { subscriptionState: 'unknown', subscriptionCheckedAt: new Date() });
      await this.service.recordGraphError(channel.id, error);
    }
  }

  private async active(): Promise<ChannelBaseEntity[]> {
    return (await Promise.all(this.platforms.all().map((p) => p.accounts.list([ChannelStatus.ACTIVE])))).flat();
  }

  private async tokenOf(channel: ChannelBaseEntity): Promise<string | null> {
    const stored = await this.service.readEncryptedToken(channel);
    return stored ? this.cipher.decrypt(stored) : null;
  }
}
