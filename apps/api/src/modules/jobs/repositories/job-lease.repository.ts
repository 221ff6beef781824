import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { JobLeaseEntity } from '../entities/job-lease.entity';

/** The only code that queries `job_leases`. */
@Injectable()
export class JobLeaseRepository {
  constructor(@InjectRepository(JobLeaseEntity) private readonly leases: Repository<JobLeaseEntity>) {}

  /**
   * Takes the job's lease for `holder` until `until` when it is free, expired (a released lease ends now) or already
   * `holder`'s; false when another holder's lease still runs. One conditional UPDATE (or the INSERT of a job never
   * leased), so two processes asking at once never both get it.
   */
  async takeOrRenew(job: string, holder: string, now: Date, until: Date): Promise<boolean> {
    const updated = await this.leases
      .createQueryBuilder()
      .update()
      .set({ holder, lockedUntil: until })
      .where('job = :job AND (holder = :holder OR locked_until <= :now)', { job, holder, now })
      .execute();
    if (updated.affected) return true;
    // the job was never leased: the first process to insert its row holds it
    await this.leases.createQueryBuilder().insert().values({ job, holder, lockedUntil: until }).orIgnore().execute();
    const row = await this.leases.findOne({ where: { job } });
    return row?.holder === holder;
  }

  /** Extends every lease `holder` still holds (one another process took over after it ran out stays taken). */
  async renewAll(holder: string, until: Date): Promise<void> {
    await this.leases.update({ holder }, { lockedUntil: until });
  }

  /** Ends `holder`'s leases now (a stopping process), so another process takes its jobs at their next run. */
  async releaseAll(holder: string, now: Date): Promise<void> {
    await this.leases.update({ holder }, { lockedUntil: now });
  }

  async find(job: string): Promise<JobLeaseEntity | null> {
    return this.leases.findOne({ where: { job } });
  }
}
