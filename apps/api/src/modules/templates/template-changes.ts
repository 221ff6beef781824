import { Injectable } from '@nestjs/common';
import { TemplateStatus } from '@ticklegram/domain-models';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { AuditService } from '../audit/audit.service';
import { MessageTemplateEntity } from './entities/message-template.entity';
import { toTemplateDto } from './template.mapper';
import { TemplatesGateway } from './templates.gateway';

/** How long a status webhook may predate our own reading of Meta's status and still count (Meta's times are in seconds). */
const WEBHOOK_GRACE_MS = 120_000;

/**
 * Moves a template to the status Meta reported. Returns false when nothing changes. A webhook
 * (`metaTime` = Meta's send time) older than the last webhook applied, or clearly older than our own
 * last reading (submit answer or poll), is stale: Meta delivers out of order and retries for hours.
 */
export function applyStatus(template: MessageTemplateEntity, status: TemplateStatus, reasonCode: string | null, now: Date, metaTime?: Date | null): boolean {
  if (metaTime) {
    if (template.metaStatusAt && metaTime < template.metaStatusAt) return false;
    if (template.statusUpdatedAt && metaTime.getTime() + WEBHOOK_GRACE_MS < template.statusUpdatedAt.getTime()) return false;
    template.metaStatusAt = metaTime;
  }
  const reason = status === TemplateStatus.APPROVED ? null : reasonCode;
  if (template.status === status && template.statusReasonCode === reason) return false;
  template.status = status;
  template.statusReasonCode = reason;
  template.statusUpdatedAt = now;
  return true;
}

/** Every change to a template is audited and announced (after it is stored). */
@Injectable()
export class TemplateChanges {
  constructor(
    private readonly audit: AuditService,
    private readonly gateway: TemplatesGateway,
  ) {}

  async announce(
    template: MessageTemplateEntity,
    previousStatus: TemplateStatus | null,
    action: string,
    actor: AuthUser | null,
    details: Record<string, unknown> = {},
    ip: string | null = null,
  ): Promise<void> {
    await this.audit.record({
      actor,
      action,
      target: { type: 'message_template', id: template.id },
      details: {
        name: template.name,
        language: template.language,
        channelId: template.channelId,
        status: template.status,
        ...(previousStatus && previousStatus !== template.status ? { previousStatus } : {}),
        ...details,
      },
      ip,
    });
    this.gateway.updated(toTemplateDto(template), previousStatus);
  }

  async deleted(template: MessageTemplateEntity, actor: AuthUser | null, details: Record<string, unknown> = {}, ip: string | null = null): Promise<void> {
    await this.audit.record({
      actor,
      action: 'template.deleted',
      target: { type: 'message_template', id: template.id },
      details: { name: template.name, language: template.language, channelId: template.channelId, ...details },
      ip,
    });
    this.gateway.deleted(template.id, template.channelId);
  }
}
