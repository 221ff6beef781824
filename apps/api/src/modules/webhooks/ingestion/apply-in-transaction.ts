import { NormalizedEvent } from '@ticklegram/domain-models';
import { DataSource, EntityManager, In } from 'typeorm';
import { isDuplicateKeyError, isRetryableLockError } from '../../../database/database-errors';
import { DeferredFlush, DeferredFlushFailed, DeferredWrites } from '../../../database/deferred-writes';
import { insertRow, insertRows } from '../../../database/fast-insert';
import type { ChannelRef } from '../../channels/channel-ref';
import { AppliedEventEntity } from '../entities/applied-event.entity';
import { ApplyContext, ApplyResult, EventApplier } from './event-applier';

/** The event was applied by an earlier delivery (its dedupe key is in `applied_events`). */
export class DuplicateEvent extends Error {}

export type AfterCommitEffect = () => void | Promise<void>;

/** A few immediate retries cover races with another worker (same contact/conversation created, deadlock). */
const ATTEMPTS = 4;

/**
 * Applies one event in its own transaction: records its dedupe key (a duplicate throws
 * {@link DuplicateEvent}), runs the applier, and returns the after-commit effects of the attempt that
 * committed. Network work belongs in `prepare`, before this: on SQLite TypeORM's better-sqlite3 driver
 * shares ONE connection, so a transaction awaiting I/O would let concurrent writes (the receiver's INSERT
 * of an acknowledged webhook) run inside it and vanish on rollback.
 */
export async function applyInTransaction(
  dataSource: DataSource,
  input: { event: NormalizedEvent; channel: ChannelRef; webhookEventId: number; applier: EventApplier; prepared: unknown; batch: unknown },
): Promise<{ result: ApplyResult; effects: AfterCommitEffect[] }> {
  const { event, channel, webhookEventId, applier, prepared, batch } = input;
  for (let attempt = 1; ; attempt += 1) {
    const effects: AfterCommitEffect[] = [];
    try {
      const result = await dataSource.transaction(async (manager) => {
        try {
          await insertRow(manager, AppliedEventEntity, { dedupeKey: event.dedupeKey, type: event.type, webhookEventId, appliedAt: new Date() });
        } catch (error) {
          if (isDuplicateKeyError(error)) throw new DuplicateEvent();
          throw error;
        }
        const ctx: ApplyContext = { webhookEventId, channel, manager, batch, attempt, afterCommit: (effect) => effects.push(effect) };
        return applier.apply(event, ctx, prepared);
      });
      return { result, effects };
    } catch (error) {
      if (error instanceof DuplicateEvent) throw error;
      if (attempt < ATTEMPTS && (isDuplicateKeyError(error) || isRetryableLockError(error))) continue;
      throw error;
    }
  }
}

/**
 * The batch's transaction was rolled back by the database (deadlock), or its deferred rows could not be written:
 * nothing of it is stored. `duplicateKey`: a row the batch inserts was stored meanwhile by a concurrent writer (a new
 * customer of this batch created by another batch) — read again, the batch knows it.
 */
export class BatchAborted extends Error {
  constructor(
    message: string,
    readonly duplicateKey = false,
  ) {
    super(message);
  }
}

/** The batch failed on a unique key: a row it inserts (deferred or at the commit) was stored by another writer meanwhile. */
export function insertedMeanwhile(error: unknown): boolean {
  if (error instanceof BatchAborted) return error.duplicateKey;
  return isDuplicateKeyError(error instanceof DeferredFlushFailed ? error.cause : error);
}

/**
 * Applies one event inside the caller's (batch) transaction, fenced by a savepoint: a failing event
 * rolls back to it alone and the batch goes on. Returns the result and the event's after-commit
 * effects (to run once the batch commits); throws {@link DuplicateEvent} for an event applied before,
 * {@link BatchAborted} when the database rolled the whole transaction back, or the event's own error.
 */
export async function applyInSavepoint(
  manager: EntityManager,
  savepoint: string,
  input: {
    event: NormalizedEvent;
    channel: ChannelRef;
    webhookEventId: number;
    applier: EventApplier;
    prepared: unknown;
    batch: unknown;
    /** The batch's dedupe keys found applied before its transaction began ({@link appliedKeys}); with writes deferred. */
    appliedBefore?: ReadonlySet<string>;
  },
): Promise<{ result: ApplyResult; effects: AfterCommitEffect[] }> {
  const { event, channel, webhookEventId, applier, prepared, batch, appliedBefore } = input;
  for (let attempt = 1; ; attempt += 1) {
    const effects: AfterCommitEffect[] = [];
    const deferred = DeferredWrites.of(manager);
    // with the batch's writes deferred the savepoint is lazy: an event that only queued rows costs no round trip
    const lazy = deferred?.savepoint(savepoint);
    if (!lazy) await manager.query(`SAVEPOINT ${savepoint}`);
    try {
      const applied: AppliedEventEntity = { dedupeKey: event.dedupeKey, type: event.type, webhookEventId, appliedAt: new Date() };
      if (deferred && appliedBefore) {
        // the batch's dedupe keys are written together before its commit: a key applied by a concurrent batch
        // meanwhile fails that insert, and the batch falls back to one transaction per delivery
        if (appliedBefore.has(applied.dedupeKey) || deferred.queuedFor(insertAppliedEvents).some((r) => r.dedupeKey === applied.dedupeKey))
          throw new DuplicateEvent();
        deferred.queue(insertAppliedEvents, applied);
      } else {
        try {
          await insertRow(manager, AppliedEventEntity, applied);
        } catch (error) {
          if (isDuplicateKeyError(error)) throw new DuplicateEvent();
          throw error;
        }
      }
      const ctx: ApplyContext = { webhookEventId, channel, manager, batch, attempt, afterCommit: (effect) => effects.push(effect) };
      // not released: a savepoint lives until the commit anyway, and RELEASE would be one more round trip per event
      const result = await applier.apply(event, ctx, prepared);
      if (lazy) deferred?.releaseSavepoint(lazy);
      return { result, effects };
    } catch (error) {
      // InnoDB rolled the whole transaction back (its savepoints are gone too), or rows of earlier events were lost
      if (isRetryableLockError(error)) throw new BatchAborted(String(error));
      if (error instanceof DeferredFlushFailed) throw new BatchAborted(error.message, isDuplicateKeyError(error.cause));
      if (lazy && deferred) await deferred.rollbackToSavepoint(lazy);
      else await manager.query(`ROLLBACK TO SAVEPOINT ${savepoint}`);
      if (error instanceof DuplicateEvent) throw error;
      if (attempt < ATTEMPTS && isDuplicateKeyError(error)) continue;
      throw error;
    }
  }
}

/** The dedupe keys of `keys` applied already (one read for a batch, before its transaction). */
export async function appliedKeys(dataSource: DataSource, keys: readonly string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await dataSource.getRepository(AppliedEventEntity).find({ select: { dedupeKey: true }, where: { dedupeKey: In([...new Set(keys)]) } });
  return new Set(rows.map((r) => r.dedupeKey));
}

const insertAppliedEvents: DeferredFlush<AppliedEventEntity> = (manager, rows) => insertRows(manager, AppliedEventEntity, rows);
