import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppliedEventEntity } from './entities/applied-event.entity';
import { WebhookEventEntity } from './entities/webhook-event.entity';
import { ApplierRegistry } from './ingestion/applier-registry';
import { WebhookIntake } from './intake/webhook-intake';
import { WebhookEventRepository } from './repositories/webhook-event.repository';
import { WebhookRetentionRepository } from './repositories/webhook-retention.repository';
import { WebhookEventsController } from './webhook-events.controller';
import { WebhookEventsService } from './webhook-events.service';
import { WebhookProcessor } from './webhook-processor.service';
import { WebhookReceiver } from './webhook-receiver.service';
import { WebhooksController } from './webhooks.controller';
import { WebhooksGateway } from './webhooks.gateway';
import { WebhookWorker } from './webhook-worker.service';

/**
 * Ingestion: receive and store Meta's deliveries, claim them, normalise them and hand each event to the
 * applier that claimed its type (`@AppliesEvents`, discovered at boot). Imports no domain module.
 */
@Module({
  imports: [TypeOrmModule.forFeature([WebhookEventEntity, AppliedEventEntity]), DiscoveryModule],
  controllers: [WebhooksController, WebhookEventsController],
  providers: [
    WebhookEventRepository,
    WebhookReceiver,
    WebhookIntake,
    WebhookProcessor,
    WebhookWorker,
    WebhookEventsService,
    ApplierRegistry,
    WebhooksGateway,
    WebhookRetentionRepository,
  ],
  exports: [WebhookIntake, WebhookWorker, ApplierRegistry, WebhookRetentionRepository],
})
export class WebhooksModule {}
