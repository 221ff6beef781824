import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssignmentModule } from '../assignment/assignment.module';
import { InboxModule } from '../inbox/inbox.module';
import { TemplatesModule } from '../templates/templates.module';
import { ConversationMessagesController } from './conversation-messages.controller';
import { UploadEntity } from './entities/upload.entity';
import { OutboundGraphSender } from './outbound-graph.sender';
import { OutboundReconciliationService } from './outbound-reconciliation.service';
import { OutboundRecoveryService } from './outbound-recovery.service';
import { ReactionsService } from './reactions.service';
import { ReplyPolicyService } from './reply-policy.service';
import { SenderActionsService } from './sender-actions.service';
import { SendMessageService } from './send-message.service';
import { UploadsController } from './uploads.controller';
import { UploadsService } from './uploads.service';

/**
 * Sending under Meta's rules: reply policy, idempotent sends, retries, reactions, sender actions,
 * uploads (`uploads`). Messages are the inbox's rows, written through its exported repository; the
 * Send API target comes from the channel's platform module through `ChannelsService`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([UploadEntity]), InboxModule, AssignmentModule, TemplatesModule],
  controllers: [ConversationMessagesController, UploadsController],
  providers: [
    ReplyPolicyService,
    OutboundGraphSender,
    SendMessageService,
    ReactionsService,
    UploadsService,
    SenderActionsService,
    OutboundRecoveryService,
    OutboundReconciliationService,
  ],
  exports: [ReplyPolicyService, SenderActionsService, UploadsService],
})
export class MessagingModule {}
