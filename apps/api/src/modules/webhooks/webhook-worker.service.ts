import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { WebhookEventEntity } from './entities/webhook-event.entity';
import { NewWebhookEvent, WebhookEventRepository } from './repositories/webhook-event.repository';
import { WebhookProcessor } from './webhook-processor.service';

/** Rows per batch transaction on SQLite (acks wait for it; see WebhookEventRepository.exclusive). */
export const SQLITE_MAX_BATCH = 5;
/** A claim that fills at least this share of a batch found a backlog: it wakes another loop. */
const BACKLOG_SHARE = 0.5;
/**
 * A stored row waits at most this long for a claim while the loops are busy applying: then a sleeping loop claims it,
 * so a long batch does not hold up the messages that arrive behind it.
 */
export const CLAIM_WAIT_MS = 10;
/**
 * Loops that rows waiting on {@link CLAIM_WAIT_MS} keep busy at most; more loops join only for a backlog (a claim that
 * fills half a batch). Under a steady stream every batch outlasts CLAIM_WAIT_MS: waking a loop per wait kept every loop
 * busy with small batches — more transactions for the same rows, interleaved with the acks on one event loop.
 */
export const LATENCY_LOOPS = 2;

/**
 * Claims due `webhook_events` rows and hands them to the processor. On MySQL several loops (and several
 * api processes) share the queue through `SKIP LOCKED`; on SQLite one loop runs (one writer). The
 * receiver wakes the loops when a row lands; otherwise they poll (retries, rows from other replicas).
 */
@Injectable()
export class WebhookWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookWorker.name);
  private readonly id = `${hostname().slice(0, 40)}:${process.pid}:${randomBytes(3).toString('hex')}`;
  /** The holder of the rows this process's receiver stores already claimed ({@link storeClaimed}). */
  private readonly handoffId = `${this.id}#h`;
  /** Rows stored claimed and waiting for a loop, oldest first. */
  private handedOff: WebhookEventEntity[] = [];
  /** Rows being stored claimed right now (counted against the queue's room before their INSERT returns). */
  private storing = 0;
  private running = false;
  private loops: Promise<void>[] = [];
  private wakers = new Set<() => void>();
  /** Bumped by a wake() that found no loop asleep: a loop that was busy claiming when a row landed must not then sleep through it. */
  private wakeGeneration = 0;
  /** Loops claiming or applying a batch (not asleep). */
  private active = 0;
  /** The {@link wakeGeneration} the latest claim started at: a claim that started after a wake-up sees its row. */
  private claimedGeneration = 0;
  private claimWait: NodeJS.Timeout | null = null;
  private busy = 0;
  private idleWaiters = new Set<() => void>();
  private settledWaiters = new Set<() => void>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: WebhookEventRepository,
    private readonly processor: WebhookProcessor,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.webhooks.workerEnabled) await this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    if (!this.events.isMysql) {
      const released = await this.events.releaseAll();
      if (released) this.logger.warn(`re-queued ${released} webhook events left processing by a previous run`);
    }
    const loops = this.events.isMysql ? this.config.webhooks.workerConcurrency : 1;
    this.active = loops;
    this.loops = Array.from({ length: loops }, (_, i) => this.loop(`${this.id}#${i}`));
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    if (this.claimWait) clearTimeout(this.claimWait);
    this.claimWait = null;
    this.wakeAll();
    await Promise.all(this.loops);
    this.loops = [];
    await this.releaseHandedOff(this.handedOff.splice(0));
  }

  /**
   * The receiver's path when this process runs the worker: the deliveries are stored already claimed by this worker and
   * queued in memory, so a loop applies them without a claim transaction (on this path a claim was a third of a small
   * batch's statements and a commit) and without waiting for one. False when they are not taken — the worker is off or
   * stopping, the database cannot return the new rows' ids (MySQL), or the queue holds a batch per loop already (a
   * backlog stays in the table, where every replica's claims share it): the caller stores them `pending`.
   */
  async storeClaimed(events: NewWebhookEvent[]): Promise<boolean> {
    if (!this.running || !this.events.returnsInsertedIds) return false;
    if (this.handedOff.length + this.storing + events.length > this.claimBatch() * this.loops.length) return false;
    this.storing += events.length;
    let rows: WebhookEventEntity[] | null;
    try {
      rows = await this.events.insertClaimed(events, this.handoffId, this.config.webhooks.leaseMs);
    } finally {
      this.storing -= events.length;
    }
    if (!rows) {
      this.logger.warn(
        'the database cannot return the ids of new rows (INSERT … RETURNING; a MySQL server behind a mariadb:// URL?): deliveries are stored pending and claimed',
      );
      return false;
    }
    if (!this.running) {
      await this.releaseHandedOff(rows);
      return true;
    }
    this.handedOff.push(...rows);
    this.wakeForHandedOff();
    return true;
  }

  private async releaseHandedOff(rows: WebhookEventEntity[]): Promise<void> {
    if (!rows.length) return;
    await this.events
      .release(
        rows.map((r) => r.id),
        this.handoffId,
      )
      .catch((error: unknown) => this.logger.warn({ error: String(error) }, 'releasing handed-off webhook events failed (their lease runs out instead)'));
  }

  /** Rows per batch: SQLite has one writer and the receiver's INSERT waits while a batch transaction is open. */
  private claimBatch(): number {
    return this.events.isMysql ? this.config.webhooks.claimBatch : Math.min(this.config.webhooks.claimBatch, SQLITE_MAX_BATCH);
  }

  /**
   * A row was stored: a loop claims it now instead of at the next poll — the loop that is claiming or applying already
   * (it claims again before it sleeps, with whatever else arrived meanwhile), or else one sleeping loop. More loops join
   * when a claim finds a backlog ({@link BACKLOG_SHARE}), or when no claim started within {@link CLAIM_WAIT_MS} of the
   * row (the busy loops are all in the middle of a batch). Waking every loop for every row made most of them claim nothing,
   * and many tiny batches in flight cost more than a few larger ones: each is a transaction with the same fixed statements.
   */
  wake(): void {
    // the busy loops must not sleep through this row: their next claim looks for it
    this.wakeGeneration += 1;
    this.wakeForHandedOff();
  }

  /** Rows were queued by {@link storeClaimed}: like {@link wake}, but a loop takes them from memory, no claim needed. */
  private wakeForHandedOff(): void {
    if (this.active === 0) this.wakeOne();
    else this.startClaimWait();
  }

  private startClaimWait(): void {
    if (this.claimWait) return;
    this.claimWait = setTimeout(() => {
      this.claimWait = null;
      // no claim started since a row was stored, or queued rows not taken: every active loop is still applying
      if (this.running && this.active < LATENCY_LOOPS && (this.storedSinceLastClaim() || this.handedOff.length > 0)) this.wakeOne();
    }, CLAIM_WAIT_MS);
  }

  private wakeOne(): void {
    const [first] = this.wakers;
    first?.();
  }

  private wakeAll(): void {
    this.wakeGeneration += 1;
    const wakers = [...this.wakers];
    for (const wake of wakers) wake();
  }

  /** Resolves when no claimed batch is being applied, its after-commit effects included (tests). */
  settled(): Promise<void> {
    if (this.busy === 0) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.add(resolve));
  }

  /** Resolves once every loop found nothing due (tests and benchmarks). */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => this.idleWaiters.add(resolve));
  }

  private takeSettledWaiters(): (() => void)[] {
    const waiters = [...this.settledWaiters];
    this.settledWaiters.clear();
    return waiters;
  }

  private async loop(workerId: string): Promise<void> {
    const { leaseMs, pollIntervalMs, maxAttempts } = this.config.webhooks;
    const claimBatch = this.claimBatch();
    while (this.running) {
      // rows the receiver stored claimed, straight from memory — unless rows were stored pending since the latest claim
      // (the queue was full, or another replica's): a claim takes those first, so they never wait behind the queue
      let claimed = this.storedSinceLastClaim() ? [] : this.handedOff.splice(0, claimBatch);
      const holder = claimed.length ? this.handoffId : workerId;
      if (!claimed.length) {
        this.claimedGeneration = this.wakeGeneration;
        try {
          const result = await this.events.claim(workerId, claimBatch, leaseMs, maxAttempts);
          claimed = result.rows;
          if (result.dead.length) await this.processor.announceDead(result.dead);
        } catch (error) {
          this.logger.error({ error: String(error) }, 'claiming webhook events failed');
          await this.sleep(pollIntervalMs);
          continue;
        }
      }
      if (claimed.length === 0) {
        if (this.busy === 0) this.notifyIdle();
        // a row stored after the latest claim began (this loop's or another's) may have missed it: claim again now
        if (!this.storedSinceLastClaim() && !this.handedOff.length) await this.sleep(pollIntervalMs);
        continue;
      }
      // a backlog: another loop takes the next batch meanwhile
      if (claimed.length >= Math.max(2, claimBatch * BACKLOG_SHARE)) this.wakeOne();
      this.busy += 1;
      const lease = this.keepLeased(
        claimed.map((row) => row.id),
        holder,
      );
      try {
        await this.processor.processBatch(claimed, holder);
      } catch (error) {
        // the processor records every failure itself; this is the database being away (the lease runs out, the claim retries)
        this.logger.error({ webhookEventIds: claimed.map((r) => r.id), error: String(error) }, 'processing a webhook batch crashed');
      } finally {
        lease.stop();
        this.busy -= 1;
        if (this.busy === 0) for (const resolve of this.takeSettledWaiters()) resolve();
      }
      if (!this.running && !this.events.isMysql) await this.events.releaseAll().catch(() => undefined);
      // nothing stored since the latest claim and the batch was not full: nothing new to claim (retries are polled for)
      const maybeMore = claimed.length >= claimBatch || this.storedSinceLastClaim() || this.handedOff.length > 0 || this.idleWaiters.size > 0;
      if (this.running && !maybeMore) await this.sleep(pollIntervalMs);
    }
  }

  /** A wake-up came after the latest claim (of any loop) began, so that claim may not have seen its row. */
  private storedSinceLastClaim(): boolean {
    return this.wakeGeneration > this.claimedGeneration;
  }

  /**
   * Renews the lease of the batch's rows (finished ones no longer match) every third of a lease, so a batch slower than one
   * lease is never claimed by another worker while this one is still on it.
   */
  private keepLeased(ids: number[], workerId: string): { stop(): void } {
    const { leaseMs } = this.config.webhooks;
    const timer = setInterval(
      () => {
        this.events
          .extendLeases(ids, workerId, leaseMs)
          .catch((error: unknown) => this.logger.warn({ error: String(error) }, 'extending webhook leases failed'));
      },
      Math.max(100, Math.floor(leaseMs / 3)),
    );
    timer.unref();
    return { stop: () => clearInterval(timer) };
  }

  private notifyIdle(): void {
    const waiters = [...this.idleWaiters];
    this.idleWaiters.clear();
    for (const resolve of waiters) resolve();
  }

  /** Not active until woken (or the poll interval is up). */
  private sleep(ms: number): Promise<void> {
    this.active -= 1;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        this.active += 1;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }
}
