import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { InsightSyncStateEntity } from '../entities/insight-sync-state.entity';

/** The per-account sync row: a lease-based lock plus the progress and outcome the page shows. */
@Injectable()
export class InsightSyncStateRepository {
  constructor(@InjectRepository(InsightSyncStateEntity) private readonly states: Repository<InsightSyncStateEntity>) {}

  /**
   * Takes the account's sync for `leaseMs` unless another sync holds a live lease. The row is created
   * first if missing (insert-or-ignore), then claimed by one conditional update, so exactly one caller wins.
   */
  async claim(channelId: string, leaseMs: number, now = new Date()): Promise<boolean> {
    await this.states.createQueryBuilder().insert().into(InsightSyncStateEntity).values({ channelId, state: 'idle', updatedAt: now }).orIgnore().execute();
    const result = await this.states
      .createQueryBuilder()
      .update(InsightSyncStateEntity)
      .set({ state: 'running', phase: null, progressDone: 0, progressTotal: 0, startedAt: now, leaseUntil: new Date(now.getTime() + leaseMs), updatedAt: now })
      .where('channel_id = :channelId', { channelId })
      .andWhere("(state <> 'running' OR lease_until IS NULL OR lease_until < :now)", { now })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async progress(channelId: string, phase: string, done: number, total: number, leaseMs: number): Promise<void> {
    const now = new Date();
    await this.states.update({ channelId }, { phase, progressDone: done, progressTotal: total, leaseUntil: new Date(now.getTime() + leaseMs), updatedAt: now });
  }

  async accountSyncedThrough(channelId: string, day: string): Promise<void> {
    await this.states.update({ channelId }, { accountSyncedThrough: day, updatedAt: new Date() });
  }

  async succeed(channelId: string): Promise<void> {
    const now = new Date();
    await this.states.update({ channelId }, { state: 'idle', phase: null, leaseUntil: null, lastSyncedAt: now, lastError: null, updatedAt: now });
  }

  async fail(channelId: string, message: string): Promise<void> {
    await this.states.update({ channelId }, { state: 'failed', phase: null, leaseUntil: null, lastError: message.slice(0, 500), updatedAt: new Date() });
  }

  find(channelId: string): Promise<InsightSyncStateEntity | null> {
    return this.states.findOneBy({ channelId });
  }

  async findMany(channelIds: readonly string[]): Promise<Map<string, InsightSyncStateEntity>> {
    if (channelIds.length === 0) return new Map();
    const rows = await this.states.findBy({ channelId: In([...channelIds]) });
    return new Map(rows.map((row) => [row.channelId, row]));
  }
}
