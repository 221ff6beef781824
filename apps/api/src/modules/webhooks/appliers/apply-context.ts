import { NormalizedEvent, WebhookEventOutcome } from '@ticklegram/domain-models';
import { EntityManager } from 'typeorm';
import { ChannelRef } from '../../channels/channels.service';

/** What an applier gets: the resolved channel and the transaction it must write in. */
export interface ApplyContext {
  webhookEventId: number;
  channel: ChannelRef;
  manager: EntityManager;
  /** Registers work to run after the transaction commits (realtime pushes, media downloads). */
  afterCommit(effect: () => void | Promise<void>): void;
}

export interface ApplyResult {
  outcome: Extract<WebhookEventOutcome, 'applied' | 'parked' | 'noted'>;
  detail?: string;
}

/**
 * One family of normalised events (conversation, comments, insights). `prepare` runs outside the
 * transaction for network work (profile lookups) and hands its result to `apply`.
 */
export interface EventApplier<E extends NormalizedEvent = NormalizedEvent, P = unknown> {
  supports(event: NormalizedEvent): event is E;
  prepare?(event: E, channel: ChannelRef): Promise<P>;
  apply(event: E, ctx: ApplyContext, prepared: P | undefined): Promise<ApplyResult>;
}
