import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ChannelPlatforms } from '../channels/channel-platforms';
import { ChannelsException, ChannelsExceptionCode } from '../channels/channels.exception';
import { ConnectActor } from '../channels/connect/connect-actor';
import { InstagramConnectService } from '../instagram/instagram-connect.service';
import { FacebookConnectService } from './facebook-connect.service';

const MAX_DELAY_MS = 10_000;

/**
 * First start without any channel: connects the tokens from config through the same paste-token path
 * an admin uses — the simulator's seeded Page (+ its Instagram account) and Instagram Login account in
 * sandbox mode, or the legacy single-account env tokens (INSTAGRAM_PAGE_ACCESS_TOKEN, INSTAGRAM_ACCESS_TOKEN).
 * Runs in the background and retries while Meta (the simulator) is not answering yet.
 */
@Injectable()
export class SandboxChannelsBootstrap implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SandboxChannelsBootstrap.name);
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private wake: (() => void) | null = null;
  /** Settles when the bootstrap finished (or was not needed); for tests and logs. */
  done: Promise<void> = Promise.resolve();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly facebook: FacebookConnectService,
    private readonly instagram: InstagramConnectService,
    private readonly platforms: ChannelPlatforms,
  ) {}

  onApplicationBootstrap(): void {
    const { pageToken, instagramLoginToken } = this.config.channels.bootstrapTokens;
    if (!pageToken && !instagramLoginToken) return;
    this.done = this.run(pageToken, instagramLoginToken);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
  }

  async run(pageToken: string | null, instagramLoginToken: string | null): Promise<void> {
    const counts = await Promise.all(this.platforms.all().map((p) => p.accounts.count()));
    if (counts.some((n) => n > 0)) return;
    const actor: ConnectActor = { user: null, source: 'bootstrap' };
    const steps: { label: string; step: () => Promise<unknown> }[] = [];
    if (pageToken) {
      steps.push({ label: 'Facebook Page', step: () => this.facebook.connectPastedPageToken(actor, pageToken) });
      steps.push({ label: 'Instagram account linked to the Page', step: () => this.instagram.connectPastedToken(actor, pageToken) });
    }
    if (instagramLoginToken) steps.push({ label: 'Instagram Login account', step: () => this.instagram.connectPastedToken(actor, instagramLoginToken) });

    for (const { label, step } of steps) {
      for (let attempt = 1; !this.stopped; attempt += 1) {
        try {
          await step();
          this.logger.log(`connected the ${label} from ${this.config.mode === 'sandbox' ? 'the simulator seed' : 'the environment'}`);
          break;
        } catch (error) {
          const waiting = error instanceof ChannelsException && error.code === ChannelsExceptionCode.CHANNELS_META_UNAVAILABLE;
          if (!waiting) {
            this.logger.error({ err: error instanceof Error ? error.message : String(error) }, `could not connect the ${label}`);
            break;
          }
          const delay = Math.min(MAX_DELAY_MS, 500 * 2 ** Math.min(attempt, 5));
          if (attempt === 1 || attempt % 10 === 0) this.logger.warn(`Meta is not answering yet; connecting the ${label} again in ${delay} ms`);
          await new Promise<void>((resolve) => {
            this.wake = resolve;
            this.timer = setTimeout(resolve, delay);
            this.timer.unref();
          });
          this.wake = null;
        }
      }
    }
  }
}
