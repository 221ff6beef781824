import type { FaultRegistry } from './faults/fault-registry';
import type { UsageTracker } from './graph/rate-limit';
import type { SimStore } from './state/store';
import type { WebhookDispatcher } from './webhooks/dispatcher';

export interface GraphRequestLogEntry {
  at: number;
  method: string;
  host: 'facebook' | 'instagram';
  path: string;
  params: Record<string, unknown>;
  status: number;
  response: unknown;
}

/** Everything a route handler needs. */
export interface SimContext {
  store: SimStore;
  webhooks: WebhookDispatcher;
  faults: FaultRegistry;
  usage: UsageTracker;
  requests: GraphRequestLogEntry[];
  /** Re-seeds the store (reset to seed). */
  reset(seed: boolean): void;
}
