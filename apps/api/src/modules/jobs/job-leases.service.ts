import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { JobLeaseRepository } from './repositories/job-lease.repository';

/** A lease outlives this many of its job's intervals: a holder that stops renewing is replaced within about that. */
export const LEASE_INTERVALS = 3;
/** …and never less than this, so a short-interval job's run that takes a while is not taken over mid-run. */
export const MIN_LEASE_MS = 60_000;

/**
 * Background jobs that call Meta or sweep shared rows (template and insights syncs, token and subscription checks,
 * reconciliation, retention, the snooze sweep) run in one api process of a deployment at a time: each run first takes
 * or renews the job's lease in the database, and a process that does not hold it skips the run. The holder keeps the
 * job while it runs; when it stops (and releases) or dies (and its lease runs out), another process takes it over at
 * its next run. Work that is already safe to share — the webhook worker's claims, the Conversions API outbox's claim
 * tokens, the count fold's locked reads — runs everywhere.
 */
@Injectable()
export class JobLeases implements BeforeApplicationShutdown {
  private readonly logger = new Logger(JobLeases.name);
  readonly holder = `${hostname().slice(0, 40)}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly leases: JobLeaseRepository,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  /**
   * Runs `work` every `intervalMs` (the first time after `firstRunMs`, default one interval) in the process that holds
   * the job's lease; a tick while a run is still going is dropped, and a failed run is logged. Registered with Nest's
   * scheduler under the job's name; stopped before the leases are released at shutdown.
   */
  every(job: string, intervalMs: number, work: () => Promise<unknown>, firstRunMs = intervalMs): void {
    let running = false;
    const run = () => {
      if (running) return;
      running = true;
      this.runIfHeld(job, intervalMs, work)
        .catch((err: unknown) => this.logger.error({ err, job }, 'scheduled job failed'))
        .finally(() => (running = false));
    };
    const interval = setInterval(run, intervalMs);
    interval.unref();
    this.timers.push(interval);
    this.scheduler.addInterval(job, interval);
    if (firstRunMs === intervalMs) return;
    const first = setTimeout(run, firstRunMs);
    first.unref();
    this.timers.push(first);
  }

  /** This process holds the job's lease — taken or renewed now for {@link LEASE_INTERVALS} × `intervalMs`. */
  async holds(job: string, intervalMs: number, now = new Date()): Promise<boolean> {
    const until = new Date(now.getTime() + Math.max(MIN_LEASE_MS, LEASE_INTERVALS * intervalMs));
    return this.leases.takeOrRenew(job, this.holder, now, until);
  }

  /** Runs `work` when this process holds the job's lease; a run skipped because the database is away is logged. */
  async runIfHeld(job: string, intervalMs: number, work: () => Promise<unknown>): Promise<void> {
    let held: boolean;
    try {
      held = await this.holds(job, intervalMs);
    } catch (err) {
      this.logger.warn({ err, job }, 'could not take the job lease: this run is skipped');
      return;
    }
    if (held) await work();
  }

  /** Before the database closes (TypeORM closes it in its own shutdown hook). */
  async beforeApplicationShutdown(): Promise<void> {
    for (const timer of this.timers.splice(0)) clearTimeout(timer);
    await this.leases
      .releaseAll(this.holder, new Date())
      .catch((err: unknown) => this.logger.warn({ err }, 'releasing job leases failed (they run out instead)'));
  }
}
