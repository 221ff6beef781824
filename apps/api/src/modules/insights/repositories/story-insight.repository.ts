import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StoryInsightEntity } from '../entities/story-insight.entity';

/** Writes of `story_insights` (inside ingestion's transaction, hence the manager argument). */
@Injectable()
export class StoryInsightRepository {
  /** One row per story; a later report replaces the metrics. */
  async upsert(m: EntityManager, channelId: string, mediaId: string, metrics: Record<string, number>): Promise<void> {
    const existing = await m.findOne(StoryInsightEntity, { where: { channelId, mediaId } });
    if (existing) {
      existing.metrics = metrics;
      existing.receivedAt = new Date();
      await m.save(existing);
    } else {
      await m.insert(StoryInsightEntity, { channelId, mediaId, metrics, receivedAt: new Date() });
    }
  }
}
