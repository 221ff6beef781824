import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { ChannelStatus } from '@ticklegram/domain-models';
import { DEFAULT_PAGE_SUBSCRIBED_FIELDS, GraphAuth, isMetaGraphError } from '@ticklegram/meta-graph';
import { TokenCipher } from '../../common/crypto/token-cipher';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { MetaGraph } from '../meta/meta.module';
import { INSTAGRAM_LOGIN_SUBSCRIBED_FIELDS } from './channel-scopes';
import { ChannelsService, targetType } from './channels.service';
import { FacebookPageEntity } from './entities/facebook-page.entity';
import { InstagramAccountEntity } from './entities/instagram-account.entity';
import { AnyChannelEntity, ChannelRepository } from './repositories/channel.repository';

const DAY = 24 * 60 * 60 * 1000;

export interface JobReport {
  checked: number;
  changed: string[];
  failed: string[];
}

/**
 * Keeps channels alive: refreshes Instagram Login tokens before they expire, checks every token with
 * `debug_token` (or `/me`), and re-subscribes the app where Meta dropped the webhook subscription.
 * Runs on intervals from config; each job is a public method so tests and admins can run it now.
 */
@Injectable()
export class ChannelMaintenanceService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ChannelMaintenanceService.name);
  private readonly running = new Set<string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scheduler: SchedulerRegistry,
    private readonly graph: MetaGraph,
    private readonly cipher: TokenCipher,
    private readonly channels: ChannelRepository,
    private readonly service: ChannelsService,
    private readonly audit: AuditService,
  ) {}

  onApplicationBootstrap(): void {
    const minute = 60_000;
    this.every('channels.refresh-tokens', this.config.channels.tokenRefreshIntervalMinutes * minute, () => this.refreshExpiringTokens());
    this.every('channels.health-check', this.config.channels.healthCheckIntervalMinutes * minute, async () => {
      await this.checkTokens();
      await this.reconcileSubscriptions();
      await this.service.pruneWebhookCounts();
    });
  }

  /** Instagram Login tokens expiring within CHANNELS_TOKEN_REFRESH_DAYS (and ≥ 24 h old, Meta's rule) get a fresh 60 days. */
  async refreshExpiringTokens(now = new Date()): Promise<JobReport> {
    const report: JobReport = { checked: 0, changed: [], failed: [] };
    const horizon = now.getTime() + this.config.channels.tokenRefreshDays * DAY;
    const candidates = (await this.channels.instagram.find({ where: { status: ChannelStatus.ACTIVE, connection: 'instagram_login' } })).filter(
      (a) => a.tokenExpiresAt && a.tokenExpiresAt.getTime() <= horizon && a.tokenExpiresAt.getTime() > now.getTime() && (!a.tokenIssuedAt || now.getTime() - a.tokenIssuedAt.getTime() >= DAY),
    );
    for (const account of candidates) {
      report.checked += 1;
      const token = await this.tokenOf(account);
      if (!token) continue;
      try {
        const fresh = await this.graph.oauth.refreshInstagramToken(token);
        await this.channels.update(account, {
          accessTokenEnc: this.cipher.encrypt(fresh.access_token),
          tokenIssuedAt: new Date(),
          tokenExpiresAt: fresh.expires_in ? new Date(Date.now() + fresh.expires_in * 1000) : null,
          tokenCheckedAt: new Date(),
        });
        await this.audit.record({ actor: null, action: 'channel.token_refreshed', target: { type: targetType(account), id: account.id }, details: { name: account.name, expiresAt: account.tokenExpiresAt?.toISOString() ?? null } });
        this.service.emitUpdated(account);
        report.changed.push(account.id);
      } catch (error) {
        report.failed.push(account.id);
        await this.service.recordGraphError(account.id, error);
      }
    }
    return report;
  }

  /** Asks Meta whether each active channel's token still works; a dead token flips the channel to `needs_reauth`. */
  async checkTokens(): Promise<JobReport> {
    const report: JobReport = { checked: 0, changed: [], failed: [] };
    for (const channel of await this.channels.listByStatus([ChannelStatus.ACTIVE])) await this.checkToken(channel, report);
    return report;
  }

  /** Checks one channel now (token + webhook subscription), e.g. when an admin presses "Check now". */
  async checkChannel(channel: AnyChannelEntity): Promise<JobReport> {
    const report: JobReport = { checked: 0, changed: [], failed: [] };
    await this.checkToken(channel, report);
    if (channel.status === ChannelStatus.ACTIVE) await this.reconcileSubscription(channel, report);
    if (report.changed.length === 0) this.service.emitUpdated(channel);
    return report;
  }

  private async checkToken(channel: AnyChannelEntity, report: JobReport): Promise<void> {
    const token = await this.tokenOf(channel);
    if (!token) return;
    report.checked += 1;
    try {
      if (channel instanceof InstagramAccountEntity && channel.connection === 'instagram_login') {
        await this.graph.profiles.getMe({ accessToken: token, host: 'instagram', accountKey: channel.igUserId }, 'user_id,username');
        await this.channels.update(channel, { tokenCheckedAt: new Date() });
        return;
      }
      const info = await this.graph.oauth.debugToken(token);
      if (!info.is_valid) {
        const subcode = info.error?.subcode ?? null;
        await this.channels.update(channel, {
          lastGraphError: { code: info.error?.code ?? 190, subcode, kind: 'reauth_required', message: "Meta no longer accepts this channel's token." },
          lastGraphErrorAt: new Date(),
          tokenCheckedAt: new Date(),
        });
        await this.service.markNeedsReauth(channel, subcode === 463 ? 'The connection to Meta expired. Reconnect the channel.' : "Meta no longer accepts this channel's token. Reconnect the channel.", { code: info.error?.code ?? null, subcode });
        report.changed.push(channel.id);
        return;
      }
      await this.channels.update(channel, {
        scopes: info.scopes ?? channel.scopes,
        tokenExpiresAt: info.expires_at ? new Date(info.expires_at * 1000) : null,
        tokenCheckedAt: new Date(),
      });
    } catch (error) {
      report.failed.push(channel.id);
      await this.service.recordGraphError(channel.id, error);
      if (isMetaGraphError(error) && error.kind === 'reauth_required') report.changed.push(channel.id);
      Object.assign(channel, await this.channels.findById(channel.id));
    }
  }

  /** `GET /{id}/subscribed_apps` per channel; re-subscribes when our app or a field is missing (Meta drops failing webhooks after an hour). */
  async reconcileSubscriptions(): Promise<JobReport> {
    const report: JobReport = { checked: 0, changed: [], failed: [] };
    for (const channel of await this.channels.listByStatus([ChannelStatus.ACTIVE])) await this.reconcileSubscription(channel, report);
    return report;
  }

  private async reconcileSubscription(channel: AnyChannelEntity, report: JobReport): Promise<void> {
    const token = await this.tokenOf(channel);
    if (!token) return;
    report.checked += 1;
    const target = this.subscriptionTarget(channel, token);
    try {
      const listed = await this.graph.subscriptions.list(target.auth, target.nodeId);
      const ours = listed.data.find((app) => app.id === undefined || app.id === this.config.meta.appId || app.id === this.config.meta.instagramAppId);
      const have = new Set(ours?.subscribed_fields ?? []);
      const intact = ours !== undefined && target.fields.every((f) => have.has(f));
      if (intact) {
        await this.channels.update(channel, { subscriptionState: 'subscribed', subscribedFields: [...have], subscriptionCheckedAt: new Date() });
        return;
      }
      const res = await this.graph.subscriptions.subscribe(target.auth, target.nodeId, target.fields);
      await this.channels.update(channel, {
        subscriptionState: res.success ? 'subscribed' : 'missing',
        subscribedFields: res.success ? [...target.fields] : [],
        subscriptionCheckedAt: new Date(),
      });
      await this.audit.record({ actor: null, action: 'channel.resubscribed', target: { type: targetType(channel), id: channel.id }, details: { name: channel.name, previous: [...have], fields: target.fields } });
      this.logger.warn({ channelId: channel.id }, 'webhook subscription was missing; subscribed again');
      this.service.emitUpdated(channel);
      report.changed.push(channel.id);
    } catch (error) {
      report.failed.push(channel.id);
      await this.channels.update(channel, { subscriptionState: 'unknown', subscriptionCheckedAt: new Date() });
      await this.service.recordGraphError(channel.id, error);
    }
  }

  private subscriptionTarget(channel: AnyChannelEntity, token: string): { auth: GraphAuth; nodeId: string; fields: readonly string[] } {
    if (channel instanceof FacebookPageEntity) return { auth: { accessToken: token, accountKey: channel.pageId }, nodeId: channel.pageId, fields: DEFAULT_PAGE_SUBSCRIBED_FIELDS };
    if (channel.connection === 'instagram_login') return { auth: { accessToken: token, host: 'instagram', accountKey: channel.igUserId }, nodeId: 'me', fields: INSTAGRAM_LOGIN_SUBSCRIBED_FIELDS };
    const pageId = channel.linkedPageId ?? channel.igUserId;
    return { auth: { accessToken: token, accountKey: pageId }, nodeId: pageId, fields: DEFAULT_PAGE_SUBSCRIBED_FIELDS };
  }

  private async tokenOf(channel: AnyChannelEntity): Promise<string | null> {
    const stored = await this.channels.readEncryptedToken(channel);
    return stored ? this.cipher.decrypt(stored) : null;
  }

  private every(name: string, ms: number, job: () => Promise<unknown>): void {
    const handle = setInterval(() => {
      if (this.running.has(name)) return;
      this.running.add(name);
      job()
        .catch((error: unknown) => this.logger.error({ err: error, job: name }, 'channel job failed'))
        .finally(() => this.running.delete(name));
    }, ms);
    handle.unref();
    this.scheduler.addInterval(name, handle);
  }
}
