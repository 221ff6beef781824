import type { WebhookEventOutcome, WebhookEventStatus } from '@ticklegram/domain-models';

type BadgeVariant = 'default' | 'secondary' | 'outline' | 'success' | 'muted' | 'destructive';

export const STATUS_LABEL: Record<WebhookEventStatus, string> = {
  pending: 'Pending',
  processing: 'Processing',
  processed: 'Processed',
  unsupported: 'Unsupported',
  failed: 'Retrying',
  dead: 'Dead',
  rejected: 'Rejected',
};

export const STATUS_VARIANT: Record<WebhookEventStatus, BadgeVariant> = {
  pending: 'muted',
  processing: 'secondary',
  processed: 'success',
  unsupported: 'outline',
  failed: 'secondary',
  dead: 'destructive',
  rejected: 'destructive',
};

export const OUTCOME_LABEL: Record<WebhookEventOutcome, string> = {
  applied: 'Applied',
  duplicate: 'Duplicate (already applied)',
  parked: 'Waiting for its message',
  unsupported: 'Unsupported — kept, not applied',
  unhandled: 'Not handled yet — kept, not applied',
  ignored_test: 'Dashboard test sample',
  unknown_channel: 'Account not connected',
  noted: 'Kept in the raw event only',
  failed: 'Failed',
};

/** Replay is offered for anything that finished (or gave up); never while a worker holds it. */
export function canReplay(status: WebhookEventStatus): boolean {
  return status === 'dead' || status === 'failed' || status === 'processed' || status === 'unsupported';
}

/** Pretty JSON when the body is JSON, the text as received otherwise. */
export function prettyBody(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
}
