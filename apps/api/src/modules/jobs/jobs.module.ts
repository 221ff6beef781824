import { Global, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobLeaseEntity } from './entities/job-lease.entity';
import { JobLeases } from './job-leases.service';
import { JobLeaseRepository } from './repositories/job-lease.repository';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([JobLeaseEntity]), ScheduleModule.forRoot()],
  providers: [JobLeaseRepository, JobLeases],
  exports: [JobLeases],
})
export class JobsModule {}
