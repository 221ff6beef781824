import { Module } from '@nestjs/common';
import { AssignmentModule } from '../assignment/assignment.module';
import { MessagingModule } from '../messaging/messaging.module';
import { UsersModule } from '../users/users.module';
import { CollaborationGateway } from './collaboration.gateway';

/** Conversation rooms (scope-checked joins), viewing and typing presence over Socket.IO. */
@Module({
  imports: [AssignmentModule, MessagingModule, UsersModule],
  providers: [CollaborationGateway],
})
export class CollaborationModule {}
