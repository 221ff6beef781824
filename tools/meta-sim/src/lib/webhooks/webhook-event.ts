import type { WebhookObject } from '../state/model';

/** One event Meta would deliver: it goes into an entry of its account in a webhook POST. */
export interface WebhookEvent {
  object: WebhookObject;
  /** Page id or IG account id (`entry[].id`). */
  accountId: string;
  /** Subscription field that gates this event (messages, message_echoes, feed, comments…). */
  field: string;
  /** Where the item goes in the entry. */
  kind: 'messaging' | 'changes' | 'standby';
  item: Record<string, unknown>;
}
