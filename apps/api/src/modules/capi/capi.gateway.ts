import { Injectable } from '@nestjs/common';
import { CapiEventDto, OutcomeDto, Role } from '@ticklegram/domain-models';
import { InboxGateway } from '../inbox/inbox.gateway';
import { RealtimeService } from '../realtime/realtime.service';

/**
 * The capi module's realtime events: `capi.*`. An outcome goes to whoever may see its conversation (the
 * inbox's audience: its room, admins, the assignee or every agent while unassigned); the event log to admins.
 */
@Injectable()
export class CapiGateway {
  constructor(
    private readonly realtime: RealtimeService,
    private readonly inbox: InboxGateway,
  ) {}

  outcomeUpdated(outcome: OutcomeDto, assigneeId: string | null): void {
    this.realtime.toRooms(this.inbox.audience(outcome.conversationId, assigneeId), 'capi.outcome_updated', { outcome });
  }

  eventUpdated(event: CapiEventDto): void {
    this.realtime.toRole(Role.ADMIN, 'capi.event_updated', { event });
  }
}
