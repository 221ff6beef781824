import { Injectable } from '@nestjs/common';
import { ContactCommentDto, MessagePlatform } from '@ticklegram/domain-models';
import { toCommentDto } from './comment.mapper';
import { CommentRepository } from './repositories/comment.repository';

/** What other modules may read of comments (the contact panel's "recent comments"). */
@Injectable()
export class CommentsService {
  constructor(private readonly comments: CommentRepository) {}

  /** Linked by Meta's id only: the author's comments on the same platform, newest first. */
  async recentByAuthor(platform: MessagePlatform, authorExternalId: string, limit: number): Promise<ContactCommentDto[]> {
    return (await this.comments.recentByAuthor(platform, authorExternalId, limit)).map(toCommentDto);
  }
}
