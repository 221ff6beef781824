import { Injectable } from '@nestjs/common';
import { LabelDto } from '@ticklegram/domain-models';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { AuditService } from '../audit/audit.service';
import { CreateLabelRequestDto, UpdateLabelRequestDto } from './dto/label.request.dto';
import { LabelEntity } from './entities/label.entity';
import { toLabelDto } from './label.mapper';
import { LabelRepository } from './label.repository';
import { LabelsException, LabelsExceptionCode } from './labels.exception';

/** Admin-managed labels (audited). Labels on conversations: {@link ConversationLabelsService}. */
@Injectable()
export class LabelsService {
  constructor(
    private readonly labels: LabelRepository,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<LabelDto[]> {
    return (await this.labels.list()).map(toLabelDto);
  }

  async create(actor: AuthUser, body: CreateLabelRequestDto, ip: string | null): Promise<LabelDto> {
    await this.assertNameFree(body.name);
    const saved = await this.labels.save(body);
    await this.audit.record({ actor, action: 'label.created', target: { type: 'label', id: saved.id }, details: { name: saved.name, color: saved.color }, ip });
    return toLabelDto(saved);
  }

  async update(actor: AuthUser, id: string, body: UpdateLabelRequestDto, ip: string | null): Promise<LabelDto> {
    const label = await this.get(id);
    if (body.name !== undefined && body.name !== label.name) await this.assertNameFree(body.name);
    Object.assign(label, body);
    const saved = await this.labels.save(label);
    await this.audit.record({ actor, action: 'label.updated', target: { type: 'label', id }, details: { ...body }, ip });
    return toLabelDto(saved);
  }

  async remove(actor: AuthUser, id: string, ip: string | null): Promise<void> {
    const label = await this.get(id);
    await this.labels.remove(id);
    await this.audit.record({ actor, action: 'label.deleted', target: { type: 'label', id }, details: { name: label.name }, ip });
  }

  private async get(id: string): Promise<LabelEntity> {
    const label = await this.labels.findById(id);
    if (!label) throw new LabelsException(LabelsExceptionCode.LABEL_NOT_FOUND, 'This label does not exist.');
    return label;
  }

  private async assertNameFree(name: string): Promise<void> {
    if (await this.labels.findByName(name)) throw new LabelsException(LabelsExceptionCode.LABEL_NAME_TAKEN, `A label named “${name}” already exists.`);
  }
}
