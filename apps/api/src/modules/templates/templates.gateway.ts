import { Injectable } from '@nestjs/common';
import { MessageTemplateDto, Role, TemplateStatus } from '@ticklegram/domain-models';
import { RealtimeService } from '../realtime/realtime.service';

/**
 * The templates module's realtime events: `template.*`. Admins see every template; agents only
 * approved ones, so they hear about a template while it is approved and when it stops being approved.
 */
@Injectable()
export class TemplatesGateway {
  constructor(private readonly realtime: RealtimeService) {}

  updated(template: MessageTemplateDto, previousStatus: TemplateStatus | null): void {
    this.realtime.toRole(Role.ADMIN, 'template.updated', { template });
    if (template.status === TemplateStatus.APPROVED || previousStatus === TemplateStatus.APPROVED)
      this.realtime.toRole(Role.AGENT, 'template.updated', { template });
  }

  deleted(id: string, channelId: string): void {
    this.realtime.toRole(Role.ADMIN, 'template.deleted', { id, channelId });
    this.realtime.toRole(Role.AGENT, 'template.deleted', { id, channelId });
  }
}
