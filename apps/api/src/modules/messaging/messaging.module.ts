import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssignmentModule } from '../assignment/assignment.module';
import { MessageEntity } from '../inbox/entities/message.entity';
import { ConversationMessagesController } from './conversation-messages.controller';
import { UploadEntity } from './entities/upload.entity';
import { OutboundGraphSender } from './outbound-graph.sender';
import { OutboundRecoveryService } from './outbound-recovery.service';
import { ReactionsService } from './reactions.service';
import { ReplyPolicyService } from './reply-policy.service';
import { OutboundMessageRepository } from './repositories/outbound-message.repository';
import { SenderActionsService } from './sender-actions.service';
import { SendMessageService } from './send-message.service';
import { UploadsController } from './uploads.controller';
import { UploadsService } from './uploads.service';

/** Sending under Meta's rules: reply policy, idempotent sends, retries, reactions, uploads. */
@Module({
  imports: [TypeOrmModule.forFeature([MessageEntity, UploadEntity]), AssignmentModule],
  controllers: [ConversationMessagesController, UploadsController],
  providers: [OutboundMessageRepository, ReplyPolicyService, OutboundGraphSender, SendMessageService, ReactionsService, UploadsService, SenderActionsService, OutboundRecoveryService],
  exports: [ReplyPolicyService, SenderActionsService],
})
export class MessagingModule {}
