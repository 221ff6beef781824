import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../common/decorators/public.decorator';
import { WebhookReceiver } from './webhook-receiver.service';

type HubQuery = Record<string, string | undefined>;

/**
 * Meta's subscription handshake, outside the /api prefix (see bootstrap.ts). The POST side of the same
 * paths is WebhookIntake, in front of Express (see routeWebhooksFirst).
 */
@ApiExcludeController()
@Public()
@Controller()
export class WebhooksController {
  constructor(private readonly receiver: WebhookReceiver) {}

  @Get(['webhooks/instagram', 'webhooks/facebook', 'webhook'])
  verify(@Query() query: HubQuery, @Res() res: Response): void {
    const pick = (name: string) => query[`hub.${name}`] ?? query[`hub_${name}`];
    const challenge = this.receiver.verifyChallenge(pick('mode'), pick('verify_token'), pick('challenge'));
    res.status(200).type('text/plain').send(challenge);
  }
}
