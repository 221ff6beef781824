import { NormalizedEvent, WebhookEventItemDto } from '@ticklegram/domain-models';
import type { ChannelRef } from '../../channels/channel-ref';
import { WebhookEventEntity } from '../entities/webhook-event.entity';
import { RegisteredApplier } from './applier-registry';
import { ResolvedEvent } from './event-applier';

/** An event of the delivery that an applier will see, or the outcome it got without one. */
export type Planned =
  | { kind: 'apply'; event: NormalizedEvent; channel: ChannelRef; applier: RegisteredApplier; batch?: unknown; prepared?: unknown }
  | { kind: 'done'; item: WebhookEventItemDto };

export type ApplyStep = Extract<Planned, { kind: 'apply' }>;

/** One claimed row of a batch, planned: its events (or why its body cannot be read). */
export interface RowPlan {
  row: WebhookEventEntity;
  invalid: string | null;
  eventCount: number;
  steps: Planned[];
}

/**
 * The apply steps of appliers that have `hook`, grouped by applier in the steps' order, with the applier's name and
 * its preloaded batch state (the same on each of its steps).
 */
export function eventsByApplier(
  steps: Planned[],
  hook: 'preloadBatch' | 'lockBatch',
): Map<RegisteredApplier['applier'], { name: string; events: ResolvedEvent[]; batch: unknown }> {
  const groups = new Map<RegisteredApplier['applier'], { name: string; events: ResolvedEvent[]; batch: unknown }>();
  for (const step of steps) {
    if (step.kind !== 'apply' || !step.applier.applier[hook]) continue;
    const group = groups.get(step.applier.applier) ?? { name: step.applier.name, events: [], batch: step.batch };
    group.events.push({ event: step.event, channel: step.channel });
    groups.set(step.applier.applier, group);
  }
  return groups;
}

/** The conversation a delivery's first applied event touches (channel + customer), for lock ordering. */
export function lockKeyOf(plan: RowPlan): string {
  const step = plan.steps.find((s) => s.kind === 'apply');
  if (!step || step.kind !== 'apply') return '';
  const customer = 'customerExternalId' in step.event ? (step.event.customerExternalId ?? '') : '';
  return `${step.channel.id}:${customer}`;
}
