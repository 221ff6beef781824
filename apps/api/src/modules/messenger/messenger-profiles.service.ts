import { Injectable, Logger } from '@nestjs/common';
import type { CustomerProfile, ProfileLookupContext } from '../channels/channel-platform';
import type { ChannelRef } from '../channels/channel-ref';
import { MetaGraph } from '../meta/meta.module';
import { FacebookUserRepository } from './repositories/facebook-user.repository';

const REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;
const EMPTY: CustomerProfile = { name: null, username: null, profilePicUrl: null };

/**
 * Messenger customer profiles (PSID → name, picture) from the User Profile API, cached in
 * `facebook_users` and refreshed after 24 h. Never throws: a Graph failure returns what is cached (or
 * nulls) and is reported to the channel's health.
 */
@Injectable()
export class MessengerProfilesService {
  private readonly logger = new Logger(MessengerProfilesService.name);

  constructor(
    private readonly users: FacebookUserRepository,
    private readonly graph: MetaGraph,
  ) {}

  async lookup(channel: ChannelRef, psid: string, context: ProfileLookupContext): Promise<CustomerProfile> {
    try {
      const cached = await this.users.find(channel.id, psid);
      const profile = cached ? { name: cached.name, username: null, profilePicUrl: cached.profilePicUrl } : null;
      if (profile && cached?.fetchedAt && Date.now() - cached.fetchedAt.getTime() < REFRESH_AFTER_MS) return profile;
      let fetched: CustomerProfile;
      try {
        const p = await this.graph.profiles.getMessengerUserProfile(
          { accessToken: await context.accessToken(), host: 'facebook', accountKey: channel.externalId },
          psid,
        );
        fetched = { name: p.name ?? ([p.first_name, p.last_name].filter(Boolean).join(' ') || null), username: null, profilePicUrl: p.profile_pic ?? null };
      } catch (error) {
        await context.onGraphError(error).catch(() => undefined);
        return profile ?? EMPTY;
      }
      await this.users.store(channel.id, psid, fetched);
      return fetched;
    } catch (error) {
      this.logger.warn({ err: error, channelId: channel.id }, 'customer profile lookup failed');
      return EMPTY;
    }
  }
}
