import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MediaModule } from '../media/media.module';
import { MessagingModule } from '../messaging/messaging.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { RetentionService } from './retention.service';

/** Scheduled pruning of uploads, stored media, finished webhook rows, idempotency keys and ended refresh tokens. */
@Module({
  imports: [AuthModule, MediaModule, MessagingModule, WebhooksModule],
  providers: [RetentionService],
  exports: [RetentionService],
})
export class RetentionModule {}
