import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommentEventsApplier } from './comment-events.applier';
import { CommentsGateway } from './comments.gateway';
import { CommentsService } from './comments.service';
import { CommentEntity } from './entities/comment.entity';
import { CommentRepository } from './repositories/comment.repository';

/**
 * Instagram and Facebook comments, visitor posts and mentions (`comments`): applied from webhooks,
 * announced live, read by other modules through {@link CommentsService}. Imports no domain module, so
 * the inbox can read from it.
 */
@Module({
  imports: [TypeOrmModule.forFeature([CommentEntity])],
  providers: [CommentEventsApplier, CommentRepository, CommentsService, CommentsGateway],
  exports: [CommentsService],
})
export class CommentsModule {}
