import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommentsModule } from '../comments/comments.module';
import { InboxModule } from '../inbox/inbox.module';
import { InsightsModule } from '../insights/insights.module';
import { AppliedEventEntity } from './entities/applied-event.entity';
import { WebhookEventEntity } from './entities/webhook-event.entity';
import { WebhookEventRepository } from './repositories/webhook-event.repository';
import { WebhookEventsController } from './webhook-events.controller';
import { WebhookEventsService } from './webhook-events.service';
import { WebhookProcessor } from './webhook-processor.service';
import { WebhookReceiver } from './webhook-receiver.service';
import { WebhooksController } from './webhooks.controller';
import { WebhookWorker } from './webhook-worker.service';

@Module({
  imports: [TypeOrmModule.forFeature([WebhookEventEntity, AppliedEventEntity]), InboxModule, CommentsModule, InsightsModule],
  controllers: [WebhooksController, WebhookEventsController],
  providers: [WebhookEventRepository, WebhookReceiver, WebhookProcessor, WebhookWorker, WebhookEventsService],
  exports: [WebhookWorker],
})
export class WebhooksModule {}
