import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThan, Repository } from 'typeorm';
import { isDuplicateKeyError } from '../../../database/database-errors';
import { ChannelHistoryEntity } from '../entities/channel-history.entity';

/** The only code that queries `channel_history`. */
@Injectable()
export class ChannelHistoryRepository {
  constructor(@InjectRepository(ChannelHistoryEntity) private readonly rows: Repository<ChannelHistoryEntity>) {}

  find(channelId: string): Promise<ChannelHistoryEntity | null> {
    return this.rows.findOne({ where: { channelId } });
  }

  list(channelIds?: string[]): Promise<ChannelHistoryEntity[]> {
    return this.rows.find({ where: channelIds ? { channelId: In(channelIds) } : {}, order: { createdAt: 'ASC' } });
  }

  /** The channel's row, created `pending` the first time (two replicas creating it at once: one insert wins). */
  async ensure(channelId: string): Promise<ChannelHistoryEntity> {
    const existing = await this.find(channelId);
    if (existing) return existing;
    try {
      return await this.rows.save(
        this.rows.create({
          channelId,
          importStatus: 'pending',
          conversationsDone: 0,
          messagesImported: 0,
          importPageOffset: 0,
          recoveryAdded: 0,
          recoveryConversations: 0,
          recoveryResubscribed: false,
        }),
      );
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return (await this.find(channelId)) as ChannelHistoryEntity;
    }
  }

  /** Takes the channel for `ms` unless another worker holds it; true when this caller got it. */
  async claim(id: string, ms: number, now = new Date()): Promise<boolean> {
    const until = new Date(now.getTime() + ms);
    const free = await this.rows.update({ id, leaseUntil: IsNull() }, { leaseUntil: until, updatedAt: now });
    if (free.affected) return true;
    const expired = await this.rows.update({ id, leaseUntil: LessThan(now) }, { leaseUntil: until, updatedAt: now });
    return (expired.affected ?? 0) > 0;
  }

  async release(id: string): Promise<void> {
    await this.rows.update({ id }, { leaseUntil: null, updatedAt: new Date() });
  }

  /** Writes the given columns (a partial update: never a stale copy of the whole row). */
  async patch(row: ChannelHistoryEntity, patch: Partial<ChannelHistoryEntity>): Promise<void> {
    Object.assign(row, patch, { updatedAt: new Date() });
    await this.rows.update({ id: row.id }, { ...patch, updatedAt: row.updatedAt });
  }
}
