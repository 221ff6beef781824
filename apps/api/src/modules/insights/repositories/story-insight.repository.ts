import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { StoryInsightEntity } from '../entities/story-insight.entity';

export interface StoryDetails {
  mediaType: string | null;
  thumbnailUrl: string | null;
  permalink: string | null;
  postedAt: Date | null;
}

export interface StoryListQuery {
  channelIds: readonly string[];
  from?: Date;
  before?: Date;
  limit: number;
}

/**
 * Story metrics from two sources for one row per story: our fetch while it is live and the
 * `story_insights` webhook at expiry. Each source merges its metrics over what is stored.
 */
@Injectable()
export class StoryInsightRepository {
  constructor(@InjectRepository(StoryInsightEntity) private readonly stories: Repository<StoryInsightEntity>) {}

  /** From a fetch while the story is live; the webhook's final figures, once stored, are kept. */
  async saveFetched(channelId: string, mediaId: string, details: StoryDetails, metrics: Record<string, number>): Promise<void> {
    const now = new Date();
    await this.stories.manager.transaction(async (manager) => {
      const existing = await manager.findOne(StoryInsightEntity, { where: { channelId, mediaId } });
      if (!existing) {
        await manager.insert(StoryInsightEntity, { channelId, mediaId, metrics, receivedAt: now, source: 'api', ...details });
        return;
      }
      const merged = existing.source === 'webhook' ? { ...metrics, ...existing.metrics } : { ...existing.metrics, ...metrics };
      await manager.update(StoryInsightEntity, { id: existing.id }, { metrics: merged, receivedAt: now, ...details });
    });
  }

  /** From the `story_insights` webhook, inside the ingestion transaction (`manager`). */
  async saveFromWebhook(manager: EntityManager, channelId: string, mediaId: string, metrics: Record<string, number>): Promise<void> {
    const existing = await manager.findOne(StoryInsightEntity, { where: { channelId, mediaId } });
    if (existing) {
      await manager.update(
        StoryInsightEntity,
        { id: existing.id },
        { metrics: { ...existing.metrics, ...metrics }, receivedAt: new Date(), source: 'webhook' },
      );
    } else {
      await manager.insert(StoryInsightEntity, { channelId, mediaId, metrics, receivedAt: new Date(), source: 'webhook' });
    }
  }

  list(query: StoryListQuery): Promise<StoryInsightEntity[]> {
    if (query.channelIds.length === 0) return Promise.resolve([]);
    const qb = this.stories.createQueryBuilder('s').where('s.channel_id IN (:...channelIds)', { channelIds: [...query.channelIds] });
    if (query.from) qb.andWhere('s.received_at >= :from', { from: query.from });
    if (query.before) qb.andWhere('s.received_at < :before', { before: query.before });
    return qb.orderBy('s.received_at', 'DESC').addOrderBy('s.id', 'DESC').limit(query.limit).getMany();
  }
}
