import { NormalizedEvent, WebhookEventDetailDto, WebhookEventDto, WebhookEventItemDto } from '@ticklegram/domain-models';
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

/** What became of one event of a delivery (kept on its row). */
export const itemOf = (event: NormalizedEvent, outcome: WebhookEventItemDto['outcome'], detail?: string): WebhookEventItemDto => ({
  type: event.type,
  dedupeKey: event.dedupeKey,
  channelExternalId: event.channelExternalId,
  outcome,
  ...(detail ? { detail: detail.slice(0, 300) } : {}),
});

/** An error as kept on a delivery's row (`last_error`, an item's detail). */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 4000);
}
