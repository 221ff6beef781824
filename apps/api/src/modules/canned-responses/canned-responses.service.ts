import { Injectable } from '@nestjs/common';
import { CannedResponseDto } from '@ticklegram/domain-models';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { AuditService } from '../audit/audit.service';
import { toCannedResponseDto } from './canned-response.mapper';
import { CannedResponseRepository } from './canned-response.repository';
import { CreateCannedResponseRequestDto, UpdateCannedResponseRequestDto } from './dto/canned-response.request.dto';
import { CannedResponsesException, CannedResponsesExceptionCode } from './canned-responses.exception';
import { CannedResponseEntity } from './entities/canned-response.entity';

/** Admin-managed reply snippets; everyone lists them, admins change them (audited). */
@Injectable()
export class CannedResponsesService {
  constructor(
    private readonly repo: CannedResponseRepository,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<CannedResponseDto[]> {
    return (await this.repo.list()).map(toCannedResponseDto);
  }

  async create(actor: AuthUser, body: CreateCannedResponseRequestDto, ip: string | null): Promise<CannedResponseDto> {
    await this.assertShortcutFree(body.shortcut);
    const saved = await this.repo.save({ ...body, createdBy: actor.id });
    await this.audit.record({
      actor,
      action: 'canned_response.created',
      target: { type: 'canned_response', id: saved.id },
      details: { shortcut: saved.shortcut },
      ip,
    });
    return toCannedResponseDto(saved);
  }

  async update(actor: AuthUser, id: string, body: UpdateCannedResponseRequestDto, ip: string | null): Promise<CannedResponseDto> {
    const entity = await this.get(id);
    if (body.shortcut !== undefined && body.shortcut !== entity.shortcut) await this.assertShortcutFree(body.shortcut);
    Object.assign(entity, body);
    const saved = await this.repo.save(entity);
    await this.audit.record({ actor, action: 'canned_response.updated', target: { type: 'canned_response', id }, details: { fields: Object.keys(body) }, ip });
    return toCannedResponseDto(saved);
  }

  async remove(actor: AuthUser, id: string, ip: string | null): Promise<void> {
    const entity = await this.get(id);
    await this.repo.remove(entity);
    await this.audit.record({ actor, action: 'canned_response.deleted', target: { type: 'canned_response', id }, details: { shortcut: entity.shortcut }, ip });
  }

  private async get(id: string): Promise<CannedResponseEntity> {
    const entity = await this.repo.findById(id);
    if (!entity) throw new CannedResponsesException(CannedResponsesExceptionCode.CANNED_RESPONSE_NOT_FOUND, 'This canned response does not exist.');
    return entity;
  }

  private async assertShortcutFree(shortcut: string): Promise<void> {
    if (await this.repo.findByShortcut(shortcut)) {
      throw new CannedResponsesException(CannedResponsesExceptionCode.CANNED_RESPONSE_SHORTCUT_TAKEN, `The shortcut /${shortcut} is already used.`);
    }
  }
}
