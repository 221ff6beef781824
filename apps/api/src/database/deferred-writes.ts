import { EntityManager, QueryRunner } from 'typeorm';

/**
 * Writes the rows of one kind, in the order they were queued (several rows of one statement where possible). `rank`:
 * kinds with a lower rank are written first (rows others refer to: a new contact before its conversation); kinds of
 * the same rank in the order their first row was queued.
 */
export type DeferredFlush<T> = ((manager: EntityManager, items: T[]) => Promise<void>) & { rank?: number };

/** A {@link DeferredFlush} written before the kinds of a higher rank (default 0). */
export function rankedFlush<T>(rank: number, flush: (manager: EntityManager, items: T[]) => Promise<void>): DeferredFlush<T> {
  return Object.assign(flush, { rank });
}

interface Queued {
  seq: number;
  flush: DeferredFlush<unknown>;
  item: unknown;
  /** A row later statements of the transaction may read: written before the next statement runs. */
  readable: boolean;
}

/** A deferred write failed: the rows of earlier events it carried are lost, so the whole transaction must roll back. */
export class DeferredFlushFailed extends Error {
  constructor(override readonly cause: unknown) {
    super(`deferred writes failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

type Query = QueryRunner['query'];

const open = new WeakMap<QueryRunner, DeferredWrites>();

/**
 * Writes that a long transaction collects and runs as a few multi-row statements instead of one statement per row
 * (the webhook worker's batch: the messages it stores, its conversations' new state, their search documents).
 * Two kinds of write:
 * - {@link queue}: nothing in the transaction reads them back; written once, just before the commit ({@link flush});
 * - {@link queueRow}: rows a later statement may read; written together just before the next statement the
 *   transaction runs (every statement goes through {@link begin}'s hook), so a read always sees them.
 * Each kind is written by its own function, kinds by rank, then in the order their first row was queued.
 *
 * Savepoints are lazy ({@link savepoint}): one is created only before the first statement after it, so an event that
 * only queued rows costs no round trip; rolling back to it drops what was queued after it and, when it was created,
 * rolls the database back too. The transaction's writers may keep per-transaction state here ({@link setLocal}), e.g.
 * rows the batch locked, told of every statement that might change them ({@link onStatement}).
 */
export class DeferredWrites {
  private queued: Queued[] = [];
  private seq = 0;
  private pending: { name: string; seq: number } | null = null;
  /** Statements wait here for the writes an earlier statement started (SQLite's one connection is shared by everyone). */
  private turn: Promise<void> = Promise.resolve();
  private readonly locals = new Map<object, unknown>();
  private readonly listeners: ((sql: string) => void)[] = [];

  private constructor(
    private readonly query: Query,
    /** The transaction without the hook: what the collector's own writes run through. */
    private readonly direct: EntityManager,
  ) {}

  /** Starts collecting for the transaction of `manager` (until {@link flush}); every statement it runs passes {@link beforeStatement}. */
  static begin(manager: EntityManager): DeferredWrites {
    const runner = runnerOf(manager);
    const query = runner.query;
    const own = Object.prototype.hasOwnProperty.call(runner, 'query');
    const unhooked = query.bind(runner) as Query;
    const directRunner = Object.create(runner, { query: { value: unhooked } }) as QueryRunner;
    const writes = new DeferredWrites(unhooked, manager.connection.createEntityManager(directRunner));
    runner.query = (async (...args: Parameters<Query>) => {
      if (open.get(runner) === writes) await writes.beforeStatement(args[0]);
      return unhooked(...args);
    }) as Query;
    open.set(runner, writes);
    open.set(directRunner, writes);
    hooks.set(runner, { query, own });
    return writes;
  }

  /** Stops collecting for `manager`'s transaction and drops what was not flushed (call it in a `finally`). */
  static end(manager: EntityManager): void {
    const runner = manager.queryRunner;
    if (!runner) return;
    open.delete(runner);
    const hook = hooks.get(runner);
    hooks.delete(runner);
    if (!hook) return;
    // SQLite shares one runner: put back exactly what was there (the class's method, or a method set on the object)
    if (hook.own) runner.query = hook.query;
    else delete (runner as Partial<Pick<QueryRunner, 'query'>>).query;
  }

  /** The collector of `manager`'s transaction, or undefined when it writes at once. */
  static of(manager: EntityManager): DeferredWrites | undefined {
    return manager.queryRunner ? open.get(manager.queryRunner) : undefined;
  }

  /** A write nothing in the transaction reads back: written just before the commit. */
  queue<T>(flush: DeferredFlush<T>, item: T): void {
    this.queued.push({ seq: this.seq++, flush: flush as DeferredFlush<unknown>, item, readable: false });
  }

  /** A row a later statement may read: written just before the transaction's next statement. */
  queueRow<T>(flush: DeferredFlush<T>, item: T): void {
    this.queued.push({ seq: this.seq++, flush: flush as DeferredFlush<unknown>, item, readable: true });
  }

  /** The rows queued so far for `flush` (not yet written). */
  queuedFor<T>(flush: DeferredFlush<T>): T[] {
    return this.queued.filter((q) => q.flush === flush).map((q) => q.item as T);
  }

  mark(): number {
    return this.seq;
  }

  /** Drops what was queued since `mark` (and not written yet). */
  rollbackTo(mark: number): void {
    this.queued = this.queued.filter((q) => q.seq < mark);
  }

  /** Per-transaction state of one of the transaction's writers (see {@link setLocal}). */
  local<T>(owner: object): T | undefined {
    return this.locals.get(owner) as T | undefined;
  }

  setLocal<T>(owner: object, value: T): void {
    this.locals.set(owner, value);
  }

  /**
   * A savepoint created only when a statement runs after it (before that statement); returns what
   * {@link rollbackToSavepoint} needs. Rows queued before it are written before it is created, so rolling back to
   * it never takes an earlier row with it.
   */
  savepoint(name: string): { name: string; mark: number } {
    const mark = this.mark();
    this.pending = { name, seq: mark };
    return { name, mark };
  }

  /** The event of a {@link savepoint} is done: a savepoint it never needed is not created. */
  releaseSavepoint(savepoint: { name: string }): void {
    if (this.pending?.name === savepoint.name) this.pending = null;
  }

  /** Rolls back to a savepoint of {@link savepoint}: the queued rows after it, and the database when it was created. */
  async rollbackToSavepoint(savepoint: { name: string; mark: number }): Promise<void> {
    const created = this.pending?.name !== savepoint.name;
    this.pending = null;
    this.rollbackTo(savepoint.mark);
    if (!created) return;
    const sql = `ROLLBACK TO SAVEPOINT ${savepoint.name}`;
    await this.query(sql);
    for (const listener of this.listeners) listener(sql);
  }

  /** Runs every queued write and stops collecting: later writes of the transaction go straight to the database. */
  async flush(manager: EntityManager): Promise<void> {
    open.delete(runnerOf(manager));
    open.delete(this.direct.queryRunner as QueryRunner);
    await this.turn;
    const queued = this.queued;
    this.queued = [];
    // rows first: the other writes may refer to them (a message's search document)
    await this.write(
      this.direct,
      queued.filter((q) => q.readable),
    );
    await this.write(
      this.direct,
      queued.filter((q) => !q.readable),
    );
  }

  /**
   * Calls `listener` with every statement the transaction runs from now on (not the writes of this collector), and
   * with the rollback to a savepoint — for writers that keep rows of the transaction in memory ({@link setLocal}).
   */
  onStatement(listener: (sql: string) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Before each statement of the transaction, one statement at a time: rows queued before the pending savepoint, the
   * savepoint, the rest of the rows.
   */
  private beforeStatement(sql: string): Promise<void> {
    const prepared = this.turn.then(async () => {
      const pending = this.pending;
      if (pending) {
        await this.writeRows((q) => q.seq < pending.seq);
        this.pending = null;
        await this.query(`SAVEPOINT ${pending.name}`);
      }
      await this.writeRows(() => true);
      for (const listener of this.listeners) listener(sql);
    });
    this.turn = prepared.catch(() => undefined);
    return prepared;
  }

  private async writeRows(which: (q: Queued) => boolean): Promise<void> {
    const rows = this.queued.filter((q) => q.readable && which(q));
    if (!rows.length) return;
    this.queued = this.queued.filter((q) => !rows.includes(q));
    try {
      await this.write(this.direct, rows);
    } catch (error) {
      throw new DeferredFlushFailed(error);
    }
  }

  private async write(manager: EntityManager, queued: Queued[]): Promise<void> {
    const kinds = new Map<DeferredFlush<unknown>, unknown[]>();
    for (const { flush, item } of queued) {
      const items = kinds.get(flush) ?? [];
      items.push(item);
      kinds.set(flush, items);
    }
    const ordered = [...kinds].sort(([a], [b]) => (a.rank ?? 0) - (b.rank ?? 0));
    for (const [flush, items] of ordered) await flush(manager, items);
  }
}

/** The runner's `query` before {@link DeferredWrites.begin} hooked it, put back by {@link DeferredWrites.end}. */
const hooks = new WeakMap<QueryRunner, { query: Query; own: boolean }>();

function runnerOf(manager: EntityManager): QueryRunner {
  if (!manager.queryRunner) throw new Error('deferred writes need the manager of a transaction');
  return manager.queryRunner;
}
