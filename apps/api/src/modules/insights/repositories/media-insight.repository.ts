import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { InsightMediaSort } from '@ticklegram/domain-models';
import { Repository } from 'typeorm';
import { MediaInsightEntity } from '../entities/media-insight.entity';

const SORT_COLUMNS: Record<InsightMediaSort, string> = {
  posted_at: 'm.posted_at',
  views: 'm.views',
  reach: 'm.reach',
  likes: 'm.likes',
  comments: 'm.comments',
  shares: 'm.shares',
  saves: 'm.saves',
  total_interactions: 'm.total_interactions',
};

export interface MediaListQuery {
  channelIds: readonly string[];
  sort: InsightMediaSort;
  order: 'asc' | 'desc';
  postedFrom?: Date;
  postedBefore?: Date;
  productType?: string;
  limit: number;
}

export type MediaInsightRow = Omit<MediaInsightEntity, 'id'>;

/** Posts, reels and carousels with their latest lifetime metrics. */
@Injectable()
export class MediaInsightRepository {
  constructor(@InjectRepository(MediaInsightEntity) private readonly media: Repository<MediaInsightEntity>) {}

  async upsert(row: MediaInsightRow): Promise<void> {
    await this.media.upsert(row, { conflictPaths: ['channelId', 'mediaId'], skipUpdateIfNoValuesChanged: false });
  }

  /** Sorted by the metric (unknown values last), then newest first, then id for a stable order. */
  list(query: MediaListQuery): Promise<MediaInsightEntity[]> {
    if (query.channelIds.length === 0) return Promise.resolve([]);
    const column = SORT_COLUMNS[query.sort];
    const direction = query.order === 'asc' ? 'ASC' : 'DESC';
    const qb = this.media.createQueryBuilder('m').where('m.channel_id IN (:...channelIds)', { channelIds: [...query.channelIds] });
    if (query.postedFrom) qb.andWhere('m.posted_at >= :from', { from: query.postedFrom });
    if (query.postedBefore) qb.andWhere('m.posted_at < :before', { before: query.postedBefore });
    if (query.productType) qb.andWhere('m.product_type = :productType', { productType: query.productType });
    qb.orderBy(`CASE WHEN ${column} IS NULL THEN 1 ELSE 0 END`, 'ASC').addOrderBy(column, direction);
    // one entry per expression: a tie-break on the sort column itself would replace its direction
    if (query.sort !== 'posted_at') qb.addOrderBy('m.posted_at', 'DESC');
    return qb.addOrderBy('m.id', direction).limit(query.limit).getMany();
  }
}
