import { Injectable } from '@nestjs/common';
import { MessagePlatform } from '@ticklegram/domain-models';
import { ChannelPlatform } from './channel-platform';
import type { ChannelBaseEntity } from './entities/channel-base.entity';

const ORDER = [MessagePlatform.FACEBOOK, MessagePlatform.INSTAGRAM];

/** The platform modules that registered with channels (explicitly, in their `onModuleInit`). */
@Injectable()
export class ChannelPlatforms {
  private readonly platforms = new Map<MessagePlatform, ChannelPlatform>();

  register(platform: ChannelPlatform): void {
    if (this.platforms.has(platform.platform)) throw new Error(`the ${platform.platform} channel platform is registered twice`);
    this.platforms.set(platform.platform, platform);
  }

  get(platform: MessagePlatform): ChannelPlatform {
    const found = this.platforms.get(platform);
    if (!found) throw new Error(`no module registered the ${platform} channel platform`);
    return found;
  }

  of(entity: ChannelBaseEntity): ChannelPlatform {
    return this.get(entity.identity().platform);
  }

  /**
   * Pages before Instagram accounts, whatever the registration order: an Instagram account connected
   * through a Page depends on the Page's token and webhook subscription, so jobs handle the Page first
   * (and `GET /api/channels` lists them in that order).
   */
  all(): ChannelPlatform[] {
    return [...this.platforms.values()].sort((a, b) => ORDER.indexOf(a.platform) - ORDER.indexOf(b.platform));
  }

  /** A channel of any platform by our id. */
  async findById(id: string): Promise<ChannelBaseEntity | null> {
    for (const platform of this.all()) {
      const found = await platform.accounts.findById(id);
      if (found) return found;
    }
    return null;
  }
}
