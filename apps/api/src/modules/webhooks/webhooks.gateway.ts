import { Injectable } from '@nestjs/common';
import { Role, WebhookEventDto } from '@ticklegram/domain-models';
import { RealtimeService } from '../realtime/realtime.service';

/** The webhooks module's realtime events: `webhook.*`, to admins. */
@Injectable()
export class WebhooksGateway {
  constructor(private readonly realtime: RealtimeService) {}

  /** A delivery went dead after its last retry. */
  deliveryDead(event: WebhookEventDto): void {
    this.realtime.toRole(Role.ADMIN, 'webhook.failed', event);
  }
}
