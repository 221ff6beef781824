import { Injectable } from '@nestjs/common';
import { CapiEventDto, OutcomeDto, Role } from '@ticklegram/domain-models';
import { RealtimeService } from '../realtime/realtime.service';

/** The capi module's realtime events: `capi.*`. Outcomes go to the conversation's room and admins; the event log to admins. */
@Injectable()
export class CapiGateway {
  constructor(private readonly realtime: RealtimeService) {}

  outcomeUpdated(outcome: OutcomeDto): void {
    this.realtime.toConversation(outcome.conversationId, 'capi.outcome_updated', { outcome });
    this.realtime.toRole(Role.ADMIN, 'capi.outcome_updated', { outcome });
  }

  eventUpdated(event: CapiEventDto): void {
    this.realtime.toRole(Role.ADMIN, 'capi.event_updated', { event });
  }
}
