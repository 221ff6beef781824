/** Lifecycle of one stored webhook delivery (one row per POST Meta made). */
export type WebhookEventStatus = 'pending' | 'processing' | 'processed' | 'unsupported' | 'failed' | 'dead' | 'rejected';

export const WEBHOOK_EVENT_STATUSES: readonly WebhookEventStatus[] = ['pending', 'processing', 'processed', 'unsupported', 'failed', 'dead', 'rejected'];

/**
 * What happened to one normalised event of a delivery:
 * applied; duplicate (already applied from an earlier delivery); parked (waits for its message);
 * unsupported (the normalizer did not recognise it; kept, not applied); unhandled (a known event type
 * no module applies yet; kept, not applied); ignored_test (App-Dashboard sample); unknown_channel (not
 * connected); noted (the applier looked at it and deliberately kept it only in the raw row — the item's
 * `detail` says why); failed (threw; the row is retried).
 */
export type WebhookEventOutcome = 'applied' | 'duplicate' | 'parked' | 'unsupported' | 'unhandled' | 'ignored_test' | 'unknown_channel' | 'noted' | 'failed';

export interface WebhookEventItemDto {
  type: string;
  dedupeKey: string;
  channelExternalId: string | null;
  outcome: WebhookEventOutcome;
  detail?: string;
}

/** A row of `GET /api/webhook-events` (admin). */
export interface WebhookEventDto {
  id: number;
  endpoint: string;
  object: string | null;
  channelExternalId: string | null;
  status: WebhookEventStatus;
  attempts: number;
  entryCount: number;
  eventCount: number | null;
  /** Events kept but not applied: `unsupported` plus `unhandled` (the row's status is then `unsupported`). */
  unsupportedCount: number;
  lastError: string | null;
  receivedAt: string;
  processedAt: string | null;
  nextAttemptAt: string | null;
}

/** `GET /api/webhook-events/:id` (admin): the row plus the raw body and per-event outcomes. */
export interface WebhookEventDetailDto extends WebhookEventDto {
  rawBody: string;
  items: WebhookEventItemDto[] | null;
}

export interface WebhookEventListResponse {
  items: WebhookEventDto[];
  /** Pass as `cursor` to get the next (older) page; null at the end. */
  nextCursor: string | null;
  counts: Partial<Record<WebhookEventStatus, number>>;
}

/** Query of `GET /api/webhook-events`. */
export interface WebhookEventListQuery {
  status?: WebhookEventStatus;
  channel?: string;
  /** ISO timestamps bounding `receivedAt`. */
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}
