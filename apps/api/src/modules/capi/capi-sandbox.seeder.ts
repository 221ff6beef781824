import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { AdConversationsRepository } from '../inbox/repositories/ad-conversations.repository';
import { CapiSettingsService } from './capi-settings.service';

/** The simulator's seed (tools/meta-sim SIM_SEED): Noah Fischer, who never wrote, and the "Spring sale" click-to-Messenger ad. */
const SANDBOX_AD_CLICK = { customerId: '7123456789012349', adId: '120200000000000001' };
const ATTEMPTS = 60;
const EVERY_MS = 2000;

/**
 * Sandbox only: outcomes work on first start. Once the seeded channels are connected, picks each one's
 * business-messaging dataset through the Graph API (the simulator answers with its seeded datasets), and
 * if no conversation came from an ad yet, has the simulator's customer tap a click-to-Messenger ad — so
 * the conversation arrives through the real webhook path, referral included.
 */
@Injectable()
export class CapiSandboxSeeder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CapiSandboxSeeder.name);
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  done: Promise<void> = Promise.resolve();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: CapiSettingsService,
    private readonly adConversations: AdConversationsRepository,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.capi.sandboxSeed || !this.config.meta.simUrl) return;
    this.done = this.run(this.config.meta.simUrl).catch((err: unknown) => this.logger.warn({ err }, 'sandbox Conversions API seed failed'));
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async run(simUrl: string): Promise<void> {
    let configured = 0;
    for (let attempt = 0; attempt < ATTEMPTS && !this.stopped; attempt += 1) {
      for (const channel of await this.settings.unconfiguredChannels()) {
        try {
          await this.settings.connectDataset(null, channel.id, null);
          configured += 1;
        } catch (err) {
          this.logger.warn({ err: err instanceof Error ? err.message : String(err), channelId: channel.id }, 'could not pick the dataset yet');
        }
      }
      // the bootstrap connects the Page and its Instagram account; wait for both before the ad click
      if (configured >= 2 || (configured > 0 && attempt > 5)) break;
      await this.sleep(EVERY_MS);
    }
    if (this.stopped || configured === 0 || (await this.adConversations.hasAny())) return;
    const res = await fetch(`${simUrl}/_sim/customers/${SANDBOX_AD_CLICK.customerId}/ad-referral`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ adId: SANDBOX_AD_CLICK.adId }),
    });
    if (res.ok) this.logger.log('a simulator customer opened a conversation from the "Spring sale" ad');
    else this.logger.warn(`the simulator did not play the ad click (${res.status})`);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.timer = setTimeout(resolve, ms);
      this.timer.unref();
    });
  }
}
