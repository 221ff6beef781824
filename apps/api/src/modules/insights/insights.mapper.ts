import { InsightMediaProductType, MediaInsightDto, StoryInsightDto } from '@ticklegram/domain-models';
import { MediaInsightEntity } from './entities/media-insight.entity';
import { StoryInsightEntity } from './entities/story-insight.entity';

/** Story metrics we show: the current API names and the webhook's navigation counts (its `impressions` is retired). */
const STORY_METRICS = new Set([
  'views',
  'reach',
  'replies',
  'shares',
  'follows',
  'profile_visits',
  'total_interactions',
  'navigation',
  'link_clicks',
  'taps_forward',
  'taps_back',
  'exits',
]);

export function toMediaInsightDto(entity: MediaInsightEntity): MediaInsightDto {
  return {
    channelId: entity.channelId,
    mediaId: entity.mediaId,
    productType: entity.productType as InsightMediaProductType,
    mediaType: entity.mediaType,
    caption: entity.caption,
    permalink: entity.permalink,
    thumbnailUrl: entity.thumbnailUrl,
    postedAt: entity.postedAt.toISOString(),
    views: entity.views,
    reach: entity.reach,
    likes: entity.likes,
    comments: entity.comments,
    shares: entity.shares,
    saves: entity.saves,
    totalInteractions: entity.totalInteractions,
    extra: entity.extra ?? {},
    unavailableReason: entity.unavailableReason,
    fetchedAt: entity.fetchedAt.toISOString(),
  };
}

/** The webhook reports −1 for values under 5 (Meta withholds them): those are left out, not shown as numbers. */
export function toStoryInsightDto(entity: StoryInsightEntity): StoryInsightDto {
  const metrics: Record<string, number> = {};
  for (const [name, value] of Object.entries(entity.metrics ?? {})) {
    if (STORY_METRICS.has(name) && typeof value === 'number' && value >= 0) metrics[name] = value;
  }
  return {
    channelId: entity.channelId,
    mediaId: entity.mediaId,
    mediaType: entity.mediaType,
    thumbnailUrl: entity.thumbnailUrl,
    permalink: entity.permalink,
    postedAt: entity.postedAt ? entity.postedAt.toISOString() : null,
    metrics,
    source: entity.source,
    updatedAt: entity.receivedAt.toISOString(),
  };
}
