import { describeTemplateStatus, MessageTemplateDto } from '@ticklegram/domain-models';
import { MessageTemplateEntity } from './entities/message-template.entity';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toTemplateDto(entity: MessageTemplateEntity): MessageTemplateDto {
  return {
    id: entity.id,
    channelId: entity.channelId,
    externalId: entity.externalId,
    name: entity.name,
    language: entity.language,
    category: 'UTILITY',
    status: entity.status,
    statusReasonCode: entity.statusReasonCode,
    statusReason: describeTemplateStatus(entity.status, entity.statusReasonCode),
    content: entity.content,
    libraryTemplateName: entity.libraryTemplateName,
    createdById: entity.createdById,
    submittedAt: iso(entity.submittedAt),
    statusUpdatedAt: iso(entity.statusUpdatedAt),
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
