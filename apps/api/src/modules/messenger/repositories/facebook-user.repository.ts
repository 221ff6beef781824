import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { CustomerProfile } from '../../channels/channel-platform';
import { FacebookUserEntity } from '../entities/facebook-user.entity';

/** Cached Messenger customer profiles (`facebook_users`, one per channel and PSID). */
@Injectable()
export class FacebookUserRepository {
  constructor(@InjectRepository(FacebookUserEntity) private readonly users: Repository<FacebookUserEntity>) {}

  find(channelId: string, psid: string): Promise<FacebookUserEntity | null> {
    return this.users.findOne({ where: { channelId, psid } });
  }

  /** Insert-or-update keyed by the unique (channel, PSID); a concurrent insert just becomes an update. */
  async store(channelId: string, psid: string, profile: CustomerProfile): Promise<void> {
    const now = new Date();
    const values = { name: profile.name, profilePicUrl: profile.profilePicUrl, fetchedAt: now };
    const updated = await this.users.update({ channelId, psid }, { ...values, updatedAt: now });
    if (updated.affected) return;
    await this.users.save(this.users.create({ channelId, psid, ...values })).catch(() => this.users.update({ channelId, psid }, { ...values, updatedAt: now }));
  }
}
