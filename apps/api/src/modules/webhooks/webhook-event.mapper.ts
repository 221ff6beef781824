import { WebhookEventDetailDto, WebhookEventDto } from '@ticklegram/domain-models';
import { WebhookEventEntity } from './entities/webhook-event.entity';

export function toWebhookEventDto(e: WebhookEventEntity): WebhookEventDto {
  return {
    id: e.id,
    endpoint: e.endpoint,
    object: e.object,
    channelExternalId: e.channelExternalId,
    status: e.status,
    attempts: e.attempts,
    entryCount: e.entryCount,
    eventCount: e.eventCount,
    unsupportedCount: e.unsupportedCount,
    lastError: e.lastError,
    receivedAt: e.receivedAt.toISOString(),
    processedAt: e.processedAt ? e.processedAt.toISOString() : null,
    nextAttemptAt: e.status === 'failed' || e.status === 'pending' ? e.nextAttemptAt.toISOString() : null,
  };
}

export function toWebhookEventDetailDto(e: WebhookEventEntity): WebhookEventDetailDto {
  return { ...toWebhookEventDto(e), rawBody: e.rawBody, items: e.items };
}
