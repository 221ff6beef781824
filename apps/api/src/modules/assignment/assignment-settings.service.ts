import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AssignmentSettingsDto } from '@ticklegram/domain-models';
import { Repository } from 'typeorm';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { AuditService } from '../audit/audit.service';
import { AppSettingEntity } from './entities/app-setting.entity';

const KEY = 'assignment';
export const DEFAULT_ASSIGNMENT_SETTINGS: AssignmentSettingsDto = { autoAssign: false, capacity: 10 };
const CACHE_MS = 5_000;

/** Round-robin settings (off by default), stored under `app_settings.assignment`. */
@Injectable()
export class AssignmentSettingsService {
  private cached: { value: AssignmentSettingsDto; until: number } | null = null;

  constructor(
    @InjectRepository(AppSettingEntity) private readonly settings: Repository<AppSettingEntity>,
    private readonly audit: AuditService,
  ) {}

  async get(): Promise<AssignmentSettingsDto> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.value;
    const row = await this.settings.findOneBy({ key: KEY });
    const stored = (row?.value ?? {}) as Partial<AssignmentSettingsDto>;
    const value = { ...DEFAULT_ASSIGNMENT_SETTINGS, ...stored };
    this.cached = { value, until: Date.now() + CACHE_MS };
    return value;
  }

  async update(actor: AuthUser, next: AssignmentSettingsDto, ip?: string): Promise<AssignmentSettingsDto> {
    const before = await this.get();
    const value: AssignmentSettingsDto = { autoAssign: next.autoAssign, capacity: next.capacity };
    await this.settings.save({ key: KEY, value, updatedBy: actor.id, updatedAt: new Date() });
    this.cached = null;
    await this.audit.record({ actor, action: 'settings.assignment_updated', target: { type: 'app_setting', id: KEY }, details: { before, after: value }, ip });
    return value;
  }
}
