import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InboxModule } from '../inbox/inbox.module';
import { UsersModule } from '../users/users.module';
import { AssignmentSettingsController } from './assignment-settings.controller';
import { AssignmentSettingsService } from './assignment-settings.service';
import { AssignmentController } from './assignment.controller';
import { AssignmentService } from './assignment.service';
import { ConversationCountsController } from './conversation-counts.controller';
import { AppSettingEntity } from './entities/app-setting.entity';
import { ConversationSnoozeEntity } from './entities/conversation-snooze.entity';
import { RoundRobinSubscriber } from './round-robin.subscriber';

/**
 * Assignment (manual + round-robin), status and snooze (`conversation_snoozes`), mark read, the
 * assignment settings (`app_settings`), the sidebar counts. Builds on the inbox core.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ConversationSnoozeEntity, AppSettingEntity]), InboxModule, UsersModule],
  controllers: [ConversationCountsController, AssignmentController, AssignmentSettingsController],
  providers: [AssignmentService, AssignmentSettingsService, RoundRobinSubscriber],
  exports: [AssignmentService],
})
export class AssignmentModule {}
