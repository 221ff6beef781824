import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MessagePlatform } from '@ticklegram/domain-models';
import { GraphAuth } from '@ticklegram/meta-graph';
import { Repository } from 'typeorm';
import { TokenCipher } from '../../common/crypto/token-cipher';
import { MetaGraph } from '../meta/meta.module';
import type { ChannelRef } from './channels.service';
import { FacebookUserEntity } from './entities/facebook-user.entity';
import { InstagramUserEntity } from './entities/instagram-user.entity';
import { ChannelRepository } from './repositories/channel.repository';

export interface CustomerProfile {
  name: string | null;
  username: string | null;
  profilePicUrl: string | null;
}

const REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;
const EMPTY: CustomerProfile = { name: null, username: null, profilePicUrl: null };

/**
 * Customer profiles (IGSID / PSID → name, username, picture) fetched through the User Profile API and
 * cached in `instagram_users` / `facebook_users`, refreshed after 24 h. Never throws: a Graph failure
 * returns what is cached (or nulls) and is reported to the channel's health.
 */
@Injectable()
export class CustomerProfilesService {
  private readonly logger = new Logger(CustomerProfilesService.name);

  constructor(
    @InjectRepository(InstagramUserEntity) private readonly igUsers: Repository<InstagramUserEntity>,
    @InjectRepository(FacebookUserEntity) private readonly fbUsers: Repository<FacebookUserEntity>,
    private readonly channels: ChannelRepository,
    private readonly cipher: TokenCipher,
    private readonly graph: MetaGraph,
  ) {}

  async lookup(channel: ChannelRef, externalId: string, onGraphError: (error: unknown) => Promise<void>): Promise<CustomerProfile> {
    try {
      const cached = await this.findCached(channel, externalId);
      if (cached?.fetchedAt && Date.now() - cached.fetchedAt.getTime() < REFRESH_AFTER_MS) return cached.profile;
      let fetched: CustomerProfile;
      try {
        fetched = await this.fetch(channel, externalId);
      } catch (error) {
        await onGraphError(error).catch(() => undefined);
        return cached?.profile ?? EMPTY;
      }
      await this.store(channel, externalId, fetched);
      return fetched;
    } catch (error) {
      this.logger.warn({ err: error, channelId: channel.id }, 'customer profile lookup failed');
      return EMPTY;
    }
  }

  private async findCached(channel: ChannelRef, externalId: string): Promise<{ profile: CustomerProfile; fetchedAt: Date | null } | null> {
    if (channel.platform === MessagePlatform.INSTAGRAM) {
      const row = await this.igUsers.findOne({ where: { channelId: channel.id, igsid: externalId } });
      return row ? { profile: { name: row.name, username: row.username, profilePicUrl: row.profilePicUrl }, fetchedAt: row.fetchedAt } : null;
    }
    const row = await this.fbUsers.findOne({ where: { channelId: channel.id, psid: externalId } });
    return row ? { profile: { name: row.name, username: null, profilePicUrl: row.profilePicUrl }, fetchedAt: row.fetchedAt } : null;
  }

  private async fetch(channel: ChannelRef, externalId: string): Promise<CustomerProfile> {
    const entity = await this.channels.findById(channel.id);
    const stored = entity ? await this.channels.readEncryptedToken(entity) : null;
    if (!stored) throw new Error('channel has no token');
    const auth: GraphAuth = {
      accessToken: this.cipher.decrypt(stored),
      host: channel.connection === 'instagram_login' ? 'instagram' : 'facebook',
      accountKey: channel.externalId,
    };
    if (channel.platform === MessagePlatform.INSTAGRAM) {
      const p = await this.graph.profiles.getInstagramUserProfile(auth, externalId, 'id,name,username,profile_pic');
      return { name: p.name ?? null, username: p.username ?? null, profilePicUrl: p.profile_pic ?? null };
    }
    const p = await this.graph.profiles.getMessengerUserProfile(auth, externalId);
    const name = p.name ?? ([p.first_name, p.last_name].filter(Boolean).join(' ') || null);
    return { name, username: null, profilePicUrl: p.profile_pic ?? null };
  }

  /** Insert-or-update keyed by the unique (channel, external id); a concurrent insert just becomes an update. */
  private async store(channel: ChannelRef, externalId: string, profile: CustomerProfile): Promise<void> {
    const now = new Date();
    if (channel.platform === MessagePlatform.INSTAGRAM) {
      const values = { name: profile.name, username: profile.username, profilePicUrl: profile.profilePicUrl, fetchedAt: now };
      const updated = await this.igUsers.update({ channelId: channel.id, igsid: externalId }, { ...values, updatedAt: now });
      if (!updated.affected) {
        await this.igUsers.save(this.igUsers.create({ channelId: channel.id, igsid: externalId, ...values })).catch(() =>
          this.igUsers.update({ channelId: channel.id, igsid: externalId }, { ...values, updatedAt: now }),
        );
      }
      return;
    }
    const values = { name: profile.name, profilePicUrl: profile.profilePicUrl, fetchedAt: now };
    const updated = await this.fbUsers.update({ channelId: channel.id, psid: externalId }, { ...values, updatedAt: now });
    if (!updated.affected) {
      await this.fbUsers.save(this.fbUsers.create({ channelId: channel.id, psid: externalId, ...values })).catch(() =>
        this.fbUsers.update({ channelId: channel.id, psid: externalId }, { ...values, updatedAt: now }),
      );
    }
  }
}
