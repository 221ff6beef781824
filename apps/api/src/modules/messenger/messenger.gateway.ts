import { Injectable } from '@nestjs/common';
import { MessengerOptinDto } from '@ticklegram/domain-models';
import { InboxGateway } from '../inbox/inbox.gateway';
import { RealtimeService } from '../realtime/realtime.service';

/**
 * The messenger module's realtime events (`optin.*`), to whoever may see the customer's conversation
 * (the inbox's audience rule). Call after the transaction that made the change has committed.
 */
@Injectable()
export class MessengerGateway {
  constructor(
    private readonly realtime: RealtimeService,
    private readonly inbox: InboxGateway,
  ) {}

  optinsUpdated(conversation: { id: string; assigneeId: string | null }, items: MessengerOptinDto[]): void {
    this.realtime.toRooms(this.inbox.audience(conversation.id, conversation.assigneeId), 'optin.updated', { conversationId: conversation.id, items });
  }
}
