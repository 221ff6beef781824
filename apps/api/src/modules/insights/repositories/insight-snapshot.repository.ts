import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, In, Repository } from 'typeorm';
import { InsightDemographicEntity } from '../entities/insight-demographic.entity';
import { InsightSnapshotEntity } from '../entities/insight-snapshot.entity';

const CHUNK = 200;

export interface SnapshotRow {
  metric: string;
  day: string;
  value: number;
}

/** Daily account snapshots and follower demographics. Writes are upserts on the natural key, so re-syncs are idempotent. */
@Injectable()
export class InsightSnapshotRepository {
  constructor(
    @InjectRepository(InsightSnapshotEntity) private readonly snapshots: Repository<InsightSnapshotEntity>,
    @InjectRepository(InsightDemographicEntity) private readonly demographics: Repository<InsightDemographicEntity>,
  ) {}

  /** Inserts or replaces the values (short autocommit statements, no long transaction). */
  async upsert(channelId: string, rows: readonly SnapshotRow[], fetchedAt = new Date()): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK).map((row) => ({ channelId, metric: row.metric, day: row.day, value: row.value, fetchedAt }));
      await this.snapshots.upsert(chunk, { conflictPaths: ['channelId', 'metric', 'day'], skipUpdateIfNoValuesChanged: false });
    }
  }

  range(channelId: string, metrics: readonly string[], from: string, to: string): Promise<SnapshotRow[]> {
    return this.snapshots.find({
      select: { metric: true, day: true, value: true },
      where: { channelId, metric: In([...metrics]), day: Between(from, to) },
      order: { day: 'ASC' },
    });
  }

  /** Days of history held for the account (any metric). */
  async countDays(channelIds: readonly string[]): Promise<Map<string, number>> {
    const result = new Map<string, number>(channelIds.map((id) => [id, 0]));
    if (channelIds.length === 0) return result;
    const rows = await this.snapshots
      .createQueryBuilder('s')
      .select('s.channel_id', 'channelId')
      .addSelect('COUNT(DISTINCT s.day)', 'days')
      .where('s.channel_id IN (:...ids)', { ids: [...channelIds] })
      .groupBy('s.channel_id')
      .getRawMany<{ channelId: string; days: string | number }>();
    for (const row of rows) result.set(row.channelId, Number(row.days));
    return result;
  }

  async upsertDemographics(channelId: string, metric: string, breakdown: string, capturedOn: string, counts: Record<string, number>): Promise<void> {
    await this.demographics.upsert(
      { channelId, metric, breakdown, capturedOn, counts, fetchedAt: new Date() },
      { conflictPaths: ['channelId', 'metric', 'breakdown', 'capturedOn'], skipUpdateIfNoValuesChanged: false },
    );
  }

  /** The newest capture of each breakdown up to `onOrBefore`. */
  async latestDemographics(channelId: string, metric: string, onOrBefore: string): Promise<InsightDemographicEntity[]> {
    const rows = await this.demographics
      .createQueryBuilder('d')
      .where('d.channel_id = :channelId AND d.metric = :metric AND d.captured_on <= :day', { channelId, metric, day: onOrBefore })
      .orderBy('d.captured_on', 'DESC')
      .limit(50)
      .getMany();
    const newest = new Map<string, InsightDemographicEntity>();
    for (const row of rows) if (!newest.has(row.breakdown)) newest.set(row.breakdown, row);
    return [...newest.values()];
  }
}
