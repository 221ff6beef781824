import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which api process runs a background job, until when (renewed at each of its runs; `JobLeases`). */
@Entity({ name: 'job_leases' })
export class JobLeaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  job!: string;

  @Column({ type: 'varchar', length: 100 })
  holder!: string;

  @Column({ name: 'locked_until', type: 'datetime', precision: 3 })
  lockedUntil!: Date;
}
