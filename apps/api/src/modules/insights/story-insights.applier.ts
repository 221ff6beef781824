import { Injectable } from '@nestjs/common';
import { IgStoryInsightsEvent } from '@ticklegram/domain-models';
import { AppliesEvents } from '../webhooks/ingestion/applies-events.decorator';
import { ApplyContext, ApplyResult, EventApplier } from '../webhooks/ingestion/event-applier';
import { InsightsGateway } from './insights.gateway';
import { StoryInsightRepository } from './repositories/story-insight.repository';

/** Stores Instagram `story_insights` (one row per story; the webhook's final figures win over our earlier fetch). */
@Injectable()
@AppliesEvents('ig_story_insights')
export class StoryInsightsApplier implements EventApplier<IgStoryInsightsEvent> {
  constructor(
    private readonly stories: StoryInsightRepository,
    private readonly gateway: InsightsGateway,
  ) {}

  async apply(event: IgStoryInsightsEvent, ctx: ApplyContext): Promise<ApplyResult> {
    await this.stories.saveFromWebhook(ctx.manager, ctx.channel.id, event.mediaId, event.metrics);
    ctx.afterCommit(() => this.gateway.storyUpdated({ channelId: ctx.channel.id, mediaId: event.mediaId, metrics: event.metrics }));
    return { outcome: 'applied' };
  }
}
