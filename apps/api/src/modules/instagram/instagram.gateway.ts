import { Injectable } from '@nestjs/common';
import { StoryEventPayload, StoryExpiredEventPayload } from '@ticklegram/domain-models';
import { InboxGateway } from '../inbox/inbox.gateway';
import { RealtimeService } from '../realtime/realtime.service';

type ConversationAudience = { id: string; assigneeId: string | null };

/**
 * The instagram module's realtime events (`story.*`), to whoever may see the customer's conversation (the
 * inbox's audience rule). The story message itself is the inbox's (`message.created` / `message.updated`).
 * Call after the transaction that made the change has committed.
 */
@Injectable()
export class InstagramGateway {
  constructor(
    private readonly realtime: RealtimeService,
    private readonly inbox: InboxGateway,
  ) {}

  storyReceived(conversation: ConversationAudience, payload: StoryEventPayload): void {
    this.realtime.toRooms(this.inbox.audience(conversation.id, conversation.assigneeId), 'story.received', payload);
  }

  storyExpired(conversation: ConversationAudience, payload: StoryExpiredEventPayload): void {
    this.realtime.toRooms(this.inbox.audience(conversation.id, conversation.assigneeId), 'story.expired', payload);
  }
}
