import { Injectable } from '@nestjs/common';
import { WebhookEventDetailDto, WebhookEventDto, WebhookEventListResponse } from '@ticklegram/domain-models';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { AuditService } from '../audit/audit.service';
import { ListWebhookEventsQueryDto } from './dto/list-webhook-events.query.dto';
import { toWebhookEventDetailDto, toWebhookEventDto } from './webhook-event.mapper';
import { WebhookEventRepository } from './repositories/webhook-event.repository';
import { WebhooksException, WebhooksExceptionCode } from './webhooks.exception';
import { WebhookWorker } from './webhook-worker.service';

/** Admin view of stored deliveries: list, inspect the raw body, replay. */
@Injectable()
export class WebhookEventsService {
  constructor(
    private readonly events: WebhookEventRepository,
    private readonly audit: AuditService,
    private readonly worker: WebhookWorker,
  ) {}

  async list(query: ListWebhookEventsQueryDto): Promise<WebhookEventListResponse> {
    const limit = query.limit ?? 50;
    const rows = await this.events.list({
      status: query.status,
      channel: query.channel,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      beforeId: query.cursor ? Number(query.cursor) : undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    return {
      items: page.map(toWebhookEventDto),
      nextCursor: rows.length > limit ? String(page[page.length - 1].id) : null,
      counts: await this.events.countByStatus(),
    };
  }

  async get(id: number): Promise<WebhookEventDetailDto> {
    const row = await this.events.findById(id);
    if (!row) throw new WebhooksException(WebhooksExceptionCode.WEBHOOKS_EVENT_NOT_FOUND, `No webhook event ${id}`);
    return toWebhookEventDetailDto(row);
  }

  /** Processes the stored body again; events already applied are skipped by their dedupe keys. */
  async replay(actor: AuthUser, id: number, ip: string | null): Promise<WebhookEventDto> {
    const row = await this.events.findById(id);
    if (!row) throw new WebhooksException(WebhooksExceptionCode.WEBHOOKS_EVENT_NOT_FOUND, `No webhook event ${id}`);
    if (row.status === 'rejected') throw new WebhooksException(WebhooksExceptionCode.WEBHOOKS_EVENT_BUSY, 'A rejected body (not JSON) cannot be replayed');
    const requeued = await this.events.requeue(id);
    if (!requeued) throw new WebhooksException(WebhooksExceptionCode.WEBHOOKS_EVENT_BUSY, 'The event is being processed; try again in a moment');
    await this.audit.record({
      actor,
      action: 'webhook_event.replay',
      target: { type: 'webhook_event', id: String(id) },
      details: { previousStatus: row.status, attempts: row.attempts },
      ip,
    });
    this.worker.wake();
    return toWebhookEventDto((await this.events.findById(id)) ?? row);
  }
}
