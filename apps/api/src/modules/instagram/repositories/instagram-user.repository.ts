import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { CustomerProfile } from '../../channels/channel-platform';
import { InstagramUserEntity } from '../entities/instagram-user.entity';

/** Cached Instagram customer profiles (`instagram_users`, one per channel and IGSID). */
@Injectable()
export class InstagramUserRepository {
  constructor(@InjectRepository(InstagramUserEntity) private readonly users: Repository<InstagramUserEntity>) {}

  find(channelId: string, igsid: string): Promise<InstagramUserEntity | null> {
    return this.users.findOne({ where: { channelId, igsid } });
  }

  /** Insert-or-update keyed by the unique (channel, IGSID); a concurrent insert just becomes an update. */
  async store(channelId: string, igsid: string, profile: CustomerProfile): Promise<void> {
    const now = new Date();
    const values = { name: profile.name, username: profile.username, profilePicUrl: profile.profilePicUrl, fetchedAt: now };
    const updated = await this.users.update({ channelId, igsid }, { ...values, updatedAt: now });
    if (updated.affected) return;
    await this.users
      .save(this.users.create({ channelId, igsid, ...values }))
      .catch(() => this.users.update({ channelId, igsid }, { ...values, updatedAt: now }));
  }
}
