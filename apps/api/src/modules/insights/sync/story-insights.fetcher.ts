import { Injectable } from '@nestjs/common';
import { DEFAULT_STORY_METRICS, IgMediaMetric, isMetaGraphError, NOT_ENOUGH_VIEWERS } from '@ticklegram/meta-graph';
import { MetaGraph } from '../../meta/meta.module';
import { StoryInsightRepository } from '../repositories/story-insight.repository';
import { endsSync, metricNumber, ProgressFn, SyncTarget } from './sync-target';

export interface StorySyncReport {
  stories: number;
}

/**
 * Reads the live stories' metrics before they expire (Meta keeps them 24 h). When one metric is under
 * Meta's threshold (#10 "Not enough viewers") the request fails as a whole, so the metrics are then read
 * one by one and the withheld ones left out.
 */
@Injectable()
export class StoryInsightsFetcher {
  constructor(
    private readonly graph: MetaGraph,
    private readonly stories: StoryInsightRepository,
  ) {}

  async sync(target: SyncTarget, progress: ProgressFn): Promise<StorySyncReport> {
    const live = (await this.graph.insights.listStories(target.auth, target.igUserId)).data;
    for (const [index, story] of live.entries()) {
      const metrics = await this.readMetrics(target, story.id);
      await this.stories.saveFetched(
        target.channelId,
        story.id,
        {
          mediaType: story.media_type ?? null,
          thumbnailUrl: story.thumbnail_url ?? story.media_url ?? null,
          permalink: story.permalink ?? null,
          postedAt: story.timestamp ? new Date(story.timestamp) : null,
        },
        metrics,
      );
      await progress(index + 1, live.length);
    }
    return { stories: live.length };
  }

  private async readMetrics(target: SyncTarget, storyId: string): Promise<Record<string, number>> {
    try {
      return this.toRecord(await this.graph.insights.getStoryInsights(target.auth, storyId, DEFAULT_STORY_METRICS));
    } catch (error) {
      if (!this.isWithheld(error)) {
        if (endsSync(error)) throw error;
        return {};
      }
    }
    const metrics: Record<string, number> = {};
    for (const metric of DEFAULT_STORY_METRICS) Object.assign(metrics, await this.readOne(target, storyId, metric));
    return metrics;
  }

  private async readOne(target: SyncTarget, storyId: string, metric: IgMediaMetric): Promise<Record<string, number>> {
    try {
      return this.toRecord(await this.graph.insights.getStoryInsights(target.auth, storyId, [metric]));
    } catch (error) {
      if (endsSync(error)) throw error;
      return {};
    }
  }

  private toRecord(res: { data: Parameters<typeof metricNumber>[0][] }): Record<string, number> {
    const out: Record<string, number> = {};
    for (const wire of res.data) {
      const value = metricNumber(wire);
      if (wire && value !== null) out[wire.name] = value;
    }
    return out;
  }

  private isWithheld(error: unknown): boolean {
    return isMetaGraphError(error) && error.code === NOT_ENOUGH_VIEWERS;
  }
}
