import { Injectable } from '@nestjs/common';
import { DEFAULT_MEDIA_METRICS, DEFAULT_REELS_METRICS, IG_MEDIA_CARD_FIELDS, IgMediaWire, InsightsResponse } from '@ticklegram/meta-graph';
import { MetaGraph } from '../../meta/meta.module';
import { MediaInsightRepository, MediaInsightRow } from '../repositories/media-insight.repository';
import { endsSync, metricNumber, plainReason, ProgressFn, SyncTarget } from './sync-target';

/** Metrics stored as columns (Meta name → column); anything else Meta returns goes to `extra`. */
const COLUMN_OF: Record<string, keyof Pick<MediaInsightRow, 'views' | 'reach' | 'likes' | 'comments' | 'shares' | 'saves' | 'totalInteractions'>> = {
  views: 'views',
  reach: 'reach',
  likes: 'likes',
  comments: 'comments',
  shares: 'shares',
  saved: 'saves',
  total_interactions: 'totalInteractions',
};

/** Stories have their own fetcher; live broadcasts have no media insights. */
const NO_MEDIA_INSIGHTS = new Set(['STORY', 'LIVE']);

export interface MediaSyncReport {
  media: number;
  unavailable: number;
}

/** Reads the newest posts, reels and carousels and their lifetime metrics (stories have their own fetcher). */
@Injectable()
export class MediaInsightsFetcher {
  constructor(
    private readonly graph: MetaGraph,
    private readonly media: MediaInsightRepository,
  ) {}

  async sync(target: SyncTarget, limit: number, progress: ProgressFn): Promise<MediaSyncReport> {
    const items: IgMediaWire[] = [];
    for await (const item of this.graph.comments.iterateInstagramMedia(target.auth, target.igUserId, {
      fields: IG_MEDIA_CARD_FIELDS,
      limit: Math.min(limit, 50),
    })) {
      if (!NO_MEDIA_INSIGHTS.has(item.media_product_type ?? '')) items.push(item);
      if (items.length >= limit) break;
    }
    let unavailable = 0;
    for (const [index, item] of items.entries()) {
      const row = await this.read(target, item);
      if (row.unavailableReason) unavailable += 1;
      await this.media.upsert(row);
      await progress(index + 1, items.length);
    }
    return { media: items.length, unavailable };
  }

  private async read(target: SyncTarget, item: IgMediaWire): Promise<MediaInsightRow> {
    const productType = item.media_product_type ?? 'FEED';
    const row: MediaInsightRow = {
      channelId: target.channelId,
      mediaId: item.id,
      productType,
      mediaType: item.media_type ?? 'IMAGE',
      caption: item.caption ?? null,
      permalink: item.permalink ?? null,
      thumbnailUrl: item.thumbnail_url ?? item.media_url ?? null,
      postedAt: item.timestamp ? new Date(item.timestamp) : new Date(),
      views: null,
      reach: null,
      likes: null,
      comments: null,
      shares: null,
      saves: null,
      totalInteractions: null,
      extra: {},
      unavailableReason: null,
      fetchedAt: new Date(),
    };
    let res: InsightsResponse;
    try {
      res = await this.graph.insights.getMediaInsights(target.auth, item.id, productType === 'REELS' ? DEFAULT_REELS_METRICS : DEFAULT_MEDIA_METRICS);
    } catch (error) {
      if (endsSync(error)) throw error;
      return { ...row, unavailableReason: plainReason(error) };
    }
    for (const wire of res.data) {
      const value = metricNumber(wire);
      if (value === null) continue;
      const column = COLUMN_OF[wire.name];
      if (column) row[column] = value;
      else row.extra[wire.name] = value;
    }
    return row;
  }
}
