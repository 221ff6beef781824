import { JobLeaseEntity } from './entities/job-lease.entity';

export const JOBS_ENTITIES = [JobLeaseEntity];
