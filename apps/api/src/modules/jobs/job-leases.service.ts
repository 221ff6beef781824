import { BeforeApplicationShutdown, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { JobLeaseRepository } from './repositories/job-lease.repository';

export interface JobLeaseTiming {
  /** How long a lease lasts unrenewed: a holder that dies is replaced about this long after its last renewal. */
  leaseMs: number;
  /** How often the holder renews all its leases (well under `leaseMs`). */
  renewEveryMs: number;
}

export const DEFAULT_JOB_LEASE_TIMING: JobLeaseTiming = { leaseMs: 15_000, renewEveryMs: 5_000 };
/** Overrides {@link DEFAULT_JOB_LEASE_TIMING}; provided nowhere in the app (tests construct `JobLeases` with their own). */
export const JOB_LEASE_TIMING = Symbol('JOB_LEASE_TIMING');

/**
 * Background jobs that call Meta or sweep shared rows (template and insights syncs, token and subscription checks,
 * reconciliation, retention, the snooze and comments backfill sweeps) run in one api process of a deployment at a
 * time: each run first takes or renews the job's lease in the database, and a process that does not hold it skips the
 * run. The holder renews all its leases on a heartbeat, whatever the jobs' intervals and however long a run takes;
 * when it stops it releases them, and when it dies (or stalls) they run out within `leaseMs` and another process takes
 * each job at its next run. Work that is already safe to share — the webhook worker's claims, the Conversions API
 * outbox's claim tokens, the count fold's locked reads — runs everywhere.
 */
@Injectable()
export class JobLeases implements BeforeApplicationShutdown {
  private readonly logger = new Logger(JobLeases.name);
  readonly holder = `${hostname().slice(0, 40)}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly timing: JobLeaseTiming;
  private readonly timers: NodeJS.Timeout[] = [];
  private heartbeat: NodeJS.Timeout | null = null;
  private renewing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly leases: JobLeaseRepository,
    private readonly scheduler: SchedulerRegistry,
    @Optional() @Inject(JOB_LEASE_TIMING) timing?: JobLeaseTiming,
  ) {
    this.timing = timing ?? DEFAULT_JOB_LEASE_TIMING;
  }

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
      this.runIfHeld(job, work)
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

  /** This process holds the job's lease — taken or renewed now; from then on the heartbeat renews it. */
  async holds(job: string, now = new Date()): Promise<boolean> {
    const held = await this.leases.takeOrRenew(job, this.holder, now, this.until(now));
    if (held) this.startHeartbeat();
    return held;
  }

  /** Runs `work` when this process holds the job's lease; a run skipped because the database is away is logged. */
  async runIfHeld(job: string, work: () => Promise<unknown>): Promise<void> {
    let held: boolean;
    try {
      held = await this.holds(job);
    } catch (err) {
      this.logger.warn({ err, job }, 'could not take the job lease: this run is skipped');
      return;
    }
    if (held) await work();
  }

  /** The heartbeat's work: extends every lease this process still holds by `leaseMs` from `now`. */
  async renew(now = new Date()): Promise<void> {
    await this.leases.renewAll(this.holder, this.until(now));
  }

  /** Before the database closes (TypeORM closes it in its own shutdown hook). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.splice(0)) clearTimeout(timer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    await this.renewing; // a renewal landing after the release would hold the jobs for another lease
    await this.leases
      .releaseAll(this.holder, new Date())
      .catch((err: unknown) => this.logger.warn({ err }, 'releasing job leases failed (they run out instead)'));
  }

  private until(now: Date): Date {
    return new Date(now.getTime() + this.timing.leaseMs);
  }

  private startHeartbeat(): void {
    if (this.heartbeat || this.stopped) return;
    this.heartbeat = setInterval(() => {
      this.renewing = this.renew().catch((err: unknown) =>
        this.logger.warn({ err }, 'renewing job leases failed: they run out unless the next renewal succeeds'),
      );
    }, this.timing.renewEveryMs);
    this.heartbeat.unref();
  }
}
