import { Controller, Get, Headers, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/decorators/public.decorator';
import { WebhookEndpoint, WebhookReceiver } from './webhook-receiver.service';

type HubQuery = Record<string, string | undefined>;

/** Meta's callbacks, outside the /api prefix (see bootstrap.ts). Public: authenticated by the signature. */
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

  @Post(['webhooks/instagram', 'webhooks/facebook', 'webhook'])
  @HttpCode(200)
  async receive(@Req() req: Request, @Headers('x-hub-signature-256') sha256?: string, @Headers('x-hub-signature') sha1?: string): Promise<string> {
    await this.receiver.receive(this.endpointOf(req.path), this.rawBodyOf(req), sha256, sha1);
    return 'EVENT_RECEIVED';
  }

  private endpointOf(path: string): WebhookEndpoint {
    if (path.endsWith('/instagram')) return 'instagram';
    if (path.endsWith('/facebook')) return 'facebook';
    return 'alias';
  }

  private rawBodyOf(req: Request): Buffer | undefined {
    const body: unknown = req.body;
    return Buffer.isBuffer(body) ? body : (req as Request & { rawBody?: Buffer }).rawBody;
  }
}
