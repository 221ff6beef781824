import { Injectable, Logger } from '@nestjs/common';
import { GraphAuth } from '@ticklegram/meta-graph';
import type { CustomerProfile, ProfileLookupContext } from '../channels/channel-platform';
import type { ChannelRef } from '../channels/channel-ref';
import { MetaGraph } from '../meta/meta.module';
import { InstagramUserRepository } from './repositories/instagram-user.repository';

const REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;
const EMPTY: CustomerProfile = { name: null, username: null, profilePicUrl: null };

/**
 * Instagram customer profiles (IGSID → name, username, picture) from the User Profile API, cached in
 * `instagram_users` and refreshed after 24 h. Never throws: a Graph failure returns what is cached (or
 * nulls) and is reported to the channel's health.
 */
@Injectable()
export class InstagramProfilesService {
  private readonly logger = new Logger(InstagramProfilesService.name);

  constructor(
    private readonly users: InstagramUserRepository,
    private readonly graph: MetaGraph,
  ) {}

  async lookup(channel: ChannelRef, igsid: string, context: ProfileLookupContext): Promise<CustomerProfile> {
    try {
      const cached = await this.users.find(channel.id, igsid);
      const profile = cached ? { name: cached.name, username: cached.username, profilePicUrl: cached.profilePicUrl } : null;
      if (profile && cached?.fetchedAt && Date.now() - cached.fetchedAt.getTime() < REFRESH_AFTER_MS) return profile;
      let fetched: CustomerProfile;
      try {
        const auth: GraphAuth = {
          accessToken: await context.accessToken(),
          host: channel.connection === 'instagram_login' ? 'instagram' : 'facebook',
          accountKey: channel.externalId,
        };
        const p = await this.graph.profiles.getInstagramUserProfile(auth, igsid, 'id,name,username,profile_pic');
        fetched = { name: p.name ?? null, username: p.username ?? null, profilePicUrl: p.profile_pic ?? null };
      } catch (error) {
        await context.onGraphError(error).catch(() => undefined);
        return profile ?? EMPTY;
      }
      await this.users.store(channel.id, igsid, fetched);
      return fetched;
    } catch (error) {
      this.logger.warn({ err: error, channelId: channel.id }, 'customer profile lookup failed');
      return EMPTY;
    }
  }
}
