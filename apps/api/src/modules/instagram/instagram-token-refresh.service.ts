import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { JobReport } from '../channels/channel-maintenance.service';
import { ChannelsService } from '../channels/channels.service';
import { ChannelConnectSupport } from '../channels/connect/channel-connect.support';
import { JobLeases } from '../jobs/job-leases.service';
import { MetaGraph } from '../meta/meta.module';
import { TokenCipher } from '../../common/crypto/token-cipher';
import { InstagramAccountRepository } from './repositories/instagram-account.repository';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Instagram Login tokens live 60 days and may be refreshed once they are 24 h old (reference §7):
 * those expiring within CHANNELS_TOKEN_REFRESH_DAYS get a fresh 60 days, on an interval from config.
 */
@Injectable()
export class InstagramTokenRefreshService implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly leases: JobLeases,
    private readonly accounts: InstagramAccountRepository,
    private readonly graph: MetaGraph,
    private readonly cipher: TokenCipher,
    private readonly channels: ChannelsService,
    private readonly support: ChannelConnectSupport,
    private readonly audit: AuditService,
  ) {}

  onApplicationBootstrap(): void {
    this.leases.every('channels.refresh-tokens', this.config.channels.tokenRefreshIntervalMinutes * 60_000, () => this.refreshExpiringTokens());
  }

  async refreshExpiringTokens(now = new Date()): Promise<JobReport> {
    const report: JobReport = { checked: 0, changed: [], failed: [] };
    const horizon = now.getTime() + this.config.channels.tokenRefreshDays * DAY;
    const candidates = (await this.accounts.listActiveInstagramLogin()).filter(
      (a) =>
        a.tokenExpiresAt &&
        a.tokenExpiresAt.getTime() <= horizon &&
        a.tokenExpiresAt.getTime() > now.getTime() &&
        (!a.tokenIssuedAt || now.getTime() - a.tokenIssuedAt.getTime() >= DAY),
    );
    for (const account of candidates) {
      report.checked += 1;
      const stored = await this.accounts.readEncryptedToken(account);
      if (!stored) continue;
      try {
        const fresh = await this.graph.oauth.refreshInstagramToken(this.cipher.decrypt(stored));
        await this.accounts.update(account, {
          accessTokenEnc: this.support.encrypt(fresh.access_token),
          tokenIssuedAt: new Date(),
          tokenExpiresAt: fresh.expires_in ? new Date(Date.now() + fresh.expires_in * 1000) : null,
          tokenCheckedAt: new Date(),
        });
        await this.audit.record({
          actor: null,
          action: 'channel.token_refreshed',
          target: { type: 'instagram_account', id: account.id },
          details: { name: account.name, expiresAt: account.tokenExpiresAt?.toISOString() ?? null },
        });
        this.channels.emitUpdated(account);
        report.changed.push(account.id);
      } catch (error) {
        report.failed.push(account.id);
        await this.channels.recordGraphError(account.id, error);
      }
    }
    return report;
  }
}
