import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MessagePlatform } from '@ticklegram/domain-models';
import { Repository } from 'typeorm';
import { CommentEntity } from '../entities/comment.entity';

export interface CommentStatsFilter {
  start: Date;
  end: Date;
  channelId?: string;
  platform?: MessagePlatform;
  /** Only comments assigned to this user. */
  assigneeId?: string;
}

export interface CommentStats {
  received: number;
  answered: number;
  hidden: number;
}

/** Counts of customer comments (not the business's own, not visitor posts) for reporting, by comment time. */
@Injectable()
export class CommentStatsRepository {
  constructor(@InjectRepository(CommentEntity) private readonly comments: Repository<CommentEntity>) {}

  async stats(filter: CommentStatsFilter): Promise<CommentStats> {
    const qb = this.comments
      .createQueryBuilder('comment')
      .select('COUNT(*)', 'received')
      .addSelect('SUM(CASE WHEN comment.replied_at IS NOT NULL OR comment.private_replied_at IS NOT NULL THEN 1 ELSE 0 END)', 'answered')
      .addSelect('SUM(CASE WHEN comment.is_hidden = :yes THEN 1 ELSE 0 END)', 'hidden')
      .where('comment.commented_at >= :start AND comment.commented_at < :end', { start: filter.start, end: filter.end })
      .andWhere('comment.is_from_business = :no', { no: false, yes: true })
      .andWhere("comment.kind <> 'post'");
    if (filter.channelId) qb.andWhere('comment.channel_id = :channelId', { channelId: filter.channelId });
    if (filter.platform) qb.andWhere('comment.platform = :platform', { platform: filter.platform });
    if (filter.assigneeId) qb.andWhere('comment.assignee_id = :assigneeId', { assigneeId: filter.assigneeId });
    const row = await qb.getRawOne<Record<keyof CommentStats, string | number | null>>();
    return { received: Number(row?.received ?? 0), answered: Number(row?.answered ?? 0), hidden: Number(row?.hidden ?? 0) };
  }
}
