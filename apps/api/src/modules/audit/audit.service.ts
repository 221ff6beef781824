import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { AuditLogEntity } from './entities/audit-log.entity';

export interface AuditEntry {
  actor: Pick<AuthUser, 'id' | 'email'> | null;
  action: string;
  target?: { type: string; id: string };
  details?: Record<string, unknown>;
  ip?: string | null;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditLogEntity) private readonly log: Repository<AuditLogEntity>) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.log.save(
      this.log.create({
        actorId: entry.actor?.id ?? null,
        actorEmail: entry.actor?.email ?? null,
        action: entry.action,
        targetType: entry.target?.type ?? null,
        targetId: entry.target?.id ?? null,
        details: entry.details ?? null,
        ip: entry.ip ?? null,
        createdAt: new Date(),
      }),
    );
  }

  recent(limit = 100): Promise<AuditLogEntity[]> {
    return this.log.find({ order: { id: 'DESC' }, take: limit });
  }
}
