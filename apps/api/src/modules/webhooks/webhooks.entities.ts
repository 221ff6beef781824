import { AppliedEventEntity } from './entities/applied-event.entity';
import { WebhookEventEntity } from './entities/webhook-event.entity';

/** Tables of the webhooks (ingestion) module. */
export const WEBHOOKS_ENTITIES = [WebhookEventEntity, AppliedEventEntity];
