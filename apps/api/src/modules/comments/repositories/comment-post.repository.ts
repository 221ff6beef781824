import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MessagePlatform } from '@ticklegram/domain-models';
import { Brackets, Repository } from 'typeorm';
import { CommentPostEntity } from '../entities/comment-post.entity';

/** Reads of `comment_posts`: the desk's post list, most recent customer comment first. */
@Injectable()
export class CommentPostRepository {
  constructor(@InjectRepository(CommentPostEntity) private readonly posts: Repository<CommentPostEntity>) {}

  list(filters: { platform?: MessagePlatform; channelId?: string }, after: { at: Date; id: string } | undefined, limit: number): Promise<CommentPostEntity[]> {
    const qb = this.posts.createQueryBuilder('post').where('post.last_comment_at IS NOT NULL');
    if (filters.platform) qb.andWhere('post.platform = :platform', { platform: filters.platform });
    if (filters.channelId) qb.andWhere('post.channel_id = :channelId', { channelId: filters.channelId });
    if (after)
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('post.last_comment_at < :at', { at: after.at })
            .orWhere('post.last_comment_at = :at AND post.id < :afterId', { at: after.at, afterId: after.id }),
        ),
      );
    return qb.orderBy('post.last_comment_at', 'DESC').addOrderBy('post.id', 'DESC').take(limit).getMany();
  }

  findByExternalId(channelId: string, externalId: string): Promise<CommentPostEntity | null> {
    return this.posts.findOneBy({ channelId, externalId });
  }
}
