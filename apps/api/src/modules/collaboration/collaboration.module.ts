import { Module } from '@nestjs/common';
import { InboxModule } from '../inbox/inbox.module';
import { MessagingModule } from '../messaging/messaging.module';
import { UsersModule } from '../users/users.module';
import { CollaborationGateway } from './collaboration.gateway';

/** Conversation rooms (scope-checked joins), viewing and typing presence over Socket.IO. */
@Module({
  imports: [InboxModule, MessagingModule, UsersModule],
  providers: [CollaborationGateway],
})
export class CollaborationModule {}
