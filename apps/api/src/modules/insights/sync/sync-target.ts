import { GraphAuth, InsightMetricWire, isMetaGraphError } from '@ticklegram/meta-graph';

/** The Instagram account a sync reads, with the token and host to read it with. */
export interface SyncTarget {
  channelId: string;
  igUserId: string;
  auth: GraphAuth;
}

/** Reports how far a phase got, so the page can show it. */
export type ProgressFn = (done: number, total: number) => Promise<void>;

/** A metric's number, from a `total_value` or the first of its `values`; `null` when Meta sent none. */
export function metricNumber(wire: InsightMetricWire | undefined): number | null {
  if (!wire) return null;
  const total = wire.total_value?.value;
  if (typeof total === 'number') return total;
  const first = wire.values?.[0]?.value;
  return typeof first === 'number' ? first : null;
}

/**
 * Errors that end the whole sync (the token was rejected, Meta asked us to slow down, Meta is down);
 * anything else concerns one optional read and is recorded next to it.
 */
export function endsSync(error: unknown): boolean {
  return !isMetaGraphError(error) || error.kind === 'reauth_required' || error.kind === 'rate_limited' || error.kind === 'retryable';
}

/** Meta's refusal in plain words (the Graph client's `userMessage`). */
export function plainReason(error: unknown): string {
  return isMetaGraphError(error) ? error.userMessage : 'Meta could not be reached or answered unexpectedly.';
}
