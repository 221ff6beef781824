import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { WebhookEventItemDto, WebhookEventStatus } from '@ticklegram/domain-models';
import { Brackets, DataSource, EntityManager, In, Repository } from 'typeorm';
import { dialectOf } from '../../../database/column-types';
import { isSyntaxError } from '../../../database/database-errors';
import { insertedId, insertRow, insertRows, insertRowsReturningIds, updateRows } from '../../../database/fast-insert';
import { WebhookEventEntity } from '../entities/webhook-event.entity';

export interface NewWebhookEvent {
  endpoint: string;
  object: string | null;
  channelExternalId: string | null;
  entryCount: number;
  rawBody: string;
  status: Extract<WebhookEventStatus, 'pending' | 'rejected'>;
  lastError?: string | null;
}

/** The outcome of a row whose events were all handled (see {@link WebhookEventRepository.finish}). */
export interface FinishedRow {
  id: number;
  status: Extract<WebhookEventStatus, 'processed' | 'unsupported'>;
  items: WebhookEventItemDto[];
  eventCount: number;
  unsupportedCount: number;
}

export interface WebhookEventFilter {
  status?: WebhookEventStatus;
  channel?: string;
  from?: Date;
  to?: Date;
  beforeId?: number;
  limit: number;
}

/** Due rows that were claimed before: a failed attempt waiting out its backoff, or a lease whose worker died. */
const RETRYABLE: WebhookEventStatus[] = ['failed', 'processing'];

/** The only code that queries `webhook_events`: receive, claim (the work queue), finish, list. */
@Injectable()
export class WebhookEventRepository {
  private readonly dialect: 'mysql' | 'sqlite';
  /** See {@link returnsInsertedIds}: from the URL's scheme, until the server refuses `RETURNING`. */
  private returning: boolean;

  constructor(
    @InjectRepository(WebhookEventEntity) private readonly repo: Repository<WebhookEventEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.dialect = dialectOf(dataSource.options.type);
    this.returning = dataSource.options.type !== 'mysql';
  }

  get isMysql(): boolean {
    return this.dialect === 'mysql';
  }

  /** The database returns generated ids from a multi-row INSERT (`RETURNING`: MariaDB and SQLite, not MySQL). */
  get returnsInsertedIds(): boolean {
    return this.returning;
  }

  /**
   * Runs `work` (a worker transaction) so that no receiver INSERT lands inside it. SQLite only: TypeORM's
   * better-sqlite3 driver has ONE connection, so an INSERT issued while a transaction is open joins it —
   * acknowledged to Meta, then lost if that transaction (or a savepoint of it) rolls back or the process
   * dies before the commit. On MySQL every query has its own pooled connection and this is a plain call.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.dialect === 'mysql') return work();
    const run = this.gate.then(work, work);
    this.gate = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private gate: Promise<void> = Promise.resolve();

  /**
   * A worker transaction (a claim, a batch): {@link exclusive}, and READ COMMITTED on MySQL — no gap locks on its reads,
   * so concurrent batches and the receiver's INSERTs wait on it less; every read that decides a write is a locking read or
   * backed by a unique key.
   */
  workerTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.exclusive(() => (this.dialect === 'mysql' ? this.dataSource.transaction('READ COMMITTED', work) : this.dataSource.transaction(work)));
  }

  async insert(event: NewWebhookEvent): Promise<number> {
    return insertedId(await this.exclusive(() => insertRow(this.repo.manager, WebhookEventEntity, this.newRow(event, new Date()))));
  }

  /** Several deliveries in one multi-row INSERT (the receiver's group commit, see `InsertBatcher`). */
  async insertMany(events: NewWebhookEvent[]): Promise<void> {
    const now = new Date();
    const rows = events.map((event) => this.newRow(event, now));
    await this.exclusive(() => insertRows(this.repo.manager, WebhookEventEntity, rows));
  }

  /**
   * Deliveries stored already claimed by `workerId` (`processing`, first attempt, leased until `leaseMs` from now), for a
   * worker in this process to apply straight from memory: no claim transaction. A row its worker never finishes is
   * claimed again when the lease runs out, like any claimed row. Needs {@link returnsInsertedIds}; null (nothing stored,
   * and false from then on) when the server cannot parse `RETURNING` — a MySQL server behind a `mariadb://` URL.
   */
  async insertClaimed(events: NewWebhookEvent[], workerId: string, leaseMs: number): Promise<WebhookEventEntity[] | null> {
    const now = new Date();
    const leaseEnd = new Date(now.getTime() + leaseMs);
    const rows = events.map((event) => {
      const row = this.newRow(event, now);
      row.status = 'processing';
      row.attempts = 1;
      row.lockedBy = workerId;
      row.lockedUntil = leaseEnd;
      row.nextAttemptAt = leaseEnd;
      return row;
    });
    let ids: number[];
    try {
      ids = await this.exclusive(() => insertRowsReturningIds(this.repo.manager, WebhookEventEntity, rows));
    } catch (error) {
      if (!isSyntaxError(error)) throw error;
      this.returning = false;
      return null;
    }
    rows.forEach((row, i) => (row.id = ids[i]));
    return rows;
  }

  /** Rows `workerId` holds but has not started (a stopping worker's handed-off rows): due again now, the attempt not counted. */
  async release(ids: number[], workerId: string): Promise<void> {
    if (ids.length === 0) return;
    await this.exclusive(() =>
      this.repo.update(
        { id: In(ids), lockedBy: workerId, status: 'processing' },
        { status: 'pending', lockedBy: null, lockedUntil: null, nextAttemptAt: new Date(), attempts: () => 'attempts - 1' },
      ),
    );
  }

  /** A plain object, not `repo.create()`: the entity has no hooks, and this runs once per acknowledged delivery. */
  private newRow(event: NewWebhookEvent, now: Date): WebhookEventEntity {
    const row: Omit<WebhookEventEntity, 'id'> = {
      // named one by one, not spread: one object shape for every row
      endpoint: event.endpoint,
      object: event.object,
      channelExternalId: event.channelExternalId,
      entryCount: event.entryCount,
      rawBody: event.rawBody,
      status: event.status,
      lastError: event.lastError ?? null,
      attempts: 0,
      nextAttemptAt: now,
      receivedAt: now,
      unsupportedCount: 0,
      processedAt: null,
      lockedUntil: null,
      lockedBy: null,
      items: null,
      eventCount: null,
    };
    // the id is generated by the database
    return row as WebhookEventEntity;
  }

  /**
   * Claims up to `limit` due rows for `workerId`. A claimed row is `processing` and its
   * `next_attempt_at` is the lease end, so a row whose worker died becomes claimable again once the
   * lease runs out. MySQL: `FOR UPDATE SKIP LOCKED`, so concurrent workers never wait on each other.
   * A due row that already used `maxAttempts` (its workers kept dying before they could record a
   * failure) is not claimed again: it turns `dead` here, and its id is returned in `dead`.
   */
  async claim(workerId: string, limit: number, leaseMs: number, maxAttempts: number): Promise<{ rows: WebhookEventEntity[]; dead: number[] }> {
    const now = new Date();
    const leaseEnd = new Date(now.getTime() + leaseMs);
    const work = async (m: EntityManager): Promise<{ rows: WebhookEventEntity[]; dead: number[] }> => {
      // whole rows, read by the locking SELECT itself: no second read of the claimed rows after the UPDATE
      const due = (statuses: WebhookEventStatus[], max: number): Promise<WebhookEventEntity[]> => {
        // in the claim index's order (status, next_attempt_at, id): the first `max` due rows, not a sort of all of them
        const qb = m
          .createQueryBuilder(WebhookEventEntity, 'e')
          .where('e.status IN (:...statuses)', { statuses })
          .andWhere('e.nextAttemptAt <= :now', { now })
          .orderBy('e.nextAttemptAt', 'ASC')
          .addOrderBy('e.id', 'ASC')
          .limit(max);
        if (this.dialect === 'mysql') qb.setLock('pessimistic_write').setOnLocked('skip_locked');
        return qb.getMany();
      };
      // retries and expired leases first (few), then new deliveries, oldest first
      const retried = await due(RETRYABLE, limit);
      const rows = retried.length < limit ? [...retried, ...(await due(['pending'], limit - retried.length))] : retried;
      const exhausted = rows.filter((r) => r.attempts >= maxAttempts).map((r) => r.id);
      const claimable = rows.filter((r) => r.attempts < maxAttempts).sort((a, b) => a.id - b.id);
      if (exhausted.length) {
        await m
          .createQueryBuilder()
          .update(WebhookEventEntity)
          .set({
            status: 'dead',
            lockedBy: null,
            lockedUntil: null,
            lastError: `gave up after ${maxAttempts} attempts: the worker stopped before it could finish or record a failure (process killed, crashed or lost its database connection)`,
          })
          .where({ id: In(exhausted) })
          .execute();
      }
      if (claimable.length) {
        await m
          .createQueryBuilder()
          .update(WebhookEventEntity)
          .set({ status: 'processing', lockedBy: workerId, lockedUntil: leaseEnd, nextAttemptAt: leaseEnd, attempts: () => 'attempts + 1' })
          .where({ id: In(claimable.map((r) => r.id)) })
          .execute();
      }
      // the rows as the UPDATE left them
      for (const row of claimable)
        Object.assign(row, { status: 'processing', lockedBy: workerId, lockedUntil: leaseEnd, nextAttemptAt: leaseEnd, attempts: row.attempts + 1 });
      return { rows: claimable, dead: exhausted };
    };
    // READ COMMITTED: the locking SELECT locks the rows it returns and no gap (under REPEATABLE READ its next-key locks
    // covered the end of the pending range, where the receiver's INSERTs of new deliveries then waited for the commit)
    return this.workerTransaction(work);
  }

  /** Extends the lease of rows this worker still holds (a batch that takes longer than one lease). */
  async extendLeases(ids: number[], workerId: string, leaseMs: number): Promise<void> {
    if (ids.length === 0) return;
    const leaseEnd = new Date(Date.now() + leaseMs);
    await this.repo.update({ id: In(ids), lockedBy: workerId, status: 'processing' }, { lockedUntil: leaseEnd, nextAttemptAt: leaseEnd });
  }

  /** Single-process SQLite: rows left `processing` by a previous (killed) process are due again now. */
  async releaseAll(): Promise<number> {
    const result = await this.repo.update({ status: 'processing' }, { status: 'pending', lockedBy: null, lockedUntil: null, nextAttemptAt: new Date() });
    return result.affected ?? 0;
  }

  /** Records the outcome of a row this worker holds; with `manager`, in that transaction (the batch's commit). */
  async finish(
    id: number,
    workerId: string,
    result: { status: Extract<WebhookEventStatus, 'processed' | 'unsupported'>; items: WebhookEventItemDto[]; eventCount: number; unsupportedCount: number },
    manager?: EntityManager,
  ): Promise<boolean> {
    const update = await (manager?.getRepository(WebhookEventEntity) ?? this.repo).update(
      { id, lockedBy: workerId, status: 'processing' },
      { ...result, lastError: null, processedAt: new Date(), lockedBy: null, lockedUntil: null },
    );
    return (update.affected ?? 0) > 0;
  }

  /**
   * {@link finish} for several rows of one batch in ONE statement (a CASE per column that differs), in the
   * batch's transaction: one round trip per batch instead of one per row. Rows no longer held are left alone.
   */
  async finishMany(results: FinishedRow[], workerId: string, manager: EntityManager): Promise<void> {
    if (!results.length) return;
    await updateRows(manager, WebhookEventEntity, results, ['status', 'items', 'eventCount', 'unsupportedCount'], {
      set: { lastError: null, processedAt: new Date(), lockedBy: null, lockedUntil: null },
      where: { lockedBy: workerId, status: 'processing' },
    });
  }

  async fail(
    id: number,
    workerId: string,
    fields: { status: 'failed' | 'dead'; lastError: string; nextAttemptAt: Date; items: WebhookEventItemDto[] | null },
    manager?: EntityManager,
  ): Promise<boolean> {
    const update = await (manager?.getRepository(WebhookEventEntity) ?? this.repo).update(
      { id, lockedBy: workerId, status: 'processing' },
      { ...fields, lockedBy: null, lockedUntil: null },
    );
    return (update.affected ?? 0) > 0;
  }

  findById(id: number): Promise<WebhookEventEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** Makes a row due again from scratch (admin replay). Not while a worker holds it. */
  async requeue(id: number): Promise<boolean> {
    const update = await this.repo
      .createQueryBuilder()
      .update(WebhookEventEntity)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: new Date(), lastError: null, lockedBy: null, lockedUntil: null, processedAt: null })
      .where('id = :id', { id })
      .andWhere('status IN (:...statuses)', { statuses: ['processed', 'unsupported', 'failed', 'dead'] })
      .execute();
    return (update.affected ?? 0) > 0;
  }

  async list(filter: WebhookEventFilter): Promise<WebhookEventEntity[]> {
    const qb = this.repo
      .createQueryBuilder('e')
      .select([
        'e.id',
        'e.endpoint',
        'e.object',
        'e.channelExternalId',
        'e.entryCount',
        'e.status',
        'e.attempts',
        'e.nextAttemptAt',
        'e.lastError',
        'e.eventCount',
        'e.unsupportedCount',
        'e.receivedAt',
        'e.processedAt',
      ])
      .orderBy('e.id', 'DESC')
      .limit(filter.limit);
    if (filter.status) qb.andWhere('e.status = :status', { status: filter.status });
    if (filter.channel) qb.andWhere('e.channelExternalId = :channel', { channel: filter.channel });
    if (filter.from) qb.andWhere('e.receivedAt >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('e.receivedAt <= :to', { to: filter.to });
    if (filter.beforeId) qb.andWhere(new Brackets((w) => w.where('e.id < :beforeId', { beforeId: filter.beforeId })));
    return qb.getMany();
  }

  async countByStatus(): Promise<Partial<Record<WebhookEventStatus, number>>> {
    const rows: { status: WebhookEventStatus; count: string | number }[] = await this.repo
      .createQueryBuilder('e')
      .select('e.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .groupBy('e.status')
      .getRawMany();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]));
  }
}
