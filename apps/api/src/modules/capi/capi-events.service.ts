import { Injectable } from '@nestjs/common';
import { CAPI_RESENDABLE, CapiErrorCode, CapiEventDto, CapiEventListResponse } from '@ticklegram/domain-models';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { AuditService } from '../audit/audit.service';
import { CapiSender } from './capi-sender';
import { CapiException } from './capi.exception';
import { CapiGateway } from './capi.gateway';
import { toEventDto } from './capi.mapper';
import { CapiEventsQueryDto } from './dto/capi.query.dto';
import { CapiEventRepository } from './repositories/capi-event.repository';

const encode = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`, 'utf8').toString('base64url');

function decode(cursor: string): { at: Date; id: string } {
  const [time, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(time ?? '');
  if (!id || Number.isNaN(at.getTime())) throw new CapiException(CapiErrorCode.CAPI_EVENT_NOT_FOUND, 'cursor must be the nextCursor of a previous page');
  return { at, id };
}

/** The Conversions API log (newest first) and resending what failed. Admins only. */
@Injectable()
export class CapiEventsService {
  constructor(
    private readonly events: CapiEventRepository,
    private readonly sender: CapiSender,
    private readonly gateway: CapiGateway,
    private readonly audit: AuditService,
  ) {}

  async list(query: CapiEventsQueryDto): Promise<CapiEventListResponse> {
    const limit = query.limit ?? 50;
    const rows = await this.events.list({
      status: query.status,
      channelId: query.channelId,
      before: query.cursor ? decode(query.cursor) : undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toEventDto), nextCursor: rows.length > limit && last ? encode(last.createdAt, last.id) : null };
  }

  /** Only failed or uncertain events go out again, with the same event_id; an accepted one never does. */
  async resend(actor: AuthUser, id: string, ip: string | null): Promise<CapiEventDto> {
    const event = await this.events.findById(id);
    if (!event) throw new CapiException(CapiErrorCode.CAPI_EVENT_NOT_FOUND, 'No such Conversions API event.');
    if (!(await this.events.requeue(id, [...CAPI_RESENDABLE], new Date()))) {
      throw new CapiException(CapiErrorCode.CAPI_EVENT_NOT_RESENDABLE, `Only failed or uncertain events can be sent again; this one is ${event.status}.`);
    }
    await this.audit.record({
      actor,
      action: 'capi.event_resent',
      target: { type: 'capi_event', id },
      details: { previousStatus: event.status, eventName: event.eventName, eventId: event.eventId },
      ip,
    });
    const fresh = (await this.events.findById(id)) ?? event;
    const dto = toEventDto(fresh);
    this.gateway.eventUpdated(dto);
    this.sender.wake();
    return dto;
  }
}
