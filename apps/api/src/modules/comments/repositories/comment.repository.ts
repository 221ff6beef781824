import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MessagePlatform } from '@ticklegram/domain-models';
import { Repository } from 'typeorm';
import { CommentEntity } from '../entities/comment.entity';

/** Reads of `comments` (the applier writes in ingestion's transaction). */
@Injectable()
export class CommentRepository {
  constructor(@InjectRepository(CommentEntity) private readonly comments: Repository<CommentEntity>) {}

  /** A person's comments on one platform, newest first (`idx_comments_platform_author`). */
  recentByAuthor(platform: MessagePlatform, authorExternalId: string, limit: number): Promise<CommentEntity[]> {
    return this.comments.find({ where: { platform, authorExternalId }, order: { commentedAt: 'DESC', id: 'DESC' }, take: limit });
  }
}
