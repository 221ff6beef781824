import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MessagePlatform, NormalizedEvent, WebhookEventItemDto } from '@ticklegram/domain-models';
import { normalizeDelivery } from '@ticklegram/webhook-normalizer';
import { DataSource, EntityManager } from 'typeorm';
import { mapLimit } from '../../common/async/map-limit';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DeferredWrites } from '../../database/deferred-writes';
import type { ChannelRef } from '../channels/channel-ref';
import { ChannelsService } from '../channels/channels.service';
import { WebhookEventEntity } from './entities/webhook-event.entity';
import { ApplierRegistry } from './ingestion/applier-registry';
import {
  AfterCommitEffect,
  appliedKeys,
  applyInSavepoint,
  applyInTransaction,
  BatchAborted,
  DuplicateEvent,
  insertedMeanwhile,
} from './ingestion/apply-in-transaction';
import { ApplyStep, eventsByApplier, lockKeyOf, Planned, RowPlan } from './ingestion/batch-plan';
import { nextAttempt } from './ingestion/retry-policy';
import { FinishedRow, WebhookEventRepository } from './repositories/webhook-event.repository';
import { errorText, itemOf, toWebhookEventDto } from './webhook-event.mapper';
import { WebhooksGateway } from './webhooks.gateway';

/** `prepare` calls of a batch in flight at once (each may wait on the Graph API). */
const PREPARE_CONCURRENCY = 8;

/**
 * Turns one stored delivery into applied state: normalise, resolve channels, find each event's applier
 * in the registry, let every applier preload what the batch needs, then apply every event in its own
 * transaction (deduplicated by `applied_events`) and run the after-commit effects. A failing event does
 * not stop the others; the row is retried with backoff (applied events are no-ops the next time) and
 * becomes `dead` after the last attempt.
 */
@Injectable()
export class WebhookProcessor {
  private readonly logger = new Logger(WebhookProcessor.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: WebhookEventRepository,
    private readonly channels: ChannelsService,
    private readonly registry: ApplierRegistry,
    private readonly gateway: WebhooksGateway,
  ) {}

  /**
   * Applies a claimed batch in ONE transaction: every event behind its own savepoint (a failing event
   * rolls back alone and only its delivery is retried), every row's outcome written in the same commit,
   * what the appliers need preloaded once for the whole batch and all network work (`prepare`) done
   * before the transaction opens. One fsync per batch instead of two per delivery. When the batch
   * cannot be applied as one (the database rolled it back on a deadlock, or anything unexpected), each
   * row goes through {@link process} on its own — applied events are deduplicated, so that is safe.
   */
  async processBatch(rows: WebhookEventEntity[], workerId: string): Promise<void> {
    try {
      try {
        await this.applyAsBatch(rows, workerId);
      } catch (error) {
        // a concurrent batch created a customer this one creates too (and committed): planned again, the customer is known
        if (!insertedMeanwhile(error)) throw error;
        await this.applyAsBatch(rows, workerId);
      }
    } catch (error) {
      this.logger.warn({ rows: rows.length, error: errorText(error) }, 'batch apply failed; applying its deliveries one by one');
      for (const row of rows) await this.process(row, workerId);
    }
  }

  private async applyAsBatch(rows: WebhookEventEntity[], workerId: string): Promise<void> {
    const { plans, applied } = await this.planBatch(rows);
    const { effects, dead } = await this.applyBatch(plans, applied, workerId);
    await this.runEffects(effects);
    for (const row of dead) await this.announceDeadRow(row);
  }

  /** Everything before the transaction: parse, normalise, channel health, plans, one preload, every `prepare`. */
  private async planBatch(rows: WebhookEventEntity[]): Promise<{ plans: RowPlan[]; applied: Set<string> }> {
    const plans: RowPlan[] = [];
    const seen = new Map<string, { platform: MessagePlatform; id: string }>();
    for (const row of rows) {
      let body: unknown;
      try {
        body = JSON.parse(row.rawBody);
      } catch (error) {
        plans.push({ row, invalid: `body is not JSON: ${errorText(error)}`, eventCount: 0, steps: [] });
        continue;
      }
      const delivery = normalizeDelivery(body, { appId: this.config.meta.appId });
      const platform = delivery.platform;
      if (platform) for (const id of delivery.entryIds) seen.set(`${platform}:${id}`, { platform, id });
      plans.push({ row, invalid: null, eventCount: delivery.events.length, steps: await Promise.all(delivery.events.map((event) => this.plan(event))) });
    }
    // channel health once per channel per batch
    for (const { platform, id } of seen.values()) await this.recordEntries(platform, [id]);
    const batches = await this.preloadBatches(plans.flatMap((p) => p.steps));
    const toApply = plans.flatMap((p) => p.steps).filter((step): step is ApplyStep => step.kind === 'apply');
    const applied = await appliedKeys(
      this.dataSource,
      toApply.map((step) => step.event.dedupeKey),
    );
    // prepare is where network work happens (profile lookups of new customers): a few at a time, not one after the other
    await mapLimit(toApply, PREPARE_CONCURRENCY, async (step) => {
      step.batch = batches.get(step.applier.applier);
      step.prepared = step.applier.applier.prepare ? await step.applier.applier.prepare(step.event, step.channel, step.batch) : undefined;
    });
    return { plans, applied };
  }

  private async applyBatch(
    plans: RowPlan[],
    appliedBefore: Set<string>,
    workerId: string,
  ): Promise<{ effects: AfterCommitEffect[]; dead: WebhookEventEntity[] }> {
    const effects: AfterCommitEffect[] = [];
    const dead: WebhookEventEntity[] = [];
    // Concurrent batches (MySQL loops) lock conversations in one global order, so they wait for each
    // other instead of deadlocking; the sort is stable, so one customer's deliveries keep their order.
    const ordered = [...plans].sort((a, b) => (lockKeyOf(a) < lockKeyOf(b) ? -1 : lockKeyOf(a) > lockKeyOf(b) ? 1 : 0));
    const applyAll = async (manager: EntityManager): Promise<void> => {
      // the dedupe keys and search documents of the batch are written together before the commit
      const deferred = DeferredWrites.begin(manager);
      try {
        await this.lockBatches(ordered, manager);
        await applyRows(manager);
        await deferred.flush(manager);
      } finally {
        DeferredWrites.end(manager);
      }
    };
    const applyRows = async (manager: EntityManager): Promise<void> => {
      let savepoints = 0;
      const finished: FinishedRow[] = [];
      for (const plan of ordered) {
        const { row } = plan;
        if (plan.invalid) {
          if (await this.recordFailure(row, workerId, new Error(plan.invalid), null, true, manager)) dead.push(row);
          continue;
        }
        const items: WebhookEventItemDto[] = [];
        const failures: string[] = [];
        for (const step of plan.steps) {
          if (step.kind === 'done') {
            items.push(step.item);
            continue;
          }
          savepoints += 1;
          try {
            const applied = await applyInSavepoint(manager, `ev_${savepoints}`, {
              event: step.event,
              channel: step.channel,
              webhookEventId: row.id,
              applier: step.applier.applier,
              prepared: step.prepared,
              batch: step.batch,
              appliedBefore,
            });
            effects.push(...applied.effects);
            items.push(itemOf(step.event, applied.result.outcome, applied.result.detail));
          } catch (error) {
            if (error instanceof BatchAborted) throw error;
            if (error instanceof DuplicateEvent) {
              items.push(itemOf(step.event, 'duplicate'));
              continue;
            }
            this.logger.warn(
              { webhookEventId: row.id, type: step.event.type, dedupeKey: step.event.dedupeKey, error: errorText(error) },
              'webhook event failed',
            );
            failures.push(`${step.event.type} ${step.event.dedupeKey}: ${errorText(error)}`);
            items.push(itemOf(step.event, 'failed', errorText(error)));
          }
        }
        if (failures.length) {
          if (await this.recordFailure(row, workerId, new Error(failures.join('\n')), items, false, manager)) dead.push(row);
          continue;
        }
        const notApplied = items.filter((i) => i.outcome === 'unsupported' || i.outcome === 'unhandled').length;
        finished.push({ id: row.id, status: notApplied ? 'unsupported' : 'processed', items, eventCount: plan.eventCount, unsupportedCount: notApplied });
      }
      await this.events.finishMany(finished, workerId, manager);
    };
    // READ COMMITTED on MySQL: no gap locks on the batch's reads (conversations, messages by mid)
    await this.events.workerTransaction(applyAll);
    return { effects, dead };
  }

  /** Each applier's optional `lockBatch` once, with its events of the batch in the order they will be applied. */
  private async lockBatches(plans: RowPlan[], manager: EntityManager): Promise<void> {
    for (const [applier, { events, batch }] of eventsByApplier(
      plans.flatMap((p) => p.steps),
      'lockBatch',
    ))
      await applier.lockBatch?.(events, manager, batch);
  }

  private async runEffects(effects: AfterCommitEffect[]): Promise<void> {
    for (const effect of effects) {
      try {
        await effect();
      } catch (error) {
        this.logger.warn({ error: errorText(error) }, 'after-commit effect failed');
      }
    }
  }

  /**
   * Never throws for a failure of this delivery: whatever goes wrong outside the per-event handling
   * (channel lookup, preload, recording the outcome) is recorded as a failed attempt with backoff, so
   * the row goes `dead` after the last attempt instead of coming back with every lease.
   */
  async process(row: WebhookEventEntity, workerId: string): Promise<void> {
    try {
      await this.processOrThrow(row, workerId);
    } catch (error) {
      this.logger.warn({ webhookEventId: row.id, error: errorText(error) }, 'webhook delivery failed outside its events');
      await this.finishFailed(row, workerId, error instanceof Error ? error : new Error(String(error)), null, false);
    }
  }

  private async processOrThrow(row: WebhookEventEntity, workerId: string): Promise<void> {
    let body: unknown;
    try {
      body = JSON.parse(row.rawBody);
    } catch (error) {
      // rejected rows never reach the queue; a replayed one fails the same way
      await this.finishFailed(row, workerId, new Error(`body is not JSON: ${errorText(error)}`), null, true);
      return;
    }
    const delivery = normalizeDelivery(body, { appId: this.config.meta.appId });
    if (delivery.platform) await this.recordEntries(delivery.platform, delivery.entryIds);

    const planned = await Promise.all(delivery.events.map((event) => this.plan(event)));
    const batches = await this.preloadBatches(planned);
    const items: WebhookEventItemDto[] = [];
    const failures: string[] = [];
    for (const step of planned) {
      if (step.kind === 'done') {
        items.push(step.item);
        continue;
      }
      try {
        items.push(await this.applyOne(step, row.id, batches.get(step.applier.applier)));
      } catch (error) {
        this.logger.warn({ webhookEventId: row.id, type: step.event.type, dedupeKey: step.event.dedupeKey, error: errorText(error) }, 'webhook event failed');
        failures.push(`${step.event.type} ${step.event.dedupeKey}: ${errorText(error)}`);
        items.push(itemOf(step.event, 'failed', errorText(error)));
      }
    }

    if (failures.length) {
      await this.finishFailed(row, workerId, new Error(failures.join('\n')), items, false);
      return;
    }
    const notApplied = items.filter((i) => i.outcome === 'unsupported' || i.outcome === 'unhandled').length;
    await this.events.finish(row.id, workerId, {
      status: notApplied ? 'unsupported' : 'processed',
      items,
      eventCount: delivery.events.length,
      unsupportedCount: notApplied,
    });
  }

  private async plan(event: NormalizedEvent): Promise<Planned> {
    const done = (outcome: WebhookEventItemDto['outcome'], detail?: string): Planned => ({ kind: 'done', item: itemOf(event, outcome, detail) });
    if (event.type === 'unsupported') return done('unsupported', `${event.reason}: ${event.detail}`);
    if (event.isTest) return done('ignored_test');
    const channel = await this.resolveChannel(event);
    if (!channel) return done('unknown_channel', `no connected channel ${event.platform} ${event.channelExternalId}`);
    const applier = this.registry.applierFor(event);
    if (!applier) return done('unhandled', `no module applies ${event.type} events on ${event.platform}; kept in the raw event`);
    return { kind: 'apply', event, channel, applier };
  }

  /** Runs each applier's optional batch hook once, with its events of this delivery; a failing hook only costs the hint. */
  private async preloadBatches(planned: Planned[]): Promise<Map<unknown, unknown>> {
    const batches = new Map<unknown, unknown>();
    for (const [applier, { name, events }] of eventsByApplier(planned, 'preloadBatch')) {
      try {
        batches.set(applier, await applier.preloadBatch?.(events));
      } catch (error) {
        this.logger.warn({ applier: name, error: errorText(error) }, 'batch preload failed; applying without it');
      }
    }
    return batches;
  }

  private async applyOne(step: ApplyStep, webhookEventId: number, batch: unknown): Promise<WebhookEventItemDto> {
    const { event, channel, applier } = step;
    const prepared = applier.applier.prepare ? await applier.applier.prepare(event, channel, batch) : undefined;
    try {
      const { result, effects } = await this.events.exclusive(() =>
        applyInTransaction(this.dataSource, { event, channel, webhookEventId, applier: applier.applier, prepared, batch }),
      );
      for (const effect of effects) {
        try {
          await effect();
        } catch (error) {
          this.logger.warn({ error: errorText(error) }, 'after-commit effect failed');
        }
      }
      return itemOf(event, result.outcome, result.detail);
    } catch (error) {
      if (error instanceof DuplicateEvent) return itemOf(event, 'duplicate');
      throw error;
    }
  }

  private async resolveChannel(event: NormalizedEvent): Promise<ChannelRef | null> {
    if (!event.platform || !event.channelExternalId) return null;
    const byEntry = await this.channels.resolveByExternalId(event.platform, event.channelExternalId);
    if (byEntry) return byEntry;
    // Instagram Login: the business id in the event can differ from entry.id
    const business = 'businessExternalId' in event ? event.businessExternalId : null;
    return business && business !== event.channelExternalId ? this.channels.resolveByExternalId(event.platform, business) : null;
  }

  /** Channel health: every entry counts as a webhook received for its channel. */
  private async recordEntries(platform: MessagePlatform, entryIds: string[]): Promise<void> {
    for (const id of entryIds) {
      const channel = await this.channels.resolveByExternalId(platform, id);
      if (channel) await this.channels.recordWebhookReceived(channel.id, new Date());
    }
  }

  /** Tells admins about rows the claim gave up on (their workers kept dying). */
  async announceDead(ids: number[]): Promise<void> {
    for (const id of ids) {
      this.logger.error({ webhookEventId: id }, 'webhook event is dead: every attempt ended without an outcome');
      const fresh = await this.events.findById(id);
      if (fresh) this.gateway.deliveryDead(toWebhookEventDto(fresh));
    }
  }

  private async finishFailed(row: WebhookEventEntity, workerId: string, error: Error, items: WebhookEventItemDto[] | null, final: boolean): Promise<void> {
    if (await this.recordFailure(row, workerId, error, items, final)) await this.announceDeadRow(row);
  }

  /** Records a failed attempt (retry with backoff, or dead); true when the row is now dead. */
  private async recordFailure(
    row: WebhookEventEntity,
    workerId: string,
    error: Error,
    items: WebhookEventItemDto[] | null,
    final: boolean,
    manager?: EntityManager,
  ): Promise<boolean> {
    const { dead, nextAttemptAt } = nextAttempt(row.attempts, this.config.webhooks, final);
    const lastError = errorText(error);
    const updated = await this.events.fail(row.id, workerId, { status: dead ? 'dead' : 'failed', lastError, nextAttemptAt, items }, manager);
    if (dead && updated) this.logger.error({ webhookEventId: row.id, attempts: row.attempts, error: lastError }, 'webhook event is dead');
    return dead && updated;
  }

  private async announceDeadRow(row: WebhookEventEntity): Promise<void> {
    const fresh = await this.events.findById(row.id);
    if (fresh) this.gateway.deliveryDead(toWebhookEventDto(fresh));
  }
}
