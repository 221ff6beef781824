import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactEntity } from '../inbox/entities/contact.entity';
import { ConversationEntity } from '../inbox/entities/conversation.entity';
import { UsersModule } from '../users/users.module';
import { AssignmentSettingsController } from './assignment-settings.controller';
import { AssignmentSettingsService } from './assignment-settings.service';
import { AssignmentController } from './assignment.controller';
import { AssignmentService } from './assignment.service';
import { ConversationCountsController } from './conversation-counts.controller';
import { ConversationCountsRepository } from './conversation-counts.repository';
import { ConversationEventsPublisher } from './conversation-events.publisher';
import { AppSettingEntity } from './entities/app-setting.entity';
import { ConversationSnoozeEntity } from './entities/conversation-snooze.entity';
import { RoundRobinSubscriber } from './round-robin.subscriber';
import { ScopedConversationRepository } from './scoped-conversation.repository';

/** Conversation access scope, assignment (manual + round-robin), status/snooze, mark read, scoped realtime fan-out. */
@Module({
  imports: [TypeOrmModule.forFeature([ConversationEntity, ContactEntity, ConversationSnoozeEntity, AppSettingEntity]), UsersModule],
  controllers: [ConversationCountsController, AssignmentController, AssignmentSettingsController],
  providers: [ScopedConversationRepository, ConversationCountsRepository, ConversationEventsPublisher, AssignmentService, AssignmentSettingsService, RoundRobinSubscriber],
  exports: [ScopedConversationRepository, ConversationEventsPublisher, AssignmentService],
})
export class AssignmentModule {}
