import { EntityManager, QueryRunner } from 'typeorm';

/** Writes the rows of one kind, in the order they were queued (several rows of one statement where possible). */
export type DeferredFlush<T> = (manager: EntityManager, items: T[]) => Promise<void>;

interface Queued {
  flush: DeferredFlush<unknown>;
  item: unknown;
}

const open = new WeakMap<QueryRunner, DeferredWrites>();

/**
 * Writes that a long transaction collects and runs once, just before its commit, as a few multi-row statements
 * instead of one statement per row (the webhook worker's batch: search documents of every message it stored).
 * Only for writes nothing in the same transaction reads back. Each kind is flushed by its own function, kinds in
 * the order their first row was queued. A savepoint rolled back takes the rows queued after it ({@link mark},
 * {@link rollbackTo}); a transaction that rolls back drops them all with it.
 */
export class DeferredWrites {
  private queued: Queued[] = [];

  /** Starts collecting for the transaction of `manager` (until {@link flush}). */
  static begin(manager: EntityManager): DeferredWrites {
    const runner = runnerOf(manager);
    const writes = new DeferredWrites();
    open.set(runner, writes);
    return writes;
  }

  /** Stops collecting for `manager`'s transaction and drops what was not flushed (call it in a `finally`). */
  static end(manager: EntityManager): void {
    if (manager.queryRunner) open.delete(manager.queryRunner);
  }

  /** The collector of `manager`'s transaction, or undefined when it writes at once. */
  static of(manager: EntityManager): DeferredWrites | undefined {
    return manager.queryRunner ? open.get(manager.queryRunner) : undefined;
  }

  queue<T>(flush: DeferredFlush<T>, item: T): void {
    this.queued.push({ flush: flush as DeferredFlush<unknown>, item });
  }

  /** The rows queued so far for `flush` (not yet written). */
  queuedFor<T>(flush: DeferredFlush<T>): T[] {
    return this.queued.filter((q) => q.flush === flush).map((q) => q.item as T);
  }

  mark(): number {
    return this.queued.length;
  }

  rollbackTo(mark: number): void {
    this.queued.length = Math.min(mark, this.queued.length);
  }

  /** Runs every queued write and stops collecting: later writes of the transaction go straight to the database. */
  async flush(manager: EntityManager): Promise<void> {
    open.delete(runnerOf(manager));
    const kinds = new Map<DeferredFlush<unknown>, unknown[]>();
    for (const { flush, item } of this.queued) {
      const items = kinds.get(flush) ?? [];
      items.push(item);
      kinds.set(flush, items);
    }
    this.queued = [];
    for (const [flush, items] of kinds) await flush(manager, items);
  }
}

function runnerOf(manager: EntityManager): QueryRunner {
  if (!manager.queryRunner) throw new Error('deferred writes need the manager of a transaction');
  return manager.queryRunner;
}
