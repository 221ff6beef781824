import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommentEventsApplier } from './comment-events.applier';
import { CommentEntity } from './entities/comment.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CommentEntity])],
  providers: [CommentEventsApplier],
  exports: [CommentEventsApplier],
})
export class CommentsModule {}
