import { Injectable } from '@nestjs/common';
import { IgStoryInsightsEvent, NormalizedEvent } from '@ticklegram/domain-models';
import { ApplyContext, ApplyResult, EventApplier } from '../webhooks/appliers/apply-context';
import { StoryInsightEntity } from './entities/story-insight.entity';

/** Stores Instagram `story_insights` (one row per story; a later report replaces the metrics). */
@Injectable()
export class StoryInsightsApplier implements EventApplier<IgStoryInsightsEvent> {
  supports(event: NormalizedEvent): event is IgStoryInsightsEvent {
    return event.type === 'ig_story_insights';
  }

  async apply(event: IgStoryInsightsEvent, ctx: ApplyContext): Promise<ApplyResult> {
    const m = ctx.manager;
    const existing = await m.findOne(StoryInsightEntity, { where: { channelId: ctx.channel.id, mediaId: event.mediaId } });
    if (existing) {
      existing.metrics = event.metrics;
      existing.receivedAt = new Date();
      await m.save(existing);
    } else {
      await m.insert(StoryInsightEntity, { channelId: ctx.channel.id, mediaId: event.mediaId, metrics: event.metrics, receivedAt: new Date() });
    }
    return { outcome: 'applied' };
  }
}
