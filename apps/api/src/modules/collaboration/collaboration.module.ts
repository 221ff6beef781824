import { Module } from '@nestjs/common';
import { AssignmentModule } from '../assignment/assignment.module';
import { UsersModule } from '../users/users.module';
import { CollaborationGateway } from './collaboration.gateway';

/** Conversation rooms (scope-checked joins), viewing and typing presence over Socket.IO. */
@Module({
  imports: [AssignmentModule, UsersModule],
  providers: [CollaborationGateway],
})
export class CollaborationModule {}
