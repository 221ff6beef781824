import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssignmentModule } from '../assignment/assignment.module';
import { CommentEntity } from '../comments/entities/comment.entity';
import { LabelsModule } from '../labels/labels.module';
import { MediaModule } from '../media/media.module';
import { ConversationEventsApplier } from './conversation-events.applier';
import { ConversationsController } from './conversations.controller';
import { ConversationsService } from './conversations.service';
import { ContactEntity } from './entities/contact.entity';
import { ConversationEntity } from './entities/conversation.entity';
import { MessageEntity } from './entities/message.entity';
import { PendingMessageEventEntity } from './entities/pending-message-event.entity';
import { InboxReadRepository } from './repositories/inbox-read.repository';

@Module({
  imports: [TypeOrmModule.forFeature([ContactEntity, ConversationEntity, MessageEntity, PendingMessageEventEntity, CommentEntity]), MediaModule, AssignmentModule, LabelsModule],
  controllers: [ConversationsController],
  providers: [ConversationEventsApplier, ConversationsService, InboxReadRepository],
  exports: [ConversationEventsApplier],
})
export class InboxModule {}
