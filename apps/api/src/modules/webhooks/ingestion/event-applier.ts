import { NormalizedEvent, WebhookEventOutcome } from '@ticklegram/domain-models';
import { EntityManager } from 'typeorm';
import type { ChannelRef } from '../../channels/channel-ref';

/**
 * What an applier gets while it applies one event. The caller owns the transaction: one per claimed
 * batch with a savepoint per event (one per event when a batch falls back). So an applier writes only
 * through `manager`, never commits, never opens a transaction of its own and never awaits network I/O here.
 */
export interface ApplyContext<B = unknown> {
  webhookEventId: number;
  channel: ChannelRef;
  manager: EntityManager;
  /**
   * Work for after the commit (realtime pushes, media downloads). Dropped when the event's transaction
   * (or savepoint) rolls back, so it never announces what was not stored.
   */
  afterCommit(effect: () => void | Promise<void>): void;
  /** What {@link EventApplier.preloadBatch} returned for the batch this event came in; undefined without it. */
  batch: B | undefined;
  /**
   * 1 on the first try; more when the event runs again after a duplicate key (a row another writer stored
   * meanwhile, or one an applier chose to find through its unique key instead of reading for it first).
   */
  attempt: number;
}

/** `noted`: the applier looked at the event and deliberately keeps it only in the raw row (say why in `detail`). */
export interface ApplyResult {
  outcome: Extract<WebhookEventOutcome, 'applied' | 'parked' | 'noted'>;
  detail?: string;
}

/** An event of the batch with the channel it resolved to. */
export interface ResolvedEvent<E extends NormalizedEvent = NormalizedEvent> {
  event: E;
  channel: ChannelRef;
}

/**
 * Turns normalised events of the types it claims (see `@AppliesEvents`) into rows of its own module.
 * Order of calls for a batch: `preloadBatch` once (outside any transaction), then per event `prepare`
 * (outside the transaction: the place for network work such as profile lookups), `lockBatch` once when the batch's
 * transaction opens, and `apply` per event (inside).
 * Idempotency: the caller records the event's dedupe key in the same transaction, so a retried event
 * never reaches `apply` twice; `apply` must still converge whatever order events arrive in.
 */
export interface EventApplier<E extends NormalizedEvent = NormalizedEvent, P = unknown, B = unknown> {
  /**
   * Optional: read what many events of the batch need in a few queries (known contacts, conversations).
   * A hint only — rows can change before `apply` runs, and `apply` must be correct with `batch` undefined
   * (the hook failed, or another caller skipped it).
   */
  preloadBatch?(events: readonly ResolvedEvent<E>[]): Promise<B>;
  /**
   * Optional: inside the batch's transaction, before its first event is applied — take the row locks its events will
   * need in a few statements (and read what those locks guard) instead of one event at a time. Not called when a batch
   * falls back to one transaction per delivery.
   */
  lockBatch?(events: readonly ResolvedEvent<E>[], manager: EntityManager, batch: B | undefined): Promise<void>;
  prepare?(event: E, channel: ChannelRef, batch: B | undefined): Promise<P>;
  apply(event: E, ctx: ApplyContext<B>, prepared: P | undefined): Promise<ApplyResult>;
}
